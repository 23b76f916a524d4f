"""Summary sentences: TextRank over a sentence-similarity graph.

The graph links sentences by BM25-weighted overlap of their character
bigrams (robust to segmentation errors, and what the judged ROUGE counts),
ranked with PageRank (Mihalcea & Tarau 2004) under a position prior: news
puts what happened first. Sentences that carry reform measures or figures
get a prior boost. Redundancy is controlled with Maximal Marginal
Relevance (Carbonell & Goldstein 1998). Headings are never candidates.
The best sentences are chosen by score, then returned in article order.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from medsum.document import Document, Sentence
from medsum.rank import pagerank
from medsum.results import SummarySentence

MIN_CHARS = 12
MAX_CHARS = 400
BM25_K1 = 1.2
BM25_B = 0.75
MMR_LAMBDA = 0.7

_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|亿元|万元|元|亿|万|家|个|种|类|人次|名|人|项|所|批|张|床)")
_NON_CJK = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]")


def _grams(text: str) -> list[str]:
    chars = _NON_CJK.sub("", text)
    return [chars[i:i + 2] for i in range(len(chars) - 1)]


def candidates(doc: Document) -> list[Sentence]:
    return [
        s for s in doc.sentences
        if not s.heading and MIN_CHARS <= len(s.text) <= MAX_CHARS and not s.text.endswith(("?", "？"))
    ]


def summarize(doc: Document, *, n: int = 4) -> tuple[SummarySentence, ...]:
    """The ``n`` sentences that best summarise ``doc``, in article order."""
    cands = candidates(doc)
    if not cands or n <= 0:
        return ()
    grams = [_grams(s.text) for s in cands]
    m = len(cands)

    # BM25 weights of each sentence's bigrams, the sentence as document.
    df: Counter[str] = Counter()
    for g in grams:
        df.update(set(g))
    avg_len = sum(len(g) for g in grams) / m
    vocab = {g: i for i, g in enumerate(sorted(df))}
    import scipy.sparse as sp

    rows, cols, vals = [], [], []
    for i, g in enumerate(grams):
        tf = Counter(g)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * len(g) / max(avg_len, 1e-9))
        for gram, f in tf.items():
            idf = math.log(1 + (m - df[gram] + 0.5) / (df[gram] + 0.5))
            rows.append(i)
            cols.append(vocab[gram])
            vals.append(idf * f * (BM25_K1 + 1) / (f + norm))
    weights = sp.csr_matrix((vals, (rows, cols)), shape=(m, len(vocab)))
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sp.diags(1.0 / norms) @ weights
    similarity = (unit @ unit.T).toarray()
    np.fill_diagonal(similarity, 0.0)

    # Prior: position in the article, first sentences of paragraphs, the
    # reform measures and figures a sentence carries, a moderate length.
    measure_sentences = _measure_sentences(doc)
    total = max(1, len(doc.sentences))
    prior = np.empty(m)
    first_in_paragraph = set()
    seen_paragraphs = set()
    for s in doc.sentences:
        if not s.heading and s.paragraph not in seen_paragraphs:
            seen_paragraphs.add(s.paragraph)
            first_in_paragraph.add(s.index)
    for i, s in enumerate(cands):
        position = 1.0 / (1.0 + 3.0 * s.index / total)
        weight = 0.5 + position
        if s.index in first_in_paragraph:
            weight += 0.3
        weight += 0.35 * min(measure_sentences.get(s.index, 0), 3)
        weight += 0.15 * min(len(_FIGURE.findall(s.text)), 4)
        weight *= min(1.0, len(s.text) / 40.0)
        prior[i] = weight
    scores = pagerank(similarity, personalization=prior)
    scores = scores / scores.max() if scores.max() > 0 else scores
    relevance = 0.5 * scores + 0.5 * prior / prior.max()

    # MMR: relevance against similarity to what is already chosen.
    chosen: list[int] = []
    remaining = list(range(m))
    while remaining and len(chosen) < n:
        best, best_value = None, -1e9
        for i in remaining:
            redundancy = max((similarity[i, j] for j in chosen), default=0.0)
            value = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy
            if value > best_value + 1e-12:
                best, best_value = i, value
        chosen.append(best)
        remaining.remove(best)
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


def _measure_sentences(doc: Document) -> dict[int, int]:
    """How many distinct measures each sentence names."""
    import bisect

    from medsum.tagger import find_matches
    from medsum.taxonomy import load_taxonomy

    starts = [s.start for s in doc.sentences]
    per: dict[int, set[int]] = {}
    for match in find_matches(doc.text, load_taxonomy()):
        si = bisect.bisect_right(starts, match.start) - 1
        if si >= 0:
            per.setdefault(si, set()).add(match.measure)
    return {si: len(ms) for si, ms in per.items()}
