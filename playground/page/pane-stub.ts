/**
 * office-playground.js: served in place of Office.js inside the playground's iframe. It runs before the
 * pane's scripts (a classic script in <head>, as Office.js is) and asks the page around the iframe to bind
 * `Office` and `Excel` to its fake Excel. Opened outside the playground it defines nothing, and the pane
 * shows its "not inside Excel" notice, as on any web page without Office.
 */

/** What the playground page exposes to its iframe. */
interface PlaygroundParent {
  __dubanPlayground?: { bindPane(target: Window): void };
}

// Same origin, so the parent's globals are reachable; a cross-origin parent throws on access: then nothing.
try {
  if (window.parent !== window) {
    (window.parent as Window & PlaygroundParent).__dubanPlayground?.bindPane(window);
  }
} catch {
  // Not inside the playground: leave Office undefined.
}
