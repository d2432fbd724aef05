/**
 * Levenshtein edit distance over Unicode code points (so a CJK character or an emoji counts as one edit).
 */
/**
 * The number of single-character insertions, deletions and substitutions turning `a` into `b`.
 * @example editDistance('区财正局', '区财政局') === 1; editDistance('财政局', '区财政局') === 1
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Two rolling rows of the classic table: O(|a|·|b|) time, O(|b|) memory.
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let curr = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      curr[j] = Math.min((prev[j] ?? 0) + 1, (curr[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[t.length] ?? 0;
}
