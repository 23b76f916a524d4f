"""The default engine: medsum's own TextRank (see keywords.py, summary.py)."""

from __future__ import annotations

from medsum.document import Document
from medsum.results import Keyphrase, SummarySentence


class MedsumEngine:
    name = "medsum"

    def keyphrases(self, doc: Document, *, n: int = 10) -> tuple[Keyphrase, ...]:
        from medsum.keywords import keyphrases

        return keyphrases(doc, n=n)

    def summarize(self, doc: Document, *, n: int = 4) -> tuple[SummarySentence, ...]:
        from medsum.summary import summarize

        return summarize(doc, n=n)
