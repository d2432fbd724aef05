import { describe, expect, it } from 'vitest';
import { analyseIndicators, extractIndicators } from '../../../src/core/breakdown/extract-indicators.ts';
import type { Comparator, IndicatorKind } from '../../../src/core/breakdown-model.ts';

type Row = [
  metric: string,
  kind: IndicatorKind,
  comparator: Comparator | null,
  value: number | null,
  unit: string | null,
];

/** Indicators as [metric, kind, comparator, value, unit] (valueMax checked separately where it matters). */
function rows(text: string): Row[] {
  return extractIndicators(text).map((i) => [i.metric, i.kind, i.comparator, i.value, i.unit]);
}

describe('comparators', () => {
  it.each<[string, Row]>([
    // >=
    ['地区生产总值增长5.5%以上', ['地区生产总值增长', 'rate', '>=', 5.5, '%']],
    ['绿色建筑占比不低于90%', ['绿色建筑占比', 'rate', '>=', 90, '%']],
    ['外贸进出口额突破88亿元', ['外贸进出口额', 'cumulative', '>=', 8_800_000_000, '元']],
    ['上半年项目开工率超过80%', ['项目开工率', 'rate', '>=', 80, '%']],
    ['强村公司达到60家', ['强村公司', 'cumulative', '>=', 60, '家']],
    ['投资过亿元项目达8个', ['投资过亿元项目', 'cumulative', '>=', 8, '个']],
    ['入库企业过200家', ['入库企业', 'cumulative', '>=', 200, '家']],
    ['创建示范园至少3所', ['创建示范园', 'cumulative', '>=', 3, '所']],
    ['创建省级示范园3所以上', ['创建省级示范园', 'cumulative', '>=', 3, '所']],
    ['培育企业5个及以上', ['培育企业', 'cumulative', '>=', 5, '个']],
    // <=
    ['不良贷款率控制在0.9%以下', ['不良贷款率', 'lower_is_better', '<=', 0.9, '%']],
    ['万元GDP能耗下降到0.5吨以内', ['万元GDP能耗', 'lower_is_better', '<=', 0.5, '吨']],
    ['较大安全事故不超过1起', ['较大安全事故', 'lower_is_better', '<=', 1, '起']],
    ['城镇调查失业率低于5.5%', ['城镇调查失业率', 'lower_is_better', '<=', 5.5, '%']],
    ['登记失业率不高于3.5%', ['登记失业率', 'lower_is_better', '<=', 3.5, '%']],
    ['投诉量控制在100件', ['投诉量', 'lower_is_better', '<=', 100, '件']],
    // ~
    ['固定资产投资增长8%左右', ['固定资产投资增长', 'rate', '~', 8, '%']],
    ['总投资约1.5亿元', ['总投资', 'approximate', '~', 150_000_000, '元']],
    ['接待游客1000万人次上下', ['接待游客', 'approximate', '~', 10_000_000, '人次']],
    ['控制在3%左右', ['', 'lower_is_better', '~', 3, '%']],
    // =
    ['完成投资200亿元', ['完成投资', 'cumulative', '=', 20_000_000_000, '元']],
    ['实现企业上市1家', ['实现企业上市', 'cumulative', '=', 1, '家']],
    ['新增技能人才2700人', ['新增技能人才', 'cumulative', '=', 2700, '人']],
    // 余/多: more than
    ['引进企业200余家', ['引进企业', 'cumulative', '>=', 200, '家']],
    ['新建项目20多个', ['新建项目', 'cumulative', '>=', 20, '个']],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual([expected]);
  });

  it('lets the word after the number win over a weak word before it', () => {
    expect(rows('新建绿色建筑占比达到95%以上')).toEqual([['新建绿色建筑占比', 'rate', '>=', 95, '%']]);
    expect(rows('粮食总产稳定在23万吨左右')).toEqual([['粮食总产', 'keep_level', '~', 230_000, '吨']]);
  });

  it('reports contradicting comparator words and leaves the comparator null', () => {
    const a = analyseIndicators('增速不低于5%以下');
    expect(a.indicators.map((i) => i.comparator)).toEqual([null]);
    expect(a.issues).toEqual([{ code: 'comparator_ambiguous', text: '不低于5%以下' }]);
    expect(analyseIndicators('突破10亿元左右').issues.map((i) => i.code)).toEqual(['comparator_ambiguous']);
  });

  it('does not read 下达 / 通过 as 达 / 过', () => {
    expect(rows('完成上级下达200亿元')).toEqual([['完成上级下达', 'cumulative', '=', 20_000_000_000, '元']]);
  });
});

describe('ranges', () => {
  it.each([
    ['增长4.5%至5%', 4.5, 5, '%', 'rate'],
    ['增长4.5%-5%', 4.5, 5, '%', 'rate'],
    ['增长4.5～5%', 4.5, 5, '%', 'rate'],
    ['增长4.5%到5%', 4.5, 5, '%', 'rate'],
    ['完成投资15-20亿元', 1_500_000_000, 2_000_000_000, '元', 'cumulative'],
    ['投资5000万元至1亿元', 50_000_000, 100_000_000, '元', 'cumulative'],
    ['投资5000万-1亿元', 50_000_000, 100_000_000, '元', 'cumulative'],
  ])('%s → %d…%d %s', (text, lo, hi, unit, kind) => {
    const [i] = extractIndicators(text);
    expect(i).toMatchObject({ comparator: 'range', value: lo, valueMax: hi, unit, kind });
  });

  it('orders a reversed range', () => {
    expect(extractIndicators('增长5%至4.5%')[0]).toMatchObject({ value: 4.5, valueMax: 5 });
  });

  it('does not read a year range as a value range', () => {
    expect(rows('实施2023-2025年三年行动')).toEqual([
      ['实施2023-2025年三年行动', 'qualitative', null, null, null],
    ]);
  });
});

describe('units and scale', () => {
  it.each<[string, number, string]>([
    ['粮食总产23万吨', 230_000, '吨'],
    ['投资1.5亿元', 150_000_000, '元'],
    ['完成投资200亿元', 20_000_000_000, '元'],
    ['建筑面积65.6万平方米', 656_000, '平方米'],
    ['建筑面积65.6万㎡', 656_000, '平方米'],
    ['完成粮食播种面积19万亩', 190_000, '亩'],
    ['储备土地1017亩', 1017, '亩'],
    ['储备土地1,017亩', 1017, '亩'],
    ['光伏装机10万千瓦', 100_000, '千瓦'],
    ['储能装机500千瓦', 500, '千瓦'],
    ['发电量1.2亿千瓦时', 120_000_000, '千瓦时'],
    ['新改建农村路40公里', 40, '公里'],
    ['新改建农村路40千米', 40, '公里'],
    ['护岸800米', 800, '米'],
    ['培训3000人次', 3000, '人次'],
    ['新增就业7200人', 7200, '人'],
    ['引进博士20名', 20, '名'],
    ['建成保障房500套', 500, '套'],
    ['改造危房30户', 30, '户'],
    ['举办招聘会20场次', 20, '场次'],
    ['整治易涝点6处', 6, '处'],
    ['补齐2条道路路灯', 2, '条'],
    ['新建公厕10座', 10, '座'],
    ['更新设备20台', 20, '台'],
    ['购置公交车30辆', 30, '辆'],
    ['办好10件民生实事', 10, '件'],
    ['开展督查4次', 4, '次'],
    ['引进企业3千家', 3000, '家'],
    ['居民收入增长８％', 8, '%'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(extractIndicators(text)[0]).toMatchObject({ value, unit });
  });

  it('keeps percentage points as their own unit, a rate', () => {
    expect(rows('研发投入强度提高0.5个百分点')).toEqual([['研发投入强度提高', 'rate', '=', 0.5, '个百分点']]);
    expect(rows('提高2百分点')).toEqual([['提高', 'rate', '=', 2, '个百分点']]);
  });

  it('reads 百分之 percentages', () => {
    expect(rows('覆盖率达到百分之九十五')).toEqual([['覆盖率', 'rate', '>=', 95, '%']]);
    expect(rows('验收合格率百分之百')).toEqual([['验收合格率', 'rate', '=', 100, '%']]);
  });

  it('keeps the original words in the indicator text', () => {
    expect(extractIndicators('完成投资200亿元以上')[0]?.text).toBe('完成投资200亿元以上');
  });

  // The unit the target was written in, kept so that figures are shown the same way (30.05亿元, not
  // 3005000000元): read off the text by hand.
  it.each<[string, string | null]>([
    ['完成投资200亿元以上', '亿元'],
    ['投资1.5亿元', '亿元'],
    ['粮食总产23万吨', '万吨'],
    ['建筑面积65.6万平方米', '万平方米'],
    ['光伏装机10万千瓦', '万千瓦'],
    ['发电量1.2亿千瓦时', '亿千瓦时'],
    ['新改建农村路40千米', '千米'],
    ['引进企业3千家', '千家'],
    ['储备土地1,017亩', '亩'],
    ['新增就业7200人', '人'],
    ['居民收入增长８％', '%'],
    ['研发投入强度提高0.5个百分点', '个百分点'],
    ['推进智慧城市建设', null],
  ])('records %s as written in %s', (text, written) => {
    expect(extractIndicators(text)[0]?.writtenUnit).toBe(written);
  });

  it('records the written unit of each indicator of a text', () => {
    expect(
      extractIndicators('实施重点建设项目120个以上，完成投资200亿元以上').map((i) => i.writtenUnit),
    ).toEqual(['个', '亿元']);
  });
});

describe('Chinese numerals', () => {
  it.each<[string, Row]>([
    ['创建省级示范园三所以上', ['创建省级示范园', 'cumulative', '>=', 3, '所']],
    ['建设两个产业园', ['建设产业园', 'cumulative', '=', 2, '个']],
    ['打造十个示范村', ['打造示范村', 'cumulative', '=', 10, '个']],
    ['培育规上企业三十五家', ['培育规上企业', 'cumulative', '=', 35, '家']],
    ['引进人才一百二十人', ['引进人才', 'cumulative', '=', 120, '人']],
    ['植树十五万株', ['植树', 'cumulative', '=', 150_000, '株']],
    ['光伏装机五十万千瓦', ['光伏装机', 'cumulative', '=', 500_000, '千瓦']],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual([expected]);
  });

  it('reports a Chinese numeral that is no number', () => {
    const a = analyseIndicators('建设三五个示范点');
    expect(a.issues).toEqual([{ code: 'value_unreadable', text: '三五个' }]);
    expect(a.indicators[0]).toMatchObject({ value: null, unit: '个' });
  });
});

describe('names and dates that contain numerals are not values', () => {
  it.each([
    '扎实推进“双十工程”',
    '落实数字产业化十大工程',
    '落实数字产业化“十大工程”',
    '严格落实“1151”机制',
    '落实“11645”发展思路',
    '新改建“四好农村路”',
    '“四新”经济提质增效',
    '打好三大攻坚战',
    '推进政务服务一网通办',
    '谋划储备一批重点项目',
    '进一步提高项目投资完成率',
    '一体化推进法治体检',
    '推进5G、人工智能等新技术应用',
    '宝泰隆通过4A级景区恢复验收',
    '实施2024年民生实事',
    '6月底前完成招标',
    '完成第一季度目标',
    '3个月内完成整改',
    '抓牢聚才、引才、留才三个关键',
    '落实项目推进4项机制',
    '七个联动督查工作机制',
    '推进中医二院医共体建设',
    '扩大6大特色产业种植规模',
    '徂汶景区建设（含500亩）',
    '实施农村供水三年行动',
    '引进一批战略性新兴产业项目',
  ])('%s', (text) => {
    expect(extractIndicators(text).map((i) => i.value)).toEqual([null]);
  });

  it('still reads the count next to a named thing', () => {
    expect(rows('推出个人创业、产转法等10个一件事场景')).toEqual([
      ['推出个人创业、产转法等一件事场景', 'cumulative', '=', 10, '个'],
    ]);
    expect(rows('新改建“四好农村路”40公里')).toEqual([['新改建“四好农村路”', 'cumulative', '=', 40, '公里']]);
    expect(rows('10家上下游企业')).toEqual([['上下游企业', 'cumulative', '=', 10, '家']]);
  });
});

describe('分别 (respectively)', () => {
  it('distributes values over the listed metrics', () => {
    expect(rows('力争国家高新技术企业、科技型中小企业分别突破190家、240家')).toEqual([
      ['国家高新技术企业', 'cumulative', '>=', 190, '家'],
      ['科技型中小企业', 'cumulative', '>=', 240, '家'],
    ]);
    expect(rows('力争研发投入、强度分别突破18亿元、3.3%')).toEqual([
      ['研发投入', 'cumulative', '>=', 1_800_000_000, '元'],
      ['强度', 'rate', '>=', 3.3, '%'],
    ]);
  });

  it('puts the words between 分别 and the values into each metric', () => {
    expect(rows('地区生产总值、固定资产投资分别增长5.5%、8%')).toEqual([
      ['地区生产总值增长', 'rate', '=', 5.5, '%'],
      ['固定资产投资增长', 'rate', '=', 8, '%'],
    ]);
  });

  it('puts the words after the last value into each metric too', () => {
    expect(rows('A、B分别完成5个、6个项目')).toEqual([
      ['A完成项目', 'cumulative', '=', 5, '个'],
      ['B完成项目', 'cumulative', '=', 6, '个'],
    ]);
  });

  it('applies a trailing comparator word to all values when only the last has one', () => {
    expect(rows('A、B、C分别增长5%、6%、7%以上').map((r) => r[2])).toEqual(['>=', '>=', '>=']);
  });

  it('reads one shared value as one indicator', () => {
    expect(rows('推动远望、龙工场跨境电商产业园分别实现跨境电商额10亿元以上')).toEqual([
      ['推动远望、龙工场跨境电商产业园分别实现跨境电商额', 'cumulative', '>=', 1_000_000_000, '元'],
    ]);
  });
});

describe('clauses and metrics', () => {
  it('reads each comma clause and each 、-joined quantity', () => {
    expect(rows('改造老旧小区82个、建筑面积65.6万平方米，总投资约1.5亿元')).toEqual([
      ['改造老旧小区', 'cumulative', '=', 82, '个'],
      ['建筑面积', 'cumulative', '=', 656_000, '平方米'],
      ['总投资', 'approximate', '~', 150_000_000, '元'],
    ]);
  });

  it('cuts between two counts joined by 和 or 、', () => {
    expect(rows('加大对7个在谈项目和3个储备项目的洽谈力度')).toEqual([
      ['加大对在谈项目', 'cumulative', '=', 7, '个'],
      ['储备项目的洽谈力度', 'cumulative', '=', 3, '个'],
    ]);
    expect(rows('洽谈7个在谈项目、3个储备项目')).toEqual([
      ['洽谈在谈项目', 'cumulative', '=', 7, '个'],
      ['储备项目', 'cumulative', '=', 3, '个'],
    ]);
    // 和 inside a word (和美乡村) is not a cut.
    expect(rows('年内打造40个“七星”和美小区')).toEqual([['打造“七星”和美小区', 'cumulative', '=', 40, '个']]);
  });

  it('reads a double dash like a colon', () => {
    expect(rows('确定目标——年内税收收入增长15%')).toEqual([['税收收入增长', 'rate', '=', 15, '%']]);
  });

  it('keeps an earlier quantity as a qualifier of the metric', () => {
    expect(rows('集体经济收入过20万元村突破70%')).toEqual([
      ['集体经济收入过20万元村', 'rate', '>=', 70, '%'],
    ]);
    expect(rows('引进过10亿元项目5个')).toEqual([['引进过10亿元项目', 'cumulative', '=', 5, '个']]);
  });

  it('drops stance words, period words, deadlines, bracketed asides and trailing adverbs from metrics', () => {
    expect(rows('年内新增城镇就业7200人以上')).toEqual([['新增城镇就业', 'cumulative', '>=', 7200, '人']]);
    expect(rows('确保省市重点项目开工率、纳统率均达到100%')).toEqual([
      ['省市重点项目开工率、纳统率', 'rate', '>=', 100, '%'],
    ]);
    expect(rows('6月底前完成4所幼儿园建设')).toEqual([['完成幼儿园建设', 'cumulative', '=', 4, '所']]);
    expect(rows('力争在正月十五前完成205户清算交房')).toEqual([
      ['完成清算交房', 'cumulative', '=', 205, '户'],
    ]);
    expect(rows('年度完成投资267亿元以上')).toEqual([['完成投资', 'cumulative', '>=', 26_700_000_000, '元']]);
    expect(rows('争取新增土地计划指标1000亩（含徂汶景区500亩）')).toEqual([
      ['新增土地计划指标', 'cumulative', '=', 1000, '亩'],
    ]);
  });

  it('takes the previous metric when a piece has none', () => {
    expect(rows('增长5%、6%')).toEqual([
      ['增长', 'rate', '=', 5, '%'],
      ['增长', 'rate', '=', 6, '%'],
    ]);
  });
});

describe('kinds', () => {
  it('cumulative, rate, lower_is_better, keep_level, approximate', () => {
    expect(rows('新增城镇就业7200人')[0]?.[1]).toBe('cumulative');
    expect(rows('一般公共预算收入增长5.6%左右')[0]?.[1]).toBe('rate');
    expect(rows('单位GDP能耗下降3%')[0]?.[1]).toBe('rate');
    expect(rows('不良贷款率控制在0.9%以下')[0]?.[1]).toBe('lower_is_better');
    expect(rows('粮食总产稳定在23万吨')).toEqual([['粮食总产', 'keep_level', '>=', 230_000, '吨']]);
    expect(rows('确保储备库项目动态保持300个以上')).toEqual([['储备库项目', 'keep_level', '>=', 300, '个']]);
    expect(rows('接待游客约500万人次')).toEqual([['接待游客', 'approximate', '~', 5_000_000, '人次']]);
  });

  it('keep_level without a number', () => {
    expect(rows('粮食种植面积、总产保持稳定')).toEqual([
      ['粮食种植面积、总产', 'keep_level', '>=', null, null],
    ]);
    expect(rows('耕地保有量不低于上年')).toEqual([['耕地保有量', 'keep_level', '>=', null, null]]);
  });

  it('relative: a benchmark in words, no value', () => {
    expect(rows('增速不低于全市平均')).toEqual([['增速', 'relative', '>=', null, null]]);
    expect(rows('规上工业增加值增速高于全省平均水平')).toEqual([
      ['规上工业增加值增速', 'relative', '>=', null, null],
    ]);
    expect(rows('城乡居民收入增长与经济增长基本同步')).toEqual([
      ['城乡居民收入增长', 'relative', '~', null, null],
    ]);
  });

  it('milestone: a deadline and no number', () => {
    expect(rows('6月底前完成项目招标')).toEqual([['完成项目招标', 'milestone', null, null, null]]);
    expect(rows('年底前建成投用')).toEqual([['建成投用', 'milestone', null, null, null]]);
  });

  it('qualitative: no number, no deadline — one indicator named by the text', () => {
    expect(rows('推进教育评价改革')).toEqual([['推进教育评价改革', 'qualitative', null, null, null]]);
    expect(extractIndicators('推进教育评价改革')[0]?.text).toBe('推进教育评价改革');
  });

  it('gives an empty text no indicator', () => {
    expect(extractIndicators('')).toEqual([]);
    expect(extractIndicators('  \n ')).toEqual([]);
  });
});

describe('value_unreadable', () => {
  it('reports a malformed number with a unit', () => {
    const a = analyseIndicators('完成投资1.2.3万元');
    expect(a.issues).toEqual([{ code: 'value_unreadable', text: '1.2.3万元' }]);
    expect(a.indicators[0]).toMatchObject({ value: null, unit: '元' });
  });

  it('reports a value too large to hold', () => {
    const a = analyseIndicators(`完成投资${'9'.repeat(400)}亿元`);
    expect(a.issues.map((i) => i.code)).toEqual(['value_unreadable']);
  });
});
