/**
 * The writing commands end to end through files: score --out / --in-place, clear, breakdown, and split →
 * fill in → merge on the seed table, with a refusal for each bad return.
 */
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extras } from '../../src/xlsx/exceljs-extras.ts';
import { ROOT, run, tempDir } from './cli-helpers.ts';

const SAMPLE = path.join(ROOT, 'seeds/taishan-2024-ledger-q2.xlsx');
const TABLE = path.join(ROOT, 'seeds/taishan-2024.xlsx');

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe('score --out and --in-place', () => {
  const dir = tempDir();
  const input = path.join(dir, 'in.xlsx');
  copyFileSync(SAMPLE, input);
  const before = readFileSync(input);

  it('writes the scored copy and leaves the input alone', async () => {
    const r = await run(['score', 'in.xlsx', '--as-of', '2024-06-30', '--out', 'out.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('已写入评分结果');
    expect(readFileSync(input).equals(before)).toBe(true);
    const wb = await open(path.join(dir, 'out.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '任务台账',
      '说明',
      '评分排名',
      '通报',
      '校验',
      '督办助手设置',
    ]);
    // No temporary file is left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite the input, and --out with --in-place, with exit 2', async () => {
    const same = await run(['score', 'in.xlsx', '--as-of', '2024-06-30', '--out', './in.xlsx'], { cwd: dir });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('就是输入文件');
    const both = await run(['score', 'in.xlsx', '--out', 'x.xlsx', '--in-place', '--lang', 'en'], {
      cwd: dir,
    });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--out and --in-place cannot be used together');
    const notXlsx = await run(['score', 'in.xlsx', '--out', 'x.csv'], { cwd: dir });
    expect(notXlsx.code).toBe(2);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('--in-place rewrites the input after keeping a byte-identical backup', async () => {
    const r = await run(['score', 'in.xlsx', '--as-of', '2024-06-30', '--in-place'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'in.bak.xlsx')).equals(before)).toBe(true);
    expect((await open(input)).getWorksheet('评分排名')).toBeDefined();
  });

  it('clear removes what score wrote', async () => {
    const r = await run(['clear', 'out.xlsx', '--out', 'clean.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '已清除：工作表 评分排名、通报、校验、督办助手设置；结果列 1 组；条件格式 4 条。',
    );
    const wb = await open(path.join(dir, 'clean.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['任务台账', '说明']);
    const ws = wb.getWorksheet('任务台账');
    expect(ws ? extras(ws).conditionalFormattings : null).toEqual([]);
  });
});

/** Set a cell of a unit's copy by task id and column letter, then save. */
async function edit(
  file: string,
  changes: { id: string; col: string; value: ExcelJS.CellValue }[],
): Promise<void> {
  const wb = await open(file);
  const ws = wb.getWorksheet('任务台账');
  if (!ws) throw new Error('no ledger in ' + file);
  for (const ch of changes) {
    ws.eachRow((row) => {
      if (row.getCell(1).value === ch.id) ws.getCell(`${ch.col}${row.number}`).value = ch.value;
    });
  }
  await wb.xlsx.writeFile(file);
}

describe('breakdown → split → fill in → merge on the seed table', async () => {
  const dir = tempDir();
  const ledger = path.join(dir, 'ledger.xlsx');
  const made = await run(['breakdown', TABLE, '--out', ledger]);
  const split = await run([
    'split',
    ledger,
    '--out-dir',
    path.join(dir, 'units'),
    '--deadline',
    '2024-07-05',
  ]);
  const unitFile = (unit: string) => path.join(dir, 'units', `2024年重点工作任务台账-${unit}.xlsx`);

  it('breakdown adds the formatted ledger sheet', async () => {
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('已生成任务台账：工作表“任务台账”，161项子任务');
    const ws = (await open(ledger)).getWorksheet('任务台账');
    expect(ws?.getCell('A2').value).toBe('编号');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws?.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    const dv = ws ? extras(ws).dataValidations.model : {};
    expect(dv['R3']).toMatchObject({
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [200],
      promptTitle: '进展情况',
    });
    expect(dv['K3']).toMatchObject({
      type: 'list',
      formulae: ['"已完成,超序时进度,序时推进,推进中,进展缓慢,严重滞后,未启动,暂停"'],
    });
  });

  it('split writes one protected workbook per unit', async () => {
    expect(split.code).toBe(0);
    expect(split.stdout).toContain('已拆分：53个责任单位的文件');
    const wb = await open(unitFile('区交运局'));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['填报说明', 'visible'],
      ['任务台账', 'visible'],
      ['督办助手设置', 'veryHidden'],
    ]);
    const ws = wb.getWorksheet('任务台账');
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws?.getCell('L3').protection).toMatchObject({ locked: false }); // 二季度完成值: open
    expect(ws?.getCell('G3').protection).toBeUndefined(); // 目标值: locked (the default)
    expect(ws?.getCell('B3').value).toBe('区交运局');
  });

  it('merge takes the units’ figures back and refuses each bad case', async () => {
    // 区人社局 reports 9.01 (新增城镇就业7200人) Q2 = 4496 with a short text.
    await edit(unitFile('区人社局'), [
      { id: '9.01', col: 'L', value: 4496 },
      { id: '9.01', col: 'R', value: '新增城镇就业4496人，完成全年计划的62.4%。' },
    ]);
    // 区交运局 changes a target (refused row) and writes 201 characters (refused text).
    const jy = await open(unitFile('区交运局'));
    const firstId = jy.getWorksheet('任务台账')?.getCell('A3').text ?? '';
    const secondId = jy.getWorksheet('任务台账')?.getCell('A4').text ?? '';
    await edit(unitFile('区交运局'), [
      { id: firstId, col: 'G', value: 1 },
      { id: secondId, col: 'R', value: '路'.repeat(201) },
    ]);
    // A formula-looking text from a unit is taken, but as text.
    await edit(unitFile('区科技局'), [{ id: '3.01', col: 'R', value: '=1+1' }]);
    // A workbook that is not a unit copy.
    copyFileSync(TABLE, path.join(dir, 'units', 'stranger.xlsx'));
    const files = readdirSync(path.join(dir, 'units')).filter((f) => f.endsWith('.xlsx'));
    const returned = files
      .filter((f) => /区人社局|区交运局|区科技局|stranger/.test(f))
      .map((f) => path.join(dir, 'units', f));
    const merged = path.join(dir, 'merged.xlsx');
    const r = await run(['merge', ledger, ...returned, '--out', merged]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('未合并1个文件；尚未报送50个单位。');
    expect(r.stdout).toContain('文件“stranger.xlsx”不是由督办助手拆分下发的单位台账');
    expect(r.stdout).toContain(`任务 ${firstId} 的“目标值”被改为“1”`);
    expect(r.stdout).toContain(`任务 ${secondId} 的进展情况有201字，超过200字`);
    const wb = await open(merged);
    const ws = wb.getWorksheet('任务台账');
    let row901 = 0;
    let row301 = 0;
    ws?.eachRow((row) => {
      if (row.getCell(1).value === '9.01') row901 = row.number;
      if (row.getCell(1).value === '3.01') row301 = row.number;
    });
    expect(ws?.getCell(`L${row901}`).value).toBe(4496);
    expect(ws?.getCell(`R${row301}`).value).toBe('=1+1');
    expect(ws?.getCell(`R${row301}`).type).toBe(ExcelJS.ValueType.String);
    // The master's formatting of the merged cell is kept (the unit-input fill from breakdown).
    expect(ws?.getCell(`L${row901}`).fill).toEqual(
      (await open(ledger)).getWorksheet('任务台账')?.getCell(`L${row901}`).fill,
    );
    const log = wb.getWorksheet('合并记录');
    const logText: string[] = [];
    log?.eachRow((row) => {
      const texts: string[] = [];
      row.eachCell((c) => texts.push(c.text));
      logText.push(texts.join(','));
    });
    expect(
      logText.some((t) => t.includes('9.01') && t.includes('2024年重点工作任务台账-区人社局.xlsx')),
    ).toBe(true);
    expect(logText.some((t) => t.includes('区发改局'))).toBe(true); // listed among units not returned
  });

  it('merge without returned files or of a non-ledger master exits with usage / not-processable codes', async () => {
    expect((await run(['merge', ledger, '--out', path.join(dir, 'm.xlsx')])).code).toBe(2);
    const r = await run(['merge', TABLE, ledger, '--out', path.join(dir, 'm.xlsx'), '--sheet', '分解表']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('没有任务台账');
    expect(existsSync(path.join(dir, 'm.xlsx'))).toBe(false);
  });
});

describe('score --out on a workbook whose own sheet is named like ours', () => {
  it('picks another name for our sheet and leaves the user’s', async () => {
    const dir = tempDir();
    const wb = await open(SAMPLE);
    wb.addWorksheet('通报').getCell('A1').value = '用户自己的通报';
    const input = path.join(dir, 'in.xlsx');
    await wb.xlsx.writeFile(input);
    const r = await run(['score', input, '--as-of', '2024-06-30', '--out', path.join(dir, 'o.xlsx')]);
    expect(r.code).toBe(0);
    const out = await open(path.join(dir, 'o.xlsx'));
    expect(out.getWorksheet('通报')?.getCell('A1').value).toBe('用户自己的通报');
    expect(out.getWorksheet('通报(2)')).toBeDefined();
    writeFileSync(path.join(dir, 'unused'), '');
  });
});

describe('breakdown of a workbook that holds only a ledger', () => {
  it('exits 1 saying the sheet is already a ledger, and writes nothing', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'again.xlsx');
    const r = await run(['breakdown', SAMPLE, '--out', out]);
    expect(r.code).toBe(1);
    // The sample ledger's header is on row 2 (a title row above it), its first cell A2.
    expect(r.stderr).toContain('工作表“任务台账”已经是任务台账（表头 任务台账!A2），无需再分解。');
    expect(existsSync(out)).toBe(false);
  });
});
