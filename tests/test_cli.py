"""The command line: exit codes, one-line errors, output formats, pipes,
worker processes and determinism (docs/cli.md, docs/brief.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import yaml

from conftest import MINIMAL_TAXONOMY, encode, needs_shared, normalize, run_main, run_medsum, seed_paths

ARTICLE = (
    "县域医共体建设取得新进展\n\n"
    "全县组建紧密型县域医共体3个,实现乡镇卫生院全覆盖,县域内就诊率达到90%。\n"
    "医共体内推行家庭医生签约服务,重点人群签约率超过80%。\n"
)
TRADITIONAL = (
    "縣域醫共體建設取得新進展\n\n"
    "全縣組建緊密型縣域醫共體3個,實現鄉鎮衛生院全覆蓋,縣域內就診率達到90%。\n"
    "醫共體內推行家庭醫生簽約服務,重點人群簽約率超過80%。\n"
)
#: A valid taxonomy with one unknown key on its last line.
BAD_TAXONOMY_KEY = MINIMAL_TAXONOMY + "    colour: red\n"
BAD_TAXONOMY_YAML = "schema: medsum-taxonomy/1\nmeasures: [unclosed\n"


@pytest.fixture
def files(write_file):
    """A good Simplified, a good Traditional (Big5), a GBK file, and bad inputs."""
    return {
        "good": write_file("good.txt", ARTICLE),
        "big5": write_file("big5.txt", TRADITIONAL, encoding="big5"),
        "gbk": write_file("gbk.txt", ARTICLE, encoding="gbk"),
        "empty": write_file("empty.txt", b""),
        "furniture": write_file(
            "menu.html", '<html><body><div class="nav"><a>首页</a></div><script>var a=1;</script></body></html>'
        ),
        "binary": write_file("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        "missing": write_file("x.txt", "").parent / "missing.txt",
        "bad_key": write_file("bad-key.yaml", BAD_TAXONOMY_KEY),
        "bad_yaml": write_file("bad-yaml.yaml", BAD_TAXONOMY_YAML),
    }


def assert_no_traceback(*texts: str) -> None:
    for text in texts:
        assert "Traceback" not in text
        assert "internal error" not in text


# --------------------------------------------------------------------------
# Exit codes and error messages


@pytest.mark.parametrize("command", ["tag", "clean", "brief", "keywords", "summary"])
def test_exit_0_when_every_input_is_processed(files, command):
    run = run_main([command, files["good"], files["big5"], files["gbk"]])
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert run.stdout.strip()


@pytest.mark.parametrize("bad", ["missing", "empty", "binary", "furniture"])
@pytest.mark.parametrize("command", ["tag", "clean", "brief"])
def test_exit_1_when_one_input_fails_and_the_others_are_still_processed(files, bad, command):
    args = [command, files["good"], files[bad], files["big5"]]
    if command == "brief":
        args[1:1] = ["--format", "json"]
    run = run_main(args)
    assert run.exit_code == 1
    assert_no_traceback(run.stdout, run.stderr)
    [line] = run.stderr.splitlines()
    assert line.startswith(f"medsum: {files[bad]}: ")
    # The good inputs' output is all there, in order.
    if command == "clean":
        good, other = "县域医共体建设取得新进展", "縣域醫共體建設取得新進展"
    else:
        good, other = str(files["good"]), str(files["big5"])
    assert good in run.stdout and other in run.stdout
    assert run.stdout.index(good) < run.stdout.index(other)
    if command == "tag":
        assert [ln.split("\t")[0] for ln in run.stdout.splitlines()] == [str(files["good"]), str(files["big5"])]


@pytest.mark.parametrize(
    ("bad", "reason"),
    [("missing", "no such file"), ("empty", "empty file"), ("binary", "binary"), ("furniture", "no article text")],
)
def test_error_is_one_line_naming_the_file(files, bad, reason):
    run = run_main(["tag", files[bad]])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1
    assert run.stderr.startswith(f"medsum: {files[bad]}: ")
    assert reason in run.stderr
    assert_no_traceback(run.stderr)


@pytest.mark.parametrize("name", ["gbk", "big5"])
def test_chinese_legacy_encodings_need_no_option(files, name):
    run = run_main(["clean", files[name]])
    assert run.exit_code == 0, run.stderr
    assert_no_traceback(run.stderr)
    assert "\ufffd" not in run.stdout
    assert normalize(run.stdout).startswith("县域医共体建设取得新进展")


@pytest.mark.parametrize(
    "args",
    [
        ["tag", "--bogus"],
        ["tag", "--level", "bogus", "x.txt"],
        ["tag", "--jobs", "0", "x.txt"],
        ["tag", "--format", "xml", "x.txt"],
        ["brief", "--width", "5", "x.txt"],
        ["frobnicate"],
        ["taxonomy", "check"],
    ],
    ids=["unknown-option", "bad-level", "jobs-0", "bad-format", "width-too-small", "unknown-command", "missing-argument"],
)
def test_usage_errors_exit_2(args):
    run = run_main(args)
    assert run.exit_code == 2
    assert run.stdout == ""
    assert run.stderr.strip()
    assert "Traceback" not in run.stderr


def test_no_input_found_is_a_usage_error(tmp_path):
    run = run_main(["tag", str(tmp_path)])
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("how", ["option", "env"])
@pytest.mark.parametrize(("taxonomy", "message"), [("bad_key", "colour"), ("bad_yaml", "invalid YAML"), ("missing", "not found")])
@pytest.mark.parametrize("command", ["tag", "brief"])
def test_broken_taxonomy_exits_2_before_any_output(files, how, taxonomy, message, command):
    path = files[taxonomy] if taxonomy != "missing" else files["good"].parent / "nope.yaml"
    args = [command, files["good"]]
    env = None
    if how == "option":
        args[1:1] = ["--taxonomy", str(path)]
    else:
        env = {"MEDSUM_TAXONOMY": str(path)}
    run = run_main(args, env=env)
    assert run.exit_code == 2
    assert run.stdout == ""
    [line] = run.stderr.splitlines()
    assert line.startswith(f"medsum: {path}")
    assert message in line
    assert_no_traceback(run.stderr)


def test_taxonomy_error_names_the_line(files):
    run = run_main(["taxonomy", "check", files["bad_key"]])
    assert run.exit_code == 2
    line_of_key = BAD_TAXONOMY_KEY.splitlines().index("    colour: red") + 1
    assert f"{files['bad_key']}:{line_of_key}:" in run.stderr


# --------------------------------------------------------------------------
# medsum tag output


def test_tag_plain_is_path_tab_ids_in_input_order(files):
    order = [files["big5"], files["good"], files["gbk"]]
    run = run_main(["tag", *order])
    assert run.exit_code == 0
    lines = run.stdout.splitlines()
    assert [ln.split("\t")[0] for ln in lines] == [str(p) for p in order]
    for line in lines:
        path, ids = line.split("\t")
        assert "county-medical-community" in ids.split(",")
        assert all(i and i == i.strip() and " " not in i for i in ids.split(","))


def test_tag_plain_matches_the_library(files):
    from medsum.clean import clean
    from medsum.reader import read_path
    from medsum.tagger import tag

    run = run_main(["tag", "--level", "all", files["good"]])
    doc = clean(read_path(str(files["good"])))
    assert run.stdout == f"{files['good']}\t{','.join(t.id for t in tag(doc))}\n"


def test_tag_jsonl_fields(files):
    run = run_main(["tag", "--format", "jsonl", "--explain", "--level", "all", files["good"], files["missing"], files["big5"]])
    assert run.exit_code == 1
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(files["good"]), str(files["missing"]), str(files["big5"])]
    error = records[1]
    assert set(error) == {"path", "error"}
    assert error["error"] in run.stderr and str(files["missing"]) in error["error"]
    for record in (records[0], records[2]):
        assert set(record) == {"path", "title", "tags"}
        assert record["tags"]
        for t in record["tags"]:
            assert set(t) == {"id", "label", "level", "score", "evidence"}
            assert t["level"] in ("primary", "discussed", "mentioned")
            assert isinstance(t["score"], (int, float))
            for ev in t["evidence"]:
                assert set(ev) == {"sentence", "start", "end", "terms"}
                assert 0 <= ev["start"] < ev["end"]
                for term in ev["terms"]:
                    assert set(term) == {"term", "start", "end"}
                    assert ev["start"] <= term["start"] < term["end"] <= ev["end"]
                    # The term sits where its offsets say, inside its sentence.
                    offset = term["start"] - ev["start"]
                    assert ev["sentence"][offset:offset + term["end"] - term["start"]] == term["term"]
    assert records[2]["title"] == "縣域醫共體建設取得新進展"


def test_tag_jsonl_without_explain_has_no_evidence(files):
    run = run_main(["tag", "--format", "jsonl", files["good"]])
    [record] = [json.loads(line) for line in run.stdout.splitlines()]
    assert all(set(t) == {"id", "label", "level", "score"} for t in record["tags"])


def test_tag_levels_filter(files):
    every = run_main(["tag", "--format", "jsonl", "--level", "all", files["good"]])
    primary = run_main(["tag", "--format", "jsonl", "--level", "primary", files["good"]])
    all_tags = json.loads(every.stdout)["tags"]
    primary_tags = json.loads(primary.stdout)["tags"]
    assert primary_tags == [t for t in all_tags if t["level"] == "primary"]


@needs_shared
def test_tag_evidence_offsets_point_into_the_cleaned_text():
    for path in seed_paths():
        tagged = json.loads(run_main(["tag", "--format", "jsonl", "--explain", "--level", "all", path]).stdout)
        text = json.loads(run_main(["clean", "--format", "jsonl", path]).stdout)["text"]
        for t in tagged["tags"]:
            for ev in t["evidence"]:
                assert normalize(text[ev["start"]:ev["end"]]) == normalize(ev["sentence"]), (path.name, t["id"])


def modules_loaded_by(args: list[str], roots: tuple[str, ...]) -> tuple[str, list[str]]:
    """Run ``medsum ARGS`` in a fresh interpreter: its stdout, and which of
    the top-level packages ``roots`` it imported."""
    code = (
        "import json, sys\n"
        "from medsum.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({roots!r}))\n"
        "print(json.dumps(loaded), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout, json.loads(result.stderr.splitlines()[-1])


def test_tag_does_not_import_a_segmenter(files):
    out, loaded = modules_loaded_by(["tag", str(files["good"])], ("jieba", "rjieba"))
    assert "county-medical-community" in out
    assert loaded == []


def test_brief_does_not_import_scipy_or_networkx(files):
    """Ranking runs on numpy alone: scipy.sparse would add a fifth to a brief's
    cold start. Only ``--engine textrank4zh`` needs networkx (and so scipy)."""
    out, loaded = modules_loaded_by(["brief", "--format", "json", str(files["good"])], ("scipy", "networkx"))
    assert '"keyphrases"' in out
    assert loaded == []
    _, loaded = modules_loaded_by(["brief", "--format", "json", str(files["good"])], ("rjieba",))
    assert loaded == ["rjieba"]  # the check can see an import


# --------------------------------------------------------------------------
# medsum clean output


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_clean_json_is_json_lines_whatever_the_number_of_inputs(files, fmt):
    """docs/cli.md: `--format json` is JSON Lines for every command but `tag`."""
    one = run_main(["clean", "--format", fmt, files["good"]]).stdout
    two = run_main(["clean", "--format", fmt, files["good"], files["big5"]]).stdout
    assert [json.loads(line)["path"] for line in one.splitlines()] == [str(files["good"])]
    assert [json.loads(line)["path"] for line in two.splitlines()] == [str(files["good"]), str(files["big5"])]


def test_tag_json_is_one_array(files):
    run = run_main(["tag", "--format", "json", files["good"], files["missing"]])
    records = json.loads(run.stdout)
    assert [r["path"] for r in records] == [str(files["good"]), str(files["missing"])]
    assert "error" in records[1]


def test_clean_jsonl_is_the_document_value(files):
    run = run_main(["clean", "--format", "jsonl", files["big5"]])
    [record] = [json.loads(line) for line in run.stdout.splitlines()]
    assert record["schema"] == "medsum/document@1"
    assert record["script"] == "traditional"
    assert record["encoding"] == "big5"
    for s in record["sentences"]:
        assert record["text"][s["start"]:s["end"]] == s["text"]


def test_clean_multiple_text_outputs_are_headed(files):
    run = run_main(["clean", files["good"], files["big5"]])
    assert f"==> {files['good']} <==" in run.stdout
    assert run.stdout.index(f"==> {files['good']} <==") < run.stdout.index(f"==> {files['big5']} <==")


# --------------------------------------------------------------------------
# medsum brief on the seeds (real processes: formats, pipes, workers)


@needs_shared
def test_brief_yaml_is_one_document_per_seed():
    result = run_medsum(["brief", "--format", "yaml", *map(str, seed_paths())])
    assert result.returncode == 0, result.stderr.decode()
    documents = list(yaml.safe_load_all(result.stdout.decode("utf-8")))
    assert len(documents) == len(seed_paths()) == 5
    assert [d["path"] for d in documents] == [str(p) for p in seed_paths()]
    assert all(d["schema"] == "medsum/brief@1" for d in documents)


@needs_shared
def test_brief_json_is_json_lines_with_unescaped_chinese():
    result = run_medsum(["brief", "--format", "json", *map(str, seed_paths())])
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode("utf-8")
    lines = text.splitlines()
    assert len(lines) == 5
    records = [json.loads(line) for line in lines]
    assert all(r["schema"] == "medsum/brief@1" for r in records)
    assert "\\u" not in text
    assert "医" in text


@needs_shared
def test_brief_json_error_records_keep_their_place(tmp_path):
    seeds = [str(p) for p in seed_paths()[:2]]
    missing = str(tmp_path / "missing.txt")
    result = run_medsum(["brief", "--format", "json", seeds[0], missing, seeds[1]])
    assert result.returncode == 1
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["path"] for r in records] == [seeds[0], missing, seeds[1]]
    assert set(records[1]) == {"path", "error"}


@needs_shared
def test_brief_into_head_ends_without_a_traceback():
    seeds = " ".join(f"'{p}'" for p in seed_paths())
    result = subprocess.run(
        f"'{sys.executable}' -m medsum brief {seeds} | head -n 3",
        shell=True, capture_output=True, timeout=300,
        env={**os.environ, "MEDSUM_NO_PROGRESS": "1"},
    )
    assert len(result.stdout.decode().splitlines()) == 3
    assert "Traceback" not in result.stderr.decode()
    assert "BrokenPipeError" not in result.stderr.decode()
    assert "Exception ignored" not in result.stderr.decode()


@needs_shared
def test_closed_output_stops_quietly_with_exit_1():
    """docs/cli.md: when stdout's reader goes away, stop without a traceback, exit 1."""
    process = subprocess.Popen(
        [sys.executable, "-m", "medsum", "brief", "--format", "json", *map(str, seed_paths() * 2)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "MEDSUM_NO_PROGRESS": "1"},
    )
    process.stdout.readline()
    process.stdout.close()  # the reader goes away: the next write fails with EPIPE
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == 1
    assert stderr == ""


@needs_shared
@pytest.mark.parametrize(
    "args",
    [["tag", "--level", "all", "--format", "jsonl", "--explain"], ["brief", "--format", "json"]],
    ids=["tag", "brief"],
)
def test_jobs_2_prints_the_same_bytes(args, tmp_path):
    inputs = [*map(str, seed_paths()), str(tmp_path / "missing.txt")]
    one = run_medsum([*args, *inputs])
    two = run_medsum([*args, "--jobs", "2", *inputs])
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert one.stdout.count(b"\n") == len(inputs)


@needs_shared
@pytest.mark.parametrize(
    "args",
    [
        ["brief", "--format", "json"],
        ["brief", "--format", "text", "--width", "100"],
        ["tag", "--format", "yaml", "--explain", "--level", "all"],
    ],
    ids=["brief-json", "brief-text", "tag-yaml"],
)
def test_same_input_same_bytes(args):
    """Two processes with different hash seeds: no set or dict order leaks out."""
    inputs = [*map(str, seed_paths())]
    first = run_medsum([*args, *inputs], env={"PYTHONHASHSEED": "1"})
    second = run_medsum([*args, *inputs], env={"PYTHONHASHSEED": "2"})
    assert first.returncode == 0, first.stderr.decode()
    assert first.stdout == second.stdout


def test_stdin_dash_and_file_give_the_same_tags(files):
    from_file = run_main(["tag", files["good"]]).stdout.split("\t", 1)[1]
    from_stdin = run_main(["tag", "-"], input=encode(ARTICLE)).stdout
    assert from_stdin == "-\t" + from_file


@pytest.mark.parametrize(("command", "fmt"), [("brief", "yaml"), ("brief", "json"), ("tag", "yaml"), ("tag", "jsonl"), ("tag", "tsv")])
def test_a_file_name_that_is_not_utf8_loses_nothing(tmp_path, command, fmt):
    # Found by fuzzing: the name's byte could not be written, a traceback
    # ended the batch and the good file after it was lost.
    text = "医保改革持续推进,国家组织药品集中带量采购取得成效。\n".encode()
    bad = os.path.join(os.fsencode(tmp_path), b"bad\xff.txt")
    with open(bad, "wb") as f:
        f.write(text)
    good = tmp_path / "good.txt"
    good.write_bytes(text)
    run = run_medsum([command, "--format", fmt, bad, os.fsencode(good)])
    assert run.returncode == 0, run.stderr
    assert b"Traceback" not in run.stderr
    out = run.stdout.decode("utf-8")  # valid UTF-8: the byte is shown as U+FFFD
    assert "bad\ufffd.txt" in out and str(good) in out
