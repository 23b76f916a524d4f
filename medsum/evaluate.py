"""Scoring briefs against a hand-made gold file (``medsum eval GOLD.yaml``).

The gold schema and the scoring rules are those of shared/eval/GUIDELINES.md
(schema ``medsum-gold/1``). Every metric is a pure function over plain values
(strings, ids, scores), so it can be tested on small hand-made cases and
reused by the benchmark; ``evaluate`` only runs the pipeline and adds up.

Choices the guidelines leave open, made here once:

* Normalisation (before any comparison): OpenCC t2s on the whole string,
  full-width ASCII folded to half-width, pinyin annotations removed
  (``medsum.clean.strip_pinyin``, after folding so that ``醫（yī）`` is
  caught too), white-space runs collapsed to one space and the ends trimmed.
  No case folding: the guidelines do not ask for it, so ``drg`` is not ``DRG``.
* Tags: predicted = tags at level ``primary`` or ``discussed`` (``mentioned``
  is not a claim that the article discusses the measure). Per-measure counts
  and the overall micro P/R/F1 are summed over all documents.
* primary@1: the predicted tag with the highest score (ties: the earlier in
  the brief) is one of the gold ``primary`` measures; no prediction is a miss,
  except for a document whose gold ``primary`` is empty (not about reform),
  where predicting nothing is right and predicting anything is a miss.
* Keyphrases: a prediction matches a gold phrase when, after normalisation,
  one contains the other and the shorter has at least 2 characters. Matching
  is one-to-one, a maximum bipartite matching (Kuhn's augmenting paths,
  predictions taken in rank order): one gold phrase cannot be claimed by
  several predictions ("医共体", "医共体建设", "紧密型医共体" against one
  "紧密型县域医共体" score one hit, not three), and no prediction is wasted on
  a gold phrase another prediction could have taken instead, which a greedy
  first-come pairing would do. Duplicate predictions count as predictions.
* ROUGE: character level, over the predicted summary sentences joined vs the
  gold sentences joined. Units are the letters and digits of the normalised
  text (Unicode categories L* and N*): white space, punctuation and symbols
  are left out, because the half-width "," and "(" of one text against the
  full-width "，" of another, or the sheer number of commas, would otherwise
  move the score without a word of content changing. ROUGE-N counts clipped
  n-gram overlaps (Lin 2004); ROUGE-L uses the longest common subsequence;
  each gives precision, recall and F1 (beta = 1).
* Fields (title, date, source, region): correct when equal after
  normalisation; a null (or empty) gold value is matched only by a null (or
  empty) prediction. The region prediction is ``brief.place.name``.
* Debris leaks: a gold ``boilerplate`` string leaks when its normalised form
  occurs in the normalised cleaned text, title, a keyphrase, a summary
  sentence or a tag's evidence sentence; each string counts once per document.
* Averages: per-document figures (keyphrase P/R/F1, ROUGE P/R/F1, primary@1,
  field accuracy) are means over the gold documents, each of P, R and F1
  averaged separately. A document that fails (unreadable, or the pipeline
  raised) is scored as an empty prediction and its error is recorded, so a
  crash cannot raise the averages by dropping a hard document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medsum.clean import clean, strip_pinyin
from medsum.errors import GoldError, InputError, MedsumError
from medsum.reader import read_path

if TYPE_CHECKING:
    from rich.console import Console

    from medsum.brief import Brief

SCHEMA = "medsum-gold/1"
REPORT_SCHEMA = "medsum/eval@1"

#: Tag levels that count as a prediction that the article discusses a measure.
PREDICTED_LEVELS = frozenset({"primary", "discussed"})
#: Fields compared exactly after normalisation.
FIELDS = ("title", "date", "source", "region")

_TOP_KEYS = ("schema", "documents")
_DOC_KEYS = ("file", "title", "date", "source", "region", "primary", "tags", "not_tags",
             "keyphrases", "boilerplate", "summary")
_OPTIONAL_DOC_KEYS = frozenset({"not_tags"})
_MEASURE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --------------------------------------------------------------------------
# The gold file


@dataclass(frozen=True)
class GoldDocument:
    file: str  # as written in the gold file
    path: Path | None  # where it was found; None when nowhere
    title: str | None
    date: str | None  # YYYY-MM-DD
    source: str | None
    region: str | None
    primary: tuple[str, ...]
    tags: tuple[str, ...]
    not_tags: tuple[str, ...]
    keyphrases: tuple[str, ...]
    boilerplate: tuple[str, ...]
    summary: tuple[str, ...]
    searched: tuple[str, ...] = ()  # the places looked in, for the error message


@dataclass(frozen=True)
class Gold:
    path: Path
    documents: tuple[GoldDocument, ...]


def load_gold(path: str | Path) -> Gold:
    """Read and validate a ``medsum-gold/1`` file.

    Raises GoldError naming the file, the line and the key for anything the
    schema does not allow: another schema, an unknown or duplicated key, a
    missing key, a value of the wrong type, primary measures not in ``tags``.
    A document whose ``file`` cannot be found is not an error here: it is
    reported by ``evaluate`` in its place, and the other documents still run.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GoldError(f"{path}: no such file") from None
    except OSError as exc:
        raise GoldError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None

    import yaml

    # yaml.safe_load, in two steps so that errors can name a line.
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise GoldError(f"{path}: empty file")
        _reject_duplicate_keys(root, path)
        if _has_alias(text) or _has_lone_surrogate(text):
            # A gold file has no use for anchors (and a bomb of them would cost
            # the checks below their time); nor for a character that is not one.
            raise GoldError(f"{path}: anchors, aliases and lone surrogates are not allowed in a gold file")
        data = loader.construct_document(root)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise GoldError(f"{path}{where}: not valid YAML: {problem}") from None
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as exc:
        # A value YAML's constructors cannot build: "date: 2024-13-45", "!!int abc".
        message = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise GoldError(f"{path}: a value YAML cannot read ({message[:120]})") from None
    finally:
        loader.dispose()

    def fail(keys: tuple, message: str) -> GoldError:
        line = _line_of(root, keys)
        where = f":{line}" if line else ""
        name = _key_name(keys)
        return GoldError(f"{path}{where}: {name + ': ' if name else ''}{message}")

    if not isinstance(data, dict):
        raise fail((), f"expected a mapping with keys {', '.join(_TOP_KEYS)}")
    for key in data:
        if key not in _TOP_KEYS:
            raise fail((key,), f"unknown key (expected one of: {', '.join(_TOP_KEYS)})")
    if "schema" not in data:
        raise fail((), f"missing key 'schema' (expected schema: {SCHEMA})")
    if data["schema"] != SCHEMA:
        raise fail(("schema",), f"unsupported schema {data['schema']!r} (expected {SCHEMA})")
    documents = data.get("documents")
    if not isinstance(documents, list) or not documents:
        raise fail(("documents",) if "documents" in data else (), "expected a non-empty list of documents")

    folder = path.resolve().parent
    parsed = []
    for i, entry in enumerate(documents):
        where = ("documents", i)
        if not isinstance(entry, dict):
            raise fail(where, "expected a mapping")
        for key in entry:
            if key not in _DOC_KEYS:
                raise fail(where + (key,), f"unknown key (expected one of: {', '.join(_DOC_KEYS)})")
        for key in _DOC_KEYS:
            if key not in entry and key not in _OPTIONAL_DOC_KEYS:
                raise fail(where, f"missing key {key!r}")
        file = entry["file"]
        if not isinstance(file, str) or not file.strip():
            raise fail(where + ("file",), "expected a path")
        scalars = {key: _scalar(entry[key], lambda m, k=where + (key,): fail(k, m))
                   for key in ("title", "source", "region")}
        day = _date(entry["date"], lambda m, k=where + ("date",): fail(k, m))
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("primary", "tags", "not_tags", "keyphrases", "boilerplate", "summary"):
            value = entry.get(key)
            if value is None and key in _OPTIONAL_DOC_KEYS:
                value = []  # "not_tags:" left empty
            lists[key] = _strings(value, where + (key,), fail)
        for key in ("primary", "tags", "not_tags"):
            for k, measure in enumerate(lists[key]):
                if not _MEASURE_ID.match(measure):
                    raise fail(where + (key, k), f"{measure!r} is not a measure id (lower-case-with-dashes)")
        tags = set(lists["tags"])
        stray = [m for m in lists["primary"] if m not in tags]
        if stray:
            raise fail(where + ("primary",), f"{', '.join(stray)} not in tags (tags include the primary measures)")
        both = [m for m in lists["not_tags"] if m in tags]
        if both:
            raise fail(where + ("not_tags",), f"{', '.join(both)} also in tags")
        resolved, searched = _resolve(file, folder)
        parsed.append(GoldDocument(file=file, path=resolved, date=day, searched=searched, **scalars, **lists))
    return Gold(path=path, documents=tuple(parsed))


def _resolve(file: str, folder: Path) -> tuple[Path | None, tuple[str, ...]]:
    """Find a gold ``file``: the gold file's folder, the current directory,
    then the gold file's parent folders (a gold file kept in ``eval/`` next to
    ``seeds/`` names ``seeds/x.txt`` relative to the project root)."""
    given = Path(file)
    if given.is_absolute():
        candidates = [given]
    else:
        candidates = [folder / given, Path.cwd() / given, *(parent / given for parent in folder.parents)]
    seen: list[Path] = []
    for candidate in candidates:
        if candidate not in seen:
            seen.append(candidate)
    for candidate in seen:
        try:
            if candidate.is_file():
                return candidate, tuple(str(c) for c in seen)
        except (OSError, ValueError):
            continue  # a name too long for the file system, a NUL in it: not there
    return None, tuple(str(c) for c in seen)


def _scalar(value: Any, fail: Callable[[str], GoldError]) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise fail("expected text or null")
    return str(value)


def _date(value: Any, fail: Callable[[str], GoldError]) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise fail(f"expected a YYYY-MM-DD date or null, got {value!r}")


def _strings(value: Any, keys: tuple, fail: Callable[[tuple, str], GoldError]) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise fail(keys, "expected a list")
    out = []
    for k, item in enumerate(value):
        if isinstance(item, bool) or not isinstance(item, (str, int, float)):
            raise fail(keys + (k,), f"expected text, got {item!r} (quote it)")
        text = str(item)
        if not text.strip():
            raise fail(keys + (k,), "empty text")
        out.append(text)
    return tuple(out)


def _key_name(keys: tuple) -> str:
    name = ""
    for key in keys:
        name += f"[{key}]" if isinstance(key, int) else (f".{key}" if name else str(key))
    return name


def _line_of(root: Any, keys: tuple) -> int | None:
    """1-based line of the deepest node on a key path (the key itself for mappings)."""
    import yaml

    node, line = root, root.start_mark.line + 1
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key:
                    node, line = value_node, key_node.start_mark.line + 1
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _has_alias(text: str) -> bool:
    """Does the YAML text define an anchor or use an alias (outside quoted text)?"""
    import yaml

    loader = yaml.SafeLoader(text)
    try:
        while loader.check_token():
            if isinstance(loader.get_token(), (yaml.AnchorToken, yaml.AliasToken)):
                return True
        return False
    finally:
        loader.dispose()


def _has_lone_surrogate(text: str) -> bool:
    """Does a quoted escape (\\ud800) stand for half a character?"""
    import re

    return bool(re.search(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}", text))


def _reject_duplicate_keys(root: Any, path: Path) -> None:
    """No mapping has a key twice. Each node is visited once, without recursion:
    an alias (``*a``) points at a node already seen, so a "billion laughs" file
    or one that contains itself (``&r [*r]``) costs no more than its text."""
    import yaml

    stack, visited = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in visited:
            continue
        visited.add(id(node))
        if isinstance(node, yaml.MappingNode):
            seen: set = set()
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    if key_node.value in seen:
                        raise GoldError(f"{path}:{key_node.start_mark.line + 1}: {key_node.value}: duplicated key")
                    seen.add(key_node.value)
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


# --------------------------------------------------------------------------
# Normalisation

_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


@cache
def _opencc_t2s():
    import opencc

    return opencc.OpenCC("t2s")


def normalize(text: str) -> str:
    """Normalise text for comparison, as GUIDELINES.md says.

    ``medsum.clean.to_simplified`` is not used: it keeps the length of a line
    (falling back to characters) so that offsets survive, whereas comparison
    wants OpenCC t2s proper, phrase conversions included.
    """
    if not text:
        return ""
    text = _opencc_t2s().convert(text)
    text = text.translate(_FULLWIDTH)
    text = strip_pinyin(text)
    return " ".join(text.split())


def _norm_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    return normalize(value) or None


# --------------------------------------------------------------------------
# Metrics (pure functions)


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def prf(matched: int, predicted: int, gold: int) -> PRF:
    """Precision, recall and F1 from counts.

    Nothing predicted and nothing expected is a perfect score; otherwise an
    empty side scores 0 (no division by zero, no credit for silence).
    """
    if predicted == 0 and gold == 0:
        return PRF(1.0, 1.0, 1.0)
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def mean_prf(scores: Sequence[PRF]) -> PRF:
    if not scores:
        return PRF(0.0, 0.0, 0.0)
    n = len(scores)
    return PRF(sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n,
               sum(s.f1 for s in scores) / n)


@dataclass(frozen=True)
class TagMatch:
    true_positives: tuple[str, ...]  # sorted measure ids
    false_positives: tuple[str, ...]
    false_negatives: tuple[str, ...]

    @property
    def prf(self) -> PRF:
        tp = len(self.true_positives)
        return prf(tp, tp + len(self.false_positives), tp + len(self.false_negatives))


def match_tags(predicted: Collection[str], gold: Collection[str]) -> TagMatch:
    """Compare predicted measure ids (primary or discussed) with gold ``tags``."""
    p, g = set(predicted), set(gold)
    return TagMatch(tuple(sorted(p & g)), tuple(sorted(p - g)), tuple(sorted(g - p)))


def top_tag(predicted: Sequence[tuple[str, float]]) -> str | None:
    """The highest-scored ``(id, score)``; ties go to the earlier one."""
    best: tuple[str, float] | None = None
    for measure, score in predicted:
        if best is None or score > best[1]:
            best = (measure, score)
    return best[0] if best else None


def primary_at_1(predicted: Sequence[tuple[str, float]], primary: Collection[str]) -> bool:
    top = top_tag(predicted)
    if not primary:
        # An article about no measure (off-topic): right when nothing is predicted.
        return top is None
    return top is not None and top in set(primary)


def not_tag_violations(predicted: Collection[str], not_tags: Collection[str]) -> tuple[str, ...]:
    """The ``not_tags`` measures that were predicted (primary or discussed)."""
    return tuple(sorted(set(predicted) & set(not_tags)))


def phrases_match(a: str, b: str) -> bool:
    """GUIDELINES.md: one contains the other, after normalisation, and the
    shorter has at least 2 characters."""
    a, b = normalize(a), normalize(b)
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 2 and shorter in longer


def match_keyphrases(predicted: Sequence[str], gold: Sequence[str]) -> tuple[tuple[int, int], ...]:
    """A maximum one-to-one matching: ``(predicted index, gold index)`` pairs.

    Kuhn's augmenting-path algorithm with predictions taken in rank order and
    gold phrases in file order, so the pairs are deterministic; a prediction
    once matched stays matched (it may be moved to another gold phrase).
    """
    pred = [normalize(p) for p in predicted]
    ref = [normalize(g) for g in gold]
    edges = [[j for j, g in enumerate(ref) if _contains(p, g)] for p in pred]
    owner = [-1] * len(ref)

    def augment(i: int, visited: set[int]) -> bool:
        for j in edges[i]:
            if j in visited:
                continue
            visited.add(j)
            if owner[j] < 0 or augment(owner[j], visited):
                owner[j] = i
                return True
        return False

    for i in range(len(pred)):
        augment(i, set())
    return tuple(sorted((i, j) for j, i in enumerate(owner) if i >= 0))


def _contains(a: str, b: str) -> bool:
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 2 and shorter in longer


def keyphrase_prf(predicted: Sequence[str], gold: Sequence[str]) -> PRF:
    return prf(len(match_keyphrases(predicted, gold)), len(predicted), len(gold))


def rouge_units(text: str) -> list[str]:
    """The characters ROUGE counts: letters and digits of the normalised text."""
    return [c for c in normalize(text) if unicodedata.category(c)[0] in "LN"]


def rouge_n(predicted: str, reference: str, n: int) -> PRF:
    """Character ROUGE-N: clipped n-gram overlap (Lin 2004)."""
    from collections import Counter

    p, r = rouge_units(predicted), rouge_units(reference)
    pg = Counter(tuple(p[i:i + n]) for i in range(len(p) - n + 1))
    rg = Counter(tuple(r[i:i + n]) for i in range(len(r) - n + 1))
    overlap = sum((pg & rg).values())
    return prf(overlap, sum(pg.values()), sum(rg.values()))


def rouge_l(predicted: str, reference: str) -> PRF:
    """Character ROUGE-L: longest common subsequence, F1 with beta = 1."""
    p, r = rouge_units(predicted), rouge_units(reference)
    return prf(_lcs(p, r), len(p), len(r))


def _lcs(a: Sequence[str], b: Sequence[str]) -> int:
    if len(a) < len(b):
        a, b = b, a
    row = [0] * (len(b) + 1)
    for x in a:
        diagonal = 0
        for j, y in enumerate(b, 1):
            above = row[j]
            row[j] = diagonal + 1 if x == y else max(row[j - 1], above)
            diagonal = above
    return row[-1]


@dataclass(frozen=True)
class Rouge:
    rouge1: PRF
    rouge2: PRF
    rougeL: PRF


def summary_rouge(predicted: Sequence[str], gold: Sequence[str]) -> Rouge:
    """ROUGE-1/2/L of the predicted sentences joined vs the gold ones joined."""
    p, g = "".join(predicted), "".join(gold)
    return Rouge(rouge_n(p, g, 1), rouge_n(p, g, 2), rouge_l(p, g))


def field_correct(predicted: str | None, gold: str | None) -> bool:
    return _norm_or_none(predicted) == _norm_or_none(gold)


@dataclass(frozen=True)
class Leak:
    boilerplate: str  # as written in the gold file
    where: tuple[str, ...]  # output parts it was found in


def find_leaks(boilerplate: Sequence[str], outputs: Mapping[str, Sequence[str]]) -> tuple[Leak, ...]:
    """Gold debris strings found in any output text (after normalisation)."""
    normalized = {part: [normalize(t) for t in texts] for part, texts in sorted(outputs.items())}
    leaks = []
    for item in boilerplate:
        needle = normalize(item)
        if not needle:
            continue
        where = tuple(part for part, texts in normalized.items() if any(needle in t for t in texts))
        if where:
            leaks.append(Leak(item, where))
    return tuple(leaks)


# --------------------------------------------------------------------------
# One document


@dataclass(frozen=True)
class Prediction:
    """What a brief claims, reduced to what the gold file can check."""

    tags: tuple[tuple[str, str, float], ...] = ()  # (id, level, score) in brief order
    keyphrases: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    summary_indices: tuple[int, ...] = ()
    title: str | None = None
    date: str | None = None
    source: str | None = None
    region: str | None = None
    text: str = ""  # the cleaned text
    evidence: tuple[str, ...] = ()

    @property
    def predicted(self) -> tuple[tuple[str, float], ...]:
        """``(id, score)`` of the tags at a predicting level, first of each id."""
        seen: set[str] = set()
        out = []
        for measure, level, score in self.tags:
            if level in PREDICTED_LEVELS and measure not in seen:
                seen.add(measure)
                out.append((measure, score))
        return tuple(out)

    @property
    def outputs(self) -> dict[str, tuple[str, ...]]:
        return {
            "text": (self.text,),
            "title": (self.title,) if self.title else (),
            "keyphrases": self.keyphrases,
            "summary": self.summary,
            "evidence": self.evidence,
        }


def prediction_from_brief(brief: Brief) -> Prediction:
    meta = brief.document.metadata
    return Prediction(
        tags=tuple((t.id, t.level, float(t.score)) for t in brief.tags),
        keyphrases=tuple(k.text for k in brief.keyphrases),
        summary=tuple(s.text for s in brief.summary),
        summary_indices=tuple(s.index for s in brief.summary),
        title=meta.title,
        date=meta.date,
        source=meta.source,
        region=brief.place.name if brief.place is not None else None,
        text=brief.document.text,
        evidence=tuple(e.sentence for t in brief.tags for e in t.evidence),
    )


@dataclass(frozen=True)
class DocumentScore:
    file: str
    path: str | None
    error: str | None
    prediction: Prediction
    tags: TagMatch
    top_tag: str | None
    primary_at_1: bool
    not_tag_violations: tuple[str, ...]
    keyphrases: PRF
    keyphrase_pairs: tuple[tuple[str, str], ...]  # (predicted, gold)
    missed_keyphrases: tuple[str, ...]
    rouge: Rouge
    fields: tuple[tuple[str, bool], ...]  # (field, correct) in FIELDS order
    leaks: tuple[Leak, ...]
    boilerplate: int  # how many debris strings the gold file lists

    def field(self, name: str) -> bool:
        return dict(self.fields)[name]


def score_document(gold: GoldDocument, prediction: Prediction, *, error: str | None = None) -> DocumentScore:
    predicted = prediction.predicted
    ids = [m for m, _ in predicted]
    pairs = match_keyphrases(prediction.keyphrases, gold.keyphrases)
    matched_gold = {j for _, j in pairs}
    return DocumentScore(
        file=gold.file,
        path=str(gold.path) if gold.path else None,
        error=error,
        prediction=prediction,
        tags=match_tags(ids, gold.tags),
        top_tag=top_tag(predicted),
        primary_at_1=primary_at_1(predicted, gold.primary),
        not_tag_violations=not_tag_violations(ids, gold.not_tags),
        keyphrases=prf(len(pairs), len(prediction.keyphrases), len(gold.keyphrases)),
        keyphrase_pairs=tuple((prediction.keyphrases[i], gold.keyphrases[j]) for i, j in pairs),
        missed_keyphrases=tuple(g for j, g in enumerate(gold.keyphrases) if j not in matched_gold),
        rouge=summary_rouge(prediction.summary, gold.summary),
        fields=tuple((name, field_correct(getattr(prediction, name), getattr(gold, name))) for name in FIELDS),
        leaks=find_leaks(gold.boilerplate, prediction.outputs),
        boilerplate=len(gold.boilerplate),
    )


# --------------------------------------------------------------------------
# The whole gold file


@dataclass(frozen=True)
class MeasureScore:
    id: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def prf(self) -> PRF:
        tp = self.true_positives
        return prf(tp, tp + self.false_positives, tp + self.false_negatives)


@dataclass(frozen=True)
class EvalReport:
    gold: str
    engine: str
    documents: tuple[DocumentScore, ...]
    by_measure: tuple[MeasureScore, ...]  # sorted by id
    tags: PRF  # micro over all documents and measures
    primary_at_1: float
    not_tag_violations: int
    keyphrases: PRF  # mean over documents
    rouge1: PRF
    rouge2: PRF
    rougeL: PRF
    accuracy: tuple[tuple[str, float], ...]  # (field, accuracy) in FIELDS order
    leaks: int  # leaked debris strings, summed over documents
    boilerplate: int  # debris strings in the gold file
    errors: int  # documents that failed

    def field_accuracy(self, name: str) -> float:
        return dict(self.accuracy)[name]


def aggregate(documents: Sequence[DocumentScore], *, gold: str = "", engine: str = "") -> EvalReport:
    """Overall figures from per-document scores (see the module docstring)."""
    counts: dict[str, list[int]] = {}
    for d in documents:
        for kind, ids in enumerate((d.tags.true_positives, d.tags.false_positives, d.tags.false_negatives)):
            for measure in ids:
                counts.setdefault(measure, [0, 0, 0])[kind] += 1
    by_measure = tuple(MeasureScore(m, *counts[m]) for m in sorted(counts))
    tp = sum(m.true_positives for m in by_measure)
    fp = sum(m.false_positives for m in by_measure)
    fn = sum(m.false_negatives for m in by_measure)
    n = len(documents)
    return EvalReport(
        gold=gold,
        engine=engine,
        documents=tuple(documents),
        by_measure=by_measure,
        tags=prf(tp, tp + fp, tp + fn),
        primary_at_1=sum(d.primary_at_1 for d in documents) / n if n else 0.0,
        not_tag_violations=sum(len(d.not_tag_violations) for d in documents),
        keyphrases=mean_prf([d.keyphrases for d in documents]),
        rouge1=mean_prf([d.rouge.rouge1 for d in documents]),
        rouge2=mean_prf([d.rouge.rouge2 for d in documents]),
        rougeL=mean_prf([d.rouge.rougeL for d in documents]),
        accuracy=tuple((name, sum(d.field(name) for d in documents) / n if n else 0.0) for name in FIELDS),
        leaks=sum(len(d.leaks) for d in documents),
        boilerplate=sum(d.boilerplate for d in documents),
        errors=sum(d.error is not None for d in documents),
    )


def evaluate(
    gold_path: str | Path,
    *,
    engine: str = "medsum",
    taxonomy: Any = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> EvalReport:
    """Brief every gold document and score the briefs.

    Raises GoldError for a bad gold file and UsageError for an unknown
    engine (nothing can be scored). A document that cannot be read or whose
    brief fails is recorded with its error and scored as an empty prediction;
    the other documents are still scored. Errors that would fail every
    document alike (a bad taxonomy, exit code 2) are raised at once.
    """
    from medsum.engines import get_engine

    gold = load_gold(gold_path)
    get_engine(engine)  # an unknown engine is a usage error, not n failures
    from medsum import brief as brief_module

    rows = []
    total = len(gold.documents)
    for number, entry in enumerate(gold.documents, 1):
        if progress is not None:
            progress(number, total, entry.file)
        error = None
        try:
            if entry.path is None:
                raise InputError(f"{entry.file}: no such file (looked in {', '.join(entry.searched)})")
            doc = clean(read_path(str(entry.path)))
            prediction = prediction_from_brief(brief_module.make_brief(doc, engine=engine, taxonomy=taxonomy))
        except MedsumError as exc:
            if exc.exit_code == 2:
                raise
            prediction, error = Prediction(), str(exc)
        except Exception as exc:  # noqa: BLE001 - one failing document must not lose the others
            prediction, error = Prediction(), f"{type(exc).__name__}: {exc}"
        rows.append(score_document(entry, prediction, error=error))
    return aggregate(rows, gold=str(gold.path), engine=engine)


# --------------------------------------------------------------------------
# Rendering


def _prf_dict(s: PRF) -> dict[str, float]:
    return {"precision": s.precision, "recall": s.recall, "f1": s.f1}


def report_to_dict(report: EvalReport) -> dict:
    """The report as plain JSON-ready data (``medsum eval --format json``)."""
    return {
        "schema": REPORT_SCHEMA,
        "gold": report.gold,
        "engine": report.engine,
        "overall": {
            "documents": len(report.documents),
            "errors": report.errors,
            "tags": _prf_dict(report.tags),
            "primary_at_1": report.primary_at_1,
            "not_tag_violations": report.not_tag_violations,
            "keyphrases": _prf_dict(report.keyphrases),
            "rouge1": _prf_dict(report.rouge1),
            "rouge2": _prf_dict(report.rouge2),
            "rougeL": _prf_dict(report.rougeL),
            "accuracy": dict(report.accuracy),
            "leaks": report.leaks,
            "boilerplate": report.boilerplate,
        },
        "by_measure": [
            {"id": m.id, "tp": m.true_positives, "fp": m.false_positives, "fn": m.false_negatives,
             **_prf_dict(m.prf)}
            for m in report.by_measure
        ],
        "documents": [
            {
                "file": d.file,
                "path": d.path,
                "error": d.error,
                "tags": {**_prf_dict(d.tags.prf), "tp": list(d.tags.true_positives),
                         "fp": list(d.tags.false_positives), "fn": list(d.tags.false_negatives)},
                "top_tag": d.top_tag,
                "primary_at_1": d.primary_at_1,
                "not_tag_violations": list(d.not_tag_violations),
                "keyphrases": {**_prf_dict(d.keyphrases), "predicted": list(d.prediction.keyphrases),
                               "matched": [list(p) for p in d.keyphrase_pairs],
                               "missed": list(d.missed_keyphrases)},
                "rouge1": _prf_dict(d.rouge.rouge1),
                "rouge2": _prf_dict(d.rouge.rouge2),
                "rougeL": _prf_dict(d.rouge.rougeL),
                "summary": list(d.prediction.summary_indices),
                "fields": {
                    name: {"correct": ok, "predicted": getattr(d.prediction, name)} for name, ok in d.fields
                },
                "leaks": [{"boilerplate": leak.boilerplate, "where": list(leak.where)} for leak in d.leaks],
            }
            for d in report.documents
        ],
    }


def render_report(report: EvalReport, console: Console) -> None:
    """Tables for a terminal: scores per document with the overall row,
    fields and debris per document, tag scores per measure, then the leaks,
    wrong tags and errors one per line. Fits 80 columns (names are cut)."""
    from rich import box
    from rich.markup import escape
    from rich.table import Table

    def num(x: float) -> str:
        return f"{x:.3f}"

    def mark(ok: bool) -> str:
        return "[green]✓[/]" if ok else "[red]✗[/]"

    def table(title: str, headers: Sequence[str]) -> Table:
        t = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
        t.add_column(headers[0], overflow="ellipsis", no_wrap=True, min_width=8)
        for header in headers[1:]:  # figures keep their width; names give way
            t.add_column(header, justify="right", no_wrap=True, min_width=max(len(header), 5))
        return t

    def name(d: DocumentScore) -> str:
        return escape(Path(d.file).stem) + (" [red](error)[/]" if d.error else "")

    scores = table(f"medsum eval {escape(report.gold)}, engine {report.engine}",
                   ("document", "tag F1", "P@1", "¬tags", "kp F1", "R-1", "R-2", "R-L"))
    for d in report.documents:
        scores.add_row(name(d), num(d.tags.prf.f1), mark(d.primary_at_1), str(len(d.not_tag_violations)),
                       num(d.keyphrases.f1), num(d.rouge.rouge1.f1), num(d.rouge.rouge2.f1),
                       num(d.rouge.rougeL.f1))
    scores.add_section()
    scores.add_row("[bold]overall[/]", num(report.tags.f1), num(report.primary_at_1),
                   str(report.not_tag_violations), num(report.keyphrases.f1), num(report.rouge1.f1),
                   num(report.rouge2.f1), num(report.rougeL.f1))

    fields = table("fields and debris", ("document", *FIELDS, "leaks"))
    for d in report.documents:
        fields.add_row(name(d), *(mark(ok) for _, ok in d.fields), f"{len(d.leaks)}/{d.boilerplate}")
    fields.add_section()
    fields.add_row("[bold]overall[/]", *(num(acc) for _, acc in report.accuracy),
                   f"{report.leaks}/{report.boilerplate}")

    measures = table("tags by measure", ("measure", "tp", "fp", "fn", "P", "R", "F1"))
    for m in report.by_measure:
        s = m.prf
        measures.add_row(m.id, str(m.true_positives), str(m.false_positives), str(m.false_negatives),
                         num(s.precision), num(s.recall), num(s.f1))
    # Details first, the headline figures last, where a terminal leaves them.
    console.print(measures)
    console.print(fields)
    console.print(scores)
    console.print(
        f"tags micro P {num(report.tags.precision)} R {num(report.tags.recall)}; "
        f"keyphrases P {num(report.keyphrases.precision)} R {num(report.keyphrases.recall)}; "
        f"{report.errors} of {len(report.documents)} documents failed",
        highlight=False,
    )

    for d in report.documents:
        for leak in d.leaks:
            console.print(f"leak: {d.file}: {leak.boilerplate!r} in {', '.join(leak.where)}",
                          highlight=False, markup=False)
        if d.not_tag_violations:
            console.print(f"not_tags predicted: {d.file}: {', '.join(d.not_tag_violations)}",
                          highlight=False, markup=False)
        if d.error:
            console.print(f"error: {d.file}: {d.error}", style="red", highlight=False, markup=False)
