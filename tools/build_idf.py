"""Build medsum/data/idf.txt: how common a word is in general Chinese text.

Keyphrases must be the article's subjects, not words that are everywhere
(启动, 标准, 市场, 合作). jieba ships an IDF table of general text
(jieba/analyse/idf.txt, MIT licence, 270,000 words, 6 MB); loading it costs
about half a second, and only its common words are informative here: a word
missing from the table is taken to be rare, that is specific. This script
keeps the words of two characters or more below an IDF cut-off, rounded to
one decimal and grouped by value, which makes a table of about 170 kB that
loads in milliseconds.

Usage: python tools/build_idf.py [path/to/jieba/analyse/idf.txt]
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

#: Words at or above this IDF are treated as rare; the cut-off is about the
#: 8th percentile of the table (the median is 11.7).
CUTOFF = 9.0
_WORD = re.compile(r"^[\u4e00-\u9fff]{2,}$")


def main(argv: list[str]) -> int:
    if len(argv) > 1:
        source = Path(argv[1])
    else:
        import jieba.analyse

        source = Path(jieba.analyse.__file__).with_name("idf.txt")
    groups: dict[str, list[str]] = defaultdict(list)
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split(" ")
        if len(parts) != 2 or not _WORD.match(parts[0]):
            continue
        value = float(parts[1])
        if value < CUTOFF:
            groups[f"{value:.1f}"].append(parts[0])
    target = Path(__file__).resolve().parent.parent / "medsum" / "data" / "idf.txt"
    lines = [
        "# Inverse document frequency of common words in general Chinese text, derived",
        "# from jieba's analyse/idf.txt (MIT licence) by tools/build_idf.py: words of two",
        f"# or more characters with IDF below {CUTOFF}, grouped by value rounded to 0.1.",
        "# A word missing from this table is rare in general text.",
    ]
    for value in sorted(groups, key=float):
        lines.append(value + "\t" + " ".join(sorted(groups[value])))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sum(map(len, groups.values()))} words -> {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
