/**
 * Bracketed notes after a unit name that say what part the unit plays rather than name it
 * (`区发改局（牵头）`). They are removed so the same unit compares equal across rows.
 */

/** Compact-key words that, alone in brackets after a unit name, are dropped. */
export const UNIT_ANNOTATIONS: readonly string[] = [
  '牵头', // 区发改局（牵头）
  '牵头单位', // 区发改局(牵头单位)
  '配合', // 区财政局（配合）
  '配合单位', // 区财政局（配合单位）
  '负责', // 区住建局（负责）
  '主办', // 区商务局（主办）
  '协办', // 区商务局（协办）
  '按职责分工负责', // 各相关部门（按职责分工负责）
];
