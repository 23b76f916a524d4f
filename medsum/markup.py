"""Turning containers into plain text: front matter, template code, HTML.

HTML (a saved page, a fragment, markup inside markdown or a template) is
recognised by content, parsed with selectolax's Lexbor engine (a real HTML5
parser, tolerant of the broken markup found in the wild) and reduced to
lines of text, one per block element. Deciding which lines are article and
which are debris is the cleaner's job, done by the same rules for every
container.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_TAG = re.compile(
    r"</?(?:p|div|span|br|td|tr|table|tbody|h[1-6]|a|img|strong|b|font|section|article|"
    r"template|li|ul|ol|meta|script|style|html|body|head|title|form|em|i|center|iframe)\b[^>]*>",
    re.I,
)
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
#: Server-side template code and its closing mark: <% %>, <?php ?>, {% %}, {{ }}.
_SERVER_CODE = {"<%": "%>", "<?": "?>", "{%": "%}", "{{": "}}"}
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_TEMPLATE = re.compile(r"</?(template)\b", re.I)
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:https?:|/|\.)[^)]*\)")
#: A link to the original report ("[查看原文](https://tv.cctv.com/2026/01/18/...)",
#: "<a href=...>阅读原文</a>"); its address often carries the publication date.
_ORIGINAL_LINK = re.compile(
    r"\[\s*(?:查看|阅读)?原文(?:链接|地址)?\s*\]\(([^)\s]+)\)"
    r"|<a\b[^<>]*?href=[\"']?([^\"'\s<>]+)[^<>]*>\s*(?:查看|阅读)?原文(?:链接|地址)?\s*</a>",
    re.I,
)
_URL_DATE = re.compile(r"/(?:t)?(20\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.]|$)")

_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "iframe", "svg", "canvas", "select", "option", "button",
     "input", "textarea", "object", "embed", "video", "audio", "map", "head", "link", "meta"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
     "tbody", "thead", "section", "article", "header", "footer", "nav", "aside", "blockquote",
     "pre", "dl", "dt", "dd", "hr", "figure", "figcaption", "form", "main", "body", "html",
     "template", "center", "address", "caption", "fieldset", "legend", "details", "summary",
     "td", "th", "title"}
)
_BLANK_LINE = re.compile(r"\r?\n[ \t\r]*\n")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Page furniture: dropped with everything inside it.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer"})
#: class/id words that mark page furniture in saved pages (as readability does).
_FURNITURE_WORDS = frozenset(
    {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "sidebar",
     "footer", "share", "toolbar", "pagination", "pager", "related", "copyright", "topbar", "marketing",
     "promo", "advert", "advertisement"}
)
_WORD_SPLIT = re.compile(r"[^a-z]+")
#: Custom elements (Vue/Web components: <HeadBar>, <NavMenu>) whose name says
#: they are page furniture.
_FURNITURE_ELEMENT = re.compile(r"nav|menu|headbar|toolbar|sidebar|breadcrumb|footer|share")
#: Custom elements (a Vue page's <Cover title="..." subtitle="...">) that carry
#: the headline in attributes.
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Extracted:
    """Plain text (one block per line) and what the container said about it."""

    text: str
    container: str  # "text" | "markdown" | "html"
    title_hints: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict)


def looks_like_html(text: str) -> bool:
    """True when the text carries markup, whatever the file is called."""
    sample = text[:200_000]
    return _TAG.search(sample) is not None


def extract(text: str) -> Extracted:
    """Strip the container from ``text``: front matter, template code, HTML."""
    meta: dict = {}
    hints: list[str] = []
    container = "text"

    front = _FRONT_MATTER.match(text)
    if front:
        meta = _parse_front_matter(front.group(1))
        if meta.get("title"):
            hints.append(str(meta["title"]))
        text = text[front.end():]
        container = "markdown"

    text = _unescape_sql(text)
    if "原文" in text and (date := _original_link_date(text)):
        meta.setdefault("link_date", date)
    text = _strip_server_code(text)

    for match in _MD_HEADING.finditer(text[:5000]):
        hint = match.group(2).strip()
        if looks_like_html(hint):
            hint = " ".join(_html_to_text(hint)[0].split())
        if hint:
            hints.append(hint)
        container = "markdown"
        break
    text = _MD_HEADING.sub(lambda m: m.group(2), text)

    if looks_like_html(text):
        body, html_hints = _html_to_text(text)
        hints = hints + html_hints
        text = body
        container = "html" if container == "text" else container
    elif _ENTITY.search(text):
        text = html.unescape(text)
    # Bold markers ("**某某网消息**") are markup in any plain-text container.
    text = _MD_EMPHASIS.sub(r"\2", text)
    if container == "markdown":
        text = _MD_IMAGE.sub("", text)
        text = _MD_LINK.sub(r"\1", text)
    return Extracted(text=text, container=container, title_hints=tuple(hints), meta=meta)


def _strip_server_code(text: str) -> str:
    """Each block of server code, opener to its nearest closer, as a line break.

    One pass: an opener with no closer after it leaves every later opener of
    its kind unclosed too, so the kind is not looked for again (a page of
    30,000 unclosed "{" took seconds with a lazy regex).
    """
    ahead = {op: text.find(op) for op in _SERVER_CODE}  # each kind's next opener
    ahead = {op: at for op, at in ahead.items() if at >= 0}
    if not ahead:
        return text
    out = []
    pos = 0
    while ahead:
        at, op = min((at, op) for op, at in ahead.items())
        close = text.find(_SERVER_CODE[op], at + 2)
        if close < 0:
            del ahead[op]
            continue
        out += [text[pos:at], "\n"]
        pos = close + 2
        for kind in list(ahead):
            if ahead[kind] < pos:
                ahead[kind] = text.find(kind, pos)
                if ahead[kind] < 0:
                    del ahead[kind]
    return "".join(out) + text[pos:] if out else text


def _original_link_date(text: str) -> str | None:
    """The date in the address of a link to the original report, if any."""
    for match in _ORIGINAL_LINK.finditer(text):
        found = _URL_DATE.search(match.group(1) or match.group(2))
        if found:
            return "-".join(found.groups())
    return None


def _parse_front_matter(block: str) -> dict:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        data = {}
        for line in block.splitlines():
            key, sep, value = line.partition(":")
            if sep and key.strip() and not key.startswith(" "):
                data[key.strip()] = value.strip().strip("'\"")
    import datetime

    out = {}
    for key, value in data.items():
        if isinstance(value, (datetime.date, datetime.datetime)):
            value = value.isoformat()
        if isinstance(value, (str, int, float)) or value is None:
            out[str(key)] = value
    return out


def _unescape_sql(text: str) -> str:
    """Undo the quoting of HTML stored in SQL dumps (``\\"``, ``''``, ``\\n``)."""
    if text.count('\\"') + text.count("\\'") >= 3:
        text = (
            text.replace('\\"', '"').replace("\\'", "'").replace("\\r\\n", "\n")
            .replace("\\n", "\n").replace("\\t", "\t")
        )
    if text.count("''") >= 3 and "=''" not in text:
        text = text.replace("''", "'")
    return text


def _is_furniture(node) -> bool:
    attributes = node.attributes
    if not attributes:
        return False
    names = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".lower()
    return any(word in _FURNITURE_WORDS for word in _WORD_SPLIT.split(names))


_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
#: A hidden element longer than this is kept: pages fold the rest of an article
#: behind "展开全文" with display:none and unfold it by script.
HIDDEN_SNIPPET_CHARS = 80


def _is_hidden_snippet(node) -> bool:
    """A short element the page never shows (the rotating captions of an
    interactive card): not text of the article."""
    style = (node.attributes or {}).get("style") or ""
    return bool(_HIDDEN.search(style)) and len(node.text(deep=True, separator="") or "") <= HIDDEN_SNIPPET_CHARS


_KNOWN_INLINE = frozenset({"span", "a", "b", "strong", "em", "i", "font", "img", "label", "small", "sup", "sub"})


def _attribute_titles(root) -> list[str]:
    """Headlines held in attributes of custom elements (``<Cover title=...
    subtitle=...>``), for pages whose text has none."""
    out = []
    for node in root.traverse():
        attributes = node.attributes if node.tag and not node.tag.startswith("-") else None
        if not attributes or node.tag in _BLOCK_TAGS or node.tag in _KNOWN_INLINE:
            continue
        title = (attributes.get("title") or "").strip()
        if title and _CJK.search(title):
            subtitle = (attributes.get("subtitle") or "").strip()
            out.append(title + subtitle if title.endswith((":", "：")) else title)
            break
    return out


def html_to_text(markup: str) -> str:
    """The text of a piece of markup, one block per line."""
    return _html_to_text(markup)[0]


#: Elements nested deeper than this are no page's (a fuzzed file of 100,000
#: nested <div>s took the HTML parser 14 s): such markup is read as plain text.
MAX_NESTING = 1000
_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>")
#: Elements that close themselves or that a parser closes when the next one opens.
_NOT_NESTING = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track",
     "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd"}
)
_DROPPED_BLOCK = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.I | re.S)


def _too_deep(markup: str) -> bool:
    """Do elements nest deeper than MAX_NESTING (counted in one pass over the tags)?"""
    if markup.count("<") < MAX_NESTING:
        return False
    depth = 0
    for m in _ANY_TAG.finditer(markup):
        if m.group(3) or m.group(2).lower() in _NOT_NESTING:
            continue
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        if depth > MAX_NESTING:
            return True
    return False


_LINE_BREAK = re.compile(r"\r?\n")


def _only_stray_tags(tree) -> bool:
    """Does the page's text stand outside its elements, every element at the top
    empty (stray tags over plain text), rather than marked up (a <b> headline, a
    <span> in a sentence, whose text's line breaks are only the source's)?"""
    body = tree.body
    if body is None:
        return False
    child = body.child
    while child is not None:
        tag = child.tag or "-"
        if not tag.startswith(("-", "_")) and tag not in _DROP_TAGS and (child.text(deep=True) or "").strip():
            return False
        child = child.next
    return True


def _plain_text_of(markup: str) -> str:
    """Markup read without a parser: scripts and styles dropped, block tags as
    line breaks, every other tag removed, entities decoded."""
    text = _DROPPED_BLOCK.sub("\n", markup)
    text = _ANY_TAG.sub(lambda m: "\n" if m.group(2).lower() in _BLOCK_TAGS else "", text)
    return html.unescape(text)


def _html_to_text(markup: str) -> tuple[str, list[str]]:
    if _too_deep(markup):
        return _plain_text_of(markup), []
    from selectolax.lexbor import LexborHTMLParser

    # <template> content is an inert fragment in HTML5; Vue single-file
    # components keep the article there, so read it as an ordinary block.
    markup = _TEMPLATE.sub(lambda m: m.group(0).replace(m.group(1), "div"), markup)
    tree = LexborHTMLParser(markup)
    hints: list[str] = []
    for selector in ("h1", "title"):
        for node in tree.css(selector):
            value = " ".join(node.text(deep=True).split())
            if value:
                hints.append(value)
                break
    root = tree.root
    if not hints and root is not None:
        hints.extend(_attribute_titles(root))
    if root is None:
        return "", hints
    lines: list[str] = []
    current: list[str] = []
    stray: list[bool] = []  # worked out once, and only for text at <body> level that has line breaks

    def flush() -> None:
        if current:
            line = "".join(current)
            if line.strip():
                lines.append(line)
            current.clear()

    # An explicit stack instead of recursion: saved pages nest deeply.
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        tag = node.tag or "-"  # a bogus processing instruction ("<?t>") has none
        if leaving:
            if tag in _BLOCK_TAGS:
                flush()
            continue
        if tag == "-text":
            value = node.text_content or ""
            # A blank line inside a text node: plain text with a few tags in it
            # (a page copied with its stray markup), whose paragraphs stay apart.
            # Text outside any element, beside stray tags only ("• <tr id=…></tr>" over a
            # paper's header), is plain text and keeps every line break, as plain text does.
            loose = "\n" in value and (node.parent is None or (node.parent.tag or "") in ("body", "html"))
            if loose and not stray:
                stray.append(_only_stray_tags(tree))
            loose = loose and stray[0]
            parts = (_LINE_BREAK if loose else _BLANK_LINE).split(value) if "\n" in value else (value,)
            for k, part in enumerate(parts):
                if k:
                    flush()
                if part:
                    current.append(part.replace("\r", " ").replace("\n", " ").replace("\t", " "))
            continue
        if tag in _DROP_TAGS or tag.startswith("-") or tag == "_comment" or ":" in tag:
            continue
        if tag in _FURNITURE_TAGS or _is_furniture(node) or _is_hidden_snippet(node) or (
            tag not in _BLOCK_TAGS and "-" not in tag and _FURNITURE_ELEMENT.search(tag) and tag not in _KNOWN_INLINE
        ):
            continue
        if tag in _BLOCK_TAGS:
            flush()
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        for child in reversed(children):
            stack.append((child, False))
    flush()
    return "\n".join(lines), hints
