"""The brief: one result object from which every view is rendered."""

from __future__ import annotations

from dataclasses import dataclass, field

from medsum.document import Document
from medsum.results import Keyphrase, SummarySentence

SCHEMA = "medsum/brief@1"


@dataclass(frozen=True)
class Evidence:
    sentence: str  # verbatim, in the article's own script
    start: int  # offsets of the sentence in Document.text / Document.original
    end: int
    terms: tuple[tuple[str, int, int], ...]  # (matched term as written, start, end)


@dataclass(frozen=True)
class Tag:
    id: str
    label: str  # zh label
    label_en: str
    group: str
    level: str  # "primary" | "discussed" | "mentioned"
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Figure:
    text: str  # the figure as written ("704种", "11.05亿元", "62%")
    value: float | None
    unit: str
    kind: str  # "money" | "count" | "percent" | "ratio"
    what: str  # a few words saying what it counts
    measure: str | None  # tag id of the measure the sentence belongs to
    sentence: int  # index into Document.sentences
    change: str | None = None  # "up" or "down": a rise or fall the article reports ("下降6.3%")


@dataclass(frozen=True)
class Place:
    province: str | None
    city: str | None
    county: str | None
    name: str  # joined, e.g. "吉林省长春市"


@dataclass(frozen=True)
class Brief:
    path: str
    document: Document
    tags: tuple[Tag, ...] = ()
    keyphrases: tuple[Keyphrase, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    figures: tuple[Figure, ...] = ()
    place: Place | None = None
    engine: str = "medsum"
    extra: dict = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        return self.document.metadata.title


def make_brief(
    doc: Document,
    *,
    taxonomy=None,
    engine: str = "medsum",
    n_keyphrases: int = 10,
    n_sentences: int = 4,
) -> Brief:
    """Everything a reader needs about one cleaned document."""
    from medsum.engines import get_engine
    from medsum.figures import find_figures
    from medsum.places import place_of
    from medsum.tagger import tag
    from medsum.taxonomy import load_taxonomy

    if taxonomy is None or isinstance(taxonomy, str):
        taxonomy = load_taxonomy(taxonomy)
    tags = tag(doc, taxonomy)
    ranker = get_engine(engine)
    return Brief(
        path=doc.path,
        document=doc,
        tags=tags,
        keyphrases=ranker.keyphrases(doc, n=n_keyphrases),
        summary=ranker.summarize(doc, n=n_sentences),
        figures=find_figures(doc, tags, taxonomy),
        place=place_of(doc),
        engine=engine,
    )
