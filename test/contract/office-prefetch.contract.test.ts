/**
 * The session's reader (`src/excel/prefetch.ts`: overview, prefetch, completion) delivers the same grids as
 * every other adapter: the workbook-port contract run over a port that reads each sheet through it, on a
 * current host and on an ExcelApi 1.8 host (no merged areas).
 */
import type { Grid } from '../../src/core/grid.ts';
import type { SheetInfo, WorkbookData, WorkbookPort } from '../../src/core/port/workbook-port.ts';
import { DubanError } from '../../src/core/errors.ts';
import { completeReads, prefetch, readOverview, type RunContext } from '../../src/excel/prefetch.ts';
import { createFakeExcel, type FakeExcel } from '../fake-excel/fake-excel.ts';
import { runWorkbookPortContract } from './workbook-port-contract.ts';

/** A port whose every call is one `Excel.run` through the session's reader. */
class PrefetchPort implements WorkbookPort {
  constructor(private readonly fake: FakeExcel) {}

  private run<T>(body: (run: RunContext) => Promise<T>): Promise<T> {
    return this.fake.Excel.run((context) =>
      body({
        context: context as unknown as Excel.RequestContext,
        policy: {},
        counter: { syncs: 0 },
        blockRows: 5000,
        budget: 4_000_000,
        requirements: this.fake.requirements,
      }),
    );
  }

  listSheets(): Promise<readonly SheetInfo[]> {
    return this.run(async (run) =>
      (await readOverview(run)).sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
    );
  }

  activeSheetName(): Promise<string> {
    return this.run(async (run) => (await readOverview(run)).active);
  }

  readSheet(name: string): Promise<Grid> {
    return this.run(async (run) => {
      const overview = await readOverview(run);
      if (!overview.sheets.some((s) => s.name === name)) {
        throw new DubanError('sheet_not_found', `Sheet not found: ${name}`, { sheet: name });
      }
      const pre = await prefetch(run, overview, { grids: [name], widthColumns: 0, watch: false });
      await completeReads(run, pre, { cfDetailSheets: [] }, []);
      const grid = pre.grids.get(name);
      if (!grid) throw new Error(`no grid for ${name}`);
      return grid;
    });
  }
}

function portOver(data: WorkbookData, maxExcelApi: string): Promise<WorkbookPort> {
  return Promise.resolve(new PrefetchPort(createFakeExcel(data, { maxExcelApi })));
}

runWorkbookPortContract('session reader (ExcelApi 1.13+)', (data) => portOver(data, '1.13'));
runWorkbookPortContract('session reader (ExcelApi 1.8)', (data) => portOver(data, '1.8'), { merges: 'none' });
