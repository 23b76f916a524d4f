"""Word segmentation and part-of-speech tags.

rjieba (the jieba-rs binding) is used rather than jieba: measured here it
tags about 2 million characters a second and loads in about 0.15 s, against
jieba's 50,000 characters a second and 0.9 s, with nearly the same cuts (and
without jieba's pathological slowdown on debris). The segmenter gets a
domain dictionary, the taxonomy's terms and ``data/vocab.txt``, so that
医共体, 三医联动, 带量采购 or 城市医疗集团 stay whole.

The module also owns the word lists the rankers read, each loaded once on
first use: the genre's generic words (``data/stopwords.txt``) and how common
a word is in general text (``data/idf.txt``).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

#: Frequency given to domain words so the segmenter prefers them.
DOMAIN_FREQ = 200_000
#: IDF of a word missing from ``data/idf.txt``: rare in general text.
RARE_IDF = 9.0


@cache
def domain_vocabulary() -> tuple[str, ...]:
    text = (resources.files("medsum") / "data" / "vocab.txt").read_text(encoding="utf-8")
    words = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return tuple(words)


@cache
def stopwords() -> frozenset[str]:
    text = (resources.files("medsum") / "data" / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        word
        for line in text.splitlines()
        for word in line.split("#", 1)[0].split()
    )


@cache
def idf() -> dict[str, float]:
    """Inverse document frequency of the common words of general Chinese text.

    Built from jieba's table by ``tools/build_idf.py``; a word missing from it
    is rare (``RARE_IDF``). It tells 启动, 标准 or 合作, which are everywhere,
    from 双信封 or 药占比, which name something.
    """
    text = (resources.files("medsum") / "data" / "idf.txt").read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        value, _, words = line.partition("\t")
        weight = float(value)
        for word in words.split():
            table[word] = weight
    return table


@cache
def domain_terms() -> frozenset[str]:
    """The words the segmenter keeps whole: ``data/vocab.txt`` and the taxonomy's terms."""
    from medsum.taxonomy import load_taxonomy

    words = set(domain_vocabulary())
    for measure in load_taxonomy().measures:
        for term in (*measure.terms, *measure.weak):
            # Enumerations ("医疗、医保、医药") and fragments are not words, nor
            # is a term that an exclusion shows glued to the character before
            # it: as a word, 强基层 would cut 加强基层 into 加 + 强基层.
            if (
                2 <= len(term) <= 12 and not any(c in term for c in "、，,“”\"'") and not verb_and_object(term)
                and not any(x.find(term) == 1 for x in measure.exclude)
            ):
                words.add(term)
    return frozenset(words)


_VERB_AND_OBJECT = re.compile(
    r"^(?:提升|提高|加强|推进|推动)[^、]*(?:机构|医院)$|^(?:骗取|虚构|伪造|学习|借鉴|推广|不出|转入|转至|转到|转往)"
)


def verb_and_object(term: str) -> bool:
    """Is a taxonomy term a verb and the start of its object ("提升基层医疗机构"
    ...医务人员的服务水平), or a verb and its object ("骗取医保基金", "伪造医学文书",
    "借鉴三明", "不出县", "转入上级医院")?
    Evidence of a measure, but neither a word nor a name."""
    return bool(_VERB_AND_OBJECT.match(term))


@cache
def _segmenter():
    import rjieba

    jieba = rjieba.Jieba()
    for word in sorted(domain_terms()):
        jieba.add_word(word, DOMAIN_FREQ, "nz")
    return jieba


#: Words of the dictionary that are two words run together, and how they
#: part: 好省 swallows a verb's complement ("落实好省卫健委" is 落实好 + 省卫健委),
#: 据省 a preposition ("据省医改办介绍"), 地向 an adverb's mark ("不断地向基层
#: 医院延伸"), 医院院长 the head of a hospital's name ("七煤医院院长张某").
_RUN_TOGETHER = {
    "好省": (("好", "a"), ("省", "n")),
    "好市": (("好", "a"), ("市", "n")),
    "好县": (("好", "a"), ("县", "n")),
    "好区": (("好", "a"), ("区", "n")),
    "据省": (("据", "p"), ("省", "n")),
    "据市": (("据", "p"), ("市", "n")),
    "地向": (("地", "uv"), ("向", "p")),
    "医院院长": (("医院", "n"), ("院长", "n")),
}


def tag_words(text: str) -> list[tuple[str, str]]:
    """(word, part of speech) pairs for ``text``."""
    words = _segmenter().tag(text)
    if not any(w in _RUN_TOGETHER for w, _ in words):
        return words
    out: list[tuple[str, str]] = []
    for i, (word, pos) in enumerate(words):
        if word in _RUN_TOGETHER and i + 1 < len(words) and "\u4e00" <= words[i + 1][0][:1] <= "\u9fff":
            out += _RUN_TOGETHER[word]
        else:
            out.append((word, pos))
    return out
