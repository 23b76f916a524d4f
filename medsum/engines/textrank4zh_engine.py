"""The ``textrank4zh`` engine: the reference TextRank for Chinese, as a baseline.

textrank4zh (letian, v0.3) implements TextRank (Mihalcea & Tarau 2004) over
jieba's part-of-speech segmentation: a co-occurrence graph of words for
keywords, a word-overlap similarity graph of sentences for summaries, both
ranked with networkx's PageRank. It is used here unchanged, through its
public classes, so that medsum's own engine can be compared with it.

Compatibility shim (applied once, when this module is imported): textrank4zh
calls ``networkx.from_numpy_matrix``, which networkx 3.0 removed in favour of
``from_numpy_array`` (same arguments, same graph for a 2-D array). We install
the alias only when the name is missing, so an old networkx is left alone and
no other code is affected (nothing else can be using a name that does not
exist). networkx 3's ``pagerank`` needs scipy, which medsum depends on anyway.
Pinning networkx < 3 instead would hold back every other user of it.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import networkx as nx

from medsum.document import Document, Sentence
from medsum.results import Keyphrase, SummarySentence

if not hasattr(nx, "from_numpy_matrix"):
    nx.from_numpy_matrix = nx.from_numpy_array

#: How many top words textrank4zh combines into phrases (its README uses 20).
KEYWORDS_FOR_PHRASES = 20
#: A phrase must occur this often in the text (textrank4zh's own default).
MIN_OCCUR = 2

# What textrank4zh cuts sentences on (util.sentence_delimiters) and what
# medsum keeps with a sentence (closing quotes and brackets), stripped from
# both ends before sentences of the two splitters are compared.
_EDGES = "?!;？！。；…\n \t" + "”’」』）)】》\"'〕"
_SPACE = re.compile(r"\s+")


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence jieba's dictionary-loading messages for the duration.

    jieba attaches a DEBUG stream handler to its logger on import and logs
    "Building prefix dict ..." to stderr; we raise the logger's level only
    while textrank4zh runs and restore it afterwards, so the setting does not
    leak into the caller's logging configuration.
    """
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings():
            # textrank4zh opens its stopword file without closing it.
            warnings.simplefilter("ignore", ResourceWarning)
            yield
    finally:
        logger.setLevel(level)


@cache
def _textrank4zh():
    """The textrank4zh module, imported once, with its debug printing off."""
    with _quiet():
        import textrank4zh
        from textrank4zh import util

        # util.debug prints the whole graph when the environment has DEBUG=1;
        # its flag is a module global that it caches on first use.
        setattr(util, "__DEBUG", False)
        return textrank4zh


def _keyword_analyser():
    # A new analyser per call: analyze() keeps its results on the object, so a
    # shared one would be shared mutable state. Each reads its stopword list
    # (a few thousand lines), which costs far less than the ranking.
    with _quiet():
        return _textrank4zh().TextRank4Keyword()


def _sentence_analyser():
    with _quiet():
        return _textrank4zh().TextRank4Sentence()


def _key(text: str) -> str:
    return _SPACE.sub("", text).strip(_EDGES).lower()


class TextRank4ZHEngine:
    name = "textrank4zh"

    def keyphrases(self, doc: Document, *, n: int = 10) -> tuple[Keyphrase, ...]:
        if n <= 0 or not doc.text.strip():
            return ()
        words = _keyword_analyser()
        with _quiet():
            words.analyze(text=doc.text, lower=True, window=2)
            phrases = words.get_keyphrases(keywords_num=max(KEYWORDS_FOR_PHRASES, n), min_occur_num=MIN_OCCUR)
            # Single characters are never index phrases (and could never match
            # a gold phrase), so the completing keywords are asked for with
            # textrank4zh's own word_min_len=2.
            keywords = words.get_keywords(num=len(words.keywords), word_min_len=2)
        weight = {item.word: float(item.weight) for item in words.keywords}

        # get_keyphrases returns a set turned into a list: its order changes
        # with PYTHONHASHSEED. Rank phrases by the summed weight of the words
        # they join, then by first position, then by text.
        ranked = sorted(
            ((_phrase_score(p, weight), p) for p in set(phrases)),
            key=lambda sp: (-sp[0], _first(doc.text, sp[1]), sp[1]),
        )
        chosen: list[tuple[float, str]] = ranked[:n]
        seen = {p for _, p in chosen}
        for item in keywords:
            if len(chosen) >= n:
                break
            if item.word not in seen:
                seen.add(item.word)
                chosen.append((float(item.weight), item.word))
        # Which phrases is settled above; the order given back is by score,
        # as for every engine (a completing word may outweigh a weak phrase).
        chosen.sort(key=lambda sp: (-sp[0], _first(doc.text, sp[1]), sp[1]))
        return tuple(
            Keyphrase(text=(written := _as_written(doc.text, p)), score=s, count=_count(doc.text, written))
            for s, p in chosen
        )

    def summarize(self, doc: Document, *, n: int = 4) -> tuple[SummarySentence, ...]:
        if n <= 0 or not doc.sentences:
            return ()
        sentences = _sentence_analyser()
        with _quiet():
            # As in textrank4zh's README: similarity over the POS-filtered words.
            sentences.analyze(text=doc.text, lower=True, source="all_filters")
            ranked = sentences.get_key_sentences(num=len(sentences.key_sentences))
        picked: dict[int, float] = {}
        for item in ranked:
            if len(picked) >= n:
                break
            match = _map_sentence(item.sentence, doc.sentences, taken=picked)
            if match is not None:
                picked[match.index] = float(item.weight)
        return tuple(
            SummarySentence(index=i, text=doc.sentences[i].text, score=picked[i],
                            start=doc.sentences[i].start, end=doc.sentences[i].end)
            for i in sorted(picked)
        )


def _phrase_score(phrase: str, weight: dict[str, float]) -> float:
    """Summed weight of the keywords a phrase is made of.

    textrank4zh builds a phrase by joining adjacent top keywords, so the phrase
    splits back into them; the split with the fewest parts is used.
    """
    best: list[tuple[int, float] | None] = [None] * (len(phrase) + 1)
    best[0] = (0, 0.0)
    for end in range(1, len(phrase) + 1):
        for start in range(end):
            prev = best[start]
            word = phrase[start:end]
            if prev is not None and word in weight:
                cand = (prev[0] + 1, prev[1] + weight[word])
                if best[end] is None or cand[0] < best[end][0]:
                    best[end] = cand
    found = best[-1]
    if found is not None:
        return found[1]
    return sum(w for word, w in weight.items() if word in phrase)


def _first(text: str, phrase: str) -> int:
    pos = text.lower().find(phrase)
    return pos if pos >= 0 else len(text)


def _as_written(text: str, phrase: str) -> str:
    """textrank4zh lower-cases (``lower=True``); give back the text's own case."""
    if phrase.isascii() and not any(c.isalpha() for c in phrase):
        return phrase
    pos = text.lower().find(phrase)
    if pos < 0 or len(text.lower()) != len(text):
        return phrase
    return text[pos:pos + len(phrase)]


def _count(text: str, phrase: str) -> int:
    return text.count(phrase) if phrase else 0


def _map_sentence(sentence: str, doc_sentences: tuple[Sentence, ...], *, taken: dict[int, float]) -> Sentence | None:
    """The sentence of the document that a textrank4zh sentence is.

    The two splitters differ: textrank4zh drops the delimiters and leaves a
    closing quote at the start of the next piece, and medsum also ends a
    sentence at a paragraph end. Equal text, compared without edge
    punctuation and spaces, is a match; otherwise the first document sentence
    that contains the piece (at least half of it) stands for it. A piece that
    maps to nothing, or to a sentence already taken, is skipped.
    """
    key = _key(sentence)
    if len(key) < 2:
        return None
    for s in doc_sentences:
        if s.index not in taken and _key(s.text) == key:
            return s
    for s in doc_sentences:
        whole = _key(s.text)
        if s.index not in taken and key in whole and len(key) * 2 >= len(whole):
            return s
    return None
