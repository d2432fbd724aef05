/**
 * Clear gives back the settings as they were before the first run, through real .xlsx bytes: choices saved
 * before scoring come back exactly, a choice saved after scoring survives the clear, and a settings document
 * of the previous version (no `prior`) clears as before.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/cli-args.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { scoreFile } from '../../src/cli/command-score.ts';
import { applyScoreWrites } from '../../src/cli/score-output.ts';
import {
  settingsWithChoice,
  type DubanSettings,
  type SettingsChoice,
} from '../../src/core/write-plan/owned-settings.ts';
import { EMPTY_PLAN } from '../../src/core/write-plan/plan-model.ts';
import { applyPlan, clearOwned, readSettings, settingsSheet } from '../../src/xlsx/apply-plan.ts';
import { ROOT, tempDir } from '../cli/cli-helpers.ts';
import { workbookSnapshot } from './snapshot.ts';

const io: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: ROOT, env: {} };
const SEED = path.join(ROOT, 'seeds/taishan-2024-ledger-q2.xlsx');
const dir = tempDir();
let files = 0;

async function load(bytes: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The workbook as a file would give it back (one write and read, as every step below makes). */
async function saved(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return load(await bytesOf(wb));
}

/** What the 表格 tab's save does, in this host: the core's document written as the plan's settings. */
async function saveChoice(wb: ExcelJS.Workbook, choice: SettingsChoice): Promise<ExcelJS.Workbook> {
  await applyPlan(wb, { ...EMPTY_PLAN, settings: settingsWithChoice(readSettings(wb), choice) });
  return saved(wb);
}

/** `duban score FILE --as-of 2024-06-30 --in-place`, as bytes in and out. */
async function score(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, `step-${++files}.xlsx`);
  writeFileSync(file, await bytesOf(wb));
  const outcome = await scoreFile(file, parseCliArgs(['score', file, '--as-of', '2024-06-30']), io);
  if (!outcome.scored) throw new Error('no workbook');
  await applyScoreWrites({ ...outcome.scored, result: outcome.run.result, findings: outcome.run.findings });
  return saved(outcome.scored.workbook.workbook);
}

async function clear(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  clearOwned(wb);
  return saved(wb);
}

async function seed(): Promise<ExcelJS.Workbook> {
  return saved(await load(readFileSync(SEED)));
}

/** The choices the tests save: the ledger sheet, plan year and preset 三亚. */
const CHOICE: SettingsChoice = { sheet: '任务台账', planYear: 2024, preset: '三亚' };

/** The document CHOICE gives in a workbook without settings, worked out from the choice by hand. */
const CHOICE_DOC: DubanSettings = {
  app: 'duban',
  version: 1,
  sheet: '任务台账',
  mapping: null,
  planYear: 2024,
  asOf: null,
  preset: '三亚',
  history: [],
  owned: { sheets: [], columns: [], rules: [] },
};

describe('score → clear with and without saved choices (exceljs host)', () => {
  it('(a) no settings: score → clear gives back the workbook, settings sheet gone', async () => {
    const before = await seed();
    const after = await clear(await score(before));
    expect(settingsSheet(after)).toBeUndefined();
    expect(workbookSnapshot(after)).toEqual(workbookSnapshot(before));
  });

  it('(b) saveChoice → score → clear gives back the workbook with the saved choices, exactly', async () => {
    const chosen = await saveChoice(await seed(), CHOICE);
    expect(readSettings(chosen)).toEqual(CHOICE_DOC);
    const scored = await score(chosen);
    expect(readSettings(scored)?.prior).toEqual(CHOICE_DOC);
    const back = await load(await bytesOf(scored));
    expect(clearOwned(back)).toEqual({
      sheets: ['评分排名', '通报', '校验'],
      columns: 1,
      // The three highlights on the ledger and the score bar on 评分排名.
      rules: 4,
      hadSettings: true,
      hadMarks: true,
    });
    const after = await saved(back);
    expect(workbookSnapshot(after)).toEqual(workbookSnapshot(chosen));
    expect(settingsSheet(after)?.state).toBe('veryHidden');
  });

  it('(c) saveChoice → score → score again → clear gives back the workbook with the saved choices', async () => {
    const chosen = await saveChoice(await seed(), CHOICE);
    const after = await clear(await score(await score(chosen)));
    expect(workbookSnapshot(after)).toEqual(workbookSnapshot(chosen));
  });

  it('(d) score → saveChoice(new preset) → clear keeps the new preset and no marks', async () => {
    const chosen = await saveChoice(await score(await seed()), { preset: '银川' });
    expect(readSettings(chosen)?.preset).toBe('银川');
    const after = await clear(chosen);
    expect(readSettings(after)).toEqual({
      app: 'duban',
      version: 1,
      sheet: null,
      mapping: null,
      planYear: null,
      asOf: null,
      preset: '银川',
      history: [],
      owned: { sheets: [], columns: [], rules: [] },
    });
    expect(after.worksheets.map((w) => w.name)).toEqual(['任务台账', '说明', '督办助手设置']);
  });

  it('(e) settings of the previous version (no prior) clear as before: the settings sheet goes', async () => {
    const before = await seed();
    const scored = await score(before);
    const stored = readSettings(scored);
    if (!stored) throw new Error('no settings');
    // Rewrite the document as the previous version wrote it: the same, without `prior`.
    const { prior, ...old } = stored;
    expect(prior).toBe(null);
    await applyPlan(scored, { ...EMPTY_PLAN, settings: old });
    const rewritten = await saved(scored);
    expect(readSettings(rewritten)).not.toHaveProperty('prior');
    const after = await clear(rewritten);
    expect(settingsSheet(after)).toBeUndefined();
    expect(workbookSnapshot(after)).toEqual(workbookSnapshot(before));
  });

  it('saved choices alone: clear has nothing to remove and keeps them', async () => {
    const chosen = await saveChoice(await seed(), CHOICE);
    const back = await load(await bytesOf(chosen));
    expect(clearOwned(back)).toEqual({
      sheets: [],
      columns: 0,
      rules: 0,
      hadSettings: true,
      hadMarks: false,
    });
    // Both read and written once more than `chosen`: exceljs flips useFirstPageNumber of a new sheet (the
    // settings sheet) on its first round trip, which is no difference of ours (docs/owned-marks.md).
    expect(workbookSnapshot(await saved(back))).toEqual(workbookSnapshot(await saved(chosen)));
  });
});
