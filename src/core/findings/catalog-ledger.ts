import type { CatalogPart } from './catalog-entry.ts';

/**
 * Findings raised while reading the ledger sheet (任务台账, `ledger_*`) and while taking progress straight from
 * a responsibility table's own columns (`table_progress_*`). Each key is a stable finding code.
 */
export const ledgerFindings = {
  ledger_plan_year_missing: {
    severity: 'warning',
    zh: '{cell}：台账标题未写明计划年度，完成时限中也没有日期可以推断',
    en: '{cell}: the ledger title names no plan year, and no deadline date shows it either',
    fixZh: '在表头上方一行写标题，如“2024年重点工作任务台账”，或在设置中填写计划年度',
    fixEn:
      'Put a title above the header such as 2024年重点工作任务台账, or set the plan year in the settings',
  },
  ledger_column_duplicate: {
    severity: 'warning',
    zh: '{cell}：台账表头“{header}”出现了不止一次，只读取第一列',
    en: '{cell}: the ledger header "{header}" appears more than once; only the first such column is read',
    fixZh: '删除或改名重复的列',
    fixEn: 'Delete or rename the repeated column',
  },
  ledger_empty: {
    severity: 'warning',
    zh: '{cell}：台账表头下面没有任务行',
    en: '{cell}: the ledger has no task rows below its header',
    fixZh: '重新生成台账（分解任务），或把任务行粘贴到表头下方',
    fixEn: 'Create the ledger again (break the table down), or paste the task rows below the header',
  },
  ledger_id_missing: {
    severity: 'warning',
    zh: '{cell}：台账第{row}行有内容但没有编号，已跳过',
    en: '{cell}: ledger row {row} has content but no ID; it was skipped',
    fixZh: '补上编号（如 3.04）；编号用于把各季度报送对应到子任务',
    fixEn: 'Fill in the ID (e.g. 3.04); it ties the quarterly returns to the sub-task',
  },
  ledger_id_duplicate: {
    severity: 'error',
    zh: '{cell}：编号 {id} 与第{first}行重复，此行已跳过',
    en: '{cell}: ID {id} repeats the one in row {first}; this row was skipped',
    fixZh: '每个子任务使用唯一的编号',
    fixEn: 'Give every sub-task its own ID',
  },
  ledger_text_missing: {
    severity: 'warning',
    zh: '{cell}：子任务 {id} 的内容为空，已跳过',
    en: '{cell}: sub-task {id} has no text; it was skipped',
    fixZh: '填写子任务内容，或删除此行',
    fixEn: 'Fill in the sub-task text, or delete the row',
  },
  ledger_unit_missing: {
    severity: 'warning',
    zh: '{cell}：子任务 {id} 没有责任单位，不计入任何单位的得分',
    en: '{cell}: sub-task {id} has no responsible unit; it counts for no unit',
    fixZh: '填写责任单位',
    fixEn: 'Fill in the responsible unit',
  },
  ledger_target_unreadable: {
    severity: 'warning',
    zh: '{cell}：子任务 {id} 的目标值“{text}”无法识别，按子任务内容中的目标评分',
    en: '{cell}: the target value "{text}" of sub-task {id} cannot be read; the target in the text is used',
    fixZh: '只填写数字（如 200 或 4.5～5），单位写在“计量单位”列；多个指标用“、”分隔',
    fixEn: 'Enter numbers only (e.g. 200 or 4.5～5) with the unit in 计量单位; separate several with 、',
  },
  ledger_target_count_mismatch: {
    severity: 'warning',
    zh: '{cell}：子任务 {id} 的目标值有 {count} 个，而内容中有 {expected} 个量化指标，按子任务内容中的目标评分',
    en: '{cell}: sub-task {id} lists {count} target values for {expected} quantified indicators; the targets in the text are used',
    fixZh: '按“指标”列的顺序为每个指标填写一个目标值，用“、”分隔',
    fixEn: 'Give one target value per indicator, in the order of the 指标 column, separated by 、',
  },
  ledger_measure_unit_mismatch: {
    severity: 'warning',
    zh: '{cell}：子任务 {id} 的计量单位“{unit}”无法换算为指标的单位“{expected}”，按子任务内容中的目标评分',
    en: '{cell}: the unit "{unit}" of sub-task {id} does not convert to the indicator\'s unit "{expected}"; the target in the text is used',
    fixZh: '计量单位应与指标同类（如目标为亿元，可写“亿元”或“万元”）',
    fixEn: "Use a unit of the indicator's kind (e.g. 亿元 or 万元 for a target in 亿元)",
  },
  ledger_comparator_unknown: {
    severity: 'warning',
    zh: '{cell}：子任务 {id} 的比较“{text}”不是 ≥、≤、≈、= 或“区间”，按子任务内容评分',
    en: '{cell}: the comparison "{text}" of sub-task {id} is not ≥, ≤, ≈, = or 区间; the text decides',
    fixZh: '填写 ≥、≤、≈、= 或“区间”之一；多个指标用“、”分隔',
    fixEn: 'Enter one of ≥, ≤, ≈, = or 区间; separate several with 、',
  },
  ledger_deadline_unreadable: {
    severity: 'warning',
    zh: '{cell}：子任务 {id} 的完成时限“{value}”不是可识别的日期，按子任务内容中的时限评分',
    en: '{cell}: the deadline "{value}" of sub-task {id} is not a recognisable date; the text decides',
    fixZh: '写成日期（2024-06-30、2024年6月30日）或时段（6月底前、年底前），长期任务写“长期”',
    fixEn: 'Write a date (2024-06-30) or a period (6月底前, 年底前); write 长期 for an ongoing task',
  },
  ledger_actual_count_mismatch: {
    severity: 'warning',
    zh: '{cell}：子任务 {id} 填报了 {count} 个完成值，而目标值有 {expected} 个；按顺序对应，多余的不计',
    en: '{cell}: sub-task {id} reports {count} actual values for {expected} target values; they are matched in order and extra ones ignored',
    fixZh: '按“目标值”列的顺序为每个指标填写一个完成值，用“、”分隔，如 195、250',
    fixEn: 'Report one actual per target value, in the same order, separated by 、 (e.g. 195、250)',
  },
  ledger_quarter_not_started: {
    severity: 'info',
    zh: '{cell}：{quarter}在截止日期 {asOf} 时尚未开始，此处填报的内容未计入本次评分',
    en: '{cell}: {quarter} had not begun by the as-of date {asOf}; what is reported here is not scored this time',
    fixZh: '核对截止日期，或确认是否填错了季度列',
    fixEn: 'Check the as-of date, or whether the value went into the wrong quarter',
  },
  table_progress_actual_ambiguous: {
    severity: 'warning',
    zh: '{cell}：任务 {serial} 分解出 {count} 个含量化指标的子任务，此完成值无法确定属于哪一个，未计入评分',
    en: '{cell}: task {serial} splits into {count} sub-tasks with quantified indicators; this actual cannot be assigned to one of them and is not scored',
    fixZh: '生成任务台账，按子任务分别填报完成值',
    fixEn: 'Create the ledger (任务台账) and report an actual per sub-task there',
  },
  table_progress_actual_assigned: {
    severity: 'info',
    zh: '{cell}：任务 {serial} 有多个子任务，此完成值计入其中唯一含量化指标的子任务 {id}',
    en: '{cell}: task {serial} has several sub-tasks; this actual is counted for {id}, the only one with a quantified indicator',
    fixZh: '如不符，请生成任务台账，按子任务分别填报',
    fixEn: 'If that is wrong, create the ledger (任务台账) and report per sub-task there',
  },
} as const satisfies CatalogPart;
