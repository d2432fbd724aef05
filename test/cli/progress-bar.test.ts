/**
 * The progress bar draws on stderr only when stderr is a terminal, wipes its line when done, and stays out
 * of the way of everything else written meanwhile; `score --out` shows its stages with it.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { runCli } from '../../src/cli/main.ts';
import { progressBar } from '../../src/cli/progress-bar.ts';
import { ROOT, tempDir } from './cli-helpers.ts';

/** An io whose streams record every write; `tty` sets `isTTY` on both (undefined: not set at all). */
function fakeIo(tty: boolean | undefined): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (sink: string[]): CliIo['stderr'] => ({
    write: (t: string) => sink.push(t),
    ...(tty === undefined ? {} : { isTTY: tty }),
  });
  return { io: { stdout: stream(out), stderr: stream(err), cwd: ROOT, env: {} }, out, err };
}

const HASH30 = '#'.repeat(30);
const DOT30 = '.'.repeat(30);

describe('progressBar', () => {
  it('writes nothing when stderr is not a terminal, or says nothing about it', () => {
    for (const tty of [false, undefined]) {
      const { io, err } = fakeIo(tty);
      const bar = progressBar(io, '处理中', 4);
      bar.update(0, '读取工作簿');
      bar.update(2);
      bar.aside(() => io.stderr.write('a message\n'));
      bar.update(4);
      bar.finish();
      expect(err).toEqual(['a message\n']);
    }
  });

  it('writes nothing on a terminal for a single step', () => {
    const { io, err } = fakeIo(true);
    const bar = progressBar(io, '处理中', 1);
    bar.update(0);
    bar.update(1);
    bar.finish();
    expect(err).toEqual([]);
  });

  it('draws on a terminal in place, blanks what a shorter line leaves, and wipes its line at the end', () => {
    const { io, err } = fakeIo(true);
    const bar = progressBar(io, '处理中', 4);
    bar.update(0, '读取工作簿');
    bar.update(0, '读取工作簿'); // the same line again: not redrawn
    bar.update(2);
    bar.finish();
    bar.update(3); // after finish: nothing
    bar.finish();
    // Columns: 处理中 6 + ' [' 2 + 30 + '] ' 2 + '0/4' 3 + ' ' 1 + 读取工作簿 10 = 54; without the note 43.
    expect(err).toEqual([
      `\r处理中 [${DOT30}] 0/4 读取工作簿`,
      `\r处理中 [${'#'.repeat(15)}${'.'.repeat(15)}] 2/4${' '.repeat(54 - 43)}`,
      `\r${' '.repeat(54)}\r`,
    ]);
  });

  it('clamps the count to 0…total', () => {
    const { io, err } = fakeIo(true);
    const bar = progressBar(io, 'Working', 2);
    bar.update(5);
    bar.finish();
    bar.update(-1);
    expect(err[0]).toBe(`\rWorking [${HASH30}] 2/2`);
    expect(err).toHaveLength(2);
  });

  it('wipes its line for other output and draws itself again after it', () => {
    const { io, out, err } = fakeIo(true);
    const all: string[] = [];
    io.stdout.write = (t: string) => all.push(`out:${t}`) && out.push(t);
    io.stderr.write = (t: string) => all.push(`err:${t}`) && err.push(t);
    const bar = progressBar(io, 'Working', 2);
    bar.aside(() => io.stdout.write('before any bar\n'));
    bar.update(1, 'scoring');
    bar.aside(() => io.stdout.write('the report\n'));
    bar.finish();
    const line = `\rWorking [${'#'.repeat(15)}${'.'.repeat(15)}] 1/2 scoring`;
    const wipe = `\r${' '.repeat(line.length - 1)}\r`;
    expect(all).toEqual([
      'out:before any bar\n',
      `err:${line}`,
      `err:${wipe}`,
      'out:the report\n',
      `err:${line}`,
      `err:${wipe}`,
    ]);
  });
});

describe('score --out with a progress bar', () => {
  const dir = tempDir();
  const sample = path.join(ROOT, 'seeds/taishan-2024-ledger-q2.xlsx');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows its four stages on a terminal and leaves no trace of the bar in the report', async () => {
    const { io, out, err } = fakeIo(true);
    const code = await runCli(
      ['score', sample, '--as-of', '2024-06-30', '--out', path.join(dir, 'tty.xlsx')],
      io,
    );
    expect(code).toBe(0);
    const stderr = err.join('');
    for (const [step, stage] of [
      [0, '读取工作簿'],
      [1, '评分'],
      [2, '标注结果'],
      [3, '保存'],
    ] as const) {
      expect(stderr).toContain(`] ${step}/4 ${stage}`);
    }
    // The bar's line is wiped before the closing message, which stands on a line of its own.
    expect(stderr).toMatch(/\r {40,}\r已写入评分结果：.*\n$/);
    expect(out.join('')).not.toContain('\r');
    expect(out.join('')).toContain('评分规则');
  });

  it('writes no control characters when stderr is not a terminal', async () => {
    const { io, err } = fakeIo(false);
    const code = await runCli(
      ['score', sample, '--as-of', '2024-06-30', '--out', path.join(dir, 'pipe.xlsx')],
      io,
    );
    expect(code).toBe(0);
    expect(err.join('')).not.toContain('\r');
    expect(err.join('')).toContain('已写入评分结果');
  });

  it('wipes the bar before an error message', async () => {
    const { io, err } = fakeIo(true);
    const code = await runCli(
      ['score', path.join(dir, 'missing.xlsx'), '--out', path.join(dir, 'x.xlsx')],
      io,
    );
    expect(code).toBe(2);
    const stderr = err.join('');
    expect(stderr).toContain('] 0/4 读取工作簿');
    // Whatever the bar drew is wiped before the message naming the file.
    expect(stderr).toMatch(/\r {40,}\r[^\r]*missing\.xlsx[^\r]*\n$/);
  });
});
