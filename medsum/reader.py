"""Reading input: expanding paths, folders and lists, and decoding bytes.

Encodings are detected, never assumed: a BOM decides first (UTF-8, UTF-16,
UTF-32), then strict UTF-8, then charset-normalizer restricted to the
encodings Chinese pages actually use (GB18030 ⊃ GBK ⊃ GB2312, Big5, UTF-16).
Word (.docx and .doc), PDF and web-archive (.mhtml) files are recognised by
their first bytes and their text taken out (``documents``); their "encoding"
is then ``docx``, ``doc``, ``pdf`` or ``mhtml``.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from medsum.documents import might_be
from medsum.errors import InputError

#: Files larger than this are refused (a whole annual report is a few MB).
MAX_BYTES = int(os.environ.get("MEDSUM_MAX_BYTES", 16 * 1024 * 1024))
#: ... and PDF, Word or web-archive files larger than this many times it.
DOCUMENT_FACTOR = 8

#: Extensions picked up when a folder is given (a file named on the command
#: line is read whatever its name).
TEXT_EXTENSIONS = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".shtml", ".doc", ".docx", ".wps", ".pdf", ".mhtml", ".mht"}
)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CANDIDATES = ["gb18030", "big5", "utf_8"]


@dataclass(frozen=True)
class RawInput:
    """A decoded input: the path as the user gave it, its text and encoding."""

    path: str
    text: str
    encoding: str


def expand_paths(
    paths: Iterable[str],
    *,
    files_from: str | None = None,
    null_separated: bool = False,
) -> Iterator[str]:
    """Yield input paths in a stable order: folders recursively and sorted.

    Paths that do not exist are yielded as given, so that the reader reports
    them in their place instead of losing them.
    """
    given = list(paths)
    if files_from is not None:
        given.extend(_read_list(files_from, null_separated=null_separated))
    for path in given:
        if path != "-" and os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _read_list(files_from: str, *, null_separated: bool) -> list[str]:
    if files_from == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(files_from).read_bytes()
        except OSError as exc:
            raise InputError(f"{files_from}: cannot read the file list: {exc.strerror}") from None
    raw = data.split(b"\0") if null_separated else data.splitlines()
    return [os.fsdecode(item.strip(b"\r\n") if not null_separated else item) for item in raw if item.strip()]


def _walk(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if os.path.splitext(name)[1].lower() not in TEXT_EXTENSIONS:
                continue
            path = os.path.join(root, name)
            try:
                regular = stat.S_ISREG(os.stat(path).st_mode)
            except OSError:
                regular = True  # a dangling link: the reader reports it in its place
            if regular:  # a named pipe or a device in a folder would block the whole run
                yield path


def read_path(path: str) -> RawInput:
    """Read and decode one input; ``-`` is standard input."""
    if path == "-":
        data = sys.stdin.buffer.read()
        if len(data) > MAX_BYTES:
            raise InputError(f"-: input too large ({_size(len(data))}; limit {_size(MAX_BYTES)})")
    else:
        try:
            size = os.stat(path).st_size
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
        if os.path.isdir(path):
            raise InputError(f"{path}: is a folder")
        try:
            with open(path, "rb") as handle:
                # A PDF or a Word file is mostly images and fonts: its text is a
                # small part of its size, so it may be larger than a text file.
                head = handle.read(4096)
                limit = MAX_BYTES * DOCUMENT_FACTOR if might_be(head) else MAX_BYTES
                if size > limit:
                    raise InputError(
                        f"{path}: file too large ({_size(size)}; limit {_size(limit)}, "
                        "set MEDSUM_MAX_BYTES to raise it)"
                    )
                # A pipe (<(cmd)) has no size to check first, nor a start to go back to.
                data = head + handle.read(limit + 1 - len(head))
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
        if len(data) > limit:
            raise InputError(f"{path}: input too large (over {_size(limit)}, set MEDSUM_MAX_BYTES to raise it)")
    text, encoding = decode(data, name=path)
    return RawInput(path=path, text=text, encoding=encoding)


def _size(n: int) -> str:
    if n >= 1048576:
        return f"{n / 1048576:.1f} MiB"
    if n >= 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n} bytes"


def read_text(text: str, *, path: str = "<text>") -> RawInput:
    """Wrap an already decoded string as an input."""
    return RawInput(path=path, text=text, encoding="str")


def decode(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``.

    Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if might_be(data[:4096]):  # Word, PDF, web archives
        from medsum.documents import extract_text, kind_of

        kind = kind_of(data)
        if kind:
            return extract_text(data, kind, name=name), kind
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace").lstrip("\ufeff")
            if encoding == "utf-8-sig" and not _mostly_decoded(text):
                data = data[len(bom):]  # a UTF-8 mark over another encoding's bytes (GBK): read on
                break
            if not text.strip():
                raise InputError(f"{name}: empty file")
            return text, encoding.replace("-sig", "") + ("-bom" if "sig" in encoding else "")
    guessed = _utf16_without_bom(data)
    if guessed:
        return data.decode(guessed, errors="replace"), guessed
    if _looks_binary(data):
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few damaged bytes is still UTF-8: its Chinese
    # decodes, and the damage is rare. (GBK read as UTF-8 decodes to almost
    # nothing but replacement characters.)
    text = data.decode("utf-8", errors="replace")
    if _mostly_decoded(text):
        return text, "utf-8"
    encoding = _detect(data)
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    if encoding is None:
        raise InputError(f"{name}: cannot tell the text encoding (not UTF-8, GB18030 or Big5)")
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > len(text) // 50:
        raise InputError(f"{name}: undecodable bytes (best guess {encoding} fails)")
    return text, encoding


def _mostly_decoded(text: str) -> bool:
    """Did a lenient decode leave few replacement characters among many Chinese ones?"""
    damaged = text.count("\ufffd")
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return damaged <= max(1, cjk // 50) and cjk >= 10 * damaged


def _common_share(text: str, encoding: str) -> float:
    """Share of Chinese characters that are common ones in ``encoding``'s
    own table: GB2312 level 1 (B0A1-D7F9) or Big5's frequent block
    (A440-C67E). Text decoded with the wrong table scatters into rare ones."""
    low, high = (0xB0A1, 0xD7F9) if encoding == "gb18030" else (0xA440, 0xC67E)
    table = "gb2312" if encoding == "gb18030" else "big5"
    total = common = 0
    for c in text:
        if "\u4e00" <= c <= "\u9fff":
            total += 1
            try:
                code = int.from_bytes(c.encode(table), "big")
            except UnicodeEncodeError:
                continue
            common += low <= code <= high
    return common / total if total else 0.0


def _detect(data: bytes) -> str | None:
    """GB18030 or Big5: decide by which reads as common characters;
    charset-normalizer decides when neither table alone is conclusive."""
    sample = data[:65536]
    readings = {}
    for encoding in ("gb18030", "big5"):
        try:
            readings[encoding] = sample.decode(encoding)
        except UnicodeDecodeError:
            # A sample cut inside a character: drop the last byte and retry.
            try:
                readings[encoding] = sample[:-1].decode(encoding)
            except UnicodeDecodeError:
                pass
    if len(readings) == 1:
        return next(iter(readings))
    if len(readings) == 2:
        gb, big5 = (_common_share(readings[e], e) for e in ("gb18030", "big5"))
        if abs(gb - big5) >= 0.15:
            return "gb18030" if gb > big5 else "big5"
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    return "utf-8" if best.encoding == "utf_8" else best.encoding


def _plausible_text(text: str) -> bool:
    """Mostly Chinese, CJK punctuation, printable ASCII and line ends."""
    good = sum(
        1 for c in text
        if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
        or " " <= c <= "~" or c in "\n\r\t\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
    )
    return good >= 0.95 * len(text)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    if len(data) % 2 == 0 and _looks_binary(data):
        # Chinese UTF-16 has few zero bytes but control-looking ones
        # (。 is 02 30): decode it and see whether it reads as text.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                if _plausible_text(sample[: len(sample) // 2 * 2].decode(encoding)):
                    return encoding
            except UnicodeDecodeError:
                continue
    if b"\x00" not in sample:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    # ASCII-heavy UTF-16 has zeros in one half; Chinese UTF-16 has few zeros,
    # so a lopsided zero pattern is the signal.
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) // 100 + 1
