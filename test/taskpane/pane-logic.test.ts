/**
 * The pane's pure pieces: theme choice, as-of choice, the session choice, grouping for the tabs, movement
 * marks, and the copy fallback. Expected values are worked out by hand from the fixture and the rules.
 */
import { describe, expect, it, vi } from 'vitest';
import { asOfFor, asOfModeOf } from '../../src/taskpane/as-of.ts';
import { copyText } from '../../src/taskpane/clipboard.ts';
import { choiceFromOverview, EMPTY_CHOICE, toScoreChoice } from '../../src/taskpane/pane-choice.ts';
import { groupByUnit } from '../../src/taskpane/tabs/breakdown-tab.tsx';
import { movementMark } from '../../src/taskpane/tabs/score-tab.tsx';
import { percent } from '../../src/taskpane/tabs/tab-ui.tsx';
import { groupFindings, kindTitle } from '../../src/taskpane/tabs/validate-tab.tsx';
import { luminance, pickThemeKind } from '../../src/taskpane/theme-choice.ts';
import { FINDINGS, OVERVIEW, SUB_TASKS } from './pane-fixture.ts';

describe('theme', () => {
  it('computes WCAG luminance of hex colours', () => {
    expect(luminance('#FFFFFF')).toBe(1);
    expect(luminance('#000')).toBe(0);
    // #808080: 128/255 = 0.50196 → ((0.50196 + 0.055) / 1.055)^2.4 = 0.21586
    expect(luminance('#808080')).toBeCloseTo(0.2159, 4);
    expect(luminance('teal')).toBeNull();
  });

  it('picks dark for Office Black / Dark Gray bodies and light for white, colorful or unknown', () => {
    expect(pickThemeKind({ bodyBackgroundColor: '#262626' })).toBe('dark'); // Black
    expect(pickThemeKind({ bodyBackgroundColor: '#444444' })).toBe('dark'); // luminance 0.058
    expect(pickThemeKind({ bodyBackgroundColor: '#FFFFFF' })).toBe('light'); // White
    expect(pickThemeKind({ bodyBackgroundColor: '#E6E6E6' })).toBe('light'); // Colorful
    expect(pickThemeKind({ bodyBackgroundColor: 'not a colour' })).toBe('light');
    expect(pickThemeKind(undefined)).toBe('light');
  });
});

describe('as-of choice', () => {
  it('turns quarters into quarter ends of the plan year, keeps typed dates, leaves today to the session', () => {
    expect(asOfFor('q1', '', 2024)).toBe('2024-03-31');
    expect(asOfFor('q3', '', 2025)).toBe('2025-09-30');
    expect(asOfFor('q4', '', 2024)).toBe('2024-12-31');
    expect(asOfFor('date', '2024-05-20', 2024)).toBe('2024-05-20');
    expect(asOfFor('date', '2024/05/20', 2024)).toBeUndefined();
    expect(asOfFor('today', '2024-05-20', 2024)).toBeUndefined();
    expect(asOfFor('q2', '', null)).toBeUndefined();
  });

  it('shows a stored date as its quarter when it is one', () => {
    expect(asOfModeOf('2024-06-30', 2024)).toEqual({ mode: 'q2', date: '2024-06-30' });
    expect(asOfModeOf('2023-06-30', 2024)).toEqual({ mode: 'date', date: '2023-06-30' });
    expect(asOfModeOf(null, 2024)).toEqual({ mode: 'today', date: '' });
  });
});

describe('session choice', () => {
  it('sends only what the user chose', () => {
    expect(toScoreChoice(EMPTY_CHOICE, 2024)).toEqual({ green: 'done' });
    expect(
      toScoreChoice(
        {
          ...EMPTY_CHOICE,
          sheet: '分解表',
          mapping: { owner: 4, remark: null },
          asOfMode: 'q2',
          preset: '银川',
        },
        2024,
      ),
    ).toEqual({
      sheet: '分解表',
      mapping: { owner: 4, remark: null },
      asOf: '2024-06-30',
      preset: '银川',
      green: 'done',
    });
    // A chosen plan year wins over the one in the title for the quarter.
    expect(toScoreChoice({ ...EMPTY_CHOICE, planYear: 2023, asOfMode: 'q1' }, 2024)).toEqual({
      planYear: 2023,
      asOf: '2023-03-31',
      green: 'done',
    });
  });

  it('takes over stored settings from the overview', () => {
    expect(choiceFromOverview(OVERVIEW)).toEqual(EMPTY_CHOICE);
    const stored = {
      ...OVERVIEW,
      stored: { sheet: '分解表', planYear: 2024, asOf: '2024-09-30', preset: '三亚', mapping: { owner: 5 } },
    };
    expect(choiceFromOverview(stored)).toEqual({
      ...EMPTY_CHOICE,
      sheet: '分解表',
      planYear: 2024,
      mapping: { owner: 5 },
      asOfMode: 'q3',
      asOfDate: '2024-09-30',
      preset: '三亚',
    });
  });
});

describe('grouping for the tabs', () => {
  it('counts sub-tasks and indicators per unit in order of appearance', () => {
    expect(groupByUnit(SUB_TASKS).map((u) => [u.unit, u.subTasks.length, u.indicators])).toEqual([
      ['区发改局', 1, 1],
      ['区财政局', 1, 1],
      ['区住建局', 2, 1],
    ]);
    const [first] = SUB_TASKS;
    if (!first) throw new Error('fixture');
    const shared = { ...first, units: ['区发改局', '区财政局'] };
    const orphan = { ...first, id: '9.01', units: [] };
    expect(groupByUnit([shared, orphan]).map((u) => [u.unit, u.subTasks.length])).toEqual([
      ['区发改局', 1],
      ['区财政局', 1],
      ['', 1],
    ]);
  });

  it('groups findings by severity, kinds by frequency', () => {
    const groups = groupFindings(FINDINGS);
    expect(groups.map((g) => [g.severity, g.count, g.kinds.map((k) => [k.code, k.findings.length])])).toEqual(
      [
        ['error', 2, [['owner_missing', 2]]],
        ['warning', 1, [['owner_is_unit_name', 1]]],
        ['info', 1, [['duplicate_sentence', 1]]],
      ],
    );
    expect(groupFindings([])).toEqual([]);
  });

  it('names a kind by its message without the cell and particulars', () => {
    expect(kindTitle('owner_missing', 'zh')).toBe('这一行没有填写责任人。');
    expect(kindTitle('owner_missing', 'en')).toBe('no owner (责任人) is filled in for this row.');
    expect(kindTitle('duplicate_sentence', 'zh')).toBe('任务 … 的目标中重复出现“…”，已只计一次');
  });

  it('marks movement briefly', () => {
    expect(movementMark({ direction: 'up', places: 2, zh: '位次前移2位', en: 'up 2' }, 'zh')).toBe('↑2');
    expect(movementMark({ direction: 'down', places: 1, zh: '位次后移1位', en: 'down 1' }, 'zh')).toBe('↓1');
    expect(movementMark({ direction: 'same', places: 0, zh: '位次不变', en: 'same' }, 'zh')).toBe('–');
    expect(movementMark({ direction: 'new', places: 0, zh: '新进入排名', en: 'new' }, 'zh')).toBe('新');
    expect(percent(0.681)).toBe('68.1%');
    expect(percent(1)).toBe('100.0%');
    expect(percent(null)).toBe('—');
  });
});

describe('copyText', () => {
  const fakeDocument = (execCommand: (c: string) => boolean) => {
    const added: { value: string; removed: boolean }[] = [];
    const doc = {
      createElement: () => {
        const el = {
          value: '',
          removed: false,
          style: {} as Record<string, string>,
          setAttribute: () => undefined,
          select: () => undefined,
          remove: () => {
            el.removed = true;
          },
        };
        added.push(el);
        return el;
      },
      body: { appendChild: () => undefined },
      execCommand,
    };
    return { doc: doc as unknown as Document, added };
  };

  it('uses the Clipboard API when it works', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const { doc, added } = fakeDocument(() => true);
    expect(await copyText('通报', { clipboard: { writeText }, document: doc })).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('通报');
    expect(added).toHaveLength(0);
  });

  it('falls back to a temporary textarea, removed afterwards; reports failure when that fails too', async () => {
    const refuse = { writeText: () => Promise.reject(new Error('denied')) };
    const ok = fakeDocument((c) => c === 'copy');
    expect(await copyText('通报', { clipboard: refuse, document: ok.doc })).toBe('copied');
    expect(ok.added.map((a) => [a.value, a.removed])).toEqual([['通报', true]]);
    const none = fakeDocument(() => false);
    expect(await copyText('通报', { clipboard: undefined, document: none.doc })).toBe('failed');
    const throwing = fakeDocument(() => {
      throw new Error('not allowed');
    });
    expect(await copyText('通报', { clipboard: undefined, document: throwing.doc })).toBe('failed');
  });
});
