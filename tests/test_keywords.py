"""Keyphrases: what a reader indexes an article by (the measures in its own
wording, named programmes, institutions, the place), never a fragment that
crosses punctuation, never two phrases of which one contains the other, never
a generic word alone; ``n`` respected, deterministic whatever the hash seed,
and the issue's bar on the dev gold.

Every text here is written for these tests in the style of the genre; none is
copied from the seeds or the corpus.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import corpus_paths, needs_shared, seed_paths
from medsum.clean import clean
from medsum.keywords import keyphrases
from medsum.reader import read_path, read_text
from medsum.segment import stopwords, tag_words

ARTICLE = """安平县深化紧密型县域医共体建设 “三统一”改革让群众受益

近年来,安平县以紧密型县域医共体建设为抓手,推行人员、药品、资金“三统一”管理,县域医疗服务能力明显提升。
安平县人民医院牵头组建医共体总院,与12家乡镇卫生院签订托管协议,实行总院分院制。
“三统一”实施以来,医共体内统一药品目录358种,县域内就诊率达到91.2%。
同时,安平县积极推进医保基金总额付费,实行结余留用、合理超支分担,全年结余资金1200万元。
在基层,家庭医生签约服务覆盖全县常住人口的68%,重点人群签约率达到85%。
安平县人民医院还建成远程影像中心和远程心电中心,乡镇卫生院检查、县医院诊断。
下一步,安平县将继续深化“三统一”改革,推动紧密型县域医共体高质量发展。
"""

#: Characters at which a clause ends: a keyphrase never spans one.
CLAUSE_BREAKS = re.compile(r"[,，。！？!?；;:：、()（）《》〈〉「」『』【】\[\]—…·|\s]")
QUOTES = re.compile(r"[“”\"'‘’]")

#: Sentences in the style of the genre, for documents made up by Hypothesis.
POOL = [
    "近年来,某市卫生健康委以公立医院高质量发展为主线,推动优质医疗资源扩容下沉。",
    "全市组建城市医疗集团3个,覆盖社区卫生服务中心42家。",
    "医保部门推进DRG/DIP支付方式改革,住院费用次均下降8.6%。",
    "“一院多区”建设加快推进,新院区预计明年投入使用。",
    "县级医院牵头组建紧密型县域医共体,实行人员统一招聘、药品统一配送。",
    "集中带量采购药品已落地312种,平均降价53%。",
    "家庭医生签约服务提质扩面,慢病患者规范管理率超过七成。",
    "为什么基层留不住人才?",
    "加强顶层设计",
    "远程会诊平台联通了全部乡镇卫生院,群众在家门口就能看专家。",
    "记者从市医保局获悉,医保基金监管专项检查追回资金1600万元。",
    "三医联动改革持续深化,医疗服务价格动态调整机制基本建立。",
]


def doc_of(text: str):
    return clean(read_text(text))


def texts_of(text: str) -> list[str]:
    return [k.text for k in keyphrases(doc_of(text))]


def made_up(sentences: list[str], title: str | None) -> str:
    lines = ([title, ""] if title else []) + sentences
    return "\n".join(lines) + "\n"


def assert_invariants(doc, phrases) -> None:
    stop = stopwords()
    texts = [k.text for k in phrases]
    assert len(set(texts)) == len(texts)
    plain = QUOTES.sub("", doc.text + "\n" + (doc.title_simplified or ""))
    for k in phrases:
        assert k.text and not CLAUSE_BREAKS.search(k.text), k.text
        assert k.text not in stop, k.text
        words = [w for w, _ in tag_words(k.text)]
        assert not all(w in stop for w in words), k.text
        assert k.text in plain, k.text
        assert k.score > 0
    for a in texts:
        for b in texts:
            assert a == b or a not in b, (a, b)
    scores = [k.score for k in phrases]
    assert scores == sorted(scores, reverse=True)


def test_the_subjects_of_an_article():
    doc = doc_of(ARTICLE)
    phrases = [k.text for k in keyphrases(doc)]
    assert 8 <= len(phrases) <= 10
    # The measures in the article's own wording, the programme it quotes,
    # the place and its hospital.
    assert any("医共体" in p for p in phrases)
    assert any("总额付费" in p for p in phrases)
    assert "三统一" in phrases
    assert any("安平县" in p for p in phrases)
    # Never generic words or fragments across word boundaries.
    for generic in ("医疗", "发展", "医疗机构", "医保", "建设", "工作", "实现"):
        assert generic not in phrases
    assert not any(p.endswith(("利用", "项目")) for p in phrases)
    assert_invariants(doc, keyphrases(doc))


def test_a_measure_shown_only_by_a_verb_phrase_gives_no_keyphrase_for_it():
    # The only sign of tiered care is what happened to a patient: the measure is
    # tagged, but "转入上一级医院" / "不出村" name nothing a reader would index by.
    doc = doc_of(
        "村卫生室用上远程心电\n\n"
        "近日,一位老人到村卫生室看病,村医做心电图后传至乡卫生院远程诊断中心,确诊后转入上一级医院治疗。\n"
        "如今在村卫生室就能做心电图,村民看病可以不出村。\n"
    )
    phrases = [k.text for k in keyphrases(doc)]
    assert not any(p.startswith(("转入", "不出")) for p in phrases), phrases
    assert not any("不出村" in p or "上一级医院" in p for p in phrases), phrases


def test_how_an_event_ended_is_no_keyphrase():
    # The dictionary reads "圆满结束" as a noun: "北京圆满结束" would be a place's name.
    doc = doc_of(
        "医生集团大会召开\n\n"
        "9月20日,2015中国医生集团大会在北京圆满结束。\n"
        "来自医生集团、医疗服务管理机构等的业界人士,分析了医生集团的发展趋向。\n"
    )
    phrases = [k.text for k in keyphrases(doc, n=20)]
    assert not any(p.endswith(("结束", "圆满结束")) for p in phrases), phrases


def test_n_is_respected_and_lists_are_prefixes():
    doc = doc_of(ARTICLE)
    full = keyphrases(doc, n=20)
    for n in (0, 1, 3, 10, 20):
        assert keyphrases(doc, n=n) == full[:n]
    assert keyphrases(doc, n=-1) == ()


def test_empty_and_phrase_free_documents():
    assert keyphrases(doc_of("加强顶层设计。\n")) is not None
    assert keyphrases(doc_of("的了吗?\n")) == ()


def test_count_is_the_number_of_occurrences():
    doc = doc_of(ARTICLE)
    body = doc.text + "\n" + doc.title_simplified
    for k in keyphrases(doc):
        assert k.count == (body.count(k.text) or QUOTES.sub("", body).count(k.text)) >= 1


@given(
    st.lists(st.sampled_from(POOL), min_size=0, max_size=15),
    st.one_of(st.none(), st.sampled_from(["某市深化医改纪实", "医共体建设见实效", "“一院多区”的探索"])),
    st.integers(0, 15),
)
@settings(max_examples=60)
def test_invariants_on_made_up_documents(sentences, title, n):
    doc = doc_of(made_up(sentences, title))
    phrases = keyphrases(doc, n=n)
    assert len(phrases) <= n
    assert_invariants(doc, phrases)
    assert keyphrases(doc, n=n) == phrases


def test_same_result_whatever_the_hash_seed():
    """Sets and dicts iterate in hash order; the output must not."""
    script = (
        "import json,sys\n"
        "from medsum.clean import clean\nfrom medsum.reader import read_text\n"
        "from medsum.keywords import keyphrases\nfrom medsum.summary import summarize\n"
        "d = clean(read_text(sys.stdin.read()))\n"
        "print(json.dumps([[k.text, k.score] for k in keyphrases(d)] + [s.index for s in summarize(d)]))\n"
    )
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], input=ARTICLE.encode("utf-8"), capture_output=True, env=env,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())


@needs_shared
@pytest.mark.parametrize("path", seed_paths() + corpus_paths(), ids=lambda p: p.name)
def test_invariants_on_real_pages(path):
    doc = clean(read_path(str(path)))
    assert_invariants(doc, keyphrases(doc, n=12))


QUOTED_OFFICIAL = """近年来,某市卫生健康委推进紧密型县域医共体建设,县域内就诊率达到90%。
市医保事业管理中心负责医保基金总额付费结算,实行结余留用。
“我们把专家请到了家门口。”县人民医院院长陈志强说。
陈志强介绍,医共体内统一药品目录,慢病患者规范管理率超过七成。
陈志强表示,下一步将继续推进医共体建设,陈志强认为医防融合是关键。
陈志强还说,家庭医生签约服务覆盖全部乡镇。
"""


def test_institutions_said_once_and_people_quoted():
    # A body named once (市医保事业管理中心) is a subject; the official quoted
    # throughout is not, unless the headline is about the person.
    plain = [k.text for k in keyphrases(doc_of("某市推进紧密型县域医共体建设\n\n" + QUOTED_OFFICIAL), n=12)]
    assert any("医保事业管理中心" in t for t in plain)
    assert "陈志强" not in plain[:5]
    profile = [k.text for k in keyphrases(doc_of("陈志强:把专家请到家门口\n\n" + QUOTED_OFFICIAL), n=12)]
    assert "陈志强" in profile[:3]


@pytest.mark.parametrize("headline", ["某省医改专题新闻发布会召开", "国内联播快讯"])
def test_report_heads_and_programme_names_are_not_subjects(headline):
    text = headline + "\n\n" + "\n".join(POOL[:7])
    texts = [k.text for k in keyphrases(doc_of(text), n=12)]
    assert not any(t.endswith(("新闻", "发布会", "快讯", "联播")) for t in texts)


def test_the_reform_itself_and_its_complaints_are_not_subjects():
    text = (
        "某县医改破解看病难\n\n"
        "医改以来,某县推进紧密型县域医共体建设,看病难、看病贵问题明显缓解。\n"
        "县医共体总院统一管理12家乡镇卫生院,县域内就诊率达到90%。\n"
        "新医改让群众在家门口看病,医共体总院派专家到乡镇坐诊。\n"
        "医改还在继续,看病难的问题要靠医共体持续解决。"
    )
    texts = texts_of(text)
    assert not {"医改", "新医改", "看病难", "看病贵"} & set(texts)
    assert any("医共体" in t for t in texts)


def test_nouns_the_tagger_reads_as_verbs_are_kept_whole():
    # 照顾者 (verb + 者) and 照顾压力 (a verb modifying its head) are nouns.
    text = (
        "照顾者的心声\n\n"
        "失智老人的照顾者承受着巨大的照顾压力,主要照顾者多是子女。\n"
        "社区为照顾者提供喘息服务,减轻照顾压力。\n"
        "专家建议照顾者定期体检,照顾压力过大时及时求助。"
    )
    texts = texts_of(text)
    assert "照顾者" in texts or "主要照顾者" in texts
    assert any("照顾压力" in t for t in texts)
    # 诊所 is a verb to the dictionary: a clinic's name was cut to "城关区方田".
    clinic = (
        "医保基金违规使用典型案例\n\n"
        "城关区方田诊所涉嫌虚构医疗服务,骗取医保基金1.2万元。\n"
        "医保部门对城关区方田诊所作出解除服务协议的处理。"
    )
    assert "城关区方田诊所" in texts_of(clinic)
    # ... and "以…为例" frames an example: "乡村诊所为例" is no phrase.
    example = (
        "基层医疗服务能力研究\n\n"
        "本文以某县乡村诊所为例,分析基层医疗服务能力。\n"
        "以某县乡村诊所为例,村医数量不足,乡村诊所设备老化。"
    )
    assert not any(t.endswith("为例") for t in texts_of(example))


def test_a_division_is_a_place_whatever_the_tagger_reads():
    # The tagger reads 介休市 as a verb and cuts 三明市 in two; both are places.
    text = (
        "介休市推进紧密型县域医共体建设\n\n"
        "介休市组建县域医共体,统一管理全市乡镇卫生院的人员和药品。\n"
        "介休市还借鉴三明市的经验,推进医保基金打包付费,结余留用。\n"
        "三明市的做法在介休市落地,县域内就诊率达到90%。"
    )
    assert "介休市" in texts_of(text)


def test_the_place_is_a_subject_an_example_place_is_not():
    national = (
        "国家医保局推进DRG/DIP支付方式改革\n\n"
        "国家医保局推进DRG/DIP支付方式改革,到2024年底全国所有统筹地区全部开展支付方式改革。\n"
        "各省陆续印发三年行动计划,福建提出按病组付费覆盖所有医疗机构。\n"
        "福建的行动计划明确,福建各统筹地区年底前完成系统建设。\n"
        "DRG/DIP支付方式改革将促使医疗机构加强成本管理,医保基金使用效率进一步提高。\n"
        "国家医保局表示,支付方式改革要与医保基金监管协同推进。\n"
        "专家认为,病案首页质量是分组付费的基础,医疗机构要加强病案管理和临床路径管理。\n"
        "按病种分值付费的统筹地区要建立特例单议机制,医疗机构的病案质量决定了病组的准确性。\n"
        "病案管理人员和编码人员短缺,临床路径管理仍需加强,特例单议机制尚待完善。"
    )
    local = national.replace("国家医保局推进DRG/DIP支付方式改革\n", "福建推进DRG/DIP支付方式改革\n", 1)
    as_example, as_subject = texts_of(national), texts_of(local)
    assert "福建" in as_subject[:5]
    assert "福建" not in as_example[:8]


def test_a_date_cut_from_its_number_does_not_open_a_phrase():
    text = (
        "物流业景气指数回升\n\n"
        "中国物流与采购联合会公布,2月份中国物流业景气指数为50.1%,较上月回升5.4个百分点。\n"
        "3月份中国物流业景气指数继续回升,物流运行稳健复苏。\n"
        "4月份中国物流业景气指数保持在扩张区间,物流需求持续恢复。"
    )
    texts = texts_of(text)
    assert "中国物流业景气指数" in texts
    assert not any(t.startswith(("月份", "月")) for t in texts)


def test_a_measure_evidenced_by_a_verb_and_its_object_is_not_named_by_it():
    # "提升基层医疗机构" is evidence of primary-care capacity building, but as a
    # keyphrase it is a verb + noun fragment (GUIDELINES: not 推进医保, 加强医疗).
    text = (
        "某市推进城市医联体建设\n\n"
        "某市组建城市医联体8个,三级医院与社区卫生服务中心结成医联体。\n"
        "医联体内三级医院专家定期到社区坐诊,医联体内检查结果互认。\n"
        "医联体牵头医院将通过进修培训,提升基层医疗机构医务人员的诊疗水平。\n"
        "医联体建设让居民在社区就能看上专家门诊。"
    )
    from medsum.tagger import tag

    doc = doc_of(text)
    assert "primary-care-capacity" in {t.id for t in tag(doc)}
    assert not any(k.text.startswith(("提升", "提高")) for k in keyphrases(doc, n=30))


def test_a_fragment_cut_by_an_acronym_and_honorifics_are_not_keyphrases():
    text = (
        "某市推进按病组(DRG)付费改革\n\n"
        "市医疗保障局召开按病组(DRG)付费2.0工作会议,部署按病组(DRG)付费扩面。\n"
        "省公安厅刑警总队警长高某介绍了打击欺诈骗保的情况,何某女士代表参保群众发言。\n"
        "市医保局对按病组(DRG)付费核心要素进行动态调整,按病组(DRG)付费覆盖全部定点医院。"
    )
    texts = [k.text for k in keyphrases(doc_of(text), n=30)]
    assert "按病" not in texts
    assert not any(t.endswith(("女士", "先生")) or "警长" in t for t in texts)


def test_a_measures_wording_inside_one_of_its_exclusions_does_not_name_it():
    # 强基层 is primary-care capacity, but not inside 加强基层 (the taxonomy's exclusion).
    text = (
        "某县基层医疗卫生服务能力提升行动\n\n"
        "某县加强基层医疗卫生服务能力建设,为乡镇卫生院配备设备。\n"
        "某县加强基层人才队伍建设,招聘医学毕业生120名。\n"
        "全县基层医疗卫生服务能力明显提升,基层就诊率达到65%。\n"
        "某县还将加强基层慢病管理,推动医防融合。"
    )
    assert not any("强基层" in k.text for k in keyphrases(doc_of(text), n=30))


@pytest.mark.parametrize("label", ["【筑梦现代化 共绘新图景·代表委员履职故事】", "【学思想 强党性 重实践 建新功】"])
def test_a_column_label_before_the_headline_is_not_a_subject(label):
    # The label names the site's series, not the article; the title field
    # keeps it as printed.
    text = label + """刘某某:让老百姓享受优质医疗服务

全国政协委员刘某某是一名外科医生,从医三十年。
今年两会,他带来了关于提高医疗服务价格的提案。
刘某某说,手术医生的劳务价值长期被低估,医疗服务价格需要动态调整。
他在基层调研时发现,很多县医院留不住外科医生。
刘某某建议,加快区域医疗中心建设,让群众在家门口看好病。
"""
    doc = doc_of(text)
    assert doc.title.startswith(label)
    assert doc.headline == "刘某某:让老百姓享受优质医疗服务"
    texts = [k.text for k in keyphrases(doc, n=12)]
    assert "医疗服务价格" in texts
    assert not any(w in t for t in texts for w in ("现代化", "图景", "思想", "党性", "实践", "新功"))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "中办 国办印发《关于进一步完善医疗卫生服务体系的意见》\n\n"
            "中共中央办公厅、国务院办公厅印发了《关于进一步完善医疗卫生服务体系的意见》。\n"
            "意见提出,到2025年,医疗卫生服务体系进一步健全,有序就医和诊疗体系建设取得积极成效。\n"
            "意见要求,加快优质医疗资源扩容和区域均衡布局,推进分级诊疗。",
            re.compile("印发$"),
        ),
        (
            "基本药物集中采购全面推开\n\n"
            "目前全国已有25个省完成基本药物集中采购,另有6个省正在推进。\n"
            "25个省的基本药物中标价格平均下降30%,6个省将在年底前完成集中采购。\n"
            "各地基本药物集中采购实行双信封制度。",
            re.compile("^个"),
        ),
        (
            "关于改革医保支付方式提案的答复\n\n"
            "您提出的提案收悉,经商国家卫生健康委、财政部,现答复如下。\n"
            "我局重点推进按病种付费、按疾病诊断相关分组付费,经商国家卫生健康委,逐步建立多元复合式支付方式。\n"
            "经商国家卫生健康委同意,开展按病种分值付费试点。",
            re.compile("^经商"),
        ),
    ],
    ids=["verb-read-as-a-noun", "measure-word-read-as-a-noun", "having-consulted"],
)
def test_words_the_dictionary_misreads_as_nouns_make_no_phrase(text, fragment):
    # The segmenter's dictionary tags 印发 as a noun (nz), and has 个省, 个市 as
    # nouns; a verb and a count after a number are not names.
    assert not any(fragment.search(k.text) for k in keyphrases(doc_of(text), n=12))


def test_the_same_name_with_a_word_inserted_is_said_once():
    from medsum.keywords import _select

    words = {
        "北京长峰医院": ("北京", "长峰", "医院"),
        "北京丰台长峰医院": ("北京", "丰台", "长峰", "医院"),
        "公立医院改革": ("公立", "医院", "改革"),
        "公立医院综合改革": ("公立", "医院", "综合", "改革"),
        "调查组": ("调查组",),
    }
    ranked = [("北京长峰医院", 9.0), ("公立医院综合改革", 8.0), ("北京丰台长峰医院", 7.0),
              ("公立医院改革", 6.0), ("调查组", 5.0)]
    chosen = [p for p, _ in _select(ranked, set(), limit=10, words=words)]
    assert chosen == ["北京长峰医院", "公立医院综合改革", "调查组"]


def test_page_furniture_words_are_never_keyphrases():
    text = ARTICLE + "附件:安平县医共体建设实施方案\n附件:安平县医共体考核办法\n标签: 医共体 三统一\n关联信息\n推荐内容\n"
    # However far down the list: every phrase worth giving.
    phrases = {k.text for k in keyphrases(clean(read_text(text)), n=100)}
    assert not phrases & {"附件", "标签", "关联信息", "内容", "推荐内容"}


def test_an_adverb_the_dictionary_reads_as_a_noun_never_ends_a_phrase():
    from medsum.keywords import _well_formed

    # jieba tags 全面 in "海南州全面推进" as a noun.
    assert ("全面", "n") in tag_words("海南州全面推进紧密型县域医共体建设")
    assert not _well_formed((("海南州", "ns"), ("全面", "n")), stopwords())
    assert _well_formed((("海南州", "ns"), ("卫生健康委", "nt")), stopwords())


def test_a_persons_name_the_dictionary_cuts_is_read_whole():
    from medsum.keywords import _nominalise

    # The dictionary's cuts, pinned: surname + a place, a name's last character apart.
    assert tag_words("教授蔡江南表示") == [("教授", "n"), ("蔡", "nr"), ("江南", "ns"), ("表示", "v")]
    assert ("蔡江南", "nr") in _nominalise(tag_words("教授蔡江南表示"))
    assert ("陈时中", "nr") in _nominalise(tag_words("政务委员陈时中表示"))
    # A surname the dictionary reads as a word (黄 "yellow") before a given name.
    assert tag_words("院长黄达夫指出")[1:3] == [("黄", "a"), ("达夫", "nrt")]
    assert ("黄达夫", "nr") in _nominalise(tag_words("院长黄达夫指出"))
    # A surname before a title is not a name.
    assert ("李局长", "nr") not in _nominalise(tag_words("李局长表示"))
    # Nor is a space before a name part of it.
    assert ("江宇", "nr") in _nominalise(tag_words("作者:陈秋霖 江宇"))


def test_a_conjunction_glued_to_a_word_and_an_idiom_alone_are_never_keyphrases():
    from medsum.keywords import _is_candidate, _well_formed

    assert ("暨首届", "nt") in tag_words("高峰论坛暨首届院长论坛")
    assert not _is_candidate("暨首届", "nt")
    assert not _well_formed((("独树一帜", "i"),), stopwords())
    assert _well_formed((("三医联动", "i"),), stopwords())  # a term of the domain


def test_a_numbers_measure_word_and_a_towns_suffix_are_read_as_such():
    from medsum.keywords import _is_candidate, _nominalise

    # The dictionary's cuts, pinned: "10/家县/医院", "14/亿人", "清泉/镇".
    assert ("家县", "n") in tag_words("全市10家县医院开通")
    words = _nominalise(tag_words("全市10家县医院开通"))
    assert not any(_is_candidate(w, p) and w.startswith("家") for w, p in words)
    assert not any(_is_candidate(w, p) for w, p in _nominalise(tag_words("覆盖14亿人")))
    assert not _is_candidate("一人", "n")
    assert ("清泉镇", "ns") in _nominalise(tag_words("清泉镇公立中心卫生院"))


def test_a_levels_name_before_a_generic_institution_makes_it_the_articles_own():
    from medsum.keywords import _nominalise

    # The dictionary's cuts, pinned: "市/卫生健康委", and 人民医院 alone is a stopword.
    assert [w for w, _ in tag_words("市卫生健康委召开会议")][:2] == ["市", "卫生健康委"]
    assert "人民医院" in stopwords()
    assert ("市卫生健康委", "nt") in _nominalise(tag_words("市卫生健康委召开会议"))
    assert ("县人民医院", "nt") in _nominalise(tag_words("县人民医院牵头组建"))
    # A place's own name keeps its institution as it was: no "县" glued twice.
    assert not any(w.startswith("县") for w, _ in _nominalise(tag_words("云梦县人民医院牵头")))


def test_a_templates_blanks_are_never_keyphrases():
    from medsum.keywords import _is_candidate

    assert not _is_candidate("XXX", "eng")
    assert not _is_candidate("X%", "eng")
    assert _is_candidate("DRG", "eng")


def every_phrase(text: str) -> set[str]:
    """Every keyphrase worth giving for ``text``, however far down the list."""
    return {k.text for k in keyphrases(clean(read_text(text)), n=100)}


def test_a_word_common_in_any_text_is_no_keyphrase_alone():
    # Written for this test: a short study whose few candidates would be filled
    # with the words every report uses (分析, 影响, 建议).
    text = (
        "定点药店纳入门诊统筹的影响分析\n\n"
        "目的:分析定点药店纳入门诊统筹对参保人的影响。\n"
        "结果:门诊统筹政策的影响较大,定点药店的影响较小。\n"
        "建议:完善门诊统筹政策,加强定点药店管理,分析影响并提出建议。\n"
        "讨论:定点药店纳入门诊统筹的必要性和积极性,门诊统筹的必要性。\n"
    )
    phrases = every_phrase(text)
    assert "门诊统筹" in phrases and "定点药店" in phrases
    assert not phrases & {"分析", "影响", "建议", "必要性", "积极性"}


def test_the_former_name_of_the_health_commission_stays_whole():
    # 卫计委 (卫生和计划生育委员会, before 2018) is one word, not 县卫 + 计委.
    assert ("卫计委", "nz") in tag_words("卫计委要求")
    text = "某县卫计委推进家庭医生签约\n\n县卫计委要求各乡镇卫生院组建家庭医生团队。县卫计委将签约率纳入考核。\n"
    phrases = every_phrase(text)
    assert not any(p.startswith("计委") for p in phrases)


def test_taiwans_and_hong_kongs_health_bodies_stay_whole():
    # Without them in the vocabulary: 卫生 + 福利部, 医院 + 管理局.
    for body in ("卫生福利部", "卫福部", "健保署", "医院管理局", "医管局"):
        assert body in [w for w, _ in tag_words(body + "表示将检讨")]
    text = "卫生福利部推动分级医疗\n\n卫生福利部表示,将调整医学中心门诊部分负担。卫生福利部同时检讨健保给付。\n"
    assert "福利部" not in every_phrase(text)


def test_a_verbal_noun_alone_names_an_activity_not_a_subject():
    # Written for this test: 评估, 监测 and 培训 are said again and again, but
    # what the article indexes is the programme they serve.
    text = (
        "某市开展家庭医生签约服务质量评估\n\n"
        "市卫健委组织家庭医生签约服务质量评估。评估覆盖全市社区卫生服务中心,监测签约居民的慢病管理情况。\n"
        "评估结果显示,家庭医生签约服务的监测指标全部达标。市卫健委将加强培训,培训家庭医生300名。\n"
    )
    phrases = every_phrase(text)
    assert not phrases & {"评估", "监测", "培训"}
    assert any("家庭医生" in p for p in phrases)


def test_taiwans_health_insurance_is_a_subject():
    # 健保 (Taiwan's national health insurance) is tagged a verbal noun; it is a domain word.
    assert ("健保", "nz") in tag_words("健保给付调整")


def test_a_year_glued_to_the_next_word_and_a_reports_name_are_no_keyphrases():
    # The dictionary reads 2021年区卫计局 as 2021 + 年区 + 卫计局.
    text = "2021年区卫计局今年工作总结明年工作安排文稿今年以来,区卫计局围绕区委中心工作,推进紧密型医共体建设,区卫计局完成全年目标。\n"
    phrases = every_phrase(text)
    assert not any(p.startswith("年") or p in ("总结", "文稿", "工作总结") for p in phrases), phrases


def test_the_hospital_saying_we_and_an_officials_title_are_no_keyphrases():
    text = (
        "某医院推进紧密型医联体建设\n\n"
        "我院与县人民医院组建紧密型医联体,我院专家每周下沉坐诊。医院党委书记李某某表示,我院将继续推进医联体建设。\n"
        "我院医联体内双向转诊患者达1200人次。\n"
    )
    phrases = every_phrase(text)
    assert "我院" not in phrases and not any("党委书记" in p for p in phrases), phrases


@pytest.mark.parametrize(
    "text, name",
    [
        ("南华大学附属第二医院与衡阳县人民医院签约", "南华大学附属第二医院"),
        ("郑州大学第一附属医院专家团队", "郑州大学第一附属医院"),
        ("由贵州医科大学附属医院牵头", "贵州医科大学附属医院"),
        ("上海交通大学医学院附属仁济医院派出专家", "上海交通大学医学院附属仁济医院"),
        ("山东第一医科大学附属省立医院派出专家", "山东第一医科大学附属省立医院"),
    ],
)
def test_a_hospital_named_after_its_university_is_read_whole(text, name):
    from medsum.keywords import _nominalise

    # The dictionary cuts the name at 附属 (an attribute, b); the university alone
    # names another institution.
    assert ("附属", "b") in tag_words(text)
    assert (name, "nt") in _nominalise(tag_words(text))
    assert not any("附属" in w and w != name for w, _ in _nominalise(tag_words(text)))


def test_a_university_hospital_said_twice_is_one_keyphrase_and_its_university_none():
    text = (
        "南华大学附属第二医院与衡阳县人民医院共建紧密型医联体\n\n"
        "6月27日,南华大学附属第二医院与衡阳县人民医院举行紧密型医联体签约仪式。"
        "南华大学附属第二医院将通过技术帮扶、远程会诊等形式支持衡阳县人民医院。\n"
    )
    phrases = every_phrase(text)
    assert "南华大学附属第二医院" in phrases and "南华大学" not in phrases, phrases


def test_who_a_story_has_and_its_event_words_are_no_keyphrases():
    # Written for this test: a hospital's festival story, whose repeated nouns
    # are its people and props, not its subjects.
    text = (
        "某市第三人民医院开展护士节慰问活动\n\n"
        "5月12日,某市第三人民医院开展护士节慰问活动,全院职工观看护理微电影,参加护理技能大赛。\n"
        "医院领导为护士送上礼品和慰问信,向全院职工和家属致以节日祝福。\n"
        "大赛视频在医院官网播放,职工和家属纷纷点赞,民众和病患也送来祝福。\n"
    )
    phrases = every_phrase(text)
    assert "护士节" in phrases
    assert not phrases & {"职工", "全院", "家属", "礼品", "大赛", "视频", "民众", "病患"}, phrases
    # Nor are a document's parts (总则, 附则) or a case file's props (字样, 电脑).
    notice = (
        "某市基本医疗保险按病种分值付费结算办法\n\n"
        "第一章 总则\n第一条 为深化医保支付方式改革,制定本办法。按病种分值付费覆盖全市定点医疗机构。\n"
        "第二章 附则\n第二条 执法人员在诊所电脑上发现刻有“某某”字样的印章,按病种分值付费结算办法另行规定。\n"
        "第三条 本办法由市医疗保障局负责解释,总则和附则同时施行,电脑结算系统同步上线。\n"
    )
    assert not every_phrase(notice) & {"总则", "附则", "字样", "电脑"}


def test_praise_and_procedure_the_dictionary_reads_as_nouns_are_no_keyphrases():
    from medsum.keywords import _is_candidate, _nominalise

    # The dictionary's readings, pinned: 充分肯定 nz, 提出申请 n, 按规定 l, 提质 n.
    words = dict(tag_words("领导充分肯定了成绩,参保人按规定提出申请,推动提质增效"))
    assert words["充分肯定"] == "nz" and words["提出申请"] == "n" and words["提质"] == "n"
    nominal = _nominalise(tag_words("领导充分肯定了成绩,参保人按规定提出申请,推动提质增效"))
    assert not any(_is_candidate(w, p) for w, p in nominal if w in ("充分肯定", "提出申请", "按规定", "提质"))
    # People addressed, or a fragment of them, are not subjects either.
    assert not _is_candidate("友们", "n") and not _is_candidate("同志们", "n")


def test_a_speaker_with_his_office_every_place_of_a_kind_and_a_meetings_chores_are_no_keyphrases():
    from medsum.keywords import _is_candidate, _nominalise

    # Written for this test: a county's reform meeting, its speakers and its exhortations.
    text = (
        "某县召开全县医改推进大会\n\n"
        "12月21日,某县召开全县医改推进大会,县委书记王某文出席并讲话,副县长张某虎主持会议。\n"
        "县委书记王某文强调,各乡镇要形成推进医改的强合力,全力实施医疗人才培养行动。\n"
        "副县长张某虎对医改工作进行部署,要求各乡镇全力抓好落实,医疗人才培养行动年内落地。\n"
    )
    phrases = every_phrase(text)
    assert not any("县委书记" in p or "副县长" in p for p in phrases), phrases
    assert not phrases & {"各乡镇", "合力", "全力", "部署", "主持会议", "落地"}, phrases
    # The dictionary's readings, pinned: 各乡镇 ns, 主持会议 n, 落地 n.
    words = dict(tag_words(text))
    assert words["各乡镇"] == "ns" and words["主持会议"] == "n" and words["落地"] == "n"
    assert not any(_is_candidate(w, p) for w, p in _nominalise(tag_words(text)) if w in ("各乡镇", "主持会议", "落地"))


def test_taiwans_payment_words_stay_whole():
    words = [w for w, _ in tag_words("健保由论量计酬改为论人计酬,住院诊断关联群扩大实施,健保点值下滑")]
    assert {"论量计酬", "论人计酬", "住院诊断关联群", "健保点值"} <= set(words), words


def test_the_law_a_text_acts_under_is_not_its_subject():
    text = (
        "某镇卫生院章程\n\n"
        "为规范卫生院运行与管理,根据《中国共产党章程》《中国共产党机构编制工作条例》等规定,结合实际,制定本章程。\n"
        "卫生院实行党组织领导下的院长负责制,是医共体成员单位。卫生院承担基本医疗和基本公共卫生服务。\n"
    )
    phrases = every_phrase(text)
    assert not any("中国共产党章程" in p or "工作条例" in p for p in phrases), phrases


def test_the_paper_a_text_is_from_and_a_meetings_attendance_are_no_keyphrases():
    text = (
        "某市召开紧密型医联体建设推进会\n\n"
        "来源:某某日报海外版\n"
        "5月23日,某市召开紧密型医联体建设推进会,副市长李某某出席会议。某某日报海外版记者从会上获悉,全市医联体建设全部投用。\n"
        "李某某出席会议时强调,要大力开展基层医联体建设,推动某某日报海外版报道的经验在全市推广。\n"
        "全市紧密型医联体覆盖全部乡镇卫生院,某某日报海外版将持续关注。\n"
    )
    phrases = every_phrase(text)
    assert not any("日报海外版" in p or "出席会议" in p or p.startswith(("大力", "全部")) for p in phrases), phrases


def test_a_compounds_one_character_head_and_a_place_named_twice():
    from medsum.keywords import _nominalise

    # The dictionary's readings, pinned: 医疗 + 券 and 新生儿 + 科 are cut apart.
    assert [w for w, _ in tag_words("长者医疗券计划")] == ["长者", "医疗", "券", "计划"]
    nominal = [w for w, _ in _nominalise(tag_words("医院新生儿科,长者医疗券计划"))]
    assert "医疗券" in nominal and "新生儿科" in nominal, nominal
    text = (
        "某省推广长者医疗券\n\n"
        "从福建三明到湖南湘潭,医改经验在湘潭生根开花。\n"
        "湘潭市学习借鉴三明医改经验,长者医疗券覆盖全市,医疗券可在社区卫生服务中心使用。\n"
        "湘潭市医疗券使用人次逐年上升,湖南湘潭的医疗券做法受到关注。\n"
        "湘潭市卫生健康委表示,医疗券将继续扩面。\n"
    )
    phrases = [p.text for p in keyphrases(clean(read_text(text)))]
    assert any("医疗券" in p for p in phrases), phrases
    assert sum(1 for p in phrases if p in ("湘潭", "湘潭市", "湖南湘潭")) == 1, phrases
    assert not any(p.startswith(("借鉴", "学习")) for p in phrases), phrases


def test_verbs_the_dictionary_reads_as_nouns_are_no_keyphrases():
    from medsum.keywords import _is_candidate, _nominalise

    text = "高血压患者饮食要牢记五字诀,各地全面压实责任,致力于织密基金监管网,责令整改"
    # The dictionary's readings, pinned: these verbs are nouns there.
    words = dict(tag_words(text))
    assert all(words[w] == "n" for w in ("牢记", "压实", "致力于", "责令")), words
    assert not any(_is_candidate(w, p) for w, p in _nominalise(tag_words(text)) if w in ("牢记", "压实", "致力于", "责令"))


def test_capitalised_english_words_are_no_keyphrases_but_acronyms_are():
    from medsum.keywords import _is_candidate

    assert _is_candidate("DRG", "eng") and _is_candidate("CHS-DRG", "eng") and _is_candidate("Tw-DRGs", "eng")
    assert not any(_is_candidate(w, "eng") for w in ("China", "Chuang", "The", "School", "drg"))


def test_a_documents_number_is_no_keyphrase_nor_are_its_parts():
    # Written for this test: a notice that cites its number in the title and lead.
    text = (
        "某省人民政府办公厅关于推进分级诊疗制度建设的实施意见(某政办发〔2016〕49号)\n\n"
        "为贯彻落实《国务院办公厅关于推进分级诊疗制度建设的指导意见》(国办发〔2015〕70号),"
        "结合我省实际,现就推进分级诊疗制度建设提出如下意见。\n"
        "到2017年,分级诊疗政策体系逐步完善,基层医疗卫生机构诊疗量占总诊疗量比例明显提升。\n"
        "到2020年,分级诊疗服务能力全面提升,基本建立符合省情的分级诊疗制度。\n"
    )
    phrases = [k.text for k in keyphrases(clean(read_text(text)), n=12)]
    assert phrases and not any("〔" in p or p.endswith("发") for p in phrases)


def test_a_drugs_name_keeps_its_last_character():
    # The dictionary leaves 肽 apart from 替尔泊: a one-character head glued back.
    text = (
        "GLP-1药物市场快速增长\n\n"
        "司美格鲁肽、替尔泊肽纳入医保目录后,GLP-1类药物的市场规模持续扩大。\n"
        "替尔泊肽在国内获批用于长期体重管理,替尔泊肽的销量增长明显。\n"
        "分析认为,替尔泊肽和司美格鲁肽将主导减重药物市场。\n"
    )
    phrases = [k.text for k in keyphrases(clean(read_text(text)), n=10)]
    assert "替尔泊肽" in phrases and "替尔泊" not in phrases


SHORT_ITEM = """某县推行“先诊疗后付费”服务

某县人民医院推行“先诊疗后付费”服务。患者入院时无需缴纳住院押金,出院时在病区护士站一站式结算。县医保局负责人表示,“先诊疗后付费”还将推广到全县乡镇卫生院,并与家庭医生签约服务衔接。
"""


def test_a_short_item_is_filled_up_from_compounds_it_says_once():
    # Three phrases recur or are featured; the brief goes on with the
    # compounds said once (住院押金), ranked below them, never a word alone.
    from medsum.keywords import subjects

    doc = doc_of(SHORT_ITEM)
    phrases = keyphrases(doc, n=12)
    regular = subjects(doc, n=12)
    assert phrases[: len(regular)] == regular
    reserve = phrases[len(regular):]
    assert "住院押金" in [k.text for k in reserve]
    assert max(k.score for k in reserve) < min(k.score for k in regular)
    assert all(k.count == 1 and len(tag_words(k.text)) > 1 for k in reserve)
    assert "先诊疗后付费" in [k.text for k in regular]
    assert_invariants(doc, phrases)


def test_a_notices_addressees_are_not_its_subjects():
    """The line a notice is sent to (各省、自治区、直辖市…:) names no subject of it."""
    doc = doc_of(
        "关于开展制定医院章程试点工作的指导意见\n\n"
        "各省、自治区、直辖市及新疆生产建设兵团卫生计生委、中医药管理局:\n\n"
        "为贯彻落实国务院办公厅关于建立现代医院管理制度的指导意见,现就开展制定医院章程试点工作提出如下意见。\n"
        "医院章程是公立医院依法自主办院、实施管理的基本纲领,试点医院要在2018年底前完成医院章程制定工作。\n"
        "试点医院要以医院章程为统领,建立健全现代医院管理制度,医院章程试点工作由省级卫生计生行政部门组织实施。\n"
    )
    phrases = [k.text for k in keyphrases(doc, n=20)]
    assert any("医院章程" in p for p in phrases)
    for addressee in ("新疆生产建设兵团", "直辖市", "自治区", "中医药管理局"):
        assert not any(addressee in p for p in phrases), (addressee, phrases)



@pytest.mark.parametrize(
    "line, addressees",
    [
        ("各省、自治区、直辖市及新疆生产建设兵团卫生健康委、中医药管理局:", True),
        ("各区人民政府,市府各委办局,市各直属单位:", True),
        ("各县(区)医保局、财政局、卫健局,市医保中心、市管定点医疗机构:", True),
        # A directive says what to do, and its words can be subjects (a review).
        ("各区卫生健康部门要把家庭医生签约服务和慢性病长处方作为下半年工作重点,围绕高血压、糖尿病患者提供连续性健康管理服务:", False),
        ("各地要抓好以下工作:", False),
        ("各位代表:", False),
    ],
)
def test_a_notices_addressees_and_lines_that_only_look_like_them(line, addressees):
    from medsum.clean import ADDRESSEES

    assert bool(ADDRESSEES.match(line)) is addressees
