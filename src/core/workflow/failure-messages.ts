/**
 * What each workflow failure says to people, in Chinese and English, for the add-in (the command line keeps
 * its own wording, which names files and options). Templates use `{name}` placeholders: `{sheet}` and
 * `{cell}` from the failure, the rest from its params.
 */
import type { Lang } from '../findings.ts';
import { fillTemplate } from '../text/fill-template.ts';
import { RULE_PRESETS } from '../vocab/rule-presets.ts';
import type { WorkflowFailure, WorkflowFailureCode } from './workflow-failure.ts';

/** Message templates by failure code. */
export const FAILURE_MESSAGES: Readonly<Record<WorkflowFailureCode, Readonly<Record<Lang, string>>>> = {
  sheet_not_found: {
    zh: '工作簿中没有名为“{sheet}”的工作表。现有工作表：{sheets}',
    en: 'The workbook has no sheet named "{sheet}". Sheets: {sheets}',
  },
  no_table: {
    zh: '未找到任务分解表。已查找工作表：{sheets}（每张表的第1–30行）。请确认表头含“责任单位”“目标任务”等列名，或选择表格所在的工作表。',
    en: 'No key-task table found. Looked in sheets: {sheets} (rows 1–30 of each). Check that the header has columns such as 责任单位 and 目标任务, or choose the sheet that holds the table.',
  },
  no_ledger: {
    zh: '未找到任务台账（表头需含“编号”“责任单位”“子任务”“一季度完成值”）。已查找工作表：{sheets}。请先生成任务台账。',
    en: 'No ledger found (its header needs 编号, 责任单位, 子任务 and 一季度完成值). Looked in sheets: {sheets}. Create the ledger first.',
  },
  is_ledger: {
    zh: '工作表“{sheet}”已经是任务台账（表头 {cell}），无需再分解。请选择责任分解表（序号 / 责任单位 / 目标任务 / 责任人）所在的工作表；各单位的进展直接填在台账中即可评分。',
    en: 'Sheet "{sheet}" is already a ledger (header {cell}); it need not be broken down again. Choose the sheet that holds the key-task table (序号 / 责任单位 / 目标任务 / 责任人); units fill their progress into the ledger, which can be scored as it is.',
  },
  no_progress_columns: {
    zh: '工作表“{sheet}”的分解表（表头 {cell}）中没有完成值、完成率或进展情况列，无法评分。请先生成任务台账并由各单位填报，或在表中增加“完成值”“进展情况”列。',
    en: 'The table on sheet "{sheet}" (header {cell}) has no actual, completion or progress column, so it cannot be scored. Create the ledger and have the units fill it in, or add 完成值 / 进展情况 columns to the table.',
  },
  no_sub_tasks: {
    zh: '工作表“{sheet}”的分解表（表头 {cell}）中没有可评分的任务。',
    en: 'The table on sheet "{sheet}" (header {cell}) has no tasks to score.',
  },
  no_plan_year: {
    zh: '无法确定工作表“{sheet}”的计划年度（{cell}）：标题中没有“2024年”这样的年份。请填写计划年度。',
    en: 'Cannot tell the plan year of sheet "{sheet}" ({cell}): the title names no year such as 2024年. Enter the plan year.',
  },
  ledger_empty: {
    zh: '工作表“{sheet}”的任务台账表头（{cell}）下没有任务行，无法评分。',
    en: 'The ledger on sheet "{sheet}" has no task rows below its header ({cell}); nothing to score.',
  },
  bad_preset: {
    zh: '未知的评分规则预设“{name}”。可选：{presets}',
    en: 'Unknown scoring preset "{name}". Presets: {presets}',
  },
  bad_settings: { zh: '评分设置有误：{detail}', en: 'Invalid scoring settings: {detail}' },
  bad_argument: { zh: '设置有误：{detail}', en: 'Invalid choice: {detail}' },
  bad_as_of: {
    zh: '截至日期应为 YYYY-MM-DD（如 2024-06-30），收到“{value}”。',
    en: 'The as-of date must be YYYY-MM-DD (e.g. 2024-06-30), got "{value}".',
  },
  bad_today: {
    zh: '当天日期应为 YYYY-MM-DD，收到“{value}”。',
    en: 'Today\'s date must be YYYY-MM-DD, got "{value}".',
  },
};

/** How each language joins a list of names. */
const LIST_SEPARATOR: Readonly<Record<Lang, string>> = { zh: '、', en: ', ' };

/**
 * The presets with their aliases, for the unknown-preset message.
 * @example presetList('zh') === '序时（default、xushi）、银川（yinchuan）、三亚（sanya）'
 */
export function presetList(lang: Lang): string {
  return RULE_PRESETS.map((p) =>
    lang === 'zh' ? `${p.name}（${p.aliases.join('、')}）` : `${p.name} (${p.aliases.join(', ')})`,
  ).join(LIST_SEPARATOR[lang]);
}

/** The failure in words, naming its sheet and cell. */
export function failureMessage(failure: WorkflowFailure, lang: Lang): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(failure.params)) {
    params[key] =
      typeof value === 'string' || typeof value === 'number' ? value : value.join(LIST_SEPARATOR[lang]);
  }
  if (failure.code === 'bad_preset') params['presets'] = presetList(lang);
  params['sheet'] = failure.sheet ?? '';
  params['cell'] = failure.cell ?? '';
  return fillTemplate(FAILURE_MESSAGES[failure.code][lang], params);
}
