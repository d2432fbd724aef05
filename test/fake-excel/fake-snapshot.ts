/**
 * A deep, plain copy of the fake's document for `expect(after).toEqual(before)`: everything a command could
 * change, keyed by A1 names and sorted, with ids left out (a sheet or rule removed and added again is the
 * same content with a new id).
 */
import { columnLetters } from '../../src/core/grid.ts';
import type {
  HostConditionalFormatType,
  HostHyperlink,
  HostPageLayout,
  HostStyle,
  HostValidationRule,
  HostVisibility,
  HostWorkbook,
} from './fake-host.ts';
import { a1, localAddress } from './fake-ops.ts';

/** One conditional format, in priority order (`priority` 0 first). */
export interface FakeConditionalFormatSnapshot {
  readonly priority: number;
  readonly type: HostConditionalFormatType;
  /** Local addresses of its areas, sorted. */
  readonly ranges: readonly string[];
  /** Custom only. */
  readonly formula?: string;
  readonly fill?: string | null;
  readonly fontColor?: string | null;
  /** DataBar only. */
  readonly bar?: { readonly direction: string; readonly fillColor: string; readonly gradient: boolean };
  /** Other kinds (read from an .xlsx): the rule as exceljs read it. */
  readonly raw?: unknown;
}

/** One data-validation rectangle. */
export interface FakeValidationSnapshot {
  readonly range: string;
  readonly rule: HostValidationRule | null;
  readonly prompt: { showPrompt: boolean; title: string; message: string } | null;
  readonly errorAlert: { showAlert: boolean; style: string; title: string; message: string } | null;
}

/** One chart. */
export interface FakeChartSnapshot {
  readonly name: string;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  readonly title: string | null;
  readonly legendVisible: boolean;
  readonly position: { readonly start: string; readonly end: string | null } | null;
}

/** One sheet. Cell maps are keyed by local A1 names and list only cells that differ from a blank cell. */
export interface FakeSheetSnapshot {
  readonly name: string;
  readonly visibility: HostVisibility;
  readonly position: number;
  readonly values: Readonly<Record<string, string | number | boolean>>;
  readonly formulas: Readonly<Record<string, string>>;
  /** Non-General number formats. */
  readonly numberFormats: Readonly<Record<string, string>>;
  /** Fills, fonts, borders, alignment, wrap and locked: only what differs from Excel's defaults. */
  readonly styles: Readonly<Record<string, HostStyle>>;
  /** Merged areas as local addresses, sorted by position. */
  readonly merges: readonly string[];
  readonly hiddenRows: readonly number[];
  /** Column letter → width in points, for columns not at the standard 48. */
  readonly columnWidths: Readonly<Record<string, number>>;
  /** 1-based row number → height in points, for rows not at the standard 15. */
  readonly rowHeights: Readonly<Record<string, number>>;
  readonly conditionalFormats: readonly FakeConditionalFormatSnapshot[];
  readonly dataValidations: readonly FakeValidationSnapshot[];
  readonly hyperlinks: Readonly<Record<string, HostHyperlink>>;
  readonly frozenRows: number;
  readonly pageLayout: HostPageLayout;
  readonly protected: boolean;
  readonly charts: readonly FakeChartSnapshot[];
}

/** The whole document. */
export interface FakeSnapshot {
  readonly active: string;
  /** Workbook structure protection. */
  readonly protected: boolean;
  readonly sheets: readonly FakeSheetSnapshot[];
}

/** Sorting key of an A1 name: row then column. */
function cellKey(name: string): [number, number] {
  // 'AB12' → letters 'AB', row 12
  const m = /^([A-Z]+)(\d+)$/.exec(name);
  if (!m) return [Number.MAX_SAFE_INTEGER, 0];
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

function sortedRecord<V>(entries: [string, V][]): Record<string, V> {
  entries.sort((x, y) => {
    const [ra, ca] = cellKey(x[0]);
    const [rb, cb] = cellKey(y[0]);
    return ra - rb || ca - cb || x[0].localeCompare(y[0]);
  });
  return Object.fromEntries(entries);
}

function deep<V>(v: V): V {
  return structuredClone(v);
}

/** The snapshot of a host document. */
export function snapshotHost(doc: HostWorkbook): FakeSnapshot {
  const sheets = doc.sheets.map((s, position): FakeSheetSnapshot => {
    const values: [string, string | number | boolean][] = [];
    s.cells.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell.type !== 'Empty' && !cell.unevaluated) values.push([a1(r, c), cell.value]);
      });
    });
    const formats: [string, string][] = [];
    s.formats.forEach((row, r) => {
      row.forEach((f, c) => {
        if (f !== 'General') formats.push([a1(r, c), f]);
      });
    });
    const styles: [string, HostStyle][] = [];
    for (const [r, line] of s.styles) for (const [c, style] of line) styles.push([a1(r, c), deep(style)]);
    const links: [string, HostHyperlink][] = Object.keys(s.hyperlinks).map((name) => {
      const target = s.hyperlinks[name] ?? '';
      const details = s.linkDetails[name];
      if (details) return [name, { ...details }];
      return [name, target.startsWith('#') ? { documentReference: target.slice(1) } : { address: target }];
    });
    return {
      name: s.name,
      visibility: s.visibility,
      position,
      values: sortedRecord(values),
      formulas: sortedRecord(Object.entries(s.formulas)),
      numberFormats: sortedRecord(formats),
      styles: sortedRecord(styles),
      merges: [...s.merges].sort((x, y) => x.top - y.top || x.left - y.left).map((m) => localAddress(m)),
      hiddenRows: [...s.hiddenRows].sort((x, y) => x - y),
      columnWidths: Object.fromEntries(
        [...s.columnWidths].sort((x, y) => x[0] - y[0]).map(([c, w]) => [columnLetters(c), w]),
      ),
      rowHeights: Object.fromEntries(
        [...s.rowHeights].sort((x, y) => x[0] - y[0]).map(([r, h]) => [String(r + 1), h]),
      ),
      conditionalFormats: s.conditionalFormats.map((cf, priority): FakeConditionalFormatSnapshot => {
        const ranges = [...cf.areas]
          .sort((x, y) => x.top - y.top || x.left - y.left)
          .map((a) => localAddress(a));
        if (cf.type === 'Custom') {
          return {
            priority,
            type: cf.type,
            ranges,
            formula: cf.formula,
            fill: cf.fill,
            fontColor: cf.fontColor,
          };
        }
        if (cf.type === 'DataBar') return { priority, type: cf.type, ranges, bar: { ...cf.bar } };
        return { priority, type: cf.type, ranges, raw: deep(cf.raw) };
      }),
      dataValidations: [...s.validations]
        .sort((x, y) => x.range.top - y.range.top || x.range.left - y.range.left)
        .map((v) => ({
          range: localAddress(v.range),
          rule: v.rule ? deep(v.rule) : null,
          prompt: v.prompt ? { ...v.prompt } : null,
          errorAlert: v.errorAlert ? { ...v.errorAlert } : null,
        })),
      hyperlinks: sortedRecord(links),
      frozenRows: s.frozenRows,
      pageLayout: deep(s.pageLayout),
      protected: s.protection.protected,
      charts: s.charts.map((ch) => ({
        name: ch.name,
        type: ch.type,
        source: ch.source,
        seriesBy: ch.seriesBy,
        title: ch.title,
        legendVisible: ch.legendVisible,
        position: ch.position ? { ...ch.position } : null,
      })),
    };
  });
  return { active: doc.active, protected: doc.protected, sheets };
}
