/**
 * The sample ledger (`seeds/taishan-2024-ledger-q2.xlsx`): built from the seed table and the invented
 * returns of `seeds/sample-progress-2024q2.json`, labelled as sample data, and up to date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ledgerResultCells } from '../../../src/core/ledger/ledger-results.ts';
import { readLedger } from '../../../src/core/ledger/read-ledger.ts';
import { resolveSettings } from '../../../src/core/score/settings.ts';
import { scoreSubTasks } from '../../../src/core/score/score.ts';
import { XlsxWorkbook } from '../../../src/xlsx/xlsx-workbook.ts';
import {
  buildSampleLedgerBytes,
  parseSampleProgress,
  SAMPLE_LEDGER_PATH,
  SAMPLE_PROGRESS_PATH,
} from '../../../scripts/build-sample-ledger.ts';

const committed = readFileSync(SAMPLE_LEDGER_PATH);

describe('sample progress file', () => {
  const raw = JSON.parse(readFileSync(SAMPLE_PROGRESS_PATH, 'utf8')) as Record<string, unknown>;

  it('is labelled as sample data and holds returns for sub-tasks of every kind', () => {
    const sample = parseSampleProgress(raw);
    expect(sample.label).toBe('示例数据 / sample data');
    expect(sample.asOf).toBe('2024-06-30');
    expect(sample.progress['3.04']).toEqual({
      q1Actual: '152、180',
      q1Status: '序时推进',
      q2Actual: '168、205',
      q2Status: '序时推进',
      progress: '有效期内国家高新技术企业168家，科技型中小企业入库205家。',
    });
  });

  it('rejects a file without the label or with a column units do not fill', () => {
    // The messages name the field: 'sample progress: label must be …' ✓ /label/; '… 1.01.target is not …' ✓ /1\.01\.target/
    expect(() => parseSampleProgress({ ...raw, label: 'real data' })).toThrow(/label/);
    expect(() => parseSampleProgress({ ...raw, progress: { '1.01': { target: 5 } } })).toThrow(
      /1\.01\.target/,
    );
  });
});

describe('sample ledger workbook', () => {
  it('is byte-identical to a fresh build (rerun `npx tsx scripts/build-sample-ledger.ts` if not)', async () => {
    const fresh = await buildSampleLedgerBytes();
    expect(fresh.equals(committed)).toBe(true);
  });

  it('has the ledger sheet and a 说明 sheet saying it is sample data', async () => {
    const wb = await XlsxWorkbook.fromBuffer(committed);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(['任务台账', '说明']);
    expect(await wb.activeSheetName()).toBe('任务台账');
    const note = await wb.readSheet('说明');
    expect(note.cells[0]?.[0]).toBe('示例数据 / sample data');
    const ledger = await wb.readSheet('任务台账');
    expect(ledger.cells[0]?.[0]).toBe('2024年重点工作任务台账（示例数据 / sample data）');
  });

  it('reads back with the sample returns at their cells', async () => {
    const wb = await XlsxWorkbook.fromBuffer(committed);
    const { ledger, findings } = readLedger(await wb.readSheet('任务台账'), { asOf: '2024-06-30' });
    expect(findings).toEqual([]);
    expect(ledger?.planYear).toBe(2024);
    // 161 sample entries, three of them left blank (1.10, 14.11, 51.02).
    expect(ledger?.progress.size).toBe(158);
    const sci = ledger?.progress.get('3.04');
    expect(sci?.indicatorActuals?.map((a) => a?.actual.value)).toEqual(['168家', '205家']);
    // 12.01 reported in the first quarter only: that return is the latest one.
    expect(ledger?.quarters.get('12.01')).toBe(1);
    expect(ledger?.progress.get('12.01')?.actual?.value).toBe('8公里');
  });

  it('gives the result columns of a scored row: ratio, expectation, status word, explanation', async () => {
    const wb = await XlsxWorkbook.fromBuffer(committed);
    const { ledger } = readLedger(await wb.readSheet('任务台账'), { asOf: '2024-06-30' });
    if (!ledger) throw new Error('no ledger');
    const result = scoreSubTasks({
      asOf: '2024-06-30',
      planYear: 2024,
      settings: resolveSettings(),
      subTasks: ledger.subTasks,
      progress: ledger.progress,
    });
    const task = (id: string) => {
      const t = result.tasks.find((x) => x.subTask.id === id);
      if (!t) throw new Error(id);
      return ledgerResultCells(t);
    };
    // 1.15: 90 of 200亿元 = 45 % decides, below 50 % → 进展滞后.
    const investment = task('1.15');
    expect(investment.completion).toBeCloseTo(0.45, 10);
    expect(investment.timeProgress).toBe(0.5);
    expect(investment.status).toBe('进展滞后');
    expect(investment.explanation).toContain('完成率45.0%');
    expect(task('20.01').status).toBe('已完成');
    expect(task('46.01')).toMatchObject({ completion: null, status: '严重滞后' });
    expect(task('1.10')).toMatchObject({ completion: null, status: '未评分' });
  });
});
