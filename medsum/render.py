"""Rendering: every view of a brief is drawn from one dict, ``brief_to_dict``.

The rich terminal view, plain text, markdown, YAML and JSON all render the
same data, so no field can exist in one and not the others. Renderers are
looked up in plain dicts by ``--format``; stdout carries data only.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Callable, Iterable

from medsum.brief import SCHEMA, Brief
from medsum.document import Document

BAR_WIDTH = 10


# --------------------------------------------------------------------------
# Data


def _original_of(doc: Document, phrase: str) -> str:
    """A Simplified phrase as the article writes it (Traditional stays so)."""
    pos = doc.text.find(phrase)
    if pos >= 0:
        return doc.original[pos:pos + len(phrase)]
    # A phrase only the title has (the cited document a report is named after).
    title, simplified = doc.metadata.title or "", doc.title_simplified or ""
    pos = simplified.find(phrase)
    if pos >= 0 and len(title) == len(simplified):
        return title[pos:pos + len(phrase)]
    return phrase


#: What the brief says of a tag with no evidence sentence: the measure is named in
#: the headline only (the evidence offsets are the body's; see docs/taxonomy.md).
HEADLINE_ONLY = "(named in the headline only)"


def tag_to_dict(t, *, evidence: bool = True, brief: bool = True) -> dict:
    """One tag as data; ``brief=False`` gives the shorter ``medsum tag`` record."""
    data = {"id": t.id, "label": t.label}
    if brief:
        data.update(label_en=t.label_en, group=t.group)
    data.update(level=t.level, score=t.score)
    if evidence:
        data["evidence"] = [
            {
                "sentence": ev.sentence,
                "start": ev.start,
                "end": ev.end,
                "terms": [{"term": term, "start": a, "end": b} for term, a, b in ev.terms],
            }
            for ev in t.evidence
        ]
    return data


def brief_to_dict(brief: Brief) -> dict:
    doc = brief.document
    meta = doc.metadata
    place = brief.place
    return {
        "schema": SCHEMA,
        "path": brief.path,
        "title": meta.title,
        "date": meta.date,
        "source": meta.source,
        "author": meta.author,
        "place": None if place is None else {
            "name": place.name,
            "province": place.province,
            "city": place.city,
            "county": place.county,
        },
        "script": doc.script,
        "encoding": doc.encoding,
        "length": len(doc.text),
        "engine": brief.engine,
        "tags": [tag_to_dict(t) for t in brief.tags],
        "keyphrases": [
            {"text": _original_of(doc, k.text), "score": k.score, "count": k.count}
            for k in brief.keyphrases
        ],
        "summary": [
            {
                "index": s.index,
                "sentence": doc.original[s.start:s.end],
                "score": s.score,
                "start": s.start,
                "end": s.end,
            }
            for s in brief.summary
        ],
        "figures": [
            {
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "kind": f.kind,
                "what": f.what,
                "measure": f.measure,
                "sentence": f.sentence,
                "change": f.change,
            }
            for f in brief.figures
        ],
    }


def document_to_dict(doc: Document) -> dict:
    return {"schema": "medsum/document@1", **doc.to_dict()}


# --------------------------------------------------------------------------
# Serialisers


def valid_unicode(text: str) -> str:
    """``text`` with a lone surrogate (a file name's byte that is not UTF-8, as
    Python reads it) shown as U+FFFD, so machine formats stay valid UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no byte stands for
        return text.encode("utf-8", "replace").decode("utf-8")


def to_json_line(data: dict) -> str:
    return valid_unicode(json.dumps(data, ensure_ascii=False, separators=(",", ":"))) + "\n"


def to_yaml(data: dict) -> str:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    try:
        return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)
    except UnicodeEncodeError:  # a file name that is not UTF-8: its byte shown as U+FFFD
        data = json.loads(valid_unicode(json.dumps(data, ensure_ascii=False)))
        return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)


# --------------------------------------------------------------------------
# Plain text and markdown


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


#: Punctuation that may not open a line (Chinese typesetting's 避头点): the
#: character before it goes down with it.
_NO_LINE_START = frozenset("，。、；：！？）」』】》〉”’,.;:!?)]}%％…·")
#: ... and opening punctuation that may not end one (避尾点): it moves down.
_NO_LINE_END = "“‘（《「『【〈([{"


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Wrap by display width (a CJK character takes two columns), never
    opening a line with closing punctuation, ending one with opening
    punctuation, or cutting a number or a Latin word."""
    lines, line, used = [], "", 0
    room = max(10, width - display_width(indent))
    for c in text:
        w = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if used + w > room and line:
            carry = ""
            if c in _NO_LINE_START:
                # The last character goes down with it (and an opening quote
                # before that one): "...下沉\n。”" becomes "...有效\n下沉。”".
                cut = len(line) - 1
                while cut > 1 and (line[cut] in _NO_LINE_START or line[cut - 1] in _NO_LINE_END):
                    cut -= 1
                line, carry = line[:cut], line[cut:]
            elif c.isascii() and c.isalnum():
                run = len(line) - len(line.rstrip("0123456789.%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
                if 0 < run < len(line) and run <= room // 3:
                    line, carry = line[:-run], line[-run:]
            while len(line) > 1 and line[-1] in _NO_LINE_END:
                line, carry = line[:-1], line[-1] + carry
            lines.append(indent + line)
            line, used = carry, display_width(carry)
        line += c
        used += w
    if line:
        lines.append(indent + line)
    return lines or [indent]


def wrap_items(items: list[str], sep: str, width: int, indent: str = "") -> list[str]:
    """Wrap a list ("a · b · c") between its items, never inside one
    (a keyphrase or a figure cut over two lines reads as two); an item
    wider than a line is wrapped on its own."""
    room = max(10, width - display_width(indent))
    mark, joint = sep.rstrip(), sep[len(sep.rstrip()):]  # " ·" + " ", ";" + " "
    lines: list[str] = []
    line = ""
    for k, item in enumerate(items):
        piece = item + (mark if k < len(items) - 1 else "")
        candidate = line + joint + piece if line else piece
        if line and display_width(candidate) > room:
            lines.append(indent + line)
            candidate = piece
        if display_width(candidate) > room:
            parts = wrap(candidate, width, indent)
            lines.extend(parts[:-1])
            candidate = parts[-1][len(indent):]
        line = candidate
    if line:
        lines.append(indent + line)
    return lines or [indent]


def bar(score: float, top: float) -> str:
    filled = min(BAR_WIDTH, round(BAR_WIDTH * score / top)) if top > 0 else 0
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def tag_bars(tags: list[dict]) -> list[str]:
    """A bar per tag, scaled to the best reported (primary or discussed) tag. A
    measure only named gets an empty bar: its score, however high (a company's
    purchasing page that says 采购 again and again), is not what the text reports."""
    reported = [t["score"] for t in tags if t["level"] != "mentioned"]
    top = max(reported, default=0.0)
    return [bar(t["score"], top) if t["level"] != "mentioned" else "░" * BAR_WIDTH for t in tags]


def _header_fields(d: dict) -> list[tuple[str, str]]:
    place = d["place"]["name"] if d["place"] else None
    fields = [
        ("date", d["date"]),
        ("source", d["source"]),
        ("author", d["author"]),
        ("place", place),
        ("script", d["script"]),
        ("encoding", d["encoding"]),
        ("length", f"{d['length']} chars"),
        ("engine", d["engine"]),
        ("path", d["path"]),
    ]
    return [(k, v if v is not None else "—") for k, v in fields]


def _figure_line(f: dict) -> str:
    what = f" {f['what']}" if f["what"] else ""
    return f"{what.strip()} {f['text']}".strip()


def render_text(d: dict, *, width: int = 100) -> str:
    out: list[str] = []
    title = d["title"] or "(no title)"
    out.extend(wrap(title, width))
    out.append("=" * min(width, max(10, display_width(title))))
    for key, value in _header_fields(d):
        out.append(f"{pad(key, 9)}{value}")
    out.append("")
    out.append("Tags")
    if not d["tags"]:
        out.append("  (no reform measure found)")
    for t, drawn in zip(d["tags"], tag_bars(d["tags"])):
        out.extend(wrap(
            f"{pad(t['level'], 10)}{drawn} {t['score']:>6.2f}  {t['id']} {t['label']}",
            width, indent="  ",
        ))
        for ev in t["evidence"]:
            out.extend(wrap("“" + _bracket_terms(ev) + "”", width, indent="      "))
        if not t["evidence"]:
            out.append("      " + HEADLINE_ONLY)
    out.append("")
    out.append("Keyphrases")
    out.extend(wrap_items([k["text"] for k in d["keyphrases"]] or ["—"], " · ", width, indent="  "))
    out.append("")
    out.append("Summary")
    for i, s in enumerate(d["summary"], 1):
        lines = wrap(s["sentence"], width, indent="      ")
        lines[0] = f"  {i:>2}. " + lines[0][6:]
        out.extend(lines)
    out.append("")
    out.append("Figures")
    if not d["figures"]:
        out.append("  —")
    for group, figures in _figures_by_measure(d):
        items = [_figure_line(f) for f in figures]
        items[0] = f"{group}: {items[0]}"
        out.extend(wrap_items(items, "; ", width, indent="  "))
    return "\n".join(line.rstrip() for line in out) + "\n"


def _bracket_terms(ev: dict) -> str:
    sentence, base = ev["sentence"], ev["start"]
    out, pos = [], 0
    for term in sorted(ev["terms"], key=lambda t: t["start"]):
        a, b = term["start"] - base, term["end"] - base
        out.append(sentence[pos:a])
        out.append("[" + sentence[a:b] + "]")
        pos = b
    out.append(sentence[pos:])
    return "".join(out)


def _figures_by_measure(d: dict) -> list[tuple[str, list[dict]]]:
    labels = {t["id"]: t["label"] for t in d["tags"]}
    groups: dict[str, list[dict]] = {}
    for f in d["figures"]:
        key = labels.get(f["measure"], "其他") if f["measure"] else "其他"
        groups.setdefault(key, []).append(f)
    other = groups.pop("其他", None)
    items = list(groups.items())
    if other:
        items.append(("其他", other))
    return items


def render_markdown(d: dict, *, width: int = 100) -> str:
    out = [f"# {d['title'] or '(no title)'}", ""]
    out.append(" · ".join(f"**{k}** {v}" for k, v in _header_fields(d)))
    out.append("")
    out.append("## Tags")
    out.append("")
    if not d["tags"]:
        out.append("_No reform measure found._")
    for t in d["tags"]:
        out.append(f"- **{t['label']}** `{t['id']}` — {t['level']}, score {t['score']:.2f}")
        for ev in t["evidence"]:
            out.append(f"  > {_bracket_terms(ev).replace('[', '**').replace(']', '**')}")
        if not t["evidence"]:
            out.append(f"  > _{HEADLINE_ONLY}_")
    out += ["", "## Keyphrases", "", ", ".join(k["text"] for k in d["keyphrases"]) or "—", ""]
    out += ["## Summary", ""]
    out += [f"{i}. {s['sentence']}" for i, s in enumerate(d["summary"], 1)]
    out += ["", "## Figures", ""]
    if not d["figures"]:
        out.append("—")
    for group, figures in _figures_by_measure(d):
        out.append(f"- **{group}**: " + "; ".join(_figure_line(f) for f in figures))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Rich


def render_rich(d: dict, console) -> None:
    from rich.markup import escape
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    header = Table.grid(padding=(0, 2))
    header.add_column(style="dim")
    header.add_column()
    for key, value in _header_fields(d):
        header.add_row(key, escape(str(value)))
    # The headline above the panel, wrapped: in the panel's border rich cuts a
    # long one short without a mark.
    for line in wrap(d["title"] or "(no title)", console.width):
        console.print(Text(line, style="bold"), no_wrap=True, overflow="ignore")
    console.print(Panel(header))

    console.print(Text("Tags", style="bold underline"))
    styles = {"primary": "bold green", "discussed": "yellow", "mentioned": "dim"}
    if not d["tags"]:
        console.print("  (no reform measure found)", style="dim")
    for t, drawn in zip(d["tags"], tag_bars(d["tags"])):
        line = Text("  ")
        line.append(pad(t["level"], 10), style=styles.get(t["level"], ""))
        line.append(drawn, style="cyan" if t["level"] != "mentioned" else "dim")
        line.append(f" {t['score']:>6.2f}  ")
        line.append(t["label"], style="bold")
        line.append(f" {t['id']}", style="dim")
        console.print(line)
        for ev in t["evidence"]:
            text = Text("“")
            sentence, base, pos = ev["sentence"], ev["start"], 0
            for term in sorted(ev["terms"], key=lambda x: x["start"]):
                a, b = term["start"] - base, term["end"] - base
                text.append(sentence[pos:a])
                text.append(sentence[a:b], style="bold magenta")
                pos = b
            text.append(sentence[pos:] + "”")
            _print_wrapped(console, text, "      ")
        if not t["evidence"]:
            console.print("      " + HEADLINE_ONLY, style="dim")
    console.print()
    console.print(Text("Keyphrases", style="bold underline"))
    for line in wrap_items([k["text"] for k in d["keyphrases"]] or ["—"], " · ", console.width, indent="  "):
        console.print(Text(line))
    console.print()
    console.print(Text("Summary", style="bold underline"))
    for i, s in enumerate(d["summary"], 1):
        _print_wrapped(console, Text(s["sentence"]), "      ", first=Text(f"  {i:>2}. ", style="bold"))
    console.print()
    console.print(Text("Figures", style="bold underline"))
    if not d["figures"]:
        console.print("  —")
    for group, figures in _figures_by_measure(d):
        items = [_figure_line(f) for f in figures]
        items[0] = f"{group}: {items[0]}"
        for k, line in enumerate(wrap_items(items, "; ", console.width, indent="  ")):
            text = Text(line)
            if k == 0:
                text.stylize("bold", 2, 2 + len(group))
            console.print(text)
    console.print()


def _print_wrapped(console, text, indent: str, *, first=None) -> None:
    """Print styled ``text`` wrapped the Chinese way (``wrap``) under ``indent``.

    rich wraps at spaces, so a Chinese sentence, one long "word" to it, would
    start on a line of its own after "2. " and lose its indent; the lines are
    cut here and keep their styles (``Text.divide``). ``first`` replaces the
    indent of the first line (a list number of the same width)."""
    from rich.text import Text

    lines = wrap(text.plain, console.width, indent=indent)
    offsets, at = [], 0
    for line in lines[:-1]:
        at += len(line) - len(indent)
        offsets.append(at)
    for k, part in enumerate(text.divide(offsets)):
        lead = first if (k == 0 and first is not None) else Text(indent)
        console.print(Text.assemble(lead, part), no_wrap=True, overflow="ignore")


#: Brief renderers that return text (rich prints to a console instead).
BRIEF_TEXT_RENDERERS: dict[str, Callable[..., str]] = {
    "text": render_text,
    "markdown": render_markdown,
}


def yaml_stream(documents: Iterable[str]) -> Iterable[str]:
    """Join YAML documents as a stream, ``---`` between them."""
    for i, doc in enumerate(documents):
        yield ("---\n" if i else "") + doc
