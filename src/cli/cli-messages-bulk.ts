/**
 * Messages of the commands that write workbooks (score --out, clear, breakdown, split, merge), in Chinese and
 * English. Joined into `CLI_MESSAGES` (`cli-messages.ts`); kept apart so the two files can change
 * independently. Templates use `{name}` placeholders.
 */
import type { Lang } from '../core/findings.ts';

/** Message templates by key. */
export const BULK_MESSAGES = {
  usageBulk: {
    zh: `写入工作簿的命令：
  score <文件.xlsx> --out 结果.xlsx   评分并写出带标注的副本（完成率等列、三色条件格式、评分排名/通报/校验表）
  clear <文件.xlsx> --out 结果.xlsx   清除督办助手写入的列、标注、工作表和设置
  breakdown <文件.xlsx> --out 台账.xlsx  把分解表拆成任务台账工作表
  split <台账.xlsx> --out-dir 目录      按责任单位拆分台账，每个单位一个文件
  merge <台账.xlsx> <报送.xlsx…> --out 汇总.xlsx  按编号合并各单位报送的台账

写入选项：
  --out 文件            输出文件（不会覆盖输入文件）
  --in-place            直接改写输入文件，并保留备份“原名.bak.xlsx”
  --out-dir 目录        split 的输出目录
  --deadline 日期       split：写入填报说明的报送截止日期 YYYY-MM-DD`,
    en: `Commands that write workbooks:
  score <file.xlsx> --out scored.xlsx   score and write a marked-up copy (result columns, highlights, sheets)
  clear <file.xlsx> --out clean.xlsx    remove the columns, highlights, sheets and settings the assistant wrote
  breakdown <file.xlsx> --out ledger.xlsx  break the table down into the ledger sheet (任务台账)
  split <ledger.xlsx> --out-dir DIR     one workbook per responsible unit
  merge <ledger.xlsx> <returned.xlsx…> --out merged.xlsx  merge the units' returns by task id

Writing options:
  --out FILE            output file (the input is never overwritten)
  --in-place            rewrite the input file, keeping a backup "name.bak.xlsx"
  --out-dir DIR         output folder of split
  --deadline YYYY-MM-DD split: the reporting deadline named in the instructions`,
  },
  needOut: {
    zh: '请用 --out 指定输出文件，或用 --in-place 直接改写输入文件（会保留备份）。',
    en: 'Name the output file with --out, or use --in-place to rewrite the input (a backup is kept).',
  },
  needOutDir: { zh: '请用 --out-dir 指定输出目录。', en: 'Name the output folder with --out-dir.' },
  outAndInPlace: {
    zh: '--out 与 --in-place 只能选一个。',
    en: '--out and --in-place cannot be used together.',
  },
  outIsInput: {
    zh: '输出文件 {path} 就是输入文件。为防止误覆盖，请另选文件名，或用 --in-place（会保留备份）。',
    en: 'The output file {path} is the input file. Choose another name, or use --in-place (a backup is kept).',
  },
  outNotXlsx: {
    zh: '输出文件应以 .xlsx 结尾：{path}',
    en: 'The output file must end in .xlsx: {path}',
  },
  outDirMissing: {
    zh: '输出位置不存在：{path}',
    en: 'The output folder does not exist: {path}',
  },
  writeFailed: {
    zh: '无法写入 {path}：{detail}（原文件未改动）',
    en: 'Cannot write {path}: {detail} (the original was not changed)',
  },
  wroteBackup: { zh: '已备份原文件：{path}', en: 'Backed up the original to {path}' },
  scoreWrote: {
    zh: '已写入评分结果：{path}（工作表“{sheet}”第{first}–{last}行标注，新增工作表：{sheets}）',
    en: 'Wrote the scored workbook {path} (sheet "{sheet}" rows {first}–{last} marked; sheets added: {sheets})',
  },
  sheetClash: {
    zh: '文件 {path} 中已有名为“{sheet}”的工作表且不是督办助手创建的，未写入任何内容。请改名后重试。',
    en: 'File {path} already has a sheet named "{sheet}" that the assistant did not create; nothing was written. Rename it and try again.',
  },
  clearNothing: {
    zh: '文件 {path} 中没有督办助手写入的内容，输出与输入相同。',
    en: 'File {path} holds nothing the assistant wrote; the output equals the input.',
  },
  clearDone: {
    zh: '已清除：工作表 {sheets}；结果列 {columns} 组；条件格式 {rules} 条。',
    en: 'Removed: sheets {sheets}; {columns} result column blocks; {rules} conditional-format rules.',
  },
  breakdownDone: {
    zh: '已生成任务台账：工作表“{sheet}”，{count}项子任务（来自工作表“{source}”第{row}行起的分解表）。',
    en: 'Made the ledger: sheet "{sheet}", {count} sub-tasks (from the table on sheet "{source}", header row {row}).',
  },
  noLedger: {
    zh: '文件 {path} 中没有任务台账（表头需含“编号”“责任单位”“子任务”“一季度完成值”）。请先运行 duban breakdown。',
    en: 'File {path} has no ledger (its header needs 编号, 责任单位, 子任务 and 一季度完成值). Run duban breakdown first.',
  },
  splitDone: {
    zh: '已拆分：{count}个责任单位的文件写入 {dir}',
    en: 'Split: {count} unit workbooks written to {dir}',
  },
  splitUnit: { zh: '  {file}（{unit}，{tasks}项）', en: '  {file} ({unit}, {tasks} tasks)' },
  splitNoUnits: {
    zh: '工作表“{sheet}”的台账中没有带编号和责任单位的任务行，无法拆分。',
    en: 'The ledger on sheet "{sheet}" has no rows with an ID and a unit; nothing to split.',
  },
  badDeadline: {
    zh: '--deadline 应为日期 YYYY-MM-DD，收到“{value}”。',
    en: '--deadline must be a date YYYY-MM-DD, got "{value}".',
  },
  needReturns: {
    zh: '请在总台账之后列出各单位报送的文件。',
    en: 'List the returned unit workbooks after the master ledger.',
  },
  mergeDone: {
    zh: '已合并：{files}个文件，{rows}行，更新{cells}个单元格；未合并{refused}个文件；尚未报送{missing}个单位。',
    en: 'Merged: {files} files, {rows} rows, {cells} cells updated; {refused} files refused; {missing} units have not returned.',
  },
  mergeLogSheet: {
    zh: '合并记录见工作表“{sheet}”。',
    en: 'See the sheet "{sheet}" for the merge log.',
  },
  progressLabel: { zh: '处理中', en: 'Working' },
  // The stages of `score` shown beside its progress bar.
  stageRead: { zh: '读取工作簿', en: 'reading the workbook' },
  stageScore: { zh: '评分', en: 'scoring' },
  stageMark: { zh: '标注结果', en: 'marking the results' },
  stageSave: { zh: '保存', en: 'saving' },
} as const satisfies Record<string, Record<Lang, string>>;
