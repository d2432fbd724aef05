/**
 * How the task pane in the playground's iframe reaches the fake Excel the page runs: the iframe's
 * `office-playground.js` (loaded where taskpane.html loads Office.js) asks the parent page to define
 * `window.Office` and `window.Excel` in the iframe. The pane's own scripts are byte-for-byte the production
 * bundle; only the host differs.
 */
import type { FakeExcel, FakeExcelNamespace, FakeRequestContext } from '../../test/fake-excel/fake-excel.ts';
import { makeOfficeGlobal, type StubQuery } from '../../test/browser/office-stub.ts';

/** The part of the iframe's `window` the binding writes. */
export interface PaneGlobals {
  Office?: unknown;
  Excel?: unknown;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * `Excel` for code running in another realm (the iframe): its batch returns the iframe's Promise, which the
 * fake — checking for a Promise as Office.js requires — would not recognise as one. The promise is adopted
 * into this realm; a batch returning anything else still reaches the fake's check unchanged.
 */
export function crossRealmExcel(excel: FakeExcelNamespace): FakeExcelNamespace {
  return {
    RequestContext: excel.RequestContext,
    run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
      return excel.run((context) => {
        const pending: unknown = batch(context);
        return (isThenable(pending) ? Promise.resolve(pending) : pending) as Promise<T>;
      });
    },
  };
}

/** Define `Office` and `Excel` in the pane's window over `fake`, with the language and theme asked for. */
export function bindPane(target: PaneGlobals, fake: FakeExcel, query: StubQuery): void {
  target.Office = makeOfficeGlobal(fake.requirements, query.displayLanguage, query.theme);
  target.Excel = crossRealmExcel(fake.Excel);
}
