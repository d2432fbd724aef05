/**
 * `duban demo` (`npm run demo`): the main job on the bundled seed workbook, output under `out/`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliOptions } from './cli-args.ts';
import { EXIT, type CliIo } from './cli-io.ts';
import { say } from './cli-messages.ts';
import { inspectText } from './command-inspect.ts';
import { inspectJson } from './inspect-report.ts';
import { loadAnalysis } from './load-analysis.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The bundled seed workbook. */
export const SEED_WORKBOOK = path.join(repoRoot, 'seeds', 'taishan-2024.xlsx');

/** Run the demo; writes `out/inspect.json` and `out/inspect.txt` under the current directory. */
export async function runDemo(options: CliOptions, io: CliIo): Promise<number> {
  const outDir = path.resolve(io.cwd, options.out ?? 'out');
  io.stdout.write(say(options.lang, 'demoStart', { path: path.relative(io.cwd, SEED_WORKBOOK) }) + '\n');
  const loaded = await loadAnalysis(SEED_WORKBOOK, io.cwd, { ...options, sheet: null });
  mkdirSync(outDir, { recursive: true });
  const text = inspectText(loaded.analysis, options.lang);
  const jsonPath = path.join(outDir, 'inspect.json');
  const textPath = path.join(outDir, 'inspect.txt');
  writeFileSync(jsonPath, JSON.stringify(inspectJson(loaded.analysis, options.lang), null, 2) + '\n');
  writeFileSync(textPath, text);
  io.stdout.write(text);
  io.stdout.write(say(options.lang, 'wroteFile', { path: path.relative(io.cwd, jsonPath) }) + '\n');
  io.stdout.write(say(options.lang, 'wroteFile', { path: path.relative(io.cwd, textPath) }) + '\n');
  return EXIT.ok;
}
