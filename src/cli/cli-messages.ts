/**
 * Everything the command line says to people, in Chinese and English. Templates use `{name}` placeholders.
 */
import type { Lang } from '../core/findings.ts';
import { fillTemplate } from '../core/text/fill-template.ts';
import { BULK_MESSAGES } from './cli-messages-bulk.ts';

/** Message templates by key. */
export const CLI_MESSAGES = {
  usage: {
    zh: `用法：duban <命令> [选项]

命令：
  inspect <文件.xlsx>   读取分解表：表头、责任单位、子任务、指标与校验结果
  score <文件.xlsx>     计算完成率、序时进度、三色状态与排名
  demo                  用自带示例工作簿演示，结果写入 out/

选项：
  --sheet 名称          指定工作表（默认：活动工作表，找不到表时依次查找其他工作表）
  --plan-year 年份      计划年度（默认：从标题读取，如“2024年…”）
  --as-of 日期          截至日期 YYYY-MM-DD（score；默认今天与计划年度末中较早者）
  --preset 名称         评分规则预设（score）：序时、银川、三亚
  --json                以 JSON 输出到标准输出
  --lang zh|en          界面语言（默认 zh）
  -h, --help            显示本帮助`,
    en: `Usage: duban <command> [options]

Commands:
  inspect <file.xlsx>   read the key-task table: header, units, sub-tasks, indicators and findings
  score <file.xlsx>     completion, time progress, three-colour status and ranking
  demo                  run on the bundled sample workbook, output under out/

Options:
  --sheet NAME          sheet to read (default: the active sheet, then the other sheets in order)
  --plan-year YYYY      plan year (default: from the title, e.g. "2024年…")
  --as-of YYYY-MM-DD    as-of date (score; default: today or the plan year's end, whichever is earlier)
  --preset NAME         scoring preset (score): 序时, 银川, 三亚
  --json                print one JSON document on stdout
  --lang zh|en          language (default zh)
  -h, --help            show this help`,
  },
  unknownCommand: {
    zh: '未知命令：{command}。运行 duban --help 查看用法。',
    en: 'Unknown command: {command}. Run duban --help for usage.',
  },
  badOption: {
    zh: '参数错误：{detail}。运行 duban --help 查看用法。',
    en: 'Bad arguments: {detail}. Run duban --help for usage.',
  },
  missingFile: { zh: '请指定要读取的 .xlsx 文件。', en: 'Name the .xlsx file to read.' },
  badPlanYear: {
    zh: '--plan-year 应为四位年份（如 2024），收到“{value}”。',
    en: '--plan-year must be a four-digit year (e.g. 2024), got "{value}".',
  },
  badAsOf: {
    zh: '--as-of 应为日期 YYYY-MM-DD（如 2024-06-30），收到“{value}”。',
    en: '--as-of must be a date YYYY-MM-DD (e.g. 2024-06-30), got "{value}".',
  },
  badLang: { zh: '--lang 只能是 zh 或 en。', en: '--lang must be zh or en.' },
  fileNotFound: { zh: '找不到文件：{path}', en: 'File not found: {path}' },
  unreadable: {
    zh: '无法以 .xlsx 工作簿读取文件：{path}（文件可能已损坏，或不是 Excel 2007 及以后的格式）。',
    en: 'Cannot read {path} as an .xlsx workbook (it may be damaged, or not in the Excel 2007+ format).',
  },
  sheetNotFound: {
    zh: '文件 {path} 中没有名为“{sheet}”的工作表。现有工作表：{sheets}',
    en: 'File {path} has no sheet named "{sheet}". Sheets: {sheets}',
  },
  noTable: {
    zh: '在文件 {path} 中未找到任务分解表。已查找工作表：{sheets}（每张表的第1–30行）。请确认表头含“责任单位”“目标任务”等列名，或用 --sheet 指定工作表。',
    en: 'No key-task table found in {path}. Looked in sheets: {sheets} (rows 1–30 of each). Check that the header has columns such as 责任单位 and 目标任务, or name the sheet with --sheet.',
  },
  internal: {
    zh: '内部错误：{detail}。请把此信息和所用文件报告给开发者。',
    en: 'Internal error: {detail}. Please report this message and the file used to the developers.',
  },
  summaryTable: {
    zh: '工作表“{sheet}”：{layout}表，表头在第{row}行，{rows}行任务。',
    en: 'Sheet "{sheet}": {layout} table, header in row {row}, {rows} task rows.',
  },
  layoutLong: { zh: '逐项（一行一项任务）', en: 'long (a row per task)' },
  layoutWide: { zh: '矩阵（一行一个单位）', en: 'wide (a row per unit)' },
  summaryColumns: { zh: '列：', en: 'Columns:' },
  summaryUnits: {
    zh: '责任单位 {count} 个，子任务 {subtasks} 项，指标 {indicators} 个。',
    en: '{count} units, {subtasks} sub-tasks, {indicators} indicators.',
  },
  summaryFindings: {
    zh: '校验：错误 {error} 条，警告 {warning} 条，提示 {info} 条。',
    en: 'Findings: {error} errors, {warning} warnings, {info} notes.',
  },
  wroteFile: { zh: '已写入：{path}', en: 'Wrote {path}' },
  demoStart: { zh: '示例：读取 {path}', en: 'Demo: reading {path}' },
  // ── score ──
  badPreset: {
    zh: '未知的评分规则预设“{name}”。可选：{presets}',
    en: 'Unknown scoring preset "{name}". Presets: {presets}',
  },
  badSettings: { zh: '评分设置有误：{detail}', en: 'Invalid scoring settings: {detail}' },
  badArgument: { zh: '参数有误：{detail}', en: 'Invalid argument: {detail}' },
  noPlanYear: {
    zh: '无法确定工作表“{sheet}”的计划年度（{cell}）：标题中没有“2024年”这样的年份。请用 --plan-year 指定。',
    en: 'Cannot tell the plan year of sheet "{sheet}" ({cell}): the title names no year such as 2024年. Give it with --plan-year.',
  },
  ledgerEmpty: {
    zh: '工作表“{sheet}”的任务台账表头（{cell}）下没有任务行，无法评分。',
    en: 'The ledger on sheet "{sheet}" has no task rows below its header ({cell}); nothing to score.',
  },
  isLedger: {
    zh: '工作表“{sheet}”已经是任务台账（表头 {cell}），无需再分解。请用 --sheet 指定责任分解表所在的工作表；台账可直接用 duban score 评分。',
    en: 'Sheet "{sheet}" is already a ledger (header {cell}); it need not be broken down again. Name the sheet holding the key-task table with --sheet; the ledger can be scored as it is with duban score.',
  },
  noSubTasks: {
    zh: '工作表“{sheet}”的分解表（表头 {cell}）中没有可评分的任务。',
    en: 'The table on sheet "{sheet}" (header {cell}) has no tasks to score.',
  },
  noProgressColumns: {
    zh: '工作表“{sheet}”的分解表（表头 {cell}）中没有完成值、完成率或进展情况列，无法评分。请先生成任务台账（任务台账工作表）并由各单位填报，或在表中增加“完成值”“进展情况”列。',
    en: 'The table on sheet "{sheet}" (header {cell}) has no actual, completion or progress column, so it cannot be scored. Create the ledger sheet (任务台账) and have the units fill it in, or add 完成值 / 进展情况 columns to the table.',
  },
  scoreSourceLedger: {
    zh: '工作表“{sheet}”：任务台账，表头在第{row}行，{count}项子任务，读取截至日期前最近一个季度的填报。',
    en: 'Sheet "{sheet}": ledger, header in row {row}, {count} sub-tasks; the latest quarter reported by the as-of date is read.',
  },
  scoreSourceTable: {
    zh: '工作表“{sheet}”：{layout}分解表，表头在第{row}行，{count}项子任务，读取表中的完成值与进展情况。',
    en: 'Sheet "{sheet}": {layout} table, header in row {row}, {count} sub-tasks; its own actual and progress columns are read.',
  },
  scoreAsOf: {
    zh: '截至 {asOf}，序时进度 {progress}，评分规则：{preset}。',
    en: 'As of {asOf}, time progress {progress}, scoring preset {preset}.',
  },
  scoreAsOfDefault: {
    zh: '（未指定 --as-of：取今天与计划年度末中较早的日期 {asOf}。）',
    en: '(No --as-of given: using today or the end of the plan year, whichever is earlier: {asOf}.)',
  },
  rankHeadRank: { zh: '排名', en: 'Rank' },
  rankHeadUnit: { zh: '责任单位', en: 'Unit' },
  rankHeadScore: { zh: '得分', en: 'Score' },
  rankHeadStatus: { zh: '状态', en: 'Status' },
  rankHeadLagging: { zh: '滞后任务', en: 'Behind' },
  rankTotal: { zh: '（合计，不排名）', en: '(total, not ranked)' },
  statusDone: { zh: '已完成', en: 'done' },
  statusOnTrack: { zh: '序时推进', en: 'on track' },
  statusLagging: { zh: '进展滞后', en: 'lagging' },
  statusSevere: { zh: '严重滞后', en: 'severe' },
  statusUnscored: { zh: '未评分', en: 'not scored' },
  scoreCounts: {
    zh: '责任单位{units}个，子任务{subTasks}项：已完成{done}项，序时推进{onTrack}项，进展滞后{behind}项（其中严重滞后{severe}项），未评分{unscored}项。',
    en: '{units} units, {subTasks} sub-tasks: {done} done, {onTrack} on track, {behind} behind schedule ({severe} of them severe), {unscored} not scored.',
  },
  scorePraise: { zh: '通报表扬：{names}', en: 'Praise: {names}' },
  scoreEscalate: { zh: '督查督办：{names}', en: 'Escalate: {names}' },
  none: { zh: '无', en: 'none' },
  severityError: { zh: '错误', en: 'error' },
  severityWarning: { zh: '警告', en: 'warning' },
  severityInfo: { zh: '提示', en: 'note' },
  circularHeading: { zh: '通报草稿：', en: 'Draft circular (Chinese, then English):' },
  moreNotes: {
    zh: '  另有提示 {count} 条，用 --json 查看全部。',
    en: '  {count} more notes; use --json to see them all.',
  },
  demoScore: {
    zh: '示例：为示例台账 {path} 评分（截至 {asOf}，示例数据）',
    en: 'Demo: scoring the sample ledger {path} as of {asOf} (sample data)',
  },
  ...BULK_MESSAGES,
} as const satisfies Record<string, Record<Lang, string>>;

/** A message key. */
export type CliMessageKey = keyof typeof CLI_MESSAGES;

/** Render a message in one language. */
export function say(lang: Lang, key: CliMessageKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(CLI_MESSAGES[key][lang], params);
}
