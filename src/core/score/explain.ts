/**
 * Explanations of scores, in Chinese or English, written from what the score records (docs/scoring.md §4):
 *
 * - `完成450人（目标1000人），完成率45.0%，低于序时进度75%（差30.0个百分点）`
 * - `实际4.4%，目标5.5%以上，为目标要求的80.0%（差20.0个百分点）`
 * - `填报“未启动”（按完成0%计），低于6月底前完成的时限进度50%（差50.0个百分点）`
 * - `未评分：无法识别完成值“详见附件”`
 *
 * Scoring records the figures, the comparison's verdict and the expectation instead of finished sentences:
 * a circular, a ledger's 说明 column or the pane needs one language, and often only some of the sub-tasks,
 * while writing both texts for every sub-task of a large ledger was the largest single cost of scoring it.
 * Everything here is a pure function of the score, so an explanation reads the same whenever it is written.
 */
import type { Lang } from '../findings.ts';
import { expectedOf, isApproximate, isTimeScaled, modeOf } from './indicator-mode.ts';
import { fixed, percentFixed, percentTrimmed, relativeShortfall, roundTo, trimmed } from './numbers.ts';
import type { ExplanationContext, IndicatorScore, UnscoredReason } from './score-model.ts';
import { figureFormat, formatWith } from './unit-display.ts';

/** What {@link explainTask} needs of a sub-task: its indicator scores (a `SubTaskScore`). */
export interface Explained {
  readonly indicators: readonly IndicatorScore[];
}

/**
 * A sub-task's explanation: its indicator's, or with several `指标：说明；指标：说明`.
 * @example explainTask(task, 'zh') === '完成4496人（目标6600人），完成率68.1%，达到序时进度50%'
 */
export function explainTask(task: Explained, lang: Lang): string {
  const list = task.indicators;
  const first = list[0];
  if (first === undefined) return '';
  if (list.length === 1) return explainIndicator(first, lang);
  const parts: string[] = [];
  for (const x of list) {
    if (parts.length > 0) parts.push(lang === 'zh' ? '；' : '; ');
    parts.push(x.indicator.metric, lang === 'zh' ? '：' : ': ', explainIndicator(x, lang));
  }
  return parts.join('');
}

/**
 * One indicator's explanation: what was measured, then the verdict.
 * @example explainIndicator(score, 'en') === '4496人 of 6600人, completion 68.1%, at or above time progress 50%'
 */
export function explainIndicator(x: IndicatorScore, lang: Lang): string {
  if (x.status === 'unscored') return unscoredText(x.reason ?? 'no_progress', x.detail ?? '', lang);
  const zh = lang === 'zh';
  const v = verdictText(x, lang);
  const d = x.context.percentDecimals;
  if (x.basis === 'status_word') {
    const word = x.statusWord ?? '';
    // Only 未启动 (and its kin) carries a completion: it is counted as 0 %.
    if (x.completion === 0) {
      return zh ? `填报“${word}”（按完成0%计），${v}` : `reported "${word}" (counted as 0 %), ${v}`;
    }
    return zh ? `填报“${word}”，${v}` : `reported "${word}", ${v}`;
  }
  const r = x.completion ?? 0;
  if (x.basis === 'self_reported') {
    const c = percentFixed(r, d);
    return zh ? `完成率${c}（自报），${v}` : `completion ${c} (self-reported), ${v}`;
  }
  const ind = x.indicator;
  const fmt = figureFormat(ind.unit, x.displayUnit);
  const a = x.actual ?? 0;
  const aText = formatWith(fmt, a);
  const approx = isApproximate(ind);
  const mode = modeOf(ind);
  if (mode === 'relative') {
    const close = approx || ind.comparator === '=';
    const bText = formatWith(fmt, x.benchmark ?? 0);
    return zh
      ? `实际${aText}，对标值${bText}${close ? '（基本同步）' : ''}，${v}`
      : `actual ${aText}, benchmark ${bText}${close ? ' (roughly in step)' : ''}, ${v}`;
  }
  const t = x.target ?? 0;
  const tText = formatWith(fmt, t);
  const counted = approx ? (x.counted ?? t) : t;
  const cText = approx ? formatWith(fmt, counted) : '';
  switch (mode) {
    case 'status':
    case 'quantity': {
      const c = percentFixed(r, d);
      if (approx) {
        return zh
          ? `完成${aText}（目标${tText}左右，按${cText}计），完成率${c}，${v}`
          : `${aText} of about ${tText} (counted from ${cText}), completion ${c}, ${v}`;
      }
      return zh
        ? `完成${aText}（目标${tText}），完成率${c}，${v}`
        : `${aText} of ${tText}, completion ${c}, ${v}`;
    }
    case 'rate': {
      // Zero or negative growth counts as no progress, and says so.
      const neg = a <= 0 && counted > 0;
      if (zh) {
        const word = approx ? '左右' : ind.comparator === '>=' ? '以上' : '';
        return (
          `实际${aText}，目标${tText}${word}${approx ? `（按${cText}计）` : ''}` +
          `${neg ? '，负增长或零增长不计进度' : ''}，${v}`
        );
      }
      const word = approx ? ' (about)' : ind.comparator === '>=' ? ' or more' : '';
      return (
        `actual ${aText}, target ${tText}${word}${approx ? ` (counted from ${cText})` : ''}` +
        `${neg ? ', no growth counts as no progress' : ''}, ${v}`
      );
    }
    case 'limit': {
      const met = a <= t;
      return zh
        ? `实际${aText}${met ? '，控制在目标' : '，超出控制目标'}${tText}${met ? '以内' : ''}，${v}`
        : `actual ${aText}${met ? ', within the limit ' : ', above the limit '}${tText}, ${v}`;
    }
    case 'level':
      return zh ? `实际${aText}，目标保持${tText}，${v}` : `actual ${aText}, level to keep ${tText}, ${v}`;
  }
}

/** The expectation as the verdicts name it: `序时进度50%` / `6月底前完成的时限进度50%`. */
function expectationLabel(ctx: ExplanationContext, lang: Lang): string {
  const e = percentTrimmed(ctx.expected, ctx.percentDecimals);
  if (lang === 'zh') return ctx.deadline !== null ? `${ctx.deadline}完成的时限进度${e}` : `序时进度${e}`;
  return ctx.deadline !== null ? `the ${e} expected by ${ctx.dueDate}` : `time progress ${e}`;
}

/** Not done when due: `年底仍未完成` / `已过完成时限（6月底前）仍未完成`. */
function dueText(ctx: ExplanationContext, lang: Lang): string {
  if (lang === 'zh')
    return ctx.deadline !== null ? `已过完成时限（${ctx.deadline}）仍未完成` : '年底仍未完成';
  return ctx.deadline !== null ? `not done by its deadline ${ctx.dueDate}` : 'unfinished at year end';
}

// The end of an explanation: the comparison's verdict.
function verdictText(x: IndicatorScore, lang: Lang): string {
  const ctx = x.context;
  const zh = lang === 'zh';
  const d = ctx.percentDecimals;
  const gapText = fixed(x.gapPoints ?? 0, d);
  switch (x.verdict) {
    case 'met':
      if (zh) return isTimeScaled(x.indicator) ? '已完成目标' : '达到目标要求';
      return isTimeScaled(x.indicator) || ctx.due ? 'target met' : 'meets the target so far';
    case 'reached':
      return zh ? `达到${expectationLabel(ctx, lang)}` : `at or above ${expectationLabel(ctx, lang)}`;
    case 'due_short':
      return zh
        ? `${dueText(ctx, lang)}（差${gapText}个百分点）`
        : `${dueText(ctx, lang)} (${gapText} points short)`;
    case 'due':
      return dueText(ctx, lang);
    case 'word_done':
      return zh ? '视为完成' : 'counted as done';
    case 'word_on_track':
      return zh ? '视为序时推进' : 'counted as on track';
    case 'word_lagging':
      return zh ? '视为进展滞后' : 'counted as lagging';
    case 'word_severe':
      return zh ? '视为严重滞后' : 'counted as severe';
    case 'none':
      return '';
    case 'below':
      return belowText(x, ctx, gapText, lang);
  }
}

// `低于序时进度75%（差30.0个百分点）` / `为目标要求的80.0%（差20.0个百分点）`, with the relative shortfall (三亚
// presets) and the allowance when still within it.
function belowText(x: IndicatorScore, ctx: ExplanationContext, gapText: string, lang: Lang): string {
  const d = ctx.percentDecimals;
  const r = x.completion ?? 0;
  const timeScaled = isTimeScaled(x.indicator);
  let text: string;
  if (lang === 'zh') {
    text = timeScaled
      ? `低于${expectationLabel(ctx, lang)}（差${gapText}个百分点`
      : `为目标要求的${percentFixed(r, d)}（差${gapText}个百分点`;
  } else {
    text = timeScaled
      ? `below ${expectationLabel(ctx, lang)} (${gapText} points behind`
      : `${percentFixed(r, d)} of the requirement (${gapText} points short`;
  }
  if (ctx.gapMode === 'relative') {
    // The share of the expectation missing, as the preset measured it (rounded percentages, as judged).
    const rel = trimmed(relativeShortfall(roundTo(r * 100, d), roundTo(expectedOf(x) * 100, d), d), d);
    text += lang === 'zh' ? `，落后${rel}%` : `, ${rel}% short of it`;
  }
  if (x.status !== 'on_track') return text + (lang === 'zh' ? '）' : ')');
  const allow = trimmed(ctx.allowance, 2);
  if (lang === 'zh') {
    return (
      text +
      (ctx.gapMode === 'points' ? `），在允许范围（${allow}个百分点）内` : `），在允许范围（${allow}%）内`)
    );
  }
  return (
    text +
    (ctx.gapMode === 'points' ? `), within the allowed ${allow} points` : `), within the allowed ${allow}%`)
  );
}

/** Why an indicator is not scored, quoting the cell's text where that is the problem. */
function unscoredText(reason: UnscoredReason, text: string, lang: Lang): string {
  const zh = lang === 'zh';
  switch (reason) {
    case 'no_progress':
      return zh ? '未评分：未填报完成值或进展状态' : 'not scored: no actual or status reported';
    case 'no_target':
      return zh ? '未评分：缺少可用的目标值' : 'not scored: no usable target value';
    case 'no_benchmark':
      return zh ? '未评分：缺少对标值' : 'not scored: no benchmark value';
    case 'unreadable_actual':
      return zh ? `未评分：无法识别完成值“${text}”` : `not scored: cannot read the actual "${text}"`;
    case 'cell_error':
      return zh ? `未评分：完成值为错误值${text}` : `not scored: the actual is the error value ${text}`;
    case 'unit_mismatch':
      return zh
        ? `未评分：完成值“${text}”的单位与目标不一致`
        : `not scored: the unit of "${text}" does not match the target's`;
    case 'unknown_status':
      return zh ? `未评分：无法识别状态“${text}”` : `not scored: unknown status "${text}"`;
    case 'ambiguous_status':
      return zh ? `未评分：状态“${text}”含义不一` : `not scored: the status "${text}" is ambiguous`;
  }
}
