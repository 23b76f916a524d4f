"""Keyphrases: the article's subjects, from TextRank and what a reform brief indexes.

1. Words: the title and sentences are segmented (``segment``, with the
   domain's vocabulary kept whole) and cut into clauses at punctuation.
   Nouns, names, abbreviations, Latin acronyms and domain words are
   candidates.
2. TextRank (Mihalcea & Tarau 2004): PageRank over a co-occurrence graph of
   the candidate words that are not the genre's generic words
   (``data/stopwords.txt``), linked within a window inside one clause.
3. Phrases: runs of adjacent candidate words inside a clause (at most four
   words, twelve characters) that start and end on a content word; a phrase
   of several words must recur or appear in the title or a heading. A
   phrase scores by its words' rank (a root of it: one dominant word must
   not lift every phrase that contains it), their specificity (IDF in
   general text, ``data/idf.txt``: 启动, 标准 or 合作 name nothing, and the
   commonest, 分析 or 影响, are no keyphrase alone, nor is a verbal noun such as
   评估 or 监测), how often
   it recurs, how much of a unit it is (its count against its commonest
   word's), whether it is made of the domain's own terms, and where it
   stands (title, headings, lead). Institutions count even when named
   once (医保事业管理中心); the place is a subject however common its name;
   a person quoted (a name the headline does not carry) is not. A phrase
   that mostly occurs inside a longer one is discounted (the nested-term
   correction of C-value, Frantzi, Ananiadou & Mima 2000).
4. What TextRank alone misses: the reform measures the article reports, in
   its own wording (the tagger's matches; one wording per measure, weighted
   by how central the measure is), and programmes it names in quotation
   marks (“固脚强腰”, “三高六病”).
5. Selection: best first, skipping a phrase that contains or is contained in
   one already chosen (so 医共体 and 紧密型县域医共体 never both appear) or
   that repeats the main word of one ("带量采购品种" after "药品带量采购"); a
   more specific phrase replaces shorter ones it contains when it is nearly
   as strong ("长春市卫生健康委" for "长春市"). Ties go to the phrase seen first.
   A short item that yields fewer than twelve phrases this way is filled up
   from the compounds it says once, after every other phrase (``subjects``
   gives the list without them, for the summary).

The weights were set on the dev gold and on a second set of pages labelled
by hand in the same way; the vocabulary they rely on is the genre's, never
one article's.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from medsum.clean import ADDRESSEES, DOCUMENT_NUMBER, to_simplified
from medsum.document import Document
from medsum.rank import Sparse, pagerank
from medsum.results import Keyphrase

WINDOW = 5
MAX_PHRASE_WORDS = 4
MAX_PHRASE_CHARS = 12
#: A reported measure's wording scores at least (MEASURE_BASE + MEASURE_GAIN x
#: its tag score relative to the top tag) x the best phrase score, and its
#: own phrase score is raised by MEASURE_MULT x the same relative score.
MEASURE_BASE = 0.1
#: Preference for the measure's own label among its wordings (see ``_surface``).
LABEL_W = 1.5
MEASURE_GAIN = 1.1
MEASURE_MULT = 1.0
#: A longer phrase replaces a chosen one it contains at this share of its score.
SPECIFIC_RATIO = 0.7
#: IDF at which a word counts as entirely generic (see ``_specificity``).
SPEC_LOW = 6.0
SPEC_POWER = 1.0
#: A single word this generic in general text (分析, 影响, 建议, 活动: IDF below 6.6)
#: is no keyphrase alone, unless it is a name, a place or a domain term. Such words
#: filled the lists of short texts; the containment match scored a few of them
#: (活动 in 义诊活动), a reader none.
SINGLE_MIN_SPEC = 0.2
#: A phrase of several words must occur this often (or in the title or a heading).
MIN_COUNT = 2
#: Single words said once are not subjects either (unless domain terms).
SINGLE_ONCE_OUT = True
#: Bonus per extra word of a phrase: a compound names something more exactly.
WORD_BONUS = 0.2
#: Scale of the weights of quoted programmes (see ``_quoted_programmes``).
QUOTE_WEIGHT = 1.0
#: Phrases made of the domain's own terms (the taxonomy and vocab.txt) name
#: reform subjects.
DOMAIN_BONUS = 3.0
#: Institutions (a name ending in 医院, 卫健委, 办公室, ...) are subjects.
ORG_BONUS = 1.3
#: A person's name ("nr" alone) is a subject only when the headline names the
#: person; elsewhere it is the expert or official quoted, and scores at this share.
PERSON_SHARE = 0.2
#: Specificity of a place name, however common in general text (上海, 广东省):
#: the place an article is about is one of its subjects.
PLACE_SPEC = 0.8
#: The place itself (a place name alone) is one of the subjects a brief indexes:
#: the place the article is about, or one its headline names.
PLACE_BONUS = 2.0
#: Where a phrase stands: the headline and the lead say what the article is about.
TITLE_BONUS = 1.6
LEAD_BONUS = 1.15
#: Exponent of a compound's cohesion (see ``_cohesion``).
COHESION_POWER = 0.5
#: TextRank scores are skewed (the place name can score fifteen times the
#: mean); a root keeps one word's centrality from swamping every phrase.
RANK_POWER = 0.4

_NOUNISH = ("n", "nr", "ns", "nt", "nz", "nl", "ng", "vn", "eng", "j", "l", "i", "an")
_NAMES = ("nr", "ns", "nt")
_PUNCT = re.compile(r"^[\W_]+$")
_NUMERIC = re.compile(r"^[\d.%％]+$|^\d|^[一二两三四五六七八九十百千万]+[个人名位家项次批]$")
_ORDINAL = re.compile(r"^第[一二三四五六七八九十\d]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z\-]*$")
_PLACEHOLDER = re.compile(r"^[XxＸ]+%?$")
_BAD_EDGE = frozenset("的之和与及或等在对为以将把被了着过是有")
_BAD_END = frozenset("内中下上里外副")  # locatives: "医联体内"; a title's 副 cut from its office ("陈某某副")
#: A news outlet's name (not an issuing body's, which may be what a notice is about).
_NEWS_OUTLET = re.compile(r"(?:报|网|社|台|新闻|日报|晚报|海外版|客户端|周刊)$")
_BAD_START = frozenset("由从向")  # prepositions glued to a name: "由市人民医院"
#: Units of a date cut off from its number ("2月份中国物流业景气指数"): never
#: the first word of a phrase.
_DATE_UNITS = frozenset("年 月 日 号 月份 年度 季度 年初 年底 月底 上旬 中旬 下旬".split())
#: Words that place a phrase ("全市", "本市") rather than name anything.
_DEICTIC = frozenset("全市 全省 全区 全县 全国 全镇 全乡 本市 本省 本区 本县 我区 我县 地方 各地".split())
#: Heads that add nothing to what they follow ("医改工作", "医共体建设工作").
_EMPTY_HEADS = frozenset(
    "工作 问题 方面 情况 基础 任务 要求 过程 阶段 时期 期间 层面 环节 作用 意义 成效 效果 举措 措施 现场 活动 会议 相关 消息 新闻 快讯 发布会 新闻发布会 总结 工作总结 文稿"
    # Adverbs the dictionary tags as nouns: "海南州全面(推进)".
    " 全面 整体 进一步 积极 有效 持续 不断 逐步".split()
)
#: Titles of office: a phrase holding one is a byline or a person's title
#: ("卫健委主任王某"), never a subject.
_TITLES = frozenset(
    """局长 副局长 司长 副司长 处长 副处长 院长 副院长 主任 副主任 书记 副书记 委员 教授 记者 顾问 首席
    总监 会长 副会长 董事长 总经理 总编辑 部长 副部长 厅长 市长 副市长 县长 区长 省长 总理 主席 所长
    科长 组长 负责人 创始人 秘书长 研究员 主任医师 护士长 主任委员 副主任委员 主持人 嘉宾 医生 代表 警长 队长 女士 先生
    委员长 党组书记 党委书记 党委副书记 纪委书记 调研员 化名
    县委书记 市委书记 区委书记 省委书记 副区长 副县长 副镇长 副乡长 副省长 镇长 乡长""".split()
)
#: A word that ends on an office ("县委书记", "副县长", "市卫健委主任").
_OFFICE = re.compile(r"(?:书记|局长|县长|市长|区长|省长|镇长|乡长|主任|院长|部长|厅长|处长|科长|司长|主席)$")
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』,，。；;、:：!?！？]{2,12})[”\"」』]")
_QUOTE_OK = re.compile(r"^[\u3400-\u9fffA-Za-z0-9+]+$")
#: Heads of institution names: a name ending in one is a subject in itself.
_ORG_SUFFIX = (
    "医院", "卫生院", "卫健委", "卫生健康委", "卫生健康委员会", "卫健局", "卫生健康局", "医保局",
    "保障局", "中心", "集团", "大学", "学院", "研究院", "协会", "办公室", "医改办", "委员会", "国务院",
    "管理司", "管理部", "管理局", "卫生局", "统计局", "办公厅", "监委", "海关",
)
#: A compound said once scores at this share when it names an institution
#: ("医保事业管理中心", "国务院办公厅"): news of the reform names the bodies
#: that act once, in passing. (Letting once-said compounds built on a domain
#: term through as well did not help, and crowded out measures.)
ONCE_ORG = 0.5
#: A short article whose repeated words yield fewer than FILL_TO phrases is
#: filled up from the compounds it says once ("量价挂钩", "定点机构协议管理"),
#: scored as if they recurred and ranked below every regular phrase (at most
#: FILL_SHARE of the weakest one's score). A brief gives 8-12 keyphrases; on
#: 128 hand-labelled pages these compounds matched a labeller's keyphrase
#: 58% of the time, single words said once only 30%, so words are left out.
FILL_TO = 12
FILL_SHARE = 0.5


@dataclass(frozen=True)
class _Phrase:
    text: str
    words: tuple[str, ...]
    count: int  # occurrences as a run of candidate words
    first: int  # order of first occurrence
    title: bool
    heading: bool
    lead: bool
    named: bool  # contains a place, person or organisation name
    org: bool = False  # ends on an organisation's name (tagged nt)
    person: bool = False  # a person's name alone (tagged nr)
    places: frozenset[str] = frozenset()  # its words tagged as place names (ns)


def keyphrases(doc: Document, *, n: int = 10) -> tuple[Keyphrase, ...]:
    """The ``n`` best keyphrases of a document, best first."""
    if n <= 0:
        return ()
    return _ranked(doc)[0][:n]


def subjects(doc: Document, *, n: int = 10) -> tuple[Keyphrase, ...]:
    """The ``n`` best keyphrases the article repeats or features (not the reserve said once)."""
    ranked, regular = _ranked(doc)
    return ranked[: max(0, min(n, regular))]


@lru_cache(maxsize=8)
def _ranked(doc: Document) -> tuple[tuple[Keyphrase, ...], int]:
    """Every keyphrase worth giving, best first, and how many precede the reserve."""
    from medsum.segment import stopwords

    stop = stopwords()
    clauses = _clauses(doc)
    if not clauses:
        return (), 0
    word_rank = _word_rank(clauses, stop)
    phrases = _phrases(clauses, stop)
    own_places = _own_places(doc)
    scores = {
        p.text: _score(p, word_rank, stop, own_places) * _cohesion(p, phrases, stop) for p in phrases.values()
    }
    unscored = [p for p in phrases.values() if scores[p.text] <= 0]
    scores = {p: s for p, s in scores.items() if s > 0}
    _discount_nested(scores, phrases)
    body = doc.text + "\n" + (doc.title_simplified or "")
    outside = DOCUMENT_NUMBER.sub("\n", body)

    def numbered(text: str) -> bool:
        # A part of a document's number ("国发", "政办发") is said nowhere else.
        return outside != body and text in body and text not in outside

    scores = {p: s for p, s in scores.items() if not numbered(p)}
    top = max(scores.values(), default=1.0)

    quoted = _quoted_programmes(doc, stop)
    quoted.update(_cited_documents(doc))
    for text, weight in quoted.items():
        scores[text] = max(scores.get(text, 0.0), top * weight)

    fixed = set()
    for text, weight in _measure_terms(doc):
        own = scores.get(text, 0.0)
        scores[text] = max(own * (1.0 + MEASURE_MULT * weight), top * (MEASURE_BASE + MEASURE_GAIN * weight))
        fixed.add(text)
    outlet = doc.metadata.source and to_simplified(doc.metadata.source)
    places = frozenset()
    if outlet and _NEWS_OUTLET.search(outlet):
        from medsum.places import place_names

        places = place_names()
    else:
        outlet = None

    def outlets(text: str) -> bool:
        # The paper the text is from is in the brief's source, not a subject (nor is a part of its name).
        return bool(outlet) and (text == outlet or (len(text) >= 3 and text in outlet and text not in places))

    scores = {t: s for t, s in scores.items() if not outlets(t)}
    order = {p.text: p.first for p in phrases.values()}

    def best_first(items: dict[str, float]) -> list[tuple[str, float]]:
        return sorted(items.items(), key=lambda kv: (-kv[1], order.get(kv[0], 1 << 30), kv[0]))

    words = {p.text: p.words for p in phrases.values()}
    chosen = _select(best_first(scores), fixed, limit=30, words=words)
    regular = len(chosen)
    if regular < FILL_TO:
        # A short item: the compounds it says once, scored as if they recurred (only
        # worked out here, as most articles never need them); they rank below every
        # phrase chosen and never replace one.
        spare = {
            p.text: score
            for p in unscored
            if len(p.words) > 1 and not numbered(p.text) and not outlets(p.text)
            and (score := _score(p, word_rank, stop, own_places, min_count=1) * _cohesion(p, phrases, stop)) > 0
        }
        scale = FILL_SHARE * min(s for _, s in chosen) / max(spare.values()) if chosen and spare else 1.0
        for phrase, score in best_first(spare):
            if len(chosen) >= FILL_TO:
                break
            texts = [c for c, _ in chosen]
            if not any(phrase in c or c in phrase for c in texts) and not _repeats(phrase, texts, words):
                chosen.append((phrase, score * scale))
    plain = _clean_term(body)
    return tuple(
        # Occurrences as written, or without quotation marks ("三医协同" in “三医”协同).
        Keyphrase(text=p, score=round(s, 6), count=body.count(p) or plain.count(p))
        for p, s in chosen
    ), regular


# --------------------------------------------------------------------------
# Words and clauses


def _clauses(doc: Document) -> list[tuple[str, int, list[tuple[str, str]]]]:
    """(kind, sentence index, tagged words) per clause; kind is title/heading/lead/body."""
    from medsum.segment import tag_words

    # A notice's addressees (各省、自治区、直辖市…卫生健康委:) are whom it is sent to, not its subject.
    sentences = [s for s in doc.sentences if not ADDRESSEES.match(s.text)]
    body = [s for s in sentences if not s.heading]
    lead = {s.index for s in body[:3]}
    units: list[tuple[str, int, str]] = []
    if doc.headline:
        units.append(("title", -1, doc.headline))
    for s in sentences:
        kind = "heading" if s.heading or len(s.text) <= 20 else ("lead" if s.index in lead else "body")
        units.append((kind, s.index, s.text))
    out = []
    for kind, index, text in units:
        clause: list[tuple[str, str]] = []
        tagged = tag_words(text)
        if "/" in text:
            tagged = _join_latin(tagged)
        for word, pos in _nominalise(tagged):
            if not word.strip() or _PUNCT.match(word):
                if clause:
                    out.append((kind, index, clause))
                clause = []
            else:
                clause.append((word, pos))
        if clause:
            out.append((kind, index, clause))
    return out


#: Heads that a verb can modify without governing them: 照顾压力, 安养机构, 采购目录.
_MODIFIED_HEADS = frozenset(
    "压力 机构 平台 中心 制度 机制 体系 模式 目录 指标 标准 基地 队伍 网络 流程 系统 清单 费用".split()
)


#: Verbs that the segmenter's dictionary tags as nouns (印发 is nz there): "国办印发"
#: is not a name, nor is a reply's "经商国家卫生健康委" ("having consulted"), nor
#: 充分肯定, 提出申请, 按规定, 提质 (提质增效).
_VERBS_READ_AS_NOUNS = frozenset(
    ("印发", "经商", "充分肯定", "提出申请", "按规定", "提质", "主持会议", "出席会议", "落地", "上路", "大力开展", "大力", "全部",
     "牢记", "压实", "致力", "致力于", "聚力", "发力", "投身", "重塑", "重构", "杜绝", "责令", "守门", "织密", "加码",
     "入局", "破圈", "破局", "刷卡", "破茧", "突围")
)
#: How an event ends or is held, in a word the dictionary reads as a noun: "圆满结束",
#: "顺利完成", "隆重召开" ("在北京圆满结束" is no place's name).
_EVENT_ENDS = ("结束", "完成", "落幕", "闭幕", "开幕", "召开", "举行", "举办")
#: One-character heads of a compound the dictionary leaves apart (医疗券, 新生儿科,
#: 追溯码, 健保署, 基层司, 替尔泊肽): on their own they are no candidates, so the compound
#: would never be one.
_HEAD_CHARACTERS = frozenset("券 码 署 司 科 卡 池 肽".split())
#: ... and a noun it reads as a verb (诊所 is v there): "城关区方田诊所" is one name.
_NOUNS_READ_AS_VERBS = frozenset(("诊所",))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Names of divisions: places whatever the tagger says."""
    from medsum.places import place_names

    return place_names()


@lru_cache(maxsize=1)
def _place_prefixes() -> frozenset[str]:
    """Every beginning of a division's name (三, 三明, 三明市)."""
    return frozenset(name[:k] for name in _place_names() for k in range(1, len(name) + 1))


def _chinese(word: str) -> bool:
    """All Chinese characters (a plain test: a compiled class of them costs a
    millisecond at every start-up)."""
    return bool(word) and all("\u4e00" <= c <= "\u9fff" for c in word)


_MEASURE_WORDS = frozenset("个家名位亿万楼层项所座批类种件次间台张床年月日")
_TOWN_SUFFIXES = frozenset(("镇", "乡", "街道"))
#: Tags the dictionary gives the first two characters of a name it cuts.
_NAME_PARTS = frozenset(("nr", "ng", "nrfg", "nrt"))
#: Surnames the dictionary reads as words (黄 "yellow", 高 "tall", 金 "gold"): one
#: before a given name it tags as a name is the start of that name.
_WORD_SURNAMES = frozenset("黄 白 高 龙 金 马 石 田 方 江 林 叶 何 毛 钱 孔 齐 温 余 武 宋 文 万 常 安 易 洪 雷 甘 左 史 汤 古 景 鲁 牛 丁 苏 陆 任 付 傅 向 于 包".split())
#: A level's one-character name before a generic institution makes it the
#: article's own: 县人民医院, 市卫生健康委, 省药监局 (人民医院 alone is a stopword).
_LEVEL_PREFIXES = frozenset("省市县区镇乡")
_INSTITUTION_HEADS = ("医院", "卫生院", "保健院", "卫生室", "委", "局", "中心", "办", "厅")
_SPEECH_VERBS = frozenset("表示 指出 介绍 说 称 认为 透露 强调 坦言 建议 提出 告诉".split())


def _nominalise(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Read back what the tagger gets wrong for keyphrases.

    A division's name is a place (ns), also when cut in two (三明 + 市) or
    read as a verb (介休市), and so is a town the dictionary does not know
    (清泉 + 镇); a person's name cut in two is one name (蔡 + 江南, 陈时 + 中);
    a number's measure word glued to a noun is a measure word (10 + 家县 +
    医院); verb + 者 is a noun (照顾者); a verb right before a head it modifies
    (照顾压力, 采购目录) is nominal; a verb the dictionary reads as a noun (印发)
    is a verb.
    """
    places = _place_names()
    prefixes = _place_prefixes()
    words = _join_affiliated(words)
    # "以三明市为例" is cut 三明 + 市为例: the frame of the example goes, its place stays whole.
    words = [
        piece
        for w, p in words
        for piece in (((w[:-2], p), ("为例", "x")) if w.endswith("为例") and len(w) > 2 else ((w, p),))
    ]
    merged: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        # Two or three words that spell a division (三明 + 市); the prefix set
        # keeps a long report from joining every pair of words it has.
        pair = words[i][0] + words[i + 1][0] if i + 1 < len(words) else ""
        for span in (3, 2):
            if i + span <= len(words) and pair in prefixes:
                name = pair + words[i + 2][0] if span == 3 else pair
                if name in places:
                    merged.append((name, "ns"))
                    i += span
                    break
        else:
            w, p = words[i]
            merged.append((w, "ns" if w in places and p != "ns" and len(w) >= 3 else p))
            i += 1
    words = merged
    out: list[tuple[str, str]] = []
    skip = False
    for i, (w, p) in enumerate(words):
        if skip:
            skip = False
            continue
        # A person's name the dictionary cuts: surname + given name read as a
        # place (蔡 + 江南), a surname that is also a word before a given name
        # (黄/a + 达夫/nrt), or a name's last character read as a word of its
        # own before the verb of speech (陈时 + 中 + 表示, 张家 + 蓓 + 指出).
        if out and len(out[-1][0]) == 1 and _chinese(w) and len(w) <= 2 and w not in _TITLES and (
            out[-1][1] == "nr" or (out[-1][0] in _WORD_SURNAMES and p in ("nr", "nrt", "nrfg"))
        ):
            out[-1] = (out[-1][0] + w, "nr")
            continue
        if (
            p in _NAME_PARTS and len(w) == 2 and i + 2 < len(words) and len(words[i + 1][0]) == 1
            and _chinese(words[i + 1][0]) and words[i + 2][0] in _SPEECH_VERBS
        ):
            out.append((w + words[i + 1][0], "nr"))
            skip = True
            continue
        if w in _VERBS_READ_AS_NOUNS or (len(w) >= 4 and _chinese(w) and w.endswith(_EVENT_ENDS)):
            p = "v"
        elif w in _NOUNS_READ_AS_VERBS:
            p = "n"
        elif w[:1] in _MEASURE_WORDS and len(w) >= 2 and out and out[-1][1] == "m":
            p = "q"  # "25个省", "10家县医院", "14亿人": a number's measure word glued to a noun
        if (
            w in _TOWN_SUFFIXES and out and len(out[-1][0]) >= 2 and out[-1][1][:1] == "n"
            and _chinese(out[-1][0])
        ):
            out[-1] = (out[-1][0] + w, "ns")  # 清泉 + 镇: a town the dictionary does not know
            continue
        if (
            out and out[-1][0] in _LEVEL_PREFIXES and len(w) >= 2 and w.endswith(_INSTITUTION_HEADS)
            and not (len(out) >= 2 and out[-2][1].startswith(("n", "j")) and _chinese(out[-2][0]))
        ):
            out[-1] = (out[-1][0] + w, "nt")  # 县 + 人民医院, 市 + 医保局: "this county's" institution
            continue
        if (
            w in _HEAD_CHARACTERS and out and len(out[-1][0]) >= 2 and out[-1][1][:1] in ("n", "j")
            and _chinese(out[-1][0]) and out[-1][0] not in _VERBS_READ_AS_NOUNS
        ):
            out[-1] = (out[-1][0] + w, "n")  # 医疗 + 券, 新生儿 + 科, 追溯 + 码: a compound the dictionary cuts
            continue
        if w == "者" and out and out[-1][1][:1] in ("v", "a") and len(out[-1][0]) >= 2:
            out[-1] = (out[-1][0] + w, "n")
            continue
        if p == "v" and len(w) >= 2 and i + 1 < len(words) and words[i + 1][0] in _MODIFIED_HEADS:
            p = "vn"
        out.append((w, p))
    return out


#: A university's name that needs the word before it: 贵州 + 医科大学, 长治 + 医学院.
_GENERIC_SCHOOLS = frozenset("大学 学院 医学院 医科大学 中医药大学 中医学院 医大 卫校 卫生学校".split())
_SCHOOL_ENDS = ("大学", "学院", "医大", "郑大", "浙大", "川大", "卫校")


def _join_affiliated(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A hospital named after its university is one name, which the tagger
    cuts at 附属 (an attribute, b): 南京医科大学 + 附属 + 第一 + 医院,
    上海交通大学 + 医学院 + 附属 + 仁济 + 医院, 郑州大学 + 第一 + 附属 + 医院.
    The whole name or nothing: "南华大学" alone names another institution.
    """
    if not any(w == "附属" for w, _ in words):
        return words
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        w, _ = words[i]
        end = _affiliated_end(words, i) if w == "附属" else None
        start = _affiliated_start(out) if end is not None else None
        if start is None:
            out.append(words[i])
            i += 1
            continue
        name = "".join(x for x, _ in out[start:]) + "".join(x for x, _ in words[i:end])
        del out[start:]
        out.append((name, "nt"))
        i = end
    return out


def _affiliated_start(before: list[tuple[str, str]]) -> int | None:
    """Where the university's name before 附属 starts, or None.

    The school's own word may need the words before it: a place (贵州 +
    医科大学), a place and an ordinal (山东 + 第一 + 医科大学), a name cut in
    two (中国 + 科学技术 + 大学), a university before its college (上海交通大学
    + 医学院), one character before 医大 (安 + 医大). A generic school word
    with nothing of its own before it is no name: no join.
    """
    k = len(before) - 1
    if k >= 0 and _ORDINAL.match(before[k][0]):
        k -= 1  # 郑州大学 + 第一 + 附属
    if k < 0 or not before[k][1].startswith(("n", "j")) or not before[k][0].endswith(_SCHOOL_ENDS):
        return None
    # Whether the leftmost word taken still needs a word before it.
    needs = before[k][0] in _GENERIC_SCHOOLS or before[k][1] == "n"
    named = not needs
    for _ in range(2):
        prev = before[k - 1] if k >= 1 and needs else None
        if prev is None or not _chinese(prev[0]):
            break
        if _ORDINAL.match(prev[0]) and k >= 2 and before[k - 2][1] == "ns":
            k -= 2  # 山东 + 第一 + 医科大学
            needs = False
        elif len(prev[0]) == 1 and before[k][0] == "医大":
            k -= 1  # 安 + 医大
            needs = False
        elif len(prev[0]) >= 2 and prev[1].startswith(("n", "j")):
            k -= 1
            needs = prev[1] == "n" and not prev[0].endswith(("大学", "学院"))
        else:
            break
        named = True
    return k if named else None


def _affiliated_end(words: list[tuple[str, str]], i: int) -> int | None:
    """The end of the hospital's name after 附属 at ``i`` (a word ending in 医院), or None."""
    for j in range(i + 1, min(len(words), i + 4)):
        w, p = words[j]
        if not _chinese(w) or not (p.startswith(("n", "j")) or _ORDINAL.match(w)):
            return None
        if w.endswith("医院"):
            return j + 1
    return None


def _join_latin(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Keep "DRG/DIP" one token, as articles write the pair."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        w, p = words[i]
        if (
            _LATIN.match(w) and i + 2 < len(words) and words[i + 1][0] == "/"
            and _LATIN.match(words[i + 2][0])
        ):
            out.append((w + "/" + words[i + 2][0], "eng"))
            i += 3
            continue
        out.append((w, p))
        i += 1
    return out


@lru_cache(maxsize=65536)
def _is_candidate(word: str, pos: str) -> bool:
    if _ORDINAL.match(word):
        return True  # inside names: 广东省第二人民医院 (never at an edge, see _well_formed)
    if _NUMERIC.match(word) or not pos.startswith(_NOUNISH) or word[0] == "暨":
        # "暨首届": the conjunction glued to its next word joins two names, and is part of neither.
        return False
    if _PLACEHOLDER.match(word):
        return False  # a template's blanks: "XX市", "XXX", "X%"
    if word.endswith("为例"):
        return False  # "以乡村诊所为例", "以三明市为例" (cut 三明/市为例): the frame of an example
    if word.endswith("们"):
        return False  # people addressed or told of (同志们, 孩子们), or a fragment of them (病/友们)
    if word[0] == "各":
        return False  # every one of a kind (各乡镇, 各地, 各部门): no place or body of its own
    if pos == "eng" or _LATIN.match(word):
        # Acronyms (DRG, DIP, CHS-DRG, Tw-DRGs); lower-case Latin is debris or units, and a
        # capitalised English word (China, Chuang) is an abstract's or a name's, not a term.
        return sum(c.isupper() for c in word) >= 2
    return len(word) >= 2


# --------------------------------------------------------------------------
# TextRank over words


def _word_rank(clauses, stop: frozenset[str]) -> dict[str, float]:
    """TextRank scores of the specific candidate words, mean 1."""
    vocab: dict[str, int] = {}
    sequences = []
    for _, _, words in clauses:
        seq = []
        for w, p in words:
            if _is_candidate(w, p) and w not in stop:
                if w not in vocab:
                    vocab[w] = len(vocab)
                seq.append(vocab[w])
        sequences.append(seq)
    size = len(vocab)
    if size == 0:
        return {}
    rows: list[int] = []
    cols: list[int] = []
    for seq in sequences:
        for i, a in enumerate(seq):
            for b in seq[i + 1:i + WINDOW]:
                if a != b:
                    rows += (a, b)
                    cols += (b, a)
    rank = pagerank(Sparse(rows, cols, np.ones(len(rows)), (size, size))) * size
    return {w: float(rank[i]) for w, i in vocab.items()}


# --------------------------------------------------------------------------
# Phrases


def _phrases(clauses, stop: frozenset[str]) -> dict[str, _Phrase]:
    """Runs of adjacent candidate words, with where and how often they occur."""
    counts: Counter[str] = Counter()
    words_of: dict[str, tuple[str, ...]] = {}
    first: dict[str, int] = {}
    where: dict[str, set[str]] = defaultdict(set)
    named: dict[str, bool] = {}
    org: dict[str, bool] = {}
    person: dict[str, bool] = {}
    places: dict[str, frozenset[str]] = {}
    formed: dict[tuple, bool] = {}
    order = 0
    for kind, _, words in clauses:
        run: list[tuple[str, str]] = []
        for w, p in [*words, ("", "x")]:
            if w and _is_candidate(w, p):
                run.append((w, p))
                continue
            for i in range(len(run)):
                for j in range(i + 1, min(len(run), i + MAX_PHRASE_WORDS) + 1):
                    part = tuple(run[i:j])
                    text = "".join(w for w, _ in part)
                    if len(text) > MAX_PHRASE_CHARS and j > i + 1:
                        break  # (a word may be longer: a name joined by _nominalise)
                    ok = formed.get(part)
                    if ok is None:
                        ok = formed[part] = _well_formed(part, stop)
                    if not ok:
                        continue
                    counts[text] += 1
                    where[text].add(kind)
                    if text not in first:
                        first[text] = order
                        order += 1
                        words_of[text] = tuple(w for w, _ in part)
                        named[text] = any(p.startswith(_NAMES) for _, p in part)
                        org[text] = part[-1][1] == "nt"
                        person[text] = len(part) == 1 and part[0][1] == "nr"
                        places[text] = frozenset(w for w, p in part if p == "ns")
            run = []
    return {
        text: _Phrase(
            text=text,
            words=words_of[text],
            count=count,
            first=first[text],
            title="title" in where[text],
            heading="heading" in where[text],
            lead="lead" in where[text],
            named=named[text],
            org=org[text],
            person=person[text],
            places=places[text],
        )
        for text, count in counts.items()
    }


def _well_formed(part: tuple[tuple[str, str], ...], stop: frozenset[str]) -> bool:
    """A phrase starts and ends on a content word and is not all generic."""
    text = "".join(w for w, _ in part)
    if text[0] in _BAD_EDGE or text[0] in _BAD_START or text[-1] in _BAD_EDGE or text[-1] in _BAD_END:
        return False
    words = [w for w, _ in part]
    if text in stop or any(w in _TITLES for w in words):
        return False
    if len(part) > 1 and any(p == "nr" for _, p in part) and any(_OFFICE.search(w) for w in words):
        return False  # a person with a title ("县委书记王胜文"): a speaker, not a subject
    if any(p in ("l", "i") and not _nominal(w) for w, p in part):
        return False
    if len(part) == 1 and part[0][1] == "i" and len(part[0][0]) == 4 and not _in_domain(part[0][0]):
        return False  # an idiom alone ("独树一帜") is how a text praises, not what it is about
    if len(part) == 1 and part[0][1] == "vn" and not _in_domain(part[0][0]):
        return False  # a verbal noun alone (评估, 监测, 咨询, 培训) names an activity, not a subject
    if _ORDINAL.match(words[0]) or _ORDINAL.match(words[-1]) or words[0] in _DATE_UNITS:
        return False
    if all(w in stop for w in words):
        return False
    if len(words) > 1 and (words[-1] in _EMPTY_HEADS or (words[-1] in stop and words[-2] in stop)):
        return False  # "医改工作基础", "推进会现场": a generic head says nothing (学科建设 does)
    if len(words) > 1 and words[0] in stop:
        # A generic noun may modify a specific head (中心药房, 医保上门服务,
        # 基层医疗卫生服务体系) but not run into a name ("医院" + a hospital's
        # own name); a deictic word ("全市家庭医生") or a verbal noun
        # ("建设工作现场") never starts a phrase.
        first_pos, second_pos = part[0][1], part[1][1]
        if not first_pos.startswith(("n", "j")) or first_pos == "vn" or words[0] in _DEICTIC:
            return False
        if second_pos.startswith(_NAMES) or words[-1] in stop:
            return False
    return True


def _specificity(word: str) -> float:
    """0.1-1: how rare a word is in general text (IDF, scaled)."""
    from medsum.segment import RARE_IDF, idf

    value = idf().get(word, RARE_IDF)
    return min(1.0, max(0.1, (value - SPEC_LOW) / (RARE_IDF - SPEC_LOW)))


def _in_domain(word: str) -> bool:
    from medsum.segment import domain_terms

    return word in domain_terms()


@lru_cache(maxsize=4096)
def _nominal(word: str) -> bool:
    """Does a set phrase end on a noun (上门服务, 管理模式) rather than a verb (日益完善)?"""
    from medsum.segment import domain_terms, tag_words

    if word in domain_terms():
        return True
    tags = tag_words(word[-2:])
    return len(tags) == 1 and tags[0][1].startswith(("n", "vn"))


def _own_places(doc: Document) -> frozenset[str]:
    """The names of the place the article is about: its division and the ones
    above it, full and short (``places.find_place``). Another place it names
    is an example (a national story's 福建, 四川), not a subject, unless the
    headline names it."""
    from medsum.places import place_of, short_form

    place = place_of(doc)
    if place is None:
        return frozenset()
    names = {n for n in (place.province, place.city, place.county) if n}
    return frozenset(names | {short_form(n) for n in names if short_form(n)})


def _score(
    p: _Phrase,
    word_rank: dict[str, float],
    stop: frozenset[str],
    own_places: frozenset[str] = frozenset(),
    *,
    min_count: int = MIN_COUNT,
) -> float:
    """A phrase's strength before the nested-term and cohesion corrections (0: never)."""
    from medsum.segment import domain_terms

    domain = domain_terms()
    specific = [w for w in p.words if w not in stop and not _ORDINAL.match(w)]
    if not specific:
        return 0.0
    if (
        len(p.words) == 1 and not p.named and not p.places and p.text not in domain
        and _specificity(p.text) < SINGLE_MIN_SPEC
    ):
        return 0.0
    once = 1.0
    if p.count < min_count and not (p.title or p.heading) and (
        len(p.words) > 1 or (SINGLE_ONCE_OUT and p.text not in domain)
    ):
        # Said once, a word or compound is a detail, not a subject
        # (视角, 剖析, 招人), unless it is one of the domain's terms, or
        # names an institution.
        if not (p.org or (p.text.endswith(_ORG_SUFFIX) and (p.named or len(p.words) > 1))):
            return 0.0
        once = ONCE_ORG
    rank = sum(
        word_rank.get(w, 0.0) ** RANK_POWER
        * max(_specificity(w), PLACE_SPEC * (w in p.places)) ** SPEC_POWER
        for w in specific
    ) / len(specific)
    share = len(specific) / len(p.words)
    score = rank * (0.5 + 0.5 * share) * (1.0 + math.log(p.count))
    score *= 1.0 + WORD_BONUS * (len(p.words) - 1)
    if p.title:
        score *= TITLE_BONUS
    if p.heading:
        score *= 1.3
    if p.lead:
        score *= LEAD_BONUS
    if p.text.endswith(_ORG_SUFFIX) and (p.named or len(p.words) > 1):
        score *= ORG_BONUS
    if any(w in domain for w in specific):
        score *= DOMAIN_BONUS
    if len(p.words) == 1 and p.places and (p.text in own_places or p.title):
        score *= PLACE_BONUS
    if p.person and not p.title and p.text not in domain:
        score *= PERSON_SHARE
    return score * once


def _cohesion(p: _Phrase, phrases: dict[str, _Phrase], stop: frozenset[str]) -> float:
    """How much a compound is a unit: its count over its commonest word's count.

    "河口区医共体管理委员会" (2 of 河口区's 31 occurrences) borrows the rank of
    河口区 without being the article's subject; "北京安贞医院吉林医院" is every
    occurrence of its words.
    """
    if len(p.words) < 2:
        return 1.0
    counts = [phrases[w].count for w in p.words if w not in stop and w in phrases]
    if not counts:
        return 1.0
    return (p.count / max(counts)) ** COHESION_POWER


def _discount_nested(scores: dict[str, float], phrases: dict[str, _Phrase]) -> None:
    """C-value's nested-term correction: a phrase counts only where it stands alone.

    "吉林医院" that only ever occurs inside "北京安贞医院吉林医院" is not a
    subject of its own; its score is scaled by the share of its occurrences
    outside the candidate phrases one word longer that contain it. Linear in
    the number of phrases: each phrase hands its count to its two children
    (itself without the first or without the last word).
    """
    inside: Counter[str] = Counter()
    for p in phrases.values():
        if len(p.words) > 1:
            for child in {"".join(p.words[:-1]), "".join(p.words[1:])}:
                inside[child] += p.count
    for text in scores:
        p = phrases.get(text)
        if p is None or p.count <= 0 or not inside[text]:
            continue
        alone = max(0, p.count - inside[text])
        scores[text] *= 0.35 + 0.65 * alone / p.count


def _quoted_programmes(doc: Document, stop: frozenset[str]) -> dict[str, float]:
    """Named programmes in quotation marks, with their weight (a share of the top score).

    "固脚强腰", "三高六病": a term the article coins and quotes more than once,
    or quotes in its title, names what it is about. Quoted speech, slogans
    with punctuation and generic words are not names.
    """
    title = doc.headline
    headings = "\n".join(s.text for s in doc.sentences if s.heading or len(s.text) <= 20)
    in_title = {m.group(1) for m in _QUOTED.finditer(title)}
    counts: Counter[str] = Counter(m.group(1) for m in _QUOTED.finditer(doc.text))
    out: dict[str, float] = {}
    for text in sorted(set(counts) | in_title):
        count = counts[text]
        if len(text) < 3 or not _QUOTE_OK.match(text) or text in stop or _NUMERIC.match(text):
            continue
        if count < 2 and text not in in_title:
            continue
        weight = 0.35 + 0.1 * min(count, 5) + 0.3 * (text in in_title) + 0.15 * (text in headings)
        out[text] = QUOTE_WEIGHT * weight
    return out


_BOOK_TITLE = re.compile(r"《([^《》\n]{6,40})》")
#: Weight (a share of the top score) of a cited document named in the title
#: or lead. Its number (国办发〔2015〕38号) is no keyphrase: readers index the
#: document by what it is about, and take the number for a page's apparatus.
CITED_WEIGHT = 0.55


_LEGAL_BASIS = re.compile(r"根据|依据|按照|依照|遵照|遵循")
#: A statute or a charter (a plan a text is drawn up under, "…发展规划", may be its subject).
_STATUTE = re.compile(r"(?:章程|条例|法|宪法)$")


def _cited_documents(doc: Document) -> dict[str, float]:
    """The policy document a report is about: 《...》 in the title or lead.

    News of a policy names the document in its headline or first lines
    (《关于加快建设分级诊疗体系的若干措施》); a document cited further down is
    background, not the subject.
    """
    title = doc.headline
    body = [p.text for p in doc.paragraphs if not p.heading]
    lead = "\n".join([title, *body[:1]])
    out: dict[str, float] = {}
    for m in _BOOK_TITLE.finditer(lead):
        name = m.group(1).strip()
        clause = lead[max((lead.rfind(c, 0, m.start()) for c in ",，。;；\n"), default=-1) + 1:m.start()]
        if _LEGAL_BASIS.search(clause) and _STATUTE.search(name):
            continue  # the law a text acts under ("根据《中国共产党章程》《…条例》"), not its subject
        if name not in out:
            out[name] = CITED_WEIGHT + 0.2 * (name in title)
        if len(out) >= 2:
            break
    return out


# --------------------------------------------------------------------------
# Reform measures in the article's own wording


def _measure_terms(doc: Document) -> list[tuple[str, float]]:
    """One surface term per reported measure, most central measure first."""
    from medsum.tagger import find_matches, tag
    from medsum.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    tags = tag(doc, taxonomy)
    reported = [t for t in tags if t.level != "mentioned"]
    if not reported:
        return []  # not about the reform, or only lists measures: nothing to index by
    if len(reported) < 3:
        reported = list(tags)  # a short item: what it merely names still says what it is about
    index = {m.id: i for i, m in enumerate(taxonomy.measures)}
    matched: dict[int, Counter[str]] = defaultdict(Counter)
    for match in find_matches(doc.text, taxonomy):
        matched[match.measure][_clean_term(doc.text[match.start:match.end])] += 1.0 if match.strong else 0.5
    plain = _clean_term(doc.text)
    title = doc.headline
    headings = "\n".join(s.text for s in doc.sentences if s.heading or len(s.text) <= 20)
    top = max(t.score for t in reported) or 1.0
    out = []
    for t in reported:
        mi = index.get(t.id, -1)
        if mi < 0 or not matched.get(mi):
            continue
        measure = taxonomy.measures[mi]
        best = _surface(measure, matched[mi], plain, title + "\n" + headings)
        if best:
            out.append((best, t.score / top))
    return out


def _surface(measure, matched: Counter[str], text: str, shown: str) -> str | None:
    """The wording that names a measure in this article.

    Every phrasing of the measure the text contains is a candidate (also one
    inside a longer match: "医防融合" in "慢性病医防融合"), counted where it
    occurs; ambiguous phrasings count half ("规范管理率" is evidence of 医防融合
    but not its name), the measure's own label and wordings shown in the
    title or a heading are preferred, then the shorter one.
    """
    from medsum.segment import verb_and_object

    counts: dict[str, float] = {}

    def usable(term: str) -> bool:
        # Not an enumeration ("医疗、医保、医药"), a locative ("医联体内") nor a
        # verb and the start of its object ("提升基层医疗机构" ...医务人员的服务水平).
        return (
            len(term) >= 2 and "、" not in term and term[-1] not in "内中下上里外"
            and not verb_and_object(term)
        )

    for term in measure.terms:
        term = _clean_term(term)
        # Not where the term is part of an exclusion (强基层 in 加强基层).
        c = text.count(term) - sum(text.count(x) for x in measure.exclude if term in x)
        if usable(term) and c > 0:
            counts[term] = float(c)
    for term, c in matched.items():
        if term not in counts and usable(term):
            counts[term] = c
    if not counts:
        for term in measure.weak:
            term = _clean_term(term)
            if usable(term) and (c := text.count(term)):
                counts[term] = 0.5 * c
    if not counts:
        return None
    label = measure.zh

    def preference(term: str) -> tuple:
        named = LABEL_W * (term == label) + 0.75 * (term != label and (label in term or term in label))
        return (-(counts[term] + named + 1.0 * (term in shown)), len(term), term)

    return sorted(counts, key=preference)[0]


def _clean_term(term: str) -> str:
    """"“三医”协同" -> "三医协同": quotation marks are not part of a name."""
    return re.sub(r"[“”\"'‘’「」『』]", "", term)


# --------------------------------------------------------------------------
# Selection


def _repeats(phrase: str, chosen: list[str], words: dict[str, tuple[str, ...]]) -> bool:
    """Does a compound repeat the main word of a chosen phrase?

    "带量采购品种", "带量采购范围" and "带量采购价格" after "药品带量采购" say
    the same thing again: a phrase of several words whose specific word of
    three or more characters is already a word of a chosen phrase adds nothing,
    nor one whose specific words are those of a chosen phrase.
    """
    from medsum.segment import stopwords

    own = words.get(phrase, ())
    place = _place_key(own)
    if place and any(_place_key(words.get(other, (other,))) == place for other in chosen):
        return True  # "湘潭市" after "湖南湘潭": one place named twice
    if len(own) < 2:
        return False
    long_words = {w for w in own if len(w) >= 3}
    # "中标药品" after "中标产品": the same specific words with another generic one.
    stop = stopwords()
    specific = {w for w in own if w not in stop}
    for other in chosen:
        sequence = words.get(other, (other,))
        theirs = set(sequence)
        if long_words & theirs or (len(theirs) > 1 and specific == {w for w in theirs if w not in stop}):
            return True
        if len(sequence) > 1 and (_subsequence(sequence, own) or _subsequence(own, sequence)):
            return True  # "北京丰台长峰医院" after "北京长峰医院": the same name with a word inserted
    return False


def _place_key(words: tuple[str, ...]) -> str | None:
    """The place a phrase of place names only names: its last, short (湖南湘潭, 湘潭市: 湘潭)."""
    from medsum.places import short_form

    places = _place_names()
    if not words or not all(w in places for w in words):
        return None
    return short_form(words[-1]) or words[-1]


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Are the words of ``short`` the words of ``long`` in order, with some left out?"""
    rest = iter(long)
    return len(short) < len(long) and all(w in rest for w in short)


def _select(
    ranked: list[tuple[str, float]],
    fixed: set[str],
    *,
    limit: int,
    words: dict[str, tuple[str, ...]] | None = None,
) -> list[tuple[str, float]]:
    """Best first, never two phrases of which one contains the other.

    A longer phrase replaces a chosen one that it contains when it scores at
    least ``SPECIFIC_RATIO`` of it ("长春市卫生健康委" for "长春市"); a
    measure's own wording is never replaced.
    """
    chosen: list[tuple[str, float]] = []
    for phrase, score in ranked:
        if len(chosen) >= limit:
            break
        clash = [i for i, (other, _) in enumerate(chosen) if phrase in other or other in phrase]
        if not clash:
            if not _repeats(phrase, [c for c, _ in chosen], words or {}):
                chosen.append((phrase, score))
            continue
        others = [chosen[i] for i in clash]
        if all(o not in fixed and o in phrase and score >= SPECIFIC_RATIO * s for o, s in others):
            # "医保支付方式改革" replaces "医保支付" and "支付方式改革".
            best = max(s for _, s in others)
            chosen = [c for i, c in enumerate(chosen) if i not in clash[1:]]
            chosen[clash[0]] = (phrase, best)
    return chosen
