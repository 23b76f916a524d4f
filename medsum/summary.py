"""Summary sentences: TextRank centrality plus the article's subjects.

1. Candidates: body sentences of a useful length; never headings, questions
   or lead-ins that end with a colon (a text with nothing else is summarised
   by what it has: its questions, or its unpunctuated lines).
2. Centrality: TextRank (Mihalcea & Tarau 2004), PageRank over a graph whose
   edge weights are the cosine similarities of the sentences' BM25-weighted
   character bigrams (robust to segmentation errors, and what the judged
   ROUGE counts). The graph is never built: W = V·Vᵀ is applied as an
   operator, so a 300,000-character report ranks in linear time.
3. Salience: a brief says what happened, where and with what result. A
   sentence earns weight for its similarity to the headline, its figures
   and its position (news puts the main statement first, in its lead), all scaled by a
   length prior: a short sentence cannot say what, where and how much, and
   a very long run-on list dilutes the summary.
4. Subjects: the sentences that together name the article's keyphrases (the
   measures in its own wording, its programmes, institutions and place)
   summarise it; each keyphrase counts once, for the first sentence chosen
   that names it, so the summary covers several measures instead of
   repeating the main one.
5. Selection: greedy Maximal Marginal Relevance (Carbonell & Goldstein 1998)
   over the salience plus the subjects not yet covered, against similarity
   to the sentences already chosen; the chosen ones are returned in article
   order (sumy's way).
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from medsum.document import Document, Sentence
from medsum.rank import Sparse, pagerank
from medsum.results import SummarySentence

MIN_CHARS = 12
MAX_CHARS = 600
HEADING_CHARS = 20  # a numbered sentence this short is a heading
TABLE_BARS = 3  # a sentence with this many bars is a table's row
SIGNPOST_CHARS = 60  # a signpost to what follows is short
MIN_CJK_SHARE = 0.3
BM25_K1 = 1.2
BM25_B = 0.75
MMR_LAMBDA = 0.8
#: Cosine similarity from which a sentence repeats a chosen one (chosen pairs on
#: the 43 real pages reach at most 0.21).
NEAR_DUPLICATE = 0.6

# Relevance = length prior x (centrality + headline + figures + position),
# plus W_KEYPHRASE for each of the first KEYPHRASES keyphrases that a sentence
# names and no chosen sentence does yet. Set on the dev gold and on a second,
# hand-labelled set of pages (averaged over 8-12 keyphrases, so that the
# choice does not hang on one list).
W_CENTRAL = 0.5
W_TITLE = 1.0
W_FIGURE = 0.05
FIGURE_CAP = 4
W_POSITION = 0.1
W_LEAD = 0.2
W_KEYPHRASE = 0.2
KEYPHRASES = 10
LENGTH_FULL = 100  # characters from which a sentence counts as fully informative
LENGTH_POWER = 0.5
LENGTH_LONG = 260  # beyond this, every extra character dilutes the summary

_FIGURE = re.compile(
    r"(?<!\d)\d+(?:\.\d+)?\s*(?:%|％|亿元|万元|元|亿|万|家|个|种|类|人次|名|人|项|所|批|张|床|倍|年)"
)
_NON_CJK = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]")
#: The formulas that close an official notice: they say how to use it, not what it says.
_FORMULA = re.compile(
    r"请(?:结合实际)?(?:认真|遵照|抓好)?(?:贯彻)?(?:执行|落实)[。!]?$|特此通知"
    r"|请(?:径向|及时|径|迳向)?(?:向|报)?\S{0,20}(?:反映|反馈|报告|报送)[。]?$|请及时报\S{0,30}[。]?$"
)
#: A signpost to what follows, saying nothing itself: "下面将从定义、特点、争议等方面进行总结,并以表格形式清晰展示。"
_SIGNPOST = re.compile(
    r"^(?:(?:下面|以下|接下来)(?:将|就|我们|小编|笔者|让我们|为大家|为您|来)?|(?:本文|下文)(?:将|就|来))[^。]{0,30}?"
    r"(?:进行|做|作|来)?(?:总结|介绍|分析|解析|剖析|说明|解读|讲解|梳理|盘点|展示|阐述|论述|探讨)"
)
_REPORT_APPARATUS = re.compile(r"投资咨询资格编号|执业证书编号|请务必阅读正文|证券分析师")
_QUESTION = ("?", "？", "吗", "呢")
_UNQUOTE = re.compile(r"[“”\"'‘’「」『』]")
_LEAD_IN = (":", "：")


def _grams(text: str) -> list[str]:
    chars = _NON_CJK.sub("", text)
    return [chars[i:i + 2] for i in range(len(chars) - 1)]


#: A section's number in a table of contents ("3.4日本分级诊疗衔接的支付创新"), not an amount.
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\s*(?![万亿千百元倍%])[\u4e00-\u9fff]")


def candidates(doc: Document) -> list[Sentence]:
    """Sentences that may be chosen: body text of a useful length."""
    from medsum.clean import cjk_ratio, ends_sentence, is_numbered

    out = []
    body = [s for s in doc.sentences if not s.heading]
    # A text cut off mid-sentence (a page saved half-loaded, an excerpt): its
    # last words are not a sentence ("国家推行高值医用耗材集采,意在解",
    # "…存在虚构医药服务骗取医"), however long the line they end.
    cut = -1
    if body and not ends_sentence(body[-1].text):
        cut = body[-1].index
    for s in doc.sentences:
        text = s.text.rstrip("”’」』)）\"' ")
        if s.heading or s.index == cut or not (MIN_CHARS <= len(s.text) <= MAX_CHARS):
            continue
        if text.endswith(_QUESTION) or text.endswith(_LEAD_IN):
            continue
        if len(s.text) <= HEADING_CHARS and is_numbered(s.text):
            continue  # a numbered heading left inside a flattened paragraph: "(二)互惠互利,责权一致。"
        if cjk_ratio(s.text) < MIN_CJK_SHARE:
            continue  # a paper's English title, an address line: not the article's prose
        if s.text.count("|") >= TABLE_BARS:
            continue  # a table's row: "| 多倍积分 | 多人刷卡最高可获6倍积分奖励 | …", "指标 | 6 | 每千常住人口… | 人 |"

        if _REPORT_APPARATUS.search(s.text):
            continue  # a broker's report header run into one "sentence": ratings, analysts, licences
        if _SIGNPOST.match(s.text) and len(s.text) <= SIGNPOST_CHARS:
            continue  # what the text will do next, not what it says
        if _FORMULA.search(s.text) and "《" not in s.text:
            # A notice's closing formula ("请认真贯彻执行", "实施中遇到问题,请…反映"),
            # unless it names the document it sends.
            continue
        out.append(s)
    if not out:
        # A text of questions, or of runs too long to be sentences, is still
        # summarised by what it has; so is one of unpunctuated lines only (an
        # infographic's captions: "中医类国家区域医疗中心增至14个"), all read as
        # headings, but not a table of contents ("一、慢病管理数字化转型背景").
        out = [s for s in doc.sentences if not s.heading and len(s.text) >= MIN_CHARS and s.text.count("|") < TABLE_BARS]
        out = out or [
            s for s in doc.sentences
            if len(s.text) >= MIN_CHARS and s.text.count("|") < TABLE_BARS
            and not is_numbered(s.text) and not _SECTION_NUMBER.match(s.text)
        ]
    return out


def summarize(doc: Document, *, n: int = 4) -> tuple[SummarySentence, ...]:
    """The ``n`` sentences that best summarise ``doc``, in article order."""
    cands = candidates(doc)
    if not cands or n <= 0:
        return ()
    unit, vocab, idf = _vectors([s.text for s in cands])
    base = _length_prior(cands) * (
        W_CENTRAL * _centrality(unit)
        + W_TITLE * _title_similarity(doc, unit, vocab, idf)
        + W_FIGURE * _figures(cands)
        + W_POSITION * _position(doc, cands)
    )
    subjects = _subjects(doc, cands)
    chosen, relevance = _select(base, subjects, unit, n)
    chosen.sort(key=lambda i: cands[i].index)
    return tuple(
        SummarySentence(
            index=cands[i].index,
            text=cands[i].text,
            score=round(float(relevance[i]), 6),
            start=cands[i].start,
            end=cands[i].end,
        )
        for i in chosen
    )


def _vectors(texts: list[str]):
    """Unit-length BM25 vectors of character bigrams, one row per text."""
    grams = [_grams(t) for t in texts]
    m = len(grams)
    df: Counter[str] = Counter()
    for g in grams:
        df.update(set(g))
    vocab = {g: i for i, g in enumerate(sorted(df))}
    idf = np.zeros(len(vocab))
    for g, i in vocab.items():
        idf[i] = math.log(1 + (m - df[g] + 0.5) / (df[g] + 0.5))
    avg_len = max(1e-9, sum(len(g) for g in grams) / m)
    rows: list[int] = []
    cols: list[int] = []
    tfs: list[int] = []
    lengths = np.zeros(m)
    for i, g in enumerate(grams):
        lengths[i] = len(g)
        for gram, f in Counter(g).items():
            rows.append(i)
            cols.append(vocab[gram])
            tfs.append(f)
    rows_a = np.asarray(rows, dtype=np.int64)
    cols_a = np.asarray(cols, dtype=np.int64)
    tf = np.asarray(tfs, dtype=np.float64)
    norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[rows_a] / avg_len)
    vals = idf[cols_a] * tf * (BM25_K1 + 1) / (tf + norm)
    weights = Sparse(rows_a, cols_a, vals, (m, len(vocab)))
    norms = np.sqrt(weights.row_squares())
    norms[norms == 0] = 1.0
    return weights.scale_rows(1.0 / norms), vocab, idf


def _centrality(unit) -> np.ndarray:
    """TextRank scores (max 1) over the cosine graph W = V·Vᵀ minus self-loops."""
    scores = pagerank(CosineGraph(unit))
    top = scores.max()
    return scores / top if top > 0 else scores


class CosineGraph:
    """The sentence graph W = V·Vᵀ without self-loops, as an operator.

    W is symmetric, so its product and its transpose's are the same.
    """

    def __init__(self, unit: Sparse):
        self.unit = unit
        self.self_sim = unit.row_squares()
        self.shape = (unit.shape[0], unit.shape[0])

    def matvec(self, x: np.ndarray) -> np.ndarray:
        return self.unit.matvec(self.unit.rmatvec(x)) - self.self_sim * x

    rmatvec = matvec


def _title_similarity(doc: Document, unit, vocab, idf) -> np.ndarray:
    """Cosine of each sentence with the headline (0 when there is none)."""
    title = doc.title_simplified or ""
    counts = Counter(g for g in _grams(title) if g in vocab)
    if not counts:
        return np.zeros(unit.shape[0])
    grams = sorted(counts)
    vals = np.array([idf[vocab[g]] * counts[g] for g in grams])
    vec = np.zeros(len(vocab))
    vec[[vocab[g] for g in grams]] = vals / np.linalg.norm(vals)
    return unit.matvec(vec)


def _figures(cands: list[Sentence]) -> np.ndarray:
    """How many figures (amounts, counts, percentages) a sentence gives, up to 4."""
    return np.array([min(len(_FIGURE.findall(s.text)), FIGURE_CAP) for s in cands], dtype=np.float64)


def _position(doc: Document, cands: list[Sentence]) -> np.ndarray:
    """News puts the main statement first: 1 for the first sentence, decaying;
    the lead (导语), the first sentence that may be chosen, earns
    ``W_LEAD / W_POSITION`` more."""
    total = max(1, len(doc.sentences))
    out = np.array([1.0 / (1.0 + 10.0 * s.index / total) for s in cands])
    if len(out):
        out[0] += W_LEAD / W_POSITION
    return out


def _length_prior(cands: list[Sentence]) -> np.ndarray:
    """Short sentences say little; very long ones dilute the summary."""
    lengths = np.array([len(s.text) for s in cands], dtype=np.float64)
    prior = np.minimum(1.0, lengths / LENGTH_FULL) ** LENGTH_POWER
    long = lengths > LENGTH_LONG
    prior[long] *= LENGTH_LONG / lengths[long]
    return prior


def _subjects(doc: Document, cands: list[Sentence]) -> list[frozenset[int]]:
    """Which of the article's keyphrases (``keywords``) each sentence names."""
    from medsum.keywords import subjects

    phrases = [k.text for k in subjects(doc, n=KEYPHRASES)]
    out = []
    for s in cands:
        text = _UNQUOTE.sub("", s.text)
        out.append(frozenset(i for i, p in enumerate(phrases) if p in text or p in s.text))
    return out


def _select(base: np.ndarray, subjects: list[frozenset[int]], unit, n: int):
    """Greedy selection: relevance plus new subjects, minus redundancy.

    Maximal Marginal Relevance (Carbonell & Goldstein 1998) whose relevance
    also counts each keyphrase once: a sentence earns ``W_KEYPHRASE`` for
    every subject of the article that no chosen sentence names yet, so the
    summary covers the measures and programmes the article is about rather
    than repeating the first one. Ties go to the earlier sentence.
    """
    m = len(base)
    static = base + W_KEYPHRASE * np.array([len(x) for x in subjects], dtype=np.float64)
    scale = max(float(static.max()), 1e-12)
    redundancy = np.zeros(m)
    covered: set[int] = set()
    chosen: list[int] = []
    available = np.ones(m, dtype=bool)
    while len(chosen) < min(n, m):
        gains = np.array([len(x - covered) for x in subjects], dtype=np.float64)
        relevance = (base + W_KEYPHRASE * gains) / scale
        value = MMR_LAMBDA * relevance - (1 - MMR_LAMBDA) * redundancy
        # A near-copy of a chosen sentence (a page that repeats its lead, or
        # prints its whole body twice) is never chosen: a shorter summary is
        # better than one that says a sentence twice.
        fresh = available & (redundancy < NEAR_DUPLICATE)
        if not fresh.any():
            break
        value[~fresh] = -np.inf
        best = int(np.argmax(value))  # the first maximum: the earliest sentence
        chosen.append(best)
        available[best] = False
        covered |= subjects[best]
        redundancy = np.maximum(redundancy, unit.matvec(unit.row(best)))
    return chosen, static / scale
