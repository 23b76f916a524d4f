"""The segmenter (rjieba with the domain dictionary): its behaviour is pinned here,
so that an upgrade of rjieba or a change of dictionary that splits the domain's
words shows up as a failing test rather than as worse keyphrases."""

from __future__ import annotations

import pytest

from medsum.segment import domain_vocabulary, stopwords, tag_words


@pytest.mark.parametrize(
    "word",
    ["医共体", "三医联动", "带量采购", "城市医疗集团", "紧密型县域医共体", "分级诊疗", "医保基金", "卫生健康委", "新农合"],
)
def test_domain_words_stay_whole(word):
    text = f"今年全市继续推进{word}工作,取得明显成效。"
    assert word in [w for w, _ in tag_words(text)]


def test_domain_words_are_tagged_as_nouns():
    tags = dict(tag_words("推进三医联动和带量采购"))
    assert tags["三医联动"].startswith("n")
    assert tags["带量采购"].startswith("n")


def test_segmentation_covers_the_text_exactly():
    text = "长春市卫生健康委推进DRG支付方式改革,覆盖116家医疗机构。"
    assert "".join(w for w, _ in tag_words(text)) == text


def test_latin_acronyms_are_tokens_of_their_own():
    words = [w for w, _ in tag_words("医保DRG支付方式改革")]
    assert "DRG" in words


def test_word_lists_load_and_are_disjoint_where_it_matters():
    vocab = set(domain_vocabulary())
    assert {"医改", "医保", "公立医院"} <= vocab
    assert {"工作", "发展", "建设"} <= stopwords()
    # A domain subject is never thrown away as a generic word.
    assert not ({"医共体", "三医联动", "带量采购"} & stopwords())


def test_deterministic():
    text = "全市组建紧密型县域医共体15个,覆盖186个乡镇卫生院。"
    assert tag_words(text) == tag_words(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("单颗常规种植牙的全流程医疗服务费限制在4280元以内", "种植牙"),  # 种植 + 牙 alone
        ("医保基金即时结算改革推开后,医疗机构回款周期缩短", "即时结算"),
        ("实施健康扶贫工程,贫困人口看病就医负担减轻", "健康扶贫"),
    ],
)
def test_subjects_the_dictionary_cuts_stay_whole(text, word):
    assert word in [w for w, _ in tag_words(text)]


def test_a_disabled_person_is_one_word_not_a_capable_one():
    # The dictionary alone cuts 失/能者 ("a capable person"): keyphrases got 能者.
    assert "失能者" in [w for w, _ in tag_words("长期护理保险为失能者提供服务")]


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("认真贯彻落实好省卫健委等九部门的通知精神。", "好省"),
        ("据省医改办介绍,今年将全面推开改革。", "据省"),
        ("优质资源不断地向基层医院延伸。", "地向"),
        ("某煤矿医院院长张某介绍了医院的发展情况。", "医院院长"),
    ],
)
def test_words_the_dictionary_runs_together_are_parted(text, split):
    words = [w for w, _ in tag_words(text)]
    assert split not in words and "".join(words) == text
