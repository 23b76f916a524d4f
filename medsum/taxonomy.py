"""The taxonomy of reform measures: loading and strict validation.

The schema (``medsum-taxonomy/1``) is documented in docs/taxonomy.md. Every
error names the file, the line and the key, and is a ``TaxonomyError``
(exit code 2). Terms are normalised the way documents are (full-width folded,
Traditional converted to Simplified), so a term written in either script
matches articles in either script.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable

from medsum.errors import TaxonomyError

SCHEMA = "medsum-taxonomy/1"
ENV_VAR = "MEDSUM_TAXONOMY"
SHIPPED = "shipped"
#: Tag levels, strongest first (the tagger's levels; ``max_level`` caps them).
LEVELS = ("primary", "discussed", "mentioned")

_TOP_KEYS = {"schema", "version", "extends", "context", "foreign", "groups", "measures", "description"}
_GROUP_KEYS = {"zh", "en"}
_MEASURE_KEYS = {"id", "zh", "en", "group", "terms", "weak", "acronyms", "exclude", "context", "needs", "note", "max_level"}
_LIST_KEYS = ("terms", "weak", "acronyms", "exclude", "context")


@dataclass(frozen=True)
class Group:
    id: str
    zh: str
    en: str


@dataclass(frozen=True)
class Measure:
    id: str
    zh: str
    en: str
    group: str
    terms: tuple[str, ...]  # unambiguous terms: a match is evidence on its own
    weak: tuple[str, ...] = ()  # ambiguous terms: count only beside a context word
    acronyms: tuple[str, ...] = ()  # Latin acronyms, matched on Latin-token boundaries
    exclude: tuple[str, ...] = ()  # contexts that cancel a match they contain
    context: tuple[str, ...] = ()  # overrides the taxonomy's context for weak terms
    # Weak terms with context words of their own, instead of ``context``:
    # ((打包付费, (总额, 医共体, …)), …).
    needs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    note: str = ""
    max_level: str = "primary"  # the highest level the tagger may give it


@dataclass(frozen=True)
class Taxonomy:
    path: str
    version: str
    groups: tuple[Group, ...]
    measures: tuple[Measure, ...]
    context: tuple[str, ...]  # domain words: weak terms need one in their sentence
    foreign: tuple[str, ...] = ()  # words of other health systems (Taiwan's 健保)

    def measure(self, measure_id: str) -> Measure:
        for m in self.measures:
            if m.id == measure_id:
                return m
        raise KeyError(measure_id)

    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)


def shipped_path() -> Path:
    return Path(str(resources.files("medsum") / "data" / "taxonomy.yaml"))


def resolve_path(path: str | None) -> str:
    """The taxonomy to use: the option, else $MEDSUM_TAXONOMY, else the shipped one."""
    if path:
        return path
    env = os.environ.get(ENV_VAR)
    if env:
        return env
    return SHIPPED


def load_taxonomy(path: str | None = None) -> Taxonomy:
    """Load and validate a taxonomy (``None``: the option/env/shipped default)."""
    return _load(resolve_path(path))


@cache
def _load(path: str) -> Taxonomy:
    if path == SHIPPED:
        file = shipped_path()
        return _parse_cached(file.read_text(encoding="utf-8"), str(file))
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TaxonomyError(f"{path}: taxonomy file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"{path}: cannot read taxonomy: {exc}") from None
    return _parse_cached(text, path)


# --------------------------------------------------------------------------
# A cache of parsed taxonomies: validating the YAML takes about 30 ms, and
# importing PyYAML 10 more, of a cold `medsum tag` of about 200 ms.

CACHE_ENV = "MEDSUM_CACHE"


def cache_dir() -> Path | None:
    """Where parsed taxonomies are kept: $MEDSUM_CACHE (``off`` for nowhere),
    else $XDG_CACHE_HOME/medsum, else ~/.cache/medsum."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "0", "off", "no", "false") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "medsum"


def _cache_key(text: str, path: str) -> str:
    """Changes with the file, its path, the shipped file it extends, and the
    code that parses and normalises terms (this module and medsum.clean, by
    size and time of change)."""
    import hashlib
    import sys

    parts = [text, path, sys.version]
    if "extends" in text:
        parts.append(shipped_path().read_text(encoding="utf-8"))
    for module in ("taxonomy.py", "clean.py"):
        stat = Path(__file__).with_name(module).stat()
        parts.append(f"{module}:{stat.st_size}:{stat.st_mtime_ns}")
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()[:32]


def _parse_cached(text: str, path: str) -> Taxonomy:
    """``_parse``, or its result kept from an earlier run (JSON, never pickle:
    a cache file can only ever give data back). A cache that cannot be read or
    written is skipped: the taxonomy is parsed as if there were none."""
    folder = cache_dir()
    if folder is None:
        return _parse(text, path)
    file = folder / f"taxonomy-{_cache_key(text, path)}.json"
    try:
        return _from_json(file.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        pass  # none yet, or not one this code wrote
    taxonomy = _parse(text, path)
    try:
        import tempfile

        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as out:
            temporary = out.name
            out.write(_to_json(taxonomy))
        os.replace(temporary, file)  # whole or not at all, whatever runs beside it (--jobs)
    except OSError:
        try:
            os.unlink(temporary)  # a write that failed half-way leaves nothing behind
        except (OSError, NameError):
            pass
    return taxonomy


def _to_json(taxonomy: Taxonomy) -> str:
    import json
    from dataclasses import asdict

    return json.dumps(asdict(taxonomy), ensure_ascii=False)


def _from_json(text: str) -> Taxonomy:
    import json

    data = json.loads(text)
    measures = tuple(
        Measure(
            **{k: tuple(v) if isinstance(v, list) and k != "needs" else v for k, v in m.items() if k != "needs"},
            needs=tuple((term, tuple(words)) for term, words in m["needs"]),
        )
        for m in data["measures"]
    )
    return Taxonomy(
        path=data["path"],
        version=data["version"],
        groups=tuple(Group(**g) for g in data["groups"]),
        measures=measures,
        context=tuple(data["context"]),
        foreign=tuple(data["foreign"]),
    )


def _compose(text: str, path: str):
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise TaxonomyError(f"{path}{where}: invalid YAML: {problem}") from None


class _Reader:
    """Walks the YAML node tree, so every error can cite a line."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, node, message: str):
        line = node.start_mark.line + 1 if node is not None else 0
        raise TaxonomyError(f"{self.path}:{line}: {message}")

    def mapping(self, node, what: str, allowed: set[str], required: set[str]) -> dict:
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping")
        out: dict = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, what)
            if key not in allowed:
                self.fail(key_node, f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")
            if key in out:
                self.fail(key_node, f"duplicate key {key!r} in {what}")
            out[key] = value_node
        for key in sorted(required - set(out)):
            self.fail(node, f"missing key {key!r} in {what}")
        return out

    def key(self, node, what: str) -> str:
        """A mapping's key, which must be a plain value ("[a, b]: …" is not one)."""
        import yaml

        if not isinstance(node, yaml.ScalarNode):
            self.fail(node, f"a key in {what} must be a string, not a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}")
        return node.value

    def string(self, node, what: str) -> str:
        import yaml

        if not isinstance(node, yaml.ScalarNode) or node.tag.endswith(("null", "bool", "map", "seq")):
            self.fail(node, f"{what} must be a string")
        value = str(node.value).strip()
        if not value:
            self.fail(node, f"{what} must not be empty")
        return value

    def pairs(self, node, what: str) -> list[tuple[object, object]]:
        """(key node, value node) of a mapping whose keys are free text."""
        import yaml

        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping")
        seen: set[str] = set()
        for key_node, _ in node.value:
            if self.key(key_node, what) in seen:
                self.fail(key_node, f"duplicate key {key_node.value!r} in {what}")
            seen.add(key_node.value)
        return list(node.value)

    def strings(self, node, what: str) -> list[tuple[str, object]]:
        import yaml

        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"{what} must be a list of strings")
        return [(self.string(item, f"an item of {what}"), item) for item in node.value]


def _norm_term(term: str) -> str:
    from medsum.clean import normalize_chars, to_simplified

    return to_simplified(normalize_chars(term)).strip()


def _level(r: _Reader, fields: dict, where: str, old: Measure | None) -> str:
    if "max_level" not in fields:
        return old.max_level if old else LEVELS[0]
    level = r.string(fields["max_level"], "'max_level'")
    if level not in LEVELS:
        r.fail(fields["max_level"], f"'max_level' of {where} must be one of {', '.join(LEVELS)}, not {level!r}")
    return level


def _parse(text: str, path: str, *, base: Taxonomy | None = None) -> Taxonomy:
    node = _compose(text, path)
    r = _Reader(path)
    if node is None:
        raise TaxonomyError(f"{path}:1: empty taxonomy file")
    top = r.mapping(node, "the taxonomy", _TOP_KEYS, {"schema"})
    schema = r.string(top["schema"], "'schema'")
    if schema != SCHEMA:
        r.fail(top["schema"], f"schema must be {SCHEMA!r}, not {schema!r}")
    if "extends" in top:
        extends = r.string(top["extends"], "'extends'")
        if extends != SHIPPED:
            r.fail(top["extends"], f"'extends' can only name {SHIPPED!r}")
        base = _load(SHIPPED)
    elif "measures" not in top or "groups" not in top:
        r.fail(node, "a taxonomy needs 'groups' and 'measures' (or 'extends: shipped')")
    version = r.string(top["version"], "'version'") if "version" in top else (base.version if base else "0")

    groups: dict[str, Group] = {g.id: g for g in base.groups} if base else {}
    if "groups" in top:
        import yaml

        gnode = top["groups"]
        if not isinstance(gnode, yaml.MappingNode):
            r.fail(gnode, "'groups' must be a mapping of group id to {zh, en}")
        for key_node, value_node in gnode.value:
            gid = r.key(key_node, "'groups'")
            if gid in groups and not base:
                r.fail(key_node, f"duplicate group {gid!r}")
            fields = r.mapping(value_node, f"group {gid!r}", _GROUP_KEYS, _GROUP_KEYS)
            groups[gid] = Group(gid, r.string(fields["zh"], "'zh'"), r.string(fields["en"], "'en'"))

    context = tuple(base.context) if base else ()
    if "context" in top:
        context = tuple(_norm_term(t) for t, _ in r.strings(top["context"], "'context'"))
    foreign = tuple(base.foreign) if base else ()
    if "foreign" in top:
        foreign = tuple(_norm_term(t) for t, _ in r.strings(top["foreign"], "'foreign'"))

    measures: dict[str, Measure] = {m.id: m for m in base.measures} if base else {}
    owner: dict[str, str] = {}
    for m in measures.values():
        for t in (*m.terms, *m.weak, *m.acronyms):
            owner[t] = m.id
    if "measures" in top:
        import yaml

        mnode = top["measures"]
        if not isinstance(mnode, yaml.SequenceNode):
            r.fail(mnode, "'measures' must be a list")
        seen: set[str] = set()
        for item in mnode.value:
            fields = r.mapping(item, "a measure", _MEASURE_KEYS, {"id"})
            mid = r.string(fields["id"], "'id'")
            if mid in seen:
                r.fail(fields["id"], f"duplicate measure id {mid!r}")
            seen.add(mid)
            where = f"measure {mid!r}"
            old = measures.get(mid)
            if old is None:
                for key in ("zh", "en", "group", "terms"):
                    if key not in fields:
                        r.fail(item, f"missing key {key!r} in {where}")
            lists: dict[str, list[str]] = {key: [] for key in _LIST_KEYS}
            claimed: set[str] = set()  # this measure's terms so far (a set: 30,000 terms are no slower)
            for key in _LIST_KEYS:
                if key not in fields:
                    continue
                for term, term_node in r.strings(fields[key], f"'{key}' of {where}"):
                    value = term.strip() if key == "acronyms" else _norm_term(term)
                    if key == "acronyms" and not (value.isascii() and value.replace("-", "").isalnum()):
                        r.fail(term_node, f"acronym {term!r} of {where} must be Latin letters and digits")
                    if key in ("terms", "weak", "acronyms"):
                        if value in owner and owner[value] != mid:
                            r.fail(term_node, f"term {term!r} of {where} is already claimed by measure {owner[value]!r}")
                        if value in claimed:
                            r.fail(term_node, f"duplicate term {term!r} in {where}")
                        claimed.add(value)
                        owner[value] = mid
                    lists[key].append(value)
            needs = dict(old.needs) if old is not None else {}
            if "needs" in fields:
                for term_node, words_node in r.pairs(fields["needs"], f"'needs' of {where}"):
                    term = _norm_term(r.string(term_node, f"a term of 'needs' of {where}"))
                    weak = lists["weak"] + (list(old.weak) if old is not None else [])
                    if term not in weak:
                        r.fail(term_node, f"{term!r} in 'needs' of {where} is not one of its weak terms")
                    needs[term] = tuple(_norm_term(w) for w, _ in r.strings(words_node, f"the words {term!r} needs in {where}"))
            group = r.string(fields["group"], "'group'") if "group" in fields else old.group
            if group not in groups:
                r.fail(fields.get("group", item), f"unknown group {group!r} in {where} (known: {', '.join(sorted(groups))})")
            if old is not None:
                lists = {k: list(getattr(old, k)) + [v for v in lists[k] if v not in getattr(old, k)] for k in _LIST_KEYS}
            measure = Measure(
                id=mid,
                zh=r.string(fields["zh"], "'zh'") if "zh" in fields else old.zh,
                en=r.string(fields["en"], "'en'") if "en" in fields else old.en,
                group=group,
                terms=tuple(lists["terms"]),
                weak=tuple(lists["weak"]),
                acronyms=tuple(lists["acronyms"]),
                exclude=tuple(lists["exclude"]),
                context=tuple(lists["context"]),
                needs=tuple(needs.items()),
                note=r.string(fields["note"], "'note'") if "note" in fields else (old.note if old else ""),
                max_level=_level(r, fields, where, old),
            )
            if not (measure.terms or measure.acronyms):
                r.fail(item, f"{where} has no terms")
            measures[mid] = measure
    return Taxonomy(
        path=path,
        version=version,
        groups=tuple(groups.values()),
        measures=tuple(measures.values()),
        context=context,
        foreign=foreign,
    )


# --------------------------------------------------------------------------
# Lint


def lint(taxonomy: Taxonomy, corpus_texts: Iterable[str] | None = None) -> list[str]:
    """Warnings about a valid taxonomy (``medsum taxonomy check``).

    Without a corpus: terms that an exclusion of their own measure always
    cancels, exclusions that cover no term of their measure (they can never
    act), and weak terms with no context words to satisfy. With a corpus (the
    cleaned texts of a folder of articles): terms that never occur, acronyms
    that never fire, and shadowed terms: they occur, but every time a longer
    term of another measure takes the place or an exclusion cancels them.
    """
    from medsum.tagger import find_matches

    warnings: list[str] = []
    for m in taxonomy.measures:
        own = (*m.terms, *m.weak, *m.acronyms)
        for term in own:
            if term in m.exclude:
                warnings.append(f"{m.id}: term {term!r} is also an exclusion of the measure, so it never counts")
        for exclusion in m.exclude:
            if not any(t in exclusion for t in own):
                warnings.append(f"{m.id}: exclusion {exclusion!r} covers no term of the measure, so it never acts")
        own_needs = dict(m.needs)
        unmet = [t for t in m.weak if not own_needs.get(t)]
        if unmet and not (m.context or taxonomy.context):
            warnings.append(f"{m.id}: weak terms {', '.join(unmet)} have no context words (measure or top-level)")
    if corpus_texts is None:
        return warnings

    texts = list(corpus_texts)
    occurs: dict[tuple[int, str], int] = {}  # texts in which the term occurs
    effective: set[tuple[int, str]] = set()  # terms that gave their measure a match at least once
    fired: set[tuple[int, str]] = set()  # (measure, term) of every match
    entries = [(mi, t) for mi, m in enumerate(taxonomy.measures) for t in (*m.terms, *m.weak)]
    for text in texts:
        matches = find_matches(text, taxonomy)
        starts = [match.start for match in matches]
        fired.update((match.measure, match.term) for match in matches)
        for mi, term in entries:
            at = text.find(term)
            if at < 0:
                continue
            occurs[(mi, term)] = occurs.get((mi, term), 0) + 1
            if (mi, term) in effective:
                continue
            while at >= 0:
                # Effective when a match of the same measure (this term or a
                # longer or overlapping wording of it) takes the occurrence.
                k = bisect.bisect_left(starts, at + len(term)) - 1
                while k >= 0 and matches[k].end > at and matches[k].measure != mi:
                    k -= 1  # matches do not overlap: walk back over those touching it
                if k >= 0 and matches[k].end > at:
                    effective.add((mi, term))
                    break
                at = text.find(term, at + 1)
    for mi, m in enumerate(taxonomy.measures):
        for term in (*m.terms, *m.weak):
            key = (mi, term)
            if not occurs.get(key):
                warnings.append(f"{m.id}: term {term!r} never occurs in the corpus ({len(texts)} texts)")
            elif key not in effective:
                warnings.append(
                    f"{m.id}: term {term!r} occurs in {occurs[key]} texts but is always shadowed "
                    "by a longer term of another measure or cancelled by an exclusion"
                )
        for acronym in m.acronyms:
            if (mi, acronym) not in fired:
                warnings.append(f"{m.id}: acronym {acronym!r} never fires in the corpus ({len(texts)} texts)")
    return warnings
