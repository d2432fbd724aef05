import { describe, expect, it } from 'vitest';
import { DubanError } from '../../../src/core/errors.ts';
import {
  findPreset,
  presetNames,
  resolveSettings,
  settingsFromJson,
  settingsToJson,
  validateSettings,
} from '../../../src/core/score/settings.ts';

function errorOf(fn: () => unknown): DubanError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DubanError) return e;
    throw e;
  }
  throw new Error('expected a DubanError');
}

describe('presets', () => {
  it('default is 序时: lagging below 序时, severe more than 20 points below', () => {
    const s = resolveSettings();
    expect(s.preset).toBe('序时');
    expect(s.gapMode).toBe('points');
    expect([s.laggingGap, s.laggingInclusive, s.severeGap, s.severeInclusive]).toEqual([0, false, 20, false]);
    expect(s.overdueIsSevere).toBe(true);
  });

  it('银川: yellow from 10 points (inclusive), red above 30', () => {
    const s = resolveSettings('银川');
    expect([s.gapMode, s.laggingGap, s.laggingInclusive, s.severeGap, s.severeInclusive]).toEqual([
      'points',
      10,
      true,
      30,
      false,
    ]);
  });

  it('三亚: relative gap, red beyond 50 %', () => {
    const s = resolveSettings('三亚');
    expect([s.gapMode, s.laggingGap, s.severeGap]).toEqual(['relative', 0, 50]);
  });

  it('accepts ASCII aliases for the command line', () => {
    expect(resolveSettings('yinchuan').preset).toBe('银川');
    expect(resolveSettings('SANYA').preset).toBe('三亚');
    expect(resolveSettings('default').preset).toBe('序时');
    expect(findPreset('nowhere')).toBeNull();
    expect(presetNames()).toEqual(['序时', '银川', '三亚']);
  });

  it('shares the seed notice defaults', () => {
    const s = resolveSettings('银川');
    expect(s.progressTextLimit).toBe(200);
    expect(s.reportingDeadlines).toEqual(['03-31', '06-30', '09-30', '12-31']);
    expect(s.formula).toEqual({
      creditCap: 1,
      lowerIsBetterBase: 2,
      laggingWordCredit: 0.5,
      scoreDecimals: 2,
    });
    expect(s.tolerance).toEqual({ ratePoints: 0.5, quantityRelative: 0.05 });
    expect(s.praise.minScore).toBe(95);
    expect(s.printedRateTolerance).toBe(0.1);
    expect(s.percentDecimals).toBe(1);
  });
});

describe('resolveSettings overrides', () => {
  it('merges partial nested groups without touching the rest', () => {
    const s = resolveSettings('序时', {
      severeGap: 25,
      praise: { minScore: 90 },
      tolerance: { ratePoints: 1 },
    });
    expect(s.severeGap).toBe(25);
    expect(s.praise.minScore).toBe(90);
    expect(s.tolerance).toEqual({ ratePoints: 1, quantityRelative: 0.05 });
    expect(s.formula.creditCap).toBe(1);
  });

  it('does not share arrays with the caller', () => {
    const deadlines = ['06-30', '12-31'];
    const s = resolveSettings(undefined, { reportingDeadlines: deadlines });
    deadlines.push('01-01');
    expect(s.reportingDeadlines).toEqual(['06-30', '12-31']);
  });

  it('names the field in zh and en for a bad number', () => {
    const e = errorOf(() => resolveSettings(undefined, { severeGap: 120 }));
    expect(e.code).toBe('invalid_settings');
    expect(e.message).toBe(
      'settings.severeGap 必须是 0–100 之间的数字 / settings.severeGap must be a number between 0 and 100',
    );
    expect(e.fields).toEqual({ field: 'settings.severeGap', value: 120 });
  });

  it('rejects NaN, strings and wrong types', () => {
    expect(errorOf(() => resolveSettings(undefined, { laggingGap: Number.NaN })).fields['field']).toBe(
      'settings.laggingGap',
    );
    expect(errorOf(() => resolveSettings(undefined, { laggingGap: '10' })).fields['field']).toBe(
      'settings.laggingGap',
    );
    expect(errorOf(() => resolveSettings(undefined, { overdueIsSevere: 'yes' })).message).toContain(
      'settings.overdueIsSevere 必须是 true 或 false',
    );
    expect(errorOf(() => resolveSettings(undefined, { gapMode: 'percent' })).message).toContain(
      '必须是以下之一：points、relative',
    );
  });

  it('checks whole numbers and nested paths', () => {
    const e = errorOf(() => resolveSettings(undefined, { formula: { scoreDecimals: 1.5 } }));
    expect(e.message).toBe(
      'settings.formula.scoreDecimals 必须是 0–4 之间的整数 / settings.formula.scoreDecimals must be a whole number between 0 and 4',
    );
    expect(errorOf(() => resolveSettings(undefined, { formula: { creditCap: 0.5 } })).fields['field']).toBe(
      'settings.formula.creditCap',
    );
    expect(
      errorOf(() => resolveSettings(undefined, { tolerance: { quantityRelative: 5 } })).fields['field'],
    ).toBe('settings.tolerance.quantityRelative');
    expect(errorOf(() => resolveSettings(undefined, { praise: 95 })).message).toContain(
      'settings.praise 必须是一个对象',
    );
  });

  it('checks reporting dates', () => {
    for (const bad of [[], ['6-30'], ['06-31'], ['06-30', '03-31'], ['06-30', '06-30'], '06-30']) {
      const e = errorOf(() => resolveSettings(undefined, { reportingDeadlines: bad }));
      expect(e.fields['field']).toBe('settings.reportingDeadlines');
    }
    expect(resolveSettings(undefined, { reportingDeadlines: ['02-29', '12-31'] }).reportingDeadlines).toEqual(
      ['02-29', '12-31'],
    );
  });

  it('rejects unknown keys (typos) and an unknown preset', () => {
    expect(errorOf(() => resolveSettings(undefined, { severGap: 10 })).message).toBe(
      'settings.severGap 不是已知的设置项 / settings.severGap is not a known setting',
    );
    expect(errorOf(() => resolveSettings(undefined, { praise: { minScor: 1 } })).fields['field']).toBe(
      'settings.praise.minScor',
    );
    const e = errorOf(() => resolveSettings('贵阳'));
    expect(e.message).toContain('未知的规则预设“贵阳”');
    expect(e.message).toContain('unknown rule preset "贵阳"');
    expect(e.message).toContain('银川');
  });

  it('rejects severe thresholds below lagging ones', () => {
    const e = errorOf(() => resolveSettings('银川', { severeGap: 5 }));
    expect(e.message).toBe(
      'settings.severeGap（5）不能小于 settings.laggingGap（10） / settings.severeGap (5) must not be less than settings.laggingGap (10)',
    );
  });

  it('checks the scope word', () => {
    expect(resolveSettings(undefined, { scopeName: '全市' }).scopeName).toBe('全市');
    expect(errorOf(() => resolveSettings(undefined, { scopeName: ' ' })).fields['field']).toBe(
      'settings.scopeName',
    );
  });

  it('rejects overrides that are not an object', () => {
    expect(errorOf(() => resolveSettings(undefined, [1])).fields['field']).toBe('settings');
    expect(resolveSettings(undefined, null).preset).toBe('序时');
  });
});

describe('settings JSON', () => {
  it('round-trips every value', () => {
    const s = resolveSettings('三亚', { praise: { minScore: 90 }, scopeName: '全市' });
    const text = settingsToJson(s);
    expect(JSON.parse(text)).toMatchObject({
      version: 1,
      preset: '三亚',
      gapMode: 'relative',
      scopeName: '全市',
    });
    const back = settingsFromJson(text);
    expect(back.settings).toEqual(s);
    expect(back.unknownKeys).toEqual([]);
  });

  it('writes keys in a fixed order', () => {
    const text = settingsToJson(resolveSettings());
    expect(Object.keys(JSON.parse(text) as object).slice(0, 4)).toEqual([
      'version',
      'preset',
      'gapMode',
      'laggingGap',
    ]);
  });

  it('fills missing keys from the stored preset and reports unknown ones', () => {
    const back = settingsFromJson(
      '{"version":1,"preset":"银川","severeGap":35,"colour":"red","praise":{"x":1}}',
    );
    expect(back.settings.preset).toBe('银川');
    expect(back.settings.laggingGap).toBe(10);
    expect(back.settings.severeGap).toBe(35);
    expect(back.unknownKeys).toEqual(['settings.colour', 'settings.praise.x']);
  });

  it('rejects invalid JSON, versions and values', () => {
    expect(errorOf(() => settingsFromJson('{oops')).message).toContain('不是有效的 JSON');
    expect(errorOf(() => settingsFromJson('{"version":2}')).fields['field']).toBe('settings.version');
    expect(errorOf(() => settingsFromJson('{"preset":"x"}')).fields['field']).toBe('preset');
    expect(errorOf(() => settingsFromJson('{"severeGap":-1}')).fields['field']).toBe('settings.severeGap');
    expect(errorOf(() => settingsFromJson('[]')).fields['field']).toBe('settings');
  });

  it('validateSettings rejects a hand-made object missing a group', () => {
    const { formula: _formula, ...rest } = resolveSettings();
    expect(
      errorOf(() => {
        validateSettings(rest);
      }).fields['field'],
    ).toBe('settings.formula');
  });
});
