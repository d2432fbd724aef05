/**
 * Splitting a list written in one cell (`区财政局、区税务局`, `宋杰（宋海峰/亓子超）`) at separators that are
 * not inside brackets, so a bracketed list stays with the name it belongs to.
 */

/** Opening brackets and their closing partners (full- and half-width). */
const BRACKET_PAIRS: Readonly<Record<string, string>> = {
  '(': ')',
  '（': '）',
  '[': ']',
  '【': '】',
  '〔': '〕',
  '《': '》',
  '“': '”',
  '「': '」',
};

const CLOSERS = new Set(Object.values(BRACKET_PAIRS));

/**
 * Split `text` at any character in `separators` that is outside brackets. Pieces are returned as written
 * (untrimmed); empty pieces are kept so callers can see where separators were. An unbalanced closing
 * bracket is treated as an ordinary character.
 * @example splitTopLevel('甲、乙（丙、丁）', '、') → ['甲', '乙（丙、丁）']
 * @example splitTopLevel('a/b', '/') → ['a', 'b']; splitTopLevel('a((b/c', '/') → ['a((b/c']
 */
export function splitTopLevel(text: string, separators: string): string[] {
  // Most cells hold one name: no separator at all means nothing to split.
  let any = false;
  for (const sep of separators) {
    if (text.includes(sep)) {
      any = true;
      break;
    }
  }
  if (!any) return [text];
  const pieces: string[] = [];
  const stack: string[] = [];
  let current = '';
  for (const ch of text) {
    const closer = BRACKET_PAIRS[ch];
    if (closer !== undefined) {
      stack.push(closer);
      current += ch;
      continue;
    }
    if (stack.length > 0 && ch === stack[stack.length - 1]) {
      stack.pop();
      current += ch;
      continue;
    }
    if (stack.length === 0 && separators.includes(ch) && !CLOSERS.has(ch)) {
      pieces.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  pieces.push(current);
  return pieces;
}
