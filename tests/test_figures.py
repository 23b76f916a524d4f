"""Key figures: the numbers an article reports, what they count, the measure
they belong to and whether they are a rise or a fall; years, dates, ordinals
and document numbers are not figures.

Every text here is written for these tests in the style of the genre.
"""

from __future__ import annotations

import pytest

from medsum.clean import clean
from medsum.figures import find_figures
from medsum.reader import read_text
from medsum.tagger import tag


def figures_of(text: str):
    doc = clean(read_text(text))
    return find_figures(doc, tag(doc))


def by_text(text: str) -> dict:
    return {f.text: f for f in figures_of(text)}


@pytest.mark.parametrize(
    ("sentence", "figure", "kind", "unit", "value"),
    [
        ("全市共投入资金11.05亿元,用于基层医疗机构建设。", "11.05亿元", "money", "亿元", 11.05),
        ("集采药品704种落地执行,覆盖全市医疗机构。", "704种", "count", "种", 704.0),
        ("中选药品平均降幅62%,群众负担明显减轻。", "降幅62%", "percent", "%", 62.0),
        ("2023年全市DIP结算病例达38.6万例,较上年有所增加。", "38.6万例", "count", "万例", 38.6),
        ("全市医护比达到1:1.6,护士队伍不断壮大。", "1:1.6", "ratio", ":", 1.0),
        ("全市医患比例为1:10,医生队伍仍显不足。", "1:10", "ratio", ":", 1.0),
        # A split in three parts is read whole, not as its last two.
        ("专家建议早中晚三餐热量按3:4:3分配,每天摄入盐不超过5克。", "3:4:3", "ratio", ":", 3.0),
        # Taiwan's 兆 is 万亿: one amount, in the unit it ends with.
        ("明年健保总额预算为3兆350亿元,较今年增加。", "3兆350亿元", "money", "亿元", 30350.0),
        # A minus sign after a space or a bracket is the figure's: a fall.
        ("全院医疗收入增长率 -2.5%,低于预期。", "-2.5%", "percent", "%", -2.5),
        # About so many visits, not people: 39万余人次.
        ("全年接待义诊群众39万余人次,覆盖全部乡镇。", "39万余人次", "count", "万余人次", 39.0),
        # About so much: 235余万元, 3000多万元.
        ("法院查明违法金额共计235余万元,已全部追回。", "235余万元", "money", "万元", 235.0),
        # 万 inside a number: 13万8,664 is 138,664 beds, not 8,664.
        ("全台病床总计13万8,664床,较十年前增加。", "13万8,664床", "count", "床", 138664.0),
    ],
)
def test_kinds_units_and_values(sentence, figure, kind, unit, value):
    found = by_text("某市医改工作综述\n\n" + sentence)
    assert figure in found, found
    f = found[figure]
    assert (f.kind, f.unit, f.value) == (kind, unit, value)
    assert f.what  # it says what it counts


def test_years_dates_ordinals_and_document_numbers_are_not_figures():
    text = (
        "某市医改工作综述\n\n"
        "2024年3月5日,市政府印发国办发〔2019〕2号文件的实施方案,第3批集采药品在全市落地。"
        "规划经市政府第十七届75次常务会议审议通过。"
        # Durations counted in 个 are not things counted.
        "暂停该院医保服务10个半月,医保经办机构在30个工作日内完成审核,配药从16个星期缩短为4周。"
        "专题04多元化协同链的生态构建。"
    )
    assert figures_of(text) == ()


@pytest.mark.parametrize(
    ("sentence", "figure", "change"),
    [
        ("改革以来,全市住院次均费用下降6.3%,群众负担减轻。", "下降6.3%", "down"),
        ("全市基层诊疗量增长了12.5%,县域内就诊率持续提升。", "增长了12.5%", "up"),
        ("全市药品费用降低约1.2亿元,医保基金运行平稳。", "降低约1.2亿元", "down"),
        ("全市住院次均费用下降至8600元,低于全省平均水平。", "8600元", None),
        ("全市共有定点医疗机构126家,全部接入医保平台。", "126家", None),
    ],
)
def test_a_rise_or_a_fall_is_read_with_its_figure(sentence, figure, change):
    found = by_text("某市医保工作综述\n\n" + sentence)
    assert figure in found, found
    assert found[figure].change == change


def test_a_figure_belongs_to_the_measure_in_its_clause():
    text = (
        "某市推进集采和医共体建设\n\n"
        "某市落地国家组织集采药品704种,平均降价53%。\n"
        "全市组建紧密型县域医共体12个,覆盖乡镇卫生院86家。"
    )
    found = by_text(text)
    assert found["704种"].measure == "volume-based-procurement"
    assert found["12个"].measure == "county-medical-community"
    assert "药品" in found["704种"].what
    assert found["降价53%"].change == "down"


def test_items_parted_by_semicolons_keep_their_own_measures():
    text = (
        "医保支付方式改革进展\n\n"
        "86%的统筹地区开展医保付费总额控制;75%的统筹地区对诊疗方案明确的疾病推行按病种付费;"
        "在30个试点城市开展DRG付费国家试点。\n"
        # A sentence on one measure is one topic: its figures are that measure's.
        "药品集中采购价格方面,药品及时回款,量价挂钩;同口径796个品规平均价格下降8%。\n"
    )
    found = by_text(text)
    assert found["86%"].measure == "global-budget"
    assert found["75%"].measure is None
    assert found["796个"].measure == "volume-based-procurement"


def test_a_long_report_keeps_a_screenful_in_article_order():
    lines = [f"第{i}项工作中,全市新增床位{100 + i}张,投入资金{i}.5亿元。" for i in range(1, 21)]
    found = figures_of("某市卫生健康事业发展报告\n\n" + "\n".join(lines))
    assert len(found) == 15
    assert [f.sentence for f in found] == sorted(f.sentence for f in found)


@pytest.mark.parametrize(
    ("sentence", "figure", "what"),
    [
        # The noun after the figure, one modifier allowed.
        ("医共体涵盖4家二级医疗机构,覆盖全县。", "4家", "二级医疗机构"),
        ("本届展会有超500家海外企业签约参展。", "500家", "海外企业"),
        # A share of something: the noun after 的.
        ("通过远程会诊,实现了90%的病人不出县。", "90%", "病人"),
        # A count of people: what happened to them.
        ("事故造成29人死亡、42人受伤。", "29人", "死亡"),
        # Listed after its noun: the noun before, past 的 of the next clause.
        ("集采药品、医用耗材24类的落地执行,减轻群众负担。", "24类", "医用耗材"),
        # A rate the dictionary cuts in two (参保 + 率), before a verb.
        ("全市基本医保参保率稳定在95%,基金运行平稳。", "95%", "基本医保参保率"),
        # The other end of a range, the next of a series: the label of the first.
        ("全市住院次均费用平均下降10%~15%。", "15%", "住院次均费用"),
        ("职工医保统筹基金最高支付限额由7万元提高到28万元。", "28万元", "限额"),
        # Money with no noun: what its verb says it is for; never a linking verb.
        ("中心近7年建设科技创新总投入70557万元。", "70557万元", "投入"),
        ("全年为企业直接减负超63亿元,成效明显。", "63亿元", "减负"),
        # Words the dictionary cuts wrong: 入 + 组率, 占 + 比达, 营业 + 收入 (a verb).
        ("试点医院DRG病种入组率达到96.5%。", "96.5%", "病种入组率"),
        ("全省60岁以上人口占比达18.2%。", "18.2%", "人口占比"),
        ("公司全年实现营业收入12.6亿元。", "12.6亿元", "营业收入"),
        # What a change is compared with is not what changed.
        ("门诊量同比增长6.8%,住院量保持平稳。", "增长6.8%", "门诊量"),
        ("全年住院人次较去年同期下降3.5%。", "下降3.5%", "住院人次"),
        # The other end of a fall: what fell, not the verb.
        ("髋关节平均价格从3.5万元下降至7000元左右。", "7000元", "髋关节平均价格"),
    ],
)
def test_what_a_figure_counts(sentence, figure, what):
    found = by_text("某县医改工作综述\n\n" + sentence)
    assert figure in found, found
    assert found[figure].what == what


def test_a_verb_of_likelihood_is_not_what_an_amount_is():
    found = by_text("某地推进分级诊疗\n\n医学中心门诊如未持转诊单,就诊费用平均可能达1200元。\n")
    assert found["1200元"].what == "费用"


def test_a_formula_is_not_a_figure():
    """Indicator definitions end in ×100%: a formula, not a result."""
    found = by_text("三级公立医院绩效考核指标说明\n\n计算方法:出院患者手术台次数/同期出院患者总人次数×100%。\n全市平均住院日下降到8.5天,手术占比达到35%。")
    assert "100%" not in found
    assert "35%" in found


def test_clock_times_are_not_ratios():
    figures = by_text("标题\n\n发布会于今天18:31开始,视频时长57:26,会议9:05结束,医护比达到1:2。\n")
    assert list(figures) == ["1:2"]
    assert list(by_text("标题\n\n会议于12月5日 10:30在市卫健委召开,上午9:30签到。\n")) == []
    # A date earlier in the sentence does not make a ratio a time.
    assert "1:12" in by_text("标题\n\n截至6月30日,全市医护比达到1:12。\n")
    assert list(by_text("标题\n\n系统于18:31:05完成切换,医护比达到1:2。\n")) == ["1:2"]


def test_a_negated_category_keeps_its_negation():
    figures = figures_of("标题\n\n我省非国家基本药物目录药品共有177种,全部实行网上采购。\n")
    assert [f.what for f in figures] == ["非国家基本药物目录药品"]


def test_a_range_keeps_its_figures_positive():
    found = by_text("某市医改工作综述\n\n集采药品价格平均降幅30%-40%,医保基金运行平稳。")
    assert {f.value for f in found.values()} >= {30.0, 40.0}


def test_a_figure_the_text_says_twice_is_given_once():
    figures = figures_of(
        "某市DRG付费改革三年成效\n\n全市176家医疗机构全部纳入DRG付费,住院次均费用下降8%。\n"
        "改革三年来,全市176家医疗机构实现DRG付费全覆盖,医保基金运行平稳。\n"
    )
    assert [(f.text, f.what) for f in figures if f.text == "176家"] == [("176家", "医疗机构")]
