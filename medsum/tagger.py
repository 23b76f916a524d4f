"""Tagging: which reform measures an article reports, how centrally, and why.

Matching runs one Aho-Corasick automaton (Aho & Corasick 1975, via
pyahocorasick) over the cleaned Simplified text: no word segmentation, so
``medsum tag`` never loads a segmenter dictionary. Overlapping matches are
resolved longest first (ties: the earlier, then the smaller term, then the
measure listed first); a measure's exclusions cancel the matches of that
measure they cover; Latin acronyms (DRG, DIP) match only as whole Latin
tokens, case-sensitively; a weak term counts only when its sentence also has
one of its context words, and never inside a cited title 《...》.

Levels follow the annotation guidelines (shared/eval/GUIDELINES.md):

* ``discussed``: the article says something about the measure, in a body
  sentence, a heading or the title.
* ``mentioned``: the measure is only named as a bare item of an enumeration
  ("A、B、C等"), or the article is not about (mainland) health care at all,
  or the measure's ``max_level`` caps it there.
* ``primary``: the best-scored discussed measure, and up to two more that are
  nearly as strong and central (title, headings, a fair share of paragraphs);
  never one remark in the body of a longer text.

The score says how central a measure is: title, headings and paragraph-opening
topic sentences ("打造紧密型县域医共体建设体系。"), the share of body paragraphs
that speak of it, the lead, and how often and in how many wordings it occurs.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from medsum.brief import Evidence, Tag
from medsum.clean import REFERENCE_MARK
from medsum.document import Document
from medsum.taxonomy import LEVELS, Taxonomy, load_taxonomy

__all__ = ["LEVELS", "Match", "find_matches", "tag"]

# Score weights: where and how a measure appears.
W_TITLE = 3.0  # named in the headline
W_HEADING = 1.5  # per heading or topic sentence naming it (at most MAX_HEADINGS)
W_LEAD = 1.0  # in one of the first two body paragraphs
W_COVERAGE = 5.0  # times the share of body paragraphs that discuss it
W_TERMS = 0.25  # per distinct wording (at most MAX_TERMS)
W_LISTED = 0.2  # log-weight of bare list mentions
W_WEAK = 0.5  # a weak (ambiguous) phrasing counts half an unambiguous one
MAX_HEADINGS = 3
MAX_TERMS = 4
MAX_PRIMARY = 3
#: A further primary must score this share of the best one.
PRIMARY_RATIO = 0.7
#: ... and be central: in the title or a heading, or in this share of paragraphs.
PRIMARY_COVERAGE = 0.3
#: Any primary is in the title, a heading, or at least this many body
#: sentences, or this share of them (a news item of a few sentences).
MIN_PRIMARY_SENTENCES = 2
MIN_PRIMARY_SHARE = 0.2
#: A measure only in the headline may be primary in a text of fewer body sentences.
TITLE_ONLY_SENTENCES = 5
#: A text is about health care when this share of its body sentences uses the
#: domain vocabulary (the taxonomy's ``context``): a GDP report or a news
#: round-up with one health item stays below it.
MIN_DOMAIN_SHARE = 0.25
#: ... yet a measure named unambiguously this many times is discussed even
#: so: one item of a news round-up can be about it.
MIN_FOCUSED = 3
#: A text is about another health system when the taxonomy's ``foreign``
#: words are in at least this many sentences, and in at least as many as hold
#: measure evidence.
MIN_FOREIGN_SENTENCES = 3
#: ... or in this many, in a page in Traditional script that never names the mainland.
MIN_FOREIGN_TRADITIONAL = 2
#: A page is a tender's (bids, suppliers, scores) or a market's (a firm's
#: results, its shares) when this share of its body sentences speaks of one:
#: the 医共体 whose IT a tender buys is the buyer, the 集采 a drug firm's
#: results mention is the weather, not the news.
MIN_TRADE_SHARE = 0.5
_TENDER_WORDS = ("招标", "中标", "投标", "供应商", "成交", "评分", "标段", "磋商", "询价", "比选", "采购人", "开标", "评标")
_MARKET_WORDS = (
    "营业收入", "营收", "净利润", "归母", "股价", "涨停", "跌停", "板块", "估值", "市值", "每股", "证券", "投资者",
    "财报", "季报", "年报", "毛利率", "研报", "股份",
)
#: Words that place a text on the mainland, however it is written.
_MAINLAND = ("大陆", "内地", "两岸", "我国", "国务院", "国家医保局", "国家卫健委", "国家卫生健康委")
#: A paragraph's first sentence this short is its topic line, read as a heading
#: ("高位推动。", "推进医疗服务价格改革。"): government reports open paragraphs so.
MAX_TOPIC_SENTENCE = 20

_CLAUSE = re.compile(r"[,，;；:：。！？!?\n]")
_QUOTES = "“”‘’\"'《》〈〉「」『』()（）【】[]"
#: What may stand around a term in a bare list item: quotes, and at most one
#: character of glue ("和", "及", a stray prefix).
_MAX_ITEM_EXTRA = 1
_CONJUNCTION = re.compile(r"以及|和|及|与|或")
#: How far (in characters) after an enumerated item the words closing a list of policies may
#: stand ("...、促进社会办医,加强乡村医生队伍建设等多项重要政策").
_POLICY_LIST_REACH = 60
_POLICY_LIST_END = re.compile(
    r"[^,，;；。:：!?！？]*?等(?:(?:多项|一系列|系列|各项)?(?:重要|重大|配套|卫生|医改|相关)?(?:政策|文件|举措|措施|事项|议题)"
    # "…按病种分值付费(DIP)等支付方式改革", "…信息化、卫生人才建设等方面改革任务".
    r"|(?:[\u4e00-\u9fff]{0,4}方式|方面|领域)的?(?:改革)?(?:任务|工作|改革)"
    # "此前推行的总额预付、按病种付费等支付方式,…".
    r"|(?:医保)?(?:付费|支付)方式"
    # "…构建分级诊疗格局、推动人工智能应用…等五大重点领域".
    r"|[\d一二三四五六七八九十几多]+(?:大|个)(?:重点|关键|核心)?(?:领域|方面|任务|板块|工程|行动)"
    # "…国内集采政策优化等积极因素推动": what moved a share price.
    r"|(?:积极|利好|不利|多重|多种|多方面)?因素"
    # "加强与公立医院高质量发展、紧密型县域医共体建设…等医改工作的协调联动".
    r"|(?:医改|改革|业务)工作"
    # "在分级诊疗、双向转诊、人才培养等方面加强协作": the fields of a partnership.
    r"|方面(?:加强|开展|深化|深入|进行)?(?:合作|协作|交流|对接)"
    # "本讲座还将涵盖…、医疗信息化建设、改革热点…等内容": the topics of a talk or a course.
    r"|(?:多方面|方面)?的?(?:内容|话题|专题|课程))"
)
#: A list counted as such, in the clause of its items: "分级诊疗、现代医院管理…综合监管5项制度建设".
_COUNTED_LIST_END = re.compile(
    r"[\d一二三四五六七八九十]+项(?:基本)?(?:医疗卫生)?(?:制度|政策|改革|重点任务|任务)"
    # "聚焦医防融合、体医融合、医企融合、中西医结合四大发展路径": the list's own name.
    r"|[二三四五六七八九十\d]+大(?:发展|重点|主要)?(?:路径|方向|领域|板块|主题|方面|任务|工程|行动|模块)"
)


@dataclass(frozen=True)
class Match:
    measure: int  # index into taxonomy.measures
    start: int
    end: int
    term: str
    strong: bool  # False for a weak term (needs a context word in its sentence)


@dataclass(frozen=True)
class _Matcher:
    automaton: object
    acronyms: re.Pattern | None
    acronym_owner: dict
    contexts: tuple[tuple[str, ...], ...]  # per measure: the words its weak terms need
    needs: dict  # (measure, weak term) -> the words that term needs, where it has its own


@dataclass(frozen=True)
class _Hit:
    match: Match
    sentence: int  # index into doc.sentences
    listed: bool  # only a bare item of an enumeration
    heading: bool  # in a heading or a paragraph's topic sentence


@cache
def _matcher(taxonomy: Taxonomy) -> _Matcher:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    entries: dict[str, list[tuple[int, str]]] = {}
    for mi, measure in enumerate(taxonomy.measures):
        for term in measure.terms:
            entries.setdefault(term, []).append((mi, "term"))
        for term in measure.weak:
            entries.setdefault(term, []).append((mi, "weak"))
        for term in measure.exclude:
            entries.setdefault(term, []).append((mi, "exclude"))
    for key in sorted(entries):
        automaton.add_word(key, (key, tuple(entries[key])))
    if entries:
        automaton.make_automaton()
    owner = {}
    for mi, measure in enumerate(taxonomy.measures):
        for acronym in measure.acronyms:
            owner[acronym] = mi
    pattern = None
    if owner:
        alternatives = "|".join(re.escape(a) for a in sorted(owner, key=lambda a: (-len(a), a)))
        # A whole Latin token: no letter or digit on either side. "-" is a
        # boundary, so CHS-DRG also holds DRG, but the longer acronym wins.
        pattern = re.compile(r"(?<![A-Za-z0-9])(?:" + alternatives + r")(?![A-Za-z0-9])")
    contexts = tuple(m.context or taxonomy.context for m in taxonomy.measures)
    needs = {(mi, term): words for mi, m in enumerate(taxonomy.measures) for term, words in m.needs}
    return _Matcher(automaton if entries else None, pattern, owner, contexts, needs)


def find_matches(text: str, taxonomy: Taxonomy) -> list[Match]:
    """All measure matches in ``text``: longest first, no overlaps, exclusions applied.

    Weak terms are returned too (``strong=False``); whether their sentence has
    a context word is for the caller to decide.
    """
    return list(_find_matches(text, taxonomy))


# A brief asks for the matches of one text several times (tags, keyphrases,
# summary, figures): the automaton runs once per text.
@lru_cache(maxsize=16)
def _find_matches(text: str, taxonomy: Taxonomy) -> tuple[Match, ...]:
    matcher = _matcher(taxonomy)
    candidates: list[tuple[int, int, str, int, str]] = []  # start, end, term, measure, kind
    excluded: dict[int, list[tuple[int, int]]] = {}
    if matcher.automaton is not None:
        squeezed, where = _squeeze(text)
        for end_index, (key, owners) in matcher.automaton.iter(squeezed):
            start, end = end_index - len(key) + 1, end_index + 1
            if where is not None:
                start, end = where[start], where[end - 1] + 1
            for mi, kind in owners:
                if kind == "exclude":
                    excluded.setdefault(mi, []).append((start, end))
                else:
                    candidates.append((start, end, key, mi, kind))
    if matcher.acronyms is not None:
        for m in matcher.acronyms.finditer(text):
            candidates.append((m.start(), m.end(), m.group(0), matcher.acronym_owner[m.group(0)], "term"))
    candidates += _abbreviations(text, candidates)
    # Longest match first; ties by position, then by term, then by measure.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2], c[3]))
    taken: list[tuple[int, int]] = []
    chosen: list[Match] = []
    for start, end, term, mi, kind in candidates:
        if any(a <= start and end <= b for a, b in excluded.get(mi, ())):
            continue
        i = bisect.bisect_left(taken, (start, start))
        if i > 0 and taken[i - 1][1] > start:
            continue
        if i < len(taken) and taken[i][0] < end:
            continue
        taken.insert(i, (start, end))
        chosen.append(Match(mi, start, end, term, kind == "term"))
    chosen.sort(key=lambda m: (m.start, m.end))
    return tuple(chosen)


@cache
def _abbreviation() -> re.Pattern:
    """An abbreviation the article defines right after a term: "集中带量采购(简称“国采”)"
    (compiled when a text first has 简称: a class of Chinese characters costs a
    millisecond at every start-up)."""
    return re.compile(r"\s*[(（](?:以下|下文)?简称[:：]?\s*[“\"「『]?([\u3400-\u9fffA-Za-z0-9+]{2,8})[”\"」』]?\s*[)）]")


def _abbreviations(text: str, candidates: list[tuple[int, int, str, int, str]]) -> list[tuple[int, int, str, int, str]]:
    """Matches of the short forms the article itself defines for a measure's term.

    "国家组织人工晶体集中带量采购(简称“国采”)" makes every later 国采 of that
    article the measure's term, as a reader takes it, without making 国采 a
    term of every article (中国采购).
    """
    if "简称" not in text:
        return []
    ends = {end: (mi, kind) for _, end, _, mi, kind in candidates if kind == "term"}
    out = []
    for m in _abbreviation().finditer(text):
        owner = ends.get(m.start())
        if owner is None:
            continue
        alias = m.group(1)
        i = text.find(alias, m.end())
        while i >= 0:
            out.append((i, i + len(alias), alias, owner[0], "term"))
            i = text.find(alias, i + len(alias))
    return out


#: A stray space a page left between two Chinese characters: "城市医疗 集团".
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")


def _squeeze(text: str) -> tuple[str, list[int] | None]:
    """``text`` without single spaces between Chinese characters, and where each of
    its characters stands in ``text`` (None when there is no such space), so that a
    term split by one ("城市医疗 集团") is still found, at its offsets in ``text``."""
    if _CJK_GAP.search(text) is None:
        return text, None
    gaps = {m.start() for m in _CJK_GAP.finditer(text)}
    where = [i for i in range(len(text)) if i not in gaps]
    return "".join(text[i] for i in where), where


def _context_of(matcher: _Matcher, match: Match) -> tuple[str, ...]:
    """The words a weak match needs in its sentence: its term's own, or its measure's."""
    return matcher.needs.get((match.measure, match.term)) or matcher.contexts[match.measure]


def _has_context(sentence: str, a: int, b: int, words: tuple[str, ...]) -> bool:
    """Does the sentence, outside the match itself, hold one of ``words``?"""
    rest = sentence[:a] + "\0" + sentence[b:]
    return any(w in rest for w in words)


def _earlier_terms(match_starts: list[int], sentence_start: int, start: int) -> tuple[int, ...]:
    """Offsets (in the sentence) of the terms that start before ``start`` in it."""
    lo = bisect.bisect_left(match_starts, sentence_start)
    hi = bisect.bisect_left(match_starts, start)
    return tuple(x - sentence_start for x in match_starts[lo:hi])


#: A list of means opens with its preposition: "(医院将)通过A、B等机制".
_MEANS = re.compile(r"(?:通过|借助|依托|利用|运用|采取|采用)$")
#: ... a list of what something bears on, with its verb: "(医保支付方式)直接关系到基金安全、医院运营和患者福祉".
_BEARS_ON = re.compile(r"(?:关系到|关系着|关乎|事关|涉及到?|影响到|影响着)$")


def _is_list_item(sentence: str, a: int, b: int, earlier: tuple[int, ...] = ()) -> bool:
    """Is the match only a bare item of an enumeration ("A、B、C等", "X等")?

    The item is the stretch between enumeration commas (、), the conjunctions
    that join the last items (和, 以及), the closing mark of a quoted list
    (“总额控制、超支不补、结余留用”是…) or clause punctuation around the match.
    It is bare when, quotes aside, it is the term itself plus at most one
    character, up to a closing 等 or 的 ("...、结余留用、合理超支分担的结算办法").
    "智慧医院建设" in a list of tasks says what is done and is not bare; nor is
    the last item when the items before it name no measure: they share its
    head ("推进药品、高值医用耗材集中采购" is 集采 of both). ``earlier`` holds
    the offsets of the terms before the match in the sentence.
    """
    left = max((m.end() for m in _CLAUSE.finditer(sentence, 0, a)), default=0)
    right_match = _CLAUSE.search(sentence, b)
    right = right_match.start() if right_match else len(sentence)
    clause_end = right
    opening = max(sentence.rfind(q, left, a) for q in "“「")
    if opening >= 0 and not any(q in sentence[opening:a] for q in "”」"):
        closing = min((i for i in (sentence.find(q, b, right) for q in "”」") if i >= 0), default=-1)
        if closing >= 0 and ("、" in sentence[opening:a] or "、" in sentence[b:closing]):
            # An item of a quoted list (围绕“强基层、引人才、促发展”的主线): the list is the quote.
            left, right = opening + 1, closing
    bracket = max(sentence.rfind(q, left, a) for q in "(（")
    if bracket >= 0 and not any(q in sentence[bracket:a] for q in ")）"):
        shut = min((i for i in (sentence.find(q, b, right) for q in ")）") if i >= 0), default=-1)
        if shut >= 0 and ("、" in sentence[bracket:a] or "、" in sentence[b:shut]):
            # An item of a list in brackets: "社会力量(家庭医生、社区志愿者)".
            left, right = bracket + 1, shut
    # A 、 inside the term itself (腾空间、调结构、保衔接) makes no list.
    enumerated = "、" in sentence[left:a] or "、" in sentence[b:right]
    item_start = max(left, sentence.rfind("、", left, a) + 1)
    after_comma = sentence.find("、", b, right)
    item_end = right if after_comma < 0 else after_comma
    before = sentence[item_start:a].strip(_QUOTES + " ")
    after = sentence[b:item_end]
    if enumerated and after.startswith("”") and sentence.rfind("“", left, a) >= 0:
        after = ""  # a quoted list ends at its closing quote: “总额控制、超支不补、结余留用”是…
    after = after.lstrip(_QUOTES + " ")
    if enumerated:
        # The last items are joined by a conjunction ("A、B和C以及D"): each is an item.
        joined = list(_CONJUNCTION.finditer(before))
        if joined:
            before = before[joined[-1].end():].strip(_QUOTES + " ")
        joined_after = _CONJUNCTION.search(after)
        if joined_after:
            after = after[:joined_after.start()]
    closed = after.startswith(("等", "的"))  # "…、推动公立医院高质量发展的关键": the list qualifies a noun
    if closed:
        after = ""

    if enumerated and (_BEARS_ON.search(before) or ("等" in sentence[b:clause_end] and _MEANS.search(before))):
        before = ""  # the verb of the clause, not of the item: "并通过远程医疗、人才进修等机制,实现…"
    if enumerated and _is_short_list_with_result(sentence, left, clause_end):
        return False  # "现代医院管理制度、综合监管制度基本建立": each item is said to be established
    if _POLICY_LIST_END.match(sentence, b) or (
        enumerated and (
            _POLICY_LIST_END.search(sentence, b, b + _POLICY_LIST_REACH)
            or _COUNTED_LIST_END.search(sentence, b, min(b + _POLICY_LIST_REACH, clause_end))
        )
    ):
        # A list of policies named as such ("出台了推进分级诊疗、医生多点执业、
        # 全面实施大病保险等多项重要政策"): its items' own verbs say nothing more.
        return True
    if len(before) + len(after.rstrip(_QUOTES + " ")) > _MAX_ITEM_EXTRA or (not closed and _ACTION_TERM.match(sentence, a)):
        # More than the term, or a term that carries its own verb ("推动公立医院高质量发展、
        # 推进机制创新建设、推动学科发展"): a task, which says what is done.
        return False
    if (
        enumerated and after_comma < 0 and not _CONJUNCTION.search(sentence, b, item_end)
        and not sentence[b:item_end].lstrip(_QUOTES).startswith(("等", "的"))
        and not any(left <= x < a for x in earlier)
        and (
            sentence.count("、", left, item_start) < 2
            or all(len(x.strip(_QUOTES + " ")) <= SHARED_HEAD_ITEM for x in sentence[left:item_start].split("、"))
        )
    ):
        # The last of its items, after items that name no measure: one measure
        # whose head the items share ("推进药品、高值医用耗材集中采购"), not a
        # list of measures; unless two or more items are whole tasks of their own
        # ("…卫生技术人员培训、基本公共卫生服务项目实施、家庭医生签约服务").
        return False
    return enumerated or sentence[b:item_end].lstrip(_QUOTES).startswith("等")


#: A term that opens on a verb of action.
_ACTION_TERM = re.compile(r"推动|推进|加快|深化|加强|实施|开展|建立|健全|完善|提升|提高")
#: The longest item before a list's last that can share its head ("药品、高值医用耗材集中采购",
#: "城市、县级公立医院综合改革").
SHARED_HEAD_ITEM = 8
#: What a short list's last item is said to have become: "…、综合监管制度基本建立".
_RESULT_PREDICATE = re.compile(
    r"(?:基本|全面|初步|已经|已|均|都|逐步|相继|先后)?(?:建立|建成|形成|推开|实现|落地|健全|覆盖|实施|完成)"
)
#: At most so many items for a list to share its predicate's result.
SHARED_RESULT_ITEMS = 3


def _is_short_list_with_result(sentence: str, left: int, clause_end: int) -> bool:
    """A list of at most three items, no 等, whose clause ends on a result said of them all."""
    clause = sentence[left:clause_end]
    if "等" in clause or clause.count("、") + 1 > SHARED_RESULT_ITEMS:
        return False
    last = clause.rfind("、")
    tail = clause[last + 1:]
    # The predicate follows the last item's name within a few characters.
    return any(m.start() >= 2 and len(tail) - m.end() <= 2 for m in _RESULT_PREDICATE.finditer(tail))


_INDICATOR = re.compile(
    r"^(?:\d{1,3}[.、．]\s*|[(（]\d{1,3}[)）]\s*)?[^,，。；;]{2,40}"
    r"(?:占比|比例|比重|[^效]率|人数|次数|例数|数量|金额|天数|指数|增幅|降幅|增长率|下降率)[)）]?$"
)
_FORMULA = re.compile(r"^(?:计算方法|计算公式|指标说明|指标定义|指标来源|指标导向)\s*[:：]|[×xX]\s*100\s*%")


#: The verbs that open a purpose clause after 为 ("为贯彻落实…", "为进一步…").
_PURPOSE_VERBS = "贯彻|落实|进一步|深入|全面|加快|推进|推动|深化|更好|切实|规范|做好|加强"
#: A purpose clause names a goal the sentence is not about: "为进一步深化公立医院
#: 改革, 现就...提出以下意见", "支付方式改革的目的是...促进分级诊疗".
_PURPOSE = re.compile(
    # (Not "即促进…": what a named task is, "用好“一个抓手”,即促进“三医”协同发展".)
    r"(?:^\s*为了?(?:进一步|更好地?)?(?:深化|推进|推动|加快|落实|完善)?|(?<!即)促进|助力|有利于|有助于|以利于"
    # "…,以推动医院高质量发展"; "促进“基层首诊、双向转诊…”的分级诊疗制度".
    r"|以(?:推动|促进|推进|实现|助力|加快)|从而(?:推动|促进|推进|实现|助力|加快)?|(?:促进|助力|推动)\s*[“\"「][^”\"」]{0,30}[”\"」]\s*的?"
    # "…不仅提升了基层服务能力,还促进了分级诊疗制度的落实": an effect claimed in passing.
    r"|(?:促进|助力)了)$"
)


#: A goal another measure serves: "城市医疗集团建设的核心目标在于巩固分级诊疗制度的建设成效",
#: "其目标就包括推动…和县域医共体同质同构".
_GOAL = re.compile(r"目标(?:在于|是|就?包括)|旨在|意在|以期")
#: How far into its sentence a plan's "以…思想为指导" may stand and still open it.
GUIDING_REACH = 60
#: A goal that runs to the end of its sentence: "其目标就包括推动…同质同构,构建信息共享的智慧医疗平台".
_GOAL_LIST = re.compile(r"目标(?:就|主要)?(?:包括|在于)")
#: A goal set as such: "把打造三级医院,建设区域医疗中心作为奋斗目标".
_GOAL_SET = re.compile(r"[把将][^;；:：。！？!?\n]{2,40}?作为[^,，;；。！？!?\n]{0,8}?目标")
#: A plan's guiding paragraph: "…要以习近平新时代中国特色社会主义思想为指导,全面贯彻…,
#: 坚持…,推进医疗、医保、医药联动改革…". It states what the plan holds to, not what it does.
_GUIDING = re.compile(r"以[^,，;；。]{2,30}思想为指导|以[^,，;；。]{2,20}理论为指导|为指导思想")
#: A slogan's flourish: "书写属于附属医院高质量发展的新篇章", "开创新时代医院高质量发展新局面".
_FLOURISH = re.compile(r"的?(?:新(?:篇章|局面|征程|高度|台阶|境界|画卷|答卷|路子)|关键之年)")  # tried with .match at the term's end
#: The plan's own aim inside its guiding paragraph: "以建立健全现代医院管理制度为目标", "聚焦…".
_PLAN_AIM = re.compile(r"以[^,，;；。]{2,30}为(?:目标|抓手|主线|重点|核心|突破口|牵引|切入点|主题)|聚焦[^,，;；。]{2,40}")
#: A purpose clause opened by 为: "据了解,为适应国家卫生体系分级诊疗改革的需求,…启动互联网医院建设".
_PURPOSE_CLAUSE = re.compile(
    r"^\s*为了?(?:" + _PURPOSE_VERBS + r"|适应|满足|配合|实现|促进|解决|缓解|破解|巩固|确保|保障|助力|构建|健全)"
)
#: What a measure is a step or a part of: "…门诊统筹机制,是…建立完善的分级诊疗制度的重要一步",
#: "医疗联合体…也是我国建设分级诊疗制度的重要内容之一".
_PART_OF = re.compile(
    r"是[^;；:：。！？!?\n]{0,60}?的(?:重要|关键|必要|有效|核心|基础性?|主要)?"
    r"(?:一步|一环|环节|内容|组成部分|举措|措施|抓手|途径|手段|保障|基础|前提|支撑|突破口|切入点)"
)
#: What a measure is said to serve: "家庭医生制度对我国建立分级诊疗、合理就医秩序…具有重要作用".
_SERVED = re.compile(r"对[^,，;；:：。！？!?\n]{2,60}?(?:具有|有着|发挥着?|起到)(?:十分|非常)?(?:重要|积极|关键|重大)?的?(?:作用|意义|价值)")
#: A document's preamble: "为贯彻落实《…》,…,促进…“三医联动”改革,经省政府同意,现提出
#:如下意见". Everything before 现/特/经 is what the document serves, not what it does.
_PREAMBLE = re.compile(r"^\s*为了?(?:" + _PURPOSE_VERBS + r")")
_PREAMBLE_END = re.compile(
    r"[,，]\s*(?:经[^,，。]{1,20}同意|现(?:就|将|提出|制定|印发)|特(?:制定|提出|印发)|制定本"
    # ... or the main clause opens on its time: "为进一步促进…,提高…能力,2019年5月,国家卫生健康委印发…".
    r"|(?:19|20)\d{2}年|近日|日前|近年来|今年)"
)


def _in_purpose(sentence: str, a: int, b: int | None = None) -> bool:
    """Does the match at ``a`` (ending at ``b``) stand in a purpose clause, as its goal,
    or in a slogan's flourish ("…高质量发展的新篇章")?"""
    if b is not None and _FLOURISH.match(sentence, b):
        return True
    left = max((m.end() for m in _CLAUSE.finditer(sentence, 0, a)), default=0)
    if _PURPOSE.search(sentence[left:a]) or _GOAL.search(sentence, left, a):
        return True
    if _PURPOSE_CLAUSE.match(sentence[left:a]) or _GOAL_LIST.search(sentence, 0, a):
        return True
    if any(m.start() < a < m.end() for m in _PART_OF.finditer(sentence)):
        return True
    if any(m.start() < a < m.end() for m in _GOAL_SET.finditer(sentence)):
        return True
    if any(m.start() < a < m.end() for m in _SERVED.finditer(sentence)):
        return True
    if _GUIDING.search(sentence, 0, min(a, GUIDING_REACH)):
        # ... except the plan's own aim: "以建立健全现代医院管理制度为目标".
        return not any(m.start() < a < m.end() for m in _PLAN_AIM.finditer(sentence))
    if _PREAMBLE.match(sentence):
        end = _PREAMBLE_END.search(sentence)
        return bool(end) and a < end.start()
    return False


#: A time clause sets the scene for what the sentence says: "在推进门诊统筹和按人头
#: 付费启动之后, 各地试点的总额预付正遇到阻力" is about 总额预付. ("自…以来" is
#: not one: "自我市被确定为医疗服务价格改革试点以来" reports the pilot.)
_BACKDROP = re.compile(r"^\s*在[^,，;；:：。！？!?\n]*?(?:之后|以后|之前)$")


def _in_backdrop(sentence: str, a: int) -> bool:
    """Does the match at ``a`` stand in a clause that only sets the time?"""
    left = max((m.end() for m in _CLAUSE.finditer(sentence, 0, a)), default=0)
    right_match = _CLAUSE.search(sentence, a)
    right = right_match.start() if right_match else len(sentence)
    return bool(_BACKDROP.match(sentence[left:right]))


#: A review's list of achievements: "从全民参保、守护医保基金安全,到国家医保药品目录
#: 扩围、药品集中带量采购,一项项重大决策…统筹推进". Its items are named, not reported.
#: A review list ends on its tally: "从A、B,到C、D,一项项…".
_REVIEW_END = re.compile(r"[,，]\s*(?:一项项|一系列|一个个|一件件|一桩桩)")
_REVIEW_TURN = re.compile(r"[,，]\s*到")


def _in_review_list(sentence: str, a: int) -> bool:
    """Is the match at ``a`` an item of a "从A、B, 到C、D, 一项项..." review list?"""
    return any(start <= a < end for start, end in _review_lists(sentence))


@lru_cache(maxsize=256)
def _review_lists(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the review lists of a sentence: from the clause that opens
    with 从, over an enumeration (、) and a turn to 到, to the tally. Found from
    each tally back to its 从, in one pass (a lazy pattern over the whole
    sentence took seconds on a chain of "：从X、Y,到" with no tally)."""
    spans: list[tuple[int, int]] = []
    for tally in _REVIEW_END.finditer(sentence):
        floor = spans[-1][1] if spans else 0
        head, found = tally.start(), None
        while (head := sentence.rfind("从", floor, head)) >= 0:
            before = sentence[:head].rstrip()
            if before and before[-1] not in ",，;；:：":
                continue  # 从 inside a clause ("从城市到农村")
            body = sentence[head:tally.start()]
            if any(c in body for c in "；;"):
                break  # the list never crosses a semicolon
            listed = body.find("、")
            if listed >= 0 and _REVIEW_TURN.search(body, listed):
                found = head  # the earliest 从 that opens a list reaching this tally, as the pattern took it
        if found is None:
            continue
        before = sentence[:found].rstrip()
        spans.append((len(before) - 1 if before else 0, tally.end()))
    return tuple(spans)


#: A statement of guiding principles: "坚持政府主导、公益性主导,坚持医防融合、平急结合、
#: 中西医并重", "二是坚持医疗、医药、医保“三医联动”的原则". It names what a plan
#: holds to; what is done about it is said elsewhere, or not at all.
_PRINCIPLE = re.compile(r"^\s*(?:[一二三四五六七八九十]是|要|必须|始终|始终要|要始终)?坚持")
_PRINCIPLE_END = re.compile(r"(?:的)?(?:原则|方针)$")


def _in_principles(sentence: str, a: int) -> bool:
    """Is the match at ``a`` in a 坚持 clause of a list of principles?"""
    if "坚持" not in sentence:
        return False
    bounds = [0, *(m.end() for m in _CLAUSE.finditer(sentence))]
    clauses = [sentence[x:y] for x, y in zip(bounds, [*bounds[1:], len(sentence)])]
    k = bisect.bisect_right(bounds, a) - 1
    if not _PRINCIPLE.match(clauses[k]):
        return False
    if _PRINCIPLE_END.search(clauses[k].rstrip(",，;；:：。！？!?\n ")):
        return True
    # A chain of principles lists several in each clause ("坚持政府主导、公益性主导,坚持医防融合、
    # 平急结合"); a call to hold to one thing and to act ("坚持…方向,坚持医保、医疗、医药“三医联动”,
    # 用改革的办法…") is not one.
    return sum(1 for c in clauses if _PRINCIPLE.match(c) and "、" in c) >= 2


#: A quoted approach a clause follows: "按照“腾空间、调结构、保衔接”的路径, 以降药价为突破口".
_FOLLOWED_WAY = re.compile(
    r"(?:按照|遵循|依照|沿着|坚持|秉持|借鉴)\s*[“\"「『]([^”\"」』]{2,30})[”\"」』]\s*的?"
    r"(?:路径|思路|原则|理念|要求|方针|模式|做法|经验|路子|方向)"
)


def _in_followed_way(sentence: str, a: int) -> bool:
    """Is the match at ``a`` the quoted name of an approach the clause follows?"""
    if "“" not in sentence and '"' not in sentence and "「" not in sentence and "『" not in sentence:
        return False
    return any(m.start(1) <= a < m.end(1) for m in _FOLLOWED_WAY.finditer(sentence))


#: The rest of a conference's name after a term: "第一届中国CHS-DRG/DIP付费大会", "DRG/DIP支付方式改革论坛".
_EVENT_NAME = re.compile(r"[^,，。;；:：、\s“”《》()（）]{0,8}?(?:大会|论坛|峰会|年会|博览会|研讨会)")


def _in_event_name(sentence: str, b: int) -> bool:
    """Is the match ending at ``b`` a word of the name of a conference (it names the event's theme)?
    Not the meeting that founds, launches or pushes the measure itself ("心脑血管病专科联盟成立大会",
    "DRG付费工作推进大会"): that is news of it."""
    m = _EVENT_NAME.match(sentence, b)
    return bool(m) and not any(w in m.group() for w in _OWN_EVENTS)


_OWN_EVENTS = ("成立", "启动", "揭牌", "签约", "授牌", "推进", "工作", "现场")


#: A bracket that only says what a word covers: "各紧密型医联体(含城市医疗集团和县域医共体)".
_SCOPE_NOTE = re.compile(r"[(（](?:含|包括|包含|如|即)[^()（）]{1,60}[)）]")


def _in_scope_note(sentence: str, a: int) -> bool:
    """Is the match at ``a`` inside a bracket that lists what the word before covers?"""
    if "(" not in sentence and "（" not in sentence:
        return False
    return any(m.start() < a < m.end() for m in _SCOPE_NOTE.finditer(sentence))


#: A comparison: "就像有个贴心的家庭医生在身边" names the measure as a figure of speech.
_SIMILE = re.compile(r"(?:就像|好像|好比|如同|犹如|宛如|仿佛|像是)[^,，;；:：。！？!?\n]*$")


def _in_simile(sentence: str, a: int) -> bool:
    """Does the match at ``a`` stand in a comparison its clause opens ("就像…")?"""
    return bool(_SIMILE.search(sentence, max(0, a - 15), a))


def _in_longer_enumeration(sentence: str, a: int, b: int, term: str) -> bool:
    """A term that is itself a list ("医保、医疗、医药") inside a longer list of fields:
    "专业领域涵盖医保、医疗、医药、财务、信息等" names an inspection team's skills."""
    return "、" in term and (sentence[b:b + 1] == "、" or sentence[max(0, a - 1):a] == "、")


def _is_indicator(sentence: str) -> bool:
    """A row of an indicator table ("21.国家组织药品集中采购中标药品使用比例")
    or its formula ("计算方法:...×100%"): it names a measure, says nothing."""
    return bool(_INDICATOR.match(sentence) or _FORMULA.search(sentence))


#: A document whose release the first sentences report is what the text is
#: about: the measures in its title are discussed ("《…关于促进中医药传承创新
#: 发展的意见》于近日发布").
RELEASE_SENTENCES = 2
_RELEASE = re.compile(r"印发|发布|出台|公布|颁布|下发|施行|正式实施")


#: A bibliography's type mark: "…慢病管理系统的设计[J].中国病案,2014": a reference only
#: names what the work it cites is about.
_REFERENCE_MARK = re.compile(REFERENCE_MARK)


def _in_book_title(sentence: str, a: int) -> bool:
    """Is position ``a`` inside 《...》? A weak phrasing in a cited title says nothing."""
    return sentence.rfind("《", 0, a) > sentence.rfind("》", 0, a)


def _sections(doc: Document) -> dict[int, list[int]]:
    """Heading paragraph -> the body paragraphs under it, up to the next heading."""
    out: dict[int, list[int]] = {}
    current = None
    for p in doc.paragraphs:
        if p.heading:
            current = p.index
            out[current] = []
        elif current is not None:
            out[current].append(p.index)
    return out


def _topic_sentences(doc: Document) -> set[int]:
    """Headings, and paragraph-opening topic sentences short enough to be one."""
    out = {s.index for s in doc.sentences if s.heading}
    first: dict[int, int] = {}
    count: dict[int, int] = {}
    for s in doc.sentences:
        first.setdefault(s.paragraph, s.index)
        count[s.paragraph] = count.get(s.paragraph, 0) + 1
    for paragraph, si in first.items():
        s = doc.sentences[si]
        if not s.heading and count[paragraph] > 1 and len(s.text) <= MAX_TOPIC_SENTENCE:
            out.add(si)
    return out


_FIELD_MARK = re.compile(r"[A-Za-z]|[医药保诊病卫健疗]")


def _names_its_field(term: str) -> bool:
    """Does a wording say it is health care's (DRG, 医共体, 带量采购 of 药品)? 集采 does not."""
    return bool(_FIELD_MARK.search(term))


def _about_health_care(doc: Document, taxonomy: Taxonomy, evidence_sentences: int) -> tuple[bool, bool]:
    """Is the text about health care, and is it about mainland health care?

    Two tests. First, enough of its body sentences use the domain vocabulary
    (the taxonomy's ``context``): a GDP report or a news round-up with one
    health item does not, though one item of a round-up can still be about a
    measure (see ``MIN_FOCUSED``). Second, it is not mainly about
    another health system (Taiwan's 健保, 卫福部), which the measures do not
    describe: words of that system in at least as many sentences as hold
    measure evidence (two sentences are enough in Traditional script when the
    mainland is never named: a Taiwanese column on its 健保's DRG). A text of
    headings only is judged on its headings, a bare headline on itself.
    Returns (about health care, about another system).
    """
    body = (
        [s.text for s in doc.sentences if not s.heading]
        or [s.text for s in doc.sentences]
        or [doc.title_simplified or ""]
    )
    domain = True
    if taxonomy.context:
        share = sum(1 for s in body if any(w in s for w in taxonomy.context)) / len(body)
        domain = share >= MIN_DOMAIN_SHARE
    foreign = False
    if taxonomy.foreign:
        n = sum(1 for s in body if any(w in s for w in taxonomy.foreign))
        # A headline that names the other system ("英国医疗体系的核心架构") says whose
        # measures the body describes, however many sentences name it.
        top = doc.title_simplified or (doc.sentences[0].text if doc.sentences and doc.sentences[0].heading else "")
        headline = any(w in top for w in taxonomy.foreign)
        foreign = n >= MIN_FOREIGN_SENTENCES and (n >= evidence_sentences or headline)
        # A page in Traditional script that never names the mainland (大陆, 我国,
        # 国务院) is written from Taiwan or Hong Kong: its own system named in two
        # sentences is enough.
        traditional = doc.script == "traditional" and not any(w in doc.text for w in _MAINLAND)
        foreign = foreign or (traditional and n >= MIN_FOREIGN_TRADITIONAL)
    return domain, foreign


def _share_saying(doc: Document, words: tuple[str, ...]) -> float:
    """The share of the body sentences that use one of ``words``."""
    body = [s.text for s in doc.sentences if not s.heading]
    return sum(1 for s in body if any(w in s for w in words)) / len(body) if body else 0.0


def _buys(measure) -> bool:
    """Is buying itself the measure (its context speaks of tenders: 集采)?"""
    return any(w in measure.context for w in _TENDER_WORDS)


def _title_hits(doc: Document, taxonomy: Taxonomy) -> set[int]:
    title = doc.title_simplified
    if not title:
        return set()
    matcher = _matcher(taxonomy)
    return {
        m.measure
        for m in find_matches(title, taxonomy)
        if m.strong or _has_context(title, m.start, m.end, _context_of(matcher, m))
    }


#: Two terms joined by a conjunction share their role in the sentence.
_JOINED = re.compile(r"\s*(?:" + _CONJUNCTION.pattern + r"|、)\s*$")


def _hits(doc: Document, taxonomy: Taxonomy) -> dict[int, list[_Hit]]:
    """The matches of the body, by measure, placed in their sentences."""
    matcher = _matcher(taxonomy)
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    topics = _topic_sentences(doc)
    out: dict[int, list[_Hit]] = {}
    matches = find_matches(doc.text, taxonomy)
    match_starts = [m.start for m in matches]
    previous: _Hit | None = None
    for match in matches:
        si = bisect.bisect_right(starts, match.start) - 1
        if si < 0 or match.end > sentences[si].end:
            continue  # in the white space between sentences, or across two
        sentence = sentences[si]
        a, b = match.start - sentence.start, match.end - sentence.start
        if not match.strong and (
            _in_book_title(sentence.text, a) or not _has_context(sentence.text, a, b, _context_of(matcher, match))
        ):
            continue
        if _in_simile(sentence.text, a) or _in_longer_enumeration(sentence.text, a, b, match.term):
            continue
        # Named only: an item in a list, a word of a cited title 《...》, a
        # row of an indicator table, the goal of a purpose clause, the
        # scene set by a time clause.
        cited = _in_book_title(sentence.text, a)
        listed = _is_indicator(sentence.text) or bool(_REFERENCE_MARK.search(sentence.text)) or not sentence.heading and (
            _is_list_item(sentence.text, a, b, _earlier_terms(match_starts, sentence.start, match.start))
            or (cited and not (si < RELEASE_SENTENCES and _RELEASE.search(sentence.text)))
            or (not cited and (
                _in_purpose(sentence.text, a, b) or _in_backdrop(sentence.text, a) or _in_review_list(sentence.text, a)
                or _in_scope_note(sentence.text, a) or _in_principles(sentence.text, a)
                or _in_followed_way(sentence.text, a) or _in_event_name(sentence.text, b)
            ))
        )
        if not listed and previous is not None and previous.sentence == si and previous.listed:
            # The next item of a list ("、集采和结余留用数据复核"), the goal's second
            # half ("促进分级诊疗和有序就医格局的形成"): named as the one before it.
            listed = bool(_JOINED.match(sentence.text, previous.match.end - sentence.start, a))
        previous = _Hit(match, si, listed, si in topics)
        out.setdefault(match.measure, []).append(previous)
    return out


def tag(doc: Document, taxonomy: Taxonomy | None = None) -> tuple[Tag, ...]:
    """Tag one document.

    Tags are ordered by level (primary, discussed, mentioned), then by score,
    highest first; ties go to the measure found first, then to the id.
    """
    return _tag(doc, taxonomy or load_taxonomy())


# The brief tags a document, and the keyphrases ask for its tags again.
@lru_cache(maxsize=8)
def _tag(doc: Document, taxonomy: Taxonomy) -> tuple[Tag, ...]:
    measures = taxonomy.measures
    sentences = doc.sentences
    body_paragraphs = [p.index for p in doc.paragraphs if not p.heading]
    n_body = max(1, len(body_paragraphs))
    n_sentences = sum(1 for s in sentences if not s.heading)
    lead = set(body_paragraphs[:2])
    title_hits = _title_hits(doc, taxonomy)
    by_measure = _hits(doc, taxonomy)
    evidence_sentences = len({h.sentence for hits in by_measure.values() for h in hits})
    domain, foreign = _about_health_care(doc, taxonomy, evidence_sentences)
    # A tender's page (GUIDELINES: 招标采购设备 is never 集采, nor is what it
    # buys a reform) or a market's: no measure above mentioned, but for a
    # measure of buying on a tender's page.
    tender = _share_saying(doc, _TENDER_WORDS) >= MIN_TRADE_SHARE
    market = _share_saying(doc, _MARKET_WORDS) >= MIN_TRADE_SHARE
    sections = _sections(doc)

    scored = []  # (score, first position, measure, level, hits, central)
    for mi, hits in by_measure.items():
        free = [h for h in hits if not h.listed]
        headings = {h.sentence for h in free if h.heading}
        paragraphs = {sentences[h.sentence].paragraph for h in free if not sentences[h.sentence].heading}
        # A section heading names what the paragraphs under it are about.
        owned = {
            q
            for h in free
            if sentences[h.sentence].heading
            for q in sections.get(sentences[h.sentence].paragraph, ())
        }
        # A paragraph that has only weak (ambiguous) phrasings of the measure
        # counts as half a paragraph, as a weak match counts half a match.
        strong_paragraphs = {
            sentences[h.sentence].paragraph for h in free if h.match.strong and not sentences[h.sentence].heading
        }
        coverage = (len(paragraphs | owned) - (1 - W_WEAK) * len(paragraphs - strong_paragraphs - owned)) / n_body
        score = (
            W_TITLE * (mi in title_hits)
            + W_HEADING * min(len(headings), MAX_HEADINGS)
            + W_LEAD * bool(paragraphs & lead)
            + W_COVERAGE * min(1.0, coverage)
            + W_TERMS * min(len({h.match.term for h in hits}), MAX_TERMS)
            + math.log1p(sum(1.0 if h.match.strong else W_WEAK for h in free))
            + W_LISTED * math.log1p(len(hits) - len(free))
        )
        level = "discussed" if free or mi in title_hits else "mentioned"
        # An item of a news round-up can be about a measure when the whole
        # text is not: it names the measure unambiguously, again and again.
        # Its own sentences must speak of health care: a telecom firm's 集采 of
        # servers is said again and again, in sentences with no health word.
        # A wording that names its own field (DRG, 医共体) is such a word itself.
        focused_sentences = {h.sentence for h in free if h.match.strong}
        health_sentences = {h.sentence for h in free if h.match.strong and _names_its_field(h.match.term)} | {
            si for si in focused_sentences if any(w in sentences[si].text for w in taxonomy.context)
        }
        focused = (
            sum(1 for h in free if h.match.strong) >= MIN_FOCUSED
            and 2 * len(health_sentences) >= len(focused_sentences)
        )
        if foreign or not (domain or focused) or market or (tender and not _buys(measures[mi])):
            level = "mentioned"
        level = max(level, measures[mi].max_level, key=LEVELS.index)
        central = mi in title_hits or bool(headings) or coverage >= PRIMARY_COVERAGE
        # One remark in the body of a longer text ("建立防止骗保的举措", a
        # speaker's job title) is something the article says, not what it is about.
        remarks = len({h.sentence for h in free})
        substantial = bool(mi in title_hits or headings) or remarks >= min(
            MIN_PRIMARY_SENTENCES, MIN_PRIMARY_SHARE * n_sentences
        )
        scored.append((round(score, 4), hits[0].match.start, mi, level, hits, central, substantial))
    for mi in sorted(title_hits - {item[2] for item in scored}):
        # Named in the headline only: discussed, with no body evidence.
        about = domain and not foreign and not market and not (tender and not _buys(measures[mi]))
        level = max("discussed" if about else "mentioned", measures[mi].max_level, key=LEVELS.index)
        # A longer text that never says it again is not about it (a charter
        # under its hospital's name): discussed, not primary.
        scored.append((W_TITLE, -1, mi, level, [], True, n_sentences < TITLE_ONLY_SENTENCES))
    # Equal scores: the measure with more sentences of evidence, then the one
    # found first, then the id.
    scored.sort(key=lambda item: (-item[0], -len({h.sentence for h in item[4]}), item[1], measures[item[2]].id))

    # Primary: the best discussed measure that may be primary, and up to two
    # more that are close to it and central.
    primary: set[int] = set()
    top = 0.0
    for score, _, mi, level, _, central, substantial in scored:
        if level != "discussed" or measures[mi].max_level != "primary" or not substantial:
            continue
        if not primary:
            top = score
        elif len(primary) >= MAX_PRIMARY or not (central and score >= PRIMARY_RATIO * top):
            continue
        primary.add(mi)
    tags = []
    for score, _, mi, level, hits, _, _ in scored:
        measure = measures[mi]
        if mi in primary:
            level = "primary"
        tags.append(
            Tag(
                id=measure.id,
                label=measure.zh,
                label_en=measure.en,
                group=measure.group,
                level=level,
                score=score,
                evidence=_evidence(doc, hits),
            )
        )
    order = {level: k for k, level in enumerate(LEVELS)}
    return tuple(sorted(tags, key=lambda t: order[t.level]))  # stable: score order within a level


def _evidence(doc: Document, hits: list[_Hit], limit: int = 3) -> tuple[Evidence, ...]:
    """The sentences that show a measure, verbatim in the article's own script.

    Body sentences that say something come first, then headings, then bare
    list mentions; the chosen ones are returned in document order.
    """
    by_sentence: dict[int, list[_Hit]] = {}
    for hit in hits:
        by_sentence.setdefault(hit.sentence, []).append(hit)
    order = sorted(
        by_sentence,
        key=lambda si: (all(h.listed for h in by_sentence[si]), doc.sentences[si].heading, si),
    )
    out = []
    shown: set[str] = set()
    for si in order:
        s = doc.sentences[si]
        if s.text in shown:
            continue  # a page that prints a paragraph twice: one quote is enough
        shown.add(s.text)
        terms = tuple((doc.original[h.match.start:h.match.end], h.match.start, h.match.end) for h in by_sentence[si])
        out.append(Evidence(sentence=doc.original[s.start:s.end], start=s.start, end=s.end, terms=terms))
        if len(out) == limit:
            break
    out.sort(key=lambda e: e.start)
    return tuple(out)
