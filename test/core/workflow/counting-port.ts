/** A workbook port that counts what is asked of the port it wraps, to prove reads are cached. */
import type { Grid } from '../../../src/core/grid.ts';
import type { SheetInfo, WorkbookPort } from '../../../src/core/port/workbook-port.ts';

/** Counts of each call. */
export class CountingPort implements WorkbookPort {
  private readonly inner: WorkbookPort;
  listCalls = 0;
  activeCalls = 0;
  /** readSheet calls by sheet name. */
  readonly reads = new Map<string, number>();

  constructor(inner: WorkbookPort) {
    this.inner = inner;
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    this.listCalls++;
    return this.inner.listSheets();
  }

  activeSheetName(): Promise<string> {
    this.activeCalls++;
    return this.inner.activeSheetName();
  }

  readSheet(name: string): Promise<Grid> {
    this.reads.set(name, (this.reads.get(name) ?? 0) + 1);
    return this.inner.readSheet(name);
  }

  /** readSheet counts as a plain object, for `toEqual`. */
  readCounts(): Record<string, number> {
    return Object.fromEntries(this.reads);
  }
}
