"""Text out of office documents and page archives: Word (.docx), PDF, MHTML.

Policy documents are published as attachments as often as web pages, and
pages are saved as single-file archives. These formats are recognised by
their first bytes, never by the file name:

- A .docx is a zip holding ``word/document.xml``; its paragraphs are read
  with the standard library, one line each (table cells too). Headers and
  footers live in other parts of the package and are left out: they are the
  page furniture the cleaner would otherwise have to remove.
- A PDF's text layer is read with pypdf, page after page. What a PDF keeps
  of its layout (lines of a fixed width, page numbers, running headers) is
  the cleaner's business (``clean._full_lines``, the page-number rule, the
  repeated-line rule). A PDF without a text layer (a scan) is an input
  error: medsum does no OCR.
- A page saved as one file (.mhtml/.mht: "Save as single file", IE's web
  archive) is a MIME message; its HTML part is decoded (quoted-printable or
  base64, then the page's own encoding) and read like any HTML page.
- A Word 97-2003 .doc (an OLE2 compound file, read with olefile) gives the
  text of its main document from the piece table ([MS-DOC] 2.4.1): field
  codes are dropped and their results kept, table cells are lines. A .wps
  file is read the same way when it holds a Word document stream. An OLE2
  file without one (.xls, .ppt) or an encrypted one is refused with a
  message that says what to do.
"""

from __future__ import annotations

import io

from medsum.errors import InputError

_ZIP = b"PK\x03\x04"
_PDF = b"%PDF"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

#: A page of extracted text with fewer characters than this is "no text".
MIN_TEXT_CHARS = 20


def might_be(head: bytes) -> bool:
    """Could bytes starting with ``head`` (the first 4 KiB) be a document of
    this module? Cheap: the reader asks it of every input."""
    lowered = head.lower()
    return (
        head.startswith((_ZIP, _OLE2))
        or head[:1024].lstrip().startswith(_PDF)
        or (b"mime-version:" in lowered and b"multipart/related" in lowered)
    )


def kind_of(data: bytes) -> str | None:
    """'docx', 'pdf', 'mhtml' or 'doc' when the bytes are one, else None."""
    import zipfile

    if data[:1024].lstrip().startswith(_PDF):
        return "pdf"
    head = data[:4096].lower()
    if b"mime-version:" in head and b"multipart/related" in head:
        return "mhtml"
    if data.startswith(_OLE2):
        return "doc"
    if data.startswith(_ZIP):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                if "word/document.xml" in package.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return None
    return None


def _text_limit() -> int:
    """The most characters a document may unpack to: as many as the largest
    text file medsum reads holds (MEDSUM_MAX_BYTES of UTF-8 Chinese). A small
    PDF whose page tree lists one page a thousand times, or a Word file whose
    pieces repeat, would otherwise unpack to gigabytes."""
    from medsum.reader import MAX_BYTES

    return MAX_BYTES // 3


def _too_much(name: str) -> InputError:
    return InputError(
        f"{name}: a document whose text is too large (over {_text_limit():,} characters; "
        "set MEDSUM_MAX_BYTES to raise it)"
    )


def extract_text(data: bytes, kind: str, *, name: str) -> str:
    """The text of a document of ``kind`` (see ``kind_of``)."""
    if kind == "docx":
        text = _docx_text(data, name=name)
    elif kind == "pdf":
        text = _pdf_text(data, name=name)
    elif kind == "mhtml":
        text = _mhtml_page(data, name=name)
    else:
        text = _doc_text(data, name=name)
    if len(text) > _text_limit():
        raise _too_much(name)
    if len(text.strip()) < MIN_TEXT_CHARS:
        what = "a PDF with no text layer (a scan? medsum does no OCR)" if kind == "pdf" else "a document with no text"
        raise InputError(f"{name}: {what}")
    return text


def _docx_text(data: bytes, *, name: str) -> str:
    import zipfile
    import zlib
    from xml.etree import ElementTree

    from medsum.reader import DOCUMENT_FACTOR, MAX_BYTES

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            # A zip can unpack to far more than its size: refuse a bomb unread.
            if package.getinfo("word/document.xml").file_size > MAX_BYTES * DOCUMENT_FACTOR:
                raise InputError(f"{name}: a .docx whose text part is too large")
            xml = package.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, RuntimeError, EOFError, OSError, zlib.error) as exc:
        raise InputError(f"{name}: a damaged .docx file ({_one_line(exc)})") from None
    lines = []
    size, limit = 0, _text_limit()
    for paragraph in root.iter(f"{_W}p"):
        # A paragraph inside this one (a text box's) is a line of its own:
        # its text is not this paragraph's, and each node is read once.
        parts = []
        stack = list(reversed(paragraph))
        while stack:
            node = stack.pop()
            if node.tag == f"{_W}p":
                continue
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            stack.extend(reversed(node))
        lines.append("".join(parts))
        size += len(lines[-1]) + 1
        if size > limit:
            raise _too_much(name)
    return "\n".join(lines)


def _pdf_text(data: bytes, *, name: str) -> str:
    import logging

    try:
        import pypdf
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(f"{name}: reading PDF needs pypdf (pip install pypdf)") from None
    # pypdf logs what it repairs in a damaged file; the result is what counts.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        # Many PDFs are encrypted with an empty password only to forbid
        # editing; their text reads. Any other password is not ours to guess.
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: an encrypted PDF (a password is needed)")
        pages, size, limit = [], 0, _text_limit()
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            size += len(pages[-1]) + 1
            if size > limit:
                raise _too_much(name)  # stop reading: the rest would only be refused
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged files
        raise InputError(f"{name}: an unreadable PDF ({type(exc).__name__}: {_one_line(exc)})") from None
    return "\n".join(pages)


def _mhtml_page(data: bytes, *, name: str) -> str:
    """The HTML of a page archive, decoded; the rest (images, styles) is left."""
    import email
    import email.policy

    from medsum.reader import decode

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not payload:
            continue
        # The part's charset when it gives one; else the page's own bytes decide.
        charset = part.get_content_charset()
        if charset:
            try:
                return payload.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
        return decode(payload, name=name)[0]
    raise InputError(f"{name}: a web archive (MHTML) with no HTML page in it")


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line (an error is one line on stderr)."""
    return " ".join(str(exc).split())[:200]


#: Word's control characters in the text stream ([MS-DOC] 2.8.25 and around):
#: paragraph and cell ends, line and page breaks become line ends; anchors of
#: pictures, footnotes and drawings, and soft hyphens, go.
_DOC_CONTROLS = str.maketrans({
    "\r": "\n", "\x07": "\n", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n",
    "\x01": None, "\x02": None, "\x05": None, "\x08": None, "\x1f": None, "\x1e": "-",
})


def _doc_text(data: bytes, *, name: str) -> str:
    """The main text of a Word 97-2003 document, from its piece table."""
    import struct

    refuse = f"{name}: an old Office file that is not a Word document (.xls, .ppt?); save it as .docx or as text"
    try:
        import olefile
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise InputError(f"{name}: reading .doc needs olefile (pip install olefile)") from None
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise InputError(refuse)
            word = ole.openstream("WordDocument").read()
            flags = struct.unpack_from("<H", word, 0x0A)[0]
            if flags & 0x0100:  # fEncrypted
                raise InputError(f"{name}: an encrypted Word document (a password is needed)")
            table_name = "1Table" if flags & 0x0200 else "0Table"  # fWhichTblStm
            if not ole.exists(table_name):
                raise InputError(f"{name}: a damaged Word document (no {table_name} stream)")
            table = ole.openstream(table_name).read()
        ccp_text = struct.unpack_from("<i", word, 0x4C)[0]  # FibRgLw97.ccpText
        fc_clx, lcb_clx = struct.unpack_from("<II", word, 0x01A2)  # FibRgFcLcb97.fcClx
        clx = table[fc_clx:fc_clx + lcb_clx]
        # Skip the Prc blocks (0x01) to the piece table (0x02).
        at = 0
        while at < len(clx) and clx[at] == 0x01:
            at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
        if at >= len(clx) or clx[at] != 0x02:
            raise ValueError("no piece table")
        lcb = struct.unpack_from("<I", clx, at + 1)[0]
        plc = clx[at + 5:at + 5 + lcb]
        n = (len(plc) - 4) // 12
        cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
        pieces, size, limit = [], 0, _text_limit()
        for i in range(n):
            fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * i + 2)[0]
            start, end = cps[i], min(cps[i + 1], ccp_text)
            if end <= start:
                continue
            count = end - start
            if fc & 0x40000000:  # fCompressed: one byte a character, Windows-1252
                offset = (fc & 0x3FFFFFFF) // 2
                pieces.append(word[offset:offset + count].decode("cp1252", errors="replace"))
            else:
                pieces.append(word[fc:fc + 2 * count].decode("utf-16-le", errors="replace"))
            size += len(pieces[-1])
            if size > limit:
                raise _too_much(name)  # a piece table that repeats its text
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - olefile and a malformed FIB fail in many ways
        raise InputError(f"{name}: a damaged Word document ({type(exc).__name__}: {_one_line(exc)})") from None
    # Fields: "\x13 instruction \x14 result \x15"; keep the result only.
    out = []
    instruction: list[bool] = []  # per open field: is its instruction still being read?
    for ch in "".join(pieces):
        if ch == "\x13":
            instruction.append(True)
        elif ch == "\x14" and instruction:
            instruction[-1] = False
        elif ch == "\x15" and instruction:
            instruction.pop()
        elif not (instruction and instruction[-1]):
            out.append(ch)
    return "".join(out).translate(_DOC_CONTROLS)
