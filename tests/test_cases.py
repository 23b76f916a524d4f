"""One table of cases (tests/cases.yaml) run through the library and the CLI.

Each case is a small file showing one kind of mess from
shared/domain/README.md. The library path is ``clean(read_path(...))`` and
``medsum.tagger.tag``; the CLI path is ``medsum clean`` and ``medsum tag``
through ``click.testing.CliRunner``. Both produce the same observation
record, the expectations are checked on each, and a last test requires the
two records to be equal, so the CLI can never drift from the library.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import encode
from medsum.clean import clean, render_clean_text
from medsum.cli import cli
from medsum.reader import read_path
from medsum.tagger import tag

CASES_FILE = Path(__file__).with_name("cases.yaml")
CASES: list[dict] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))

_INPUT_KEYS = {"name", "text", "file", "encoding", "bom", "newline", "inject", "xfail", "expect"}
_EXPECT_KEYS = {
    "contains", "not_contains", "once", "simplified_contains", "title", "date", "source", "author",
    "script", "container", "sentences", "headings", "not_headings", "tags_include", "tags_exclude",
}


@dataclass(frozen=True)
class Observed:
    """What one path (library or CLI) says about a case."""

    text: str  # the cleaned article in its own script (`medsum clean`)
    simplified: str  # the same in Simplified (`medsum clean --simplified`)
    analysis_text: str  # Document.text: what every later stage reads
    title: str | None
    date: str | None
    source: str | None
    author: str | None
    script: str
    container: str
    sentences: tuple[tuple[str, bool], ...]  # (text, heading)
    tags: frozenset[str]


def write_case(case: dict, folder: Path) -> Path:
    data = encode(
        case["text"],
        case.get("encoding", "utf-8"),
        bom=case.get("bom", False),
        newline=case.get("newline", "\n"),
    )
    inject = case.get("inject")
    if inject:
        anchor = inject["after"].encode(case.get("encoding", "utf-8"))
        at = data.index(anchor) + len(anchor)
        data = data[:at] + bytes.fromhex(inject["hex"]) + data[at:]
    path = folder / case.get("file", "case.txt")
    path.write_bytes(data)
    return path


def observe_library(path: Path) -> Observed:
    doc = clean(read_path(str(path)))
    return Observed(
        text=render_clean_text(doc),
        simplified=render_clean_text(doc, original_script=False),
        analysis_text=doc.text,
        title=doc.metadata.title,
        date=doc.metadata.date,
        source=doc.metadata.source,
        author=doc.metadata.author,
        script=doc.script,
        container=doc.container,
        sentences=tuple((s.text, s.heading) for s in doc.sentences),
        tags=frozenset(t.id for t in tag(doc)),
    )


def _invoke(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout


def observe_cli(path: Path) -> Observed:
    text = _invoke(["clean", str(path)])
    simplified = _invoke(["clean", "--simplified", str(path)])
    record = json.loads(_invoke(["clean", "--format", "jsonl", str(path)]))
    tagged = json.loads(_invoke(["tag", "--format", "jsonl", "--level", "all", str(path)]))
    assert tagged["path"] == str(path)
    return Observed(
        text=text,
        simplified=simplified,
        analysis_text=record["text"],
        title=record["title"],
        date=record["date"],
        source=record["source"],
        author=record["author"],
        script=record["script"],
        container=record["container"],
        sentences=tuple((s["text"], s["heading"]) for s in record["sentences"]),
        tags=frozenset(t["id"] for t in tagged["tags"]),
    )


OBSERVERS = {"library": observe_library, "cli": observe_cli}


def check(case: dict, seen: Observed) -> None:
    """Assert every expectation of ``case`` on one observation."""
    expect = case.get("expect", {})
    for s in expect.get("contains", []):
        assert s in seen.text, f"{s!r} missing from cleaned text:\n{seen.text}"
    for s in expect.get("not_contains", []):
        assert s not in seen.text, f"{s!r} leaked into cleaned text:\n{seen.text}"
        assert s not in seen.analysis_text, f"{s!r} leaked into analysed text:\n{seen.analysis_text}"
    for s in expect.get("once", []):
        assert seen.text.count(s) == 1, f"{s!r} is not in the cleaned text exactly once:\n{seen.text}"
    for s in expect.get("simplified_contains", []):
        assert s in seen.simplified, f"{s!r} missing from Simplified text:\n{seen.simplified}"
        assert s in seen.analysis_text
    for key in ("title", "date", "source", "author", "script", "container"):
        if key in expect:
            assert getattr(seen, key) == expect[key], f"{key}: {getattr(seen, key)!r} != {expect[key]!r}"
    sentences = [text for text, _ in seen.sentences]
    headings = [text for text, heading in seen.sentences if heading]
    body = [text for text, heading in seen.sentences if not heading]
    for s in expect.get("sentences", []):
        assert s in sentences, f"{s!r} is not one sentence; sentences are:\n" + "\n".join(sentences)
    for s in expect.get("headings", []):
        assert s in headings, f"{s!r} is not a heading; headings are {headings}"
    for s in expect.get("not_headings", []):
        assert s in body, f"{s!r} is not a body sentence; body sentences are:\n" + "\n".join(body)
    for measure in expect.get("tags_include", []):
        assert measure in seen.tags, f"{measure} not tagged; tags are {sorted(seen.tags)}"
    for measure in expect.get("tags_exclude", []):
        assert measure not in seen.tags, f"{measure} wrongly tagged; tags are {sorted(seen.tags)}"


def _params(vias: tuple[str, ...], *, known_bugs: bool = True):
    params = []
    for case in CASES:
        for via in vias:
            marks = []
            if known_bugs and case.get("xfail"):
                marks.append(pytest.mark.xfail(reason=case["xfail"], strict=True))
            params.append(pytest.param(case, via, id=f"{case['name']}-{via}", marks=marks))
    return params


def test_table_is_well_formed():
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "case names must be unique"
    for case in CASES:
        assert set(case) <= _INPUT_KEYS, f"{case['name']}: unknown keys {set(case) - _INPUT_KEYS}"
        assert set(case.get("expect", {})) <= _EXPECT_KEYS, (
            f"{case['name']}: unknown expectations {set(case['expect']) - _EXPECT_KEYS}"
        )
        assert case.get("expect"), f"{case['name']}: a case must expect something"


@pytest.mark.parametrize(("case", "via"), _params(tuple(OBSERVERS)))
def test_case(case, via, tmp_path):
    path = write_case(case, tmp_path)
    check(case, OBSERVERS[via](path))


@pytest.mark.parametrize(("case", "via"), _params(("both",), known_bugs=False))
def test_cli_agrees_with_library(case, via, tmp_path):
    path = write_case(case, tmp_path)
    assert observe_cli(path) == observe_library(path)


def test_invariants_hold_on_every_case(tmp_path):
    """Whatever the mess, the document's offsets and scripts stay aligned."""
    for case in CASES:
        path = write_case(case, tmp_path)
        doc = clean(read_path(str(path)))
        assert len(doc.original) == len(doc.text), case["name"]
        for s in doc.sentences:
            assert doc.text[s.start:s.end] == s.text, case["name"]
        for p in doc.paragraphs:
            assert doc.text[p.start:p.end] == p.text, case["name"]
        path.unlink()
