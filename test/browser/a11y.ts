/**
 * Accessibility probes for the browser tests (issue 7 §2), run inside the task pane's frame: axe-core with
 * colour contrast on (real layout and painted colours, which jsdom lacks), the pane's horizontal overflow,
 * the keyboard-reachable controls and what their focus looks like.
 *
 * axe-core comes from node_modules and is evaluated in the frame through the DevTools protocol: the pane's
 * Content-Security-Policy (`script-src 'self' https://appsforoffice.microsoft.com`, no 'unsafe-inline')
 * blocks an inline `<script>` such as `frame.addScriptTag({ content })` would add — the browser refuses it
 * and reports a CSP violation — and fetching it from anywhere would break the request policy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Frame } from 'playwright-core';
import { ROOT } from './pane-build.ts';

/** axe-core's browser build. */
export const AXE_SCRIPT = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** One element a rule flagged. */
export interface AxeNode {
  /** axe's CSS selector for it. */
  readonly target: string;
  /** Its opening markup, shortened. */
  readonly html: string;
  /** axe's "Fix any/all of the following" text. */
  readonly summary: string;
}

/** One rule that failed, with the elements it flagged. */
export interface AxeProblem {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  readonly nodes: readonly AxeNode[];
}

/** What one axe run found. */
export interface AxeReport {
  /** Violations of impact serious or critical (the ones issue 7 §2 forbids), after the exemption below. */
  readonly serious: readonly AxeProblem[];
  /** Violations of impact moderate or minor (reported, not forbidden). */
  readonly lesser: readonly AxeProblem[];
  /** Elements left out by {@link isTabsterBumper}'s exemption, as `rule: selector`. */
  readonly exempted: readonly string[];
  /** Rules axe could not decide for some element ("needs review"), as `rule ×count`. */
  readonly undecided: readonly string[];
  /** Ids of the rules that passed on at least one element (color-contrast among them proves it ran). */
  readonly passed: readonly string[];
}

/** The axe-core API as the frame's `window.axe` exposes it (only what the probes call). */
interface AxeApi {
  run(context: Document, options: RunOptions): Promise<AxeResults>;
}

/** Evaluate axe-core's script in `frame` unless it is there already. */
export async function injectAxe(frame: Frame): Promise<void> {
  if (await frame.evaluate(() => 'axe' in window)) return;
  await frame.evaluate(readFileSync(AXE_SCRIPT, 'utf8'));
  if (!(await frame.evaluate(() => 'axe' in window))) throw new Error(`${AXE_SCRIPT} did not define axe`);
}

/**
 * Whether a flagged element is one of Tabster's focus "bumpers": `<i tabindex="0" aria-hidden="true"
 * data-tabster-dummy>`, which Fluent UI's focus manager puts around an arrow-key group (the TabList) so that
 * Tab leaves the group in one step. axe's aria-hidden-focus rule flags them; Tabster's maintainers say they
 * are focusable on purpose and hand focus on at once (microsoft/tabster#288), and Accessibility Insights
 * leaves them out of the same rule (microsoft/accessibility-insights-web#7605). Only this rule, only these
 * elements: the keyboard test checks that focus never stays on one.
 */
export function isTabsterBumper(rule: string, html: string): boolean {
  // The element's opening tag carries the attribute:
  // '<i tabindex="0" role="none" data-tabster-dummy="" aria-hidden="true" …>' → true;
  // '<i tabindex="0" aria-hidden="true">' → false; '<div data-tabster="{…}">' → false
  return rule === 'aria-hidden-focus' && /^<[a-z]+\b[^>]*\sdata-tabster-dummy(?:=|\s|>)/i.test(html);
}

/**
 * Wait until the frame's page is painted as it will stay: two animation frames, then every finite animation
 * and CSS transition finished (at most `timeoutMs`). Fluent's buttons fade from their disabled grey when a
 * task ends; measured in the same frame, a button already enabled still has the grey of a disabled one, and
 * axe would report its contrast.
 */
export function settle(frame: Frame, timeoutMs = 3_000): Promise<void> {
  return frame.evaluate(async (limit) => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime ?? Infinity)));
    await Promise.race([
      Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, limit)),
    ]);
  }, timeoutMs);
}

/**
 * Run axe over the frame's document, once it has {@link settle}d, with every rule of the default set,
 * colour contrast included.
 */
export async function runAxe(frame: Frame): Promise<AxeReport> {
  await injectAxe(frame);
  await settle(frame);
  const raw = await frame.evaluate(async () => {
    const api = Reflect.get(window, 'axe') as AxeApi;
    const result = await api.run(document, {
      resultTypes: ['violations', 'incomplete'],
      rules: { 'color-contrast': { enabled: true } },
    });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' >>> '),
          html: n.html.slice(0, 200),
          summary: n.failureSummary ?? '',
        })),
      })),
      undecided: result.incomplete.map((v) => `${v.id} ×${String(v.nodes.length)}`),
      passed: result.passes.map((v) => v.id),
    };
  });
  const exempted: string[] = [];
  const kept = raw.violations
    .map((v) => {
      const nodes = v.nodes.filter((n) => {
        if (!isTabsterBumper(v.id, n.html)) return true;
        exempted.push(`${v.id}: ${n.target}`);
        return false;
      });
      return { ...v, nodes };
    })
    .filter((v) => v.nodes.length > 0);
  const grave = (v: AxeProblem): boolean => v.impact === 'serious' || v.impact === 'critical';
  return {
    serious: kept.filter(grave),
    lesser: kept.filter((v) => !grave(v)),
    exempted,
    undecided: raw.undecided,
    passed: raw.passed,
  };
}

/** Violations as text for a failure message: rule, impact, help and link, then each element and its fix. */
export function describeAxe(problems: readonly AxeProblem[]): string {
  return problems
    .map((p) =>
      [
        `${p.id} (${p.impact}): ${p.help} — ${p.helpUrl}`,
        ...p.nodes.map((n) => `  ${n.target}\n    ${n.html}\n    ${n.summary.replaceAll('\n', '\n    ')}`),
      ].join('\n'),
    )
    .join('\n');
}

/** How wide the frame's page is against its viewport, and which elements stick out on the right. */
export interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Up to five elements whose right edge lies beyond the viewport, as `tag.class "text…" right=…`. */
  readonly beyond: readonly string[];
}

/** Measure the frame's horizontal overflow (`document.documentElement`). */
export function measureOverflow(frame: Frame): Promise<Overflow> {
  return frame.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const beyond: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const right = element.getBoundingClientRect().right;
      if (right > width + 0.5 && beyond.length < 5) {
        const text = element.textContent.trim().slice(0, 20);
        beyond.push(`${element.tagName.toLowerCase()}.${element.className} "${text}" right=${String(right)}`);
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: width, beyond };
  });
}

/** The attribute {@link markTabStops} puts on each control it expects Tab to reach. */
export const PROBE_ATTRIBUTE = 'data-a11y-probe';

/** A control Tab should reach. */
export interface TabStop {
  /** Its {@link PROBE_ATTRIBUTE} value. */
  readonly probe: string;
  /** `role "name"`, for messages. */
  readonly label: string;
}

/**
 * Mark every enabled, rendered control of the frame that sequential focus should reach — buttons, drop-downs,
 * inputs, text areas, links, summaries and anything with tabindex ≥ 0 — and return them in document order.
 * Of a tab list only the selected tab counts: the others are reached with the arrow keys (Fluent's TabList
 * is one Tab stop). Tabster's bumpers are not controls.
 */
export function markTabStops(frame: Frame): Promise<TabStop[]> {
  return frame.evaluate((attribute) => {
    const selector = 'button, select, input, textarea, a[href], summary, [tabindex]';
    const stops: TabStop[] = [];
    let index = 0;
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      element.removeAttribute(attribute);
      if (element.hasAttribute('data-tabster-dummy')) continue;
      if (element.tabIndex < 0 || element.matches(':disabled')) continue;
      if (element.getClientRects().length === 0 || getComputedStyle(element).visibility === 'hidden')
        continue;
      if (element.getAttribute('role') === 'tab' && element.getAttribute('aria-selected') !== 'true')
        continue;
      const probe = String(index++);
      element.setAttribute(attribute, probe);
      const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
      const name = element.getAttribute('aria-label') ?? element.textContent.trim().slice(0, 30);
      stops.push({ probe, label: `${role} "${name}"` });
    }
    return stops;
  }, PROBE_ATTRIBUTE);
}

/** What focus looks like on one element. */
export interface FocusLook {
  /** The element's {@link PROBE_ATTRIBUTE} value, or null when it has none. */
  readonly probe: string | null;
  /** `role "name"`, for messages. */
  readonly label: string;
  /** See {@link focusLooks}. */
  readonly look: string;
}

/**
 * What marks each element as focused, as text: outline, box shadow, borders and transform of the element,
 * its ::before and ::after, and its parent's ::after (Fluent draws a drop-down's and an input's focus line
 * there, on `:focus-within`). An outline or border that cannot be seen (style none, width 0, transparent)
 * counts as none, so Fluent's transparent outline (meant for Windows high-contrast mode) is not taken for a
 * visible indicator. `probes` names the elements by {@link PROBE_ATTRIBUTE}; null means the focused one.
 */
export function focusLooks(frame: Frame, probes: readonly string[] | null): Promise<FocusLook[]> {
  return frame.evaluate(
    ({ attribute, wanted }) => {
      const line = (style: CSSStyleDeclaration, prefix: string): string => {
        const edge = (kind: string): string => {
          const drawn = style.getPropertyValue(`${kind}-style`);
          const width = parseFloat(style.getPropertyValue(`${kind}-width`));
          const colour = style.getPropertyValue(`${kind}-color`);
          // A colour with zero alpha, as getComputedStyle writes it:
          // 'rgba(0, 0, 0, 0)' → clear; 'rgba(17, 94, 163, 0.5)' → not clear; 'rgb(0, 0, 0)' → not clear
          const clear = colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);
          return drawn === 'none' || drawn === 'hidden' || !(width > 0) || clear
            ? 'none'
            : `${drawn} ${String(width)} ${colour}`;
        };
        const borders = ['border-top', 'border-right', 'border-bottom', 'border-left'].map(edge).join('|');
        return `${prefix} outline:${edge('outline')} shadow:${style.boxShadow} border:${borders}`;
      };
      const lookOf = (element: HTMLElement): string => {
        const parts = [line(getComputedStyle(element), 'self')];
        for (const pseudo of ['::before', '::after']) {
          const style = getComputedStyle(element, pseudo);
          if (style.content !== 'none') parts.push(`${line(style, pseudo)} transform:${style.transform}`);
        }
        const parent = element.parentElement;
        if (parent) {
          const style = getComputedStyle(parent, '::after');
          if (style.content !== 'none')
            parts.push(`${line(style, 'parent::after')} transform:${style.transform}`);
        }
        return parts.join('; ');
      };
      const elements =
        wanted === null
          ? [document.activeElement]
          : wanted.map((probe) => document.querySelector(`[${attribute}="${probe}"]`));
      return elements.map((element) => {
        if (!(element instanceof HTMLElement)) {
          return { probe: null, label: element ? element.tagName.toLowerCase() : '(nothing)', look: '' };
        }
        const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
        const name = element.getAttribute('aria-label') ?? element.textContent.trim().slice(0, 30);
        const dummy = element.hasAttribute('data-tabster-dummy') ? ' (Tabster bumper)' : '';
        return {
          probe: element.getAttribute(attribute),
          label: `${role} "${name}"${dummy}`,
          look: lookOf(element),
        };
      });
    },
    { attribute: PROBE_ATTRIBUTE, wanted: probes === null ? null : [...probes] },
  );
}
