/**
 * Status words units write in a 完成情况 / 进展状态 column (or instead of a figure) and what each means for
 * scoring. Compared on the compact key (NFKC, whitespace removed, trailing punctuation dropped). A cell that is
 * not exactly one word is read by leftmost-longest matching, so `尚未完成` is read as itself and never as
 * `完成`; negated forms are therefore listed explicitly. How each class scores: docs/scoring.md §4.
 */

/**
 * The meaning of a status word.
 * - `done`: the target is met (status done).
 * - `on_track`: explicitly keeping pace with 序时进度 (status on track).
 * - `in_progress`: under way, no statement about pace (on track until due).
 * - `lagging`: behind schedule (lagging; credit `formula.laggingWordCredit`).
 * - `far_behind`: seriously behind (severe).
 * - `not_started`: nothing done yet — scored as 0 % against the expected progress.
 * - `paused`: stopped (lagging, credit 0).
 */
export type StatusWordClass =
  'done' | 'on_track' | 'in_progress' | 'lagging' | 'far_behind' | 'not_started' | 'paused';

/** Compact key → class. Each comment shows what the entry matches. */
export const STATUS_WORDS: Readonly<Record<string, StatusWordClass>> = {
  // ── done ──
  已完成: 'done', // 已完成 · 已完成。
  完成: 'done', // 完成
  已全部完成: 'done', // 已全部完成
  全部完成: 'done', // 全部完成
  全面完成: 'done', // 全面完成
  圆满完成: 'done', // 圆满完成
  提前完成: 'done', // 提前完成
  已提前完成: 'done', // 已提前完成
  超额完成: 'done', // 超额完成
  已超额完成: 'done', // 已超额完成
  完成全年任务: 'done', // 完成全年任务
  已完成全年任务: 'done', // 已完成全年任务
  已办结: 'done', // 已办结
  办结: 'done', // 办结
  已销号: 'done', // 已销号 (signed off in the ledger: 挂账销号)
  销号: 'done', // 销号
  已建成: 'done', // 已建成
  建成: 'done', // 建成
  已竣工: 'done', // 已竣工
  竣工: 'done', // 竣工
  已落实: 'done', // 已落实
  '√': 'done', // √ (a tick in a 完成情况 column)
  '✓': 'done', // ✓
  '✔': 'done', // ✔
  // ── on track: keeping pace with 序时进度 ──
  序时推进: 'on_track', // 序时推进
  按序时推进: 'on_track', // 按序时推进
  按序时进度推进: 'on_track', // 按序时进度推进
  按时序推进: 'on_track', // 按时序推进
  正常推进: 'on_track', // 正常推进
  按计划推进: 'on_track', // 按计划推进
  按进度推进: 'on_track', // 按进度推进
  按期推进: 'on_track', // 按期推进
  有序推进: 'on_track', // 有序推进
  稳步推进: 'on_track', // 稳步推进
  顺利推进: 'on_track', // 顺利推进
  进展顺利: 'on_track', // 进展顺利
  达到时间进度: 'on_track', // 达到时间进度
  达到序时进度: 'on_track', // 达到序时进度
  符合序时进度: 'on_track', // 符合序时进度
  超序时进度: 'on_track', // 超序时进度
  超过序时进度: 'on_track', // 超过序时进度
  快于序时进度: 'on_track', // 快于序时进度
  时间过半任务过半: 'on_track', // 时间过半、任务过半 (punctuation is kept: see STATUS_WORD_PUNCTUATION)
  正常: 'on_track', // 正常 (a 状态 drop-down value)
  // ── in progress: under way, nothing said about pace ──
  推进中: 'in_progress', // 推进中
  正在推进: 'in_progress', // 正在推进
  持续推进: 'in_progress', // 持续推进
  进行中: 'in_progress', // 进行中
  正在进行: 'in_progress', // 正在进行
  实施中: 'in_progress', // 实施中
  正在实施: 'in_progress', // 正在实施
  在建: 'in_progress', // 在建
  已开工: 'in_progress', // 已开工
  已启动: 'in_progress', // 已启动
  基本完成: 'in_progress', // 基本完成 (mostly done is not done)
  未完成: 'in_progress', // 未完成 (before the deadline: not done yet; when due: overdue)
  尚未完成: 'in_progress', // 尚未完成
  没有完成: 'in_progress', // 没有完成
  未全部完成: 'in_progress', // 未全部完成
  // ── lagging ──
  滞后: 'lagging', // 滞后
  进度滞后: 'lagging', // 进度滞后
  进展滞后: 'lagging', // 进展滞后
  滞后序时进度: 'lagging', // 滞后序时进度
  滞后于序时进度: 'lagging', // 滞后于序时进度
  低于序时进度: 'lagging', // 低于序时进度
  慢于序时进度: 'lagging', // 慢于序时进度
  落后于序时进度: 'lagging', // 落后于序时进度
  未达到序时进度: 'lagging', // 未达到序时进度
  未达序时进度: 'lagging', // 未达序时进度
  未达到时间进度: 'lagging', // 未达到时间进度
  未达时间进度: 'lagging', // 未达时间进度
  未按计划推进: 'lagging', // 未按计划推进
  进展缓慢: 'lagging', // 进展缓慢
  推进缓慢: 'lagging', // 推进缓慢
  进度缓慢: 'lagging', // 进度缓慢
  落后: 'lagging', // 落后
  // ── far behind ──
  严重滞后: 'far_behind', // 严重滞后
  进展严重滞后: 'far_behind', // 进展严重滞后
  // ── not started ──
  未启动: 'not_started', // 未启动
  尚未启动: 'not_started', // 尚未启动
  未开工: 'not_started', // 未开工
  尚未开工: 'not_started', // 尚未开工
  未开始: 'not_started', // 未开始
  尚未开始: 'not_started', // 尚未开始
  未实施: 'not_started', // 未实施
  尚未实施: 'not_started', // 尚未实施
  // ── paused ──
  暂停: 'paused', // 暂停
  已暂停: 'paused', // 已暂停
  暂缓: 'paused', // 暂缓
  暂缓实施: 'paused', // 暂缓实施
  停滞: 'paused', // 停滞
  停工: 'paused', // 停工
  搁置: 'paused', // 搁置
  中止: 'paused', // 中止
  终止: 'paused', // 终止
};

/**
 * Punctuation removed from a status cell before lookup (`已完成。` → `已完成`, `时间过半、任务过半` →
 * `时间过半任务过半`). Compared after NFKC, so full-width `，；：！` arrive as `,;:!`.
 */
export const STATUS_WORD_PUNCTUATION: readonly string[] = [
  '。', // 已完成。
  '.', // 已完成.
  ',', // 已完成，(NFKC of ，)
  '、', // 时间过半、任务过半
  ';', // 序时推进；(NFKC of ；)
  ':', // 状态：已完成 (NFKC of ：) — the label before it is not a word, so such a cell is read by scanning
  '!', // 已完成！
  '"', // “已完成” after NFKC keeps curly quotes, so those are listed below
  '“', // “已完成”
  '”', // “已完成”
];
