"""Summary sentences: every one is a sentence of the input, given back in
input order with its offsets (a Hypothesis property); headings, questions
and lead-ins are never chosen; ``n`` is respected; the choice covers the
article's measures rather than repeating one; deterministic; linear enough
for a whole annual report; and the issue's bar on the dev gold.

Every text here is written for these tests in the style of the genre; none is
copied from the seeds or the corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_paths, needs_shared, seed_paths
from medsum.clean import clean
from medsum.reader import read_path, read_text
from medsum.summary import CosineGraph, candidates, summarize
from medsum.tagger import tag

from test_keywords import ARTICLE, POOL, made_up


def doc_of(text: str):
    return clean(read_text(text))


def assert_sentences_of(doc, summary, n) -> None:
    assert len(summary) <= max(n, 0)
    indices = [s.index for s in summary]
    assert indices == sorted(set(indices))
    for s in summary:
        sentence = doc.sentences[s.index]
        assert s.text == sentence.text
        assert (s.start, s.end) == (sentence.start, sentence.end)
        assert doc.text[s.start:s.end].startswith(s.text[:1])
        assert not sentence.heading
        assert not s.text.rstrip("”’\"' ").endswith(("?", "？"))


@given(
    st.lists(st.sampled_from(POOL), min_size=0, max_size=20),
    st.one_of(st.none(), st.sampled_from(["某市深化医改纪实", "医共体建设见实效"])),
    st.integers(-1, 8),
)
@settings(max_examples=80)
def test_every_summary_sentence_is_a_sentence_of_the_input_in_order(sentences, title, n):
    doc = doc_of(made_up(sentences, title))
    summary = summarize(doc, n=n)
    assert_sentences_of(doc, summary, n)
    if n > 0:
        # Each distinct sentence at most once: a repeated one is not said twice.
        assert len(summary) == min(n, len({c.text for c in candidates(doc)}))
    assert summarize(doc, n=n) == summary


def test_a_text_of_unpunctuated_lines_is_summarised_by_them():
    # Written for this test: an infographic's captions, no sentence among them.
    lines = [
        "全国中医药局长会议传来消息",
        "我国启动实施基层中医药服务能力提升工程行动计划",
        "基本实现社区卫生服务中心和乡镇卫生院中医馆全覆盖",
        "中医类国家区域医疗中心增至14个",
        "2023年",
        "我国将全面实施中医药振兴发展重大工程",
    ]
    doc = doc_of("权威快报:中医药事业取得新进展\n\n" + "\n\n".join(lines))
    chosen = summarize(doc, n=4)
    assert len(chosen) == 4 and {s.text for s in chosen} <= set(lines) - {"2023年"}
    # ... but a table of contents is no summary.
    contents = ["一、慢病管理数字化转型背景", "二、慢病健康管理系统现状评估", "3.4日本分级诊疗衔接的支付创新", "4.5公众认知与接受度差异"]
    assert summarize(doc_of("慢病管理数字化建设方案\n\n" + "\n\n".join(contents)), n=4) == ()


def test_headings_questions_and_lead_ins_are_never_chosen():
    text = "\n".join(
        [
            "一、加强医共体建设",
            "基层为什么留不住医生?",
            "具体做法如下:",
            *POOL[:7],
            "二、推进三医联动",
            *POOL[9:],
        ]
    )
    doc = doc_of(text)
    chosen = {s.text for s in summarize(doc, n=20)}
    assert not any(t.startswith(("一、", "二、")) for t in chosen)
    assert not any(t.endswith(("?", "？", ":", "：")) for t in chosen)


def test_n_is_respected():
    doc = doc_of(ARTICLE)
    assert summarize(doc, n=0) == ()
    assert summarize(doc, n=-3) == ()
    for n in (1, 3, 4, 5):
        assert len(summarize(doc, n=n)) == n
    assert len(summarize(doc, n=100)) == len(candidates(doc))


def test_the_summary_says_what_happened_and_covers_several_measures():
    doc = doc_of(ARTICLE)
    chosen = [s.text for s in summarize(doc, n=4)]
    # The lead statement, and sentences on different measures: not four
    # sentences about the same one.
    assert chosen[0].startswith("近年来,安平县")
    said = {}  # sentence -> the measures it is evidence of
    for t in tag(doc):
        for e in t.evidence:
            said.setdefault(e.sentence, set()).add(t.id)
    measures = [said.get(t, set()) for t in chosen]
    assert len(set().union(*measures)) >= 3
    assert sum(1 for m in measures if m <= {"county-medical-community"}) <= 2


def test_a_numbered_heading_inside_a_paragraph_and_a_cut_last_line_are_not_chosen():
    heading = "(二)互惠互利,责权一致。"
    cut = "国家推行医用耗材集采,意在解"
    text = "\n".join(["专科联盟实施方案", POOL[0] + heading + POOL[1], *POOL[2:5], cut])
    chosen = {s.text for s in summarize(doc_of(text), n=6)}
    assert heading not in chosen and cut not in chosen
    assert len(chosen) == 5


def test_empty_documents():
    assert summarize(doc_of("加强顶层设计\n"), n=4) == ()


def test_a_near_copy_of_a_chosen_sentence_is_not_chosen_too():
    lead = "为持续加强医保基金监管,省医保局、省财政厅、省卫生健康委决定在全省范围开展2025年医保基金飞行检查。"
    copy = "为持续加强医保基金监管,省医保局联合省财政厅、省卫生健康委,在全省范围组织开展2025年医保基金飞行检查。"
    doc = doc_of("\n".join(["医保基金飞行检查", lead, *POOL[:6], copy, *POOL[6:9]]))
    chosen = {s.text for s in summarize(doc, n=4)}
    assert not {lead, copy} <= chosen


def test_a_page_that_prints_its_body_twice_gets_each_sentence_once():
    body = POOL[:3]
    doc = doc_of("\n".join(["护士节慰问活动", *body, "记者 王某", *body]))
    chosen = [s.text for s in summarize(doc, n=4)]
    assert chosen and len(chosen) == len(set(chosen))


def test_a_notices_closing_formulas_are_not_summary_sentences():
    closing = ["现印发给你们,请认真贯彻执行。", "实施中遇到问题,请径向市卫生健康委反映。", "各地工作动态和意见建议,请及时报国家医疗保障局。"]
    doc = doc_of("\n".join(["关于印发医改重点任务的通知", *POOL[:5], *closing]))
    assert not set(closing) & {s.text for s in candidates(doc)}
    # ... but the sentence that sends the document names it.
    sends = "《某市公立医院高质量发展实施方案》已经市政府同意,现印发给你们,请认真贯彻执行。"
    assert sends in {s.text for s in candidates(doc_of("\n".join(["通知", sends, *POOL[:3]])))}


def test_a_signpost_to_what_follows_is_not_a_summary_sentence():
    signposts = ["下面将从定义、特点、争议等方面进行总结,并以表格形式清晰展示。", "本文将详细解析家庭医生签约服务的核心内容。"]
    doc = doc_of("\n".join(["什么是医联体", *POOL[:5], *signposts]))
    assert not set(signposts) & {s.text for s in candidates(doc)}
    # ... but a paper's abstract says what it found.
    found = "本文分析了我国构建家庭医生签约服务的必要性,介绍了签约服务的内涵和配套政策。"
    assert found in {s.text for s in candidates(doc_of("\n".join(["家庭医生签约服务研究", found, *POOL[:3]])))}


def test_a_brokers_report_header_is_not_a_summary_sentence():
    header = (
        "行业深度报告 生物医药 2020年03月17日 请务必阅读正文后免责条款 强于大市 证券分析师 王某 "
        "投资咨询资格编号 S1060519060002 请通过合法途径获取本公司研究报告,如经由未经许可的渠道获得研究报告,请慎重使用。"
    )
    doc = doc_of("\n".join(["样本医院终端数据分析", header, *POOL[:5]]))
    assert header not in {s.text for s in candidates(doc)}


def test_lines_in_another_script_are_not_summary_sentences():
    english = "Whether diagnosis-related groups lead to the shift of medical care from inpatient to outpatient settings."
    doc = doc_of("\n\n".join(["DRG改革研究", *POOL[:4], english, *POOL[4:8]]))
    assert english in {s.text for s in doc.sentences}
    assert english not in {s.text for s in candidates(doc)}


def test_a_text_of_only_questions_or_overlong_runs_still_gets_a_summary():
    questions = (
        "公立医院推行医生年薪制在财力上可行吗?\n"
        "以固定薪酬为主的混合薪酬制会影响医生的激励吗?\n"
        "院长年薪由财政全额保障后还与医院收支挂钩吗?\n"
    )
    assert len(summarize(doc_of("年薪制热问\n\n" + questions), n=2)) == 2
    # One run of clauses with no full stop, longer than any sentence: cut at
    # its commas (clean.MAX_SENTENCE), its pieces are summarised.
    run = ",".join(POOL[i].rstrip("。?") for i in (0, 1, 2, 4, 5, 6, 9, 10, 11) for _ in range(3))
    assert len(run) > 600
    summary = summarize(doc_of("改革综述\n\n" + run + "\n"), n=3)
    assert summary and all(s.text.rstrip(",") in run for s in summary)


def test_a_long_report_never_builds_its_sentence_graph(monkeypatch):
    """A 150,000-character report is ranked with W = V·Vᵀ as an operator: the
    3,500 × 3,500 graph is never built (how long it takes is bench/'s business)."""
    import medsum.summary

    ranked = []
    real = medsum.summary.pagerank

    def spy(graph, *args, **kwargs):
        ranked.append(graph)
        return real(graph, *args, **kwargs)

    monkeypatch.setattr(medsum.summary, "pagerank", spy)
    text = "\n".join(POOL[i % len(POOL)] + f"第{i}项工作按期完成。" for i in range(3500))
    summary = summarize(doc_of(text), n=5)
    assert len(summary) == 5
    assert ranked and all(isinstance(g, CosineGraph) for g in ranked)


@needs_shared
@pytest.mark.parametrize("path", seed_paths() + corpus_paths(), ids=lambda p: p.name)
def test_real_pages(path):
    doc = clean(read_path(str(path)))
    summary = summarize(doc, n=4)
    assert_sentences_of(doc, summary, 4)
    assert len(summary) == min(4, len(candidates(doc)))


def test_the_lead_states_the_news():
    # The lead (导语) says what happened, without a figure; later sentences
    # give figures. The summary still has the lead.
    text = (
        "某市医保支付方式改革取得新进展\n\n"
        "近日,某市召开新闻发布会,介绍按病种分值付费改革一年来的进展和下一步安排。\n"
        "全市42家定点医疗机构全部纳入按病种分值付费,覆盖病种3200个,住院费用增幅下降4.5个百分点。\n"
        "改革后参保患者次均住院费用下降8.2%,个人负担减少1.3亿元,医保基金结余2.1亿元。\n"
        "市医保局对38家医疗机构开展专项检查,追回医保基金560万元,处理违规医务人员12名。\n"
        "全市基层医疗机构就诊人次增长12%,县域内就诊率达到90%,双向转诊5600人次。\n"
        "按病种分值付费的病种分值库涵盖病种3200个,基层病种180个实行同病同价,节约费用3600万元。\n"
        "全市三级医院病例组合指数提高0.12,平均住院日缩短1.1天,药品耗材占比下降6.3个百分点。\n"
        "下一步,某市将完善病种分值目录,建立特例单议机制,推动改革提质增效。"
    )
    chosen = summarize(doc_of(text), n=4)
    assert any(s.text.startswith("近日,某市召开新闻发布会") for s in chosen)


def test_a_tables_row_is_never_a_summary_sentence():
    # Written for this test: a plan's table of targets, converted with bars.
    text = (
        "某区卫生健康事业发展规划\n\n"
        "日前,某区印发卫生健康事业发展规划,明确到2025年基本建成健康城区,紧密型医共体覆盖全区。\n"
        "服务体系 指标 | 6 | 每千常住人口执业(助理)医师数 | 人 | 2.99 | 3.5 | 预期性\n"
        "服务体系 指标 | 7 | 每千常住人口注册护士数 | 人 | 3.12 | 3.8 | 预期性\n"
        "规划提出,到2025年全区家庭医生签约率达到75%,基层诊疗量占比达到65%。\n"
    )
    doc = doc_of(text)
    chosen = [s.text for s in summarize(doc, n=5)]
    assert chosen and not any("|" in s for s in chosen)
    # A page of tables alone has nothing to summarise.
    only_rows = "某公司财务指标\n\n" + "净资产收益率 | 1.72 | 0.53 | -0.30 | 4.10 | 2.20 | 1.05\n" * 3
    assert summarize(doc_of(only_rows)) == ()


def test_a_text_cut_off_mid_sentence_never_ends_the_summary_on_its_fragment():
    # Written for this test: an excerpt saved at a fixed length ends inside a long sentence.
    text = (
        "某市医保局通报欺诈骗保典型案例\n\n"
        "市医保局近日通报5起欺诈骗保典型案例,涉及定点医疗机构3家、定点零售药店2家。\n"
        "某民营医院存在虚构医疗服务、伪造医学文书骗取医保基金的行为,市医保局追回医保基金12万元并处罚款。\n"
        "某药店存在串换药品的行为,市医保局解除其医保服务协议,并移交公安机关依法处理,同时对其负责人的医保支付资格记分,"
        "暂停其医保支付资格6个月,此外还对全市定点医药机构开展专项检查,重点检查虚构医药服务骗取医\n"
    )
    doc = doc_of(text)
    chosen = summarize(doc, n=4)
    assert chosen and not any(s.text.endswith("骗取医") for s in chosen)
