"""Keyphrases: TextRank over words, assembled into phrases, with what it misses.

1. Words: the cleaned sentences are segmented (``segment``); nouns, names,
   abbreviations, Latin tokens and domain words are candidates, minus the
   genre's generic words (``data/stopwords.txt``).
2. TextRank (Mihalcea & Tarau 2004): PageRank over a co-occurrence graph of
   candidates within a window, never across a clause boundary.
3. Phrases: runs of adjacent candidates inside a clause (at most four words,
   twelve characters), kept when they recur or appear in the title.
4. What TextRank alone misses: the taxonomy's terms as the article writes
   them, named programmes in quotation marks (“固脚强腰”), position (title
   and lead) and specificity (long, recurring phrases over generic words).
5. Phrases containing one another are deduplicated; debris never gets here
   because the cleaner removed it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

import numpy as np

from medsum.document import Document
from medsum.rank import pagerank
from medsum.results import Keyphrase

WINDOW = 4
MAX_PHRASE_WORDS = 4
MAX_PHRASE_CHARS = 12

_NOUNISH = ("n", "nr", "ns", "nt", "nz", "nl", "ng", "vn", "eng", "j", "an", "l", "i")
_CLAUSE_BREAK = re.compile(r"[,，。！？!?；;:：、()（）“”\"'‘’《》〈〉「」『』【】\[\]—…·|/\s]")
_QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』,，。；;、]{2,10})[”\"」』]")
_NUMERIC = re.compile(r"^[\d.%％]+$|^\d")
_BAD_EDGE = frozenset("的之和与及或等在对为以将把被了着过是有")


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_BREAK.split(text) if c]


def _is_candidate(word: str, pos: str, stop: frozenset[str]) -> bool:
    if len(word) < 2 and not (pos == "eng" and word.isupper()):
        return False
    if _NUMERIC.match(word) or not pos.startswith(_NOUNISH):
        return False
    return pos != "eng" or word.isupper() or len(word) >= 3


def keyphrases(doc: Document, *, n: int = 10) -> tuple[Keyphrase, ...]:
    """The ``n`` best keyphrases of a document, best first."""
    from medsum.segment import stopwords, tag_words

    stop = stopwords()
    body = [s for s in doc.sentences]
    if not body:
        return ()
    title = doc.title_simplified or ""
    n_sent = len(body)

    # Tokens per clause, with candidate flags.
    clause_tokens: list[list[tuple[str, bool]]] = []
    clause_pos: list[int] = []  # sentence position, for the position prior
    for k, sentence in enumerate([*([] if not title else [None]), *body]):
        text = title if sentence is None else sentence.text
        for clause in _clauses(text):
            tokens = [(w, _is_candidate(w, p, stop)) for w, p in tag_words(clause) if w.strip()]
            if tokens:
                clause_tokens.append(tokens)
                clause_pos.append(k)

    # TextRank over candidate words.
    vocab: dict[str, int] = {}
    for tokens in clause_tokens:
        for w, ok in tokens:
            if ok and w not in vocab:
                vocab[w] = len(vocab)
    size = len(vocab)
    if size == 0:
        return ()
    rows: list[int] = []
    cols: list[int] = []
    for tokens in clause_tokens:
        ids = [vocab[w] for w, ok in tokens if ok]
        for i, a in enumerate(ids):
            for b in ids[i + 1:i + WINDOW]:
                if a != b:
                    rows += (a, b)
                    cols += (b, a)
    import scipy.sparse as sp

    matrix = sp.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size)).tocsr()
    word_rank = pagerank(matrix) * size  # mean 1

    # Phrase candidates: runs of adjacent candidate words inside a clause.
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    members: dict[str, tuple[str, ...]] = {}
    order = 0
    for tokens, k in zip(clause_tokens, clause_pos):
        run: list[str] = []
        for w, ok in [*tokens, ("", False)]:
            if ok:
                run.append(w)
                continue
            for i in range(len(run)):
                for j in range(i + 1, min(len(run), i + MAX_PHRASE_WORDS) + 1):
                    words = tuple(run[i:j])
                    phrase = "".join(words)
                    if len(phrase) > MAX_PHRASE_CHARS:
                        break
                    counts[phrase] += 1
                    members.setdefault(phrase, words)
                    if phrase not in first_seen:
                        first_seen[phrase] = order
                        order += 1
            run = []

    title_norm = title
    lead_text = "".join(s.text for s in body[: max(2, n_sent // 10)])
    quoted = Counter(m.group(1) for m in _QUOTED.finditer(doc.text + "\n" + title))
    taxonomy_terms = _taxonomy_terms_in(doc.text + "\n" + title)

    scores: dict[str, float] = {}
    for phrase, count in counts.items():
        words = members[phrase]
        if len(words) == 1 and (phrase in stop):
            continue
        if any(w in stop for w in (words[0], words[-1])) and len(words) > 1 and phrase not in taxonomy_terms:
            # "工作机制", "发展医共体": a generic word at an edge.
            generic_edges = sum(w in stop for w in (words[0], words[-1]))
            if generic_edges == 2:
                continue
        if phrase[0] in _BAD_EDGE or phrase[-1] in _BAD_EDGE:
            continue
        in_title = phrase in title_norm
        if len(words) > 1 and count < 2 and not in_title:
            continue
        rank = float(np.mean([word_rank[vocab[w]] for w in words]))
        specific = sum(1 for w in words if w not in stop) / len(words)
        score = rank * (0.5 + specific) * math.log1p(count) * (1.0 + 0.25 * (len(words) - 1))
        score *= 1.0 + 0.1 * min(len(phrase), 8)
        if in_title:
            score *= 1.6
        if phrase in lead_text:
            score *= 1.2
        if phrase in taxonomy_terms:
            score *= 1.8
        if quoted.get(phrase, 0):
            score *= 1.5 + 0.3 * min(quoted[phrase], 3)
        scores[phrase] = score

    # Named programmes in quotes that the segmenter split into non-nouns.
    for phrase, qcount in quoted.items():
        if phrase not in scores and qcount >= 2 and 2 <= len(phrase) <= 8 and not _NUMERIC.match(phrase):
            base = max(scores.values(), default=1.0)
            scores[phrase] = 0.3 * base * (1 + 0.2 * qcount)
            counts[phrase] = max(counts.get(phrase, 0), qcount)
            first_seen.setdefault(phrase, order)
            order += 1

    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], first_seen.get(kv[0], 0), kv[0]))
    # The measures the article reports, in its own wording, lead the list:
    # they are what a reader indexes a reform article by.
    measure_terms = _measure_terms(doc)
    chosen: list[tuple[str, float]] = []
    top = ranked[0][1] if ranked else 1.0
    for phrase, weight in measure_terms[: max(1, (n * 3) // 5)]:
        if not any(phrase in other or other in phrase for other, _ in chosen):
            chosen.append((phrase, top * (1.0 + weight)))
    for phrase, score in ranked:
        if len(chosen) >= n:
            break
        clash = None
        for i, (other, other_score) in enumerate(chosen):
            if phrase in other or other in phrase:
                clash = i
                break
        if clash is None:
            chosen.append((phrase, score))
    chosen.sort(key=lambda kv: -kv[1])
    return tuple(Keyphrase(text=p, score=round(s, 6), count=doc.text.count(p)) for p, s in chosen)


def _measure_terms(doc: Document) -> list[tuple[str, float]]:
    """One surface term per reported measure: its most frequent wording."""
    from medsum.tagger import tag

    out = []
    for t in tag(doc):
        if t.level == "mentioned":
            continue
        counts: Counter[str] = Counter()
        for ev in t.evidence:
            for term, start, end in ev.terms:
                counts[doc.text[start:end]] += 1
        if counts:
            best = sorted(counts.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0][0]
            out.append((best, t.score / 100.0))
    return out


def _taxonomy_terms_in(text: str) -> set[str]:
    from medsum.taxonomy import load_taxonomy
    from medsum.tagger import find_matches

    return {m.term for m in find_matches(text, load_taxonomy())}
