"""medsum: LLM-free briefs of Chinese healthcare-reform news.

The public API is re-exported lazily so that ``import medsum`` stays cheap
(the tagger must start without loading a segmenter).
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "read_path",
    "read_text",
    "clean",
    "load_taxonomy",
    "tag",
    "keyphrases",
    "summarize",
    "brief",
]

_LAZY = {
    "read_path": ("medsum.reader", "read_path"),
    "read_text": ("medsum.reader", "read_text"),
    "clean": ("medsum.clean", "clean"),
    "load_taxonomy": ("medsum.taxonomy", "load_taxonomy"),
    "tag": ("medsum.tagger", "tag"),
    "keyphrases": ("medsum.keywords", "keyphrases"),
    "summarize": ("medsum.summary", "summarize"),
    "brief": ("medsum.brief", "make_brief"),
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'medsum' has no attribute {name!r}")
