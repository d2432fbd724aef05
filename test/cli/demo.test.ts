/**
 * `duban demo` (`npm run demo`): breaks the seed table down, scores the sample ledger as of 2024-06-30, prints
 * the ranking and the circular paragraph, and writes its files under the output directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InspectJson } from '../../src/cli/inspect-report.ts';
import type { ScoreJson } from '../../src/cli/score-report.ts';
import { run, tempDir } from './cli-helpers.ts';

describe('demo', () => {
  it('prints the ranking and the circular and writes inspect.json, score.json and score.txt', async () => {
    const out = tempDir();
    const r = await run(['demo', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('工作表“分解表”：逐项（一行一项任务）表，表头在第3行，52行任务。');
    expect(r.stdout).toContain('截至 2024-06-30，序时进度 50.0%');
    // The ranking header with any padding: '  排名  责任单位    得分  状态  滞后任务' ✓; '排名责任单位' ✗
    expect(r.stdout).toMatch(/排名\s+责任单位\s+得分\s+状态\s+滞后任务/);
    expect(r.stdout).toContain('截至2024年6月30日，全区53个责任单位承担的161项重点任务中');
    for (const name of ['inspect.json', 'inspect.txt', 'score.json', 'score.txt']) {
      expect(existsSync(path.join(out, name)), name).toBe(true);
    }
    const inspect = JSON.parse(readFileSync(path.join(out, 'inspect.json'), 'utf8')) as InspectJson;
    expect(inspect.table.headerRow).toBe(3);
    const score = JSON.parse(readFileSync(path.join(out, 'score.json'), 'utf8')) as ScoreJson;
    expect(score.asOf).toBe('2024-06-30');
    expect(score.table.sheet).toBe('任务台账');
    expect(readFileSync(path.join(out, 'score.txt'), 'utf8')).toContain('通报草稿：');
  });
});
