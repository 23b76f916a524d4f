"""Reading input: expanding paths, folders and lists, and decoding bytes.

Encodings are detected, never assumed: a BOM decides first (UTF-8, UTF-16,
UTF-32), then strict UTF-8, then charset-normalizer restricted to the
encodings Chinese pages actually use (GB18030 ⊃ GBK ⊃ GB2312, Big5, UTF-16).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from medsum.errors import InputError

#: Files larger than this are refused (a whole annual report is a few MB).
MAX_BYTES = int(os.environ.get("MEDSUM_MAX_BYTES", 16 * 1024 * 1024))

#: Extensions picked up when a folder is given.
TEXT_EXTENSIONS = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".shtml"}
)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CANDIDATES = ["gb18030", "big5", "utf_8", "utf_16_le", "utf_16_be"]


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
            if os.path.splitext(name)[1].lower() in TEXT_EXTENSIONS:
                yield os.path.join(root, name)


def read_path(path: str) -> RawInput:
    """Read and decode one input; ``-`` is standard input."""
    if path == "-":
        data = sys.stdin.buffer.read()
        if len(data) > MAX_BYTES:
            raise InputError(f"-: input too large ({len(data) // 1048576} MiB; limit {MAX_BYTES // 1048576} MiB)")
    else:
        try:
            size = os.stat(path).st_size
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
        if os.path.isdir(path):
            raise InputError(f"{path}: is a folder")
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: file too large ({size / 1048576:.0f} MiB; limit {MAX_BYTES // 1048576} MiB, "
                "set MEDSUM_MAX_BYTES to raise it)"
            )
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror}") from None
    text, encoding = decode(data, name=path)
    return RawInput(path=path, text=text, encoding=encoding)


def read_text(text: str, *, path: str = "<text>") -> RawInput:
    """Wrap an already decoded string as an input."""
    return RawInput(path=path, text=text, encoding="str")


def decode(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text, returning ``(text, encoding)``.

    Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace").lstrip("\ufeff")
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
    # A UTF-8 file with a few damaged bytes is still UTF-8.
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= max(2, len(text) // 1000):
        return text, "utf-8"
    encoding = _detect(data)
    if encoding is None:
        raise InputError(f"{name}: cannot tell the text encoding (not UTF-8, GB18030 or Big5)")
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > len(text) // 50:
        raise InputError(f"{name}: undecodable bytes (best guess {encoding} fails)")
    return text, encoding


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=_CANDIDATES).best()
    if best is None:
        return None
    return {"utf_8": "utf-8", "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be"}.get(
        best.encoding, best.encoding
    )


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
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
