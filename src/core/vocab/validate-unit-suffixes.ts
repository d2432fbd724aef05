/**
 * Endings of organisation names, used to notice a unit name written in the owner (责任人) column, e.g.
 * `区财政局` or `泰山先锋慧治服务中心` where a person's name belongs.
 *
 * Compared on the compact key (NFKC, no whitespace). `minLength` is the shortest owner text the ending counts
 * for: one-character endings need a name of 3 or more characters, so a colloquial `张局` (2 characters,
 * "Director Zhang") is not taken for a unit while `财政局` is.
 */

/** One organisation-name ending. */
export interface UnitSuffix {
  readonly suffix: string;
  readonly minLength: number;
}

/** The endings. Each comment shows a unit name it matches. */
export const UNIT_SUFFIXES: readonly UnitSuffix[] = [
  { suffix: '局', minLength: 3 }, // 区财政局 · 财政局 · 市公安局泰山分局
  { suffix: '委', minLength: 3 }, // 区工业推进委 · 区发改委
  { suffix: '办', minLength: 3 }, // 区营转办 · 区政府办
  { suffix: '厅', minLength: 3 }, // 省财政厅
  { suffix: '署', minLength: 3 }, // 海关总署
  { suffix: '队', minLength: 3 }, // 区消防救援大队 · 执法中队
  { suffix: '中心', minLength: 3 }, // 区就业服务中心 · 泰山供电中心
  { suffix: '办公室', minLength: 4 }, // 火车站广场管理办公室 · 区政府办公室
  { suffix: '街道', minLength: 3 }, // 岱庙街道 · 上高街道
  { suffix: '街道办事处', minLength: 6 }, // 财源街道办事处
  { suffix: '专班', minLength: 3 }, // 卫星互联网产业专班 · 康平纳专班
  { suffix: '指挥部', minLength: 4 }, // 济枣高铁指挥部
  { suffix: '委员会', minLength: 4 }, // 区卫生健康委员会
  { suffix: '公司', minLength: 3 }, // 交发集团公司 · 国网泰安供电公司
  { suffix: '集团', minLength: 3 }, // 交发集团
  { suffix: '政府', minLength: 3 }, // 镇人民政府 · 区政府
  { suffix: '管委会', minLength: 4 }, // 泰山经济开发区管委会
  { suffix: '开发区', minLength: 4 }, // 泰山经济开发区
  { suffix: '农高区', minLength: 4 }, // 泰安农高区
  { suffix: '景区', minLength: 3 }, // 徂汶景区
  { suffix: '供销社', minLength: 4 }, // 区供销社
  { suffix: '联合会', minLength: 4 }, // 区残疾人联合会
  { suffix: '残联', minLength: 3 }, // 区残联
  { suffix: '分局', minLength: 3 }, // 市生态环境局泰山分局
  { suffix: '医院', minLength: 3 }, // 区人民医院
  { suffix: '学校', minLength: 3 }, // 实验学校
];
