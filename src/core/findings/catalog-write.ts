import type { CatalogPart } from './catalog-entry.ts';

/**
 * Findings raised while merging the units' returned copies of the ledger (`merge_*`) and while reading the
 * settings we store in a workbook (`settings_*`). Each key is a stable finding code. `{file}` is the returned
 * file's name; `{cell}` the cell in it (or in the master ledger, when said so).
 */
export const writeFindings = {
  merge_not_ours: {
    severity: 'error',
    zh: '文件“{file}”不是由督办助手拆分下发的单位台账，未合并',
    en: 'The file "{file}" is not a unit copy of the ledger made by the assistant; it was not merged',
    fixZh: '请单位在下发的文件上填写后报送；如确需合并，请把内容复制到下发的文件中',
    fixEn: 'Ask the unit to fill in the copy it was sent; if needed, copy the content into that copy',
  },
  merge_unreadable: {
    severity: 'error',
    zh: '文件“{file}”无法作为 .xlsx 工作簿读取，未合并',
    en: 'The file "{file}" cannot be read as an .xlsx workbook; it was not merged',
    fixZh: '请单位用 Excel 或 WPS 另存为 .xlsx 格式后重新报送',
    fixEn: 'Ask the unit to save it again as .xlsx from Excel or WPS and send it again',
  },
  merge_unknown_id: {
    severity: 'warning',
    zh: '{cell}（文件“{file}”）：编号 {id} 不在总台账中，此行未合并',
    en: '{cell} (file "{file}"): ID {id} is not in the master ledger; the row was not merged',
    fixZh: '核对编号；新增的任务请先加入总台账',
    fixEn: 'Check the ID; add new tasks to the master ledger first',
  },
  merge_other_unit: {
    severity: 'error',
    zh: '{cell}（文件“{file}”）：任务 {id} 的责任单位是“{owner}”，不是报送单位“{unit}”，此行未合并',
    en: '{cell} (file "{file}"): task {id} belongs to "{owner}", not to the returning unit "{unit}"; the row was not merged',
    fixZh: '由该任务的责任单位在自己的文件中填报',
    fixEn: 'The responsible unit reports this task in its own copy',
  },
  merge_target_changed: {
    severity: 'error',
    zh: '{cell}（文件“{file}”）：任务 {id} 的“{column}”被改为“{now}”（总台账为“{was}”），此行未合并',
    en: '{cell} (file "{file}"): the "{column}" of task {id} was changed to "{now}" (master: "{was}"); the row was not merged',
    fixZh: '目标由督查室确定，单位不能在报送文件中修改；请改回原值后重新报送',
    fixEn:
      'Targets are set by the office and cannot be changed in a return; restore the value and send it again',
  },
  merge_text_too_long: {
    severity: 'error',
    zh: '{cell}（文件“{file}”）：任务 {id} 的进展情况有{length}字，超过{max}字，此项未合并',
    en: '{cell} (file "{file}"): the progress text of task {id} has {length} characters, over {max}; it was not merged',
    fixZh: '请单位精简到{max}字以内后重新报送',
    fixEn: 'Ask the unit to shorten it to {max} characters and send it again',
  },
  merge_duplicate_return: {
    severity: 'warning',
    zh: '“{unit}”报送了不止一个文件：“{older}”和“{newer}”，以较新的“{newer}”为准',
    en: '"{unit}" returned more than one file: "{older}" and "{newer}"; the newer "{newer}" wins',
    fixZh: '核对该单位的最终报送版本',
    fixEn: "Check which is the unit's final return",
  },
  merge_task_overwritten: {
    severity: 'warning',
    zh: '{cell}：任务 {id} 在“{older}”和“{newer}”中的填报不同，采用较新的“{newer}”',
    en: '{cell}: task {id} differs between "{older}" and "{newer}"; the newer "{newer}" is used',
    fixZh: '核对两个文件中的填报',
    fixEn: 'Check both returns',
  },
  merge_not_returned: {
    severity: 'warning',
    zh: '“{unit}”尚未报送（{count}项任务）',
    en: '"{unit}" has not returned its copy ({count} tasks)',
    fixZh: '催报，或在总台账中直接填写',
    fixEn: 'Remind the unit, or fill in the master ledger directly',
  },
  settings_unreadable: {
    severity: 'warning',
    zh: '{cell}：督办助手保存的设置无法读取，已按首次使用处理',
    en: '{cell}: the settings the assistant stored cannot be read; treated as a first run',
    fixZh: '重新评分会写入新的设置',
    fixEn: 'Scoring again writes new settings',
  },
} as const satisfies CatalogPart;
