import { describe, expect, it } from 'vitest';
import { t } from '../../src/taskpane/i18n.ts';
import { STRINGS } from '../../src/taskpane/strings.ts';

describe('task pane strings', () => {
  it('has a non-empty zh and en text for every key', () => {
    for (const [key, value] of Object.entries(STRINGS)) {
      expect(value.zh.trim(), key).not.toBe('');
      expect(value.en.trim(), key).not.toBe('');
    }
  });

  it('fills placeholders', () => {
    expect(t('zh', 'rowNumber', { row: 3 })).toBe('第3行');
    expect(t('en', 'rowNumber', { row: 3 })).toBe('Row 3');
    expect(t('zh', 'rowCount', { count: 52 })).toBe('52 行');
  });
});
