"""The command line: parse arguments, call the library, render.

Exit codes: 0 every input processed; 1 some input failed (each named on
stderr, the others still processed); 2 usage or taxonomy error; 130
interrupted. Output closed early (``| head``) ends quietly with 1, as click
does: not everything was delivered.
"""

from __future__ import annotations

import os
import sys
from typing import Callable, Iterable, Iterator

import click

from medsum import __version__
from medsum.errors import InputError, MedsumError, UsageError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# --------------------------------------------------------------------------
# Shared options and the batch loop


def input_options(func):
    func = click.option(
        "-0", "--null", "null_separated", is_flag=True,
        help="The --files-from list is NUL-separated (as find -print0 writes).",
    )(func)
    func = click.option(
        "--files-from", metavar="LIST",
        help="Read input paths from LIST, one per line ('-' for stdin).",
    )(func)
    func = click.argument("paths", nargs=-1, metavar="PATH...")(func)
    return func


def taxonomy_option(func):
    return click.option(
        "--taxonomy", "taxonomy_path", metavar="PATH", envvar="MEDSUM_TAXONOMY",
        help="Taxonomy YAML to use instead of the shipped one (env MEDSUM_TAXONOMY).",
    )(func)


def engine_option(func):
    return click.option(
        "--engine", default="medsum", show_default=True,
        type=click.Choice(["medsum", "textrank4zh"]),
        help="Keyphrase and summary engine.",
    )(func)


def jobs_option(func):
    return click.option(
        "-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
        help="Worker processes; output is identical to one process.",
    )(func)


def _collect(paths: tuple[str, ...], files_from: str | None, null_separated: bool) -> list:
    from medsum.reader import expand_paths, read_path

    if not paths and not files_from:
        if sys.stdin.isatty():
            raise UsageError("no input: give a PATH, '-' for stdin, or --files-from LIST")
        paths = ("-",)
    items: list = list(expand_paths(paths, files_from=files_from, null_separated=null_separated))
    if not items:
        raise UsageError("no input files found (folders are searched for text, markdown, HTML, Word and PDF files)")
    # Standard input is read here, once, so worker processes never touch it.
    return [_stdin_input(read_path) if item == "-" else item for item in items]


def _stdin_input(read_path):
    try:
        return read_path("-")
    except MedsumError as exc:
        return exc


def _load_document(item):
    from medsum.clean import clean
    from medsum.reader import RawInput, read_path

    if isinstance(item, MedsumError):
        raise item
    raw = item if isinstance(item, RawInput) else read_path(item)
    doc = clean(raw)
    if not doc.text.strip() and not doc.title:
        # A page of menus, scripts and markup only: as empty as an empty file.
        raise InputError(f"{raw.path}: no article text (only page furniture or markup)")
    return doc


def _name(item) -> str:
    if isinstance(item, str):
        return item
    return getattr(item, "path", "-")


def _run_one(job: tuple[Callable, object]):
    func, item = job
    try:
        return _name(item), func(item), None
    except MedsumError as exc:
        return _name(item), None, str(exc)
    except RecursionError:
        return _name(item), None, f"{_name(item)}: input too deeply nested to process"
    except Exception as exc:  # one broken file must not lose the others
        if os.environ.get("MEDSUM_DEBUG"):
            raise
        return _name(item), None, f"{_name(item)}: internal error ({type(exc).__name__}: {exc})"


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and reports once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_batch(items: list, func: Callable, *, jobs: int = 1) -> Iterator[tuple[str, object, str | None]]:
    """Apply ``func`` to every input, in input order: (name, result, error)."""
    progress = None
    if len(items) > 1 and sys.stderr.isatty() and not os.environ.get("MEDSUM_NO_PROGRESS"):
        from rich.console import Console
        from rich.progress import Progress

        progress = Progress(console=Console(stderr=True), transient=True)
        task = progress.add_task("medsum", total=len(items))
        progress.start()
    try:
        jobs_iter: Iterable = ((func, item) for item in items)
        if jobs > 1 and len(items) > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_sigint) as pool:
                for result in pool.imap(_run_one, jobs_iter, chunksize=1):
                    if progress:
                        progress.advance(task)
                    yield result
        else:
            for job in jobs_iter:
                result = _run_one(job)
                if progress:
                    progress.advance(task)
                yield result
    finally:
        if progress:
            progress.stop()


class Outcome:
    """Counts failures; each failure is one line on stderr."""

    def __init__(self) -> None:
        self.failed = 0

    def error(self, message: str) -> None:
        self.failed += 1
        click.echo(f"medsum: {message}", err=True)

    def exit(self) -> None:
        if self.failed:
            raise SystemExit(1)


def _write(text: str) -> None:
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        # A file name that is not UTF-8, on a stream that cannot write its
        # bytes back (PYTHONIOENCODING=utf-8): shown with U+FFFD instead.
        from medsum.render import valid_unicode

        sys.stdout.write(valid_unicode(text))
    sys.stdout.flush()


class _Stream:
    """Writes records as JSON Lines, a JSON array, or a YAML stream."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.count = 0

    def write(self, record: dict) -> None:
        from medsum.render import to_json_line, to_yaml

        if self.fmt == "jsonl":
            _write(to_json_line(record))
        elif self.fmt == "json":
            _write(("[\n" if self.count == 0 else ",\n") + to_json_line(record).rstrip("\n"))
        elif self.fmt == "yaml":
            _write(("---\n" if self.count else "") + to_yaml(record))
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            _write("\n]\n" if self.count else "[]\n")


# --------------------------------------------------------------------------
# Commands


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="medsum")
def cli() -> None:
    """Briefs of Chinese healthcare-reform news, without an LLM.

    \b
    Read messy pages and documents (HTML, markdown, GBK/Big5, Traditional,
    Word, PDF), clean them, tag the reform measures they report with
    evidence, and extract keyphrases, summary sentences, key figures and
    place.

    \b
    Examples:
      medsum brief seeds/000_39c1f22628833f98.txt
      medsum tag archive/ > tags.tsv
      medsum brief --format yaml seeds/*.txt

    \b
    Exit codes: 0 all inputs processed, 1 some inputs failed (named on
    stderr), 2 usage or taxonomy error, 130 interrupted.
    """


@cli.command(context_settings=CONTEXT)
@input_options
@click.option("--format", "fmt", default="text", show_default=True,
              type=click.Choice(["text", "json", "jsonl", "yaml"]),
              help="text: the cleaned article; json (JSON Lines, also 'jsonl') or yaml: the whole document value.")
@click.option("--show-removed", is_flag=True, help="After the text, list the debris removed and why.")
@click.option("--simplified", is_flag=True, help="Print Simplified Chinese even for Traditional articles.")
def clean(paths, files_from, null_separated, fmt, show_removed, simplified):
    """Print the cleaned article: the title line, then its paragraphs.

    \b
    Examples:
      medsum clean page.html
      medsum clean --show-removed seeds/004_9650e1c7e371c06b.txt
      medsum clean --format json article.txt | jq .title
    """
    from medsum.clean import render_clean_text
    from medsum.render import document_to_dict

    items = _collect(paths, files_from, null_separated)
    outcome = Outcome()
    stream = _Stream("jsonl" if fmt == "json" else fmt)
    for i, (name, doc, error) in enumerate(run_batch(items, _load_document)):
        if error:
            outcome.error(error)
            if fmt in ("json", "jsonl"):
                stream.write({"path": name, "error": error})
            continue
        if fmt == "text":
            header = f"==> {name} <==\n" if len(items) > 1 else ""
            text = render_clean_text(doc, original_script=not simplified)
            if show_removed:
                text += "\n-- removed --\n" + "".join(
                    f"{r.reason}\t{r.text}\n" for r in doc.removed
                )
            _write(("\n" if i and len(items) > 1 else "") + header + text)
        else:
            stream.write(document_to_dict(doc))
    stream.close()
    outcome.exit()


def _tag_item(item, taxonomy_path=None):
    from medsum.tagger import tag
    from medsum.taxonomy import load_taxonomy

    doc = _load_document(item)
    return doc, tag(doc, load_taxonomy(taxonomy_path))


class _TagJob:
    """Picklable: worker processes load the taxonomy once, on first use."""

    def __init__(self, taxonomy_path: str | None, levels: tuple[str, ...], fmt: str, explain: bool) -> None:
        self.taxonomy_path = taxonomy_path
        self.levels = levels
        self.fmt = fmt
        self.explain = explain

    def __call__(self, item) -> str:
        doc, tags = _tag_item(item, self.taxonomy_path)
        return _render_tags(_name(item), doc, [t for t in tags if t.level in self.levels], self.fmt, self.explain)


def _tag_record(path: str, doc, tags, explain: bool) -> dict:
    from medsum.render import tag_to_dict

    return {
        "path": path,
        "title": doc.metadata.title,
        "tags": [tag_to_dict(t, evidence=explain, brief=False) for t in tags],
    }


def _csv_line(values: list, sep: str) -> str:
    if sep == "\t":
        return "\t".join(str(v).replace("\t", " ").replace("\n", " ") for v in values) + "\n"
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def _render_tags(path: str, doc, tags, fmt: str, explain: bool) -> str:
    from medsum.render import to_json_line, to_yaml

    if fmt == "plain":
        line = f"{path}\t{','.join(t.id for t in tags)}\n"
        if explain:
            for t in tags:
                for ev in t.evidence:
                    terms = ",".join(term for term, _, _ in ev.terms)
                    line += f"\t{t.id}\t{t.level}\t{t.score:.2f}\t{terms}\t{ev.sentence}\n"
        return line
    if fmt in ("tsv", "csv"):
        sep = "\t" if fmt == "tsv" else ","
        rows = []
        for t in tags:
            row = [path, t.id, t.label, t.level, f"{t.score:.4f}"]
            if explain:
                best = t.evidence[0] if t.evidence else None
                row += [",".join(term for term, _, _ in best.terms) if best else "", best.sentence if best else ""]
            rows.append(_csv_line(row, sep))
        return "".join(rows)
    record = _tag_record(path, doc, tags, explain)
    if fmt == "yaml":
        return to_yaml(record)
    return to_json_line(record)


def _parse_levels(value: str) -> tuple[str, ...]:
    from medsum.tagger import LEVELS

    if value == "all":
        return LEVELS
    levels = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [v for v in levels if v not in LEVELS]
    if bad or not levels:
        raise UsageError(f"--level takes a comma list of {', '.join(LEVELS)} or 'all', not {value!r}")
    return levels


@cli.command(context_settings=CONTEXT)
@input_options
@click.option("--format", "fmt", default="plain", show_default=True,
              type=click.Choice(["plain", "tsv", "csv", "jsonl", "json", "yaml"]),
              help="plain: 'path<TAB>id,id,...' per document; tsv/csv: a row per tag; jsonl/json/yaml: records.")
@click.option("--level", "level", default="primary,discussed", show_default=True,
              help="Levels to print: a comma list of primary, discussed, mentioned, or 'all'.")
@click.option("--explain", is_flag=True, help="Add the evidence: sentences and matched terms.")
@taxonomy_option
@jobs_option
def tag(paths, files_from, null_separated, fmt, level, explain, taxonomy_path, jobs):
    """Tag documents with the reform measures they report, for shell scripts.

    One line per document in input order: the path as given, a TAB, and the
    ids of the measures at the chosen levels. Needs no word segmentation, so
    it starts fast. Documents that fail are named on stderr (in jsonl/json,
    a record with an "error" field) and the others are still tagged.

    \b
    Examples:
      medsum tag archive/ | grep county-medical-community | cut -f1
      find . -name '*.html' -print0 | medsum tag --files-from - -0 --format jsonl
      medsum tag --level all --explain seeds/001_412ddec00c2bb2d4.txt
    """
    from medsum.taxonomy import load_taxonomy

    levels = _parse_levels(level)
    load_taxonomy(taxonomy_path)  # a bad taxonomy stops everything, with exit 2
    items = _collect(paths, files_from, null_separated)
    outcome = Outcome()
    if fmt in ("tsv", "csv"):
        header = ["path", "id", "label", "level", "score"] + (["terms", "sentence"] if explain else [])
        _write(_csv_line(header, "\t" if fmt == "tsv" else ","))
    job = _TagJob(taxonomy_path, levels, fmt, explain)
    first = True
    for name, text, error in run_batch(items, job, jobs=jobs):
        if error:
            outcome.error(error)
            if fmt in ("jsonl", "json"):
                text = _render_tags_error(name, error)
            else:
                continue
        if fmt == "json":
            text = ("[\n" if first else ",\n") + text.rstrip("\n")
        elif fmt == "yaml" and not first:
            text = "---\n" + text
        first = False
        _write(text)
    if fmt == "json":
        _write("[]\n" if first else "\n]\n")
    outcome.exit()


def _render_tags_error(name: str, error: str) -> str:
    from medsum.render import to_json_line

    return to_json_line({"path": name, "error": error})


class _RankJob:
    def __init__(self, what: str, engine: str, n: int) -> None:
        self.what, self.engine, self.n = what, engine, n

    def __call__(self, item):
        from medsum.engines import get_engine

        doc = _load_document(item)
        ranker = get_engine(self.engine)
        if self.what == "keywords":
            return doc, ranker.keyphrases(doc, n=self.n)
        return doc, ranker.summarize(doc, n=self.n)


def _rank_command(what, paths, files_from, null_separated, fmt, engine, n, jobs):
    from medsum.render import _original_of

    items = _collect(paths, files_from, null_separated)
    outcome = Outcome()
    stream = _Stream("jsonl" if fmt == "json" else fmt)
    for name, result, error in run_batch(items, _RankJob(what, engine, n), jobs=jobs):
        if error:
            outcome.error(error)
            if fmt in ("jsonl", "json"):
                stream.write({"path": name, "error": error})
            continue
        doc, ranked = result
        if what == "keywords":
            rows = [
                {"text": _original_of(doc, k.text), "score": k.score, "count": k.count} for k in ranked
            ]
            if fmt == "plain":
                _write(f"{name}\t{','.join(r['text'] for r in rows)}\n")
            elif fmt == "tsv":
                _write("".join(_csv_line([name, i, r["text"], f"{r['score']:.6f}"], "\t") for i, r in enumerate(rows, 1)))
            else:
                stream.write({"path": name, "title": doc.metadata.title, "keyphrases": rows})
        else:
            rows = [
                {"index": s.index, "sentence": doc.original[s.start:s.end], "score": s.score,
                 "start": s.start, "end": s.end}
                for s in ranked
            ]
            if fmt == "plain":
                _write("".join(f"{name}\t{r['index']}\t{r['sentence']}\n" for r in rows))
            elif fmt == "tsv":
                _write("".join(_csv_line([name, r["index"], f"{r['score']:.6f}", r["sentence"]], "\t") for r in rows))
            else:
                stream.write({"path": name, "title": doc.metadata.title, "summary": rows})
    stream.close()
    outcome.exit()


RANK_FORMATS = click.Choice(["plain", "tsv", "jsonl", "json", "yaml"])


@cli.command(context_settings=CONTEXT)
@input_options
@click.option("-n", "--number", "n", default=10, show_default=True, type=click.IntRange(1, 100),
              help="How many keyphrases.")
@click.option("--format", "fmt", default="plain", show_default=True, type=RANK_FORMATS,
              help="plain: 'path<TAB>phrase,phrase,...'; tsv: path, rank, phrase, score; "
                   "json: JSON Lines (also 'jsonl'); yaml: a YAML stream.")
@engine_option
@jobs_option
def keywords(paths, files_from, null_separated, n, fmt, engine, jobs):
    """Print each document's keyphrases, best first.

    \b
    Examples:
      medsum keywords seeds/*.txt
      medsum keywords -n 12 --format jsonl article.html
      medsum keywords --engine textrank4zh article.txt
    """
    _rank_command("keywords", paths, files_from, null_separated, fmt, engine, n, jobs)


@cli.command(context_settings=CONTEXT)
@input_options
@click.option("-s", "--sentences", "n", default=4, show_default=True, type=click.IntRange(1, 50),
              help="How many summary sentences.")
@click.option("--format", "fmt", default="plain", show_default=True, type=RANK_FORMATS,
              help="plain: 'path<TAB>index<TAB>sentence' per sentence; tsv adds the score; "
                   "json: JSON Lines (also 'jsonl'); yaml: a YAML stream.")
@engine_option
@jobs_option
def summary(paths, files_from, null_separated, n, fmt, engine, jobs):
    """Print each document's summary sentences, in article order.

    \b
    Examples:
      medsum summary seeds/002_a6ab916c99a6d528.txt
      medsum summary --sentences 3 --format yaml report.html
      cat article.txt | medsum summary -
    """
    _rank_command("summary", paths, files_from, null_separated, fmt, engine, n, jobs)


class _BriefJob:
    def __init__(self, taxonomy_path, engine, n_keyphrases, n_sentences) -> None:
        self.taxonomy_path = taxonomy_path
        self.engine = engine
        self.n_keyphrases = n_keyphrases
        self.n_sentences = n_sentences

    def __call__(self, item) -> dict:
        from medsum.brief import make_brief
        from medsum.render import brief_to_dict
        from medsum.taxonomy import load_taxonomy

        doc = _load_document(item)
        brief = make_brief(
            doc,
            taxonomy=load_taxonomy(self.taxonomy_path),
            engine=self.engine,
            n_keyphrases=self.n_keyphrases,
            n_sentences=self.n_sentences,
        )
        data = brief_to_dict(brief)
        data["path"] = _name(item)
        return data


@cli.command(context_settings=CONTEXT)
@input_options
@click.option("--format", "fmt", default="rich", show_default=True,
              type=click.Choice(["rich", "text", "markdown", "yaml", "json"]),
              help="rich: coloured terminal view (plain when piped or NO_COLOR is set); "
                   "yaml: a YAML stream; json: JSON Lines.")
@click.option("-s", "--sentences", "n_sentences", default=4, show_default=True, type=click.IntRange(1, 20),
              help="Summary sentences.")
@click.option("-k", "--keyphrases", "n_keyphrases", default=10, show_default=True, type=click.IntRange(1, 50),
              help="Keyphrases.")
@click.option("--width", type=click.IntRange(40, 400), help="Text width (default: the terminal's, or 100).")
@engine_option
@taxonomy_option
@jobs_option
def brief(paths, files_from, null_separated, fmt, n_sentences, n_keyphrases, width, engine, taxonomy_path, jobs):
    """Print a brief: tags with evidence, keyphrases, summary, figures, place.

    \b
    Examples:
      medsum brief seeds/000_39c1f22628833f98.txt
      medsum brief --format yaml seeds/*.txt > briefs.yaml
      medsum brief --format json archive/ | jq -r '.tags[0].id'
    """
    from medsum.taxonomy import load_taxonomy

    load_taxonomy(taxonomy_path)
    items = _collect(paths, files_from, null_separated)
    outcome = Outcome()
    if fmt == "rich" and not sys.stdout.isatty():
        fmt = "text"
    console = None
    if fmt == "rich":
        from rich.console import Console

        console = Console(width=width) if width else Console()
    text_width = width or (console.width if console else _terminal_width())
    stream = _Stream({"json": "jsonl", "yaml": "yaml"}.get(fmt, ""))
    job = _BriefJob(taxonomy_path, engine, n_keyphrases, n_sentences)
    for i, (name, data, error) in enumerate(run_batch(items, job, jobs=jobs)):
        if error:
            outcome.error(error)
            if fmt == "json":
                stream.write({"path": name, "error": error})
            continue
        if fmt in ("json", "yaml"):
            stream.write(data)
        elif fmt == "rich":
            from medsum.render import render_rich

            render_rich(data, console)
        else:
            from medsum.render import BRIEF_TEXT_RENDERERS

            _write(("\n" if i else "") + BRIEF_TEXT_RENDERERS[fmt](data, width=text_width))
    outcome.exit()


#: The width of ``medsum eval``'s tables when they go to a file or a pipe.
_PIPED_REPORT_WIDTH = 132


def _terminal_width() -> int:
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size((100, 24)).columns
    return 100


@cli.command("eval", context_settings=CONTEXT)
@click.argument("gold", metavar="GOLD.yaml")
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json"]),
              help="table: a terminal report; json: every figure, for machines.")
@engine_option
@taxonomy_option
def eval_command(gold, fmt, engine, taxonomy_path):
    """Score medsum against a gold file (schema medsum-gold/1).

    Tag precision/recall/F1 per measure and overall, primary@1, keyphrase
    F1, character ROUGE-1/2/L, title/date/source/place accuracy and debris
    leaks, computed as in shared/eval/GUIDELINES.md.

    \b
    Examples:
      medsum eval ../shared/eval/dev-gold.yaml
      medsum eval --engine textrank4zh --format json gold.yaml
    """
    import json

    from medsum.evaluate import evaluate, render_report, report_to_dict
    from medsum.taxonomy import load_taxonomy

    taxonomy = load_taxonomy(taxonomy_path)
    report = evaluate(gold, engine=engine, taxonomy=taxonomy)
    if fmt == "json":
        _write(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.console import Console

        # Written to a file or a pipe, the tables keep every column (rich would cut at 80).
        render_report(report, Console() if sys.stdout.isatty() else Console(width=_PIPED_REPORT_WIDTH))
    if report.errors:
        raise SystemExit(1)


@cli.group(context_settings=CONTEXT)
def taxonomy() -> None:
    """Show, validate and lint taxonomies of reform measures.

    \b
    Examples:
      medsum taxonomy show
      medsum taxonomy check my-taxonomy.yaml --corpus archive/
    """


@taxonomy.command("show", context_settings=CONTEXT)
@taxonomy_option
def taxonomy_show(taxonomy_path):
    """Print the taxonomy as a tree: groups, measures, term counts.

    \b
    Example:
      medsum taxonomy show --taxonomy my-taxonomy.yaml
    """
    from medsum.taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy_path)
    lines = [f"{tax.path} (version {tax.version}): {len(tax.measures)} measures"]
    for group in tax.groups:
        members = [m for m in tax.measures if m.group == group.id]
        lines.append(f"{group.id}  {group.zh} / {group.en}")
        for k, m in enumerate(members):
            branch = "└─" if k == len(members) - 1 else "├─"
            counts = _count(len(m.terms), "term")
            if m.weak:
                counts += f", {len(m.weak)} weak"
            if m.acronyms:
                counts += ", " + _count(len(m.acronyms), "acronym")
            if m.exclude:
                counts += ", " + _count(len(m.exclude), "exclusion")
            lines.append(f"  {branch} {m.id}  {m.zh}  ({counts})")
    _write("\n".join(lines) + "\n")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


@taxonomy.command("check", context_settings=CONTEXT)
@click.argument("path", metavar="PATH")
@click.option("--corpus", metavar="DIR", help="Also report terms that never fire on the documents in DIR.")
def taxonomy_check(path, corpus):
    """Validate a taxonomy file and lint it (shadowed and unused terms).

    Exit 0 when valid (warnings go to stdout), 2 when invalid.

    \b
    Examples:
      medsum taxonomy check taxonomy.yaml
      medsum taxonomy check taxonomy.yaml --corpus ../shared/corpus
    """
    from medsum.taxonomy import load_taxonomy

    tax = load_taxonomy(path)
    texts = None
    if corpus:
        texts = []
        outcome = Outcome()
        items = _collect((corpus,), None, False)
        for _, doc, error in run_batch(items, _load_document):
            if error:
                outcome.error(error)
            else:
                texts.append(doc.text)
    from medsum.taxonomy import lint

    warnings = lint(tax, texts)
    for warning in warnings:
        _write(f"warning: {warning}\n")
    _write(f"{path}: valid, {len(tax.measures)} measures, {len(warnings)} warnings\n")


# --------------------------------------------------------------------------
# Entry point


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: errors become one line on stderr and an exit code."""
    try:
        cli.main(args=argv, prog_name="medsum", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("medsum: interrupted", err=True)
        raise SystemExit(130) from None
    except KeyboardInterrupt:
        click.echo("medsum: interrupted", err=True)
        raise SystemExit(130) from None
    except click.ClickException as exc:
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except click.exceptions.Exit as exc:
        raise SystemExit(exc.exit_code) from None
    except MedsumError as exc:
        click.echo(f"medsum: {exc}", err=True)
        raise SystemExit(exc.exit_code) from None
    # A closed stdout (| head) is handled inside click: quiet, exit 1.
    raise SystemExit(0)


__all__ = ["cli", "main"]
