import { describe, expect, it } from 'vitest';
import { DubanError } from '../../src/core/errors.ts';
import { describeHostError, HOST_ERROR_TEXT, pickLang } from '../../src/excel/host-text.ts';

describe('pickLang', () => {
  it('uses English only when the display language is English', () => {
    expect(pickLang('en-US')).toBe('en');
    expect(pickLang('EN-gb')).toBe('en');
    expect(pickLang('zh-CN')).toBe('zh');
    expect(pickLang('zh-TW')).toBe('zh');
    expect(pickLang('fr-FR')).toBe('zh');
    expect(pickLang(undefined)).toBe('zh');
    expect(pickLang(null)).toBe('zh');
  });
});

describe('describeHostError', () => {
  it('has a zh and an en text for every entry', () => {
    for (const [key, value] of Object.entries(HOST_ERROR_TEXT)) {
      expect(value.zh.trim(), key).not.toBe('');
      expect(value.en.trim(), key).not.toBe('');
    }
  });

  it('explains the project errors in the user language', () => {
    expect(describeHostError(new DubanError('sheet_not_found', 'x', { sheet: '分解表' }), 'zh').body).toBe(
      '找不到工作表“分解表”。它可能刚被重命名或删除，请重新选择工作表后重试。',
    );
    expect(
      describeHostError(new DubanError('host_failure', 'x', { code: 'InvalidOperationInCellEditMode' }), 'en')
        .body,
    ).toBe('Excel is editing a cell. Press Enter or Esc to finish editing, then try again.');
    expect(describeHostError(new DubanError('host_failure', 'boom', { code: 'AccessDenied' }), 'zh')).toEqual(
      {
        title: '读取失败',
        body: 'Excel 未能完成读取（错误代码 AccessDenied）：boom',
      },
    );
  });

  it('shows any other error with its own message', () => {
    expect(describeHostError(new TypeError('bad'), 'en')).toEqual({
      title: 'Could not read the table',
      body: 'An unexpected error occurred: bad',
    });
  });
});

describe('describeHostError on a host whose API set is too old', () => {
  it('names the Office versions that work instead of a bare error code', () => {
    const error = new DubanError('host_failure', 'GetUsedRange', { code: 'ApiNotFound' });
    const zh = describeHostError(error, 'zh').body;
    expect(zh).toContain('Excel 2019');
    expect(zh).toContain('Microsoft 365');
    expect(zh).toContain('ExcelApi 1.8');
    expect(describeHostError(error, 'en').body).toContain('Please update Office');
  });
});
