"""Rendering: a snapshot of the plain-text brief of one seed, and proof that
every view (rich, text, markdown, YAML, JSON) is drawn from the one dict
``medsum.render.brief_to_dict``.

The snapshot is refreshed with ``MEDSUM_UPDATE_SNAPSHOTS=1 python -m pytest
tests/test_render.py`` while the algorithms are being tuned; review the diff
before committing it.
"""

from __future__ import annotations

import copy
import io
import json
import os
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SHARED, needs_shared, run_main

SNAPSHOTS = Path(__file__).with_name("snapshots")
SNAPSHOT_SEED = "000_39c1f22628833f98"
#: Keys that version the serialised data and mean nothing to a reader, so
#: the human views leave them out.
DATA_ONLY_KEYS = {"schema"}


@pytest.fixture
def in_shared(monkeypatch):
    """Run from shared/ so paths (printed in the brief) are relative and stable."""
    monkeypatch.chdir(SHARED)
    return f"seeds/{SNAPSHOT_SEED}.txt"


@pytest.fixture(scope="module")
def brief_dict() -> dict:
    from medsum.brief import make_brief
    from medsum.clean import clean
    from medsum.reader import read_path
    from medsum.render import brief_to_dict

    cwd = os.getcwd()
    os.chdir(SHARED)
    try:
        doc = clean(read_path(f"seeds/{SNAPSHOT_SEED}.txt"))
    finally:
        os.chdir(cwd)
    return brief_to_dict(make_brief(doc))


@needs_shared
def test_text_brief_snapshot(in_shared):
    run = run_main(["brief", "--format", "text", "--width", "100", in_shared])
    assert run.exit_code == 0, run.stderr
    snapshot = SNAPSHOTS / f"{SNAPSHOT_SEED}.txt"
    if os.environ.get("MEDSUM_UPDATE_SNAPSHOTS") == "1":
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(run.stdout, encoding="utf-8")
        pytest.skip(f"snapshot {snapshot.name} rewritten")
    assert snapshot.is_file(), f"no snapshot: run MEDSUM_UPDATE_SNAPSHOTS=1 python -m pytest {__file__}"
    assert run.stdout == snapshot.read_text(encoding="utf-8")


def _over_width(in_shared: str, width: int) -> dict[str, list[str]]:
    """Lines of the text brief wider than ``width``, by section."""
    from medsum.render import display_width

    run = run_main(["brief", "--format", "text", "--width", str(width), in_shared])
    assert run.exit_code == 0, run.stderr
    over: dict[str, list[str]] = {"tags": [], "summary": [], "other": []}
    section = "other"
    for line in run.stdout.splitlines():
        if line in ("Tags", "Summary"):
            section = line.lower()
        elif line in ("Keyphrases", "Figures"):
            section = "other"
        if display_width(line) > width:
            kind = section if section == "summary" or (section == "tags" and not line.startswith("      ")) else "other"
            over[kind].append(line)
    return over


@needs_shared
@pytest.mark.parametrize("width", [60, 100])
def test_text_lines_fit_the_width(in_shared, width):
    assert _over_width(in_shared, width)["other"] == []


@needs_shared
@pytest.mark.parametrize("width", [60, 100])
def test_summary_lines_fit_the_width(in_shared, width):
    assert _over_width(in_shared, width)["summary"] == []


@needs_shared
def test_tag_lines_fit_the_width(in_shared):
    assert _over_width(in_shared, 60)["tags"] == []


# --------------------------------------------------------------------------
# One dict, every view


def _squash(text: str) -> str:
    """A view without white space, so wrapped lines read as one."""
    return re.sub(r"\s+", "", text)


def _leaf_strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _leaf_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _leaf_strings(v)]
    return [value] if isinstance(value, str) else []


def _shown(view: str, key: str, value) -> bool:
    """Does a human view show ``key``: as a label, or by its value?"""
    if re.search(rf"(?im)^\W*{re.escape(key)}\b", view) or re.search(rf"\*\*{re.escape(key)}\*\*", view, re.I):
        return True
    squashed = _squash(view)
    strings = [_squash(s) for s in _leaf_strings(value) if s.strip()]
    return bool(strings) and all(s in squashed for s in strings)


def _rich_view(d: dict) -> str:
    from rich.console import Console

    from medsum.render import render_rich

    console = Console(file=io.StringIO(), width=100, record=True, color_system=None)
    render_rich(d, console)
    return console.export_text()


@needs_shared
@pytest.mark.parametrize("width", [60, 100])
def test_rich_view_wraps_chinese_lines_under_their_indent(brief_dict, width):
    # rich wraps at spaces, and a Chinese sentence has none: it used to start on
    # a line of its own after "2. " and run on from column 0.
    from rich.console import Console

    from medsum.render import display_width, render_rich

    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    render_rich(brief_dict, console)
    lines = console.export_text().splitlines()
    assert all(display_width(line) <= width for line in lines)
    assert _squash(brief_dict["title"]) in _squash("".join(lines))  # the whole headline, however long
    start, end = lines.index("Summary"), lines.index("Figures")
    body = [line for line in lines[start + 1:end] if line.strip()]
    assert body and all(line.startswith("  ") for line in body)
    numbered = [line for line in body if re.match(r"^\s+\d+\. ", line)]
    assert len(numbered) == len(brief_dict["summary"])
    assert all(re.match(r"^\s+\d+\. \S", line) for line in numbered)  # the sentence starts beside its number
    assert _squash("".join(body)) == _squash("".join(f"{i}.{s['sentence']}" for i, s in enumerate(brief_dict["summary"], 1)))


def _views(d: dict) -> dict[str, str]:
    from medsum.render import render_markdown, render_text

    return {
        "text": render_text(d, width=100),
        "markdown": render_markdown(d, width=100),
        "rich": _rich_view(d),
    }


@needs_shared
@pytest.mark.parametrize("view", ["text", "markdown", "rich"])
def test_every_key_of_the_dict_is_in_each_human_view(brief_dict, view):
    shown = _views(brief_dict)[view]
    missing = [k for k, v in brief_dict.items() if k not in DATA_ONLY_KEYS and not _shown(shown, k, v)]
    assert not missing, f"{view} view leaves out {missing}"


@needs_shared
@pytest.mark.parametrize("view", ["text", "markdown", "rich"])
def test_human_views_follow_the_dict(brief_dict, view):
    """Change the dict and every view changes with it: no view reads the Brief."""
    changed = copy.deepcopy(brief_dict)
    changed["title"] = "哨兵标题SENTINEL"
    changed["source"] = "哨兵来源"
    if changed["tags"]:
        changed["tags"][0]["label"] = "哨兵措施"
    if changed["summary"]:
        changed["summary"][0]["sentence"] = "哨兵句子。"
    shown = _views(changed)[view]
    for sentinel in ("哨兵标题SENTINEL", "哨兵来源", "哨兵措施", "哨兵句子。"):
        assert sentinel in shown, f"{view} view ignores the dict's {sentinel}"


@needs_shared
def test_data_views_are_the_dict(brief_dict, in_shared):
    from medsum.render import render_markdown, render_text, to_json_line, to_yaml

    assert json.loads(to_json_line(brief_dict)) == brief_dict
    assert yaml.safe_load(to_yaml(brief_dict)) == brief_dict
    # ...and the CLI prints exactly these renderings of the same dict.
    as_json = run_main(["brief", "--format", "json", in_shared])
    assert json.loads(as_json.stdout) == brief_dict
    as_yaml = run_main(["brief", "--format", "yaml", in_shared])
    assert yaml.safe_load(as_yaml.stdout) == brief_dict
    as_text = run_main(["brief", "--format", "text", "--width", "100", in_shared])
    assert as_text.stdout == render_text(brief_dict, width=100)
    as_markdown = run_main(["brief", "--format", "markdown", in_shared])
    assert as_markdown.stdout == render_markdown(brief_dict, width=100)


@needs_shared
def test_summary_in_the_dict_is_verbatim_and_in_order(brief_dict):
    from medsum.clean import clean
    from medsum.reader import read_path

    doc = clean(read_path(str(SHARED / "seeds" / f"{SNAPSHOT_SEED}.txt")))
    indexes = [s["index"] for s in brief_dict["summary"]]
    assert indexes == sorted(indexes)
    for s in brief_dict["summary"]:
        assert s["sentence"] == doc.original[s["start"]:s["end"]]


def test_keyphrases_of_a_traditional_article_are_in_its_own_script(tmp_path):
    """Also a phrase that only the title has: the document a report is named after."""
    from medsum.brief import make_brief
    from medsum.clean import clean
    from medsum.reader import read_path
    from medsum.render import brief_to_dict

    path = tmp_path / "plan.txt"
    path.write_text(
        "《緊密型縣域醫療衛生共同體建設實施方案》\n\n"
        "本縣堅持政府主導,全面推進緊密型縣域醫共體建設,整合縣鄉村三級醫療資源。\n"
        "醫共體內統一管理人員、財務和藥品,縣域內就診率達到90%。\n"
        "醫共體總院牽頭建設遠程會診中心,鄉鎮衛生院檢查、縣醫院診斷。\n",
        encoding="utf-8",
    )
    doc = clean(read_path(str(path)))
    phrases = [k["text"] for k in brief_to_dict(make_brief(doc))["keyphrases"]]
    assert "緊密型縣域醫療衛生共同體建設實施方案" in phrases
    for phrase in phrases:
        assert phrase in doc.original or phrase in doc.metadata.title, phrase


# --------------------------------------------------------------------------
# Line breaking

_WRAP_TEXT = st.text(
    st.sampled_from(list("医保改革集采共体县市区") + list("，。、；：！？”’）》") + list("“‘（《") + list("0123456789DRG")),
    min_size=0,
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(_WRAP_TEXT, st.integers(min_value=20, max_value=80))
def test_wrapped_lines_keep_the_text_fit_and_follow_chinese_line_breaking(text, width):
    from medsum.render import _NO_LINE_END, _NO_LINE_START, display_width, wrap

    lines = wrap(text, width, indent="  ")
    body = [line[2:] for line in lines]
    assert "".join(body) == text
    assert all(display_width(line) <= width for line in lines)
    for before, after in zip(body, body[1:]):
        # Where the rule can be kept (the line before is not all punctuation).
        if after and after[0] in _NO_LINE_START:
            assert all(c in _NO_LINE_START or c in _NO_LINE_END for c in before[1:]), (before, after)
        if len(before) > 1 and before[-1] in _NO_LINE_END:
            assert all(c in _NO_LINE_END for c in before), (before, after)


def test_numbers_and_latin_words_are_not_cut():
    from medsum.render import wrap

    text = "随着国家和省际联盟集采药品704种、医用耗材24类的落地执行,长春市医保DRG支付方式改革已覆盖了116家医疗机构"
    for width in range(30, 90):
        lines = wrap(text, width)
        for before, after in zip(lines, lines[1:]):
            assert not (before[-1:].isdigit() and after[:1].isdigit()), (width, before, after)
            assert not (before[-1:].isalpha() and before[-1:].isascii() and after[:1].isascii() and after[:1].isalpha())


_ITEM = st.text(st.sampled_from(list("医保改革集采共体县市区中心") + list("0123456789.%DRG")), min_size=1, max_size=10)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ITEM, min_size=1, max_size=15), st.sampled_from([" · ", "; "]), st.integers(min_value=24, max_value=100))
def test_lists_wrap_between_their_items(items, sep, width):
    # A keyphrase or a figure is never cut over two lines when it fits in one.
    from medsum.render import display_width, wrap_items

    lines = wrap_items(items, sep, width, indent="  ")
    assert all(display_width(line) <= width for line in lines)
    mark = sep.rstrip()
    pieces = [p for line in lines for p in line[2:].removesuffix(mark).split(sep)]
    assert pieces == items


def test_an_item_wider_than_a_line_is_wrapped_on_its_own():
    from medsum.render import display_width, wrap_items

    items = ["集采", "关于进一步完善医疗卫生服务体系的意见关于进一步完善医疗卫生服务体系的意见", "DRG"]
    lines = wrap_items(items, " · ", 40, indent="  ")
    assert all(display_width(line) <= 40 for line in lines)
    assert "".join(line[2:] for line in lines).replace(" ", "") == "".join(" · ".join(items).split())


@pytest.mark.parametrize("view", ["text", "markdown", "rich"])
def test_a_tag_named_in_the_headline_only_says_so(view):
    # Written for this test: the body speaks of 医保支付标准, never of DRG.
    from medsum.brief import make_brief
    from medsum.clean import clean
    from medsum.reader import RawInput
    from medsum.render import HEADLINE_ONLY, brief_to_dict

    text = (
        "DRG引发限制住院天数的潜规则?\n\n"
        "患者反映,住院未满两周就被要求转院。医院称,医保支付标准从均值变为限额后,超出部分由医院承担。\n"
        "当地医保部门表示,将开展专项督导,督促医疗机构落实政策。\n"
    )
    d = brief_to_dict(make_brief(clean(RawInput(path="t.txt", text=text, encoding="utf-8"))))
    drg = next(t for t in d["tags"] if t["id"] == "drg")
    assert drg["evidence"] == []
    assert HEADLINE_ONLY in _views(d)[view]


def test_a_measure_only_named_gets_no_bar_and_does_not_set_the_scale():
    from medsum.render import BAR_WIDTH, tag_bars

    tags = [
        {"level": "primary", "score": 4.0},
        {"level": "discussed", "score": 2.0},
        {"level": "mentioned", "score": 11.5},  # a company's purchasing page: 采购 again and again
    ]
    bars = tag_bars(tags)
    assert bars[0] == "█" * BAR_WIDTH
    assert bars[1].count("█") == BAR_WIDTH // 2
    assert bars[2] == "░" * BAR_WIDTH
    assert all(len(b) == BAR_WIDTH for b in bars)
