/**
 * `duban demo` (`npm run demo`): the main job on the bundled samples. Reads and breaks down the seed table
 * (`seeds/taishan-2024.xlsx`), then scores the sample ledger with invented second-quarter returns
 * (`seeds/taishan-2024-ledger-q2.xlsx`, 示例数据) as of 2024-06-30, prints the summary, the ranking and the
 * circular paragraph, and writes `inspect.json`, `inspect.txt`, `score.json` and `score.txt` under `out/`
 * (or `--out DIR`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../core/analyze.ts';
import type { Lang } from '../core/findings.ts';
import type { CliOptions } from './cli-args.ts';
import { EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { inspectText } from './command-inspect.ts';
import { scoreFile } from './command-score.ts';
import { inspectJson } from './inspect-report.ts';
import { loadAnalysis } from './load-analysis.ts';
import { scoreJson, scoreText } from './score-report.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundled seed workbook. */
export const SEED_WORKBOOK = path.join(repoRoot, 'seeds', 'taishan-2024.xlsx');

/** The bundled sample ledger (invented second-quarter returns for the seed table). */
export const SAMPLE_LEDGER = path.join(repoRoot, 'seeds', 'taishan-2024-ledger-q2.xlsx');

/** The date the sample ledger is scored at unless `--as-of` says otherwise. */
export const SAMPLE_AS_OF = '2024-06-30';

/** The three summary lines of an analysis (table, units, finding counts), without the finding list. */
function inspectSummary(analysis: Analysis, lang: Lang): string {
  const { table, breakdown, findings } = analysis;
  const units = new Set(table.rows.flatMap((r) => r.units));
  const indicators = breakdown.subTasks.reduce((n, t) => n + t.indicators.length, 0);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return [
    say(lang, 'summaryTable', {
      sheet: table.sheet,
      layout: say(lang, table.layout === 'long' ? 'layoutLong' : 'layoutWide'),
      row: table.headerRow + 1,
      rows: table.rows.length,
    }),
    say(lang, 'summaryUnits', { count: units.size, subtasks: breakdown.subTasks.length, indicators }),
    say(lang, 'summaryFindings', counts),
  ].join('\n');
}

/** Run the demo; writes its files under `out/` of the current directory (or `--out`). */
export async function runDemo(options: CliOptions, io: CliIo): Promise<number> {
  const { lang } = options;
  const outDir = path.resolve(io.cwd, options.out ?? 'out');
  const rel = (p: string): string => path.relative(io.cwd, p);
  const written: string[] = [];
  const write = (name: string, text: string): void => {
    const file = path.join(outDir, name);
    writeFileSync(file, text);
    written.push(file);
  };

  io.stdout.write(say(lang, 'demoStart', { path: rel(SEED_WORKBOOK) }) + '\n');
  const loaded = await loadAnalysis(SEED_WORKBOOK, io.cwd, { ...options, sheet: null });
  mkdirSync(outDir, { recursive: true });
  write('inspect.json', JSON.stringify(inspectJson(loaded.analysis, lang), null, 2) + '\n');
  write('inspect.txt', inspectText(loaded.analysis, lang));
  io.stdout.write(inspectSummary(loaded.analysis, lang) + '\n\n');

  const asOf = options.asOf ?? SAMPLE_AS_OF;
  io.stdout.write(say(lang, 'demoScore', { path: rel(SAMPLE_LEDGER), asOf }) + '\n');
  const { run, source } = await scoreFile(
    SAMPLE_LEDGER,
    { ...options, sheet: null, asOf, planYear: null },
    io,
  );
  const text = scoreText(run, lang, source);
  write('score.json', JSON.stringify(scoreJson(run, lang), null, 2) + '\n');
  write('score.txt', text);
  io.stdout.write(text + '\n');
  for (const file of written) io.stdout.write(say(lang, 'wroteFile', { path: rel(file) }) + '\n');
  return EXIT.ok;
}
