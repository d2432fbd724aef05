/**
 * jsdom gaps the pane's components touch. jsdom has no ResizeObserver (Fluent's MessageBar uses one to
 * reflow long messages); layout is not under test here, so an observer that never fires is enough.
 */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

/** Install the stand-ins once per test file. */
export function installDomStandIns(): void {
  if (!('ResizeObserver' in window)) {
    Object.defineProperty(window, 'ResizeObserver', { value: NoResizeObserver, configurable: true });
  }
}
