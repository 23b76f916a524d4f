"""Word (.docx, .doc), PDF and web-archive inputs: recognised by their bytes,
their text read, and what their layout leaves in that text cleaned like any
other mess."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_main

from medsum.clean import clean
from medsum.errors import InputError
from medsum.reader import decode, read_path
from medsum.tagger import tag

FIXTURES = Path(__file__).with_name("fixtures")
PDF = FIXTURES / "policy-28-per-line.pdf"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(paragraphs: list[str], *, table: list[list[str]] = (), header: str = "") -> bytes:
    """A minimal, valid WordprocessingML package."""

    def para(text: str) -> str:
        runs = "".join(
            f'<w:r><w:t xml:space="preserve">{piece}</w:t></w:r>' if piece != "\t" else "<w:r><w:tab/></w:r>"
            for piece in text.split("|")
        )
        return f"<w:p>{runs}</w:p>"

    rows = "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in table
    )
    body = "".join(para(p) for p in paragraphs) + (f"<w:tbl>{rows}</w:tbl>" if rows else "")
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>",
        )
        package.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        package.writestr("word/document.xml", document)
        if header:
            package.writestr("word/header1.xml", f'<w:hdr xmlns:w="{W}">{para(header)}</w:hdr>')
    return out.getvalue()


NOTICE = [
    "关于推进紧密型县域医共体建设的通知",
    "各乡镇卫生院：",
    "为提升基层医疗卫生服务能力，|全县以县人民医院为牵头单位组建紧密型县域医共体。",
    "医共体内实行人员统筹使用、财务统一管理、药品统一配送。",
]


# --------------------------------------------------------------------------
# .docx


def test_docx_paragraphs_are_lines_and_runs_are_joined(tmp_path):
    path = tmp_path / "notice.docx"
    path.write_bytes(docx_bytes(NOTICE, table=[["指标", "目标值"], ["基层就诊率", "65%"]], header="某县卫生健康局文件"))
    raw = read_path(str(path))
    assert raw.encoding == "docx"
    lines = raw.text.split("\n")
    assert lines[:2] == NOTICE[:2]
    assert "为提升基层医疗卫生服务能力，全县以县人民医院为牵头单位组建紧密型县域医共体。" in lines
    assert "基层就诊率" in lines and "65%" in lines  # table cells, one line each
    assert "某县卫生健康局文件" not in raw.text  # the page header is not the article

    doc = clean(raw)
    assert doc.title == NOTICE[0]
    assert "county-medical-community" in {t.id for t in tag(doc) if t.level != "mentioned"}


def test_docx_is_known_by_its_bytes_not_its_name(tmp_path):
    path = tmp_path / "attachment.txt"
    path.write_bytes(docx_bytes(NOTICE))
    assert read_path(str(path)).encoding == "docx"


def test_a_zip_that_is_not_a_word_document_is_binary(tmp_path):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError, match="binary"):
        read_path(str(path))


def test_a_damaged_docx_is_an_input_error(tmp_path):
    data = bytearray(docx_bytes(NOTICE))
    path = tmp_path / "broken.docx"
    path.write_bytes(bytes(data[: len(data) // 2]))
    with pytest.raises(InputError) as info:
        read_path(str(path))
    assert str(info.value).startswith(f"{path}: ") and "\n" not in str(info.value)


def test_a_docx_whose_compressed_text_is_corrupt_is_an_input_error(tmp_path):
    # Found by fuzzing: a bad deflate stream raised zlib.error, an "internal error".
    data = bytearray(docx_bytes(NOTICE))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        info = package.getinfo("word/document.xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as source:
            for item in source.infolist():
                package.writestr(item.filename, source.read(item.filename))
    data = bytearray(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        info = package.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start:start + 8] = b"\xff" * 8  # the deflate stream's first bytes
    path = tmp_path / "corrupt.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="damaged .docx"):
        read_path(str(path))


def test_a_paragraph_inside_a_paragraph_is_read_once_as_its_own_line(tmp_path):
    # A text box's paragraph sits inside a run of another; nested many levels
    # deep (found by fuzzing) each level copied the text of all below it.
    inner = "<w:r><w:t>县医共体统一药品配送。</w:t></w:r>"
    for _ in range(200):
        inner = f"<w:p>{inner}</w:p>"
    body = f"<w:p><w:r><w:t>全县组建紧密型县域医共体。</w:t></w:r>{inner}</w:p>"
    document = f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    data = bytearray(docx_bytes(NOTICE))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as source, zipfile.ZipFile(out, "w") as package:
        for item in source.infolist():
            package.writestr(item.filename, document if item.filename == "word/document.xml" else source.read(item.filename))
    path = tmp_path / "nested.docx"
    path.write_bytes(out.getvalue())
    text = read_path(str(path)).text
    assert text.count("县医共体统一药品配送") == 1 and text.count("全县组建紧密型县域医共体") == 1


def test_a_document_that_unpacks_to_too_much_text_is_refused(tmp_path, monkeypatch):
    # Found by fuzzing: a 1.2 kB PDF listing one page a thousand times gave
    # 18 MB of text (83 s, 2.8 GB). The limit is the text files' own.
    import medsum.reader

    monkeypatch.setattr(medsum.reader, "MAX_BYTES", 3000)  # 1,000 characters
    path = tmp_path / "long.docx"
    path.write_bytes(docx_bytes(NOTICE * 40))
    with pytest.raises(InputError, match="text is too large"):
        read_path(str(path))
    path.write_bytes(docx_bytes(NOTICE))
    assert "紧密型县域医共体" in read_path(str(path)).text


DOC = FIXTURES / "notice-word97.doc"


def test_a_word_97_document_is_read_from_its_piece_table():
    raw = read_path(str(DOC))
    assert raw.encoding == "doc"
    lines = [line for line in raw.text.split("\n") if line.strip()]
    assert lines[:2] == NOTICE[:2]
    assert "为提升基层医疗卫生服务能力，全县以县人民医院为牵头单位组建紧密型县域医共体。" in lines
    # A field gives its result, never its instruction.
    assert "详见国家医保局网站。" in lines and "HYPERLINK" not in raw.text
    assert "基层就诊率" in lines and "65%" in lines  # table cells, one line each
    assert not any(c in raw.text for c in "\x07\x13\x14\x15\r")
    doc = clean(raw)
    assert doc.title == NOTICE[0]
    assert "county-medical-community" in {t.id for t in tag(doc) if t.level == "primary"}


def _patched(data: bytes, old: bytes, new: bytes) -> bytes:
    assert data.count(old) >= 1
    return data.replace(old, new, 1)


def test_an_office_file_that_is_not_a_word_document_says_what_to_do(tmp_path):
    # The same compound file with its WordDocument stream renamed: a spreadsheet, say.
    data = _patched(DOC.read_bytes(), "WordDocument".encode("utf-16-le"), "XordDocument".encode("utf-16-le"))
    path = tmp_path / "sheet.xls"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"not a Word document .*save it as \.docx or as text"):
        read_path(str(path))


def test_an_encrypted_or_damaged_word_document_is_an_input_error(tmp_path):
    data = DOC.read_bytes()
    fib = data.index(b"\xec\xa5")  # the FIB's magic number opens the WordDocument stream
    flags = int.from_bytes(data[fib + 0x0A:fib + 0x0C], "little") | 0x0100  # fEncrypted
    encrypted = data[:fib + 0x0A] + flags.to_bytes(2, "little") + data[fib + 0x0C:]
    (tmp_path / "locked.doc").write_bytes(encrypted)
    with pytest.raises(InputError, match="encrypted Word document"):
        read_path(str(tmp_path / "locked.doc"))
    (tmp_path / "cut.doc").write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError) as info:
        read_path(str(tmp_path / "cut.doc"))
    assert "\n" not in str(info.value) and str(info.value).startswith(f"{tmp_path / 'cut.doc'}: ")


# --------------------------------------------------------------------------
# PDF


def test_pdf_text_layer_is_read_and_its_layout_undone():
    raw = read_path(str(PDF))
    assert raw.encoding == "pdf"
    doc = clean(raw)
    assert doc.title == "关于深化紧密型县域医共体建设的实施意见"
    # Lines of 28 characters are joined back into sentences, across a number
    # and a percentage; the page number is debris.
    sentences = [s.text for s in doc.sentences]
    assert any(s.startswith("到2025年,全县县域内就诊率稳定在90%以上,基层就诊率达到65%") for s in sentences), sentences
    assert all(not s.startswith(("就诊率", "设的部署", "施意见")) for s in sentences), sentences
    assert "- 1 -" not in doc.text
    assert any(r.reason == "page-number" for r in doc.removed)
    assert "county-medical-community" in {t.id for t in tag(doc) if t.level == "primary"}


def pdf_file(path: Path, *, blank: bool = False, user_password: str | None = None, algorithm: str = "") -> str:
    """Write a PDF made with pypdf: a blank page, or the fixture, encrypted or not."""
    import pypdf

    writer = pypdf.PdfWriter() if blank else pypdf.PdfWriter(clone_from=str(PDF))
    if blank:
        writer.add_blank_page(width=595, height=842)
    if user_password is not None:
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    with open(path, "wb") as handle:
        writer.write(handle)
    return str(path)


def test_pdf_without_text_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no text layer"):
        read_path(pdf_file(tmp_path / "scan.pdf", blank=True))


def test_cli_briefs_a_pdf_and_a_docx_beside_a_bad_pdf(tmp_path):
    """One bad file never loses the results of the good ones."""
    (tmp_path / "a.pdf").write_bytes(PDF.read_bytes())
    (tmp_path / "b.docx").write_bytes(docx_bytes(NOTICE))
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    run = run_main(["tag", tmp_path])
    assert run.exit_code == 1
    out = dict(line.split("\t") for line in run.stdout.splitlines())
    assert "county-medical-community" in out[str(tmp_path / "a.pdf")]
    assert "county-medical-community" in out[str(tmp_path / "b.docx")]
    assert run.stderr.count("\n") == 1 and "c.pdf: an unreadable PDF" in run.stderr


def test_a_pdf_may_be_larger_than_a_text_file(tmp_path, monkeypatch):
    """A PDF's bytes are mostly fonts and images: it is allowed DOCUMENT_FACTOR
    times the text limit; a text file of the same size is refused."""
    import medsum.reader

    data = PDF.read_bytes()
    monkeypatch.setattr(medsum.reader, "MAX_BYTES", len(data) // 2)
    (tmp_path / "big.pdf").write_bytes(data)
    (tmp_path / "big.txt").write_text("全市推进医改。" * (len(data) // 14 + 1), encoding="utf-8")
    assert read_path(str(tmp_path / "big.pdf")).encoding == "pdf"
    with pytest.raises(InputError, match="too large"):
        read_path(str(tmp_path / "big.txt"))


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_password_protected_pdf_is_named_as_such(tmp_path, algorithm):
    """Government PDFs are often encrypted with an empty password, to forbid
    copying; AES needs pypdf's crypto extra (a dependency)."""
    with pytest.raises(InputError, match="encrypted PDF"):
        read_path(pdf_file(tmp_path / "locked.pdf", user_password="secret", algorithm=algorithm))
    # Encrypted with an empty password only to forbid editing: it reads.
    assert "医共体" in read_path(pdf_file(tmp_path / "open.pdf", user_password="", algorithm=algorithm)).text


# --------------------------------------------------------------------------
# Web archives (.mhtml, .mht)

PAGE = (
    "<html><head><title>医共体建设跑出加速度</title></head><body>"
    "<h1>医共体建设跑出加速度</h1>"
    "<p>近日，某市召开深化医改推进会，总结推广紧密型县域医共体建设经验。</p>"
    "<p>截至今年10月，全市已组建总医院13家，县域内就诊率达到91.5%。</p>"
    "<p>分享到：微信 微博</p></body></html>"
)


def mhtml_bytes(html: bytes, *, encoding: str, charset: str | None) -> bytes:
    """A page archive as browsers write it: the page, then an image part."""
    import base64
    import quopri

    body = quopri.encodestring(html) if encoding == "quoted-printable" else base64.encodebytes(html)
    content_type = "text/html" + (f'; charset="{charset}"' if charset else "")
    parts = [
        b"From: <Saved by Blink>",
        b"Snapshot-Content-Location: https://example.org/news/1.html",
        b"MIME-Version: 1.0",
        b'Content-Type: multipart/related; type="text/html"; boundary="----B----"',
        b"",
        b"------B----",
        f"Content-Type: {content_type}".encode(),
        f"Content-Transfer-Encoding: {encoding}".encode(),
        b"Content-Location: https://example.org/news/1.html",
        b"",
        body,
        b"------B----",
        b"Content-Type: image/png",
        b"Content-Transfer-Encoding: base64",
        b"",
        b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        b"------B------",
        b"",
    ]
    return b"\r\n".join(parts)


@pytest.mark.parametrize(
    ("encoding", "charset", "codec"),
    [
        ("quoted-printable", None, "utf-8"),  # Chrome: UTF-8, no charset on the part
        ("base64", "gb2312", "gb18030"),  # IE's .mht of a GBK page
    ],
)
def test_a_web_archive_is_read_as_its_page(tmp_path, encoding, charset, codec):
    path = tmp_path / "page.mht"
    path.write_bytes(mhtml_bytes(PAGE.encode(codec), encoding=encoding, charset=charset))
    raw = read_path(str(path))
    assert raw.encoding == "mhtml"
    doc = clean(raw)
    assert doc.title == "医共体建设跑出加速度"
    assert [s.text for s in doc.sentences] == [
        "近日,某市召开深化医改推进会,总结推广紧密型县域医共体建设经验。",
        "截至今年10月,全市已组建总医院13家,县域内就诊率达到91.5%。",
    ]
    assert "county-medical-community" in {t.id for t in tag(doc) if t.level == "primary"}


def test_a_web_archive_without_a_page_is_an_input_error(tmp_path):
    data = mhtml_bytes(PAGE.encode(), encoding="base64", charset=None).replace(b"text/html;", b"text/css;", 1)
    data = data.replace(b"Content-Type: text/html", b"Content-Type: text/css")
    path = tmp_path / "styles.mhtml"
    path.write_bytes(data)
    with pytest.raises(InputError, match="no HTML page"):
        read_path(str(path))


def test_a_docx_that_unpacks_to_too_much_is_refused(monkeypatch):
    import medsum.reader

    monkeypatch.setattr(medsum.reader, "MAX_BYTES", 100)
    monkeypatch.setattr(medsum.reader, "DOCUMENT_FACTOR", 2)
    data = docx_bytes(NOTICE * 20)  # over 200 bytes unpacked
    with pytest.raises(InputError, match="text part is too large"):
        medsum.reader.decode(data, name="bomb.docx")


# --------------------------------------------------------------------------
# Whatever follows a format's magic bytes


@settings(max_examples=150, deadline=None)
@given(
    magic=st.sampled_from([
        b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n",
    ]),
    rest=st.binary(max_size=2000),
)
def test_any_bytes_after_a_magic_number_read_or_fail_cleanly(magic, rest):
    """A truncated or corrupt PDF, zip, compound file or web archive is text
    or a one-line InputError naming the input, never a crash."""
    try:
        text, kind = decode(magic + rest, name="x")
    except InputError as exc:
        assert str(exc).startswith("x: ") and "\n" not in str(exc)
    else:
        assert isinstance(text, str) and kind


def test_the_fixtures_read_whole_from_a_pipe_of_bytes():
    """decode() is what standard input goes through: the same text as from the file."""
    for path in (PDF, DOC):
        assert decode(path.read_bytes(), name="-")[0] == read_path(str(path)).text
