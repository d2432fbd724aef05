/**
 * The ledger's list cells and target values, and the column table itself (vocab/ledger-columns.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  indicatorLabel,
  parseTargetPiece,
  readComparatorWord,
  splitLedgerList,
} from '../../../src/core/ledger/ledger-values.ts';
import { STATUS_WORDS } from '../../../src/core/vocab/status-words.ts';
import {
  LEDGER_COLUMNS,
  LEDGER_REQUIRED_COLUMNS,
  LEDGER_STATUS_CHOICES,
} from '../../../src/core/vocab/ledger-columns.ts';
import { HEADER } from './fixtures.ts';
import { makeIndicator } from '../../../src/core/measure/written-unit.ts';

describe('list cells', () => {
  it('splits at 、 (and ；) and keeps a number whole', () => {
    expect(splitLedgerList('195、250')).toEqual(['195', '250']);
    expect(splitLedgerList(' 195 ；250；')).toEqual(['195', '250']);
    expect(splitLedgerList('1,950')).toEqual(['1,950']);
    expect(splitLedgerList(42)).toEqual([42]);
    expect(splitLedgerList(null)).toEqual([]);
    expect(splitLedgerList({ error: '#N/A' })).toEqual([]);
  });
});

describe('target pieces', () => {
  it('reads numbers, ranges, units and thousands separators', () => {
    expect(parseTargetPiece(190)).toEqual({ value: 190, valueMax: null, unit: null });
    expect(parseTargetPiece('5.5')).toEqual({ value: 5.5, valueMax: null, unit: null });
    expect(parseTargetPiece('4.5～5')).toEqual({ value: 4.5, valueMax: 5, unit: null });
    expect(parseTargetPiece('5-4.5%')).toEqual({ value: 4.5, valueMax: 5, unit: '%' });
    expect(parseTargetPiece('200亿元')).toEqual({ value: 200, valueMax: null, unit: '亿元' });
    expect(parseTargetPiece('1,200万元')).toEqual({ value: 1200, valueMax: null, unit: '万元' });
    expect(parseTargetPiece('-3')).toEqual({ value: -3, valueMax: null, unit: null });
  });

  it('rejects what is not a number', () => {
    expect(parseTargetPiece('待定')).toBeNull();
    expect(parseTargetPiece('约200')).toBeNull();
    expect(parseTargetPiece('5-')).toBeNull();
    expect(parseTargetPiece(Number.NaN)).toBeNull();
  });
});

describe('comparators and labels', () => {
  it('reads the written symbols and their common spellings', () => {
    expect(readComparatorWord('≥')).toBe('>=');
    expect(readComparatorWord('>=')).toBe('>=');
    expect(readComparatorWord(' ≤ ')).toBe('<=');
    expect(readComparatorWord('≈')).toBe('~');
    expect(readComparatorWord('＝')).toBe('=');
    expect(readComparatorWord('区间')).toBe('range');
    expect(readComparatorWord('大约')).toBeNull();
  });

  it('labels an indicator as metric, symbol, target and the unit it was written in', () => {
    expect(
      indicatorLabel(
        makeIndicator({
          metric: '完成投资',
          kind: 'cumulative',
          comparator: '>=',
          value: 20_000_000_000,
          valueMax: null,
          unit: '元',
          text: '完成投资200亿元以上',
        }),
      ),
    ).toBe('完成投资≥200亿元');
    expect(
      indicatorLabel(
        makeIndicator({
          metric: '不良贷款率',
          kind: 'lower_is_better',
          comparator: '<=',
          value: 0.9,
          valueMax: null,
          unit: '%',
          text: '不良贷款率控制在0.9%以下',
        }),
      ),
    ).toBe('不良贷款率≤0.9%');
  });
});

describe('the column table', () => {
  it('has the headers of the ledger definition, each once', () => {
    expect(LEDGER_COLUMNS.map((c) => c.zh)).toEqual(HEADER);
    expect(new Set(LEDGER_COLUMNS.map((c) => c.key)).size).toBe(LEDGER_COLUMNS.length);
    expect(LEDGER_REQUIRED_COLUMNS.every((k) => LEDGER_COLUMNS.some((c) => c.key === k))).toBe(true);
  });

  it('says who fills each column: office, then units, then results', () => {
    expect(LEDGER_COLUMNS.map((c) => c.filler)).toEqual([
      ...Array<string>(9).fill('office'),
      ...Array<string>(9).fill('unit'),
      ...Array<string>(4).fill('result'),
    ]);
  });

  it('gives every column units fill in a validation and a Chinese prompt that Excel accepts', () => {
    for (const c of LEDGER_COLUMNS.filter((x) => x.filler === 'unit')) {
      expect(c.validation, c.zh).toBeDefined();
      expect(c.prompt?.title.length ?? 0, c.zh).toBeGreaterThan(0);
      expect(c.prompt?.title.length ?? 99, c.zh).toBeLessThanOrEqual(32);
      expect(c.prompt?.text.length ?? 999, c.zh).toBeLessThanOrEqual(255);
    }
    const actual = LEDGER_COLUMNS.find((c) => c.key === 'q2Actual');
    expect(actual?.prompt?.text).toContain('195、250');
    expect(LEDGER_COLUMNS.find((c) => c.key === 'progress')?.validation).toEqual({
      kind: 'textLength',
      max: 200,
    });
  });

  it('offers only status words scoring understands, with the meaning the comment gives', () => {
    expect(LEDGER_STATUS_CHOICES.map((w) => STATUS_WORDS[w])).toEqual([
      'done',
      'on_track',
      'on_track',
      'in_progress',
      'lagging',
      'far_behind',
      'not_started',
      'paused',
    ]);
  });
});
