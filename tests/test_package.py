"""The built wheel carries the data files and the console script, and the
package loads its data from the wheel (importlib.resources), not from the
source tree. Builds in a copy of the tree, so the checkout stays untouched."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "medsum" / "data"
REQUIRED_DATA = ["taxonomy.yaml", "vocab.txt", "stopwords.txt"]
OPTIONAL_DATA = ["divisions.tsv"]  # required once it is in the source tree


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(
        ROOT, source,
        ignore=shutil.ignore_patterns(
            ".git", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".pytest_cache",
            ".ruff_cache", ".venv", "venv",
        ),
    )
    out = work / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [built] = out.glob("medsum-*.whl")
    return built


def _names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    REQUIRED_DATA + [n for n in OPTIONAL_DATA if (DATA / n).is_file()],
)
def test_wheel_contains_data_file(wheel, name):
    names = _names(wheel)
    assert f"medsum/data/{name}" in names
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read(f"medsum/data/{name}") == (DATA / name).read_bytes()


@pytest.mark.slow
def test_wheel_contains_every_data_file_of_the_tree(wheel):
    shipped = {n.rsplit("/", 1)[-1] for n in _names(wheel) if n.startswith("medsum/data/")}
    in_tree = {p.name for p in DATA.iterdir() if p.is_file() and not p.name.startswith(".")}
    assert in_tree <= shipped


@pytest.mark.slow
def test_wheel_declares_the_console_script(wheel):
    with zipfile.ZipFile(wheel) as archive:
        [entry_points] = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
        text = archive.read(entry_points).decode()
    section = text.split("[console_scripts]", 1)[1].split("[", 1)[0]
    scripts = dict(
        (k.strip(), v.strip()) for k, _, v in (line.partition("=") for line in section.splitlines()) if k.strip()
    )
    assert scripts.get("medsum") == "medsum.cli:main"


@pytest.mark.slow
def test_package_from_the_wheel_loads_its_data(wheel, tmp_path):
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    code = f"""
import sys
sys.path.insert(0, {str(unpacked)!r})
import medsum
assert medsum.__file__.startswith({str(unpacked)!r}), medsum.__file__
from medsum.taxonomy import load_taxonomy, shipped_path
assert str(shipped_path()).startswith({str(unpacked)!r})
taxonomy = load_taxonomy()
assert len(taxonomy.measures) >= 20
from medsum.clean import clean
from medsum.reader import read_text
from medsum.tagger import tag
doc = clean(read_text("县域医改\\n\\n全县组建紧密型县域医共体3个,实现乡镇卫生院全覆盖。"))
print(",".join(t.id for t in tag(doc, taxonomy)))
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "MEDSUM_NO_PROGRESS": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "county-medical-community" in result.stdout
