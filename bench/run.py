"""Benchmark: medsum against textrank4zh, jieba and SnowNLP, in one run.

    python bench/run.py                       # the dev-gold seeds, markdown to stdout
    python bench/run.py --corpus ../shared/corpus --json bench.json

Every system gets the same input: the text medsum's cleaner makes of each
page (cleaning is shared and not timed). Each system runs in a subprocess
of its own, so that its peak memory (ru_maxrss) is its own and no system
profits from dictionaries another one loaded. Quality is scored with
medsum.evaluate's metric functions against the gold file; timings are the
median of ``--repeat`` passes over the gold articles after one warm-up call
(the warm-up, with imports and dictionary loading, is reported as "setup").

The same run also measures ``medsum tag`` throughput (one process and
``--jobs 2``), the cold start of ``medsum tag FILE`` and ``medsum brief FILE``
against ``python -c "import jieba; jieba.initialize()"``, and the default engine on a
document of 300,000+ characters made by repeating the seed articles.
See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # measure the checkout, not an installed copy

DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "dev-gold.yaml"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
N_KEYPHRASES = 10
N_SENTENCES = 4
LONG_CHARS = 300_000
BASELINE = "textrank4zh"


# --------------------------------------------------------------------------
# Systems: name -> factory returning run(doc) -> (keyphrases, summary | None).
# Imports happen inside the factory, so they are timed as setup in the worker.


def _medsum_engine(name):
    def factory():
        from medsum.engines import get_engine

        engine = get_engine(name)

        def run(doc):
            return ([k.text for k in engine.keyphrases(doc, n=N_KEYPHRASES)],
                    [s.text for s in engine.summarize(doc, n=N_SENTENCES)])

        return run

    return factory


def _jieba_textrank():
    import jieba.analyse

    return lambda doc: (list(jieba.analyse.textrank(doc.text, topK=N_KEYPHRASES)), None)


def _jieba_tfidf():
    import jieba.analyse

    return lambda doc: (list(jieba.analyse.extract_tags(doc.text, topK=N_KEYPHRASES)), None)


def _snownlp():
    from snownlp import SnowNLP

    def run(doc):
        s = SnowNLP(doc.text)
        return list(s.keywords(N_KEYPHRASES)), list(s.summary(N_SENTENCES))

    return run


def _nothing():
    return lambda doc: ([], None)


SYSTEMS = {
    "medsum": _medsum_engine("medsum"),
    "textrank4zh": _medsum_engine("textrank4zh"),
    "jieba.analyse.textrank": _jieba_textrank,
    "jieba.analyse.extract_tags": _jieba_tfidf,
    "snownlp": _snownlp,
}
#: Cleaning only: the memory floor every system's figure includes.
FLOOR = "(clean only)"


# --------------------------------------------------------------------------
# Worker side (a subprocess per system)


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def _load_docs(paths):
    from medsum.clean import clean
    from medsum.reader import read_path

    docs, failed = [], []
    for path in paths:
        try:
            docs.append(clean(read_path(path)))
        except Exception as exc:  # noqa: BLE001 - a page the cleaner refuses is not timed
            failed.append(f"{path}: {exc}")
    return docs, failed


def worker(system: str, spec: dict) -> dict:
    from medsum.clean import clean
    from medsum.reader import read_text

    gold_docs, failed = _load_docs(spec["gold"])
    corpus_docs, corpus_failed = _load_docs(spec["corpus"])
    warm = clean(read_text(gold_docs[0].text[:400], path="<warm-up>")) if gold_docs else None

    start = time.perf_counter()
    run = (SYSTEMS.get(system) or _nothing)()
    if warm is not None:
        run(warm)
    setup = time.perf_counter() - start

    times, outputs = [], []
    for _ in range(spec["repeat"]):
        start = time.perf_counter()
        outputs = [run(doc) for doc in gold_docs]
        times.append(time.perf_counter() - start)
    corpus_time = None
    if corpus_docs:
        start = time.perf_counter()
        for doc in corpus_docs:
            run(doc)
        corpus_time = time.perf_counter() - start
    return {
        "system": system,
        "setup_s": setup,
        "gold_s": statistics.median(times) if times else None,
        "gold_runs_s": times,
        "corpus_s": corpus_time,
        "corpus_docs": len(corpus_docs),
        "failed": failed + corpus_failed,
        "max_rss_mb": _max_rss_mb(),
        "outputs": [{"path": d.path, "keyphrases": k, "summary": s} for d, (k, s) in zip(gold_docs, outputs)],
    }


def long_worker(spec: dict) -> dict:
    """The default pipeline on one very long document, stage by stage."""
    from medsum.brief import make_brief
    from medsum.clean import clean
    from medsum.engines import get_engine
    from medsum.reader import read_path

    engine = get_engine("medsum")
    warm = clean(read_path(spec["gold"][0]))
    make_brief(warm)  # dictionaries and taxonomy loaded before timing

    timings = {}
    start = time.perf_counter()
    doc = clean(read_path(spec["long"]))
    timings["clean_s"] = time.perf_counter() - start
    start = time.perf_counter()
    make_brief(doc)
    timings["brief_s"] = time.perf_counter() - start
    # Each stage on a copy of its own (another path makes another value), so
    # that what one stage caches for the next (the default engine's summary
    # reuses its keyphrase ranking) does not hide the stage's own cost.
    start = time.perf_counter()
    engine.keyphrases(replace(doc, path=doc.path + "#keyphrases"), n=N_KEYPHRASES)
    timings["keyphrases_s"] = time.perf_counter() - start
    start = time.perf_counter()
    engine.summarize(replace(doc, path=doc.path + "#summary"), n=N_SENTENCES)
    timings["summary_s"] = time.perf_counter() - start
    return {**timings, "chars": len(doc.text), "sentences": len(doc.sentences), "max_rss_mb": _max_rss_mb()}


# --------------------------------------------------------------------------
# Parent side


def _spawn(args: list[str], spec: dict) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(spec, handle, ensure_ascii=False)
    try:
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args, "--spec", handle.name],
                              check=False, capture_output=True, text=True, env=env)
    finally:
        os.unlink(handle.name)
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or [f"exit {proc.returncode}"])[-1]}
    return json.loads(proc.stdout)


def score(result: dict, gold) -> dict:
    from medsum.evaluate import keyphrase_prf, mean_prf, summary_rouge

    by_path = {str(d.path): d for d in gold.documents}
    kp, r1, r2, rl = [], [], [], []
    for out in result["outputs"]:
        g = by_path[out["path"]]
        kp.append(keyphrase_prf(out["keyphrases"], g.keyphrases))
        if out["summary"] is not None:
            r = summary_rouge(out["summary"], g.summary)
            r1.append(r.rouge1)
            r2.append(r.rouge2)
            rl.append(r.rougeL)
    n = len(gold.documents)  # a document a system lost counts as zero

    def pad(scores):
        return [x.f1 for x in scores] + [0.0] * (n - len(scores))

    has_summary = bool(r1)
    return {
        "keyphrase_f1": sum(pad(kp)) / n,
        "keyphrase_p": mean_prf(kp).precision if kp else 0.0,
        "keyphrase_r": mean_prf(kp).recall if kp else 0.0,
        "rouge1_f1": sum(pad(r1)) / n if has_summary else None,
        "rouge2_f1": sum(pad(r2)) / n if has_summary else None,
        "rougeL_f1": sum(pad(rl)) / n if has_summary else None,
    }


def _medsum_command(given: str | None) -> list[str]:
    if given:
        return given.split()
    script = Path(sys.executable).parent / "medsum"
    if script.exists():
        return [str(script)]
    found = shutil.which("medsum")
    return [found] if found else [sys.executable, "-m", "medsum"]


def _time_command(cmd: list[str], runs: int) -> tuple[float, subprocess.CompletedProcess]:
    times, proc = [], None
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times), proc


def tag_throughput(medsum_cmd: list[str], paths: list[str], runs: int) -> dict:
    probe = subprocess.run([*medsum_cmd, "tag", "--help"], check=False, capture_output=True, text=True, cwd=ROOT)
    if probe.returncode != 0:
        return {"error": "`medsum tag` not available: " + ((probe.stderr.strip().splitlines() or ["?"])[-1])}
    rows = []
    for jobs in (None, 2):
        cmd = [*medsum_cmd, "tag", *paths] + (["--jobs", str(jobs)] if jobs else [])
        seconds, proc = _time_command(cmd, runs)
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        rows.append({
            "mode": f"--jobs {jobs}" if jobs else "one process",
            "docs": len(paths),
            "lines": len(lines),
            "exit": proc.returncode,
            "wall_s": seconds,
            "docs_per_s": len(paths) / seconds,
        })
    return {"rows": rows}


def cold_start(medsum_cmd: list[str], one_file: str, runs: int) -> dict:
    # An installed package starts from its cached bytecode; a checkout run with
    # PYTHONDONTWRITEBYTECODE (or edited since its last run) would compile its
    # sources in every timed process instead.
    import compileall

    import medsum

    compileall.compile_dir(str(Path(medsum.__file__).parent), quiet=1)
    rows = []
    for label, cmd in (
        (f"medsum tag {Path(one_file).name}", [*medsum_cmd, "tag", one_file]),
        (f"medsum brief {Path(one_file).name}", [*medsum_cmd, "brief", one_file]),
        ('python -c "import jieba; jieba.initialize()"', [sys.executable, "-c", "import jieba; jieba.initialize()"]),
    ):
        seconds, proc = _time_command(cmd, runs)
        rows.append({"command": label, "median_s": seconds, "runs": runs, "exit": proc.returncode})
    return {"rows": rows}


#: Inputs of the kinds fuzzing found slow (each was quadratic or worse in some
#: pattern): a generator of about n characters each. Generated, never a page.
ADVERSARIAL = {
    "a run of digits": lambda n: "医保基金运行平稳。\n编号" + "0" * n + "。\n",
    "figures in one sentence": lambda n: "药品集中带量采购 " + " ".join(f"药品{i}种" for i in range(n // 7)) + " 。\n",
    "unclosed links after 原文": lambda n: "医保改革原文\n" + '<a href="x' * (n // 10) + "\n",
    "lost bytes (?)": lambda n: "标题\n" + "医?" * (n // 2) + "\n",
    "terms without a full stop": lambda n: "医保改革持续推进国家组织药品集中带量采购" * (n // 20) + "\n",
    "a run of dots": lambda n: "标题\n医保战略。" + "." * n + "医保。\n",
    "unclosed template code": lambda n: "医保改革持续推进。\n" + "{" * n + "\n",
    "a chain of 从…到 with no tally": lambda n: "医保改革\n" + ":从医保、集采,到" * (n // 9) + "\n",
    "a line of many 小编": lambda n: "医保改革推进情况\n医保改革持续推进。\n" + "”小编" * (n // 3) + "\n",
    "deeply nested <div>s": lambda n: "<html><body>" + "<div>" * (n // 11) + "<p>医保改革持续推进。</p>" + "</div>" * (n // 11) + "</body></html>",
}
ADVERSARIAL_SIZES = (20_000, 80_000)


def adversarial(medsum_cmd: list[str], folder: Path) -> dict:
    """`medsum brief` on each adversarial input at two sizes: linear work takes
    about 4 times as long at 4 times the size (less, with start-up); quadratic, 16."""
    rows = []
    for name, make in ADVERSARIAL.items():
        times = []
        for n in ADVERSARIAL_SIZES:
            path = folder / f"adversarial-{len(rows)}-{n}.txt"
            path.write_text(make(n), encoding="utf-8")
            seconds, proc = _time_command([*medsum_cmd, "brief", "--format", "json", str(path)], 1)
            times.append((seconds, proc.returncode))
        rows.append({"input": name, "sizes": list(ADVERSARIAL_SIZES), "seconds": [t for t, _ in times],
                     "exits": [e for _, e in times]})
    return {"rows": rows}


def build_long_document(paths: list[str], folder: Path) -> Path:
    """Seed articles (cleaned, title and paragraphs) repeated past LONG_CHARS."""
    from medsum.clean import clean, render_clean_text
    from medsum.reader import read_path

    docs = [clean(read_path(p)) for p in paths]
    articles = [render_clean_text(d) for d in docs]
    # Count what the cleaner will keep (the body), not the rendered length.
    sizes = [len(d.text) + 1 for d in docs]

    def copy(k: int) -> str:
        # The cleaner says a paragraph printed twice once: each copy's paragraphs open
        # with their own clause, so that the document is as long as it looks.
        article = articles[k % len(articles)]
        return "\n".join(f"据第{k + 1}份材料,{line}" if len(line) >= 40 else line for line in article.split("\n"))

    parts, size, k = [], 0, 0
    while size < LONG_CHARS:
        parts.append(copy(k))
        size += sizes[k % len(articles)]
        k += 1
    path = folder / "long.txt"
    for _ in range(LONG_CHARS // min(sizes)):  # the cleaner drops repeated short lines: check what it keeps
        path.write_text("\n".join(parts), encoding="utf-8")
        if len(clean(read_path(str(path))).text) >= LONG_CHARS:
            return path
        parts.append(copy(k))
        k += 1
    raise RuntimeError(f"the cleaner keeps less than {LONG_CHARS} characters of {path}")


# --------------------------------------------------------------------------
# Output


def _f(x, digits=3):
    return "—" if x is None else f"{x:.{digits}f}"


def _delta(x, base):
    return "—" if x is None or base is None else f"{x - base:+.3f}"


def render_markdown(data: dict) -> str:
    env = data["environment"]
    out = [
        (f"Benchmark: {env['documents']} articles of `{env['gold']}`; Python {env['python']}, "
         f"{env['platform']}, {env['cpus']} CPUs; timings are medians of {env['repeat']} passes."),
        "",
    ]
    systems = data["systems"]
    base = next((s for s in systems if s["system"] == BASELINE and "error" not in s), None)
    corpus = any(s.get("corpus_s") for s in systems)
    header = ["system", "kp F1", "R-1", "R-2", "R-L", f"{env['documents']} articles (s)", "setup (s)",
              "peak RSS (MB)", f"× vs {BASELINE}", "Δ kp F1", "Δ R-1", "Δ R-2", "Δ R-L"]
    if corpus:
        header.insert(6, f"corpus, {env['corpus_docs']} pages (s)")
    out += ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for s in systems:
        if "error" in s:
            out.append(f"| {s['system']} | failed: {s['error']} |" + " |" * (len(header) - 2))
            continue
        q = s["quality"]
        row = [f"`{s['system']}`" if s["system"] != FLOOR else FLOOR,
               _f(q.get("keyphrase_f1")), _f(q.get("rouge1_f1")), _f(q.get("rouge2_f1")), _f(q.get("rougeL_f1")),
               _f(s["gold_s"], 2), _f(s["setup_s"], 2), _f(s["max_rss_mb"], 0)]
        if s["system"] == FLOOR:  # only its memory means anything
            row[5] = row[6] = "—"
        if corpus:
            row.insert(6, _f(s.get("corpus_s"), 2) if s["system"] != FLOOR else "—")
        if base and s["system"] != FLOOR:
            bq = base["quality"]
            speed = base["gold_s"] / s["gold_s"] if s["gold_s"] else None
            row += [f"{speed:.1f}×" if speed else "—", _delta(q["keyphrase_f1"], bq["keyphrase_f1"]),
                    _delta(q["rouge1_f1"], bq["rouge1_f1"]), _delta(q["rouge2_f1"], bq["rouge2_f1"]),
                    _delta(q["rougeL_f1"], bq["rougeL_f1"])]
        else:
            row += ["—"] * 5
        out.append("| " + " | ".join(row) + " |")
    out.append("")

    tag = data.get("tag")
    if tag:
        out.append("`medsum tag` throughput:")
        out.append("")
        if "error" in tag:
            out.append(f"not measured: {tag['error']}")
        else:
            out += ["| mode | documents | wall (s) | documents/s |", "|---|---|---|---|"]
            for r in tag["rows"]:
                note = "" if r["lines"] == r["docs"] and r["exit"] == 0 else \
                    f" (exit {r['exit']}, {r['lines']} lines)"
                out.append(f"| {r['mode']}{note} | {r['docs']} | {_f(r['wall_s'], 2)} | {_f(r['docs_per_s'], 1)} |")
        out.append("")
    cold = data.get("cold_start")
    if cold:
        out += ["Cold start (median of runs, each a fresh process):", "",
                "| command | median (s) | runs |", "|---|---|---|"]
        for r in cold["rows"]:
            note = "" if r["exit"] == 0 else f" (exit {r['exit']})"
            out.append(f"| `{r['command']}`{note} | {_f(r['median_s'], 3)} | {r['runs']} |")
        out.append("")
    long = data.get("long")
    if long:
        out.append("Long document (default engine, dictionaries already loaded; each stage timed on its own copy, "
                   "so stages do not add up to the brief):")
        out.append("")
        if "error" in long:
            out.append(f"failed: {long['error']}")
        else:
            out += ["| characters | sentences | clean (s) | keyphrases (s) | summary (s) | whole brief (s) | peak RSS (MB) |",
                    "|---|---|---|---|---|---|---|",
                    (f"| {long['chars']:,} | {long['sentences']:,} | {_f(long['clean_s'], 2)} | "
                     f"{_f(long['keyphrases_s'], 2)} | {_f(long['summary_s'], 2)} | {_f(long['brief_s'], 2)} | "
                     f"{_f(long['max_rss_mb'], 0)} |")]
        out.append("")
    bad = data.get("adversarial")
    if bad:
        small, large = ADVERSARIAL_SIZES
        out += [f"Adversarial inputs (`medsum brief`, one run each, start-up included; at {large // small} times the size "
                f"linear work takes at most {large // small} times as long):", "",
                f"| input | {small:,} chars (s) | {large:,} chars (s) | ratio |", "|---|---|---|---|"]
        for r in bad["rows"]:
            a, b = r["seconds"]
            note = "" if r["exits"] == [0, 0] else f" (exit {r['exits']})"
            out.append(f"| {r['input']}{note} | {_f(a, 2)} | {_f(b, 2)} | {_f(b / a, 1)} |")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", default=str(DEFAULT_GOLD), help="gold file (default: %(default)s)")
    parser.add_argument("--corpus", default=None,
                        help=f"folder of extra pages to time on and to tag (default: {DEFAULT_CORPUS} if present)")
    parser.add_argument("--no-corpus", action="store_true", help="time on the gold articles only")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the gold articles")
    parser.add_argument("--cold-runs", type=int, default=7, help="fresh processes per cold-start command")
    parser.add_argument("--tag-runs", type=int, default=3, help="runs per `medsum tag` throughput figure")
    parser.add_argument("--medsum-cmd", default=None, help="how to call medsum (default: the venv's script)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: tag,cold,long,adversarial")
    parser.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--long-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--spec", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker or args.long_worker:
        spec = json.loads(Path(args.spec).read_text(encoding="utf-8"))
        result = long_worker(spec) if args.long_worker else worker(args.worker, spec)
        print(json.dumps(result, ensure_ascii=False))
        return 0

    from medsum.evaluate import load_gold
    from medsum.reader import expand_paths

    gold = load_gold(args.gold)
    gold_paths = [str(d.path) for d in gold.documents if d.path is not None]
    corpus_dir = None if args.no_corpus else (args.corpus or (str(DEFAULT_CORPUS) if DEFAULT_CORPUS.is_dir() else None))
    # A corpus folder's README describes the pages; it is not one of them.
    corpus_paths = [p for p in expand_paths([corpus_dir]) if not Path(p).stem.upper().startswith("README")] \
        if corpus_dir else []
    skip = set(filter(None, args.skip.split(",")))
    spec = {"gold": gold_paths, "corpus": corpus_paths, "repeat": args.repeat}

    systems = []
    for name in [FLOOR] + [s for s in args.systems.split(",") if s]:
        print(f"bench: {name} ...", file=sys.stderr)
        result = _spawn(["--worker", name], spec)
        result["system"] = name
        if "error" not in result:
            result["quality"] = score(result, gold) if name != FLOOR else {}
            result.pop("outputs")
        systems.append(result)

    data = {
        "environment": {
            "gold": args.gold, "documents": len(gold_paths), "corpus": corpus_dir,
            "corpus_docs": len(corpus_paths), "python": platform.python_version(),
            "platform": platform.platform(terse=True), "cpus": os.cpu_count(), "repeat": args.repeat,
        },
        "systems": systems,
    }
    medsum_cmd = _medsum_command(args.medsum_cmd)
    if "tag" not in skip:
        print("bench: medsum tag throughput ...", file=sys.stderr)
        data["tag"] = tag_throughput(medsum_cmd, gold_paths + corpus_paths, args.tag_runs)
    if "cold" not in skip and gold_paths:
        print("bench: cold start ...", file=sys.stderr)
        data["cold_start"] = cold_start(medsum_cmd, gold_paths[0], args.cold_runs)
    if "long" not in skip and gold_paths:
        print("bench: long document ...", file=sys.stderr)
        with tempfile.TemporaryDirectory() as folder:
            long_path = build_long_document(gold_paths, Path(folder))
            data["long"] = _spawn(["--long-worker"], {**spec, "long": str(long_path)})

    if "adversarial" not in skip:
        print("bench: adversarial inputs ...", file=sys.stderr)
        with tempfile.TemporaryDirectory() as folder:
            data["adversarial"] = adversarial(medsum_cmd, Path(folder))

    print(render_markdown(data))
    if args.json:
        Path(args.json).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
