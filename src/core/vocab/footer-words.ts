/**
 * Beginnings of footer lines below a table: notes, who filled it in, contact lines, stamps. A row whose
 * only text begins with one of these (compact key: no spaces, NFKC, so `注：` is `注:`) is skipped.
 */

/** Compact-key beginnings of footer lines. */
export const FOOTER_PREFIXES: readonly string[] = [
  '注:', // 注：本表由各责任单位填报
  '附注:', // 附注：
  '说明:', // 说明：
  '备注:', // 备注：以上数据为快报数
  '填表说明', // 填表说明：
  '填报说明', // 填报说明
  '填报人', // 填报人：张三
  '填表人', // 填表人：
  '审核人', // 审核人：
  '审核:', // 审核：
  '制表人', // 制表人：
  '制表:', // 制表：
  '联系电话', // 联系电话：0538-1234567
  '联系人:', // 联系人：李四
  '填报单位', // 填报单位（盖章）：
  '填报日期', // 填报日期：
  '报送单位', // 报送单位：
  '单位负责人:', // 单位负责人：
  '签发人', // 签发人：
  '抄送', // 抄送：区委办
  '(盖章)', // （盖章）
  '盖章', // 盖章
];
