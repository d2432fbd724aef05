import { describe, expect, it } from 'vitest';
import { splitSubtasks } from '../../../src/core/breakdown/split-subtasks.ts';

const texts = (t: string): string[] => splitSubtasks(t).map((s) => s.text);

describe('splitSubtasks: boundaries', () => {
  it('splits at 。 and ；, not at commas', () => {
    expect(texts('地区生产总值增长5.5%以上；固定资产投资增长8%左右；完成上级目标。推进A，推进B。')).toEqual([
      '地区生产总值增长5.5%以上',
      '固定资产投资增长8%左右',
      '完成上级目标',
      '推进A，推进B',
    ]);
  });

  it('splits at half-width ; and at ！ ？', () => {
    expect(texts('推进A;推进B！推进C？推进D')).toEqual(['推进A', '推进B', '推进C', '推进D']);
  });

  it('does not split inside quotes or brackets', () => {
    expect(texts('落实“四水四定；深度节水”原则。推进（试点。扩面）工作；办好《通知。附件》')).toEqual([
      '落实“四水四定；深度节水”原则',
      '推进（试点。扩面）工作',
      '办好《通知。附件》',
    ]);
  });

  it('treats an unclosed quote as an ordinary character', () => {
    expect(texts('推进“A项目；完成B')).toEqual(['推进“A项目', '完成B']);
  });

  it('drops empty pieces and trims whitespace and punctuation', () => {
    expect(texts('　  推进信访工作法治化。。；  ；')).toEqual(['推进信访工作法治化']);
    expect(texts('')).toEqual([]);
    expect(texts(' 。；\n ')).toEqual([]);
  });

  it('keeps inner spaces as written', () => {
    expect(texts('扛牢 “二次创业”主城区担当。')).toEqual(['扛牢 “二次创业”主城区担当']);
  });

  it('returns offsets into the input', () => {
    const input = '　　改造老旧小区82个。推进A。';
    for (const s of splitSubtasks(input)) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(splitSubtasks(input)[0]).toEqual({
      text: '改造老旧小区82个',
      start: 2,
      end: 11,
      duplicateOf: null,
    });
  });
});

describe('splitSubtasks: numbered items', () => {
  it('splits 1. 2、 (3) （4） items and removes the numbers', () => {
    // An item number needs a boundary, comma, colon or space before it: （4） after C is left in the text.
    expect(texts('1.推进A；2、完成B，3)建设C（4）开展D')).toEqual(['推进A', '完成B', '建设C（4）开展D']);
    expect(texts('1.推进A；2、完成B，(3)建设C，（4）开展D')).toEqual(['推进A', '完成B', '建设C', '开展D']);
  });

  it('does not mistake decimals for item numbers', () => {
    expect(texts('增长5.5%以上，1.5亿元投资到位')).toEqual(['增长5.5%以上，1.5亿元投资到位']);
  });

  it('splits circled numbers wherever they stand', () => {
    expect(texts('①建设A②完成B③开展C')).toEqual(['建设A', '完成B', '开展C']);
    expect(texts('⑴建设A；⑵完成B')).toEqual(['建设A', '完成B']);
  });

  it('splits 一、 （一） and 一是…二是…', () => {
    expect(texts('一、加快A建设；二、完成B')).toEqual(['加快A建设', '完成B']);
    expect(texts('（一）加快A建设（二）完成B')).toEqual(['加快A建设（二）完成B']);
    expect(texts('（一）加快A建设。（二）完成B')).toEqual(['加快A建设', '完成B']);
    expect(texts('一是加快A建设，二是完成B项目5个，三是推进C')).toEqual([
      '加快A建设',
      '完成B项目5个',
      '推进C',
    ]);
  });

  it('does not split 统一是 or 一是 inside a word', () => {
    expect(texts('标准统一是关键')).toEqual(['标准统一是关键']);
  });

  it('splits numbered lines', () => {
    expect(texts('1.推进A\n2.完成B')).toEqual(['推进A', '完成B']);
  });
});

describe('splitSubtasks: line breaks', () => {
  it('splits lines that are separate items', () => {
    expect(texts('推进A项目建设\n完成B项目验收')).toEqual(['推进A项目建设', '完成B项目验收']);
  });

  it('joins a line wrapped inside a sentence (after a digit, comma or 、, or before closing punctuation)', () => {
    expect(texts('完成投资200\n亿元')).toEqual(['完成投资200\n亿元']);
    expect(texts('推进A，\n推进B')).toEqual(['推进A，\n推进B']);
    expect(texts('推进A、\nB建设')).toEqual(['推进A、\nB建设']);
    expect(texts('增长8\n%')).toEqual(['增长8\n%']);
  });
});

describe('splitSubtasks: repeated sentences', () => {
  it('marks an identical sentence as a repeat of the first', () => {
    const out = splitSubtasks('推进A。推进B。推进A。');
    expect(out.map((s) => [s.text, s.duplicateOf])).toEqual([
      ['推进A', null],
      ['推进B', null],
      ['推进A', 0],
    ]);
  });

  it('marks a sentence whose clauses all occur in one earlier sentence (the seed row 1 case)', () => {
    const out = splitSubtasks(
      '落实项目推进4项机制，强化项目协调、要素保障、全程服务，抓好泰安二期抽水蓄能电站项目建设。深入实施绿色低碳全民行动。落实项目推进4项机制，强化项目协调、要素保障、全程服务。',
    );
    expect(out.map((s) => s.duplicateOf)).toEqual([null, null, 0]);
    expect(out[2]?.text).toBe('落实项目推进4项机制，强化项目协调、要素保障、全程服务');
  });

  it('does not mark a sentence that adds a clause of its own', () => {
    expect(splitSubtasks('推进A，推进B。推进A，推进C。').map((s) => s.duplicateOf)).toEqual([null, null]);
  });

  it('compares ignoring spaces and full-width forms', () => {
    expect(splitSubtasks('增长８％。增长 8%。').map((s) => s.duplicateOf)).toEqual([null, 0]);
  });
});
