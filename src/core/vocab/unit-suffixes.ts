/**
 * Word endings of unit (organisation) names, used to decide whether a line break or space inside a unit
 * cell separates two units (`区发改局⏎区商务局`) or wraps one name (`市生态环境局⏎泰山分局`,
 * `泰山先锋慧治⏎服务中心`). The rule itself is documented in `people/parse-units.ts`.
 */

/** A name ending in one of these is a complete unit name. */
export const UNIT_SUFFIXES: readonly string[] = [
  '局', // 区发改局 · 市生态环境局泰山分局
  '委', // 区工业推进委 · 区卫健委
  '办', // 区营转办 · 区委办
  '室', // 区政府督查室 · 办公室
  '中心', // 区金融发展服务中心 · 泰山供电中心
  '街道', // 岱庙街道 · 上高街道
  '镇', // 邱家店镇
  '乡', // 某某乡
  '部', // 区委宣传部 · 济枣高铁指挥部
  '院', // 区人民医院 · 区法院
  '所', // 派出所 · 司法所
  '队', // 区消防救援大队 · 执法大队
  '会', // 区残联会 · 管委会
  '社', // 区供销社
  '站', // 泰山站 · 农技站
  '处', // 管理处
  '科', // 某科
  '班', // 卫星互联网产业专班 · 各产业链专班
  '区', // 泰山经济开发区 · 泰安农高区 · 徂汶景区
  '联', // 区残联 · 区工商联 · 区妇联
  '馆', // 图书馆 · 文化馆
  '厅', // 某厅
  '公司', // 某某公司
  '集团', // 交发集团
  '行', // 某银行 · 某支行
  '政府', // 镇人民政府
  '小组', // 领导小组
  '团', // 某艺术团
];

/**
 * A line that is a branch or sub-office of the name before it (`市公安局⏎泰山分局`): always joined to it,
 * even though both halves are complete names.
 */
export const BRANCH_SUFFIXES: readonly string[] = [
  '分局', // 市公安局⏎泰山分局 · 市生态环境局⏎泰山分局
  '分中心', // 市政务服务中心⏎泰山分中心
  '分院', // 某医院⏎东院区分院
  '分公司', // 国网泰安供电公司⏎泰山分公司
  '分所', // 某所⏎某分所
  '分行', // 某银行⏎泰安分行
  '支行', // 某银行⏎泰山支行
  '支队', // 市消防救援⏎泰山支队
  '大队', // 市交警支队⏎泰山大队
  '中队', // 某大队⏎某中队
  '分会', // 某协会⏎某分会
];

/**
 * Whole lines that are a generic office name completing the line before (`火车站广场管理⏎办公室`,
 * `区委⏎办公室`): joined even when the line before already ends like a unit.
 */
export const GENERIC_OFFICE_NAMES: readonly string[] = [
  '办公室', // 火车站广场管理⏎办公室
  '服务中心', // 泰山先锋慧治⏎服务中心
  '管理中心', // 某某⏎管理中心
  '管理处', // 某某⏎管理处
  '管理办公室', // 某某⏎管理办公室
  '领导小组办公室', // 某某工作⏎领导小组办公室
  '指挥部', // 某某项目⏎指挥部
  '专班', // 某某⏎专班
  '管委会', // 泰安农高区⏎管委会
  '管理委员会', // 徂汶景区⏎管理委员会
];

/**
 * Beginnings that mark a new unit after a complete one (`区发改局⏎区商务局`, `区工业推进委⏎各产业链专班`).
 */
export const JURISDICTION_PREFIXES: readonly string[] = [
  '区', // 区财政局
  '市', // 市公安局泰山分局
  '县', // 县教体局
  '省', // 省某厅
  '镇', // 镇政府
  '乡', // 乡政府
  '各', // 各产业链专班 · 各街道
  '国家', // 国家某局
  '中共', // 中共某区委
  '国网', // 国网泰安供电公司
];
