/**
 * `npm run bench`: every benchmark script, one after another (never in parallel — they would measure each
 * other on a 2-core machine). Each script prints its own figures and writes bench/results/<name>.md; this
 * runner only sequences them and stops at the first one that fails.
 *
 * `npm run bench -- core-10k score-100k` runs only the named ones.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The benchmarks, fastest first. */
const BENCHES = [
  'core-10k',
  'score-100k',
  'excel-syncs',
  'cli-score-20k',
  'cli-merge-60',
  'pane-load',
  'pane-score',
] as const;

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(BENCHES as readonly string[]).includes(w));
if (unknown.length > 0) {
  console.error(`未知的基准 / unknown benchmark: ${unknown.join(', ')} (known: ${BENCHES.join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : BENCHES) {
  console.log(`\n=== ${name} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(HERE, `${name}.ts`)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error(`${name} failed (exit ${String(run.status ?? run.signal)})`);
    process.exit(1);
  }
}
