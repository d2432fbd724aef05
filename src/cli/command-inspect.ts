/** `duban inspect <file.xlsx>`: the table, units, sub-tasks, indicators and findings. */
import type { Analysis } from '../core/analyze.ts';
import type { Lang } from '../core/findings.ts';
import { toA1 } from '../core/grid.ts';
import { renderFinding } from '../core/findings/catalog.ts';
import type { CliOptions } from './cli-args.ts';
import { CliFailure, EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { inspectJson } from './inspect-report.ts';
import { loadAnalysis } from './load-analysis.ts';

const SEVERITY_LABEL: Record<Lang, Record<'error' | 'warning' | 'info', string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'note' },
};

/** The readable summary of an analysis. */
export function inspectText(analysis: Analysis, lang: Lang): string {
  const { table, breakdown, findings } = analysis;
  const lines: string[] = [];
  lines.push(
    say(lang, 'summaryTable', {
      sheet: table.sheet,
      layout: say(lang, table.layout === 'long' ? 'layoutLong' : 'layoutWide'),
      row: table.headerRow + 1,
      rows: table.rows.length,
    }),
  );
  lines.push(say(lang, 'summaryColumns'));
  for (const c of table.columns)
    lines.push(`  ${c.role.padEnd(15)} ${toA1(c.header)}  ${c.headerText.replace(/\s+/g, ' ')}`);
  const units = new Set(table.rows.flatMap((r) => r.units));
  const indicators = breakdown.subTasks.reduce((n, t) => n + t.indicators.length, 0);
  lines.push(
    say(lang, 'summaryUnits', { count: units.size, subtasks: breakdown.subTasks.length, indicators }),
  );
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  lines.push(say(lang, 'summaryFindings', counts));
  for (const f of findings) {
    const r = renderFinding(f, lang);
    // Catalog messages already name their cell; print it only for findings without one in the text.
    const where = r.cell !== null && !r.message.includes(r.cell) ? `${r.cell} ` : '';
    lines.push(`  [${SEVERITY_LABEL[lang][r.severity]}] ${where}${r.message}`);
  }
  return lines.join('\n') + '\n';
}

/** Run the command; returns the exit code. */
export async function runInspect(options: CliOptions, io: CliIo): Promise<number> {
  const file = options.positionals[0];
  if (file === undefined) throw new CliFailure(say(options.lang, 'missingFile'), EXIT.usage);
  const loaded = await loadAnalysis(file, io.cwd, options);
  if (options.json)
    io.stdout.write(JSON.stringify(inspectJson(loaded.analysis, options.lang), null, 2) + '\n');
  else io.stdout.write(inspectText(loaded.analysis, options.lang));
  return EXIT.ok;
}
