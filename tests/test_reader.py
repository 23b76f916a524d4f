"""Reading input: encodings are detected, never assumed; bad inputs are named
errors; paths come from arguments, folders, lists and standard input."""

from __future__ import annotations

import io
import os
import sys
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import encode, run_main, run_medsum
from medsum.errors import InputError
from medsum.reader import decode, expand_paths, read_path, read_text

SIMPLIFIED = [
    "全市公立医院全面取消药品加成,同步调整医疗服务价格。",
    "县域医共体建设取得明显成效,基层诊疗量占比提高到65%。",
    "医保基金监管持续加强,追回违规资金1200万元。",
    "家庭医生签约服务覆盖率达到七成以上。",
    "各地积极推进分级诊疗制度建设,群众就医更加便利。",
    "长期护理保险试点扩大到全省所有地市。",
]
TRADITIONAL = [
    "全市公立醫院全面取消藥品加成,同步調整醫療服務價格。",
    "縣域醫共體建設取得明顯成效,基層診療量佔比提高到65%。",
    "醫保基金監管持續加強,追回違規資金1200萬元。",
    "家庭醫生簽約服務覆蓋率達到七成以上。",
    "各地積極推進分級診療制度建設,群眾就醫更加便利。",
]


def _article(sentences: list[str]) -> str:
    return "医改动态\n\n" + "\n".join(sentences) + "\n"


# --------------------------------------------------------------------------
# Encodings


@pytest.mark.parametrize(
    ("encoding", "bom", "newline", "reported"),
    [
        ("utf-8", False, "\n", "utf-8"),
        ("utf-8", True, "\n", "utf-8-bom"),
        ("gb18030", False, "\n", "gb18030"),
        ("gbk", False, "\n", "gb18030"),  # GB18030 is a superset of GBK
        ("utf-16-le", True, "\n", "utf-16-le"),
        ("utf-16-be", True, "\n", "utf-16-be"),
        ("utf-8", False, "\r\n", "utf-8"),
        ("gb18030", False, "\r\n", "gb18030"),
        ("utf-8", True, "\r", "utf-8-bom"),
    ],
)
def test_encoding_detected_and_text_unchanged(write_file, encoding, bom, newline, reported):
    text = _article(SIMPLIFIED)
    path = write_file("a.txt", text, encoding=encoding, bom=bom, newline=newline)
    raw = read_path(str(path))
    assert raw.encoding == reported
    # The reader decodes; it does not edit: line ends are the cleaner's job.
    assert raw.text == text.replace("\n", newline)
    assert raw.path == str(path)


def test_big5_detected(write_file):
    text = "醫改動態\n\n" + "\n".join(TRADITIONAL) + "\n"
    raw = read_path(str(write_file("b.txt", text, encoding="big5")))
    assert raw.encoding == "big5"
    assert raw.text == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sentences=st.lists(st.sampled_from(SIMPLIFIED), min_size=1, max_size=6),
    encoding=st.sampled_from(["utf-8", "gb18030", "gbk"]),
)
def test_chinese_text_round_trips_in_any_chinese_encoding(sentences, encoding):
    """Whatever the sentences, GB18030/GBK/UTF-8 bytes decode to the same text."""
    text = _article(sentences)
    decoded, _ = decode(text.encode(encoding))
    assert decoded == text


@settings(max_examples=30, deadline=None)
@given(sentences=st.lists(st.sampled_from(TRADITIONAL), min_size=1, max_size=5))
def test_traditional_text_round_trips_in_big5(sentences):
    text = "醫改動態\n\n" + "\n".join(sentences) + "\n"
    decoded, encoding = decode(text.encode("big5"))
    assert decoded == text
    assert encoding == "big5"


def test_crlf_and_cr_give_the_same_clean_text(write_file):
    from medsum.clean import clean, render_clean_text

    text = (
        "医改动态\n\n全市公立医院全面取消药品加成,\n同步调整医疗服务价格。\n\n"
        "加强顶层设计\n\n各地积极推进分级诊疗。\n"
    )
    outputs = {}
    for name, newline in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
        path = write_file(f"{name}.txt", text, newline=newline)
        outputs[newline] = render_clean_text(clean(read_path(str(path))))
    assert len(set(outputs.values())) == 1
    assert "\r" not in outputs["\n"]


@pytest.mark.parametrize(
    "text",
    [
        "医改动态\n",
        "<html><head><meta charset=\"gbk\"></head><body>"
        + "<div class=\"nav-item\"><a href=\"/index.html\">link</a></div>\n" * 80
        + "<p>医保改革</p></body></html>\n",
    ],
    ids=["title-only", "markup-heavy-page"],
)
def test_gbk_with_few_chinese_characters_is_not_read_as_utf8(write_file, text):
    raw = read_path(str(write_file("g.html", text, encoding="gbk")))
    assert "\ufffd" not in raw.text
    assert raw.text == text


def test_utf16_without_bom_is_read(write_file):
    text = _article(SIMPLIFIED)
    raw = read_path(str(write_file("u.txt", text, encoding="utf-16-le")))
    assert raw.text == text


def test_a_few_damaged_bytes_keep_utf8(write_file):
    text = _article(SIMPLIFIED * 3)
    data = encode(text)
    at = len(encode("医改动态\n\n"))  # between two characters
    damaged = data[:at] + b"\xff" + data[at:]
    raw = read_path(str(write_file("d.txt", damaged)))
    assert raw.encoding == "utf-8"
    assert raw.text.count("\ufffd") == 1
    assert raw.text.replace("\ufffd", "") == text


# --------------------------------------------------------------------------
# Inputs that are not text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (b"\xef\xbb\xbf \n", "empty file"),
        (b"\xff\xfe", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        (b"%PDF-1.4\n" + bytes([0, 1, 2, 3, 200, 150, 7]) * 200, "unreadable PDF"),
        (bytes(range(0x80, 0x100)) * 20, "encoding"),
    ],
    ids=["empty", "blank", "bom-only", "bom-blank", "utf16-bom-only", "png", "pdf", "undecodable"],
)
def test_not_text_is_an_input_error_naming_the_file(write_file, content, message):
    path = write_file("bad.txt", content)
    with pytest.raises(InputError) as info:
        read_path(str(path))
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert info.value.exit_code == 1


def test_missing_path(tmp_path):
    missing = tmp_path / "nowhere" / "x.txt"
    with pytest.raises(InputError, match="no such file") as info:
        read_path(str(missing))
    assert str(missing) in str(info.value)


def test_folder_given_to_read_path(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_path(str(tmp_path))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_raise_input_error(data):
    """No byte string crashes the reader: it is text or a named InputError."""
    try:
        text, encoding = decode(data, name="x")
    except InputError as exc:
        assert str(exc).startswith("x: ")
    else:
        assert isinstance(text, str) and text
        assert encoding


def test_read_text_wraps_a_string():
    raw = read_text("全市推进医改。", path="note")
    assert (raw.path, raw.text, raw.encoding) == ("note", "全市推进医改。", "str")


# --------------------------------------------------------------------------
# Paths: folders, lists, standard input


def _tree(root, names):
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("全市推进医改。\n", encoding="utf-8")


TREE = [
    "b.txt", "a.md", "c.html", "d.htm", "e.pdf", "f.docx", "g.json", ".hidden.txt",
    ".git/objects.txt", "sub/z.txt", "sub/deeper/y.md", "sub/x.csv", "Upper.TXT",
]


def test_folder_is_expanded_recursively_to_text_files(tmp_path):
    _tree(tmp_path, TREE)
    found = [p.relative_to(tmp_path).as_posix() for p in map(type(tmp_path), expand_paths([str(tmp_path)]))]
    assert set(found) == {
        "b.txt", "a.md", "c.html", "d.htm", "e.pdf", "f.docx", "sub/z.txt", "sub/deeper/y.md", "Upper.TXT"
    }
    # Files of one folder come sorted; a folder's files before its sub-folders.
    top = [f for f in found if "/" not in f]
    assert top == sorted(top)
    assert found.index("sub/z.txt") < found.index("sub/deeper/y.md")


def test_folder_order_does_not_depend_on_creation_order(tmp_path):
    _tree(tmp_path / "one", TREE)
    _tree(tmp_path / "two", list(reversed(TREE)))
    one = [p.replace(str(tmp_path / "one"), "") for p in expand_paths([str(tmp_path / "one")])]
    two = [p.replace(str(tmp_path / "two"), "") for p in expand_paths([str(tmp_path / "two")])]
    assert one == two


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_named_pipe_in_a_folder_is_skipped_not_waited_on(tmp_path):
    _tree(tmp_path, ["a.txt"])
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the whole run
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    found = sorted(os.path.basename(p) for p in expand_paths([str(tmp_path)]))
    assert found == ["a.txt", "dangling.txt"]  # a dangling link is reported by the reader


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_pipe_named_on_the_command_line_is_read(tmp_path):
    # What "medsum tag <(curl ...)" passes: a path to a pipe, with no size.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    data = encode(_article(SIMPLIFIED))
    writer = threading.Thread(target=pipe.write_bytes, args=(data,))
    writer.start()
    raw = read_path(str(pipe))
    writer.join()
    assert raw.text == _article(SIMPLIFIED)


def test_missing_paths_are_kept_in_place(tmp_path):
    _tree(tmp_path, ["a.txt"])
    given_paths = [str(tmp_path / "missing.txt"), str(tmp_path / "a.txt")]
    assert list(expand_paths(given_paths)) == given_paths


def test_files_from_newline_list(tmp_path):
    _tree(tmp_path, ["one.txt", "two.txt", "with space.txt"])
    listing = tmp_path / "list.txt"
    names = [str(tmp_path / n) for n in ("two.txt", "with space.txt", "one.txt")]
    listing.write_bytes(("\r\n".join(names[:2]) + "\n\n" + names[2] + "\n").encode())
    assert list(expand_paths([], files_from=str(listing))) == names


def test_files_from_nul_list_allows_newlines_in_names(tmp_path):
    _tree(tmp_path, ["plain.txt", "odd\nname.txt"])
    listing = tmp_path / "list0"
    names = [str(tmp_path / "odd\nname.txt"), str(tmp_path / "plain.txt")]
    listing.write_bytes(b"\0".join(n.encode() for n in names) + b"\0")
    assert list(expand_paths([], files_from=str(listing), null_separated=True)) == names


def test_files_from_missing_list_is_an_error(tmp_path):
    with pytest.raises(InputError, match="file list"):
        list(expand_paths([], files_from=str(tmp_path / "nope")))


def test_arguments_then_list_entries(tmp_path):
    _tree(tmp_path, ["a.txt", "b.txt"])
    listing = tmp_path / "list"
    listing.write_text(str(tmp_path / "b.txt") + "\n", encoding="utf-8")
    assert list(expand_paths([str(tmp_path / "a.txt")], files_from=str(listing))) == [
        str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    ]


def test_stdin_is_read_as_bytes_and_detected(monkeypatch):
    text = _article(SIMPLIFIED)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("gb18030"))))
    raw = read_path("-")
    assert raw.path == "-"
    assert raw.text == text
    assert raw.encoding == "gb18030"


def test_cli_reads_stdin_dash():
    text = _article(SIMPLIFIED)
    run = run_main(["tag", "-"], input=text.encode("gb18030"))
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("-\t")


def test_cli_files_from_stdin_nul_separated(tmp_path):
    _tree(tmp_path, ["a.txt", "b c.txt"])
    names = [str(tmp_path / "b c.txt"), str(tmp_path / "a.txt")]
    run = run_main(["tag", "--files-from", "-", "-0"], input=b"\0".join(n.encode() for n in names))
    assert run.exit_code == 0, run.stderr
    assert [line.split("\t")[0] for line in run.stdout.splitlines()] == names


def test_cli_folder_argument(tmp_path):
    _tree(tmp_path, TREE)
    run = run_main(["tag", str(tmp_path)])
    assert run.exit_code == 0, run.stderr
    listed = [line.split("\t")[0] for line in run.stdout.splitlines()]
    assert listed == list(expand_paths([str(tmp_path)]))


def test_cli_empty_folder_is_a_usage_error(tmp_path):
    (tmp_path / "only.png").write_bytes(b"\x89PNG")
    run = run_main(["tag", str(tmp_path)])
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr


# --------------------------------------------------------------------------
# Size limit (read at import, so set in a fresh process)


def test_size_limit_from_environment(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(encode(_article(SIMPLIFIED * 20)))
    small = tmp_path / "small.txt"
    small.write_bytes(encode(_article(SIMPLIFIED[:2])))
    assert small.stat().st_size < 1000 < big.stat().st_size
    result = run_medsum(["tag", str(small), str(big)], env={"MEDSUM_MAX_BYTES": "1000"})
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in stderr
    [line] = stderr.splitlines()
    assert str(big) in line and "too large" in line and "MEDSUM_MAX_BYTES" in line
    assert result.stdout.decode().startswith(f"{small}\t")


def test_size_limit_applies_to_stdin():
    data = encode(_article(SIMPLIFIED * 20))
    result = run_medsum(["tag", "-"], input=data, env={"MEDSUM_MAX_BYTES": "1000"})
    assert result.returncode == 1
    assert "too large" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()


def test_within_the_limit_is_read():
    data = encode(_article(SIMPLIFIED))
    result = run_medsum(["tag", "-"], input=data, env={"MEDSUM_MAX_BYTES": str(len(data))})
    assert result.returncode == 0, result.stderr.decode()


def test_a_utf8_mark_over_gbk_bytes_is_read_as_gbk():
    # Found by fuzzing: the mark was believed and the text came out as
    # replacement characters, exit 0.
    from medsum.reader import decode

    body = "长春市卫生健康委员会近日召开会议,部署推进紧密型县域医共体建设工作,要求各县区加快进度。"
    text, encoding = decode(b"\xef\xbb\xbf" + body.encode("gbk"))
    assert text == body and encoding == "gb18030"
    # A true UTF-8 file with its mark, even with a damaged byte, stays UTF-8.
    text, encoding = decode(b"\xef\xbb\xbf" + "医共体".encode() + b"\xff" + "建设工作全面推进,成效明显。".encode())
    assert encoding == "utf-8-bom" and text.startswith("医共体")
