import { describe, expect, it } from 'vitest';
import {
  findStatusWord,
  formatDecimals,
  interpretActual,
  readPrintedPercent,
  readWeight,
  type UnitContext,
} from '../../../src/core/score/interpret-actual.ts';
import { convertValue } from '../../../src/core/measure/unit-shape.ts';
import { formatFigure } from '../../../src/core/score/unit-display.ts';
import { writtenUnit } from '../../../src/core/measure/written-unit.ts';
import { cell, indicator, ref } from './fixtures.ts';

const PEOPLE: UnitContext = { unit: '人', plainUnit: null, expectsFigure: true };
const MONEY_YI: UnitContext = { unit: '元', plainUnit: '亿元', expectsFigure: true };
const RATE: UnitContext = { unit: '%', plainUnit: null, expectsFigure: true };
const NO_TARGET: UnitContext = { unit: null, plainUnit: null, expectsFigure: false };

describe('figures', () => {
  it('reads a plain number in the indicator unit and keeps the cell', () => {
    const r = interpretActual(cell(4496, 7, 4), null, PEOPLE);
    expect(r).toEqual({ kind: 'value', value: 4496, assumedUnit: null, at: ref(7, 4), raw: 4496 });
  });

  it('reads numbers with units and converts 万/亿', () => {
    expect(interpretActual(cell('4496人'), null, PEOPLE)).toMatchObject({ kind: 'value', value: 4496 });
    expect(interpretActual(cell('30.05亿元'), null, MONEY_YI)).toMatchObject({
      kind: 'value',
      value: 3_005_000_000,
    });
    expect(interpretActual(cell('300500万元'), null, MONEY_YI)).toMatchObject({
      kind: 'value',
      value: 3_005_000_000,
    });
    expect(interpretActual(cell('30.05亿'), null, MONEY_YI)).toMatchObject({
      kind: 'value',
      value: 3_005_000_000,
    });
    expect(
      interpretActual(cell('34.1千米'), null, { unit: '公里', plainUnit: null, expectsFigure: true }),
    ).toMatchObject({ kind: 'value', value: 34.1 });
  });

  it('reads plain numbers in the unit the target was written in, saying so', () => {
    expect(interpretActual(cell(30.05), null, MONEY_YI)).toMatchObject({
      kind: 'value',
      value: 3_005_000_000,
      assumedUnit: '亿元',
    });
  });

  it('accepts words around one figure', () => {
    expect(interpretActual(cell('完成4,496人左右'), null, PEOPLE)).toMatchObject({
      kind: 'value',
      value: 4496,
    });
    expect(interpretActual(cell('80余人'), null, PEOPLE)).toMatchObject({ kind: 'value', value: 80 });
    expect(interpretActual(cell('４４９６人（含灵活就业）'), null, PEOPLE)).toMatchObject({
      kind: 'value',
      value: 4496,
    });
    expect(interpretActual(cell('同比下降1.2%'), null, RATE)).toMatchObject({ kind: 'value', value: -1.2 });
    expect(interpretActual(cell('−0.5%'), null, RATE)).toMatchObject({ kind: 'value', value: -0.5 });
  });

  it('does not read text with two figures', () => {
    expect(interpretActual(cell('1-5月完成30亿元'), null, MONEY_YI)).toMatchObject({
      kind: 'invalid',
      reason: 'unreadable_actual',
    });
    expect(interpretActual(cell('4496人，完成全年计划的68.1%'), null, PEOPLE)).toMatchObject({
      kind: 'invalid',
      reason: 'unreadable_actual',
    });
  });

  it('reports units of another kind', () => {
    expect(interpretActual(cell('4496元'), null, PEOPLE)).toMatchObject({
      kind: 'invalid',
      reason: 'unit_mismatch',
      unit: '元',
    });
    expect(interpretActual(cell('3座桥'), null, PEOPLE)).toMatchObject({
      kind: 'invalid',
      reason: 'unit_mismatch',
    });
  });
});

describe('percentages', () => {
  it('68.1, 68.1% and 0.681 formatted 0.0% are the same rate', () => {
    expect(interpretActual(cell(68.1), null, RATE)).toMatchObject({ kind: 'value', value: 68.1 });
    expect(interpretActual(cell('68.1%'), null, RATE)).toMatchObject({ kind: 'value', value: 68.1 });
    expect(interpretActual(cell('68.1％'), null, RATE)).toMatchObject({ kind: 'value', value: 68.1 });
    const formatted = interpretActual(cell(0.681), '0.0%', RATE);
    expect(formatted.kind).toBe('value');
    if (formatted.kind === 'value') expect(formatted.value).toBeCloseTo(68.1, 10);
  });

  it('a percentage against a quantity is a completion the unit worked out', () => {
    expect(interpretActual(cell('68.1%'), null, PEOPLE)).toMatchObject({
      kind: 'ratio',
      ratio: 0.681,
      assumed: false,
    });
    expect(interpretActual(cell(0.681), '0.0%', PEOPLE)).toMatchObject({ kind: 'ratio', ratio: 0.681 });
  });

  it('without a target, plain numbers are self-reported percentages', () => {
    expect(interpretActual(cell(60), null, NO_TARGET)).toMatchObject({
      kind: 'ratio',
      ratio: 0.6,
      assumed: false,
    });
    expect(interpretActual(cell(0.6), null, NO_TARGET)).toMatchObject({
      kind: 'ratio',
      ratio: 0.6,
      assumed: true,
    });
    expect(interpretActual(cell('完成60%'), null, NO_TARGET)).toMatchObject({ kind: 'ratio', ratio: 0.6 });
  });

  it('per mille indicators', () => {
    const ctx: UnitContext = { unit: '‰', plainUnit: null, expectsFigure: true };
    expect(interpretActual(cell('0.3%'), null, ctx)).toMatchObject({ kind: 'value', value: 3 });
    expect(interpretActual(cell(3), null, ctx)).toMatchObject({ kind: 'value', value: 3 });
  });
});

describe('status words', () => {
  const cases: [string, string][] = [
    ['已完成', 'done'],
    ['已完成。', 'done'],
    ['提前完成', 'done'],
    ['超额完成', 'done'],
    ['完成', 'done'],
    ['序时推进', 'on_track'],
    ['正常推进', 'on_track'],
    ['按计划推进', 'on_track'],
    ['达到时间进度', 'on_track'],
    ['有序推进', 'on_track'],
    ['时间过半、任务过半', 'on_track'],
    ['推进中', 'in_progress'],
    ['未完成', 'in_progress'],
    ['尚未完成', 'in_progress'],
    ['进展缓慢', 'lagging'],
    ['滞后', 'lagging'],
    ['未达到时间进度', 'lagging'],
    ['严重滞后', 'far_behind'],
    ['未启动', 'not_started'],
    ['尚未开工', 'not_started'],
    ['暂停', 'paused'],
  ];
  it.each(cases)('%s → %s', (text, cls) => {
    expect(findStatusWord(text)).toMatchObject({ kind: 'word', cls });
  });

  it('reads negations as themselves, never as the word inside them', () => {
    expect(findStatusWord('目前尚未完成')).toEqual({ kind: 'word', cls: 'in_progress', word: '尚未完成' });
    expect(findStatusWord('状态：已完成')).toEqual({ kind: 'word', cls: 'done', word: '已完成' });
  });

  it('words of different meanings are ambiguous', () => {
    expect(findStatusWord('部分完成，部分滞后')).toEqual({ kind: 'ambiguous', words: ['完成', '滞后'] });
  });

  it('free text is read only when it is one word as a whole', () => {
    expect(findStatusWord('完成投资5亿元', true)).toEqual({ kind: 'none' });
    expect(findStatusWord('已完成。', true)).toMatchObject({ kind: 'word', cls: 'done' });
  });

  it('interprets words, ticks and check boxes in an actual cell', () => {
    expect(interpretActual(cell('已完成'), null, PEOPLE)).toMatchObject({
      kind: 'word',
      cls: 'done',
      word: '已完成',
    });
    expect(interpretActual(cell('√'), null, NO_TARGET)).toMatchObject({ kind: 'word', cls: 'done' });
    expect(interpretActual(cell(true), null, NO_TARGET)).toMatchObject({ kind: 'word', cls: 'done' });
    expect(interpretActual(cell(false), null, NO_TARGET)).toMatchObject({ kind: 'word', cls: 'in_progress' });
    expect(interpretActual(cell('还行吧'), null, NO_TARGET)).toMatchObject({
      kind: 'invalid',
      reason: 'unknown_status',
    });
  });
});

describe('blank, placeholders and errors', () => {
  it('reads blank-like cells as blank', () => {
    for (const v of [null, '', '  ', '/', '—', '无', '暂无']) {
      expect(interpretActual(cell(v), null, PEOPLE)).toEqual({ kind: 'blank' });
    }
  });

  it('keeps Excel errors and infinities as invalid readings', () => {
    expect(interpretActual(cell({ error: '#N/A' }), null, PEOPLE)).toMatchObject({
      kind: 'invalid',
      reason: 'cell_error',
      text: '#N/A',
    });
    expect(interpretActual(cell(Number.POSITIVE_INFINITY), null, PEOPLE)).toMatchObject({
      kind: 'invalid',
      reason: 'unreadable_actual',
    });
  });
});

describe('printed rates, weights, units', () => {
  it('reads printed completion rates with their decimals', () => {
    expect(readPrintedPercent('68.1%', null, 68.12)).toEqual({ percent: 68.1, decimals: 1 });
    expect(readPrintedPercent('112%', null, 112)).toEqual({ percent: 112, decimals: 0 });
    const p = readPrintedPercent(0.681, '0.0%', 68.12);
    expect(p?.decimals).toBe(1);
    expect(p?.percent).toBeCloseTo(68.1, 10);
    // A bare number: whichever reading is nearer the recomputed rate.
    expect(readPrintedPercent(1.0871, null, 108.71)?.percent).toBeCloseTo(108.71, 10);
    expect(readPrintedPercent(108.71, null, 108.71)).toEqual({ percent: 108.71, decimals: 2 });
    expect(readPrintedPercent('很好', null, 50)).toBeNull();
    expect(readPrintedPercent('30人', null, 50)).toBeNull();
  });

  it('format decimals', () => {
    expect(formatDecimals('0.0%')).toBe(1);
    expect(formatDecimals('0.00%;[Red]-0.00%')).toBe(2);
    expect(formatDecimals('0%')).toBe(0);
  });

  it('reads weights', () => {
    expect(readWeight(10)).toBe(10);
    expect(readWeight('10分')).toBe(10);
    expect(readWeight('20%')).toBe(20);
    expect(readWeight(-1)).toBeNull();
    expect(readWeight('十分')).toBeNull();
    expect(readWeight(null)).toBeNull();
  });

  it('converts between units of one kind only', () => {
    expect(convertValue(30.05, '亿元', '元')).toBe(3_005_000_000);
    expect(convertValue(5, '万元', '亿元')).toBe(0.0005);
    expect(convertValue(4496, '人', '元')).toBeNull();
    expect(convertValue(3, '座桥', '座桥')).toBe(3);
  });

  it('finds the unit a target was written in and writes figures in it', () => {
    expect(writtenUnit(indicator('cumulative', 2e10, '元', '完成投资200亿元'))).toBe('亿元');
    expect(writtenUnit(indicator('cumulative', 7200, '人', '新增城镇就业7200人'))).toBe('人');
    expect(writtenUnit(indicator('keep_level', 230000, '吨', '粮食产量稳定在23万吨'))).toBe('万吨');
    expect(formatFigure(3_005_000_000, '元', '亿元')).toBe('30.05亿元');
    expect(formatFigure(5.5, '%', '%')).toBe('5.5%');
    expect(formatFigure(12, null, null)).toBe('12');
  });
});
