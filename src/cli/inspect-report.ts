/**
 * The `duban inspect --json` document (issue 3 §6). Other commands extend the same shapes.
 */
import type { Analysis } from '../core/analyze.ts';
import type { Indicator, SubTask } from '../core/breakdown-model.ts';
import { renderFinding } from '../core/findings/catalog.ts';
import type { Finding, Lang } from '../core/findings.ts';
import { toA1 } from '../core/grid.ts';
import type { Person } from '../core/table-model.ts';

/** `table` part. `headerRow` is the row number the user sees (1-based). */
export interface TableJson {
  readonly sheet: string;
  readonly layout: 'long' | 'wide';
  readonly headerRow: number;
  readonly columns: Readonly<Record<string, string>>;
}

/** One responsible unit. */
export interface UnitJson {
  readonly name: string;
  readonly owners: readonly string[];
  readonly coUnits: readonly string[];
  readonly cells: readonly string[];
}

/** One indicator. */
export interface IndicatorJson {
  readonly metric: string;
  readonly kind: Indicator['kind'];
  readonly comparator: Indicator['comparator'];
  readonly value: number | null;
  readonly valueMax?: number | null;
  readonly unit: string | null;
  readonly text: string;
}

/** One sub-task. */
export interface TaskJson {
  readonly id: string;
  readonly unit: string;
  readonly owner: string;
  readonly text: string;
  readonly cell: string;
  readonly deadline: string | null;
  readonly indicators: readonly IndicatorJson[];
}

/** One finding, rendered. */
export interface FindingJson {
  readonly severity: Finding['severity'];
  readonly code: string;
  readonly cell: string | null;
  readonly message: string;
}

/** The whole document. */
export interface InspectJson {
  readonly table: TableJson;
  readonly units: readonly UnitJson[];
  readonly tasks: readonly TaskJson[];
  readonly findings: readonly FindingJson[];
}

function ownerNames(owners: readonly Person[]): string[] {
  return owners.map((p) => p.display);
}

/** Table part of the document. */
export function tableJson(analysis: Analysis): TableJson {
  const { table } = analysis;
  const columns: Record<string, string> = {};
  for (const c of table.columns) columns[c.role] ??= toA1(c.header);
  return { sheet: table.sheet, layout: table.layout, headerRow: table.headerRow + 1, columns };
}

/** Units in order of first appearance, each with its owners, co-units and the cells naming it. */
export function unitsJson(analysis: Analysis): UnitJson[] {
  const byName = new Map<string, { owners: string[]; coUnits: string[]; cells: string[] }>();
  for (const row of analysis.table.rows) {
    for (const name of row.units) {
      let u = byName.get(name);
      if (!u) {
        u = { owners: [], coUnits: [], cells: [] };
        byName.set(name, u);
      }
      for (const o of ownerNames(row.owners)) if (!u.owners.includes(o)) u.owners.push(o);
      for (const c of row.coUnits) if (!u.coUnits.includes(c)) u.coUnits.push(c);
      if (row.unitCell) {
        const a1 = toA1(row.unitCell.at);
        if (!u.cells.includes(a1)) u.cells.push(a1);
      }
    }
  }
  return [...byName].map(([name, u]) => ({ name, ...u }));
}

/** A sub-task as JSON. */
export function taskJson(t: SubTask): TaskJson {
  return {
    id: t.id,
    unit: t.units.join('、'),
    owner: ownerNames(t.owners).join('、'),
    text: t.text,
    cell: toA1(t.at),
    deadline: t.deadline,
    indicators: t.indicators.map((i) => ({
      metric: i.metric,
      kind: i.kind,
      comparator: i.comparator,
      value: i.value,
      ...(i.comparator === 'range' ? { valueMax: i.valueMax } : {}),
      unit: i.unit,
      text: i.text,
    })),
  };
}

/** Findings rendered in one language. */
export function findingsJson(findings: readonly Finding[], lang: Lang): FindingJson[] {
  return findings.map((f) => {
    const r = renderFinding(f, lang);
    return { severity: r.severity, code: r.code, cell: r.cell, message: r.message };
  });
}

/** The whole inspect document. */
export function inspectJson(analysis: Analysis, lang: Lang): InspectJson {
  return {
    table: tableJson(analysis),
    units: unitsJson(analysis),
    tasks: analysis.breakdown.subTasks.map(taskJson),
    findings: findingsJson(analysis.findings, lang),
  };
}
