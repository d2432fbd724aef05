import type { CatalogPart } from './catalog-entry.ts';

/**
 * Findings raised by the validate stage (`src/core/validate/`). Each key is a stable finding code.
 *
 * Messages are for office staff: they name the cell (`{cell}`, in A1 form with its sheet), say what is wrong
 * in plain words and what to do. Parameters used by each entry are listed in its comment.
 */
export const validateFindings = {
  // ── owners (责任人) ──

  /** Params: none. */
  owner_missing: {
    severity: 'error',
    zh: '{cell}：这一行没有填写责任人。',
    en: '{cell}: no owner (责任人) is filled in for this row.',
    fixZh: '请在 {cell} 填写负责这项任务的责任人姓名；如由某个岗位负责，可填写岗位名称（如“各产业链组长”）。',
    fixEn:
      'Enter the name of the person responsible for this task in {cell}; if a post is responsible, enter the post (for example 各产业链组长).',
  },
  /** Params: name. */
  owner_is_unit_name: {
    severity: 'warning',
    zh: '{cell}：责任人一栏填的“{name}”看起来是单位名称，不是人名。',
    en: '{cell}: "{name}" in the owner column looks like the name of a unit, not a person.',
    fixZh: '请在 {cell} 填写该单位具体负责人的姓名；单位名称请填在“责任单位”列。',
    fixEn: "Enter the responsible person's name in {cell}; unit names belong in the 责任单位 (unit) column.",
  },
  /** Params: name. */
  owner_name_has_digits: {
    severity: 'warning',
    zh: '{cell}：责任人“{name}”中有数字，不像人名。',
    en: '{cell}: the owner "{name}" contains digits, which a name does not.',
    fixZh: '请检查 {cell}，只保留责任人姓名；电话号码等信息请填到备注列。',
    fixEn:
      "Check {cell} and keep only the owner's name; put phone numbers and other details in the remarks column.",
  },
  /** Params: name. */
  owner_name_has_latin: {
    severity: 'warning',
    zh: '{cell}：责任人“{name}”中有英文字母，不像中文姓名。',
    en: '{cell}: the owner "{name}" contains Latin letters, unlike a Chinese name.',
    fixZh: '请检查 {cell} 是否误填；如确为外文姓名，可忽略此提示。',
    fixEn: 'Check whether {cell} was filled in by mistake; if it really is a foreign name, ignore this note.',
  },
  /** Params: name. */
  owner_name_has_symbols: {
    severity: 'warning',
    zh: '{cell}：责任人“{name}”中有标点或符号，不像人名。',
    en: '{cell}: the owner "{name}" contains punctuation or symbols, unlike a name.',
    fixZh:
      '请检查 {cell}：多位责任人请用顿号“、”分开，副职写在括号里（如“宋杰（宋海峰/亓子超）”），其他符号请删除。',
    fixEn:
      'Check {cell}: separate several owners with 、, put deputies in brackets (for example 宋杰（宋海峰/亓子超）), and delete other symbols.',
  },
  /** Params: name, length. */
  owner_name_too_long: {
    severity: 'warning',
    zh: '{cell}：责任人“{name}”有 {length} 个字，不像人名，也不是能识别的岗位名称。',
    en: '{cell}: the owner "{name}" is {length} characters long: not like a name, nor a post we recognise.',
    fixZh: '请在 {cell} 只填写姓名（一般 2 至 4 个字）；如填的是岗位，请写成“××组长”“××负责人”等形式。',
    fixEn:
      'Enter only the name in {cell} (usually 2 to 4 characters); if it is a post, write it like ××组长 or ××负责人.',
  },
  /** Params: name. */
  owner_name_too_short: {
    severity: 'warning',
    zh: '{cell}：责任人“{name}”只有一个字，像是只写了姓。',
    en: '{cell}: the owner "{name}" is a single character, as if only the surname was written.',
    fixZh: '请在 {cell} 填写责任人的完整姓名。',
    fixEn: "Enter the owner's full name in {cell}.",
  },
  /** Params: unit, owner, otherOwner, otherCell. */
  owner_conflict: {
    severity: 'warning',
    zh: '{cell}：“{unit}”的责任人是“{owner}”，而 {otherCell} 同一单位的责任人是“{otherOwner}”。',
    en: '{cell}: the owner of "{unit}" is "{owner}" here but "{otherOwner}" in {otherCell}.',
    fixZh:
      '请确认“{unit}”的责任人：如确由不同人分别负责，可忽略此提示；否则请把 {cell} 和 {otherCell} 改为一致。',
    fixEn:
      'Confirm who owns "{unit}": if different people really own these tasks, ignore this note; otherwise make {cell} and {otherCell} the same.',
  },
  /** Params: owner, units, count. */
  owner_multiple_units: {
    severity: 'info',
    zh: '{cell}：“{owner}”同时是 {count} 个单位的责任人：{units}。',
    en: '{cell}: "{owner}" is the owner for {count} units: {units}.',
    fixZh: '如属实（例如一人兼管几个专班），无需处理；如是同名的不同人或填错了，请修改相应单元格。',
    fixEn:
      'If this is right (for example one person leads several task forces), nothing to do; if these are different people with the same name or a mistake, correct the cells.',
  },
  /** Params: name, normalised. */
  owner_spaces_normalised: {
    severity: 'info',
    zh: '{cell}：责任人“{name}”中间有空格，已按“{normalised}”识别。',
    en: '{cell}: the owner "{name}" has spaces inside; it was read as "{normalised}".',
    fixZh: '无需处理；如需统一，可删除 {cell} 姓名中间的空格。',
    fixEn: 'Nothing to do; to tidy up, delete the spaces inside the name in {cell}.',
  },

  // ── units (责任单位) ──

  /** Params: none. */
  unit_missing: {
    severity: 'error',
    zh: '{cell}：这一行没有填写责任单位。',
    en: '{cell}: no responsible unit (责任单位) is filled in for this row.',
    fixZh: '请在 {cell} 填写牵头负责这项任务的单位。',
    fixEn: 'Enter the unit that leads this task in {cell}.',
  },
  /** Params: unit. */
  unit_not_in_roster: {
    severity: 'warning',
    zh: '{cell}：责任单位“{unit}”不在“责任单位名单”中。',
    en: '{cell}: the unit "{unit}" is not in the unit roster (责任单位名单).',
    fixZh: '请核对 {cell} 的单位名称是否写错；如是新增单位，请把它加入“责任单位名单”工作表。',
    fixEn:
      'Check the unit name in {cell} for mistakes; if it is a new unit, add it to the 责任单位名单 sheet.',
  },
  /** Params: unit, suggestion. */
  unit_not_in_roster_near: {
    severity: 'warning',
    zh: '{cell}：责任单位“{unit}”不在“责任单位名单”中，名单里最接近的是“{suggestion}”。',
    en: '{cell}: the unit "{unit}" is not in the unit roster (责任单位名单); the closest name there is "{suggestion}".',
    fixZh:
      '如指的是“{suggestion}”，请把 {cell} 改成名单中的写法；如是新增单位，请把它加入“责任单位名单”工作表。',
    fixEn:
      'If "{suggestion}" is meant, change {cell} to the roster\'s spelling; if it is a new unit, add it to the 责任单位名单 sheet.',
  },

  // ── targets (目标任务) ──

  /** Params: none. */
  target_empty: {
    severity: 'error',
    zh: '{cell}：目标任务是空的。',
    en: '{cell}: the target (目标任务) is empty.',
    fixZh: '请在 {cell} 填写这项任务的具体内容；如这一行不需要，请删除整行。',
    fixEn: 'Enter what this task is in {cell}; if the row is not needed, delete the whole row.',
  },
  /** Params: unit. */
  target_vague: {
    severity: 'warning',
    zh: '{cell}：“{unit}”的目标任务既没有数量指标，也没有完成时限，难以考核。',
    en: '{cell}: the target of "{unit}" has neither a number to reach nor a deadline, so it is hard to assess.',
    fixZh: '建议在 {cell} 补充数量目标（如“完成……3个”“增长5%以上”）或完成时间（如“6月底前”）。',
    fixEn:
      'Add a number to reach (for example 完成……3个, 增长5%以上) or a deadline (for example 6月底前) to {cell}.',
  },
  /** Params: unit, otherUnit, otherCell. */
  target_shared: {
    severity: 'info',
    zh: '{cell}：“{unit}”的目标任务与 {otherCell}（{otherUnit}）完全相同，按两个单位的共同任务处理。',
    en: '{cell}: the target of "{unit}" is identical to {otherCell} ({otherUnit}); it is treated as a shared task.',
    fixZh: '如确由两个单位共同承担，无需处理；建议注明牵头单位和配合单位，以免重复统计。',
    fixEn:
      'If both units really share this task, nothing to do; consider marking the lead unit and the co-unit so it is not counted twice.',
  },
  /** Params: text, unit, otherUnit, otherCell. */
  subtask_shared: {
    severity: 'info',
    zh: '{cell}：“{unit}”的任务“{text}”与 {otherCell}（{otherUnit}）中的一项相同，按共同任务处理。',
    en: '{cell}: the task "{text}" of "{unit}" also appears in {otherCell} ({otherUnit}); it is treated as a shared task.',
    fixZh: '如确由两个单位共同承担，无需处理；建议注明牵头单位和配合单位，以免重复统计。',
    fixEn:
      'If both units really share this task, nothing to do; consider marking the lead unit and the co-unit so it is not counted twice.',
  },
  /** Params: unit, otherCell. */
  target_duplicate: {
    severity: 'warning',
    zh: '{cell}：“{unit}”的这项目标任务与 {otherCell} 完全重复。',
    en: '{cell}: this target of "{unit}" repeats {otherCell} word for word.',
    fixZh: '请删除重复的一行，或修改其中一行的内容。',
    fixEn: 'Delete the repeated row, or change the text of one of them.',
  },

  // ── numbers ──

  /** Params: value, column. */
  number_expected: {
    severity: 'warning',
    zh: '{cell}：“{column}”列应填数字，这里是文字“{value}”，无法参与计算。',
    en: '{cell}: the "{column}" column expects a number, but this cell holds the text "{value}", which cannot be calculated with.',
    fixZh: '请在 {cell} 只填数字（如 100），把“约”“以上”、计量单位等说明写到表头或备注列。',
    fixEn:
      'Enter only the number in {cell} (for example 100); put words such as 约 or 以上 and the unit of measure in the header or the remarks column.',
  },
  /** Params: value, column. */
  number_as_text: {
    severity: 'info',
    zh: '{cell}：“{value}”是以文本格式保存的数字，已按数字读取。',
    en: '{cell}: "{value}" is a number stored as text; it was read as a number.',
    fixZh: 'Excel 的求和等公式会忽略文本格式的数字；建议把 {cell} 设为数值格式后重新输入。',
    fixEn:
      "Excel's SUM and other formulas skip numbers stored as text; format {cell} as a number and type it again.",
  },
  /** Params: error, column. */
  cell_error_value: {
    severity: 'error',
    zh: '{cell}：“{column}”列出现错误值 {error}，无法读取。',
    en: '{cell}: the "{column}" column shows the error value {error}, which cannot be read.',
    fixZh: '请检查 {cell} 的公式或它引用的单元格，改正后应显示正常的数字或文字。',
    fixEn: 'Check the formula in {cell} or the cells it refers to, until it shows a normal number or text.',
  },
  /** Params: value, column. */
  target_not_positive: {
    severity: 'error',
    zh: '{cell}：“{column}”为 {value}，目标值应大于 0。',
    en: '{cell}: the "{column}" value is {value}; a target must be greater than 0.',
    fixZh: '请在 {cell} 填写大于 0 的目标值；如本项不设目标，请留空并在备注中说明。',
    fixEn:
      'Enter a target greater than 0 in {cell}; if this item has no target, leave it blank and say so in the remarks.',
  },
  /** Params: column, fractionExamples, percentExamples. */
  percent_scale_mixed: {
    severity: 'warning',
    zh: '{cell}：“{column}”列的百分比写法不一致：有的按小数填写（{fractionExamples}），有的按百分数填写（{percentExamples}）。',
    en: '{cell}: the "{column}" column mixes two ways of writing percentages: as fractions ({fractionExamples}) and as percent numbers ({percentExamples}).',
    fixZh:
      '请统一整列写法：建议都按小数填写并设为百分比格式（如 0.681 显示为 68.1%），或者都填百分数（如 68.1）。',
    fixEn:
      'Use one way for the whole column: either fractions formatted as percentages (0.681 shows as 68.1%), or percent numbers (68.1) throughout.',
  },
  /** Params: targetUnit, actualUnit, bigUnit, smallUnit, factor. */
  measure_unit_converted: {
    severity: 'info',
    zh: '{cell}：目标的计量单位是“{targetUnit}”，完成值是“{actualUnit}”，比较时已按 1{bigUnit} = {factor}{smallUnit} 换算。',
    en: '{cell}: the target is in "{targetUnit}" and the actual in "{actualUnit}"; they were compared after converting 1 {bigUnit} = {factor} {smallUnit}.',
    fixZh: '无需处理；如希望一目了然，可把目标和完成值统一为同一计量单位。',
    fixEn:
      'Nothing to do; to make the table easier to read, use the same unit for the target and the actual.',
  },
  /** Params: targetUnit, actualUnit. */
  measure_unit_mismatch: {
    severity: 'warning',
    zh: '{cell}：目标的计量单位是“{targetUnit}”，完成值却是“{actualUnit}”，两者无法换算比较。',
    en: '{cell}: the target is in "{targetUnit}" but the actual is in "{actualUnit}"; the two cannot be converted and compared.',
    fixZh: '请核对 {cell} 的完成值是否填错了指标或单位，并与目标使用同一计量单位。',
    fixEn: 'Check whether {cell} reports the wrong indicator or unit, and use the same unit as the target.',
  },

  // ── progress text (进展情况) ──

  /** Params: length, limit. */
  progress_too_long: {
    severity: 'warning',
    zh: '{cell}：进展情况有 {length} 字，超过了 {limit} 字的要求。',
    en: '{cell}: the progress report is {length} characters long, over the limit of {limit}.',
    fixZh: '请精简 {cell}：对照目标任务逐条简明扼要表述，控制在 {limit} 字以内。',
    fixEn:
      'Shorten {cell}: report briefly, point by point against the target, in at most {limit} characters.',
  },
  /** Params: deadline. */
  progress_missing: {
    severity: 'warning',
    zh: '{cell}：已过 {deadline} 的报送时间，这项任务的进展情况还是空的。',
    en: '{cell}: the reporting date {deadline} has passed and the progress of this task is still empty.',
    fixZh: '请在 {cell} 填写截至 {deadline} 的工作进展。',
    fixEn: 'Enter the progress made up to {deadline} in {cell}.',
  },

  // ── structure ──

  /** Params: serial, otherCell. */
  serial_duplicate: {
    severity: 'error',
    zh: '{cell}：序号“{serial}”与 {otherCell} 重复。',
    en: '{cell}: the serial number "{serial}" is also used in {otherCell}.',
    fixZh: '请重新编排序号，让每项任务的序号都不相同。',
    fixEn: 'Renumber the rows so that every task has its own serial number.',
  },
  /** Params: previous, current, missing. */
  serial_gap: {
    severity: 'warning',
    zh: '{cell}：序号从 {previous} 跳到了 {current}，中间缺少 {missing}。',
    en: '{cell}: the serial numbers jump from {previous} to {current}; {missing} is missing.',
    fixZh: '请确认是否漏了任务或误删了行；如没有遗漏，请把序号改为连续编号。',
    fixEn:
      'Check whether a task or a row is missing; if nothing is missing, renumber the rows consecutively.',
  },
  /** Params: previous, current. */
  serial_out_of_order: {
    severity: 'warning',
    zh: '{cell}：序号 {current} 排在 {previous} 之后，顺序不对。',
    en: '{cell}: serial number {current} comes after {previous}, out of order.',
    fixZh: '请检查行的顺序或序号是否填错，并按顺序编号。',
    fixEn: 'Check the order of the rows or the serial number, and number them in order.',
  },
  /** Params: range, column, rows. */
  merge_across_tasks: {
    severity: 'warning',
    zh: '{cell}：“{column}”列的 {range} 合并后跨了 {rows} 项任务，可能遮住了其中某项任务的内容。',
    en: '{cell}: the merged cells {range} in the "{column}" column span {rows} tasks and may hide the content of one of them.',
    fixZh: '请取消合并 {range}，并在每一行分别填写对应内容。',
    fixEn: 'Unmerge {range} and fill in each row separately.',
  },

  // ── the checks themselves ──

  /** Params: option, value, fallback. */
  validate_option_invalid: {
    severity: 'warning',
    zh: '校验设置“{option}”的值“{value}”无效，已改用 {fallback}。',
    en: 'The check setting "{option}" has an invalid value "{value}"; {fallback} was used instead.',
    fixZh: '请在设置中改正“{option}”。',
    fixEn: 'Correct "{option}" in the settings.',
  },
  /** Params: check. */
  validate_check_failed: {
    severity: 'warning',
    zh: '“{check}”这项检查没能完成，校验结果可能不完整。',
    en: 'The "{check}" check could not be completed; the results may be incomplete.',
    fixZh: '请把这个工作簿发给技术支持人员排查。',
    fixEn: 'Send this workbook to technical support so they can look into it.',
  },
} as const satisfies CatalogPart;
