"""Shared fixtures: where the shared material lives, and files written in a
given encoding, so every test states the bytes it feeds medsum."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

#: The shared folder beside the repository: seeds, corpus, gold, style guide.
# Parsed taxonomies are cached (medsum.taxonomy.cache_dir): the tests keep theirs
# in a folder of their own, never in the user's ~/.cache.
os.environ.setdefault("MEDSUM_CACHE", tempfile.mkdtemp(prefix="medsum-test-cache-"))

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
DEV_GOLD = SHARED / "eval" / "dev-gold.yaml"

#: Tests that read the shared seeds, corpus or gold skip when it is absent
#: (a checkout of the repository alone, or an sdist).
needs_shared = pytest.mark.skipif(
    not (SEEDS.is_dir() and DEV_GOLD.is_file()), reason="shared/ (seeds, gold) not present"
)

_BOMS = {
    "utf-8": b"\xef\xbb\xbf",
    "utf-16-le": b"\xff\xfe",
    "utf-16-be": b"\xfe\xff",
}


def encode(text: str, encoding: str = "utf-8", *, bom: bool = False, newline: str = "\n") -> bytes:
    """``text`` as a file would hold it: line ends, encoding, optional BOM."""
    if newline != "\n":
        text = text.replace("\n", newline)
    codec = {"utf-16": "utf-16-le"}.get(encoding, encoding)
    data = text.encode(codec)
    if bom:
        data = _BOMS[codec] + data
    return data


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[..., Path]:
    """Factory: ``write_file(name, text_or_bytes, encoding=..., bom=..., newline=...)``.

    Text is encoded as asked; bytes are written as given. Returns the path.
    """

    def write(
        name: str,
        content: str | bytes,
        *,
        encoding: str = "utf-8",
        bom: bool = False,
        newline: str = "\n",
    ) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content if isinstance(content, bytes) else encode(
            content, encoding, bom=bom, newline=newline
        )
        path.write_bytes(data)
        return path

    return write


# --------------------------------------------------------------------------
# Normalisation before comparing with gold text (shared/eval/GUIDELINES.md):
# Traditional -> Simplified (OpenCC t2s), pinyin annotations removed,
# full-width ASCII folded, white space collapsed. Written here independently
# of the library, so a bug there cannot hide itself.

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_ANNOTATION = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü" + _TONED + r"]*[" + _TONED + r"][a-zü" + _TONED + r"]*\)")
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20


def normalize(text: str) -> str:
    import opencc

    text = text.translate(_FOLD)
    text = PINYIN_ANNOTATION.sub("", text)
    text = opencc.OpenCC("t2s").convert(text)
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------
# Running the installed command in a real process (pipes, exit codes, env
# read at import time, worker processes).


def run_medsum(
    args: list[str],
    *,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: str | Path | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("MEDSUM_") or k == "MEDSUM_CACHE"}
    full_env.update({"MEDSUM_NO_PROGRESS": "1", "PYTHONIOENCODING": "utf-8"}, **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "medsum", *args],
        input=input,
        capture_output=True,
        env=full_env,
        cwd=cwd,
        timeout=timeout,
    )


@pytest.fixture
def medsum_process() -> Callable[..., subprocess.CompletedProcess]:
    return run_medsum


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def corpus_paths() -> list[Path]:
    return sorted(CORPUS.glob("h*.txt")) if CORPUS.is_dir() else []


# --------------------------------------------------------------------------
# Running ``medsum.cli.main`` in this process, the way the console script
# does: errors become one line on stderr and an exit code, so an exception
# that escapes ``main`` (a traceback for the user) fails the test.


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_main(args: list[str], *, input: bytes | str | None = None, env: dict | None = None) -> Run:
    from click.testing import CliRunner

    from medsum.cli import main

    runner = CliRunner()
    env = {"MEDSUM_TAXONOMY": None, "MEDSUM_NO_PROGRESS": "1", **(env or {})}
    with runner.isolation(input=input, env=env) as (out, err, _):
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        else:  # pragma: no cover - main always exits
            code = 0
        return Run(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


@pytest.fixture
def medsum_main() -> Callable[..., Run]:
    return run_main


# --------------------------------------------------------------------------
# Hypothesis: the default profile is derandomised, so a run of the suite is
# reproducible and main stays green or red for a reason; HYPOTHESIS_PROFILE=explore
# searches with fresh random examples (and many more of them) to find new bugs.

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "default", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "explore", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: takes seconds (builds a wheel); still part of the default run"
    )


#: The smallest valid taxonomy: one group, one measure, one term.
MINIMAL_TAXONOMY = """\
schema: medsum-taxonomy/1
version: "t1"
context: [医]
groups:
  delivery: {zh: 医疗服务体系, en: Care delivery}
measures:
  - id: county-medical-community
    zh: 县域医共体
    en: County medical community
    group: delivery
    terms: [医共体]
"""
