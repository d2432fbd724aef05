/**
 * Clear gives back the settings as they were before the first run, in the Office.js host over the strict
 * fake (`fake.snapshot()` equality): choices saved before scoring come back exactly, a choice saved after
 * scoring survives the clear, a settings document of the previous version (no `prior`) clears as before,
 * and a write failing midway — while scoring or while clearing — leaves the saved choices recoverable.
 */
import { describe, expect, it } from 'vitest';
import { DubanError } from '../../src/core/errors.ts';
import { SETTINGS_SHEET_NAME } from '../../src/core/write-plan/owned-settings.ts';
import type { ExcelSession } from '../../src/excel/excel-session.ts';
import type { ScoreChoice } from '../../src/excel/session-api.ts';
import { createFakeExcel, type FakeExcel } from '../fake-excel/fake-excel.ts';
import type { FakeSnapshot } from '../fake-excel/fake-snapshot.ts';
import { decorate, sessionOver, TABLE } from './session-fixtures.ts';

/** The choices the tests save on the decorated table. */
const CHOICE: ScoreChoice = {
  sheet: '完成情况',
  planYear: 2024,
  preset: '三亚',
  mapping: { unit: 1, target: 2 },
};

async function decorated(): Promise<{ fake: FakeExcel; session: ExcelSession }> {
  const fake = createFakeExcel(TABLE);
  await decorate(fake);
  return { fake, session: sessionOver(fake) };
}

async function scored(session: ExcelSession): Promise<void> {
  const out = await session.score({}, true);
  if (!out.ok) throw new Error(out.problem.message);
}

/** The settings document in the settings sheet now (A2 holds all of it for a table this small). */
function storedDoc(snap: FakeSnapshot): unknown {
  const sheet = snap.sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
  const text = sheet?.values['A2'];
  return typeof text === 'string' ? (JSON.parse(text) as unknown) : null;
}

async function rejection(promise: Promise<unknown>): Promise<DubanError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DubanError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('score → clear with and without saved choices (Office.js host)', () => {
  it('(a) no settings: score → clear gives back the workbook, settings sheet gone', async () => {
    const { fake, session } = await decorated();
    const before = fake.snapshot();
    await scored(session);
    await session.clear();
    expect(fake.snapshot()).toEqual(before);
  });

  it('(b) saveChoice → score → clear gives back the workbook with the saved choices, exactly', async () => {
    const { fake, session } = await decorated();
    await session.saveChoice(CHOICE);
    const chosen = fake.snapshot();
    expect(storedDoc(chosen)).toEqual({
      app: 'duban',
      version: 1,
      sheet: '完成情况',
      mapping: { unit: 1, target: 2 },
      planYear: 2024,
      asOf: null,
      preset: '三亚',
      history: [],
      owned: { sheets: [], columns: [], rules: [] },
    });
    await scored(session);
    expect(await session.clear()).toMatchObject({
      // The settings sheet stays, with the choices: not reported as removed.
      sheets: ['评分排名', '通报', '校验'],
      columns: 1,
      rules: 3,
      hadMarks: true,
    });
    expect(fake.snapshot()).toEqual(chosen);
    expect((await session.overview()).hasOwnedMarks).toBe(false);
  });

  it('(c) saveChoice → score → score again → clear gives back the workbook with the saved choices', async () => {
    const { fake, session } = await decorated();
    await session.saveChoice(CHOICE);
    const chosen = fake.snapshot();
    await scored(session);
    await scored(session);
    await session.clear();
    expect(fake.snapshot()).toEqual(chosen);
  });

  it('(d) score → saveChoice(new preset) → clear keeps the new preset and no marks', async () => {
    const { fake, session } = await decorated();
    await scored(session);
    await session.saveChoice({ preset: '银川' });
    expect((await session.overview()).stored?.preset).toBe('银川');
    const cleared = await session.clear();
    expect(cleared.hadMarks).toBe(true);
    const snap = fake.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['完成情况', 'Visible'],
      ['说明', 'Visible'],
      [SETTINGS_SHEET_NAME, 'VeryHidden'],
    ]);
    expect(snap.sheets[2]?.values['A1']).toBe('duban-settings');
    expect(storedDoc(snap)).toEqual({
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
    // Cleared once more: nothing of ours is left to remove, and the choice stays.
    expect((await session.clear()).hadMarks).toBe(false);
    expect(fake.snapshot()).toEqual(snap);
  });

  it('(e) settings of the previous version (no prior) clear as before: the settings sheet goes', async () => {
    const { fake, session } = await decorated();
    const before = fake.snapshot();
    await scored(session);
    const doc = storedDoc(fake.snapshot()) as Record<string, unknown>;
    // Rewrite the document as the previous version wrote it: the same, without `prior`.
    const { prior, ...old } = doc;
    expect(prior).toBe(null);
    await fake.Excel.run(async (ctx) => {
      // A document this small is one piece: A2 holds all of it.
      ctx.workbook.worksheets.getItem(SETTINGS_SHEET_NAME).getRange('A2').values = [[JSON.stringify(old)]];
      await ctx.sync();
    });
    expect(storedDoc(fake.snapshot())).not.toHaveProperty('prior');
    await session.clear();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('a write failing midway keeps the saved choices', () => {
  it('scoring after saveChoice: what was written is removed and the choices are back', async () => {
    const { fake, session } = await decorated();
    await session.saveChoice(CHOICE);
    const chosen = fake.snapshot();
    fake.failAtWrite(60);
    const error = await rejection(session.score({}, true));
    expect(error.fields['code']).toBe('GeneralException');
    expect(fake.snapshot()).toEqual(chosen);
  });

  it('clearing: whichever write fails, the settings are put back and clearing again gives the choices back', async () => {
    let failures = 0;
    let finished = false;
    for (let n = 1; n < 400 && !finished; n++) {
      const { fake, session } = await decorated();
      await session.saveChoice(CHOICE);
      const chosen = fake.snapshot();
      await scored(session);
      const scoredSettings = fake.snapshot().sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
      fake.failAtWrite(n);
      let failed = false;
      try {
        await session.clear();
      } catch (error) {
        failed = true;
        expect(error, `write ${n}`).toBeInstanceOf(DubanError);
        // The settings as they were after scoring: the marks still name what is left to remove.
        const now = fake.snapshot().sheets.find((s) => s.name === SETTINGS_SHEET_NAME);
        expect(now?.values, `write ${n}`).toEqual(scoredSettings?.values);
        expect(now?.visibility, `write ${n}`).toBe('VeryHidden');
        await session.clear();
      }
      expect(fake.snapshot(), `write ${n}`).toEqual(chosen);
      if (failed) failures++;
      else finished = true;
    }
    // The last round wrote everything without a failure: each write before it failed once.
    expect(finished).toBe(true);
    // Every write of the clear was made to fail once (a clear of the table writes far more than ten).
    expect(failures).toBeGreaterThan(10);
  });
});
