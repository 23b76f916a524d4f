"""Keyphrase and summary engines, chosen through a plain dict (sumy's way).

Every engine takes a cleaned ``Document`` and returns the shared records of
``medsum.results``: ``keyphrases(doc, n=...) -> tuple[Keyphrase, ...]`` and
``summarize(doc, n=...) -> tuple[SummarySentence, ...]`` (summary sentences
in article order). Engines are imported only when chosen.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from medsum.document import Document
from medsum.errors import UsageError
from medsum.results import Keyphrase, SummarySentence


class Engine(Protocol):
    name: str

    def keyphrases(self, doc: Document, *, n: int = 10) -> tuple[Keyphrase, ...]: ...

    def summarize(self, doc: Document, *, n: int = 4) -> tuple[SummarySentence, ...]: ...


#: name -> "module:attribute" of a zero-argument factory.
ENGINES = {
    "medsum": "medsum.engines.medsum_engine:MedsumEngine",
    "textrank4zh": "medsum.engines.textrank4zh_engine:TextRank4ZHEngine",
}


def get_engine(name: str) -> Engine:
    try:
        target = ENGINES[name]
    except KeyError:
        raise UsageError(f"unknown engine {name!r}; choose from {', '.join(sorted(ENGINES))}") from None
    module, attr = target.split(":")
    return getattr(importlib.import_module(module), attr)()
