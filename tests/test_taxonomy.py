"""The taxonomy: the shipped file honours the contract, bad files fail with
file:line and the key at fault, ``extends: shipped`` adds to the shipped
measures, and ``lint`` finds shadowed, unused and idle entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from medsum.errors import TaxonomyError
from medsum.taxonomy import ENV_VAR, LEVELS, load_taxonomy, lint, resolve_path, shipped_path

from conftest import MINIMAL_TAXONOMY, SHARED

MEASURES = SHARED / "domain" / "measures.yaml"

MINIMAL = MINIMAL_TAXONOMY


@pytest.fixture
def taxonomy_file(tmp_path: Path):
    def write(text: str, name: str = "tax.yaml") -> str:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


# ---------------------------------------------------------------- the shipped file


def test_shipped_taxonomy_loads_and_is_packaged():
    tax = load_taxonomy("shipped")
    assert shipped_path().is_file()
    assert tax.version
    assert len(tax.measures) >= 26
    assert sum(len(m.terms) + len(m.weak) + len(m.acronyms) for m in tax.measures) > 300


@pytest.mark.skipif(not MEASURES.is_file(), reason="shared/domain/measures.yaml not present")
def test_shipped_taxonomy_keeps_every_contract_id_and_group():
    contract = yaml.safe_load(MEASURES.read_text(encoding="utf-8"))
    tax = load_taxonomy("shipped")
    ids = {m.id for m in tax.measures}
    for measure in contract["measures"]:
        assert measure["id"] in ids
        assert tax.measure(measure["id"]).group == measure["group"]


def test_extra_measures_are_in_group_other_and_capped():
    tax = load_taxonomy("shipped")
    for m in tax.measures:
        if m.group == "other":
            assert m.max_level == "mentioned", m.id
        else:
            assert m.max_level == "primary", m.id


def test_shipped_terms_are_simplified_and_unique():
    from medsum.clean import to_simplified

    tax = load_taxonomy("shipped")
    seen: dict[str, str] = {}
    for m in tax.measures:
        for term in (*m.terms, *m.weak, *m.exclude, *m.context):
            assert to_simplified(term) == term, (m.id, term)
        for term in (*m.terms, *m.weak, *m.acronyms):
            assert seen.setdefault(term, m.id) == m.id, f"{term!r} in {seen[term]} and {m.id}"


def test_shipped_taxonomy_lints_clean_without_corpus():
    assert lint(load_taxonomy("shipped")) == []


# ---------------------------------------------------------------- choosing the file


def test_option_wins_over_environment(monkeypatch, taxonomy_file):
    path = taxonomy_file(MINIMAL)
    monkeypatch.setenv(ENV_VAR, "/nowhere.yaml")
    assert resolve_path(path) == path
    assert resolve_path(None) == "/nowhere.yaml"
    monkeypatch.delenv(ENV_VAR)
    assert resolve_path(None) == "shipped"


def test_environment_selects_the_taxonomy(monkeypatch, taxonomy_file):
    monkeypatch.setenv(ENV_VAR, taxonomy_file(MINIMAL))
    assert load_taxonomy().version == "t1"


def test_traditional_terms_are_normalised(taxonomy_file):
    tax = load_taxonomy(taxonomy_file(MINIMAL.replace("[医共体]", "[醫共體, 縣域醫共體]")))
    assert tax.measures[0].terms == ("医共体", "县域医共体")


# ---------------------------------------------------------------- errors


def _error(path: str) -> str:
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(path)
    assert info.value.exit_code == 2
    return str(info.value)


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ("    terms: [医共体]", "    term: [医共体]", 11, ["unknown key 'term'"]),
        ("    group: delivery", "    group: nowhere", 10, ["unknown group 'nowhere'", "delivery"]),
        ("schema: medsum-taxonomy/1", "schema: medsum-taxonomy/9", 1, ["schema must be"]),
        ("    terms: [医共体]", "    terms: 医共体", 11, ["'terms' of measure 'county-medical-community'", "list"]),
        ("    terms: [医共体]", "    terms: [医共体]\n    max_level: high", 12, ["'max_level'", "high"]),
        ("    terms: [医共体]", "    terms: [医共体]\n    acronyms: [DR G]", 12, ["acronym", "Latin"]),
        ("    terms: [医共体]", "    terms: [医共体, 医共体]", 11, ["duplicate term '医共体'"]),
        ('version: "t1"', 'version: "t1"\nversion: "t2"', 3, ["duplicate key 'version'"]),
        ("    zh: 县域医共体\n", "", 7, ["missing key 'zh'"]),
        ("    terms: [医共体]", "    terms: [医共体]\n    needs: {医共体: [县域]}", 12, ["'医共体' in 'needs'", "not one of its weak"]),
        ("    terms: [医共体]", "    terms: [医共体]\n    weak: [总医院]\n    needs: [总医院]", 13, ["'needs' of measure", "mapping"]),
        ("    terms: [医共体]", "    terms: [医共体]\n    weak: [总医院]\n    needs: {总医院: 县域}", 13, ["words '总医院' needs", "list"]),
        # Found by fuzzing: a key that is a list was an unhashable-type traceback.
        ("    terms: [医共体]", "    terms: [医共体]\n    [a, b]: 1", 12, ["a key in a measure", "not a list"]),
        ("    terms: [医共体]", "    terms: [医共体]\n    weak: [总医院]\n    needs: {[总医院]: [县域]}", 13, ["a key in", "not a list"]),
    ],
)
def test_errors_name_file_line_and_key(taxonomy_file, old, new, line, words):
    assert old in MINIMAL
    path = taxonomy_file(MINIMAL.replace(old, new))
    message = _error(path)
    assert message.startswith(f"{path}:{line}: "), message
    for word in words:
        assert word in message


def test_duplicate_measure_id(taxonomy_file):
    second = MINIMAL.split("measures:\n")[1].replace("[医共体]", "[县域医共体]")
    path = taxonomy_file(MINIMAL + second)
    message = _error(path)
    assert re.match(re.escape(path) + r":12: duplicate measure id 'county-medical-community'", message)


def test_term_claimed_by_two_measures(taxonomy_file):
    other = """\
  - id: medical-alliance
    zh: 医联体
    en: Medical alliance
    group: delivery
    terms: [医联体, 醫共體]
"""
    path = taxonomy_file(MINIMAL + other)
    message = _error(path)
    assert message.startswith(f"{path}:16: "), message
    assert "already claimed by measure 'county-medical-community'" in message


def test_bad_yaml_names_the_line(taxonomy_file):
    path = taxonomy_file(MINIMAL.replace("    group: delivery", "    group: [delivery"))
    message = _error(path)
    assert re.match(re.escape(path) + r":\d+: invalid YAML", message), message


def test_missing_and_empty_files(taxonomy_file, tmp_path):
    assert "not found" in _error(str(tmp_path / "absent.yaml"))
    assert _error(taxonomy_file("")).endswith("empty taxonomy file")


def test_measure_without_terms(taxonomy_file):
    path = taxonomy_file(MINIMAL.replace("    terms: [医共体]", "    terms: []"))
    assert "has no terms" in _error(path)


# ---------------------------------------------------------------- extends: shipped


def test_extends_shipped_adds_terms_measures_and_overrides(taxonomy_file):
    path = taxonomy_file(
        """\
schema: medsum-taxonomy/1
extends: shipped
version: "ours-1"
groups:
  local: {zh: 地方举措, en: Local programmes}
measures:
  - id: county-medical-community
    terms: [县域医疗健康集团]
    exclude: [医共体大厦]
  - id: gujiao-qiangyao
    zh: 固脚强腰
    en: Strengthening primary and county care
    group: local
    terms: [固脚强腰]
  - id: essential-medicines
    max_level: primary
"""
    )
    tax = load_taxonomy(path)
    shipped = load_taxonomy("shipped")
    assert tax.version == "ours-1"
    ccm = tax.measure("county-medical-community")
    assert set(shipped.measure("county-medical-community").terms) < set(ccm.terms)
    assert "县域医疗健康集团" in ccm.terms and "医共体大厦" in ccm.exclude
    assert tax.measure("gujiao-qiangyao").group == "local"
    assert tax.measure("essential-medicines").max_level == "primary"
    assert len(tax.measures) == len(shipped.measures) + 1
    assert tax.context == shipped.context


def test_extends_cannot_steal_a_shipped_term(taxonomy_file):
    path = taxonomy_file(
        """\
schema: medsum-taxonomy/1
extends: shipped
measures:
  - id: mine
    zh: 我的
    en: Mine
    group: delivery
    terms: [医共体]
"""
    )
    message = _error(path)
    assert message.startswith(f"{path}:8: ") and "already claimed by measure 'county-medical-community'" in message


def test_extends_only_shipped(taxonomy_file):
    path = taxonomy_file("schema: medsum-taxonomy/1\nextends: other.yaml\n")
    assert _error(path).startswith(f"{path}:2: 'extends' can only name 'shipped'")


def test_levels_are_shared_with_the_tagger():
    from medsum import tagger

    assert tagger.LEVELS == LEVELS == ("primary", "discussed", "mentioned")


# ---------------------------------------------------------------- lint

LINTED = """\
schema: medsum-taxonomy/1
groups:
  g: {zh: 组, en: Group}
measures:
  - id: alpha
    zh: 甲
    en: Alpha
    group: g
    terms: [医共体, 共同体, 医联]
    weak: [总院]
    exclude: [医共体大厦, 无关的词]
  - id: beta
    zh: 乙
    en: Beta
    group: g
    terms: [医联体]
  - id: gamma
    zh: 丙
    en: Gamma
    group: g
    terms: [城市医疗集团]
    exclude: [城市医疗集团]
"""


def test_lint_without_corpus(taxonomy_file):
    warnings = lint(load_taxonomy(taxonomy_file(LINTED)))
    assert any("alpha" in w and "'无关的词'" in w and "never acts" in w for w in warnings)
    assert any("alpha" in w and "weak terms 总院" in w and "no context" in w for w in warnings)
    assert any("gamma" in w and "also an exclusion" in w for w in warnings)
    assert not any("医共体大厦" in w for w in warnings)


def test_lint_with_corpus_finds_unused_and_shadowed_terms(taxonomy_file):
    tax = load_taxonomy(taxonomy_file(LINTED))
    corpus = ["本县建成紧密型医共体,组建医联体三个。", "医联体建设稳步推进。"]
    warnings = lint(tax, corpus)
    # 医联 only ever occurs inside beta's longer 医联体: shadowed.
    assert any("alpha" in w and "'医联'" in w and "shadowed" in w for w in warnings)
    # 共同体 never occurs; 医共体 fires, and is not reported.
    assert any("'共同体'" in w and "never occurs" in w for w in warnings)
    assert not any("'医共体'" in w for w in warnings)
    # A shorter wording inside a longer one of the same measure is not shadowed.
    assert not any("'医联体'" in w for w in warnings)


def test_a_weak_term_may_need_words_of_its_own(taxonomy_file):
    from medsum.tagger import find_matches, tag
    from medsum.clean import clean
    from medsum.reader import read_text

    path = taxonomy_file(
        MINIMAL.replace("    terms: [医共体]", "    terms: [医共体]\n    weak: [总医院]\n    needs: {总医院: [县域]}")
    )
    taxonomy = load_taxonomy(path)
    assert dict(taxonomy.measure("county-medical-community").needs) == {"总医院": ("县域",)}

    def level(text: str) -> str | None:
        tags = {t.id: t.level for t in tag(clean(read_text(text)), taxonomy)}
        return tags.get("county-medical-community")

    # The measure's context (the top-level one) does not do for it; its own words do.
    assert level("县级医院改革\n\n全县组建总医院,统一管理乡镇卫生院,医疗服务能力明显提升。") is None
    assert level("县级医院改革\n\n县域内组建总医院,统一管理乡镇卫生院,医疗服务能力明显提升。") is not None
    assert find_matches("县域内组建总医院", taxonomy)


# ---------------------------------------------------------------- the cache of parsed files


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    import medsum.taxonomy as taxonomy

    folder = tmp_path / "cache"
    monkeypatch.setenv(taxonomy.CACHE_ENV, str(folder))
    taxonomy._load.cache_clear()
    yield folder
    taxonomy._load.cache_clear()


def test_a_parsed_taxonomy_is_kept_and_read_back_without_parsing(fresh_cache, taxonomy_file, monkeypatch):
    import medsum.taxonomy as taxonomy

    path = taxonomy_file(MINIMAL)
    first = load_taxonomy(path)
    assert len(list(fresh_cache.glob("taxonomy-*.json"))) == 1
    taxonomy._load.cache_clear()

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(taxonomy, "_parse", no_parsing)
    assert load_taxonomy(path) == first


def test_the_shipped_taxonomy_read_back_equals_the_parsed_one(fresh_cache):
    import medsum.taxonomy as taxonomy

    parsed = load_taxonomy()
    taxonomy._load.cache_clear()
    assert load_taxonomy() == parsed  # read from the cache this time
    assert taxonomy._parse(shipped_path().read_text(encoding="utf-8"), str(shipped_path())) == parsed


def test_an_edited_taxonomy_is_parsed_again(fresh_cache, taxonomy_file):
    import medsum.taxonomy as taxonomy

    path = taxonomy_file(MINIMAL)
    load_taxonomy(path)
    taxonomy._load.cache_clear()
    Path(path).write_text(MINIMAL.replace("[医共体]", "[医共体, 县域医共体]"), encoding="utf-8")
    assert "县域医共体" in load_taxonomy(path).measure("county-medical-community").terms


@pytest.mark.parametrize("kind", ["off", "unwritable", "corrupt"])
def test_a_cache_that_cannot_serve_is_skipped(tmp_path, monkeypatch, taxonomy_file, kind):
    import medsum.taxonomy as taxonomy

    path = taxonomy_file(MINIMAL)
    if kind == "off":
        monkeypatch.setenv(taxonomy.CACHE_ENV, "off")
    elif kind == "unwritable":
        blocker = tmp_path / "a-file"
        blocker.write_text("x")
        monkeypatch.setenv(taxonomy.CACHE_ENV, str(blocker / "cache"))  # a folder inside a file
    else:
        folder = tmp_path / "cache"
        monkeypatch.setenv(taxonomy.CACHE_ENV, str(folder))
        taxonomy._load.cache_clear()
        load_taxonomy(path)
        for file in folder.glob("taxonomy-*.json"):
            file.write_text("{not json", encoding="utf-8")
    taxonomy._load.cache_clear()
    assert load_taxonomy(path).measure("county-medical-community").terms == ("医共体",)
    taxonomy._load.cache_clear()
    if kind == "off":
        assert not list(tmp_path.glob("**/taxonomy-*.json"))


def test_a_bad_taxonomy_is_never_cached(fresh_cache, taxonomy_file):
    path = taxonomy_file(MINIMAL.replace("    group: delivery", "    group: nowhere"))
    for _ in range(2):
        import medsum.taxonomy as taxonomy

        taxonomy._load.cache_clear()
        with pytest.raises(TaxonomyError, match="unknown group"):
            load_taxonomy(path)
    assert not list(fresh_cache.glob("taxonomy-*.json"))


def test_a_cache_write_that_fails_half_way_leaves_nothing_behind(fresh_cache, taxonomy_file, monkeypatch):
    import medsum.taxonomy as taxonomy

    def broken(_taxonomy):
        raise OSError("disk full")

    monkeypatch.setattr(taxonomy, "_to_json", broken)
    assert load_taxonomy(taxonomy_file(MINIMAL)).measure("county-medical-community")
    assert not list(fresh_cache.glob("*"))


def test_a_cache_file_of_the_wrong_shape_is_skipped(fresh_cache, taxonomy_file):
    import medsum.taxonomy as taxonomy

    path = taxonomy_file(MINIMAL)
    load_taxonomy(path)
    for file in fresh_cache.glob("taxonomy-*.json"):
        file.write_text('{"measures": [1, 2], "groups": "x"}', encoding="utf-8")
    taxonomy._load.cache_clear()
    assert load_taxonomy(path).measure("county-medical-community").terms == ("医共体",)
