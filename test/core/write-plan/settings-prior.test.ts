/**
 * The settings as they were before the first run (`prior`): what each run that writes owned marks keeps of
 * the stored document, what clear gives back, what saving the 表格 tab's choices changes, and how a document
 * with or without `prior` reads back.
 */
import { describe, expect, it } from 'vitest';
import { analyzeGrid } from '../../../src/core/analyze.ts';
import type { Grid } from '../../../src/core/grid.ts';
import { sheetDataToGrid } from '../../../src/core/port/memory-workbook.ts';
import { readTableProgress } from '../../../src/core/progress/index.ts';
import { resolveSettings, scoreSubTasks } from '../../../src/core/score/index.ts';
import {
  emptySettings,
  hasOwnedMarks,
  parseSettingsGrid,
  priorFor,
  settingsAfterClear,
  settingsCells,
  settingsWithChoice,
  type DubanSettings,
} from '../../../src/core/write-plan/owned-settings.ts';
import { planScoreWrites } from '../../../src/core/write-plan/plan-score.ts';

/** Saved choices only, as the 表格 tab stores them. */
const CHOICES: DubanSettings = {
  app: 'duban',
  version: 1,
  sheet: '完成情况',
  mapping: { unit: 1, target: 2 },
  planYear: 2024,
  asOf: null,
  preset: '三亚',
  history: [],
  owned: { sheets: [], columns: [], rules: [] },
};

/** A document after scoring (marks), carrying `prior`. */
function scoredDoc(prior: DubanSettings | null | undefined): DubanSettings {
  const doc: DubanSettings = {
    ...CHOICES,
    asOf: '2024-06-30',
    preset: '序时',
    history: [{ asOf: '2024-06-30', units: [{ name: '区交运局', rank: 1, score: 60 }] }],
    owned: {
      sheets: ['评分排名', '通报', '校验', '督办助手设置'],
      columns: [],
      rules: [
        {
          id: 'duban.highlight.severe',
          sheet: '完成情况',
          ref: 'A3:L6',
          kind: 'expression',
          formula: '=$K3="严重滞后"',
        },
      ],
    },
  };
  return prior === undefined ? doc : { ...doc, prior };
}

/** The grid of a settings sheet holding `json` (marker in A1, text from A2). */
function sheetOf(json: string): Grid {
  return sheetDataToGrid({ name: '督办助手设置', cells: [['duban-settings'], [json]] });
}

describe('hasOwnedMarks', () => {
  it('is false for saved choices and for a document listing only the settings sheet', () => {
    expect(hasOwnedMarks(CHOICES)).toBe(false);
    expect(hasOwnedMarks({ ...CHOICES, owned: { sheets: ['督办助手设置'], columns: [], rules: [] } })).toBe(
      false,
    );
  });

  it('is true for a scored document', () => {
    expect(hasOwnedMarks(scoredDoc(null))).toBe(true);
    expect(hasOwnedMarks({ ...CHOICES, owned: { sheets: ['通报'], columns: [], rules: [] } })).toBe(true);
  });
});

describe('priorFor', () => {
  it('is null without a previous document', () => {
    expect(priorFor(null)).toBe(null);
  });

  it('is the previous document itself when it holds choices only', () => {
    expect(priorFor(CHOICES)).toEqual(CHOICES);
  });

  it('keeps the prior of a previous document with marks (a re-run)', () => {
    expect(priorFor(scoredDoc(CHOICES))).toEqual(CHOICES);
    expect(priorFor(scoredDoc(null))).toBe(null);
    // Written before `prior` existed: there is nothing to give back.
    expect(priorFor(scoredDoc(undefined))).toBe(null);
  });
});

describe('settingsAfterClear', () => {
  it('keeps saved choices as they are (nothing to remove)', () => {
    expect(settingsAfterClear(CHOICES)).toBe(CHOICES);
  });

  it('gives back the prior of a scored document, or null (delete the sheet)', () => {
    expect(settingsAfterClear(scoredDoc(CHOICES))).toEqual(CHOICES);
    expect(settingsAfterClear(scoredDoc(null))).toBe(null);
    expect(settingsAfterClear(scoredDoc(undefined))).toBe(null);
  });
});

describe('settingsWithChoice', () => {
  it('stores the choices in a workbook without settings, columns only as numbers', () => {
    expect(
      settingsWithChoice(null, {
        sheet: '分解表',
        planYear: 2024,
        preset: '三亚',
        mapping: { unit: 1, remark: null },
      }),
    ).toEqual({
      app: 'duban',
      version: 1,
      sheet: '分解表',
      mapping: { unit: 1 },
      planYear: 2024,
      asOf: null,
      preset: '三亚',
      history: [],
      owned: { sheets: [], columns: [], rules: [] },
    });
  });

  it('changes only what is chosen in saved choices, and adds no prior', () => {
    expect(settingsWithChoice(CHOICES, { asOf: '2024-09-30' })).toEqual({ ...CHOICES, asOf: '2024-09-30' });
  });

  it('after scoring, changes the choices in the document and in its prior', () => {
    const after = settingsWithChoice(scoredDoc(CHOICES), { preset: '银川' });
    expect(after).toEqual({ ...scoredDoc({ ...CHOICES, preset: '银川' }), preset: '银川' });
  });

  it('after a first scoring with no settings before, makes a prior of the choice', () => {
    const after = settingsWithChoice(scoredDoc(null), { preset: '银川' });
    expect(after.prior).toEqual({
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
    expect(settingsAfterClear(after)?.preset).toBe('银川');
  });
});

describe('reading prior back', () => {
  it('reads a document without prior as before (no prior key)', () => {
    const parsed = parseSettingsGrid(sheetOf(JSON.stringify(scoredDoc(undefined))));
    expect(parsed).toEqual(scoredDoc(undefined));
    expect(parsed !== null && 'prior' in parsed).toBe(false);
  });

  it('reads prior null and a prior document', () => {
    expect(parseSettingsGrid(sheetOf(JSON.stringify(scoredDoc(null))))?.prior).toBe(null);
    expect(parseSettingsGrid(sheetOf(JSON.stringify(scoredDoc(CHOICES))))?.prior).toEqual(CHOICES);
  });

  it('drops marks and a nested prior inside a prior, and reads a prior that is not ours as null', () => {
    const odd = { ...CHOICES, owned: { sheets: ['通报'], columns: [], rules: [] }, prior: CHOICES };
    const text = JSON.stringify({ ...scoredDoc(undefined), prior: odd });
    expect(parseSettingsGrid(sheetOf(text))?.prior).toEqual(CHOICES);
    const foreign = JSON.stringify({ ...scoredDoc(undefined), prior: { app: 'other' } });
    expect(parseSettingsGrid(sheetOf(foreign))?.prior).toBe(null);
  });

  it('writes back the same text the choices were stored with', () => {
    const stored = (settingsCells(CHOICES)[1] ?? [])[0];
    const back = parseSettingsGrid(sheetOf(JSON.stringify(scoredDoc(CHOICES))))?.prior;
    expect(back ? (settingsCells(back)[1] ?? [])[0] : null).toBe(stored);
  });
});

describe('planScoreWrites keeps the settings from before the first run', () => {
  const grid = sheetDataToGrid({
    name: '完成情况',
    cells: [
      ['2024年重点工作任务完成情况'],
      ['序号', '责任单位', '目标任务', '责任人', '目标值', '完成值'],
      [1, '区人社局', '新增城镇就业7200人以上', '张辉', 7200, 4496],
      [2, '区交运局', '新改建“四好农村路”40公里', '孙大伟', 40, 8],
    ],
  });
  const analysis = analyzeGrid(grid).analysis;
  if (!analysis) throw new Error('no table');
  const tp = readTableProgress(analysis.table, analysis.breakdown, { grid, planYear: 2024 });
  const result = scoreSubTasks({
    asOf: '2024-06-30',
    planYear: 2024,
    settings: resolveSettings(),
    subTasks: tp.subTasks,
    progress: tp.progress,
  });
  const plan = (previous: DubanSettings | null) =>
    planScoreWrites({
      target: { kind: 'table', table: analysis.table },
      result,
      findings: [],
      sheet: { name: '完成情况', lastCol: 5, widths: [] },
      sheetNames: ['完成情况'],
      previous,
    }).settings;

  it('prior null on a workbook without settings', () => {
    expect(plan(null)?.prior).toBe(null);
  });

  it('prior = the saved choices, then kept by a re-run', () => {
    const first = plan(CHOICES);
    expect(first?.prior).toEqual(CHOICES);
    expect(first ? plan(first)?.prior : undefined).toEqual(CHOICES);
  });

  it('prior null on a re-run over a document of the previous version', () => {
    expect(plan(scoredDoc(undefined))?.prior).toBe(null);
  });

  it('a first run on empty settings keeps them as prior (no marks yet)', () => {
    expect(plan(emptySettings())?.prior).toEqual(emptySettings());
  });
});
