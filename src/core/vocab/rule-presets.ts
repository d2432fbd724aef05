/**
 * The rule table: named presets of scoring thresholds (三色管理 — three-colour status), with the settings
 * every preset shares. `resolveSettings` (`score/settings.ts`) starts from one of these and applies the
 * user's overrides. Gaps are percentage points below the expected progress (序时进度) unless `gapMode` is
 * `relative`.
 *
 * Sources: the thresholds are those of ARCHITECTURE.md §3 and issue #4, which name the practice of the
 * places the presets are called after; the original notices are not in `seeds/`, so check a preset against
 * the local notice before relying on it. Every other default comes from the seed notice
 * (`seeds/002_…txt`, 泰山区 2024-02-08) where it says so below.
 */
import type { GapMode, ScoringSettings } from '../score/settings-model.ts';

/** The thresholds a preset sets. */
export interface PresetThresholds {
  readonly gapMode: GapMode;
  readonly laggingGap: number;
  readonly laggingInclusive: boolean;
  readonly severeGap: number;
  readonly severeInclusive: boolean;
}

/** One named preset. */
export interface RulePreset {
  /** The name users pick (`--preset 银川`). */
  readonly name: string;
  /** Other accepted spellings (ASCII for the command line). */
  readonly aliases: readonly string[];
  readonly descriptionZh: string;
  readonly descriptionEn: string;
  readonly thresholds: PresetThresholds;
}

/** The preset used when none is named. */
export const DEFAULT_PRESET_NAME = '序时';

/** The rule table. */
export const RULE_PRESETS: readonly RulePreset[] = [
  // 序时 — default. "时间过半、任务过半" (ARCHITECTURE.md §3): any shortfall against 序时进度 is lagging;
  // more than 20 points behind is severe. Gap 0 → on track, 0.1 → lagging, 20 → lagging, 20.1 → severe.
  {
    name: '序时',
    aliases: ['default', 'xushi'],
    descriptionZh: '低于序时进度即为滞后（黄），低于序时进度20个百分点以上、逾期或年底未完成为严重滞后（红）',
    descriptionEn:
      'lagging (yellow) when below time progress; severe (red) when more than 20 points below, overdue or unfinished at year end',
    thresholds: {
      gapMode: 'points',
      laggingGap: 0,
      laggingInclusive: false,
      severeGap: 20,
      severeInclusive: false,
    },
  },
  // 银川 — issue #4 / ARCHITECTURE.md §3: yellow 10–30 points below 序时 (10 and 30 included, read as
  // 以上/以内), red more than 30 below; less than 10 below still counts as on track.
  // Gap 9.9 → on track, 10 → lagging, 30 → lagging, 30.1 → severe.
  {
    name: '银川',
    aliases: ['yinchuan'],
    descriptionZh: '低于序时进度10至30个百分点为黄，30个百分点以上为红，10个百分点以内视为正常',
    descriptionEn:
      'yellow 10–30 points below time progress, red more than 30 below; within 10 points is on track',
    thresholds: {
      gapMode: 'points',
      laggingGap: 10,
      laggingInclusive: true,
      severeGap: 30,
      severeInclusive: false,
    },
  },
  // 三亚 — issue #4 / ARCHITECTURE.md §3: yellow when behind 序时 by up to 50 % of it (completion at least half
  // of the expected progress), red beyond. Expected 50 %: completion 25 % → relative gap 50 → lagging;
  // 24.9 % → 50.2 → severe.
  {
    name: '三亚',
    aliases: ['sanya'],
    descriptionZh: '低于序时进度即为黄，完成进度不足序时进度一半（落后50%以上）为红',
    descriptionEn: 'yellow when below time progress, red when completion is less than half the time progress',
    thresholds: {
      gapMode: 'relative',
      laggingGap: 0,
      laggingInclusive: false,
      severeGap: 50,
      severeInclusive: false,
    },
  },
];

/**
 * Settings every preset shares; the thresholds are the default preset's. Each value's source or reason is
 * beside it.
 */
export const BASE_SETTINGS: ScoringSettings = {
  preset: DEFAULT_PRESET_NAME,
  gapMode: 'points',
  laggingGap: 0,
  laggingInclusive: false,
  severeGap: 20,
  severeInclusive: false,
  // Seed notice: 对进展滞后、年底未完成任务的 … 启动督查七联动 — a task not done when due is red whatever the gap.
  overdueIsSevere: true,
  tolerance: {
    // 8%左右 is met by 7.5 %: half a point is the rounding span of a rate printed without decimals.
    ratePoints: 0.5,
    // 200亿元左右 is met by 190亿元: 5 % of the target.
    quantityRelative: 0.05,
  },
  // Notices print completion with one decimal (完成全年计划的68.1%, seeds/001).
  percentDecimals: 1,
  // Issue #4: a printed 完成率 mismatching the recomputed one beyond ±0.1 point is reported.
  printedRateTolerance: 0.1,
  // Seed notice: 报送材料要对应目标任务逐条简明扼要表述，字数一般不超过200字.
  progressTextLimit: 200,
  // Seed notice: 分别于3月31日、6月30日、9月30日、12月31日前报送.
  reportingDeadlines: ['03-31', '06-30', '09-30', '12-31'],
  formula: {
    // 贵阳-style (ARCHITECTURE.md §3): 超额不加分, lower-is-better 2 − actual/target floored at 0.
    creditCap: 1,
    lowerIsBetterBase: 2,
    // A unit writing only 进展缓慢 is half-way: neither on pace (1) nor not started (0).
    laggingWordCredit: 0.5,
    // Ranking tables print scores with two decimals.
    scoreDecimals: 2,
  },
  // Praise: every sub-task done or on track and a score of at least 95.
  praise: { minScore: 95 },
  // Seed notice: 对进展滞后、年底未完成任务的 … 启动督查七联动. Issue #4 narrows the list to severe, overdue and
  // year-end unfinished sub-tasks; set `lagging` to also list yellow ones as the notice's wording allows.
  escalation: { severe: true, overdue: true, yearEndUnfinished: true, lagging: false },
  // The seed table is a 区 (泰山区) table.
  scopeName: '全区',
  // A notice names the first few units (前三名); a tie of dozens at 100 is given as a count, since the praise
  // sentence names those units anyway.
  paragraph: { topNamesLimit: 5 },
};
