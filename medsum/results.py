"""Small result records shared by the ranking engines and the renderers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Keyphrase:
    text: str  # Simplified, as used for matching
    score: float
    count: int = 0  # occurrences in the cleaned text


@dataclass(frozen=True)
class SummarySentence:
    index: int  # index into Document.sentences
    text: str  # Simplified
    score: float
    start: int  # offsets into Document.text / Document.original
    end: int
