"""Documentation keeps up with the code: every command has help with an
example, the README names every command, and docs/ describes every field
medsum writes (brief JSON/YAML and `medsum tag --format jsonl`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest

from conftest import run_main
from medsum.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
BRIEF_DOC = DOCS / "brief.md"

ARTICLE = (
    "县域医共体建设取得新进展\n\n"
    "全县组建紧密型县域医共体3个,实现乡镇卫生院全覆盖,县域内就诊率达到90%。\n"
)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name in sorted(group.commands):
        command = group.commands[name]
        found.append(prefix + (name,))
        if isinstance(command, click.Group):
            found.extend(_commands(command, prefix + (name,)))
    return found


COMMANDS = _commands(cli)


def test_there_are_commands_to_document():
    top = {c[0] for c in COMMANDS}
    assert {"brief", "tag", "clean", "keywords", "summary", "eval", "taxonomy"} <= top


@pytest.mark.parametrize("path", [(), *COMMANDS], ids=lambda p: " ".join(("medsum", *p)))
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_works_and_has_an_example(path, flag):
    run = run_main([*path, flag])
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "Usage: medsum" in run.stdout
    assert "Example" in run.stdout
    # Each example line is a medsum command line.
    examples = run.stdout.split("Example", 1)[1]
    assert re.search(r"^\s+medsum\b", examples, re.M)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p))
def test_readme_mentions_every_command(path):
    text = README.read_text(encoding="utf-8")
    if len(path) == 1:
        assert f"medsum {path[0]}" in text
    else:
        # Sub-commands: named on a line that shows their group.
        group = f"medsum {' '.join(path[:-1])}"
        assert any(
            group in line and re.search(rf"(?<![\w-]){re.escape(path[-1])}(?![\w-])", line.replace(group, ""))
            for line in text.splitlines()
        ), f"README does not show `{group} {path[-1]}`"


# --------------------------------------------------------------------------
# Field documentation


def _full_brief_dict() -> dict:
    """A brief with every optional part filled, so every key is present."""
    from medsum.brief import Brief, Evidence, Figure, Place, Tag
    from medsum.clean import clean
    from medsum.reader import read_text
    from medsum.render import brief_to_dict
    from medsum.results import Keyphrase, SummarySentence

    doc = clean(read_text(ARTICLE))
    s = doc.sentences[0]
    brief = Brief(
        path="a.txt",
        document=doc,
        tags=(Tag("county-medical-community", "县域医共体", "County medical community", "delivery", "primary", 1.0,
                  (Evidence(s.text, s.start, s.end, (("县域医共体", s.start + 6, s.start + 11),)),)),),
        keyphrases=(Keyphrase("县域医共体", 1.0, 2),),
        summary=(SummarySentence(s.index, s.text, 1.0, s.start, s.end),),
        figures=(Figure("3个", 3.0, "个", "count", "县域医共体", "county-medical-community", 0),),
        place=Place("某省", "某市", "某县", "某省某市某县"),
    )
    return brief_to_dict(brief)


def _key_paths(value, prefix: str = "") -> list[tuple[str, str]]:
    """(parent path, key) for every key, lists written as `name[]`."""
    found = []
    if isinstance(value, dict):
        for key, child in value.items():
            found.append((prefix, key))
            found.extend(_key_paths(child, f"{prefix}.{key}" if prefix else key))
    elif isinstance(value, list) and value:
        found.extend(_key_paths(value[0], prefix + "[]"))
    return found


def _documented(text: str, parent: str, key: str) -> bool:
    word = re.compile(rf"(?<![\w]){re.escape(key)}(?![\w])")
    if not parent:
        return f"`{key}`" in text
    leaf_parent = parent.replace("[]", "").rsplit(".", 1)[-1]
    return any(leaf_parent in line and word.search(line) for line in text.splitlines())


BRIEF_KEYS = _key_paths(_full_brief_dict())


@pytest.mark.skipif(not BRIEF_DOC.is_file(), reason="docs/brief.md not written yet")
@pytest.mark.parametrize(("parent", "key"), BRIEF_KEYS, ids=[f"{p}.{k}" if p else k for p, k in BRIEF_KEYS])
def test_brief_doc_documents_every_field(parent, key):
    assert _documented(BRIEF_DOC.read_text(encoding="utf-8"), parent, key)


def _tag_doc_section() -> tuple[str, str] | None:
    """The docs/ section about `medsum tag --format jsonl` and its whole file."""
    for doc in sorted(DOCS.glob("*.md")):
        text = doc.read_text(encoding="utf-8")
        match = re.search(r"^#+ .*tag.*jsonl.*$", text, re.M)
        if match:
            rest = text[match.end():]
            end = re.search(r"^#+ ", rest, re.M)
            return (rest[: end.start()] if end else rest), text
    return None


TAG_DOC = _tag_doc_section() if DOCS.is_dir() else None


@pytest.mark.skipif(TAG_DOC is None, reason="docs/ has no section on `medsum tag --format jsonl`")
def test_tag_jsonl_doc_documents_every_field(write_file):
    good = write_file("a.txt", ARTICLE)
    run = run_main(["tag", "--format", "jsonl", "--explain", "--level", "all", good, good.parent / "missing.txt"])
    records = [json.loads(line) for line in run.stdout.splitlines()]
    paths = set()
    for record in records:
        paths |= set(_key_paths(record))
    section, whole = TAG_DOC
    # The record's own keys are described in the section; nested ones may be
    # described once for the brief in the same file ("evidence as above").
    top = sorted({key for parent, key in paths if not parent})
    nested = sorted({key for parent, key in paths if parent} - set(top))
    assert {"path", "title", "tags", "error"} <= set(top)
    assert {"evidence", "terms", "term"} <= set(nested)

    def named(key: str, text: str) -> bool:
        return bool(re.search(rf"(?<![\w]){key}(?![\w])", text))

    missing = [k for k in top if not named(k, section)] + [k for k in nested if not named(k, section) and not named(k, whole)]
    assert not missing, f"not documented: {missing}"


def test_ci_runs_exactly_the_readme_test_command():
    command = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert f"\n{command}\n" in (ROOT / "README.md").read_text(encoding="utf-8")
