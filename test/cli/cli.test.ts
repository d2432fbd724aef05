/**
 * The command line as a whole: help, usage errors, unreadable and missing files, a workbook without a table,
 * `inspect` of the seed, and the `bin/duban.js` entry point run as a child process with no build step.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { InspectJson } from '../../src/cli/inspect-report.ts';
import { ROOT, run, tempDir, writeWorkbook } from './cli-helpers.ts';

describe('help and usage', () => {
  it('prints the usage with --help and exits 0, in Chinese by default and in English with --lang en', async () => {
    const zh = await run(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('用法：duban <命令> [选项]');
    expect(zh.stdout).toContain('score <文件.xlsx>');
    const en = await run(['help', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Usage: duban <command> [options]');
  });

  it('exits 2 without a command, for an unknown command and for an unknown option', async () => {
    expect((await run([])).code).toBe(2);
    const unknown = await run(['rank']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令：rank');
    const option = await run(['score', 'x.xlsx', '--colour'], {});
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('参数错误');
  });

  it('exits 2 for a bad --as-of and for score without a file', async () => {
    const asOf = await run(['score', 'seeds/taishan-2024-ledger-q2.xlsx', '--as-of', '2024-6-30']);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of 应为日期 YYYY-MM-DD');
    const noFile = await run(['score', '--lang', 'en']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toBe('Name the .xlsx file to read.\n');
  });
});

describe('files that cannot be read', () => {
  it('exits 2 for a missing file, naming it', async () => {
    const r = await run(['score', 'no-such-file.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`找不到文件：${path.join(ROOT, 'no-such-file.xlsx')}\n`);
  });

  it('exits 2 for a file that is not an .xlsx workbook, without a stack trace', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.xlsx'), 'this is not a zip file');
    for (const command of ['inspect', 'score']) {
      const r = await run([command, 'notes.xlsx'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('无法以 .xlsx 工作簿读取文件');
      // A stack frame line: '\n    at readFile (node:fs…)' ✓; '无法以 .xlsx 工作簿读取' ✗; 'at least' mid-line ✗
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 1 when no sheet holds a table, naming the sheets looked in', async () => {
    const dir = tempDir();
    await writeWorkbook(dir, 'empty.xlsx', {
      sheets: [
        { name: '封面', cells: [['2024年工作要点'], ['（无表格）']] },
        { name: '备注', cells: [['本表由督查室编制']] },
      ],
    });
    for (const command of ['inspect', 'score']) {
      const r = await run([command, 'empty.xlsx'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('在文件 empty.xlsx 中未找到任务分解表。已查找工作表：封面、备注');
    }
  });

  it('exits 2 for a sheet that does not exist', async () => {
    const r = await run(['score', 'seeds/taishan-2024.xlsx', '--sheet', '台账']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为“台账”的工作表。现有工作表：分解表');
  });
});

describe('inspect of the seed workbook', () => {
  it('finds the 52-row table with its header in row 3 and the four columns at A3–D3', async () => {
    const r = await run(['inspect', 'seeds/taishan-2024.xlsx', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as InspectJson;
    expect(doc.table).toEqual({
      sheet: '分解表',
      layout: 'long',
      headerRow: 3,
      columns: { serial: '分解表!A3', unit: '分解表!B3', target: '分解表!C3', owner: '分解表!D3' },
    });
    // The 52 task rows are rows 4–55: every sub-task points at the target cell of one of them.
    const rows = new Set(doc.tasks.map((t) => t.cell));
    expect(rows.size).toBe(52);
    expect([...rows][0]).toBe('分解表!C4');
    expect([...rows].at(-1)).toBe('分解表!C55');
  });
});

describe('bin/duban.js', () => {
  it('runs the TypeScript sources directly as a child process', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'bin', 'duban.js'),
        'score',
        'seeds/taishan-2024-ledger-q2.xlsx',
        '--as-of',
        '2024-06-30',
        '--json',
      ],
      { cwd: ROOT, env: { ...process.env, DUBAN_DEBUG: '' } },
    );
    const doc = JSON.parse(stdout) as { asOf: string; timeProgress: number };
    expect(doc.asOf).toBe('2024-06-30');
    expect(doc.timeProgress).toBe(0.5);
  });

  it('exits with the command line exit code', async () => {
    const child = promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'duban.js'), 'score'], {
      cwd: ROOT,
    });
    await expect(child).rejects.toMatchObject({ code: 2 });
  });
});
