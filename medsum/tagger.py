"""Tagging: which reform measures an article reports, how centrally, and why.

Matching runs one Aho-Corasick automaton (pyahocorasick) over the cleaned
Simplified text: no word segmentation, so ``medsum tag`` never loads a
segmenter dictionary. Overlapping term matches are resolved longest first;
a measure's exclusions cancel the matches they cover; Latin acronyms (DRG,
DIP) match only as whole Latin tokens, case-sensitively.

Levels follow the annotation guidelines: ``primary`` (what the headline and
most paragraphs are about), ``discussed`` (the article says something about
it), ``mentioned`` (only named, e.g. an item in a list). An article that is
not about health care gets nothing above ``mentioned``.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import cache

from medsum.brief import Evidence, Tag
from medsum.document import Document
from medsum.taxonomy import Taxonomy, load_taxonomy

LEVELS = ("primary", "discussed", "mentioned")

# Score weights: where and how a measure appears.
W_TITLE = 3.0
W_HEADING = 1.5
W_LEAD = 1.0
W_COVERAGE = 4.0
W_TERMS = 0.5
MAX_PRIMARY = 3
#: A document is about health care when this share of its sentences uses
#: the domain vocabulary (the taxonomy's ``context`` words).
MIN_DOMAIN_SHARE = 0.15

_CLAUSE = re.compile(r"[,，;；:：。！？!?]")


@dataclass(frozen=True)
class Match:
    measure: int  # index into taxonomy.measures
    start: int
    end: int
    term: str
    strong: bool


@dataclass(frozen=True)
class _Matcher:
    automaton: object
    acronyms: re.Pattern | None
    acronym_owner: dict
    taxonomy: Taxonomy


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
        pattern = re.compile(r"(?<![A-Za-z0-9])(?:" + alternatives + r")(?![A-Za-z0-9])")
    return _Matcher(automaton if entries else None, pattern, owner, taxonomy)


def find_matches(text: str, taxonomy: Taxonomy) -> list[Match]:
    """All measure matches in ``text``: longest first, no overlaps, exclusions applied."""
    matcher = _matcher(taxonomy)
    candidates: list[tuple[int, int, str, int, str]] = []  # start, end, term, measure, kind
    excluded: dict[int, list[tuple[int, int]]] = {}
    if matcher.automaton is not None:
        for end_index, (key, owners) in matcher.automaton.iter(text):
            start = end_index - len(key) + 1
            for mi, kind in owners:
                if kind == "exclude":
                    excluded.setdefault(mi, []).append((start, end_index + 1))
                else:
                    candidates.append((start, end_index + 1, key, mi, kind))
    if matcher.acronyms is not None:
        for m in matcher.acronyms.finditer(text):
            candidates.append((m.start(), m.end(), m.group(0), matcher.acronym_owner[m.group(0)], "term"))
    # Longest match first; ties by position, then by term for determinism.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
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
    return chosen


def _has_context(sentence: str, span: tuple[int, int], words: tuple[str, ...]) -> bool:
    a, b = span
    rest = sentence[:a] + "\0" + sentence[b:]
    return any(w in rest for w in words)


def _is_list_item(sentence: str, a: int, b: int) -> bool:
    """Is the match only an item in an enumeration ("A、B、C等")?"""
    left = max((m.end() for m in _CLAUSE.finditer(sentence, 0, a)), default=0)
    right_match = _CLAUSE.search(sentence, b)
    right = right_match.start() if right_match else len(sentence)
    clause = sentence[left:right]
    if clause.count("、") < 2:
        return False
    before = sentence[max(left, a - 2):a]
    after = sentence[b:min(right, b + 3)]
    return "、" in before or after.startswith(("、", "等", "和", "及")) or "、" in after[:2]


def tag(doc: Document, taxonomy: Taxonomy | None = None) -> tuple[Tag, ...]:
    """Tag one document; tags are ordered by score, highest first."""
    taxonomy = taxonomy or load_taxonomy()
    measures = taxonomy.measures
    text = doc.text
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    body_paragraphs = [p for p in doc.paragraphs if not p.heading]
    n_body = max(1, len(body_paragraphs))
    lead = {p.index for p in body_paragraphs[:2]}

    per_measure: dict[int, list[tuple[Match, int, bool]]] = {}
    for match in find_matches(text, taxonomy):
        si = bisect.bisect_right(starts, match.start) - 1
        if si < 0 or not (sentences[si].start <= match.start < sentences[si].end + 1):
            continue
        sentence = sentences[si]
        local = (match.start - sentence.start, match.end - sentence.start)
        if not match.strong:
            words = measures[match.measure].context or taxonomy.context
            if not _has_context(sentence.text, local, words):
                continue
        listy = not sentence.heading and _is_list_item(sentence.text, *local)
        per_measure.setdefault(match.measure, []).append((match, si, listy))

    title_hits: set[int] = set()
    if doc.title_simplified:
        for match in find_matches(doc.title_simplified, taxonomy):
            if match.strong:
                title_hits.add(match.measure)

    domain = taxonomy.context
    body_sentences = [s for s in sentences if not s.heading]
    on_topic_share = (
        sum(1 for s in body_sentences if any(w in s.text for w in domain)) / len(body_sentences)
        if body_sentences and domain else 1.0
    )
    on_topic = on_topic_share >= MIN_DOMAIN_SHARE

    scored: list[tuple[float, int, str, list]] = []
    for mi, hits in per_measure.items():
        free = [(m, si) for m, si, listy in hits if not listy]
        heading_hits = {si for m, si, _ in hits if sentences[si].heading}
        paragraphs = {sentences[si].paragraph for m, si in free if not sentences[si].heading}
        terms = {m.term for m, _, _ in hits}
        score = (
            W_TITLE * (mi in title_hits)
            + W_HEADING * min(len(heading_hits), 3)
            + W_LEAD * bool(paragraphs & lead)
            + W_COVERAGE * min(1.0, len(paragraphs) / n_body)
            + W_TERMS * min(len(terms), 4)
            + math.log1p(len(free))
            + 0.2 * math.log1p(len(hits) - len(free))
        )
        level = "discussed" if (free or mi in title_hits) else "mentioned"
        scored.append((round(score, 4), mi, level, hits))
    scored.sort(key=lambda item: (-item[0], min(m.start for m, _, _ in item[3]), item[1]))

    # Primary: the best discussed measure, and up to two more that are close
    # to it and central (title, headings or a fair share of paragraphs).
    discussed = [item for item in scored if item[2] == "discussed"]
    primary: set[int] = set()
    if discussed and on_topic:
        top = discussed[0][0]
        primary.add(discussed[0][1])
        for score, mi, _, hits in discussed[1:]:
            if len(primary) >= MAX_PRIMARY:
                break
            heading_hits = any(sentences[si].heading for _, si, _ in hits)
            paragraphs = {sentences[si].paragraph for _, si, listy in hits if not listy}
            central = mi in title_hits or heading_hits or len(paragraphs) / n_body >= 0.3
            if central and score >= 0.7 * top:
                primary.add(mi)

    tags = []
    for score, mi, level, hits in scored:
        if mi in primary:
            level = "primary"
        elif not on_topic:
            level = "mentioned"
        measure = measures[mi]
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
    return tuple(tags)


def _evidence(doc: Document, hits: list, limit: int = 3) -> tuple[Evidence, ...]:
    """The sentences that show a measure: free mentions first, then lists."""
    by_sentence: dict[int, list] = {}
    for match, si, listy in hits:
        by_sentence.setdefault(si, []).append((match, listy))
    order = sorted(
        by_sentence,
        key=lambda si: (all(listy for _, listy in by_sentence[si]), doc.sentences[si].heading, si),
    )
    out = []
    for si in order[:limit]:
        s = doc.sentences[si]
        terms = tuple(
            (doc.original[m.start:m.end], m.start, m.end) for m, _ in by_sentence[si]
        )
        out.append(Evidence(sentence=doc.original[s.start:s.end], start=s.start, end=s.end, terms=terms))
    out.sort(key=lambda e: e.start)
    return tuple(out)
