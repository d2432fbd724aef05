import { describe, expect, it } from 'vitest';
import { t } from '../../src/taskpane/i18n.ts';
import { STRINGS } from '../../src/taskpane/strings.ts';

// The `{name}` placeholders of a template, sorted: '第{row}行' → ['row'].
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('task pane strings', () => {
  it('has a non-empty zh and en text for every key', () => {
    for (const [key, value] of Object.entries(STRINGS)) {
      expect(value.zh.trim(), key).not.toBe('');
      expect(value.en.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, value] of Object.entries(STRINGS)) {
      expect(placeholders(value.en), key).toEqual(placeholders(value.zh));
    }
  });

  it('fills placeholders', () => {
    expect(t('zh', 'rowNumber', { row: 3 })).toBe('第3行');
    expect(t('en', 'rowNumber', { row: 3 })).toBe('Row 3');
    expect(t('zh', 'rowCount', { count: 52 })).toBe('52 行');
    expect(t('zh', 'goToCell', { cell: '分解表!D6' })).toBe('定位到 分解表!D6');
  });
});
