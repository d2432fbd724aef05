/**
 * A per-call read cache over a workbook port: a step that looks for a ledger and then for a table reads each
 * sheet once, not once per look (on Office.js every read is a round trip). Only for one call — grids read
 * before a write, or before the user edits the workbook again, go stale.
 */
import type { Grid } from '../grid.ts';
import type { SheetInfo, WorkbookPort } from '../port/workbook-port.ts';

/** A {@link WorkbookPort} that asks the port it wraps at most once for each thing. */
export class ReadCache implements WorkbookPort {
  private readonly port: WorkbookPort;
  private sheets: Promise<readonly SheetInfo[]> | null = null;
  private active: Promise<string> | null = null;
  private readonly grids = new Map<string, Promise<Grid>>();

  constructor(port: WorkbookPort) {
    this.port = port;
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    this.sheets ??= this.port.listSheets();
    return this.sheets;
  }

  activeSheetName(): Promise<string> {
    this.active ??= this.port.activeSheetName();
    return this.active;
  }

  readSheet(name: string): Promise<Grid> {
    let grid = this.grids.get(name);
    if (grid === undefined) {
      grid = this.port.readSheet(name);
      this.grids.set(name, grid);
    }
    return grid;
  }
}

/** The port itself when it already caches, else a fresh {@link ReadCache} over it. */
export function withReadCache(port: WorkbookPort): ReadCache {
  return port instanceof ReadCache ? port : new ReadCache(port);
}
