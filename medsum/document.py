"""The cleaned document: one frozen value that every later stage works from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: A series label before a headline: 【一线调研】, [高质量发展调研行].
_COLUMN_LABEL = re.compile(r"^\s*[【\[][^】\]]{2,30}[】\]]\s*")


@dataclass(frozen=True)
class Sentence:
    """A sentence of the cleaned text.

    ``start``/``end`` are character offsets into ``Document.text`` (Simplified)
    and equally into ``Document.original`` (the article's own script): cleaning
    converts script character by character where a phrase conversion would
    change the length, so the two strings stay aligned.
    """

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    heading: bool = False


@dataclass(frozen=True)
class Paragraph:
    index: int
    text: str
    start: int
    end: int
    heading: bool = False


@dataclass(frozen=True)
class Removed:
    """A piece of page debris taken out of the text, and the rule that took it."""

    text: str
    reason: str


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD)
    source: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Document:
    path: str
    text: str  # Simplified, normalised body; paragraphs joined by "\n"
    original: str  # the same body in the article's own script, aligned with text
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    metadata: Metadata = field(default_factory=Metadata)
    script: str = "simplified"  # "simplified" | "traditional"
    encoding: str = "utf-8"
    container: str = "text"  # "text" | "markdown" | "html"
    removed: tuple[Removed, ...] = ()
    title_simplified: str | None = None  # the title in Simplified, for analysis

    @property
    def title(self) -> str | None:
        return self.metadata.title

    @property
    def headline(self) -> str:
        """The Simplified title without the column label a site puts before it
        ("【锚定现代化 改革再深化】推动优质医疗资源下沉…"): the label names the
        series, not the article, so the keyphrases read past it."""
        return _COLUMN_LABEL.sub("", self.title_simplified or "").strip()

    @property
    def headings(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.heading)

    def original_span(self, start: int, end: int) -> str:
        """The text between two offsets as the article wrote it."""
        return self.original[start:end]

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "title": self.metadata.title,
            "date": self.metadata.date,
            "source": self.metadata.source,
            "author": self.metadata.author,
            "script": self.script,
            "encoding": self.encoding,
            "container": self.container,
            "text": self.text,
            "paragraphs": [
                {"index": p.index, "text": p.text, "start": p.start, "end": p.end, "heading": p.heading}
                for p in self.paragraphs
            ],
            "sentences": [
                {"index": s.index, "text": s.text, "start": s.start, "end": s.end,
                 "paragraph": s.paragraph, "heading": s.heading}
                for s in self.sentences
            ],
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
        }
