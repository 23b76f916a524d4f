"""Key figures: the numbers an article reports and what they count.

Money (亿元, 万元), counts with their measure word (704种, 116家, 5014人次),
percentages and ratios. Years, dates, ordinals and document numbers are not
figures. What a figure counts is read from the nearest nouns around it
(segmented), and a figure in a sentence that carries a reported measure is
attributed to that measure (集采: 药品704种).
"""

from __future__ import annotations

import bisect
import re

from medsum.brief import Figure, Tag
from medsum.document import Document

#: Taiwan writes 兆 for 万亿 ("3兆350亿元") and 万 inside a number ("13万8,664床"): one amount.
#: A minus sign counts after a space, a bracket or a colon ("超支占比 -0.09%", "(-3%)"), never
#: between two figures (30%-40%, 2021-2023).
_NUMBER = r"(?P<num>(?:(?<=[\s(（:：=])[-−](?=\d))?(?<!\d)(?:\d+兆)?(?:\d+万(?=\d))?\d+(?:,\d{3})*(?:\.\d+)?)"
_MONEY_UNITS = "万亿元|亿元|万元|千元|元|亿美元|万美元"
_COUNT_UNITS = (
    "(?:万|亿|千)?(?:人次|余人次|多人次|批次|个百分点|张床|余家|余人|余种|余项|余个|多家|多人|多个|多项|多种|"
    "种|家|个|类|名|人|项|所|批|张|台|套|床|条|支|辆|处|份|例|场|次|篇|户|元|倍)"
)
_FIGURE = re.compile(
    _NUMBER
    # "235余万元", "3000多万元": about so much (not 多元化, "diverse").
    + r"\s*(?:[余多]?(?P<money>"
    + _MONEY_UNITS
    + r")(?!化)|(?P<pct>%|％)|(?P<count>"
    + _COUNT_UNITS
    + r"))"
)
#: "1:10", or a split in three or more parts read whole ("早中晚三餐热量按3:4:3分配").
_RATIO = re.compile(
    r"(?<![\d.:：])(?P<a>\d+(?:\.\d+)?)\s*[:：]\s*(?P<b>\d+(?:\.\d+)?)(?:\s*[:：]\s*\d+(?:\.\d+)?)*(?![\d.:：])"
)
#: Not a figure after these: an ordinal, a document number, a formula (…×100%), a
#: session's number after its term ("第十七届75次常务会议").
_NOT_FIGURE_BEFORE = re.compile(r"(第|届|〔|\[|【|No\.?|编号|[×*]\s*)$")
#: A change the figure measures, written right before it ("下降6.3%", "增长了12%");
#: "下降至", "提高到" give a level, not a change.
_CHANGE_BEFORE = re.compile(
    r"(?:(?P<down>下降|降低|减少|缩短|下滑|回落|降幅|降价|节约|节省|压缩)|"
    r"(?P<up>增长|增加|提高|提升|上升|上涨|回升|增幅|增量|扩大))了?(?:约|近|超过|超)?$"
)
#: After 个, a duration or a share of points, not things counted.
_DURATION_AFTER = ("百分", "月", "半月", "小时", "工作日", "星期", "季度", "年头")
_NOUNISH = ("n", "nz", "nt", "ns", "vn", "nr", "j", "eng", "l")
_MAX_FIGURES = 15


def _value(text: str, unit: str = "") -> float | None:
    try:
        if "兆" in text:
            trillions, rest = text.split("兆")
            if not unit.startswith("亿"):
                return None
            return float(trillions) * 10000 + float(rest.replace(",", ""))
        if "万" in text:
            tens_of_thousands, rest = text.split("万")
            return float(tens_of_thousands) * 10000 + float(rest.replace(",", ""))
        return float(text.replace(",", "").replace("−", "-"))
    except ValueError:
        return None


_SPACES = re.compile(r"\s+")
#: Words that quantify what was counted ("176家医疗机构全部纳入"): not part of it.
_QUANTIFIERS = frozenset("全部 全体 所有 全都 整体".split())
#: Nouns that say what kind of figure it is, not what it counts: after 的
#: ("24%的增幅") they leave the subject to the words before the figure.
_FIGURE_NOUNS = frozenset("增幅 降幅 增速 比例 比重 份额 部分 水平 幅度 规模".split())


#: How far from a figure, in characters, the words that say what it counts are read.
WHAT_REACH = 40


def _what(sentence: str, start: int, end: int, unit: str = "") -> str:
    """A few words for what the figure at [start, end) counts.

    In order: for a percentage, the noun after 的 ("90%的病人"); the nouns
    right after it, one modifier allowed ("4家二级医疗机构", "40家海外乳制品");
    a person count's verb ("29人死亡"); the nouns before it, past a verb or
    an adverb ("医用耗材24类", "参保率稳定在95%").
    """
    clause_start = _clause_start(sentence, start)
    clause_end_candidates = [i for i in (sentence.find(c, end) for c in ",，;；。、(（") if i >= 0]
    clause_end = min(clause_end_candidates) if clause_end_candidates else len(sentence)
    # Only the words next to the figure are read: a long clause (a table's row
    # of figures) is not segmented again for each of its figures.
    after = _words(sentence[end:min(clause_end, end + WHAT_REACH)])[:4]
    before = _words(sentence[max(clause_start, start - WHAT_REACH):start].rstrip())  # "增长率 -2.5%": a space before a signed figure

    def nouns(words: list[tuple[str, str]]) -> list[str]:
        out = []
        for word, pos in words:
            if not (pos.startswith(_NOUNISH) and len(word) >= 2) or word in _QUANTIFIERS:
                break
            out.append(word)
        return out

    if unit in ("%", "％") and len(after) > 1 and after[0][0] == "的":  # a share of something
        named = nouns(after[1:])
        if named and named[0] not in _FIGURE_NOUNS and after[1][1] != "vn":
            return "".join(named[:2])
    modifier = []
    if len(after) > 1 and after[0][1][:1] in ("b", "s", "a", "m") and len(after[0][0]) >= 2 and not after[0][0][0].isdigit():
        modifier, after = [after[0][0]], after[1:]  # 二级 (医疗机构), 海外 (企业)
    named = nouns(after)
    if named:
        return "".join(modifier + named[:2])
    if unit in ("人", "名", "例", "人次") and after and after[0][1].startswith("v") and len(after[0][0]) == 2:
        return after[0][0]  # "29人死亡、42人受伤"
    words: list[str] = []
    skipped = 0
    for word, pos in reversed(before):
        if not words and (word in _COMPARISON or word in _CHANGE_VERBS):
            continue  # what it is compared with: "收益较去年同期增加", "增加值同比下降5.2%"; "下降至7000元"
        if pos.startswith(_NOUNISH) and len(word) >= 2:
            words.insert(0, word)
            if len(words) == 2:
                break
        elif not words and word in _AUXILIARIES:
            continue  # "平均可能达1200元"
        elif not words and skipped < 2 and pos[:1] in ("v", "d", "p", "u", "m", "q", "f", "c", "a"):
            skipped += 1  # "累计达5014人次", "平均62%": look past the verb or adverb
        else:
            break
    label = "".join(words)
    at = sentence.rfind(label, clause_start, start) if label else -1
    if at > 0 and sentence[at - 1] == "非":
        return "非" + label  # "非国家基本药物目录药品177种": the negation is part of what is counted
    return label


#: Between two figures of one range or series: "10%~15%", "2万元至5万元", "80%和70%",
#: "从7万元提高到28万元".
_SERIES_GAP = re.compile(
    r"\s*(?:[~～\-—–、]|至|到|和|与|及|或|(?:提高|增加|增长|上升|下降|降低|减少)(?:到|至)|降至|增至|减至|升至)\s*"
)
#: The verbs of a change: what moved, never what it is ("从3.5万元下降至7000元").
_CHANGE_VERBS = frozenset("下降 降低 减少 增长 增加 提高 提升 上升 上涨 回落 下滑".split())
#: Verbs that only link an amount to its subject ("达到", "为"): not what it is.
_LINKING_VERBS = frozenset("达到 超过 突破 达 为 是 约 超 要 占 有 保持 稳定 实现 完成 累计 共计 合计 总计 高达 仅 近".split())
#: The base a change is measured against, never what changed.
_COMPARISON = frozenset("同比 环比 同期 去年同期 上年同期 上年 去年 较 比上年 较上年 相比 比去年 较去年".split())
#: What follows 占比 as the dictionary cuts it (占 + 比达): a linking verb.
_LINKS = frozenset("达为超约近逾仅已")
#: Verbs of likelihood before an amount ("可能达1200元", "预计节约5亿元"): never what it is.
_AUXILIARIES = frozenset("可能 可以 能够 将会 预计 预期 有望 或将 估计 应该 需要".split())


def _money_verb(sentence: str, start: int) -> str:
    """What an amount of money with no noun is for, told by its verb: 投入,
    负担, 罚没, 减负 (never a verb that only links it: 达到, 为)."""
    clause_start = _clause_start(sentence, start)
    before = _words(sentence[clause_start:start])
    for word, pos in reversed(before[-3:]):
        if pos.startswith("v") and len(word) == 2 and word not in _LINKING_VERBS and word not in _AUXILIARIES:
            return word
        if pos[:1] not in ("d", "u", "p") and word not in _LINKING_VERBS and word not in _AUXILIARIES:
            break  # look past an adverb, a particle or a linking verb only ("减负超63亿元")
    return ""


def _clock_time(text: str, m: re.Match) -> bool:
    """"18:31", "57:26" (a page's clock, a video's length) are not ratios; "1:10" is."""
    a, b = m.group("a"), m.group("b")
    if m.group().count(":") + m.group().count("：") > 1:
        return bool(re.fullmatch(r"\d{1,2}:\d{2}:\d{2}", m.group()))  # "18:31:05", not "3:4:3"
    if len(b) != 2 or "." in a + b or len(a) > 2:
        return False
    return int(a) > 12 or b.startswith("0") or bool(_TIME_CONTEXT.search(text, max(0, m.start() - 15), m.start()))


#: Right before a clock time: a date, 时间, a part of the day ("12月5日 18:31", "上午9:30").
_TIME_CONTEXT = re.compile(r"(?:时间[:：]?|日|上午|下午|晚上|早上|凌晨|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*$")


def _clause_start(sentence: str, start: int) -> int:
    """Where the clause holding ``start`` begins."""
    return max((sentence.rfind(c, 0, start) for c in ",，;；。:：(（"), default=-1) + 1


def _words(text: str) -> list[tuple[str, str]]:
    """Tagged words, with a rate read as one noun: 参保 + 率 -> 参保率 (the
    dictionary cuts the verb from its 率)."""
    from medsum.segment import tag_words

    out: list[tuple[str, str]] = []
    for word, pos in tag_words(text):
        if word == "率" and out and len(out[-1][0]) >= 2 and not out[-1][0][0].isdigit():
            out[-1] = (out[-1][0] + word, "n")
        elif len(word) == 2 and word.endswith("率") and out and out[-1][1] == "v" and len(out[-1][0]) == 1:
            out[-1] = (out[-1][0] + word, "n")  # 入 + 组率 -> 入组率
        elif len(word) == 2 and word[0] == "比" and word[1] in _LINKS and out and out[-1][0] == "占":
            out[-1:] = [("占比", "n"), (word[1:], "v")]  # 占 + 比达 -> 占比 + 达
        elif word == "收入" and pos == "v" and out and out[-1][1].startswith("n") and len(out[-1][0]) >= 2:
            out[-1] = (out[-1][0] + word, "n")  # 营业 + 收入 (read as a verb) -> 营业收入
        else:
            out.append((word, pos))
    return out


_CLAUSE_MARKS = ",，;；:：。"


def _measure_for(text: str, start: int, base: int, term_spans) -> str | None:
    """The measure a figure belongs to: a term in its clause, else before it.

    ``term_spans`` are the terms that start in the sentence (absolute offsets).
    None when the sentence names no measure, "" when it names them only in
    other items of a list parted by semicolons."""
    in_sentence = [(a - base, tid) for a, _, tid in term_spans]
    if not in_sentence:
        return None
    left = max(text.rfind(c, 0, start) for c in _CLAUSE_MARKS) + 1
    rights = [i for i in (text.find(c, start) for c in _CLAUSE_MARKS) if i >= 0]
    right = min(rights) if rights else len(text)
    same_clause = [(abs(start - a), tid) for a, tid in in_sentence if left <= a < right]
    if same_clause:
        return min(same_clause)[1]
    # Items of a list parted by semicolons, each on another measure, say their
    # own things: a figure takes no measure from another item ("97.5%的统筹地区
    # 开展总额控制;86.3%的统筹地区…推行按病种付费;在30个试点城市开展DRG付费").
    # A sentence on one measure is one topic, whatever its punctuation.
    item = max(text.rfind(c, 0, start) for c in ";；") + 1
    end = min([i for i in (text.find(c, start) for c in ";；") if i >= 0] or [len(text)])
    in_item = [(a, tid) for a, tid in in_sentence if item <= a < end]
    if not in_item and len({tid for _, tid in in_sentence}) > 1:
        return ""
    in_sentence = in_item or in_sentence
    before = [(start - a, tid) for a, tid in in_sentence if a < start]
    if before:
        return min(before)[1]
    return min((abs(start - a), tid) for a, tid in in_sentence)[1]


def _in_original(doc: Document, sentence, what: str, start: int, end: int) -> str:
    """``what`` (found in the Simplified text) as the article writes it."""
    if not what:
        return what
    text = sentence.text
    at = text.rfind(what, 0, start)
    if at < 0:
        at = text.find(what, end)
    if at < 0:
        return what
    return doc.original[sentence.start + at:sentence.start + at + len(what)]


def find_figures(doc: Document, tags: tuple[Tag, ...] = (), taxonomy=None) -> tuple[Figure, ...]:
    """The figures of a document, in article order (at most a screenful)."""
    reported = [t for t in tags if t.level in ("primary", "discussed")]
    # Every occurrence of a reported measure, not only its evidence sentences.
    from medsum.tagger import find_matches
    from medsum.taxonomy import load_taxonomy

    taxonomy = taxonomy or load_taxonomy()
    reported_ids = {t.id for t in reported}
    term_spans = [
        (m.start, m.end, taxonomy.measures[m.measure].id)
        for m in find_matches(doc.text, taxonomy)
        if taxonomy.measures[m.measure].id in reported_ids
    ]
    evidence_sentences = {
        (ev.start, ev.end): t.id for t in reversed(reported) for ev in t.evidence
    }
    term_spans.sort()
    term_starts = [a for a, _, _ in term_spans]
    figures: list[Figure] = []
    seen: dict[str, list[str]] = {}  # figure -> labels already given: a text that says it twice
    for sentence in doc.sentences:
        if sentence.heading:
            continue
        text = sentence.text
        # The terms of this sentence only: a long report has thousands of both.
        lo = bisect.bisect_left(term_starts, sentence.start)
        hi = bisect.bisect_left(term_starts, sentence.end)
        sentence_terms = term_spans[lo:hi]
        found = []
        for m in _FIGURE.finditer(text):
            if _NOT_FIGURE_BEFORE.search(text[max(0, m.start() - 3):m.start()]):
                continue
            unit = m.group("money") or m.group("pct") or m.group("count")
            kind = "money" if m.group("money") else "percent" if m.group("pct") else "count"
            if kind == "count" and unit == "元":
                kind = "money"
            if kind == "count" and unit == "个" and text.startswith(_DURATION_AFTER, m.end()):
                continue  # "10个百分点" is not ten things, nor "10个半月" or "6个月"
            found.append((m.start(), m.end(), m.group("num"), unit, kind))
        for m in _RATIO.finditer(text):
            if not _clock_time(text, m):
                found.append((m.start(), m.end(), m.group("a"), ":", "ratio"))
        previous_end, previous_what = -1, ""
        for start, end, number, unit, kind in sorted(found):
            measure = _measure_for(text, start, sentence.start, sentence_terms)
            if measure is None and (sentence.start, sentence.end) in evidence_sentences:
                measure = evidence_sentences[(sentence.start, sentence.end)]
            measure = measure or None  # "": the sentence's measures are another item's
            value = _value(number, unit)
            change = _CHANGE_BEFORE.search(text, max(0, start - 6), start)
            text_start = change.start() if change else start
            what = _what(text, text_start, end, unit)  # "药品平均降幅62%": 药品, not 降幅
            if not what and previous_what and _SERIES_GAP.fullmatch(text, previous_end, text_start):
                what = previous_what  # the other end of a range or the next of a series: 10%~15%, 80%和70%
            if not what and kind == "money":
                what = _money_verb(text, text_start)  # "总投入70557万元", "罚没6.2亿元"
            previous_end, previous_what = end, what
            if kind == "count" and value is not None and value < 10 and (
                measure is None or not text.startswith(what, end)
            ):
                # "以3个'加强'为抓手": a small count matters only when it
                # counts something named right after it ("5个城市医疗集团").
                continue
            given = seen.setdefault(_SPACES.sub("", text[text_start:end]), [])
            if what and any(what in w or w in what for w in given):
                continue  # the lead and the body both say "176家医疗机构"
            if what:
                given.append(what)  # (a figure given without a label does not hide a labelled one)
            figures.append(
                Figure(
                    text=doc.original[sentence.start + text_start:sentence.start + end],
                    value=value,
                    unit=unit,
                    kind=kind,
                    what=_in_original(doc, sentence, what, start, end),
                    measure=measure,
                    sentence=sentence.index,
                    change=None if change is None else "down" if change.group("down") else "up",
                )
            )
    if len(figures) <= _MAX_FIGURES:
        return tuple(figures)
    # Too many for a brief: take them in turns across the reported measures
    # (in tag order), money and percentages first within each, then figures
    # tied to no measure; give them back in article order.
    rank = {"money": 0, "percent": 0, "ratio": 1, "count": 1}
    queues: dict[str | None, list[int]] = {}
    for i, f in enumerate(figures):
        queues.setdefault(f.measure, []).append(i)
    for queue in queues.values():
        queue.sort(key=lambda i: (rank[figures[i].kind], i))
    order = [t.id for t in reported if t.id in queues]
    keep: list[int] = []
    while len(keep) < _MAX_FIGURES and any(queues.get(m) for m in order):
        for m in order:
            if queues.get(m) and len(keep) < _MAX_FIGURES:
                keep.append(queues[m].pop(0))
    keep += queues.get(None, [])[: _MAX_FIGURES - len(keep)]
    return tuple(figures[i] for i in sorted(keep))
