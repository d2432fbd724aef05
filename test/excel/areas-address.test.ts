import { describe, expect, it } from 'vitest';
import { DubanError } from '../../src/core/errors.ts';
import { parseAreasAddress, parseRangeAddress } from '../../src/excel/areas-address.ts';

describe('parseRangeAddress', () => {
  it('reads rectangles and single cells, with or without the sheet and $ signs', () => {
    expect(parseRangeAddress('Sheet1!B3:C7')).toEqual({ top: 2, left: 1, bottom: 6, right: 2 });
    expect(parseRangeAddress("'任务 分解表'!A1")).toEqual({ top: 0, left: 0, bottom: 0, right: 0 });
    expect(parseRangeAddress('$AA$10:$AB$12')).toEqual({ top: 9, left: 26, bottom: 11, right: 27 });
  });

  it('throws host_failure for text that is not an address', () => {
    expect(() => parseRangeAddress('Sheet1!#REF!')).toThrow(DubanError);
    try {
      parseRangeAddress('nonsense');
    } catch (e) {
      expect((e as DubanError).code).toBe('host_failure');
    }
  });
});

describe('parseAreasAddress', () => {
  it('splits on commas outside quoted sheet names and sorts top-down, left-right', () => {
    expect(parseAreasAddress('S!C5:D6,S!A1:B2')).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 4, left: 2, bottom: 5, right: 3 },
    ]);
    expect(parseAreasAddress("'a,b'!A2:A3, 'a,b'!A1:C1")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 2, right: 0 },
    ]);
    expect(parseAreasAddress("'Unit''s 表'!A1:B1")).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
  });
});
