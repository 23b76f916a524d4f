"""Cleaning: from decoded page text to one ``Document`` value.

The stages, in order:

1. ``markup.extract``: the container (front matter, template code, HTML).
2. Character normalisation: line ends, invisible characters, full-width
   ASCII folded to half-width, letter-spaced lines closed up (``医 疗``),
   pinyin annotations (``醫(yī)``) removed.
3. Script: Traditional is converted to Simplified with OpenCC for analysis,
   line by line and length-preserving, so every offset into the Simplified
   text is also an offset into the article's own script.
4. Line rules (``debris``): navigation, contact blocks, share/close notices,
   counters, previous/next links, copyright and disclaimers, bylines, photo
   credits, repeated SEO captions, reposting notices, template code, the page
   numbers of text taken from a PDF. They are general rules over the shape of
   a line, never strings from one page.
5. Metadata (title, date, source, author) from labelled lines, datelines,
   bylines and what the container said.
6. Paragraph repair: lines broken in the middle of a sentence are joined;
   a text hard-wrapped at a fixed width (a PDF's 28 characters a line) is
   recognised, and its full lines go on in the next whatever that line is.
7. Headings told apart from sentences; sentences split on 。！？!?… and
   paragraph ends, keeping closing quotes and brackets with their sentence (a
   semicolon joins clauses of one sentence, as annotators quote it).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache

from medsum.document import Document, Metadata, Paragraph, Removed, Sentence
from medsum.markup import extract
from medsum.reader import RawInput

# --------------------------------------------------------------------------
# Character normalisation

class _Lazy:
    """A pattern compiled on first use, and tried only where ``guard`` allows.

    A class of Chinese characters takes a millisecond or more to compile, and
    a command that reads one file pays for every pattern at start-up. These
    rarer rules (a paper's affiliations, an agency's dateline, ...) are
    compiled when a text first needs them, and tried only on lines that could match.
    """

    __slots__ = ("_pattern", "_guard", "_re")

    def __init__(self, pattern: str, guard=None) -> None:
        self._pattern = pattern
        self._guard = guard
        self._re = None

    def _compiled(self) -> re.Pattern:
        if self._re is None:
            self._re = re.compile(self._pattern)
        return self._re

    def _wanted(self, s: str) -> bool:
        return self._guard is None or self._guard(s)

    def search(self, s: str):
        return self._compiled().search(s) if self._wanted(s) else None

    def match(self, s: str):
        return self._compiled().match(s) if self._wanted(s) else None

    def finditer(self, s: str):
        return self._compiled().finditer(s) if self._wanted(s) else iter(())

    def sub(self, repl, s: str) -> str:
        return self._compiled().sub(repl, s) if self._wanted(s) else s


_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u0085\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
#: ... and the small forms some pages print for marks and figures: "65﹒2%", "41﹐745例", "﹙一﹚".
_FULLWIDTH.update({
    0xFE50: ",", 0xFE51: "、", 0xFE52: ".", 0xFE54: ";", 0xFE55: ":", 0xFE56: "?", 0xFE57: "!",
    0xFE59: "(", 0xFE5A: ")", 0xFE5B: "{", 0xFE5C: "}", 0xFE5D: "〔", 0xFE5E: "〕", 0xFE5F: "#",
    0xFE60: "&", 0xFE61: "*", 0xFE62: "+", 0xFE63: "-", 0xFE64: "<", 0xFE65: ">", 0xFE66: "=",
    0xFE68: "\\", 0xFE69: "$", 0xFE6A: "%", 0xFE6B: "@",
})
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# After a character, or after another annotation: 山水(shan)(shui).
_PINYIN = re.compile(
    # A syllable, or a word's syllables run together when they carry a tone: 神经内科(shénjīngnèikē).
    r"(?<=[\u3400-\u9fff)])\(((?=[a-zü" + _TONED + r"]{8,30}\))[a-zü]*[" + _TONED + r"][a-zü" + _TONED + r"]*"
    r"|[a-zü" + _TONED + r"]{1,7})\)"
    # ... with the space some converters leave after it, inside a word: "簽約儀(yi) 式".
    r"( (?=[\u3400-\u9fff，。、；：,]))?"
)
_HAS_TONE = re.compile("[" + _TONED + "]")
# An annotation cut at the end of a line: "股價也出現(xi".
_CUT_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])\([a-zü" + _TONED + r"]{1,7}$", re.M)
# An annotation whose brackets were lost to a bad decode: "家?guī)?。".
_BROKEN_PINYIN = re.compile(
    # The "?" after it is the lost character's too, unless another annotation follows: "部?jī)?yōu)質".
    r"[?\ufffd]\(?([a-zü" + _TONED + r"]{1,7})\)(?:[?\ufffd](?![a-zü" + _TONED + r"]{1,7}\)))?"
)

_TERMINAL = "。！？!?；;…"
_CLOSERS = "”’」』）)】》\"'〕"
_SENTENCE_END = re.compile(r"[。！？!?…]+[" + re.escape(_CLOSERS) + r"]*")


_PUNCT = "!-/:-@\\[-`{-~"
#: The run after a lost byte, to its end (one pass: the run is repaired when it
#: has a private-use character, see ``repair_gbk_shift``).
_GBK_SHIFT = re.compile("\\?((?:[^\\x00-\\x7f\\s]|[" + _PUNCT + "])*[A-Za-z]?)")
_PRIVATE_USE = re.compile("[\\ue000-\\uf8ff]")


#: The same without a private-use character: "正?;顒幽芰κ艿较拗苹蛉笔?" (正常活動能力
#: 受到限制或缺失). Repaired only when the run reads as rare characters and the
#: repair as common ones.
_GBK_SHIFT_PLAIN = _Lazy("\\?([" + _PUNCT + "]?[^\\x00-\\x7f\\s]{3,40}\\??)")
#: GB2312's first level: the 3,755 characters of everyday text.
_LEVEL_ONE = (0xB0A1, 0xD7F9)


def _common_share(chars: str) -> float:
    """Share of ``chars`` (past ASCII) that are everyday characters, in either script.

    Unlike the reader's test of a decode, every non-ASCII character counts,
    symbols too: a "repair" into ∮谋ｅ≤ is no repair."""
    chars = [c for c in chars if not c.isascii()]
    if not chars:
        return 0.0
    common = 0
    for c in chars:
        try:
            code = int.from_bytes(to_simplified(c).encode("gb2312"), "big")
        except UnicodeError:
            continue
        common += _LEVEL_ONE[0] <= code <= _LEVEL_ONE[1]
    return common / len(chars)


def repair_gbk_shift(text: str) -> str:
    """Repair GBK text decoded one byte out of step (``投入?!笆\\ue1a2奈濉逼陂g``).

    Such runs start where a lead byte was lost (shown as ``?``) and contain
    private-use characters, which real text never has. Re-encoding the run
    and decoding it again with the lost byte restored gives the text back.
    The lost byte is the one that makes a word with the character before
    (医? -> 医保, 日? -> 日常); failing that, the CJK punctuation row, 0xA1,
    where sentences end (投入? -> 投入。“十四五”期間). A run whose last
    characters do not decode is repaired up to them; a run that does not
    decode at all is left as it is.
    """
    if "?" not in text:
        return text

    def shift(m: re.Match) -> str:
        run = m.group(1)
        lost = ""
        if run.endswith("?"):
            # Where the text fell back into step, a character was lost with
            # the next byte ("全?022年" for "全。2022年"): it stays a "?".
            run, lost = run[:-1], "?"
        try:
            chars = [
                (chr(ord(c) + 0xFEE0) if c.isascii() and not c.isalnum() else c).encode("gb18030") for c in run
            ]
        except UnicodeError:
            return m.group(0)
        before = _char_before(m.string, m.start())
        for keep in range(len(chars), max(0, len(chars) - 3), -1):
            data = b"".join(chars[:keep])
            if len(data) % 2 == 0:
                data = data[:-1]  # the lead byte of a character cut off by the next loss
            fixed = _decode_shifted(data, before)
            if fixed is not None:
                return fixed + run[keep:] + lost
        return m.group(0)

    text = _GBK_SHIFT.sub(lambda m: shift(m) if _PRIVATE_USE.search(m.group(1)) else m.group(0), text)
    if _GBK_SHIFT_PLAIN.search(text) is None:
        return text

    def fix_plain(m: re.Match) -> str:
        run = m.group(1)
        if _common_share(run) > 0.6:
            return m.group(0)  # a real question: "降了几多?安徽是…"
        fixed = shift(m)
        return fixed if _common_share(fixed.rstrip("?")) >= 0.9 else m.group(0)

    return _GBK_SHIFT_PLAIN.sub(fix_plain, text)


_PINYIN_BEFORE = re.compile(r"\([^()]{1,8}\)$")


def _char_before(text: str, at: int) -> str:
    """The character before ``at``, past a pinyin annotation: 醫(yī)? -> 醫."""
    before = _PINYIN_BEFORE.sub("", text[max(0, at - 12):at])
    return before[-1:]


def _decode_shifted(data: bytes, before: str) -> str | None:
    """``data`` decoded with its lost lead byte put back, or None."""
    readings = []
    for lead in range(0x81, 0xFF):
        try:
            reading = (bytes([lead]) + data).decode("gbk")
        except UnicodeError:
            continue
        if not re.search("[\ue000-\uf8ff]", reading):
            readings.append((lead, reading))
    if not readings:
        return None
    ends = next((r for lead, r in readings if lead == 0xA1), None)
    if ends and ends[0] in "。，、；：" and ends[1:2] in ("“", "‘", "《", "（", "「"):
        return ends  # a sentence ends where a quotation opens: 投入。“十四五”
    if before:
        words = _common_words()
        for _, reading in readings:
            if to_simplified(before + reading[0]) in words:
                return reading
    return ends


@cache
def _common_words() -> frozenset[str]:
    """Two-character words of general text (the IDF table's) and of the domain."""
    from medsum.segment import domain_vocabulary, idf

    return frozenset(w for w in (*idf(), *domain_vocabulary()) if len(w) == 2)


#: A bullet between two names is their separator: "草原云•内蒙古新闻网".
_NAME_BULLET = _Lazy(r"(?<=[\u4e00-\u9fff])[•∙・](?=[\u4e00-\u9fff])", lambda s: "•" in s or "∙" in s or "・" in s)


def normalize_chars(text: str) -> str:
    """Normalise characters without changing what the text says."""
    text = repair_gbk_shift(text)
    text = _NAME_BULLET.sub("·", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = text.translate(_FULLWIDTH)
    if _LETTER_GAP.search(text):
        text = "\n".join(map(close_letter_spacing, text.split("\n")))
    text = _SPACES.sub(" ", text)
    text = _LOST_INDENT.sub("", text)
    text = _LOST_TAIL.sub("", text)
    text = _LOST_GAP.sub(" ", text)
    text = _CITATION.sub("", text)
    text = _LOST_ENTITY.sub(lambda m: html.unescape("&" + m.group(1) + ";"), text)
    if _JAMMER.search(text):
        text = _JAMMER.sub(lambda m: "" if _is_jammer(m.group(0)) else m.group(0), text)
    return strip_pinyin(text)


#: An HTML entity whose "&" a lossy conversion turned into a question mark: "?rdquo;" for ”.
_LOST_ENTITY = _Lazy(r"[?？](rdquo|ldquo|rsquo|lsquo|nbsp|quot|mdash|ndash|hellip|middot|times|amp);", lambda s: ";" in s)
#: An indent of ideographic spaces that a lossy conversion turned into question
#: marks: "??? 一、关于多元复合式医保支付方式改革".
_LOST_INDENT = _Lazy(r"(?m)^ ?\?{2,} ?(?=[^?\s])", lambda s: "??" in s)
#: ... and the spaces that padded a signature to the right: "某市医疗保障局????????".
_LOST_TAIL = _Lazy(r"(?m)(?<=[^?\s]) ?\?{4,} *$", lambda s: "????" in s)
#: ... and the spaces between a date and its time: "2023-11-18???08:46:09".
_LOST_GAP = _Lazy(r"(?<=\d)\?{2,}(?=\d)", lambda s: "??" in s)


#: A forum's anti-copying noise between the lines of a post (Discuz! puts it in
#: hidden spans): runs of one- or two-character ASCII scraps, "& a6 X! B$ Z\" B: ^2".
_JAMMER = re.compile(r"(?<![!-~])(?:[!-~]{1,2} {1,2}){3,}[!-~]{1,2}(?![!-~])")


def _is_jammer(run: str) -> bool:
    """Letters and punctuation mixed in most scraps: not a list (A B C D), not numbers."""
    scraps = run.split()
    letters = sum(1 for t in scraps if any(c.isalpha() for c in t))
    marks = sum(1 for t in scraps if any(not c.isalnum() and c not in "|-" for c in t))
    return letters >= 2 and marks >= 2 and letters + marks >= len(scraps)


#: Reference marks after a word or a clause: "提升医疗宏观效率 [1][2][5]", "互联网医疗[6]".
#: A "[1]" that starts a line (an item of a reference list) stays.
_CITATION = _Lazy(r"(?<=[\u3400-\u9fff。,;:%)”\"'])\s?(?:\[\d{1,3}(?:\s?[-–,]\s?\d{1,3})*\])+", lambda s: "[" in s)


#: A gap between two Chinese characters: a line of them is letter-spaced.
_LETTER_GAP = re.compile(r"[\u3400-\u9fff][ \t\u00a0\u3000]+[\u3400-\u9fff]")
_ONE_GAP = re.compile(r"(?<=\S)[ \u00a0\u3000](?=\S)")
#: A letter-spaced line has at least this many pieces between spaces, nearly all one character.
SPACED_MIN_PIECES = 6
SPACED_SHARE = 0.7


def close_letter_spacing(line: str) -> str:
    """Take out the spaces of a letter-spaced line: "医 疗 改 革" -> "医疗改革".

    Text copied out of a PDF (and some pages' headings) puts a space after
    every character. A line is taken as letter-spaced when nearly all its
    pieces between spaces are single characters; single spaces go, and a
    wider gap (between words of the spacing) stays as one space. Spaces that
    separate the phrases of a headline ("中办 国办印发《意见》") leave pieces of
    several characters and are kept.
    """
    pieces = [p for p in re.split(r"[ \t\u00a0\u3000]+", line) if p]
    if not _LETTER_GAP.search(line) or _is_ui_line(line.strip()):
        return line  # "大 中 小" is a row of buttons (font sizes), not a word
    if all(len(p) == 1 and "\u3400" <= p <= "\u9fff" for p in pieces):
        return "".join(pieces)  # a spaced heading or name: "通  知", "张 三"
    if len(pieces) < SPACED_MIN_PIECES:
        return line
    if sum(len(p) == 1 for p in pieces) < SPACED_SHARE * len(pieces):
        return line
    return _ONE_GAP.sub("", line)


def strip_pinyin(text: str) -> str:
    """Remove pinyin glued after characters by bad converters: 醫(yī) -> 醫.

    A toneless ``(de)`` is only taken as pinyin in a text that already has
    tone-marked annotations, or many toneless ones that are all pinyin
    syllables (海之(zhi)內外), so that ``方案(a)`` in a normal text survives.
    """
    found = _PINYIN.findall(text)
    if not found:
        return text
    matches = [m[0] for m in found]
    # A converter that writes "(yi) " after every character it annotates left
    # those spaces inside words ("簽約儀(yi) 式"); where only some annotations
    # have one, it is the text's own (a list of names, an address).
    spaced = sum(1 for m in found if m[1]) >= SPACED_PINYIN_SHARE * len(found)
    _without_pinyin = _without_annotation if spaced else _without_annotation_only
    toned = sum(1 for m in matches if _HAS_TONE.search(m))
    if toned == 0:
        if len(matches) < TONELESS_MIN or not all(_SYLLABLE.match(m) for m in matches):
            return text
        return _PINYIN.sub(_without_pinyin, text)
    if toned >= 3:
        text = _BROKEN_PINYIN.sub(lambda m: "" if _HAS_TONE.search(m.group(1)) else m.group(0), text)
        text = _CUT_PINYIN.sub("", text)  # an annotation the page's excerpt cut: "…股價也出現(xi"
        # Such converters also put a comma before every mark: "城市,,不僅", "縣,、鄉".
        return _COMMA_BEFORE_MARK.sub("", _PINYIN.sub(_without_pinyin, text))
    return _PINYIN.sub(lambda m: _without_pinyin(m) if _HAS_TONE.search(m.group(1)) else m.group(0), text)


#: The share of annotations followed by a space that makes the spaces the converter's.
SPACED_PINYIN_SHARE = 0.8


def _without_annotation(m: re.Match) -> str:
    """An annotation goes, and the space after it, unless the space is one of a
    spaced-out name's ("徐 進(jìn) 方 海": 徐進 and 方海 stay apart)."""
    space = m.group(2) or ""
    return space if space and m.start() >= 2 and m.string[m.start() - 2] == " " else ""


def _without_annotation_only(m: re.Match) -> str:
    return m.group(2) or ""


#: Toneless annotations are pinyin when there are this many, all syllables.
TONELESS_MIN = 5
_SYLLABLE = re.compile(
    r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong"
    r"|u|ua|uo|uai|ui|uan|un|uang|ueng|v|ve|ü|üe|ue)$"
)
_COMMA_BEFORE_MARK = re.compile(r",(?=[,、。;:!?])")


# --------------------------------------------------------------------------
# Script


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(line: str) -> str:
    """Convert one line to Simplified, keeping its length (and so offsets)."""
    if not line or line.isascii():
        return line
    converted = _t2s().convert(line)
    if len(converted) == len(line):
        return converted
    # A phrase conversion changed the length: fall back to characters.
    convert = _t2s().convert
    return "".join(c if len(out := convert(c)) != 1 else out for c in line)


def detect_script(original: str, simplified: str) -> str:
    cjk = sum(1 for c in original if "\u4e00" <= c <= "\u9fff")
    changed = sum(1 for a, b in zip(original, simplified) if a != b)
    if cjk and changed >= 3 and changed / cjk >= 0.01:
        return "traditional"
    return "simplified"


# --------------------------------------------------------------------------
# Line rules

#: A line of spam longer than this may hold the article after it (a page flattened into one line).
SPAM_PREFIX_LINE = 120
#: A line longer than this keeps its text when spam words are injected into it
#: (shorter lines with spam are spam: see ``_is_spam``).
SPAM_WORD_LINE = 40
#: The least share of Chinese characters in a headline: "中国移动21万PC服务器集采:华为鲲鹏占16.21%,…"
#: is half figures and Latin.
TITLE_CJK_SHARE = 0.4
#: The longest line above a marked headline that is read as a menu item.
MENU_ITEM_CHARS = 8

_UI_WORDS = frozenset(
    """分享 分享到 关闭 关闭窗口 打印 打印本页 打印文章 收藏 收藏本页 加入收藏 设为首页 返回 返回顶部
    返回首页 返回列表 顶部 首页 主页 登录 注册 退出 搜索 字号 大 中 小 默认 纠错 评论 点赞 转发 推荐
    微信 微博 QQ空间 QQ 朋友圈 微信扫一扫 扫一扫 扫码 手机扫码 二维码 扫描二维码 在线留言 留言
    免费通话 免费咨询 24小时免费咨询 在线咨询 咨询热线 联系我们 关于我们 网站地图 相关产品 相关新闻
    相关阅读 相关文章 推荐阅读 热门推荐 热点推荐 延伸阅读 更多 查看更多 更多>> 新闻资讯 新闻中心
    QQ资讯 Share share 邮箱 郵箱 下载 附件 上一页 下一页 全文 阅读全文 展开 收起 浏览 人浏览 次浏览 查看原文 阅读原文 原文
    原始资料来源 资料来源 报名 立即报名 订阅 关注 返回搜狐 查看更多 字体 字号大 字号中 字号小 繁体 简体
    繁體 简体版 无障碍 关怀版 English 跳到主要内容 跳至主要内容 跳过导航 回复 发帖 正在阅读 标签 关联信息 相关信息 相关链接
    网站首页 政务公开 信息公开 政府信息公开 办事服务 网上办事 互动交流 政民互动 新闻动态 政务动态
    工作动态 通知公告 政策法规 政策解读 公众参与 便民服务 专题专栏 机构设置 领导信息 在线访谈
    意见征集 图片新闻 视频新闻 查看 网友评论 网友评论更多 书签 logo LOGO 头条 要闻 快讯 载入更多 加载更多 消息推送 频道 底部 标题导航 版面导航 我要评论 发表评论 评论区 营业执照公示信息 营业执照
    握手 路过 雷人 鲜花 鸡蛋 最新评论 热门资讯 一周热门团购 本题链接 文字大小
    点击加载更多 长者助手 长者模式 我的收藏 规章库 阅读 上一主题 下一主题 文内图表 参考文献 出版信息
    下载资源 资源描述 举报 大字号 中字号 小字号 进入论坛 from clipboard VIP专免 VIP专享 VIP免费 海报 侵权投诉
    分享至好友和朋友圈 分享到朋友圈 分享给微信好友或者朋友圈 用微信扫描二维码 本文插图 APP下载 loading loading...
    意见反馈 手机随时随地看行情 取消 正文 立刻打印 立即打印 立即登录 编辑推荐 下载公告 订户 了解更多 字体大小 没有评论 暂无评论 语音播报 客服 ta的文章 TA的文章
    政府信息公开指南 政府信息公开制度 法定主动公开内容 政府网站年度工作报表 政府信息公开年报 依申请公开
    政府信息公开目录 重点领域公开 主动公开 找回密码 忘记密码 立即注册 免费注册 客服电话 客服热线""".split()
)
#: "You are here" before a breadcrumb, as sites word it.
_YOU_ARE_HERE = (
    "您当前所在位置|当前所在位置|当前位置|您当前位置|您的位置|您现在的位置是|您现在的位置|你的位置|您当前的位置|您的当前位置|你的当前位置"
    "|您所在的位置|你所在的位置|你当前的位置|您现在所在的位置|现在所在的位置|所在位置"
)
#: The labels of a site's bar of search words.
_HOT_SEARCH = "热门关键词|热门关键字|热门搜索|热门标签|热搜词|搜索热词"
_NAV_START = re.compile(
    r"^(?:" + _HOT_SEARCH + r")\s*[:：]"  # a site's keyword bar
    r"|^(?:\d{1,2}\.\s*)?(首页|" + _YOU_ARE_HERE + r"|位置)\s*[:>»/｜|\s]"  # (an HTML list's number kept: "1. 您现在的位置:首页")
    # A breadcrumb of any site: "深圳科技网 > 新闻 > 正文".
    r"|^[^>»›。,，]{1,20}(?:\s*[>»›]\s*[^>»›。,，]{1,12}){2,}$"
    r"|^[^>»›。,，]{1,20}(?:\s*[>»›]\s*[^>»›。,，]{1,12})+\s*[>»›]\s*$"  # "中国健康发展网:主页 > 要闻 >"
    r"|^[^>»›。,，]{0,16}(?:首页|主页|网|站|频道|查询)(?:\s*[>»›]\s*[^>»›。,，]{1,12}){1,4}\s*[>»›]\s*[^>»›。,，]{13,40}$"  # "…查询>天气资讯>某市发布寒潮蓝色预警"
)
#: A site's bar of hot searches, however long: "标王 热搜: 浙江  盐酸  白藜芦醇  …" (words, no sentence).
_KEYWORD_BAR = _Lazy(
    r"^(?:\S{1,6}\s+)?(?:热搜|" + _HOT_SEARCH + r"|标签|文章标签|本文标签)\s*[:：]\s*[^\s。，,；;]{1,20}(?:\s+[^\s。，,；;]{1,20}){2,}\s*$",
    lambda s: "热" in s[:12] or "标签" in s[:8],
)
#: A book's card in a book's excerpt: "出版社:人民卫生出版社".
_BOOK_FIELD = _Lazy(r"^(?:出版社|出版时间|出版日期|ISBN|书号|开本|页数|装帧)\s*[:：]", lambda s: s[:1] in "出IS书开页装")
#: A table's header row whose rows are gone, its cells run together: "序号相关供应商供应商地址".
_TABLE_HEADER = _Lazy(r"^序号(?:\s*[\u4e00-\u9fff]{2,10}){1,6}$", lambda s: s.startswith("序号"))
_CONTACT = re.compile(
    r"^(地址|电话|联系电话|邮箱|电子邮箱|传真|邮编|网址|手机|座机|热线|服务热线|采编热线|新闻热线|报料热线|客服|E-?mail|email|QQ|微信号?|公众号)\s*[:：]"
    r"|^(?:广告|商务|投稿)?(?:联系|合作)(?:QQ|电话|微信)\s*[:：]?\s*\d",  # "广告联系QQ443652"
    re.I,
)
_EMAIL_OR_PHONE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}[-—–－]?\d{7,8}|400-?\d{3}-?\d{4}|400-\d{4}-\d{3})(?!\d)")
_PREV_NEXT = re.compile(r"^[\[【]?(上一篇|下一篇|上一条|下一条|上篇|下篇|上一则|下一则|前一篇|后一篇)")
#: An e-paper's page and issue controls: "第B011版:信息披露 上一版 下一版", "2026年02月12日 星期四 上一期 下一期".
_EPAPER_NAV = _Lazy(
    r"上一版\s*下一版|上一期\s*下一期|查看版面\s*PDF"
    r"|^第\s*\d{3,6}\s*期\s*[:：]?\s*第\s*[A-Z]?\d{1,3}\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff]{1,6})?$"  # "第7393期:第01版 首版"
    r"|^[^。,，|｜]{2,20}官方网站\s*[|｜][^。!！?？]*(?:首页|今天是)",  # "陕西工人报官方网站 | 陕工网首页 今天是"
    lambda s: "上一" in s or "PDF" in s or "版" in s or "官方网站" in s,
)  # "15版 信息披露 查看版面PDF"
_COPYRIGHT = re.compile(
    r"版权所有|版权为[^。]{1,20}所有|版权与免责声明|免责声明|版权声明|版权说明|凡注明|本网站专稿|知识产权|^【声明】|^声明[:：]\s*本(?:站|网)|投资需谨慎|不构成(?:个人|任何)?投资建议|Copyright|©|Powered\s+by\b|ICP备|ICP证|公网安备|All Rights Reserved|主办单位[:：]|承办单位[:：]",
    re.I,
)
_DISCLAIMER_BODY = re.compile(r"本网|本站|本平台|版权|转载|侵权|免责|著作权")
_REPOST = re.compile(
    r"转载于|转载自|转载请标注|转载请注明|转载务必注明|转载须注明|转载必须注明|转载请保留|如有侵权|侵权请|联系删除|请联系我们删除|版权归原作者|版权归作者|不代表本(?:网|站|平台)|仅供参考|文章来源于网络|来源于网络|来自网络"
    # "声明:转载此文是出于传递更多信息之目的。", "…与本站立场无关", "…并请自行核实相关内容。"
    r"|出于传递更多信息之目的|侵犯了您的合法权益|与本站立场无关|请自行核实|郑重声明"
    # "特别提醒:如果我们使用了您的图片,请作者与本站联系索取稿酬。"
    r"|请作者与本站联系|与本站联系索取稿酬|不希望作品出现在本站"
    # A platform's notice on what its users post: "…为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。",
    # a comment box's: "(网友评论仅供其表达个人看法,并不表明本站立场)".
    r"|仅提供信息存储服务|网友评论仅供其表达个人看法"
    # A quote page's notice: "港股即时基本市场行情由香港交易所提供; 香港交易所指定免费发放即时基本市场行情的网站".
    r"|基本市场行情由香港交易所提供|指定免费发放即时基本市场行情"
)
_BYLINE_LABEL = re.compile(
    r"^[(（【\[]?\s*(?:首席|特约|见习|本报|全媒体|融媒体)?(责任编辑|编辑|主编|审核|审校|校对|终审|初审|复审|一审|二审|三审|排版|监制|统筹|撰稿|文字|文/图|图/文|文|图|摄影|摄像|记者|通讯员|实习生|责编|编审|出品|网页制作|网页设计|视觉设计|设计|美术|插画|影音|制作|数据整理|资料整理|文、图|图、文|撰文|受访专家|受访嘉宾|受访者|编导|助导)\s*[:：/|丨]"
)
#: A Taiwanese paper's byline: "记者陶某某/台北报导".
_BYLINE_PLACE = _Lazy(
    r"^(?:(?P<outlet>[\u4e00-\u9fff]{2,8})(?:\s+|\s*[/／]\s*))?记者\s*[\u4e00-\u9fff·]{2,4}\s*[/／]\s*[\u4e00-\u9fff]{2,6}报[导道]$",
    lambda s: "记者" in s[:10],
)
#: An editor's credit in brackets, without a colon: "【责任编辑 周某】".
_BRACKETED_EDITOR = _Lazy(
    r"^[【\[(（]\s*(?:责任编辑|编辑|责编)\s+[\u4e00-\u9fff·]{2,4}\s*[】\])）]$|^(?:责任编辑|责编)\s+[\u4e00-\u9fff·]{2,4}$",
    lambda s: "编" in s[:5],
)  # (or with none: "责编 谭某某")
_BYLINE_PAREN = re.compile(
    # "(新华社记者 王某/图)", "(记者:梁某某 胡某某)", "(编辑:洪某某)".
    r"^[(（](?:[\u4e00-\u9fff]{2,6}?)?(?:本报|全媒体|融媒体|特约)?(?:记者|通讯员|文/图|图/文|文|作者|编辑|责任编辑)\s*[:：]?[^()（）]{1,50}[)）]$"
)
_FIRST_NAME_END = re.compile(r"\s?(?:通讯员|实习生)\s?|[\s、,]")
_BYLINE_TAIL = re.compile(
    # "工人日报-中工网记者 李丹青", "大河报·大河客户端记者魏浩通讯员郑良子".
    r"^(?P<outlet>[\u4e00-\u9fffA-Za-z0-9/·-]{0,20}?)\s?(?:全媒体|融媒体|新媒体|首席|特约|见习|本报|本台|本网)?(?:记者|通讯员|实习生)\s*"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(?:(?:[\s、,]|\s?(?:通讯员|实习生)\s?)[\u4e00-\u9fff·]{2,4}){0,4})(?:\s+(?:文/图|图/文|文图))?$"
)
#: A reporter's two-character name printed spaced out: "本报记者 张 健".
_SPACED_NAME_BYLINE = _Lazy(
    r"^(?:本报|本台|本网|特约|全媒体|融媒体)?(?:记者|通讯员)\s*[\u4e00-\u9fff]\s{1,2}[\u4e00-\u9fff]$",
    lambda s: "记者" in s or "通讯员" in s,
)
#: A line all in brackets: a caption or a credit ("( 姜某和陪伴了他31年的老出诊箱 )", "(杜某)").
_BRACKETED = re.compile(
    r"^[(（](?![一二三四五六七八九十百\d]+[)）])(?!\d{4}年?版|试行|暂行|修订|征求意见稿|草案|送审稿)[^()（）]{1,40}[)）]$"
)
#: A figure alone on its line: a ticker's quote and change ("17,809.66", "+436.63 (+2.51%)").
_FIGURE_ONLY = re.compile(r"^[+\-−]?[\d,]+(?:\.\d+)?%?(?:\s*[(（][+\-−]?[\d,]+(?:\.\d+)?%?[)）])?$")
#: A search phrase said twice for a search engine: "翡翠手镯能接触沐浴露吗 翡翠手镯能接触沐浴露吗女".
_DOUBLED_PHRASE = _Lazy(r"^(?P<p>[^\s,，。]{4,30})\s+(?P=p)\S{0,4}$", lambda s: " " in s)
#: A document farm's sales sentence after the text it sells: "为助力整治行动高效开展,精心整理了…方案汇编,
#: 提供全面且实用的方案参考。"
_INLINE_SALES = _Lazy(
    r"(?<=[。！？!?])[^。！？!?]*(?:精心整理了[^。]{0,40}(?:汇编|合集|大全|范本)|提供全面且实用的)[^。！？!?]*[。！？!?]?",
    lambda s: "精心整理了" in s or "全面且实用" in s,
)
#: A trade's advert with its mobile number, injected into a sentence: "清晨5点半,惠阳月嫂13825404095山东省…".
_INLINE_PHONE_AD = _Lazy(
    r"(?<=[\u4e00-\u9fff,，])([\u4e00-\u9fff]{2,4})1[3-9]\d{9}(?=[\u4e00-\u9fff])",
    lambda s: any(c.isdigit() for c in s),
)
#: ... unless the words before the number say it is one to call: "请拨打13812345678咨询".
_CONTACT_WORDS = ("电话", "热线", "手机", "拨打", "联系", "咨询", "致电", "号码", "微信", "短信")
#: An outlet's name with its follow button: "经济观察报 关注".
_FOLLOW_BUTTON = _Lazy(r"^\S{2,14}\s+[+＋]?\s*关注$", lambda s: s.endswith("关注"))
#: A credit in English: "Presented by:WAW Creation", "Photo by Li Wei".
_LATIN_CREDIT = re.compile(
    r"^(?:Presented|Powered|Designed|Produced|Created|Developed|Edited|Written|Photos?|Photographed|Text|Illustrated)"
    r" by\b\s*[:：]?[\x20-\x7e]*$",
    re.I,
)
#: Reporters' names over "报道": "谭某、殷某某、王某报道".
_REPORTED_BY = _Lazy(r"^[\u4e00-\u9fff·]{2,4}(?:[、,，\s][\u4e00-\u9fff·]{2,4}){0,5}\s*报道$", lambda s: s.endswith("报道"))
_PHOTO = re.compile(r"供图|摄影|图片来源|图源|图片由|图片提供|资料图|配图|^图为|^图[:：/]|摄$|\s摄\s*$|^图片[:：]")
_CAPTION = _Lazy(
    r"^(?:图为|图片为|上图|下图|左图|右图|图\d)|[\u4e00-\u9fff]{2,4}\s*摄(影)?$"
    # An agency's credit closing its caption after a space: "…查询信息。 新华社发".
    r"|[。.]\s*(?:新华社|中新社|新华网|人民网)发$"
    # A photo's credit closing its caption: "…(记者黄宜静摄)", "(资料照)", "(图源:新华社)"
    # (tried from the last opening bracket only).
    r"|[(（](?=[^()（）]*[)）]$)(?:(?:(?:本报|特派)?记者|摄影)?\s*[\u4e00-\u9fff·]{2,4}\s*摄(?:影)?"
    r"|资料照|资料图|资料照片|示意图|图源[:：/][^()（）]{1,20}|图(?![/／]文)[/／:：][^()（）]{1,30}"
    r"|(?:本栏|本版|本文|文中)?(?:图片|照片)均?由[^()（）]{1,20}提供)[)）]$",
    lambda s: "图" in s or "摄" in s or "照" in s or s.endswith("发"),
)
#: Who stands where in a photo: "何某教授(左三)在参与会诊。"
_PHOTO_POSITION = _Lazy(r"[(（](?:前排|后排|中排)?(?:左|右|中)[一二三四五六七八九\d]?[)）]", lambda s: "左" in s or "右" in s or "中" in s)
_PROMOTION = re.compile(
    r"尽在.{0,12}((?i:app)|客户端)|下载.{0,8}((?i:app)|客户端)|((?i:app)|客户端)下载|扫码下载|关注.{0,10}(公众号|微信号|官方微博)"
    # A page's own controls: "设为书签Ctrl+D…", "即可在手机端查看", "军事APP", an app's size in a download list.
    r"|设为书签|(?i:ctrl\+d)|手机端查看|在手机上查看|手机上观看|^[^\x00-\x7f]{1,8}\s?(?:(?i:app)|客户端)$"
    # A document-sharing site's reader: "已阅读5页,还剩95页未读 继续免费阅读", "下载本文档".
    r"|已阅读\d+页|还剩\d+页未读|继续免费阅读|下载本文档|^文档简介$|^内容介绍$"
    # A web directory's own lines: "SEO查询: 爱站网 站长网", "网站及网址申请收录 本站只收录合法内容",
    # and its ad slot's error ("该广告ID(3)不存在").
    r"|免费搜题|^收录\d+道?题|SEO查询|申请收录|只收录合法|广告ID\s*[(（]?\d*[)）]?\s*不存在|免费发布分类信息"
    # "打开网易新闻 查看更多图片", an image's file name ("QQ截图20170823152615.png").
    r"|查看更多图片|^打开[^\x00-\x7f]{1,8}(?:新闻|(?i:app)|客户端)|^\S{1,60}\.(?i:png|jpe?g|gif|bmp|webp)$"
    # A WeChat account's call to follow it, a document site's blurb ("由会员分享,可在线阅读…请在某某网上搜索").
    r"|点击关注|加星标|设为星标|由会员分享|可在线阅读|请在[^\x00-\x7f]{2,8}上搜索|支持(?i:ipv6)"
    r"|^欢迎(?:关注|下载|使用)[^。,，]{0,20}(?i:app|客户端)$"  # "欢迎关注每日经济新闻APP"
    r"|^(?i:like|follow|关注|追踪)\s*我们的[^。]{0,12}(?:脸书|面书|(?i:facebook)|官方网页|专页)"  # "LIKE我们的官方脸书网页以获取更多新信息"
    r"|^[^。,，;；]{1,40}?\d+(?:\.\d+)?\s?(?i:[mg]b)$",
)
#: A document site's blurb: "《….docx》由会员分享,可在线阅读,更多相关《…》请在冰豆网上搜索。"
_SHARED_DOCUMENT = _Lazy(r"由会员分享|请在[\u4e00-\u9fff]{2,8}上搜索|可免费在线阅读", lambda s: "会员" in s or "搜索" in s or "在线阅读" in s)
#: A model-essay site's furniture: "以下是小编精心整理的…(通用6篇),希望能够帮助到大家。",
#: "第1篇:…", "收藏本文下载本文", "添加壹号文库到电脑桌面".
_ESSAY_SITE = _Lazy(
    r"以下是小编|小编(?:精心)?(?:整理|收集|为大家)|希望(?:能够|可以|能)?(?:帮助到|对)大家"
    r"|^第\d+篇[:：]|为了确保工作或事情|那么我们该怎么|收藏本文|下载本文|到电脑桌面|在桌面快捷访问|^电脑桌面$|^精品范文"
    # "前言:…我们特意为您整理了5篇…范文,相信会为您的写作带来帮助"; a viewer's "亲,该文档总共4页…下载吧!"
    r"|为您整理了\d+篇|为您的写作带来帮助|^亲[,，]该文档总共\d+页|^本资源只提供\d+页预览",
    lambda s: any(w in s for w in ("小编", "大家", "篇", "工作或事情", "怎么", "本文", "桌面", "范文", "写作", "文档", "预览")),
)
#: A picture's caption marked with a triangle under it: "▲会议现场", "▲左:副主任作汇报;右:…".
_CAPTION_MARK = re.compile(r"^[▲△]\s*\S")
#: A forum member's profile beside the post: "UID: 1569053", "级别: 玉清道君", "最后登录: 2025-11-15",
#: and a moderator's note ("— 本帖被 某某 执行加亮操作(2025-11-10) —").
_FORUM_PROFILE = _Lazy(
    r"^(?:UID|精华|级别|积分|威望|金币|帖子|用户组|阅读权限|在线时间|注册时间|最后登录|最后发表)\s*[:：]\s*\S.{0,20}$"
    r"|^[-—\s]*本帖(?:被|最后由)\s*\S{1,20}\s*(?:执行|于|在)",
    lambda s: ":" in s or "：" in s or "本帖" in s,
)
#: A forum's controls: "发新话题 回复该主题", "[复制链接]", a post's number ("1#").
_FORUM_UI = re.compile(
    r"^(?:发新话题|回复该主题|发表回复|只看该作者|\d{1,3}#|楼主|\[复制链接\])(?:\s+\S+){0,3}$|^\[复制链接\]$"
    r"|^您(?:需要|必须)登录后才可以(?:回帖|发帖|下载|查看|评论|发表|浏览)?(?:\s*登录\s*[|｜]\s*(?:立即)?注册)?$"  # "您需要登录后才可以回帖 登录 | 注册"
)
#: A forum post's header: "发表于 2022-7-14 17:49 | 显示全部楼层 |阅读模式 | 来自安徽".
_POST_HEADER = _Lazy(r"^发表于\s*\d{4}-\d{1,2}-\d{1,2}.{0,40}(?:楼层|阅读模式|只看该作者|来自)", lambda s: s.startswith("发表于"))
#: A server's response headers saved with the page: "HTTP/1.1 200 OK", "Content-Type: text/html".
_HTTP_HEADER = re.compile(
    r"^(?:HTTP/\d(?:\.\d)? \d{3}\b|(?:Content-Type|Content-Length|Content-Encoding|Date|Server|Connection|Cache-Control|"
    r"Set-Cookie|Last-Modified|ETag|Accept-Ranges|Vary|Expires|Pragma|Transfer-Encoding|Keep-Alive|Location|X-[\w-]+)\s*:\s)",
    re.I,
)
#: A server's or a content system's error printed into the page: "引发类型为“System.OutOfMemoryException”的异常。",
#: "返回列表 标签解析异常!", "Fatal error: …".
_SERVER_ERROR = _Lazy(
    r"System\.(?:\w+\.)*\w*Exception|引发类型为|标签解析(?:异常|错误|出错)|^(?:Fatal error|Parse error|Warning|Notice)\s*:\s"
    r"|Server Error in|Runtime Error|Stack Trace|堆栈跟踪",
    lambda s: "xception" in s or "引发类型" in s or "标签解析" in s or ":" in s or "Error" in s or "Trace" in s or "堆栈" in s,
)
#: A site's slogan over the page, four-character words and nothing else: "大医精诚,悬壶济世,传承中医,弘扬国粹".
_SLOGAN = _Lazy(
    r"^[\u4e00-\u9fff]{4}(?:[,，、]\s?[\u4e00-\u9fff]{4}){3,}$", lambda s: "," in s or "，" in s or "、" in s
)
#: A page's notice run onto its line of fields.
_NOTICE_TAIL = _Lazy(r"(?:温馨提示|友情提示|特别提示|免责声明|声明)\s*[:：]", lambda s: "提示" in s or "声明" in s)
#: A page's own asides to its reader: a postscript over the text ("PS:文末有视频及产品推荐!"), a notice
#: on its video or its content ("友情提示:若视频无法播放请留言告知…", "温馨提示:本文内容仅供参考").
_READER_ASIDE = _Lazy(
    r"^(?:PS|ps|P\.S\.)\s*[:：]|^(?:温馨提示|友情提示|特别提示)\s*[:：].{0,40}(?:视频|本文|文章|仅供参考|留言|播放|转载|侵权|本站为|本网为|本站不|本网不|放心购买)"
    r"|^欢迎(?:(?:分享|转发|点赞|留言|在看|关注)[、,，与和及]?){2,}[。!！]?$",  # "欢迎分享、点赞与留言。"
    lambda s: s[:1] in "PpP温友特欢",
)
#: A table's units over its figures ("单位:元 币种:人民币"); an annual report's own notice on its summary;
#: an ad slot's name ("adl03").
_UNITS_LINE = _Lazy(
    r"^(?:单位[:：]\s*(?:元|万元|亿元|千元|股|%|人|家|个)(?:\s*币种[:：]\s*人民币)?|币种[:：]\s*人民币)$"
    r"|^(?:\d+(?:\.\d+)*\s*)?本(?:年度|半年度|季度)?报告摘要(?:来)?(?:摘)?自(?:年度|半年度)?报告全文|^ad[lr]?\d{0,3}$",
    lambda s: len(s) <= 300,
)
#: A menu printed as words apart: "网站首页 工作范例 办公范例 个人范例 党团范例 …".
_SPACED_MENU = _Lazy(r"^(?:[\u4e00-\u9fff]{2,8}\s+){4,}[\u4e00-\u9fff]{2,8}$", lambda s: s.count(" ") >= 4)
#: A strip of other stories' headlines run into one line: exclamations and
#: titles, no sentence and no comma ("…登場!「集合啦!動物森友會」…更新! 《惡靈古堡8》發售前日!…").
_HEADLINE_STRIP = _Lazy(r"^(?=[^。,，]{60,}$)(?:[^!！]*[!！]){4,}", lambda s: s.count("!") + s.count("！") >= 4)
#: An author's note under the byline: a name, then where the author works and as
#: what, no verb ("朱恒鹏,中国社会科学院经济研究所、副所长、研究员。").
_AUTHOR_NOTE = _Lazy(
    r"^[\u4e00-\u9fff·]{2,4}[,，]\s*[^。,，;；]{2,40}?(?:研究员|教授|所长|院长|主任|博士|讲师|博士生导师|博导|医师|专家)[。.]?$",
    lambda s: len(s) <= 60,
)
#: A reply's signatory: a name and the official's titles ("刘林瑞党组成员、副局长、二级巡视员").
_OFFICIAL_TITLE = r"(?:党组成员|党组书记|党委书记|党委副书记|书记|局长|主任|巡视员|调研员|院长|处长|科长|部长|厅长|主席|秘书长)"
_SIGNATORY = _Lazy(
    r"^[\u4e00-\u9fff]{2,4}" + _OFFICIAL_TITLE + r"(?:、[\u4e00-\u9fff]{0,3}?" + _OFFICIAL_TITLE + r")+$",
    lambda s: "、" in s and len(s) <= 40,
)
#: A content farm's question echoed in brackets: "乡和镇有什么区别(乡和镇有什么区别郑大还是乡大)".
_SEO_ECHO = re.compile(
    r"^([^()（）]{4,30})[(（]\1"
    # ... or a search question with its variant: "医院眼科国庆节上班吗(医院国庆节眼科放假吗)".
    r"|^[^()（）。,，]{4,30}[吗呢么?][(（][^()（）。,，]{4,30}[吗呢么?][)）]$"
)
#: A paper's motto under its name: "深圳市委机关报,改革开放的窗口".
_PAPER_MOTTO = _Lazy(r"^[^。]{0,8}(?:市委|省委|区委|县委|州委)机关报", lambda s: "机关报" in s)
#: "您的位置:"/"当前位置:" before a breadcrumb.
_BREADCRUMB_HERE = re.compile(r"^(?:" + _YOU_ARE_HERE + r")\s*[:：]")
#: A bibliography's type mark after a cited work's title: "…慢病管理系统的设计[J].中国病案,2014".
REFERENCE_MARK = r"\[(?:J|M|D|N|C|R|S|P|Z|EB/OL|J/OL|M/OL)\]\s*[.．,，]"
#: A reference of a paper's bibliography: "…慢病管理系统的设计[J].中国病案,2014,15(4):49-51",
#: and its number's label ("参考文献 1"): after the text, debris.
_REFERENCE = _Lazy(
    REFERENCE_MARK + r"|^参考文献\s*\d{1,3}$",
    lambda s: ("[" in s and not s.isascii()) or s.startswith("参考文献"),
)
#: A journal author's note: "牛雨婷(1999—),女,安徽阜阳人,硕士研究生在读,研究方向为…".
_AUTHOR_BIO = _Lazy(r"^[\u4e00-\u9fff·]{2,4}\s*[(（](?:19|20)\d{2}\s*[—–\-~～]*\s*[)）]\s*[,，]\s*[男女]", lambda s: "(" in s[:8] or "（" in s[:8])
#: The longest issuer's abbreviation in a document's number ("国卫体改发〔2019〕…").
ISSUER_ABBREVIATION_CHARS = 5
#: The longest outlet's name before a headline in brackets ("新华社|…").
OUTLET_PREFIX_CHARS = 8
#: How many lines after a bulleted "related" heading show whether links or text follow it.
RELATED_LINKS_SEEN = 3
#: The most issuing bodies a joint notice's signature block lists, one a line.
MAX_ISSUERS = 12
#: A paragraph this long printed twice is said once (shorter ones, "同上", a table's cell, may recur).
REPEATED_PARAGRAPH_CHARS = 40
#: A paper's note on its funding: "本文为某某院咨询研究重点项目《…》(编号:2020-XZ-20)研究成果。".
_FUNDING_NOTE = _Lazy(
    r"^(?:本文|本研究|本课题)(?:为|系(?!统)|是|受)(?![^。]*(?:结果|表明|显示|纳入|发现))[^。]{2,60}(?:项目|课题|基金)[^。]{0,50}"
    r"(?:研究成果|阶段性成果|资助|支持)[。.]?$",
    lambda s: s.startswith("本"),
)
#: A page's reading-time note: "本篇文章414字,读完约1分钟".
_READING_TIME = _Lazy(r"^本?(?:篇)?文(?:章)?(?:共|全文)?\s*\d+\s*字[,，]?\s*(?:预计)?(?:阅读|读完)(?:时间)?(?:需|约|大约)?\s*\d+\s*分钟$", lambda s: "分钟" in s)
#: A share button's instructions: "使用微信“扫一扫”功能。".
_SHARE_HOWTO = _Lazy(r"^(?:使用|打开)微信.{0,4}扫一扫.{0,4}(?:功能)?[。.]?$", lambda s: "扫一扫" in s)
#: A journal's issue and pages: "2023年第2期78-79,共2页".
_ISSUE_PAGES = _Lazy(r"^(?:19|20)\d{2}\s*年\s*第?\s*\d{1,2}\s*期\s*[\d\-–—]*\s*[,，]?\s*共\s*\d+\s*页$", lambda s: "页" in s)
#: A journal's or a paper's name in English, alone: "Population and Health".
_LATIN_TITLE_CASE = _Lazy(
    r"^[A-Z][a-z]+(?:\s+(?:[A-Z][A-Za-z]+|and|of|for|the|in|on|&))+$", lambda s: s.isascii() and " " in s
)
#: A site's WeChat account and its offers: "招标网服务号 微信公众平台", "微信扫码添加在线客服".
_WECHAT_ACCOUNT = _Lazy(r"(?:服务号|订阅号|公众号)?\s*微信公众平台$", lambda s: "微信" in s)
_SCAN_FOR_SERVICE = _Lazy(r"扫码(?:添加|联系|咨询)(?:在线)?客服", lambda s: "客服" in s)
#: A portal's bar of its sister sites: "搜狐 ChinaRen 17173 焦点房地产 搜狗", "搜狐新闻-搜狐网站".
_PORTAL_BAR = _Lazy(
    r"^(?=.*[A-Za-z])(?=.*[\u4e00-\u9fff])(?!(?:.*\s)?[\d,.]+(?:\s.*)?\s[\d,.]+(?:\s|$))"
    r"(?:[^\s,，。:：;；!?！？、]{2,10}\s+){3,}[^\s,，。:：;；!?！？、]{2,10}$"
    r"|^[\u4e00-\u9fff]{2,10}[-_|｜][\u4e00-\u9fff]{2,8}网站$",
    lambda s: s.count(" ") >= 3 or s.endswith("网站"),
)
#: A photo's caption with its credit: "援黔医生为贵州患者做手术。(凯里市人民医院供图)".
_CAPTION_WITH_CREDIT = _Lazy(r"^[^。!?！？]{4,70}。?\s*[(（][^()（）]{2,24}(?:供图|摄|图|图片|照片)[)）]$", lambda s: s.endswith((")", "）")))
#: An author's name and post over a commentary: "陈正宁 油尖旺青年发展及公民教育委员会副主席".
_NAME_AND_POST = _Lazy(
    r"^[\u4e00-\u9fff·]{2,4}\s+[\u4e00-\u9fff]{2,30}(?:副主席|主席|主任|委员|会长|院长|局长|教授|研究员|议员|专栏作家)$",
    lambda s: " " in s,
)
#: An account to follow, in brackets inside a sentence: "《生命时报》(微信内搜索“LT0385”即可关注)采访专家".
_INLINE_FOLLOW_US = _Lazy(
    r"[(（]\s*微信(?:内)?搜索[^()（）]{1,30}(?:即可)?关注\s*[)）]"
    r"|^展开剩余\s*\d{1,2}\s*%\s*",  # a portal's "read the rest" button over the text
    lambda s: "关注" in s or s.startswith("展开剩余"),
)
#: A magazine's name and issue over the text: "南方人物周刊 2018年16期".
_MAGAZINE_ISSUE = _Lazy(
    r"^(?P<paper>[\u4e00-\u9fff]{2,12}(?:周刊|杂志|月刊|半月刊|旬刊|画报))\s*(?:19|20)\d{2}\s*年\s*第?\s*\d{1,2}\s*期$",
    lambda s: s.endswith("期"),
)
#: An elision mark alone on its line: "……略……", or inside one ("在 ……略…… 上海、南京等").
_ELISION = re.compile(r"^[.…·。\s]*(?:略|省略|此处略)[.…·。\s]*$|^[(（]\s*完\s*[)）]$")  # and "(完)", a report's end mark
_INLINE_ELISION = _Lazy(r"(?<!\s)\s*(?<![.…])(?:…+|\.{3,})\s*(?:略|省略)\s*(?:…+|\.{3,})\s*", lambda s: "略" in s)
#: Injected spam (gambling and pornography sites): its words, lower-cased.
SPAM_WORDS = (
    "黄色网址 黄色影院 黄色一级 毛片 一区二区 成人网址 成人网站 av电影 av成人 爱爱视频 精品视频 在线播放视频 中文字幕少妇 "
    "久久精品 国产在线 必赢 葡京 威尼斯人 太阳城集团 manbetx 万博体育 开云体育 开云网页 雷火电竞 雷火app 江南体育 "
    "bet365 188bet 博彩 真人娱乐 百家乐 老虎机 棋牌游戏 欧美在线 欧美另类 在线专区 porn 188体育 足球365 99re 体育平台 "
    "买足球的软件 买足球 买球 久久97 久久999 国产免费 在线播放 无码 三级片 怡红院 黄片 色婷婷 婷婷五月 久久免费 主播视频 欧美成人 亚洲色 "
    "国产精品 精品国产 成人精品 亚洲精品 激情视频 福利网址 av福利 午夜免费 免费不卡 人成免费 狠狠干 伊人成人 久久成人 久久久久 "
    "夜夜夜 中文字幕视频 蜘蛛池 麻豆 久久99 男人桶 欧美色 特黄 a级在线 亚洲成a 一区视频 高清在线观看 日韩一卡 一卡二卡 二卡三卡 福利网站 三级网站 av三级 午夜在线 男生福利 萝控 国产第1页 久久久 "
    "bet体育在线 365bet 欧美香蕉 香蕉视频 未成女 中文字幕一区 二区三区 日韩高清 免费在线视频 福利二区 污视频 向日葵污视频 向日葵视频 完美电竞 "
    "平博体育 体育网址 体育官网 体育app 娱乐网址 娱乐官网 乐鱼体育 九游体育 华体会 亚博体育 kaiyun 博金宝 金宝搏 大发快三 快三平台 快3平台 六开彩 澳门六开奖 天天开好彩"
).split() + ["188博金宝,金宝搏 官网"]  # (one injection, as a page prints it: "…卫生健康局188博金宝,金宝搏 官网印发…")


@cache
def _spam_automaton():
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for word in SPAM_WORDS:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


#: A menu bar: "资讯|滚动| 上海| 社会| 国内| 国际|…", or a site's name after its bar: " |  财健道".
_MENU_BAR = re.compile(r"^(?:[^|｜。,，!?！？\d]{1,8}[|｜]){4,}[^|｜。,，!?！？\d]{0,8}$|^[|｜]\s*[^|｜。,，!?！？]{1,12}$")
#: A site's greeting: "天津市医疗器械商会欢迎您!", "欢迎访问智慧医疗网".
_GREETING = re.compile(
    r"^[^。,，]{0,24}(?:欢迎您|欢迎光临|欢迎访问|欢迎来到)[^。,，]{0,16}[!！]?$|^您好[:：!！,，][^。]{0,24}$"
    r"|^欢迎(?:光临|访问)[^。,，]{1,12}[,，][^。]{0,16}[!！]$"  # "欢迎访问学兔兔,学习、交流 分享 !"
    # A visitor counter, after the greeting or alone: "欢迎访问某某网!您是第 1246844位访问者".
    r"|^[^。,，]{0,24}您是(?:本站)?第\s*[\d,]+\s*位(?:访问者|访客|来访者)[!！。]?$"
)
#: A site's name alone on a line ("中华网"), an advert's slot ("列表头部广告一条").
_SITE_NAME = _Lazy(
    r"^[\u4e00-\u9fff]{2,6}(?:网|网站)(?:[\u4e00-\u9fff]{0,4}[·・][\u4e00-\u9fff]{1,4})?$|^[^。,，]{0,10}广告[^。,，]{0,6}$",
    lambda s: "网" in s or "广告" in s,
)
#: An editor's note on the text: "(本文有删减)", "(有删节)".
_EDITED = re.compile(r"^[(（](?:本文|全文|文章|原文)?(?:有删减|有删节|略有删节|有删改|有改动|略有改动|已删节|已删减|有节选|节选)[)）]$")
#: A breadcrumb of two steps: "新闻 新闻> 连云港新闻".
_SHORT_CRUMB = _Lazy(
    r"^(?:[^>»›。,，!?！？]{1,12}[>»›]\s*[^>»›。,，!?！？]{0,10}(?:新闻|频道|资讯|正文|首页|栏目|动态|专题|播报|头条|要闻|快讯)"
    r"|[^>»›。,，!?！？\s]{1,10}(?:网|首页|频道)\s*[>»›]\s*[^>»›。,，!?！？]{1,12})$",
    lambda s: ">" in s or "»" in s or "›" in s,
)
#: A paper's print credit: "《光明日报》(2020年10月27日04版)", "《人民日报》(2024年05月10日 第 06 版)".
_PRINT_CREDIT = _Lazy(
    r"^《\s*(?P<paper>[\u4e00-\u9fff]{2,12})\s*》\s*[(（]\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)\s*(?:第?\s*\d{1,3}\s*版)?\s*[)）]$",
    lambda s: s.startswith("《"),
)
#: A date glued to the name before it: "市医疗保障局2023-01-31".
_GLUED_DATE = _Lazy(r"(?<=[\u4e00-\u9fff])(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$", lambda s: s[-1:].isdigit() or s.endswith("日"))
#: A date with its author's name glued on, on a line of its own: "2022-12-17孟彦辰",
#: "2021-01-06 11:57孙某某刘某某蒋某".
_DATE_AUTHOR = _Lazy(
    # Glued: "2022-12-17 14:36 光明日报" is a date line with its source (``_DATE_LINE``).
    r"^(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?P<author>[\u4e00-\u9fff·]{1,30})$",
    lambda s: s[:2] in ("19", "20") and len(s) <= 50,
)
#: A column's label hung on a headline: "…500个县域医共体-【新闻】".
_COLUMN_TAIL = re.compile(r"\s*[-_|｜—]+\s*【[^】]{1,8}】$")
#: A forum thread title's count of its pictures ("… [9P]"), and a portal's field label
#: before a title ("名称: …").
_PICTURE_COUNT = _Lazy(r"\s*[\[【(（]\d{1,3}\s*[Pp图][\]】)）]$", lambda s: s.endswith(("]", "】", ")", "）")))
_TITLE_LABEL = re.compile(r"^(?:名称|标题|题名|文章标题|主题|题)\s*[:：]\s*")  # 主题: a press conference's; 题: an agency's
#: A document's first heading glued to its title: "…可行性分析报告一、总论", "…方案第一章总则".
_TITLE_SECTION_TAIL = _Lazy(
    r"(?:[一二三四五六七八九十]、|第[一二三四五六七八九十]章)[\u4e00-\u9fff]{1,8}$", lambda s: "、" in s or "章" in s
)
#: A document viewer's caption of one page image: "医院成本预算管理经验推广_第1页".
_PAGE_IMAGE = _Lazy(r"^(.{6,80}?)\s*_\s*第\s*\d{1,3}\s*页$", lambda s: s.endswith("页"))
#: A label spaced to a table's width before its value: "时 间:2024年4月18日".
_SPACED_LABEL = _Lazy(r"^([\u4e00-\u9fff](?:\s{1,3}[\u4e00-\u9fff]){1,3})\s*(?=[:：])", lambda s: " " in s[:8])
#: How long a line must be to be taken for an excerpt of the paragraph below it.
LEAD_EXCERPT_CHARS = 20
#: A disclosure table's label alone on its line, spaced to one width: "索 引 号:", "标  题:".
_FIELD_ALONE = _Lazy(
    r"^([\u4e00-\u9fff](?:\s{0,3}[\u4e00-\u9fff]){1,5})\s*[:：]$|^(出处)$",
    lambda s: len(s) <= 16 and (s.endswith((":", "：")) or s == "出处"),
)
_TABLE_FIELDS = frozenset(
    "索引号 文号 发文字号 发布机构 发文机关 发文单位 发文机构 责任部门 责任单位 发布部门 有效性 生成日期 成文日期 成文时间 "
    "发布日期 发布时间 主题分类 信息分类 组配分类 体裁分类 公文种类 主题词 所属主题 公开方式 公开范围 标题 名称 题名 出处".split()
)
#: The length of a headline printed after such a label.
TITLE_LABEL_CHARS = (6, 120)
#: The label of an attached document's title: "附件:…实施分工方案", "附件2:".
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]\s*")
#: Dates of a text other than its publication: signed, printed, updated.
_NOT_PUBLISHED = frozenset("成文日期 成文时间 印发日期 公开日期 更新时间 更新日期".split())
#: "date 2025-12-04": a page's date under an English label.
_LATIN_DATE = re.compile(r"^date\s*[:：]?\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b", re.I)
#: A site's credit in brackets inside a line: "…(自媒体www.9y9y.com)".
_INLINE_SITE = re.compile(r"[(（][^()（）]{0,10}(?:https?://|www\.)[^()（）\s]+[)）]")
#: A site and its column before the first sentence: "全程导医网 徐州健康:11月30日,…".
_SITE_COLUMN = _Lazy(r"^(?P<outlet>[\u4e00-\u9fff]{2,8}网)\s+[\u4e00-\u9fff]{2,8}[:：]\s*", lambda s: "网" in s[:10])
#: An agency cited without a date: "据新华社电", "据新华社消息".
_CITED_AGENCY = _Lazy(
    r"^据(?P<outlet>新华社|中新社|中新网|人民网|央视网|央视新闻|央广网|[\u4e00-\u9fff]{2,6}(?:社|网|报))(?:电|消息|报道|报导)[,，:：]?\s*",
    lambda s: s.startswith("据"),
)
#: What a page prints as its source without naming one ("来源:网络整理").
_NOT_A_SOURCE = frozenset(
    "网络 网络整理 网络综合 综合整理 综合 整理 互联网 网络转载 转载 原创 本站 本网 本站原创 网友投稿 投稿 推荐 其他 未知"
    # A content system's user: "本文来源: 系统超管".
    " 系统超管 超级管理员 系统管理员 管理员 admin".split()
)
_BULLET = re.compile(r"^[·•▪▸►◆◇■□●○▼]\s*")
#: A name in brackets closing a paragraph: its writer ("…等产业。 (杜某某)").
_SIGNED = _Lazy(r"(?<=[。!！?？”])\s*[(（]([\u4e00-\u9fff·]{2,4})[)）]\s*$", lambda s: s.rstrip().endswith((")", "）")))
#: A link to another story hung on a line's end, its bracket never closed: "…惩戒更严(深度:4600人被起诉!…".
_TRAILING_RELATED = _Lazy(
    r"[(（](?:深度|相关|相关阅读|相关新闻|延伸阅读|推荐阅读|推荐)\s*[:：][^()（）]{4,}$", lambda s: "(" in s or "（" in s
)
#: The reporter after a paragraph's last sentence: "…患者负担较重。记者 彭韵佳".
_TRAILING_BYLINE = _Lazy(
    r"(?<=[。!！?？”])\s*(?P<outlet>新华社|本报|人民日报|[\u4e00-\u9fff]{2,6}(?:日报|晚报|报|网|社|台))?"
    r"(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}(?:[、\s][\u4e00-\u9fff·]{2,4}){0,3}\s*$",
    lambda s: "记者" in s[-20:] or "通讯员" in s[-20:],
)
#: A repost's notes glued after a sentence: its original headline "(原标题:…)", its editor
#: "(责任编辑:admin)", a report's end mark "(完)".
_TRAILING_NOTES = _Lazy(
    r"(?<=[。!！?？”)）])\s*[(（](?:原标题[:：][^()（）]{2,40}|(?:责任编辑|编辑|责编)[:：][^()（）]{1,20}|完)[)）]",
    lambda s: "原标题" in s or "编" in s or "完" in s,
)
#: The writer of the text and its pictures after its last sentence: "…滔滔不绝。(图/文:云玲)", "(作者:胡某某)".
_TRAILING_TEXT_CREDIT = _Lazy(
    r"(?<=[。!！?？”])\s*[(（](?:图[/／]文|文[/／]图|图文|文|作者|撰稿|撰文)\s*[:：/]?\s*[\u4e00-\u9fff·]{2,8}(?:[\s、][\u4e00-\u9fff·]{2,4}){0,2}[)）]\s*$",
    lambda s: s.rstrip().endswith((")", "）")),
)
#: An outlet and its writer in brackets after the last sentence: "…实在是很难受。”(搜狐体育 文治)".
_TRAILING_OUTLET_CREDIT = _Lazy(
    r"(?<=[。!！?？”])\s*[(（](?P<outlet>[\u4e00-\u9fff]{2,6}(?:体育|新闻|财经|网|报|社|台))\s+(?P<writer>[\u4e00-\u9fff]{2,3})[)）]\s*$",
    lambda s: s.rstrip().endswith((")", "）")),
)
#: A reporter's role between names in a credit: "(刘某 实习生 周某)".
_ROLE_WORDS = frozenset(("实习生", "通讯员", "记者", "见习记者"))
#: Who supplied the text, after its last sentence: "…服务。”(供稿 某镇人大办 王某 编辑 高某)".
_TRAILING_CONTRIBUTOR = _Lazy(
    r"(?<=[。!！?？”])\s*[(（](?:供稿|来稿|稿件来源|供稿单位)\s*[:：]?\s*[^()（）]{2,40}[)）]\s*$",
    lambda s: "稿" in s[-50:],
)
#: The commonest Chinese surnames (a reporter's name in a bracket starts with one).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪"
    "庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈"
    "饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
#: ... as a character class for patterns.
_SURNAME_CLASS = "[" + "".join(sorted(_SURNAMES)) + "]"
#: Reporters' names in brackets after a report's last sentence: "…第一道防线”。(李循  张武霞)".
_TRAILING_NAMES = _Lazy(
    # (And a bar a news site prints after them: "…医疗中心。 (刘某 实习生 周某) |".)
    r"(?<=[。!！?？”])\s*[(（][\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3}){1,3}[)）]\s*[|｜]?\s*$",
    lambda s: s.rstrip(" |｜").endswith((")", "）")),
)
#: The source hung on a paragraph's last sentence: "…用上此次集采降价后的中选产品。来源:仙桃日报".
_TRAILING_SOURCE = _Lazy(
    r"(?<=[。!！?？”])\s*(?:来源|稿源|信息来源)\s*[:：]\s*(?P<outlet>[\u4e00-\u9fffA-Za-z0-9·]{2,16})\s*$",
    lambda s: "来源" in s[-30:] or "稿源" in s[-30:],
)
#: The headline in brackets before the first sentence: "【|蒲江县…全体会议召开】8月31日下午,…".
_BRACKETED_HEADLINE = _Lazy(r"^【\s*[|｜]?\s*([^【】]{6,80})】\s*", lambda s: s.startswith("【"))
_CREDITED_OUTLET = _Lazy(
    r"(?<=[。!！?？”])\s*[(（](?:来源|来自|转自|稿源)?[:：]?\s*([\u4e00-\u9fff]{2,12}(?:日报|晚报|报|网|社|电视台|新闻|杂志|周刊))[)）]\s*$",
    lambda s: s.rstrip().endswith((")", "）")),
)
#: Question marks a page put for characters it lost, at a line's start.
_LOST_LEAD = re.compile(r"^[?？]{2,}\s*")
#: A paper's abstract label before its text.
_ABSTRACT_LEAD = re.compile(r"^(?:[【\[]\s*摘\s*要\s*[】\]]|摘\s*要\s*[:：])\s*")
#: A paper's header (journal, issue, title, author, affiliation) run into its
#: abstract on one line, as a PDF's text keeps it: all of it up to "【摘要】".
_HEADED_ABSTRACT = _Lazy(r"^[^。!?！？]{10,300}?[【\[]\s*摘\s*要\s*[】\]]\s*", lambda s: "摘" in s[:320])
#: A paper's keywords run into its text: "[关键词】教育互动发展联盟;成都市;…;三圈一体 深化…",
#: up to a space or the first numbered heading glued on ("…医师挂证一、案情介绍(一)案件经过2021年…").
_INLINE_KEYWORDS = _Lazy(
    r"[【\[]\s*关\s*键\s*[词字]\s*[】\]]\s*[:：]?\s*[^\s。]{2,120}?"
    r"(?:\s+|(?=。|$|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．]\D|引言|前言))",
    lambda s: "键" in s,
)
#: Two or more decorative symbols in a row.
_SYMBOL_RUN = re.compile(r"[★☆■□◆◇●○▲△▼▽♦♥♠♣※]{2,}|》{3,}|《{3,}")  # "…为50元/日·人。》》》》》》"
#: A live blog's time stamp before each entry, wherever the entry starts: "[03-12 17:46]".
_STAMP = re.compile(r"\s*[\[【]\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}[\]】]\s*")


def _symbol_mask(s: str) -> list[bool]:
    """Which characters of ``s`` belong to a run of decorative symbols or a time stamp."""
    mask = [False] * len(s)
    for m in (*_SYMBOL_RUN.finditer(s), *_STAMP.finditer(s)):
        mask[m.start():m.end()] = [True] * (m.end() - m.start())
    return mask
#: A list item's marker before its text: "- ", "* ", "• ", "- •".
_LIST_MARK = re.compile(r"^(?:[-*+]\s+)?[·•▪▸►◆◇■□●○▼]\s*|^[-*+]\s+")
_DATE_LINE = re.compile(
    r"^[\[【]?(?:19|20)\d{2}(?:\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?)?\.?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:[\]】]\s*(?:发表|发布)?)?"  # "[2017.01.26] 发表"
    r"(?:\s+(?P<rest>\S.{0,19}))?$"
)
#: A date written day first, alone on its line with its time: "23.08.2018  10:36".
_DAY_FIRST_LINE = _Lazy(
    r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
    lambda s: s[:1].isdigit() and len(s) <= 24,
)
#: The line of a post's header: names (column, account, "发表于福建") around its
#: date and time, "健康福建 福建卫健 2023-11-20 18:30 发表于福建".
_NAMES_AND_DATE = re.compile(
    r"^(?:[^\s,，。;；:：!?！？]{1,12}\s+){0,4}(?:[^\x00-\x7f\s]{2,12}(?=(?:19|20)\d{2}-))?(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+[^\s,，。;；:：!?！？]{1,12}){0,4}"
    r"(?:\s+(?:来源|作者|编辑|发布者?)\s*[:：])?$"  # a label left empty: "四平市卫生健康委员会 2025-11-12 来源:"
)
#: An official document's head and foot (GB/T 9704): the masthead of the
#: issuing body ("国家卫生健康委员会文件"), the note on how it is published
#: ("(此件公开发布)", "(信息公开形式:主动公开)") and the imprint. Its number
#: ("国卫医政发〔2024〕5号") is kept: readers index documents by it.
_MASTHEAD = re.compile(r"^(?P<body>[\u4e00-\u9fff、]{2,30})文件$")
#: What a document-sharing site calls a shared file: "…报告模板", "…总结范文".
_TEMPLATE_WORD = re.compile(r"^(?:模板|范文|范本|全文)")
#: A page's <title> as its first line: a headline, an underscore, the site's short name.
_TITLE_AND_SITE = re.compile(r"^(?P<head>[^_]{8,80}?)\s*_\s*(?P<site>[\u4e00-\u9fff]{2,6})$")
_SOURCE_DATE_TAIL = re.compile(r"\s*[-—]\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}.*$")
#: A forum's counters: "307人参与20评论".
_PARTICIPANTS_LEAD = re.compile(r"^\d+\s*人参与\s*\d+\s*(?:条)?评论\s*")
#: A poster's name, a dash and the time: "心之龙城飞将-2021-05-05 14:31".
_USER_AND_TIME = re.compile(r"^[^\s\d:：-]{2,16}\s*-\s*(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?$")
_SLASHED_DATE = re.compile(r"^((?:19|20)\d{2}/\d{1,2}/\d{1,2})/(?=\s)")
#: A page's age gate, its rating notice and a login prompt: "您即将进入之新闻内容 需满18岁 方可浏览。",
#: "或不同意本条款离开", "根据「电脑网路内容分级处理办法」…", "登录某某融媒体中心账号".
_GATE = _Lazy(
    r"需满\s*18\s*岁\s*方可|^未满\s*18\s*岁$|^我已年满\s*18\s*岁|^登录\S{2,16}(?:融媒体中心|客户端|网)(?:账号|帐号)$"
    r"|^或?不同意本条款|^我同意$"
    r"|电脑网路内容分级|网站分级推广基金会",
    lambda s: "18" in s or "号" in s or "同意" in s or "分级" in s,
)
#: A place's office named alone: "石狮市便民服务中心", "某县医疗保障局" (not "某市成立医疗保障局").
_LONE_ISSUER = re.compile(
    r"^(?!.*(?:成立|召开|举行|开展|推进|印发|发布|揭牌|探访|走进|启动|挂牌|组建|新建|建成|再添|新增|又添|新添|获批|迎来|打造"
    r"|开通|开业|落户|入选|获评|荣获|通过|上线|成为|升级|[一二两三四五六七八九十\d]+[家个所座名]))"
    r"[\u4e00-\u9fff]{2,6}[省市县区州旗][\u4e00-\u9fff]{2,12}$"
)
#: A notice's addressees, the line over its text: "各省、自治区、直辖市及新疆生产建设兵团卫生计生委、
#: 中医药管理局:", "各区人民政府,市府各委办局,市各直属单位:". Text, but not what the text is about.
ADDRESSEES = re.compile(
    r"^各(?![^:：]*(?:要|应|将|须|需|请|把))[^。！？!?]{2,200}(?:委|局|厅|单位|部门|政府|机构|中心|院|办|室|会|兵团|管委会)[)）]?[:：]$"
    r"|^[^。！？!?]{2,120}(?:各有关部门|各有关单位|各直属单位|各部门|各单位)[:：]$"
)
#: An official document's number ("国办发〔2019〕2号"), also cited in running text.
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[(（]\d{4}[〕\])）]\d{1,4}号")
#: Its imprint (版记): who else receives it and who printed it when.
_IMPRINT = re.compile(r"^(?:抄送|抄报|分送)\s*[:：]|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*印发$")
_PUBLICATION_NOTE = re.compile(r"^[(（](?:此件|本件)?[^()（）]{0,12}(?:公开发布|主动公开|公开形式|不予公开|依申请公开)[^()（）]{0,12}[)）]$")
_CLOSING_ONLY = re.compile(r"^[。.，,、；;：:！!？?”’」』）)》〉]+$")  # not "……": text left out
_SOURCE_LINK = re.compile(r"^(原文链接|原文地址|来源链接|本文链接|文章链接|原文网址|链接|网址|原标题|阅读原文)\s*[:：]?")
_ORIGINAL_TITLE = re.compile(r"^原标题\s*[:：]\s*\S")
#: A repost's note on its original headline, as a content farm prints it: ":原题为_新华社|我国将设置…".
_ORIGINAL_HEADLINE_NOTE = _Lazy(r"^[:：]?\s*原题(?:为|是)\s*[:：_]?", lambda s: "原题" in s[:4])
#: A reposted article's own headline in brackets before its text: "(原标题:…) 新文化讯 14日,…".
_ORIGINAL_TITLE_NOTE = _Lazy(r"^[(（]原标题\s*[:：]\s*([^()（）]{4,60})[)）]\s*", lambda s: "原标题" in s[:4])
_URL_ONLY = re.compile(
    r"^(?i:https?://|www\.)\S+$"
    # A site's name and address ("中科医院 http://pf.39.net/…"), a credit with one ("(本文来自www.9y9y.com)").
    r"|^[^\x00-\x7f\s]{2,12}\s*[:：]?\s*(?i:https?://|www\.)\S+$"
    # ... or with its bare domain: "中华网 china.com".
    r"|^[^\x00-\x7f\s]{2,12}\s+[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org)$|^[(（][^()（）]{0,10}(?i:https?://|www\.)[^()（）]+[)）]$"
    # ... or the domain first, as a site's banner: "CFI.CN 中财网".
    r"|^(?i:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org))\s+[^\x00-\x7f\s]{2,12}$"
)
#: What a content system's comment leaves when its marks are gone: its fields, then its
#: closing tag ("2019-08-13 5 5 甘肃经济日报 c143413.html 1 … /enpproperty-->").
_COMMENT_TAIL = _Lazy(r"^(?!.*[。！？!?]).*[A-Za-z]-->\s*$|^\s*<!--(?!.*[。！？!?])", lambda s: "--" in s)
#: ... and its marks glued to a sentence: "<!--enpcontent-->某市医保局近日印发通知,…。<!--/enpcontent-->".
_COMMENT_MARK = _Lazy(r"<!--\s*/?[A-Za-z][\w:-]*\s*-->|(?<![\w/])/?enp\w*-->", lambda s: "-->" in s)
#: A notice's label alone on its line, its notice below: "市卫生健康委员会、市疾病预防控制局温馨提示:".
_BARE_NOTICE_LABEL = _Lazy(
    r"^(?:[\u4e00-\u9fff]{1,20}?(?:委员会|局|委|中心|办公室|医院|政府)[、和与及]?){0,4}(?:温馨提示|友情提示|特别提示)\s*[:：]$",
    lambda s: "提示" in s[-5:],
)
#: A blank form's row: its label, then empty cells only ("| 勘察 | |||||||").
_BLANK_ROW = _Lazy(
    r"^\|\s*(?![一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])[^|\s][^|]{0,20}\|(?:\s*\|){2,}\s*$",
    lambda s: s.startswith("|") and s.endswith("|"),
)
#: A style's or an image's name printed where the image was: "mm-logo", "icon_share".
_CSS_NAME = _Lazy(
    r"^(?:[a-z][a-z0-9]*[-_])+(?:logo|icon|btn|img|bg|nav|banner|menu|pic)$|^(?:logo|icon|btn|img|bg|nav|banner|menu|pic)(?:[-_][a-z0-9]+)+$",
    lambda s: s.isascii() and len(s) <= 30,
)
#: A paper's abstract in English, its authors before it: "ZHANG Qi, WANG De-yong Abstract: Family doctor…".
_LATIN_ABSTRACT = _Lazy(
    r"^(?=[^\u3400-\u9fff]*$)[A-Za-z ,.\-]{0,80}?\b(?:Abstract|ABSTRACT|Key ?words|KEY ?WORDS)\s*[:：]",
    lambda s: "bstract" in s or "BSTRACT" in s or "ey" in s or "EY" in s,
)
#: A paper's authors in pinyin, surname first in capitals: "ZHANG Qi, WANG De-yong".
_PINYIN_AUTHORS = _Lazy(
    r"^[A-Z]{2,}\s[A-Z][a-z]+(?:-[a-z]+)?\d?(?:\s*[,，]\s*[A-Z]{2,}\s[A-Z][a-z]+(?:-[a-z]+)?\d?){0,7}$",
    lambda s: s[:2].isupper() and s.isascii(),
)
#: ... and a paper's note on its author alone on a line: "姜某某,某研究中心信息部部长、博士;".
_AUTHOR_POST = _Lazy(
    r"^" + _SURNAME_CLASS + r"(?:[\u4e00-\u9fff]{1,2}|[?？\s][\u4e00-\u9fff]{1,2})[,，](?![^。;；]*(?:培养|引进|聘请|招聘|获得))"
    r"[^。;；,，]{4,40}(?:研究员|教授|讲师|博士|硕士|博士生|博士研究生|博士后|硕士研究生)(?:[、,，][^。;；,，]{1,20})?[;；。]?$",
    lambda s: "," in s[:8] or "，" in s[:8],
)
#: A contributor's department and name on a line of their own: "市卫生健康委体改和基层处 王某某".
_DEPARTMENT_CREDIT = _Lazy(
    r"^[\u4e00-\u9fff]{2,20}(?:处|科|室|办|办公室)\s+(?!简介|简报|名单)" + _SURNAME_CLASS + r"[\u4e00-\u9fff]{1,2}$",
    lambda s: " " in s,
)
#: A local news network's menu and blurb: "枣庄新闻 滕州新闻", "枣庄新闻,讲述家乡的故事。…家的声音,天涯咫尺。".
_NEWS_NETWORK = _Lazy(
    r"^(?:[\u4e00-\u9fff]{2,4}新闻\s+){1,3}[\u4e00-\u9fff]{2,4}新闻$"
    r"|^[\u4e00-\u9fff]{2,4}新闻[,，](?:新鲜有料|讲述家乡的故事)",
    lambda s: "新闻" in s[:10],
)
#: Where a text was taken from, alone on its line: "本文选自健康报".
_TAKEN_FROM = _Lazy(r"^(?:本文|文章|此文)(?:选自|摘自|转载自|来自|源自)\s*[《“]?(?P<outlet>[\u4e00-\u9fff]{2,12})[》”]?[。.]?$", lambda s: s[:1] in "本文此")
#: A self-media writer's note on what it wrote: "声明:本文内容均是根据权威医学资料结合个人观点撰写的原创内容,…".
_WRITERS_NOTE = _Lazy(r"^声明[:：]\s*本文[^。]{0,40}(?:原创|虚构|个人观点|仅供参考|科普)", lambda s: s.startswith("声明"))
#: A paper's note on its authors, its label first: "【作者介绍】李某:某研究所助理研究员…;li@example.cn".
_AUTHORS_NOTE = _Lazy(r"^[【\[]\s*(?:作者介绍|作者简介|作者信息)\s*[】\]]|^(?:作者介绍|作者简介)\s*[:：]", lambda s: "作者" in s[:4])
#: A post's time as an app prints it: "昨天 21:17", "3小时前".
_RELATIVE_TIME = _Lazy(r"^(?:(?:昨天|今天|前天)\s*\d{1,2}:\d{2}|\d{1,2}\s*(?:分钟|小时)前)$", lambda s: len(s) <= 12)
#: A teaser cut short by its list, its three dots in ASCII: "联赛、欧冠、世界杯和金球奖?亚马尔:我全...",
#: "截至目前,该平台一期项目已接入全市40 ...".
_CUT_TEASER = _Lazy(r"^[^。！!]{4,56}[^.\s]\s?\.{3}$", lambda s: s.endswith("..."))
#: A repost's credit alone on the last line: "转自搜狐".
_REPOSTED_FROM = _Lazy(r"^(?:本文)?转自\s*[:：]?\s*(?!\S*的)[\u4e00-\u9fffA-Za-z0-9.]{2,10}$", lambda s: "转自" in s[:4])
_SHARE = re.compile(
    r"扫一扫|扫码|二维码|长按识别|关注公众号|关注我们|分享到|点击这里|点击进入|点击查看|请输入|验证码"
    # A WeChat post's own controls, saved with every page of one.
    r"|预览时标签不可点|轻点两下取消|滑动看下一个"
)
_CODE_CHARS = re.compile(r"[{}();=<>$\[\]]")
#: A journal paper's apparatus: labelled lines that are not its text, and an
#: author's affiliation with its postcode ("(西南财经大学 马克思主义学院,四川 成都 611130)").
_PAPER_META = re.compile(
    r"^[【\[(（]?(?:(?:基金项目|作者简介|作者单位|通讯作者|通信作者|中图分类号|中图法分类号|文献标识码|文献标志码|"
    r"文章编号|收稿日期|修回日期|修订日期|录用日期|引用本文|引用格式|Key\s?words|Keywords|Foundation|DOI)\s*(?:[(（][A-Za-z ]+[)）])?\s*[】\])）:：]"
    # Keywords alone on their line; run into the text ("…医师挂证一、案情介绍(一)…。"),
    # they are cut from it instead (_INLINE_KEYWORDS).
    r"|(?:关键词|关键字)(?![^。]*。)"
    # A journal site's labels, spaced to one width: "【作者机构】", "【分 类 号】", "【基    金】".
    r"|[【\[](?:作者机构|作者信息|分\s*类\s*号|基\s*金(?:\s*项\s*目)?|关\s*键\s*词(?![^。]*。))[】\]])"
)
_AFFILIATION = _Lazy(
    # Anchored at the start, so that a line is tried once, not at every offset.
    # "(1 四川大学公共管理学院,四川成都,610065;2 …,北京,100872)": a postcode after each.
    r"^(?:(?=.*?(?:大学|学院|研究所|研究院|医院|中心|学会|委员会|局)).*[\u4e00-\u9fff][\s,，]+\d{6}\s*[;；)）]?\s*$"
    # The journal's issue line, and the authors keyed to their affiliations (陈吟1, 王香真2).
    r"|.*?\b(?:DOI\s*[:：]|Vol\.\s*\d)|.*(?:学报|杂志|研究)\s*\d{4}\s*年\s*(?:第\s*)?\d{1,2}\s*期$"
    # A name may be spaced to three characters' width (郝 倩2) and starred as the corresponding author (梅思思1*).
    r"|[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,3}\s?\d\*?(?:[,，、\s]+[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,3}\s?\d\*?)+$)",
    lambda s: any(c.isdigit() for c in s),
)
#: A paper's label on a line of its own: the line under it is its value
#: (the funding, the author's biography, the citation).
_PAPER_LABEL = re.compile(r"^(?:基金项目|作者简介|通信作者|通讯作者|文章历史|引用本文|作者单位|引用格式)$")
_ODD_MARKS = re.compile(r"[`^$&#\\{}~]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD_CAPS = re.compile(r"^[A-Z][A-Z &]{1,20}$")
_UI_SPLIT = re.compile(r"[\s|/｜·•>»<«:：、,，\[\]【】()（）]+")

# Metadata labels, as pages print them (also glued: "作者:来源:X发布日期:Y").
_META_LABELS = (
    "发布日期|发布时间|发表时间|发表日期|更新时间|更新日期|修改日期|修改时间|成文日期|印发日期|日期|时间|发布人|发布者|"
    "信息来源|文章来源|稿件来源|新闻来源|来源|来自|转自|稿源|统一编号|阅读|作者|撰稿人|撰稿|责任编辑|编辑|审核|校对|浏览次数|浏览量|"
    "访问量|访问次数|点击数|点击量|点击率|阅读量|阅读次数|阅读数|浏览|人气|字号|打印|分享|栏目|所属栏目|所属分类|"
    # A government page's information-disclosure table (信息公开): "索引号: | … | 发布机构: | |".
    "索引号|主题词|发布机构|发文机关|发文机构|发文单位|颁布时间|颁布日期|生效日期|废止日期|生成日期|文\\s?号|所属主题|主题分类|体裁分类|"
    "公开方式|公开范围|公开日期|有效性|成文时间|责任部门|责任单位|发布部门|信息分类|组配分类|公文种类|出处|"
    # "发布:2022-08-19 11:00:55 来源:新华社": 发布 a label only before a date.
    "发布(?=\\s*[:：]\\s*(?:19|20)\\d{2}(?:-\\d{1,2}-\\d{1,2}|年\\d{1,2}月\\d{1,2}日))"
)
_META_PAIR = re.compile(
    r"(?P<label>" + _META_LABELS + r")\s*"
    # "新闻来源 (不包括新闻图片): 格隆汇": a note on the label before its colon.
    r"(?:[(（][^()（）:：]{1,12}[)）]\s*)?[:：]\s*"
    # A table's row printed with bars, without colons: "生成日期 | 2022-01-18 | 公开方式 | 主动公开 |".
    r"|(?:^|(?<=\|)\s*)(?P<cell>" + _META_LABELS + r")\s*\|\s*(?=[^|\s])"
)
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
)
_GLUED_HEADER = _Lazy(
    r"^[\u4e00-\u9fff()（）]{0,30}https?://[\w./-]+?(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?",
    lambda s: "http" in s[:50],
)
#: Fields in brackets rather than after colons: "来源(医药网) 作者(医药网)".
_BRACKETED_FIELDS = _Lazy(
    r"^(?:(?:来源|作者|编辑|责编)\s*[(（][^()（）]{1,20}[)）]\s*){1,4}$", lambda s: "(" in s or "（" in s
)
#: A page's buttons run onto the value of its source field.
_GLUED_CONTROLS = re.compile(r"(?:参与互动|分享到|打印本页|字号)+$")
#: A portal's name and its writer after a date, the label without its colon: "新浪网 作者 劳动报社".
_SITE_AND_WRITER = _Lazy(r"^(?P<site>[\u4e00-\u9fff]{2,8}网)\s+作者\s+(?P<writer>[\u4e00-\u9fff]{2,10})$", lambda s: "作者" in s)
#: A page's date and its counter before the text's first sentence: "2026-01-29 浏览次数:0“在毕节市…".
_DATE_COUNTER_LEAD = _Lazy(
    r"^(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2}|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"(?:浏览次数|浏览量|阅读量|阅读数|阅读次数|点击数|点击量|点击率|访问量|访问次数)\s*[:：]?\s*\d+(?![\d.,万亿千百次人个])\s*(?=\S)",
    lambda s: s[:2] in ("19", "20"),
)
#: A page's header row flattened onto one line: headline, the site's address, the date (and
#: time), labelled fields, then the text.
_FLAT_HEADER = _Lazy(
    r"^(?P<head>[^\s:：。!?！？]{6,60}?)\s*(?P<site>(?i:https?://|www\.)[\w.-]+(?:/[\w./-]*)?)\s+"
    r"(?P<date>(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}))(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?P<fields>(?:\s*(?:作者|来源|编辑|责任编辑|责编|记者)\s*[:：]\s*[^\s:：]{1,20})*)\s*",
    lambda s: "http" in s[:80] or "www." in s[:80],
)
#: ... or its breadcrumb, headline and labelled fields, the source first: "首页 >> 医院新闻我院与…签订
#: 2012年对口支援协议来源:新余市人民医院 作者:… 时间:2012-05-09 03:51:11 浏览:1330 2012年2月29日,…".
_FLAT_FIELDS_HEADER = _Lazy(
    r"^(?:[^\s>»]{1,10}\s*(?:>>?|»)\s*[^\s>»]{0,4}?(?:新闻|动态|要闻|资讯|公告|信息|快讯|通知|工作)+\s*)?"
    r"(?P<head>[^\s:：。!?！？>»]{6,60}?)\s*"
    r"(?P<fields>来源\s*[:：]\s*[^\s:：]{1,20}(?:\s+(?:作者|编辑|责任编辑|责编|发布人|记者)\s*[:：]\s*[^\s:：]{1,20})*)\s+"
    r"(?:时间|发布时间|日期|发布日期)\s*[:：]\s*(?P<date>(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}))"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+(?:浏览|点击|阅读|访问)(?:次数|量)?\s*[:：]?\s*\d+(?:次)?)?\s+",
    lambda s: "来源" in s[:100],
)
#: A site's name glued to its date and time, then its column or its views:
#: "中国金融信息网2017年08月09日14:19分类:人民币动态", "新浪港股2021-01-12 10:44:380阅".
_GLUED_OUTLET_DATE = _Lazy(
    # (Not a label of the date: "发布时间 2024-05-08 10:20", "发表于…".)
    r"^(?P<paper>[\u4e00-\u9fff]{2,10}?)(?<!时间)(?<!日期)(?<!于)\s*"
    r"(?P<date>(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2}))\s*"
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:\d+\s*阅|(?:分类|栏目|频道)[:：]\s*[^\s:：]{1,12})?$",
    lambda s: ":" in s,
)
_SIGNATURE_AND_DATE = _Lazy(
    r"^(?P<org>[\u4e00-\u9fff]{4,30}?)\s*(?P<date>(?:19|20)\d{2}年\d{1,2}月\d{1,2}日)$", lambda s: s.endswith("日")
)
_PAPER_IN_BYLINE = _Lazy(r"《([\u4e00-\u9fff]{2,12})》", lambda s: "《" in s)
_REPORTER_TITLE = re.compile(r"^(?:本报|本台|本网|特约)?(?:记者|通讯员)\s*")
_CREDIT_MARK = re.compile(r"^(?:文/图|图/文|文图|文|图)\s*[/／:：]\s*")
#: Taiwan's official calendar: 民国111年12月5日 is 2022-12-05.
#: A date after a headline, a space before it: "…作经验交流发言 2023.04.18".
_TITLE_DATE_TAIL = re.compile(
    r"(?:\s+|(?<=[)）]))(?P<date>(?:19|20)\d{2}(?:[.\-/]\d{1,2}[.\-/]\d{1,2}|年\d{1,2}月\d{1,2}日))\s*$"
)  # (or glued to a bracket: "…(上市后适用)2021-11-17")
#: A page's fields after its headline on one line: "…储备监测 发布:2022-08-19 11:00:55 来源:新华社".
_TITLE_FIELDS_TAIL = _Lazy(
    r"\s+(?:发布|发布时间|发布日期|日期|时间)\s*[:：]\s*(?P<date>(?:19|20)\d{2}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日))"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+来源\s*[:：]\s*(?P<source>[^\s:：]{2,20}))?\s*$",
    lambda s: ":" in s or "：" in s,
)
#: A journal's issue on its own line, naming the journal: "中国全科医学 2013年28期".
_JOURNAL_ISSUE = _Lazy(
    r"^(?P<journal>[\u4e00-\u9fff]{0,10}(?:学报|杂志|学刊|医学|研究|科学|保险|管理|经济|论坛|评论|卫生|药学|医药|月刊|季刊))"
    r"\s*(?:19|20)\d{2}\s*年\s*(?:第\s*)?\d{1,3}\s*期$",
    lambda s: s.endswith("期"),
)
#: A page's address with its time stamp before the source: "http://www.scol.com.cn (2016-11-03 17:53:37) 来源:四川在线".
_URL_STAMP = _Lazy(
    r"^(?:https?://|www\.)\S+\s*[(（](?P<stamp>(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)[)）]\s*(?=来源)",
    lambda s: "来源" in s,
)
#: A download link after a notice's title: "…决议公告 下载公告".
_DOWNLOAD_TAIL = re.compile(r"\s+下载(?:公告|附件|全文|PDF|pdf)?$")
#: An exchange's label of a listed firm's announcement before its title: "[临时公告]威博液压:…".
_ANNOUNCEMENT_LABEL = re.compile(r"^[\[【](?:临时公告|定期报告|临时报告|公告)[\]】]\s*")
#: A date whose year has two digits, as the whole of a field's value ("24年07月24日").
_SHORT_YEAR_DATE = re.compile(r"^\s*(?P<y>\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_ROC_DATE = re.compile(r"民国\s*(?P<y>\d{2,3})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
_WEEKDAY = re.compile(r"[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?|农历\S+(?:\s+\S+)?")  # a site's clock, 农历 too
_DATELINE = re.compile(
    # (A site and its paper in brackets: "荆楚网(湖北日报网)讯".)
    r"^(?P<outlet>[\u4e00-\u9fffA-Za-z0-9/·]{2,24}?(?:[(（][\u4e00-\u9fff]{2,10}[)）])?讯)"
    # ... and the reporters, on the text's line or on a line of their own.
    r"(?:\s*(?:[(（][^)）]{1,30}[)）])?\s+(?=\S)|\s*[(（][^)）]{1,30}[)）]\s*$"
    r"|\s*[(（][^)）]{1,30}[)）](?=\d{1,2}月\d{1,2}日)"  # "健康报讯(记者 吴少杰)4月28日,…"
    r"|\s*[(（][^()（）]{0,20}(?:记者|通讯员)[^()（）]{1,16}[)）]"  # "本网讯(某某网记者 王某)记者从…"
    r"|\s*[(（][\u4e00-\u9fff]{2,3}(?:\s+[\u4e00-\u9fff]{2,3}){0,3}[)）](?=[\u4e00-\u9fff“]))"  # "本报讯(贺某某 张某)日前,…"
)
_AGENCY_DATELINE = _Lazy(
    r"^(?:[(（]图(?:片)?(?:源|来源)[:：/][^()（）]{1,20}[)）]\s*)?"  # a photo's credit before it: "(图源:新华社) "
    # (Spam a site injects before it is cut with it: "神探狸狸黑料中新网乌鲁木齐3月26日电".)
    r"(?:据|[\u4e00-\u9fff]{1,8}?(?=(?:新华社|中新社|中新网|人民网|央视网|央广网|中国新闻网|光明网|新华网)[\u4e00-\u9fff]{0,8}\d))?"
    r"(?P<outlet>新华社|中新社|中新网|人民网|央视网|央广网|中国新闻网|光明网|新华网|(?!据)[\u4e00-\u9fff]{1,4}社|(?!据)[\u4e00-\u9fff]{2,6}网"
    r"|(?!据)[\u4e00-\u9fff]{2,6}日报(?:海外版)?|本报)"  # "人民日报海外版北京9月2日电", "本报北京10月7日电"
    r"(?P<rest>\s?[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电[/／]?"
    # ... and the reporter in brackets after it: "中新网 三明5月4日电 (雷朝良)".
    r"(?:\s*[(（](?:记者)?\s*[\u4e00-\u9fff]{2,4}(?:[、\s][\u4e00-\u9fff]{2,4}){0,3}[)）])?)",
    lambda s: "电" in s[:60],
)
#: Reporters' names in brackets opening the text: "(刘某 刘某某)为更好地…".
_NAMES_LEAD = _Lazy(r"^(?P<outlet>)[(（][\u4e00-\u9fff·]{2,4}(?:\s[\u4e00-\u9fff·]{2,4}){1,4}[)）]\s*(?=[\u4e00-\u9fff“])", lambda s: s[:1] in "(（")
#: A dated dateline: "深圳新闻网2024年11月22日讯(记者 李慧)".
_DATED_DATELINE = _Lazy(
    r"^(?P<outlet>[\u4e00-\u9fffA-Za-z]{2,12}?)(?P<date>(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日)讯"
    r"\s*(?:[(（][^()（）]{1,30}[)）])?",
    lambda s: "讯" in s[:40],
)
_BYLINE_LEAD = re.compile(
    r"^(?P<outlet>[\u4e00-\u9fffA-Za-z0-9]{2,16}?)(?:全媒体|融媒体|首席|特约|见习)?记者\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:[\s、,][\u4e00-\u9fff·]{2,4}){0,3}\s+[\u4e00-\u9fff]{0,6}报道\s+"
)
#: A reporter's credit opening the text: "记者徐铁英报道 通过虚构治疗…", "本报记者 张三 李四 报道 …".
_REPORTER_LEAD = _Lazy(
    r"^(?:本报|本台|本网|特约|全媒体|融媒体)?(?:记者|通讯员)\s*"
    # "记者彭某 通讯员杨某某、王某报道:今日零时起…"
    r"(?P<names>[\u4e00-\u9fff·]{2,4}(?:(?:[\s、]|\s?(?:通讯员|实习生)\s?)[\u4e00-\u9fff·]{2,4}){0,4}?)\s*报道(?:\s*[:：]\s*|\s+)",
    lambda s: "报道" in s[:50],
)
#: Reporters' names over 报道, run into the text: "谭某、殷某某、王某报道:7月8日上午,…" (they
#: name no outlet: the empty group keeps the shape of the other datelines).
_REPORTERS_LEAD = _Lazy(
    r"^(?P<outlet>)[\u4e00-\u9fff·]{2,4}(?:[、,，][\u4e00-\u9fff·]{2,4}){1,5}\s*报道\s*[:：]", lambda s: "报道" in s[:40]
)
#: A paper's own dateline run into the text: "本报讯15日中午,解放军总医院…".
_SELF_DATELINE = _Lazy(r"^(?P<outlet>本报讯|本网讯|本台讯|本刊讯)(?=[\u4e00-\u9fff\d])", lambda s: s[:1] == "本")
#: An agency's dateline in brackets, its reporter inside: "(中央社记者吴某某24日电)", "(中央社记者某某台北24日电)".
_BRACKETED_AGENCY = _Lazy(
    r"^[(（](?P<outlet>中央社|新华社|中新社)记者[\u4e00-\u9fff·]{2,10}?\d{1,2}日电[)）]\s*", lambda s: s[:1] in "(（"
)
#: An agency's dateline whose outlet the copying site cut off: "11月27日电 国家卫生健康委…".
_BARE_DATELINE = _Lazy(
    r"^(?P<outlet>)(?P<date>\d{1,2}月\d{1,2}日)电\s*(?:[(（](?:记者)?\s*[\u4e00-\u9fff·、\s]{2,16}[)）])?\s*",
    lambda s: "电" in s[:8],
)
#: A paper's own dateline in brackets: "【明报专讯】国家审计署前日发布…".
_BRACKET_DATELINE = _Lazy(
    r"^[【\[](?P<outlet>[\u4e00-\u9fff]{2,10}?讯)[】\]]\s*"
    # A site's name in brackets before its text: "【TechWeb】不久前备受关注的…".
    # (A site's name, in mixed case or ending in 网; not a term, "【DRG】", nor a column, "【医保快报】".)
    r"|^【(?P<site>[A-Z][a-z][A-Za-z0-9.]{1,14}|[\u4e00-\u9fff]{1,8}网|(?!互联网|中医药|健康|医保|医疗|智慧)[\u4e00-\u9fff]{2,6}\+)】\s*(?=[\u4e00-\u9fff“\d])",
    lambda s: s[:1] in "【[",
)
_NEWS_DATELINE = re.compile(
    r"^(?P<outlet>[\u4e00-\u9fffA-Za-z]{2,10}?)消息\s*(?:[(（][^()（）]{1,12}[)）])?\s*[:：]"
    # "今日竹山网消息 11月5日,…": an outlet's name, no colon, the date.
    r"|^(?P<site>[\u4e00-\u9fff]{2,10}网)消息\s+(?=\d{1,2}月\d{1,2}日)"
)
_INLINE_CREDIT = _Lazy(
    # (An outlet may be a brand and its paper: "(新甘肃·甘肃经济日报记者王耀)".)
    r"[(（](?P<outlet>(?:[\u4e00-\u9fff]{2,6}·)?[\u4e00-\u9fff]{2,6}?(?:新闻|日报|晚报|报|网|台|客户端)|《[\u4e00-\u9fff]{2,10}》)?(?:本报|全媒体|融媒体|特约|见习)?(?:记者|通讯员)\s*(?:[:：]\s*)?[\u4e00-\u9fff·]{2,4}(?:[\s、,，]+(?:记者|通讯员)?\s*[\u4e00-\u9fff·]{2,4}){0,4}[)）]",
    lambda s: "记者" in s or "通讯员" in s,
)
#: A photographer's credit run into the text: "…作政府工作报告。(新华社记者 王某/图)新华网报道,…".
_INLINE_PHOTO_CREDIT = _Lazy(
    r"[(（](?:[\u4e00-\u9fff]{2,8}?(?:社|报|网|台))?(?:记者|通讯员)?\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:[\s、,，]+[\u4e00-\u9fff·]{2,4}){0,3}\s*(?:[/／]\s*(?:图|摄)|\s摄)[)）]",
    lambda s: "图" in s or "摄" in s,
)
#: A paper's apparatus run into its text, as a PDF's one long line keeps it:
#: "【中图分类号】G40—052 [文献标志码】A [文章编号】1674—6120(2013)11—0001—05".
_INLINE_PAPER_META = _Lazy(
    r"[【\[]\s*(?:中图分类号|中图法分类号|文献标志码|文献标识码|文章编号|DOI)\s*[】\]]\s*[:：]?\s*[A-Za-z0-9][A-Za-z0-9.:/()（）\-—–]{0,40}\s*",
    lambda s: "分类号" in s or "文献标" in s or "文章编号" in s or "DOI" in s,
)
#: An author's note run onto the title: "…的案例分析作者简介:陈步卿(1987~),男。".
_INLINE_AUTHOR_NOTE = _Lazy(r"(?<=.)(?:[【\[]\s*)?作者简介\s*(?:[】\]]\s*)?[:：]?[^。]{2,80}。?", lambda s: "作者简介" in s)
_FOOTNOTE_SOURCE = _Lazy(
    r"[①-⑳]\s*(?:资料|数据|图片)?来源\s*[:：][^。①-⑳]{1,40}。?\s*(?i:https?://|www\.)[!-~]+。?", lambda s: "来源" in s
)
#: A picture's credit left after the paragraph it followed: "…的一种形式。图源新华社".
_TRAILING_PHOTO_CREDIT = _Lazy(
    r"(?<=[。!?！？”])\s*(?:(?:(?:图源|图片来源)\s*[:：]?|(?:图片|图)\s*[:：/])\s*[\u4e00-\u9fffA-Za-z]{2,10}"
    r"|[\u4e00-\u9fffA-Za-z]{2,12}\s*[|/丨｜]\s*图"  # "…手续。视觉中国|图"
    # "…预算报告。中新社发杜洋 摄??": an agency's photographer (and characters the page lost).
    r"|(?:[\u4e00-\u9fff]{2,6}(?:社|报|网|台)发?\s*)?(?:记者\s*)?[\u4e00-\u9fff·]{2,4}\s摄[?？]*)$",
    lambda s: "图" in s[-16:] or "摄" in s[-4:],
)
#: The languages a wiki links an article's name to: "…International英语ENHANCE International".
_LANGUAGE_LINK = _Lazy(r"(?:英语|英文|日语|法语|德语)(?=[A-Za-z])", lambda s: "语" in s or "英文" in s)


def _interlanguage_links(s: str) -> list[tuple[int, int]]:
    """A wiki's links to the same name in another language: "X英语X" keeps the first X."""
    out = []
    for m in _LANGUAGE_LINK.finditer(s):
        after = s[m.end():m.end() + 60]
        ascii_run = next((k for k, c in enumerate(after) if not c.isascii()), len(after))
        for k in range(ascii_run, 1, -1):
            if after[k - 1].isalpha() and s.endswith(after[:k], 0, m.start()):
                out.append((m.start(), m.end() + k))
                break
    return out


_CAPTION_LEAD = _Lazy(
    r"^[^。!?！？()（）]{4,60}[(（][^()（）]{1,16}摄(?:影)?[)）]"
    # A caption of any length with its picture's source, right before an agency's dateline:
    # "…在玩耍。近年来,…(图源:新华社) 中评社北京8月20日电…".
    r"|^[^()（）]{4,300}?[(（]图(?:片)?(?:源|来源)\s*[:：][^()（）]{1,16}[)）]\s*(?=\S{2,8}?[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电)"
    # A caption and its giver run into the paragraph below it: "…入列首批“5G 医疗健康”试点名单广东电信供图近年来,…".
    r"|^[^。!?！？]{4,60}?[\u4e00-\u9fff]{2,8}供图(?=[\u4e00-\u9fff“])",
    lambda s: "摄" in s[:80] or "图" in s[:320],
)
_NOTICE = re.compile(r"^[(（](?:此件|本件)[\u4e00-\u9fff]{2,8}[)）]$")
#: A page's language switch over the site's name: "English|利安達國際".
_LANGUAGE_SWITCH = _Lazy(r"^(?:English|EN|中文|繁體|繁体|简体|簡體)\s*[|｜]\s*[^\s|｜]{2,16}$", lambda s: "|" in s or "｜" in s)
#: A share button's text: the headline between dashes and the channel's name,
#: with an empty address ("----某某医院实现处方共享//----健康频道 http:// //").
_SHARE_TEXT = _Lazy(r"^-{3,}\S.*(?://-{2,}|https?://\s*//)", lambda s: s.startswith("---"))
#: A press conference's card, beside its 时间 and 发布人: "地点:市政务中心15楼东会议室", "主持人:…";
#: not a host who speaks in a transcript ("主持人:感谢各位嘉宾作客我们的节目,谢谢。").
_PRESS_CARD = _Lazy(r"^(?:地点|主持人|主持)\s*[:：][^,，。!！?？;；]{2,40}$", lambda s: s[:1] in "地主")
#: A stock quote's fields, and its empty timestamp: "昨收盘:0.000今开盘:0.000最高价:0.000", "00-00 00:00:00".
_QUOTE_FIELDS = _Lazy(
    r"^(?:(?:昨收盘|今开盘|开盘价|收盘价|现价|最高价|最低价|成交额|成交量|买入价|卖出价|市盈率|市净率|收益率|换手率|振幅|量比|涨跌幅|涨跌额"
    r"|总市值|流通市值|52周最高|52周最低)\s*[:：]\s*-?\d+(?:\.\d+)?%?\s*){2,}$|^0{2,4}-00(?:-00)?\s+00:00(?::00)?$",
    lambda s: s[-1:].isdigit() or s.endswith("%"),
)
#: A row of links to other sites: "中国政府网   山西省人民政府网   吕梁市人民政府网".
_SITE_LINKS = _Lazy(r"^[\u4e00-\u9fff]{0,10}政府网(?:\s+[\u4e00-\u9fff]{0,10}政府网)+$", lambda s: s.endswith("政府网"))
#: A body's name over the column of its site: "国家中医药管理局 政策文件".
_BODY_COLUMN = _Lazy(
    r"^[\u4e00-\u9fff]{2,20}(?:局|委|厅|部|院|办|中心|政府|委员会)\s+"
    r"(?:政策文件|政策法规|政策解读|通知公告|工作动态|新闻动态|政务动态|政务公开|信息公开|新闻中心)$",
    lambda s: " " in s or "\u3000" in s,
)
#: A page's widget still loading: "调查问题加载中,请稍候。", "若长时间无响应,请刷新本页面".
_LOADING = _Lazy(
    r"^[\u4e00-\u9fff]{0,8}(?:加载中|载入中|正在加载)[,，.。…\s]*请稍[候后等][。.!！…]*$|^(?:若|如)长时间无响应[,，]\s*请刷新(?:本)?页面[。.!！]*$",
    lambda s: "请" in s,
)
#: A site's paywall: "您当前为:【游客状态】,公告详情仅对登录用户开放,", "*开通会员可解锁*", and the
#: fields it masks ("预算金额(元): ********").
_PAYWALL = _Lazy(
    r"仅对(?:登录|注册)?(?:用户|会员)开放|(?:登录|注册)后(?:方可)?(?:查看|可见|阅读|获取)|游客状态"
    r"|^[^:：]{1,20}[:：]\s*\*{4,}\s*$",
    lambda s: "*" in s or "会员" in s or "登录" in s or "游客" in s,
)
#: A paper's wall for its subscribers, sentences and all: "订阅登录,以继续阅读全文!", "订户专享 赠阅文章",
#: "早报新添“赠阅文章”功能!凡早报VIP会员,每月可赠阅 5 篇订户专享文章。".
_SUBSCRIBERS = _Lazy(r"以继续阅读全文|订阅后(?:继续)?阅读|订户专享|赠阅文章", lambda s: "阅读" in s or "订户" in s or "赠阅" in s)
#: ... and inside a sentence: "并于 *开通会员可解锁* 11:00前递交", "数量: 1 预算金额(元): ******** 单位: 批".
_INLINE_PAYWALL = _Lazy(r"\*?开通会员可解锁\*?|(?:^|(?<=\s))[^\s:：]{1,12}[:：]\s*\*{4,}", lambda s: "*" in s)
#: A PDF's page marker run into its text: "…招标编号: GMTC124ZZHG0005JOPAGE 96 广东省…".
_INLINE_PAGE = _Lazy(r"\s?PAGE \d{1,4}(?!\d)\s?", lambda s: "PAGE " in s)
#: Where a chapter was printed: "陈某、向某主编《…蓝皮书…(2025)》,社会科学文献出版社,2025,第132~154页。"
_BOOK_CITATION = _Lazy(r"《[^》]{2,60}》[,，]\s*[\u4e00-\u9fff]{2,20}出版社[,，]\s*(?:19|20)\d{2}", lambda s: "出版社" in s)
#: An editor's note on a series: "此为《瞭望》“推开乡村健康门”专题的第一篇,其他几篇点选文末图片可阅读".
_SERIES_NOTE = _Lazy(
    r"^[(（]?(?:此为|本文为|本文系|这是)[^。]{0,40}(?:专题|系列|特稿|报道)的?第[一二三四五六七八九十\d]+篇"
    r"|(?:点选|点击)文末[^。]{0,10}(?:阅读|查看)",
    lambda s: "篇" in s or "文末" in s,
)
_INSTITUTION_END = re.compile(r"(办公厅|办公室|委员会|人民政府|政府|局|部|委|厅|署|院|中心|协会|学会)$")
_OUTLET_TAIL = re.compile(r"(报|报社|晚报|日报|周报|周刊|周末|网|台|电视台|广播电台|新闻|杂志|杂志社|传媒|融媒体中心|讯|社|频道|客户端|在线)$")
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百\d]+[章节部分条篇]|第[一二三四五六七八九十][,，、]|\d{1,2}[、.．](?!\d)|[①-⑳]|[A-Za-z][、.．]"
    r"|\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\s+(?=[^\x00-\x7f])"  # "1.2 核心理念"
    # A paper's section, "1 中国公立医院薪酬制度背景": not a count cut by a wrap ("3 家医院").
    r"|\d{1,2}\s+(?![家个名位项所座批类种件次间台张床万亿千百元年月日号人岁天周型级倍期届])(?=[^\x00-\x7f]))"
)


#: A section's number printed without its space ("3.1.2数字技术赋能服务场景"): not a
#: figure ("3.5亿元", "1.2倍").
_GLUED_SECTION_NUMBER = _Lazy(
    r"^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?![万亿千百元倍个家名位项所座批类种件次间台张床年月日号人岁天周型级期届小分公米度秒])(?=[\u4e00-\u9fff])",
    lambda s: s[:1].isdigit() and "." in s[1:4],
)


def is_numbered(s: str) -> bool:
    """Does ``s`` open with a heading's number ("一、", "(二)", "1.2 ", "第三章")?"""
    return bool(_NUMBERED.match(s) or _GLUED_SECTION_NUMBER.match(s))


#: An issuing body printed on a line of its own above its document's title.
_ISSUER_END = re.compile(r"(?:委员会|人民政府|办公厅|办公室|领导小组|医疗保障局|卫生健康委|局|厅|股份有限公司|有限公司)$")
_DOC_TYPE_END = re.compile(r"(通知|通报|意见|办法|方案|决定|规定|细则|规划|纲要|函|批复|通告|公告|报告|指南|要点|任务|计划|责任书|倡议书|承诺书|任务书|白皮书)$")
#: A report's headline glued to its first sentence (see the title search).
_GLUED_REPORT_TITLE = _Lazy(
    r"^(?P<head>[^,，。；;:：!?！？\s]{4,36}(?:工作总结|工作计划|工作安排|工作要点|工作报告|述职报告|汇报材料|讲话稿|文稿|总结))"
    # ... then a space or the time that opens the first sentence ("2021年,", "今年以来,"),
    # not a verb: "2025年政府工作报告提出实施…" is a sentence about the report.
    r"(?=\s|(?:今年|去年|近年|近几年|一年|过去一年|\d{4}年|\d{1,2}月))"
    r"\s*(?=[^,，。；;:：!?！？]{2,}[,，][^\n]{20,}[。！？])",
    lambda s: any(w in s[:44] for w in ("总结", "计划", "安排", "要点", "报告", "材料", "稿")),
)
#: An opening clause that needs its object: "为进一步落实" (a line break before 《…》 cuts it).
_OPENING_CLAUSE = re.compile(r"^(?:为(?:了|进一步|深入|全面|认真)?(?:贯彻|落实|推进|推动|深化|加快|做好|规范)|根据|按照|依据|依照|遵照)")
_CONTINUATION_START = re.compile(r"^(?!了解|及时|和谐|与会)[的地得了和与及或等之而并且但、,，。；;)）”]")
#: Words that open a new sentence, never the rest of one: a short line over
#: such a line is a heading ("医共体这5点,影响医械行业" / "首先,《通知》…").
_SENTENCE_OPENER = re.compile(
    r"^(?:首先|其次|再次|最后|此外|另外|与此同时|近日|日前|今日|今天|昨日|昨天|近年来|近期|据悉|据了解|据介绍|"
    r"记者|本报讯|今年以来|去年以来|摘要|尊敬的|根据|依据|"
    # Discourse markers that open the next sentence: "…荣膺我国最绿省份 / 也就是说,在福建,…".
    r"也就是说|换言之|换句话说|总而言之|由此可见|事实上|实际上)[,，]?"
)
#: A headline's separators ("走在前 开新局|一切为了群众的健康——河口区…纪实").
_HEADLINE_MARK = re.compile(r"[|丨]|——")
#: A sentence that opens on its date ("8月14日至15日,全市…").
_DATE_START = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日")


def _is_ui_line(s: str) -> bool:
    tokens = [t for t in _UI_SPLIT.split(s) if t]
    if not tokens or len(s) > 40:
        return False
    ui = 0
    for token in tokens:
        if token in _UI_WORDS or _LATIN_WORD_CAPS.match(token) or token.rstrip("+").isdigit():  # a counter: "999+"
            ui += 1
        elif any(token.endswith(x) and token[: -len(x)].isdigit() for x in ("浏览", "阅读", "评论", "人看过", "次阅读", "次浏览", "次点击")):
            ui += 1
        elif all(part in _UI_WORDS for part in _SCRIPT_RUNS.findall(token)):
            ui += 1  # menu items glued together: "首页English"
        elif token.endswith("正文") and len(token) <= 6:
            ui += 1  # a column's last crumb: "体育正文 12 0"
        elif _ui_words_glued(token):
            ui += 1  # "立刻打印加入收藏"
        else:
            return False
    return ui > 0


def _ui_words_glued(token: str) -> bool:
    """Is ``token`` two or more interface words of two characters or more run together?"""
    if len(token) < 4 or len(token) > 16:
        return False
    ends = {0}
    for i in range(1, len(token) + 1):
        if any(j in ends and token[j:i] in _UI_WORDS for j in range(max(0, i - 8), i - 1)):
            ends.add(i)
    return len(token) in ends and token not in _UI_WORDS


_SCRIPT_RUNS = re.compile(r"[A-Za-z]+|[^A-Za-z]+")
#: A site's member bar: "用户名密码 [免费注册] [找回密码] 推广技巧 发布求购 建商铺 发产品".
_ACCOUNT_WORDS = ("用户名", "免费注册", "找回密码", "忘记密码", "会员登录", "会员注册", "立即注册", "注册", "登录")


def _is_account_bar(s: str) -> bool:
    """A site's login or member bar: a password field with the words around it, no sentence."""
    return (
        "密码" in s and len(s) <= 100 and "。" not in s
        and sum(1 for w in _ACCOUNT_WORDS if w in s) >= 2
    )


def cjk_ratio(s: str) -> float:
    """The share of Chinese characters in ``s`` (0 for an empty string)."""
    return len(_CJK.findall(s)) / max(1, len(s))


def ends_sentence(s: str) -> bool:
    """Does ``s`` end a sentence (。！？… before any closing quotes or brackets)?"""
    stripped = s.rstrip(_CLOSERS + " ")
    return bool(stripped) and stripped[-1] in _TERMINAL


_ends_sentence = ends_sentence

_ANYWHERE = 10**9
#: (reason, longest line it applies to, pattern, only when the line does not
#: end a sentence), tried in order. Patterns anchored with ^ need .search too.
#: A printed page's number, as text taken from a PDF or a Word file keeps it:
#: "- 3 -", "— 3 —", "－3－", "·3·", "第3页", "第 3 页 共 12 页", "3/12", "Page 3 of 12", "3".
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－·•]\s*\d{1,4}\s*[-—–－·•]|第\s*\d{1,4}\s*页(?:\s*[/,，]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}"
    r"|(?:\[第\s*\d{1,3}\s*页\]\s*){1,12}(?:>{1,2}\s*下一页)?)$",  # "[第01页] [第02页] >>下一页"
    re.IGNORECASE,
)

#: A book's front-matter page number, alone ("xxviii") or before its line's text.
_ROMAN_PAGE = re.compile(r"^[ivxlc]{1,8}$")
_ROMAN_LEAD = _Lazy(r"^[ivxlc]{2,8}\s+(?=[\u4e00-\u9fff])", lambda s: s[:1] in "ivxlc")
#: A figure's label after its caption ("…与技术创新 图1"), and a photo of a
#: scene captioned with its name ("义诊现场。", "活动现场").
_FIGURE_LABEL = _Lazy(
    r"\s图\s?\d{1,2}$|^[\u4e00-\u9fff]{2,10}现场[。.]?$"
    r"|^(?:图\s?(?:[一二三四五六七八九十]{1,2}|\d{1,2}(?:-\d{1,2})?)\s*){1,6}$",  # a figure's bare label where its picture was: "图一", "图2"
    lambda s: "图" in s[-4:] or "现场" in s,
)
#: An author's affiliation in English, with its postcode.
_LATIN_AFFILIATION = _Lazy(
    r"^(?:\d\.\s*)?(?=.*\b(?:University|College|School|Institute|Hospital|Academy)\b).*\b\d{6}\b(?:,\s*(?:China|P\.\s?R\.\s?China))?[,.;]?$",
    lambda s: s.isascii() or s[:2].isascii(),
)
#: A column's label for its editor's lead, alone on its line.
_LEAD_LABEL = re.compile(r"^[【\[]?(?:专栏导语|导语|编者按|编者的话|编辑导语|内容提要|核心提示|简介|内容简介|导读|作者介绍)[】\]]?[:：]?$")
#: ... and the same label opening its text on one line.
_LEAD_LABEL_BEFORE_TEXT = _Lazy(
    r"^[【\[]?(?:专栏导语|导语|编者按|编者的话|编辑导语|内容提要|核心提示)[】\]]?\s*[:：]\s*", lambda s: s[:1] in "【[专导编内核"
)
#: A long run of digits alone on a line: a tracking code, an ID, never text.
_DIGITS_ONLY = re.compile(r"^\d{12,}$")
#: A page's count of its own words and reading time: "本文共935字", "全文约3200字,阅读约需8分钟".
_WORD_COUNT = _Lazy(
    r"^(?:本文|全文|正文)?\s*(?:共|约)?\s*[\d,]{2,7}\s*字(?:\s*[,，]?\s*(?:预计)?阅读(?:时间|需要|约需|需)?\s*约?\s*\d{1,3}\s*分钟)?$"
    r"|^(?:文章|本文|全文|正文)?字数\s*[:：]\s*[\d,]{1,7}$",  # "文章字数:2387"
    lambda s: "字" in s,
)
#: A document-sharing site's file card: "文档编号:17217269", "格式:DOCX", "大小:28.07KB", or all on one
#: line ("上传人:b****5 文档编号:12364516 上传时间:2023-04-18 格式:DOCX 页数:14").
_FILE_CARD = _Lazy(
    r"(?i)^\d+(?:\.\d+)?\s*(?:KB|MB|页)$|^上传人\s*[:：]\S{1,20}\s+文档编号\s*[:：]|^(?:文档编号|文档ID|文档格式|文件格式|格式|大小|文件大小|页数|文档页数|下载积分|下载次数|上传时间|上传者|上传人)\s*[:：]\s*"
    r"[A-Za-z0-9.\-/: ]{1,24}(?:KB|MB|K|M|页|次|分)?$",
    lambda s: ":" in s or "：" in s or s[-2:].upper() in ("KB", "MB") or s.endswith("页"),
)
#: A listed company's announcement header: "证券代码:002872 证券简称:ST天圣 公告编号:2026-007".
_STOCK_HEADER = re.compile(r"^(?:证券代码|股票代码)\s*[:：]\s*\d{6}")
#: The statement every announcement of a listed company opens with.
_BOARD_PLEDGE = re.compile(r"^本公司(?:及|和)?(?:董事会|全体董事)[^。]{0,20}保证[^。]{0,30}(?:真实|准确|完整|虚假记载|误导性陈述|重大遗漏)")
#: An accessible site's skip link ("按 Enter 到主内容区", "跳到主要内容", "Skip to content"), a
#: wiki's redirect note, a blog's list headings in English, a portal's section banner.
_SKIP_LINK = _Lazy(
    r"^(?:按\s*Enter\s*键?\s*(?:到|至)主内容区|跳(?:到|至|过)(?:主要内容|主内容|导航|正文)(?:区块|区域|区)?)\W*$|^[(（]重定向自[^()（）]{1,30}[)）]?$"
    r"|^(?i:skip to (?:main )?content|popular (?:articles|posts)|recent posts|related posts)$"
    # A portal's section banner: "阳春市人民政府办公室政府信息公开".
    r"|^[\u4e00-\u9fff]{2,24}(?:政府信息公开|信息公开专栏|信息公开目录)$",
    lambda s: any(w in s for w in ("Enter", "跳", "重定向", "公开")) or s[:1] in "SsPpRr",
)
#: Labels with nothing after them: "出版:更新:", and a rating's "满意度:", "综合得分:"
#: (a form's or a template's empty fields). One label alone is a heading
#: ("主要做法:") unless it is a rating's.
_EMPTY_LABELS = _Lazy(
    r"^(?:[\u4e00-\u9fff]{2,5}\s*[:：]\s*){2,4}$|^(?:满意度|综合得分|综合评分|评分|得分|星级|评价等级|官方网址|网址|官网|所属分类)\s*[:：]$",
    lambda s: s.endswith((":", "：")),
)

#: A page's furniture that no other rule names: "热搜:", "TAG标签:", "1条回答", "共(0)条相关推荐",
#: "打开ChinaNews阅读" (an app's banner), "X 关闭" (a pop-up's close button), a tag's tail cut
#: from its markup ("an>"), a reading-time note.
_PAGE_FURNITURE = _Lazy(
    r"^(?:热搜|热门搜索)\s*[:：]$|^放大图片$|^\d+\s*条(?:回答|评论|回复)$|^共\s*[(（]\d+[)）]\s*条(?:相关推荐|评论)$"
    r"|^打开[A-Za-z\u4e00-\u9fff]{2,16}(?:阅读|查看)$|^[X×✕]\s*关闭$|^[a-z]{1,8}>$"
    r"|^预计阅读时长\s*\d+\s*分钟$|^\d+\s*人参与\s*\d+\s*评论$",
    lambda s: len(s) <= 24,
)
#: A collection's piece number after its name: "…实施方案集合 篇1".
_PIECE_NUMBER = re.compile(r"\s*篇\s*[一二三四五六七八九十\d]{1,3}")
#: A site's label over its tag links: "TAG标签:", "标签:".
_TAG_LABEL = re.compile(r"^(?:TAG标签|TAGS?|Tags?|标签|相关标签|热门标签)\s*[:：]$")
#: A WeChat post's call to follow it: "更多精彩,请点击上方蓝字关注我们!", "长按左侧二维码识别,关注某某。".
_FOLLOW_PROMPT = _Lazy(
    r"^[^。]{0,12}(?:点击上方蓝字|点击上方“[^”]{1,12}”|长按(?:左侧|右侧|下方|上方)?二维码|扫描(?:下方|上方|左侧|右侧)?二维码)[^。]{0,30}关注[^。]{0,20}[。!！]?$",
    lambda s: "关注" in s,
)
#: A stock picture's credit alone: "本报资料照片", "新华社资料图片".
_FILE_PHOTO = re.compile(r"^(?:本报|本刊|本网|新华社|资料)?资料(?:照片|图片|图)$")

_LINE_RULES = (
    ("page-number", 24, _PAGE_NUMBER, False),
    ("symbols", _ANYWHERE, _DIGITS_ONLY, False),
    ("metadata", 30, _WORD_COUNT, False),
    ("page-number", 8, _ROMAN_PAGE, False),
    ("photo-caption", 50, _FIGURE_LABEL, False),
    ("paper-metadata", 200, _LATIN_AFFILIATION, False),
    ("notice", 8, _LEAD_LABEL, False),
    ("metadata", 100, _FILE_CARD, False),
    ("notice", 120, _STOCK_HEADER, False),
    ("notice", 120, _BOARD_PLEDGE, False),
    ("navigation", 40, _SKIP_LINK, False),
    ("navigation", 60, _FORUM_PROFILE, False),
    ("metadata", 24, _EMPTY_LABELS, False),
    ("navigation", 80, _NAV_START, False),
    ("navigation", 400, _KEYWORD_BAR, False),
    ("form", 40, _TABLE_HEADER, False),
    ("navigation", 40, _LOADING, False),
    ("form", 60, _QUOTE_FIELDS, False),
    ("navigation", 60, _SITE_LINKS, False),
    ("promotion", 60, _PAYWALL, True),  # not "…通过APP登录后查看个人账户。", a sentence
    ("promotion", 60, _SUBSCRIBERS, False),
    ("metadata", 60, _PRESS_CARD, False),
    ("navigation", 30, _LANGUAGE_SWITCH, False),
    ("share", 200, _SHARE_TEXT, False),
    ("paper-metadata", 60, _BOOK_FIELD, False),
    ("contact", 80, _CONTACT, False),
    ("contact", 40, _EMAIL_OR_PHONE, True),
    ("previous-next", 80, _PREV_NEXT, False),
    ("navigation", 60, _EPAPER_NAV, False),
    ("copyright", 120, _COPYRIGHT, False),
    ("copyright", _ANYWHERE, _COPYRIGHT, True),
    ("reposting", 120, _REPOST, False),
    ("reposting", 20, _REPOSTED_FROM, False),
    ("metadata", 12, _RELATIVE_TIME, False),
    ("paper-metadata", 400, _AUTHORS_NOTE, False),
    ("related-links", 60, _CUT_TEASER, False),
    ("notice", 300, _WRITERS_NOTE, False),
    ("navigation", 200, _NEWS_NETWORK, False),
    ("metadata", 100, _ORIGINAL_HEADLINE_NOTE, False),
    ("form", 80, _BLANK_ROW, False),
    ("template-code", 30, _CSS_NAME, False),
    ("paper-metadata", _ANYWHERE, _LATIN_ABSTRACT, False),
    ("paper-metadata", 200, _PINYIN_AUTHORS, False),
    ("notice", 40, _BARE_NOTICE_LABEL, False),
    ("template-code", 400, _COMMENT_TAIL, False),
    ("byline", 60, _BYLINE_LABEL, False),
    ("byline", _ANYWHERE, _BYLINE_PAREN, False),
    ("byline", 16, _BRACKETED_EDITOR, False),
    ("byline", 30, _BYLINE_PLACE, False),
    ("byline", 30, _BYLINE_TAIL, False),
    ("byline", 16, _SPACED_NAME_BYLINE, False),
    ("byline", 60, _LATIN_CREDIT, False),
    ("symbols", 40, _FIGURE_ONLY, False),
    ("seo-caption", 80, _DOUBLED_PHRASE, False),
    ("navigation", 20, _FOLLOW_BUTTON, False),
    ("photo-credit", 40, _PHOTO, True),
    ("notice", _ANYWHERE, _NOTICE, False),
    ("notice", 100, _SERIES_NOTE, False),
    ("paper-metadata", 300, _PAPER_META, False),
    ("paper-metadata", 200, _AFFILIATION, False),
    ("paper-metadata", 200, _BOOK_CITATION, False),
    ("photo-caption", 150, _CAPTION, False),
    ("photo-caption", 100, _CAPTION_MARK, False),
    ("photo-caption", 42, _BRACKETED, False),
    ("photo-caption", 60, _PHOTO_POSITION, False),
    ("byline", 40, _REPORTED_BY, False),
    ("promotion", 60, _PROMOTION, False),
    ("promotion", 300, _SHARED_DOCUMENT, False),
    ("promotion", 300, _ESSAY_SITE, False),
    ("navigation", 24, _FORUM_UI, False),
    ("navigation", 80, _POST_HEADER, False),
    ("template-code", 300, _HTTP_HEADER, False),
    ("template-code", 200, _SERVER_ERROR, False),
    ("masthead", 40, _SLOGAN, False),
    ("promotion", 120, _READER_ASIDE, False),
    ("metadata", 300, _UNITS_LINE, False),
    ("navigation", 120, _SPACED_MENU, False),
    ("related-links", 1000, _HEADLINE_STRIP, False),
    ("byline", 40, _SIGNATORY, False),
    ("byline", 60, _AUTHOR_NOTE, False),
    ("seo-caption", 120, _SEO_ECHO, False),
    ("masthead", 30, _PAPER_MOTTO, False),
    ("symbols", 12, _ELISION, False),
    ("paper-metadata", 40, _ISSUE_PAGES, False),
    ("paper-metadata", 300, _REFERENCE, False),
    ("paper-metadata", 300, _AUTHOR_BIO, False),
    ("paper-metadata", 80, _AUTHOR_POST, False),
    ("paper-metadata", 100, _FUNDING_NOTE, False),
    ("metadata", 30, _READING_TIME, False),
    ("share", 20, _SHARE_HOWTO, False),
    ("paper-metadata", 60, _LATIN_TITLE_CASE, False),
    ("navigation", 30, _WECHAT_ACCOUNT, False),
    ("promotion", 40, _SCAN_FOR_SERVICE, False),
    ("navigation", 40, _PORTAL_BAR, False),
    ("photo-caption", 90, _CAPTION_WITH_CREDIT, False),
    ("byline", 40, _NAME_AND_POST, False),
    ("related-links", 40, _BULLET, True),
    ("source-link", 200, _SOURCE_LINK, False),
    ("source-link", 200, _URL_ONLY, False),
    ("share", 40, _SHARE, True),
    ("navigation", 120, _MENU_BAR, False),
    ("navigation", 40, _GREETING, False),
    ("navigation", 24, _SHORT_CRUMB, False),
    ("site-name", 16, _SITE_NAME, True),
    ("notice", 16, _EDITED, False),
)


#: The fields of a forum member's profile, each alone on its line over its value.
_PROFILE_FIELDS = frozenset(
    "发帖 帖子 主题 金币 道行 原创 奖券 斑龄 道券 获奖 座驾 设备 摄影级 威望 积分 精华 贡献 好评 信誉 "
    "在线时间 注册时间 最后登录 最后发表 UID 级别 用户组 阅读权限".split()
)
_MEMBER_ONLINE = re.compile(r"^(?:在线|离线)\S{2,12}$")  # "在线某某粉丝": the poster, online
#: A field's value under its name: a count, a date, a time ("12", "2013-8-27", "小时").
_PROFILE_VALUE = re.compile(r"^[\d\s:：/.\-]*(?:年|月|日|天|小时|分钟|秒)?[\d\s:：/.\-]*$")
PROFILE_MIN = 3
PROFILE_GAP = 4


def _profile_lines(lines: list[str]) -> set[int]:
    """A forum member's profile beside the post: at least ``PROFILE_MIN`` of its
    field names alone on their lines (as list items too: "- 注册时间"), the values
    under them (a date among them is not the article's), and the poster's
    "在线…" line above them."""
    names = [_LIST_MARK.sub("", s).split(":")[0].split("：")[0].strip() for s in lines]
    fields = [i for i, name in enumerate(names) if name in _PROFILE_FIELDS]
    out: set[int] = set()
    cluster: list[int] = []
    for i in [*fields, len(lines) + PROFILE_GAP + 1]:
        if cluster and i - cluster[-1] > PROFILE_GAP:
            # Fields a few lines apart (a value between): one profile.
            if len(cluster) >= PROFILE_MIN:
                out.update(cluster)
                out.update(
                    k for k in range(cluster[0], min(len(lines), cluster[-1] + 2))
                    if lines[k] and _PROFILE_VALUE.match(names[k])
                )
                out.update(k for k in range(max(0, cluster[0] - 12), cluster[0]) if _MEMBER_ONLINE.match(lines[k]))
            cluster = []
        cluster.append(i)
    return out


#: A site's menu printed one item a line: "今日要闻", "政策资讯", "权威论坛", … (at least
#: ``MENU_RUN_MIN`` short lines of Chinese in a row, no blank line or punctuation between).
_MENU_ITEM = re.compile(r"^[\u4e00-\u9fff]{2,6}$")
MENU_RUN_MIN = 6


def _menu_lines(lines: list[str]) -> set[int]:
    """The lines of a menu printed one item a line (see ``_MENU_ITEM``)."""
    out: set[int] = set()
    run: list[int] = []
    for i, s in enumerate([*lines, ""]):
        if s and _MENU_ITEM.match(s):
            run.append(i)
            continue
        if len(run) >= MENU_RUN_MIN:
            out.update(run)
        run = []
    return out


#: A question a health site links to, one a line without a mark: "孩子感冒发烧流鼻血怎么回事".
_LINKED_QUESTION = _Lazy(r"怎么|怎样|为什么|什么原因|是什么|如何|几天|吗$|呢$|好不好|能不能|小妙招|要警惕", lambda s: len(s) <= 30)
QUESTION_RUN_MIN = 4
QUESTION_SHARE = 0.6


def _question_links(lines: list[str], counts: dict[str, int]) -> set[int]:
    """A run of at least QUESTION_RUN_MIN short lines with no mark at all, most of them
    questions: the related questions under a health site's answer (lines repeated between
    them, a link's label, go with them)."""
    out: set[int] = set()
    run: list[int] = []
    for i, s in enumerate([*lines, "。"]):
        if not s:
            continue
        if len(s) <= 30 and not any(c in s for c in "。,，、;；:：!！?？“”()（）") and not s[:1].isdigit():
            run.append(i)
            continue
        items = [j for j in run if counts.get(lines[j], 0) < 3]  # not the label repeated between them
        if len(items) >= QUESTION_RUN_MIN and sum(bool(_LINKED_QUESTION.search(lines[j])) for j in items) >= QUESTION_SHARE * len(items):
            out.update(run)
        run = []
    return out


#: A table of contents' entry: a numbered title and its page ("2.市医疗保障局2025年上半年工作总结13").
_CONTENTS_ENTRY = _Lazy(
    r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})[.、．]\s*(?P<title>[^。!?！？;；]{4,60}?[^\d.\s年月日号])\s*(?P<page>\d{1,3})$",
    lambda s: s[-1:].isdigit(),
)
CONTENTS_MIN = 3


def _contents_lines(lines: list[str]) -> set[int]:
    """The lines of a table of contents: at least ``CONTENTS_MIN`` numbered
    entries in a row (blank lines apart), each ending on its page, the pages
    never going down. A section's own numbered headings carry no page."""
    out: set[int] = set()
    run: list[tuple[int, int]] = []
    for i, s in enumerate([*lines, "end"]):
        if not s:
            continue
        m = _CONTENTS_ENTRY.match(s)
        if m and (not run or int(m.group("page")) >= run[-1][1]):
            run.append((i, int(m.group("page"))))
            continue
        if len(run) >= CONTENTS_MIN:
            out.update(k for k, _ in run)
            above = next((k for k in range(run[0][0] - 1, -1, -1) if lines[k]), None)
            if above is not None and lines[above].replace(" ", "") in ("目录", "目次"):
                out.add(above)  # its heading
        run = [(i, int(m.group("page")))] if m else []
    return out


#: A section's number inside a table of contents run into one line: "一、…", "2.2医保支付…".
_CONTENTS_NUMBER = _Lazy(r"[一二三四五六七八九十]、|\d\.\d(?=[\u4e00-\u9fff])")
#: How many section numbers make a line without a sentence a table of contents.
FLAT_CONTENTS_MIN = 6


def _is_flat_contents(s: str) -> bool:
    """A document site's table of contents flattened into one line, pages and all:
    "…报告目录970摘要 328698一、中国骨科医院行业发展现状与市场格局 5173331.1行业规模…"."""
    return (
        "目录" in s[:120] and "。" not in s and len(s) >= 200
        and sum(1 for _ in _CONTENTS_NUMBER.finditer(s)) >= FLAT_CONTENTS_MIN
    )



def _line_reason(s: str, *, in_footer: bool) -> str | None:
    """Why a line is debris, or None when it is article text."""
    reason = _plain_line_reason(s, in_footer=in_footer)
    if reason in (None, "related-links") and (mark := _LIST_MARK.match(s)) and mark.end() < len(s):
        # A list item: "- 文档编号:17217269"; a paper's byline under its mark: "□福建日报记者 庄紫怡".
        reason = _plain_line_reason(s[mark.end():], in_footer=in_footer) or reason
    return reason


#: A site's menu of places: "全部 北京 上海 重庆 天津 江苏省 湖北省 …" (this many places at least).
PLACE_MENU_ITEMS = 8


def _is_place_menu(s: str) -> bool:
    """A line of place names only, apart by spaces (a site's choice of region), however long."""
    if s.count(" ") < PLACE_MENU_ITEMS - 1 or not _SPACED_MENU.match(s):
        return False
    from medsum.places import place_names

    names = place_names()
    tokens = s.split()
    # A menu offers a choice ("全部 北京 上海 …", "… 更多"); a list of pilot cities in the text does not.
    menu = tokens[0] in ("全部", "不限", "热门") or tokens[-1] in ("更多", "其他")
    return menu and sum(t in names for t in tokens) >= max(PLACE_MENU_ITEMS, len(tokens) - 2)


def _plain_line_reason(s: str, *, in_footer: bool) -> str | None:
    if not s:
        return "blank"
    if not any(c.isalnum() for c in s):
        return "symbols"
    n = len(s)
    if _is_ui_line(s) or _is_account_bar(s):
        return "navigation"
    if _is_flat_contents(s):
        return "contents"
    if _is_place_menu(s):
        return "navigation"
    if _is_spam(s):
        return "spam"
    if _PAGE_FURNITURE.match(s) or _TAG_LABEL.match(s) or _FOLLOW_PROMPT.match(s) or (len(s) <= 200 and _GATE.search(s)):
        return "navigation"
    if _FILE_PHOTO.match(s):
        return "photo-credit"
    for reason, max_len, pattern, fragment_only in _LINE_RULES:
        if n <= max_len and pattern.search(s) and not (fragment_only and _ends_sentence(s)):
            return reason
    if "_" in s and n <= 400:
        parts = [p for p in s.split("_") if p.strip()]
        # An image's SEO caption (a few parts), or a content farm's injected
        # list of search phrases (many, however long the line, whatever it ends on).
        if len(parts) >= 2 and all(_CJK.search(p) for p in parts) and (
            len(parts) >= 4 or (n <= 120 and not _ends_sentence(s))
        ):
            return "seo-caption"
    if cjk_ratio(s) < 0.2 and len(_CODE_CHARS.findall(s)) >= 3:
        return "template-code"
    if n <= 60 and not _CJK.search(s) and _ODD_MARKS.search(s):
        return "template-code"  # what anti-copying noise leaves: "`tvb now,tvbnow,bttvb&"
    if in_footer:
        if _DISCLAIMER_BODY.search(s) or n <= 40 or not _ends_sentence(s):
            return "footer"
    return None


#: A content farm's patter, a sentence that addresses the reader as 小编:
#: "今天小编给大家带来详细的介绍", "接下来小编就给大家介绍一下方案应该怎么去写".
#: The most a sentence of such patter may say before the clause that holds 小编.
FILLER_LEAD = 30


def _filler_lead(s: str, a: int, b: int) -> int:
    """How many characters the sentence ``s[a:b]`` has before the clause in which 小编 speaks."""
    k = s.find("小编", a, b)
    return max((i for i in range(a, k) if s[i] in ",，"), default=a) - a
#: (Tried where a sentence starts only: from every offset, a line of many 小编 took seconds.)
_FILLER = re.compile(r"(?:^|(?<=[。！？!?\n]))[^。！？!?\n]*小编(?:就|来|这就)?(?:给|为|带|和|跟)(?:大家|你|您)[^。！？!?\n]*[。！？!?]?")
#: SEO injection: a short run printed twice ("家男较好家男较好", "科医科医", "院比院比院")
#: and dropped into a page's sentences again and again. No text repeats a doubled
#: run of two to four different characters this often (研究研究 is said once).
_DOUBLED = re.compile(r"(.{2,4})\1")
INJECTED_DOUBLES = 3


def _injected_doubles(lines: list[str]) -> re.Pattern | None:
    """The doubled runs a page's spam injected into its text, as one pattern (None: none)."""
    counts = Counter(m.group(1) for s in lines if s for m in _DOUBLED.finditer(s))
    units = [
        u for u, c in counts.items()
        if c >= INJECTED_DOUBLES and len(set(u)) > 1 and all("\u4e00" <= ch <= "\u9fff" for ch in u)
    ]
    if not units:
        return None
    # "院比院比院": the run twice and its first character again.
    return re.compile("|".join(
        re.escape(u + u) + "(?:" + re.escape(u[0]) + ")?" for u in sorted(units, key=lambda u: (-len(u), u))
    ))


@lru_cache(maxsize=4096)  # asked twice of a line: where the footer starts, then why it goes
def _is_spam(s: str) -> bool:
    """A line of injected spam: two of its words, or one in a short line (a
    word injected into a sentence leaves the sentence)."""
    hits = {s[a:b].lower() for a, b in _spam_spans(s)}
    return len(hits) >= 2 or (len(hits) == 1 and len(s) <= 40)


#: Marks that glue a spam site's words together ("bet体育在线_365bet体育在线@").
_SPAM_GLUE = frozenset("_@|")


def _spam_spans(s: str) -> list[tuple[int, int]]:
    """Where spam words stand in ``s``, overlapping ones merged: "188体育平台"
    (188体育 + 体育平台) is one injection."""
    if s.isascii():
        return []
    merged: list[tuple[int, int]] = []
    for a, b in sorted((end - len(word) + 1, end + 1) for end, word in _spam_automaton().iter(s.lower())):
        # The marks that glue a spam site's words together go with them: "bet体育在线_365bet体育在线@".
        while b < len(s) and s[b] in _SPAM_GLUE:
            b += 1
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _injected(s: str, spans: list[tuple[int, int]]) -> bool:
    """One spam word put into a line of text ("买足球的软件规范完善…的通知", where the
    page had 关于): the line keeps a headline's worth of Chinese without it."""
    if len({s[a:b].lower() for a, b in spans}) != 1:
        return False
    rest, at = [], 0
    for a, b in spans:
        rest.append(s[at:a])
        at = b
    rest.append(s[at:])
    return len(_CJK.findall("".join(rest))) >= INJECTED_REST


#: How many Chinese characters a line keeps without its one spam word to be text, not spam.
INJECTED_REST = 12


def _unspam_line(s: str, original: str, spans: list[tuple[int, int]]) -> tuple[str, str, list[str]]:
    """A line of text with spam words at ``spans``: (simplified, original, the spam taken out).

    A page flattened into one long line behind its spam keeps the article after the
    last spam word; spam words injected into text ("根据《中共中央国务院188体育平台
    深化…》") are cut out of it. A line of spam only is left to the line rules.
    """
    if not spans:
        return s, original, []
    if len(spans) == 1 and spans[0][0] == 0 and s[spans[0][1]:spans[0][1] + 1].isdigit():
        return _cut_spans(s, original, spans)  # "向日葵污视频5月7日,在…": one spam word glued before the date
    last = spans[-1][1]
    gap = re.search(r"[\s,，]", s[last:])
    cut = last + gap.end() if gap else len(s)
    if (
        len(s) > SPAM_PREFIX_LINE and len(s) - cut >= 60 and any(c in s[cut:] for c in "。！？!?")
        # ... unless one site's name stands in for a word, again and again, or once in the
        # middle of a sentence ("国家医保局、财政部、平博体育网址、国家中医药局联合发布…"): it is cut out.
        and not (len(spans) >= 2 and _injected(s, spans))
        and not (len(spans) == 1 and len(_CJK.findall(s[:spans[0][0]])) >= INJECTED_REST)
    ):
        return s[cut:].strip(), original[cut:].strip(), [original[:cut].strip()]
    if "。" not in s and _is_spam(s) and not _injected(s, spans):
        return s, original, []
    return _cut_spans(s, original, spans)


def _cut_spans(s: str, original: str, spans: list[tuple[int, int]]) -> tuple[str, str, list[str]]:
    """``s`` and its aligned ``original`` without ``spans`` (in order, not overlapping), and what was cut."""
    # A word cut from a list takes one of the marks around it: "财政部、平博体育网址、国家中医药局".
    spans = [(a, b + 1) if 0 < a and b < len(s) and s[a - 1] in "、,，" and s[b] == s[a - 1] else (a, b) for a, b in spans]
    taken = [original[a:b] for a, b in spans]
    pieces = list(zip([0] + [b for _, b in spans], [a for a, _ in spans] + [len(s)]))
    return "".join(s[a:b] for a, b in pieces).strip(), "".join(original[a:b] for a, b in pieces).strip(), taken


#: A news site's credit or a bar (or both) after a paragraph's last sentence: "…医疗中心。 (刘某 实习生 周某) |".
_CREDIT_AND_BAR = re.compile(r"\s*(?:[(（][^()（）]{1,30}[)）]\s*[|｜]?|[|｜])\s*$")


def _end_without_credit_and_bar(s: str) -> str:
    """The end of a line, without a credit and a bar after its last sentence."""
    # (Only lines that end in a bar are searched: the pattern, tried at every
    # position of a long line, would take time in the square of its length.)
    return _CREDIT_AND_BAR.sub("", s[-80:]) if s.rstrip().endswith(("|", "｜", ")", "）")) else s


def _starts_footer(s: str) -> bool:
    return bool(
        _PREV_NEXT.match(s)
        or _COPYRIGHT.search(s)
        or (len(s) <= 60 and _BYLINE_LABEL.match(s) and s.lstrip("(（【[").startswith(("责任编辑", "编辑", "责编", "审核", "校对", "终审")))
        or (len(s) <= 120 and _REPOST.search(s))
        or s.strip("【】[]—-－ ") in _RELATED_HEADINGS  # "— 相关新闻 —"
        or bool(_MORE_NEWS.match(s))
    )


#: A teaser block's heading: "更多中国要闻", "更多本地新闻", a journal's "中国药房杂志相关文献".
_MORE_NEWS = _Lazy(
    r"^更多[\u4e00-\u9fff]{0,6}(?:新闻|要闻|资讯|文章|报道)$|^[\u4e00-\u9fff]{2,10}相关(?:文献|文章|阅读|新闻|报道)$",
    lambda s: len(s) <= 16 and (s.startswith("更多") or "相关" in s[-4:]),
)


_RELATED_HEADINGS = frozenset(
    {"相关阅读", "相关新闻", "相关文章", "推荐阅读", "相关产品", "延伸阅读", "热门推荐", "相关链接", "更多新闻",
     "热点新闻", "猜你喜欢", "往期回顾", "相关推荐", "相关报道", "新闻推荐", "最新新闻", "热门新闻", "最新资讯",
     "精彩推荐", "活动资讯", "最新文章", "热门文章", "编辑推荐", "读者回响", "推荐内容", "相关内容", "为你推荐",
     "为您推荐", "更多推荐", "相关资讯", "热门阅读", "大家都在看", "相关话题", "网友关心话题", "看了本文的网友还看了",
     "评论列表", "合作站点"}
)


# --------------------------------------------------------------------------
# Metadata


def _iso_date(text: str) -> str | None:
    m = _DATE.search(text)
    if not m:
        short = _SHORT_YEAR_DATE.match(text)
        if short:  # a labelled "发布时间:24年07月24日": this century's
            y, mo, d = 2000 + int(short.group("y")), int(short.group("m")), int(short.group("d"))
            return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
        m = _ROC_DATE.search(text)
        if not m:
            return None
        y, mo, d = int(m.group("y")) + 1911, int(m.group("m")), int(m.group("d"))
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


#: An outlet that names itself in its own lead: "《第一财经日报》发现",
#: "本报记者从市卫健委获悉" does not name it, "21世纪经济报道记者获悉" does.
_OWN_REPORTING = re.compile(
    r"《(?P<a>[\u4e00-\u9fff\d]{2,10}(?:日报|晚报|早报|周报|时报|商报|报|周刊|杂志))》(?:记者)?"
    r"(?:发现|获悉|了解到|注意到|调查|报道|梳理|统计|采访|盘点|团队|分析|整理|比对)"
    r"|(?:^|(?<=[,，。；;:：\s]))(?P<b>[\u4e00-\u9fff\d]{2,6}(?:日报|晚报|早报|周报|时报|商报|经济报道))记者"
    r"(?:从|在|获悉|了解到|日前|近日|调查|采访)"
)


#: An outlet heading its own headline: "新华社:农民的健康要他们“守门”…".
_TITLE_OUTLET = _Lazy(
    r"^(?P<outlet>新华社|中新社|新华网|人民网|央视新闻|央视网|央广网|中国新闻网|澎湃新闻|人民日报|光明日报|经济日报"
    r"|[\u4e00-\u9fff]{2,6}(?:日报|晚报|时报))\s*(?P<sep>[:：|｜])\s*\S",
    lambda s: any(c in s for c in ":：|｜"),
)


def _own_reporting(text: str) -> str | None:
    """The outlet of a report that names itself only in its text."""
    m = _OWN_REPORTING.search(text)
    return (m.group("a") or m.group("b")) if m else None


#: A document's issuer opening its title: "南京市人民政府办公厅关于支持社会力量…的实施意见".
_TITLE_ISSUER = _Lazy(
    r"^(?P<body>(?:国务院|国家|中共中央|[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|盟))[\u4e00-\u9fff]{0,14}?"
    r"(?:办公厅|办公室|委员会|人民政府|医疗保障局|管理局|局|厅|部))关于[^。]{4,80}的"
    r"(?:通知|意见|实施意见|指导意见|办法|实施办法|方案|实施方案|决定|规定|批复|通报|公告)$",
    lambda s: "关于" in s,
)


def _title_issuer(title: str | None) -> str | None:
    m = _TITLE_ISSUER.match(to_simplified(title)) if title else None
    if not m:
        return None
    body = m.group("body")
    if body.startswith(("国务院", "国家", "中共中央")):
        return body
    # A place's body: the place is one ("南京市人民政府办公厅"), not a headline's words ("网友热议省…").
    from medsum.places import place_names

    place = re.match(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|盟)", body)
    return body if place and place.group() in place_names() else None


def _title_outlet(title: str | None) -> str | None:
    m = _TITLE_OUTLET.match(to_simplified(title)) if title else None
    return m.group("outlet") if m else None


#: A time labelled after these is the data's, a forum member's or an event's, not the page's.
_NOT_OF_THE_PAGE = ("资料", "数据", "统计", "注册", "登录", "在线", "截止", "活动", "会议", "报名", "受理", "办公")
#: "新华网·2025-08-12 13:54": an outlet and when it printed the text, alone on a line.
_OUTLET_AND_DATE = _Lazy(
    # "新华网·2025-08-12 13:54"; any name when the time of day follows its date: "第一财经·2025-12-04 13:40".
    r"^(?P<paper>(?=[\u4e00-\u9fff]{1,8}(?:网|报|社|台|新闻|日报|晚报|客户端)\s*[·•|｜])[\u4e00-\u9fff]{2,10}"
    r"|[\u4e00-\u9fff]{2,8}(?=\s*[·•]\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}))\s*[·•|｜]\s*"
    r"(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
    lambda s: any(c in s for c in "·•|｜"),
)
#: "今日崇州 2015-05-01 15:33": an outlet, then when it printed the text.
_NAME_THEN_TIME = re.compile(r"^\S{2,20}\s+(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
#: A site's address after a line of labelled fields.
_TRAILING_URL = re.compile(r"\s+(?:https?://|www\.)\S+$", re.IGNORECASE)


#: A note in brackets, the whole of what stands before a line's first label.
_BRACKETED_NOTE = re.compile(r"[(（][^()（）]{1,40}[)）]")


def _label(m: re.Match) -> str:
    """The label of a ``_META_PAIR`` match, written with a colon or as a table's cell."""
    return m.group("label") or m.group("cell")


def _parse_meta_line(s: str) -> dict[str, str] | None:
    """Parse a line of labelled fields; None when the line is not one."""
    # Not 图片来源, 图源; not the time of the data, a forum's member or an event (资料时间, 注册时间, 活动时间).
    matches = [
        m for m in _META_PAIR.finditer(s)
        if not s[:m.start()].endswith(("图", "图片"))
        and not (s[:m.start()].endswith(_NOT_OF_THE_PAGE) and ("时间" in _label(m) or "日期" in _label(m)))
    ]
    if not matches:
        return None
    s = _TRAILING_URL.sub("", s)  # "来源:今日崇州 2015-05-01 15:33 https://www.yybnet.net/": the site's address after
    prefix = s[: matches[0].start()].strip()
    if _URL_ONLY.match(prefix) or _BRACKETED_NOTE.fullmatch(prefix):
        # The site's name and address first: "南海网 http://www.hinews.cn 时间:…"; a
        # quote page's note: "(A股报价延迟最少十五分钟。)新闻来源 (不包括新闻图片): 格隆汇".
        prefix = ""
    if prefix and len(prefix) > 12 and not _DATE_LINE.fullmatch(prefix):
        return None
    if prefix and _label(matches[0]) == "发布":
        return None  # "国家医保局发布:2026年1月1日起…": a headline; 发布 is a label only opening its line
    if prefix.endswith(("收稿", "修订", "修回", "录用", "接收")):
        return None  # a paper's history ("收稿日期:2021-10-27"): not when it was published
    fields: dict[str, str] = {}
    if prefix and _iso_date(prefix):
        fields["日期"] = prefix  # "2011年10月08 来源:...": an unlabelled date first
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(s)
        value = s[m.end():end].strip(" |｜")
        # A table's cells: "索引号: | … |"; a bar ends a value ("发文机关: | 新田县人民政府 | 发文日期:").
        fields.setdefault(_label(m), re.split(r"\s*[|｜]", value, maxsplit=1)[0])
    # Article sentences also contain "时间:"; a metadata line is short values.
    if any(len(v) > 40 for v in fields.values()):
        return None
    if len(s) > 120:
        return None
    return fields


_SOURCE_NOTE = re.compile(r"\s*[(（][^()（）]{1,8}[)）]?$")


def _outlet_without_place(outlet: str) -> str:
    """"中国经济网苏州" (a dateline's outlet, then where it reports from) is 中国经济网;
    "秀山网讯" is 秀山网; "荆楚网(湖北日报网)讯" is 荆楚网."""
    outlet = re.sub(r"[(（][^()（）]{2,10}[)）](?=讯$)", "", outlet)
    if outlet.endswith(("网讯", "报讯", "台讯")) and len(outlet) >= 4:
        outlet = outlet[:-1]
    elif outlet.endswith("专讯") and len(outlet) >= 4:
        outlet = outlet[:-2]  # "明报专讯": the paper's own report
    m = re.search(r"(?<=[网报台社闻])[\u4e00-\u9fff]{2,3}?(?=讯?$)", outlet)  # "中国张掖网民乐讯": the place it reports from
    if m and m.start() >= 3:
        from medsum.places import place_names

        names = place_names()
        # Where it reports from, a county's short name too ("民乐" for 民乐县).
        if m.group() in names or any(m.group() + level in names for level in "县区市旗"):
            return outlet[: m.start()]
    return outlet


def _source_name(value: str) -> str:
    """The outlet in a printed source: "《东岳论丛》2018年第11期" is 东岳论丛,
    "百花范文网本文已影响…" is 百花范文网."""
    journal = re.match(r"^《([^《》]{2,20})》", value)
    if journal:
        return journal.group(1)
    note = value.find("本文", 2)
    value = value[:note] if note > 0 else value
    return _PAGE_OF_PAPER.sub("", value) or value  # "中国中医药报2版": the paper, not its page


#: The page of a paper printed after its name: "2版", "第3版", "A02".
_PAGE_OF_PAPER = re.compile(r"(?<=[报刊])\s*(?:第?\s*[\dA-Z]{1,4}\s*版|[A-Z]\d{1,3})$")


def _paper_of(outlet: str) -> str:
    """One outlet of a paper and its site or app: the first that reads as one
    ("工人日报-中工网" -> 工人日报, "草原云·内蒙古新闻网" -> 内蒙古新闻网)."""
    parts = [p for p in re.split(r"[-·]", outlet) if p]
    if len(parts) < 2:
        return outlet
    return next((p for p in parts if len(p) >= 2 and _OUTLET_TAIL.search(p)), outlet)


def _usable_source(value: str) -> bool:
    """Does a printed source name one: not "网络整理", not a code ("sp20241114")?"""
    value = value.strip()
    if not value or value in _NOT_A_SOURCE or value in _UI_WORDS or value.lower() in _NOT_A_SOURCE or _is_spam(value):
        return False
    if value.startswith(("本报", "本网", "本台", "本刊")):
        return False  # "本报", "本报北京2月14日讯": the paper does not say its name
    if _EPAPER_NAV.search(value):
        return False  # "星期四 上一期 下一期": an e-paper's controls
    if value.endswith(("厂家", "生产厂家", "供应商", "批发")):
        return False  # a hijacked page's product advert: "来源:PVC排水管厂家"
    if len(value) <= 5 and value.endswith(("室", "科")) and not value.endswith(("办公室", "研究室", "百科", "学科")):
        return False  # a hospital's department that gave the material: "素材来源:手术室", "来源:宣传科"
    return bool(_CJK.search(value)) or "." in value or not any(c.isdigit() for c in value)


def _meta_from_fields(fields: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for label, value in fields.items():
        value = value.strip(" -|()（）")  # "(文章来源:界面新闻)"
        if not value:
            continue
        if label in ("生效日期", "废止日期"):
            continue  # when a rule applies, not when it was published
        if "日期" in label or "时间" in label or label == "发布":
            date = _iso_date(value)
            if date:
                # When a document was signed or a page updated: only if nothing says when it was published.
                out.setdefault("date_weak" if label in _NOT_PUBLISHED else "date", date)
                # "时间:2025年08月28日 02:26:32 中财网": the outlet after its date and time.
                words = value.split()
                tail = words[-1] if len(words) > 1 else ""
                if label not in _NOT_PUBLISHED and len(tail) <= 12 and _SITE_TAIL.search(tail) and not _iso_date(tail) and _usable_source(tail):
                    out.setdefault("source", tail)
        elif "来源" in label or label in ("转自", "稿源", "出处", "来自"):
            # "转自:大众日报 2024-05-09 10:34:15": the source, and when it printed the text;
            # "来源:市医疗保障局2023-01-31 14:47": the same, glued. Issuers listed with 、
            # are one source, spaces and all ("揭阳市医疗保障局、 揭阳市财政局、揭阳市卫生健康局").
            words = value.split(" ")
            first = words[0]
            for word in words[1:]:
                if not first.endswith("、") or not word:
                    break
                first += " " + word
            first = _GLUED_CONTROLS.sub("", first) or first  # "中国新闻网参与互动参与互动": the page's buttons
            glued = _GLUED_DATE.search(first)
            name = _source_name(first[: glued.start()] if glued else first)
            name = _SOURCE_NOTE.sub("", name) or name  # "新华社(新媒体)": the outlet, not its desk
            if _usable_source(name):
                out.setdefault("source", name)
            if (label in ("转自", "稿源") or glued or _NAME_THEN_TIME.match(value)) and _iso_date(value):
                out.setdefault("date", _iso_date(value))
        elif label in ("作者", "撰稿", "撰稿人"):
            paper = _PAPER_IN_BYLINE.search(value)
            if paper:
                # "本报记者 邱玥 《光明日报》( 2023年08月25日 12版)": the reporter and the paper.
                out.setdefault("source", paper.group(1))
                value = _REPORTER_TITLE.sub("", value[: paper.start()]).strip()
                if value:
                    out.setdefault("author", value)
            elif _OUTLET_TAIL.search(value) and len(value) <= 12:
                out.setdefault("source", value)  # "作者: 家庭医生在线": a site, not a person
            else:
                out.setdefault("author", value)
        elif label in ("发布人", "发布者") and _OUTLET_TAIL.search(value):
            out.setdefault("source", value)
        elif label in ("发布机构", "发文机关", "发文机构", "发文单位"):
            out.setdefault("source", value)
    return out


def _front_matter_date(value: object) -> str | None:
    if value is None:
        return None
    text = str(value)
    iso = _iso_date(text)
    if iso:
        return iso
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


_SITE_SUFFIX = re.compile(
    r"\s*(?:[-_|｜—–]+\s*)[^-_|｜—–]{0,24}(?:网|网站|报|新闻|频道|平台|商圈|易购|官网|门户|首页|中心|政府|在线|资讯|天下|\.com|\.cn)[】\]]?\s*$"
)


#: The site's name after a printed <title>: " -合作市人民政府", "_某某网" (not "——专访…中心").
#: A multi-page article's part, spaced inside its brackets by a page widget: "…攻势来袭( 二 )".
_PART_MARK = _Lazy(r"\s*[(（]\s+[一二三四五六七八九十\d]{1,2}\s+[)）]$", lambda s: s.endswith((")", "）")))
_TITLE_SITE_TAIL = _Lazy(
    r"(?:\s-\s*|\s*[_|｜]\s*)[^-_|｜—–]{0,24}(?:网|网站|报|新闻|频道|平台|官网|门户|首页|政府|在线|资讯|\.com|\.cn)\s*$"
    r"|(?<=[\u4e00-\u9fff])-[\u4e00-\u9fff]{1,8}(?:网|在线|资讯|天下)$",  # "…新进展-环球观天下"
    lambda s: any(c in s for c in "-_|｜"),
)


def _echoes_title(line: str, title: str) -> bool:
    """Is ``line`` the headline again, spaced out or with a word or two changed?"""
    if not line or _ends_sentence(line) or abs(len(line) - len(title)) > 4:
        return False
    a, b = _norm_title(line), _norm_title(title)
    if len(b) < 6:
        return False
    from difflib import SequenceMatcher

    return a == b or SequenceMatcher(None, a, b).ratio() >= TITLE_ECHO_RATIO


#: How alike a line below the headline must be to be its echo (two characters of 16 swapped: 0.875).
TITLE_ECHO_RATIO = 0.85


def _norm_title(s: str) -> str:
    return re.sub(r"[\s_/|｜:：,，、\-—]+", "", s)


# --------------------------------------------------------------------------
# Paragraphs and sentences


def _is_heading(s: str) -> bool:
    if not s:
        return False
    n = len(s)
    if is_numbered(s) and n <= 60 and not (_ends_sentence(s) and n > 16):
        return True
    if _ends_sentence(s):
        return False
    if n <= 40:
        return True
    return False


def _display_width(s: str) -> int:
    """Columns a line takes in print: two for a Chinese character and for the
    punctuation that was full-width before normalisation folded it (，；：！？()),
    one for a letter or a digit."""
    return sum(2 if c in _FOLDED_PUNCTUATION or unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


_FOLDED_PUNCTUATION = frozenset(",;:!?()")

#: A hard-wrapped text (from a PDF: 公文 print 28 characters a line) has most of
#: its lines close to the widest common width: within 4 columns, or within 2
#: characters (a page laid out on a grid gives a digit a whole cell).
WRAP_MEASURES = ((_display_width, 20, 4), (len, 10, 2))
#: ... and at least this share of its lines of 20 columns or more at that width.
WRAP_SHARE = 0.4


def _full_lines(lines: list[str]) -> list[bool]:
    """Which lines reach the width the text was hard-wrapped at (none if it
    was not).

    Lines cut at a fixed width all end near it; paragraphs of running text
    have lengths all over the place. For each measure, the width is the
    commonest one among lines that are not short (the larger on a tie) and
    counts when most such lines lie just under it and next to none over it.
    """
    full = [False] * len(lines)
    for measure, shortest, slack in WRAP_MEASURES:
        sizes = [measure(line) for line in lines]
        widths = [w for w in sizes if w >= shortest]
        if len(widths) < 6:
            continue
        common = Counter(widths)
        width = max(common, key=lambda w: (sum(c for v, c in common.items() if w - slack <= v <= w), w))
        near = sum(1 for w in widths if width - slack <= w <= width)
        over = sum(1 for w in widths if w > width + slack)
        if near >= 4 and near >= WRAP_SHARE * len(widths) and over <= 0.1 * len(widths):
            full = [f or w >= width - slack for f, w in zip(full, sizes)]
    return full


#: Two or three characters that open with a surname but are words: not a name.
_NOT_NAMES = frozenset(
    "正文 全文 全部 时间 时评 安全 文章 文件 金额 和谐 简介 简讯 简报 关注 关于 万元 成果 成绩 成效 要闻 "
    "常识 常见 常用 温馨 方案 方法 康复 向上 宁可 毛病 包括 应急 应对 应用 华人 于是 时事 时政 任务 任免 "
    "党建 党史 单位 申请 管理 路线 宫颈 曲线 明细 高考 高血压 高温 江湖 海报 史料 项目 公告 公示 通知".split()
)


def _lone_name(line: str) -> bool:
    """Is a line a person's name alone ("費菲", "王小明"): two or three Han
    characters opening with a common surname, no place, no common word?"""
    simple = to_simplified(line)
    if not (
        2 <= len(simple) <= 3 and all("\u4e00" <= c <= "\u9fff" for c in simple) and simple[0] in _SURNAMES
        and simple not in _NOT_NAMES
    ):
        return False
    from medsum.places import place_names  # (only for a line that could be a name: most pages have none)

    return simple not in place_names()


def _is_issuing_body(line: str) -> bool:
    """A public body's name alone on a line: "安康市住房和城乡建设局", "…交通警察支队"."""
    return 4 <= len(line) <= 30 and bool(re.fullmatch(r"[\u4e00-\u9fff()（）]+", line)) and bool(
        _INSTITUTION_END.search(line) or line.endswith(("支队", "大队", "总队", "分局"))
    ) and "关于" not in line


def _is_issuer(body: str) -> bool:
    """Does a masthead name issuing bodies ("国家卫生健康委员会", "财政部、国家
    医保局"), not a headline that ends in 文件 ("…关于转发省级文件")?"""
    return "关于" not in body and all(_INSTITUTION_END.search(part) for part in body.split("、"))


def _goes_on(q: str) -> bool:
    """Can ``q``, shorter than the wrap width, end a paragraph cut by the wrap?
    It ends a sentence or has a clause in it; a short line with neither is a
    heading ("加强绩效评估") under a paragraph whose last line happens to be
    full, unless that paragraph is one line: a heading's own first line."""
    return _ends_sentence(q) or any(c in q for c in ",，、;；:：")


#: A form's field left empty: "收件人Email:", "寄件人电话:".
_FORM_LABEL = _Lazy(r"^[\u4e00-\u9fffA-Za-z]{1,10}[:：]$", lambda s: s.endswith((":", "：")))


def _table_row(s: str) -> bool:
    """A row of a table printed with bars: "| 年手术量 | 3,200例 |", "1 | 项目 | 说明"."""
    return s.count("|") >= 2 and (s[0] == "|" or s[-1] == "|" or " | " in s)


def _unbar_cells(original: list[str], simple: list[str], removed: list[Removed]) -> None:
    """A table's bars that frame no table: a bar alone on its line, a form's
    empty fields ("| 收件人Email: | |"), the bars around a table's one cell
    ("| 【本文重点】2017年中国15个城市… |", "地区 |"). Rows of several cells
    stay rows."""
    for i, s in enumerate(simple):
        if "|" not in s or not (s[0] == "|" or s[-1] == "|"):
            continue
        cells = [c.strip() for c in s.strip("|").split("|")]
        full = [c for c in cells if c]
        if not full:
            removed.append(Removed(original[i], "symbols"))
            original[i] = simple[i] = ""
        elif all(_FORM_LABEL.match(c) and re.sub(r"[\s:：]", "", c) not in _TABLE_FIELDS for c in full):
            # (A disclosure table's empty field is the table's: "| 名称: | |||".)
            removed.append(Removed(original[i], "form"))
            original[i] = simple[i] = ""
        elif len(full) == 1 and (len(full[0]) >= 20 or s[0] != "|"):
            # (A short cell after a bar is a menu's item: "| 财健道".)
            original[i] = original[i].strip("| ")
            simple[i] = s.strip("| ")


#: A site's name with a few letters of mixed case, strewn through the text to mark copies: "RhP四川教育在线".
_INLINE_WATERMARK = _Lazy(
    r"(?<![A-Za-z])(?=[A-Za-z]{0,4}[a-z])(?=[A-Za-z]{0,4}[A-Z])[A-Za-z]{2,5}[\u4e00-\u9fff]{2,8}?(?:在线|网)",
    lambda s: "在线" in s or "网" in s,
)


def _drop_watermarks(original: list[str], simple: list[str], removed: list[Removed]) -> None:
    """A watermark said twice or more, wherever it stands ("…五类食品进行现场招标。RhP四川教育在线为确保…")."""
    found = Counter(m.group() for line in simple for m in _INLINE_WATERMARK.finditer(line))
    marks = [w for w, n in found.items() if n >= 2]
    for i, s in enumerate(simple):
        for mark in marks:
            while mark in s and len(s) == len(original[i]):
                k = s.index(mark)
                removed.append(Removed(original[i][k:k + len(mark)], "masthead"))
                s, original[i] = s[:k] + s[k + len(mark):], original[i][:k] + original[i][k + len(mark):]
        simple[i] = s


def _should_join(p: str, q: str, *, at_wrap: bool = False) -> bool:
    """Is ``q`` the rest of a sentence that a line break cut off in ``p``?

    ``at_wrap``: the text was hard-wrapped and p's last line reaches the
    width it was wrapped at; if it does not end a sentence, it goes on in
    the next line, whatever that line is.
    """
    if not p or not q or _ends_sentence(p) or is_numbered(q) or _table_row(p) or _table_row(q):
        return False
    if p[-1] in ":：" or (p[0] in "“\"「" and p[-1] in "”\"」") or p.startswith("——"):
        return False  # a label, a quotation, a subtitle ("——某某项目经验总结与启示")
    if p[-1] == "." and cjk_ratio(p) < 0.3:
        return False  # a sentence in English ends on its full stop
    if at_wrap:
        return True  # also a numbered heading too long for one line
    if is_numbered(p):
        return False
    if _OPENING_CLAUSE.match(p) and len(p) <= 30 and not any(c in p for c in ",，"):
        return True  # "为进一步落实" / "《…》精神,…": an opening clause a line break cut
    q_sentence = _ends_sentence(q) or len(q) >= 40
    if not q_sentence:
        return False
    if _CONTINUATION_START.match(q) and len(p) >= 6:
        return True
    if _SENTENCE_OPENER.match(q):
        return False
    if len(p) >= 8 and q[:4] == p[:4]:
        return False  # a caption over the paragraph that tells its scene again: "某副县长与某院长共同为…揭牌" / "某副县长表示,…"
    internal = sum(p.count(c) for c in ",，、")
    if not internal and (_HEADLINE_MARK.search(p) or _DATE_START.match(q)):
        return False  # a headline over its first sentence, not one sentence cut in two
    if _DATE_START.match(q) and not any(c in p for c in ",，") and len(p) <= 60:
        return False  # ... whose items a headline lists: "医药板块大涨:某药业涨停、多股涨停" / "11月23日,…"
    return (internal >= 1 and len(p) >= 12) or len(p) >= 40


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Spans of the sentences of one paragraph, closing quotes kept with them.

    Items of a list run into one line ("观点 - 改革正从… - 改革面临…") end
    where the next bullet starts; the bullet belongs to neither. One dash
    alone ("净资产收益率 - 摊薄") is not a list.
    """
    spans: list[tuple[int, int]] = []
    pieces = []
    start = 0
    bullets = list(_INLINE_BULLET.finditer(paragraph))
    for m in bullets if len(bullets) >= 2 else ():
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(paragraph)))
    for first, last in pieces:
        start = first
        for m in _SENTENCE_END.finditer(paragraph, first, last):
            # Not a sentence end: a run of dots inside digits ("3.5") never gets
            # here (dot is not terminal); "?" glued to Latin text is a URL query.
            if paragraph[m.start()] in "?？" and _inside_book_title(paragraph, start, m.start()):
                continue  # a character the page lost, inside a title: "《四川省卫生健康委员会 ?广元市…协议》"
            spans.append((start, m.end()))
            start = m.end()
        if start < last:
            spans.append((start, last))
    out = []
    for a, b in _bounded(paragraph, spans):
        while a < b and paragraph[a] == " ":
            a += 1
        while b > a and paragraph[b - 1] == " ":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


#: No sentence is longer: a run of text without a full stop (a table's cells,
#: a list with spaces, a page stripped of its punctuation) is cut at its last
#: clause mark or space before this length, else at it. Real sentences stay
#: well below it; every later stage may read a whole sentence per term or
#: figure in it.
MAX_SENTENCE = 600
_CLAUSE_BREAK = re.compile(r"[，,；;、:：\s]")


def _bounded(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            breaks = [m.end() for m in _CLAUSE_BREAK.finditer(paragraph, a + MAX_SENTENCE // 2, a + MAX_SENTENCE)]
            cut = breaks[-1] if breaks else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


_MARK = r"(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,2}[)）]|\d{1,2}[、．.](?!\d))"
#: A numbered heading run into what follows it: the heading ends where a space
#: (after four characters or more), the next heading's number, a date or an
#: opening word ("目前,") shows that a line break was lost. Not before a date
#: that completes it ("工作目标截止到2020年10月31日"); nor a heading with a
#: clause of its own (a comma or colon: "1. 大金湖景区:作为…").
_GLUED_HEADING = _Lazy(
    rf"^{_MARK}\s*(?:"
    r"[\u4e00-\u9fffA-Za-z、]{4,28}?\s+(?=[\u4e00-\u9fff]|" + _MARK + r")"
    r"|[\u4e00-\u9fffA-Za-z、]{2,28}?(?<![到至于从自止在])"
    rf"(?={_MARK}|(?:\d{{4}}\s*年\s*)?\d{{1,2}}\s*月(?:\d{{1,2}}\s*日)?|\d{{4}}\s*年(?:以来|[,，])"
    r"|(?:目前|近年来|近日|日前|今年以来|去年以来|据悉|据了解|截至目前|近期|同时|此外|其中)[,，]))",
    lambda s: s[:1] in "一二三四五六七八九十(（" or s[:1].isdigit(),
)
#: What must follow a glued heading for it to be split off.
GLUED_BODY_CHARS = 8


def _glued_heading_end(sentence: str) -> int:
    """Where a numbered heading run into the rest of ``sentence`` ends (0: none)."""
    m = _GLUED_HEADING.match(sentence)
    return m.end() if m else 0


def _inside_book_title(text: str, start: int, at: int) -> bool:
    """Is offset ``at`` inside a 《…》 opened after ``start`` and closed later?"""
    opened = text.rfind("《", start, at)
    return opened >= 0 and text.find("》", opened, at) < 0 and text.find("》", at) >= 0


#: A bullet inside a line, between spaces, before Chinese text or a number
#: (not a range: "2021 - 2023").
_INLINE_BULLET = _Lazy(
    r"(?<=\S) +[-•·▪] +(?=[\u3400-\u9fff“])|(?<=[^\s\d]) +[-•·▪] +(?=\d)",
    lambda s: " - " in s or " • " in s or " · " in s or " ▪ " in s,
)


# --------------------------------------------------------------------------
# The stage


#: A paper's authors: "陈吟1, 王香真2, 于世昊3", "宋寶香 楊玲".
_NAME_LIST = _Lazy(
    r"^[\u4e00-\u9fff·]{2,4}\d?(?:[\s,，、]+[\u4e00-\u9fff·]{2,4}\d?)+$",
    lambda s: any(c.isdigit() or c in " ,，、" for c in s),
)


def _is_translated_banner(s: str, below: str) -> bool:
    """A short Chinese line over its English rendering, words apart: a site's banner or menu."""
    return (
        2 <= len(s) <= 16 and cjk_ratio(s) == 1.0 and 2 <= len(below.split()) <= 8
        and below.replace(" ", "").replace("-", "").isascii() and below.replace(" ", "").replace("-", "").isalpha()
    )


#: (A star keys the corresponding author: "王某某1*毛某某1李某2".)
_KEYED_AUTHORS = _Lazy(r"(?:[\u4e00-\u9fff·]{2,4}\d(?:[,，]\d)*\*?[\s,，、]*){2,}$", lambda s: any(c.isdigit() for c in s))
_NAME_SEPARATORS = re.compile(r"[\s,，、;；]+")


#: What an author's affiliation printed after the names ends with.
_AFFILIATIONS = ("医院", "大学", "学院", "研究所", "研究院", "研究中心", "卫生院", "卫生健康委员会", "疾控中心")


def _is_author_list(s: str, below: str = "") -> bool:
    """A paper's or a report's authors: "黄某某 严 某 李某某 于 某", "刘 某,徐某某",
    "杨某某1,2宋某某2王某某2" (keyed to affiliations), two names over their
    affiliations (``below``). Never a sentence."""
    if len(s) > 60 or _ends_sentence(s) or not (any(c in s for c in " ,，、;；") or any(c.isdigit() for c in s)):
        return False
    if _KEYED_AUTHORS.match(s):
        return True
    tokens = [t for t in _NAME_SEPARATORS.split(s) if t]
    affiliated = len(tokens) >= 3 and tokens[-1].endswith(_AFFILIATIONS)
    if affiliated:
        tokens = tokens[:-1]  # "卢芳芳 胡琳琤 温州市中西医结合医院": the authors and their hospital
    names: list[str] = []
    for token in tokens:
        if not (len(token) <= 4 and all("\u4e00" <= c <= "\u9fff" or c == "·" for c in token)):
            return False
        if len(token) == 1 and names and len(names[-1]) == 1:
            names[-1] += token  # a two-character name printed with a space: "严 波"
        else:
            names.append(token)
    # Two names need a comma between them ("走在前 开新局" is a headline).
    # A name has two or three characters (four, rarely: 欧阳某某); "辉煌时代,历史使命" is a slogan.
    if not all(2 <= len(n) <= 4 for n in names) or sum(len(n) == 4 for n in names) > len(names) // 3:
        return False
    over_affiliations = bool(below) and bool(_AFFILIATION.search(below))
    return len(names) >= 3 or (len(names) == 2 and (affiliated or over_affiliations or bool(re.search(r"[,，、;；]", s))))


#: A site's banner: "廊坊新闻网-主流媒体,廊坊城市门户".
_SITE_BANNER = _Lazy(
    r"(?:门户|门户网站|官方网站|官网)$|^[\u4e00-\u9fff]{2,10}网\s*[-_|｜]"
    r"|^[^。]{0,20}第一(?:网|门户|站)[!！]?$",  # a site's slogan: "织梦58,打造新闻资讯第一网!"
    lambda s: "网" in s or s.endswith(("户", "站")),
)
#: Between the steps of a breadcrumb: "某某范文网 > 实用范文 > …".
_CRUMB_SEP = re.compile(r"\s*[>»›]\s*")
_HOME_WORDS = ("首页 ", "主页 ", "网站首页 ")
#: A content farm's note glued to a headline: "…的借鉴:交易成本的视角,本文主要内容关键词为:…".
_SEO_KEYWORDS = re.compile(r"[,，]?\s*本文主要内容关键词为[:：].*$")
#: An essay site's count of its versions: "…实施方案(通用6篇)".
_ESSAY_COUNT = re.compile(r"\s*[(（](?:通用|精选|优选|热门|汇总|精選|通用版)?\d+篇[)）]\s*$")
#: A forum thread's title carries its "copy the link" control.
_THREAD_MARK = re.compile(r"\s*\[复制链接\]\s*$")
#: A document's file name printed as its title: "…方式探讨.docx".
_FILE_EXTENSION = re.compile(
    r"(?:\s*(?i:word|pdf)?\s*(?:文档|格式)?(?:免费)?下载(?:推荐)?)?\.(?i:docx?|pdf|txt|pptx?|xlsx?|wps|caj)$"
)
#: A paper's or an essay's section, never its headline: "引言:新医改的背景与核心目标".
_SECTION_LABEL = re.compile(r"^(?:引言|前言|导言|导语|摘要|结语|结论|小结|参考文献|Abstract)\s*[:：]")
#: A firm's or a site's motto over its pages.
_SITE_MOTTO = re.compile(r"^(?:专注于?|致力于|专业从事|欢迎(?:访问|光临|来到))")
#: A column's name: a word of two to four characters alone on its line.
_COLUMN_LABEL = _Lazy(r"^[\u4e00-\u9fff]{2,4}$", lambda s: 2 <= len(s) <= 4)
#: A bracketed lead whose opening bracket the page lost: "…是什么意思】“莆田系医院”是…".
_LOST_BRACKET_LEAD = _Lazy(r"^[^【\[。!?！？]{4,40}】\s*(?=\S)", lambda s: "】" in s[:41])
#: What is left of a tag whose "<" the page lost: "國家級重點???/strong>建設單位".
_ORPHAN_TAG = _Lazy(
    r"\?*(?<![<\w])/(?:strong|span|em|b|i|u|p|div|font|a|h[1-6])>"
    r"|\?+(?:br|p|div)\s*/?>",  # a tag whose "<" a wrong encoding turned into "?": "?br>"
    lambda s: ">" in s,
)
#: A doctor's name and rank, as a health site prints them over an answer: "陈某某副主任医师".
_DOCTOR = _Lazy(
    r"^[\u4e00-\u9fff·]{2,4}\s?(?:主任医师|副主任医师|主治医师|住院医师|医师|主任护师|副教授|教授)$"
    r"|^[\u4e00-\u9fff]{4,24}医院\s+[\u4e00-\u9fff]{2,8}科$",  # "东南大学附属中大医院 心血管内科"
    lambda s: s.endswith(("师", "授", "科")),
)
#: An outlet named after a date in its page's fields ("中财网"; not "当前新闻", a counter's label).
_SITE_TAIL = re.compile(r"^(?!(?:下载|手机|电子|数字|天气|逾期|登录)?(?:客户端|报|官网|预报|不报)$)..+(?:网|报|报社|通讯社|电视台|客户端)$")
_HEADLINE_VERB = re.compile(r"成立|召开|举行|揭牌|启用|开展|发布|落户|建成|开业|挂牌|开通|组建|设立")
_GOV_BODY_TAIL = re.compile(r"(?:委员会|卫健委|卫生局|局|厅|委|办公室|政府|中心)$")
_CLOCK_OR_FONT = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?|[大中小]字?|字号")
#: A firm's name and nothing else.
_COMPANY_NAME = _Lazy(r"^[\u4e00-\u9fff()（）]{2,30}(?:有限责任公司|股份有限公司|有限公司|集团公司)$", lambda s: s.endswith("公司"))
#: How many lines above the first paragraph the headline is looked for in.
TITLE_SEARCH_LINES = 8


#: A headline that opens on an exclamation or a question before any comma: "今日大雪!…".
_EXCLAIMED_OPENER = re.compile(r"^[^,，。]{2,12}[!！?？]")


def _is_spaced_menu(s: str) -> bool:
    """Seven or more short items apart by spaces: a site's menu, a row of names (not a
    headline of slogans, "不忘初心 牢记使命 守正创新 担当作为 奋力谱写…")."""
    tokens = s.split()
    return (
        len(tokens) >= 7 and sum(len(t) <= 6 for t in tokens) >= 0.8 * len(tokens) and not _ends_sentence(s)
        and not any(c in s for c in ",，!！?？“”:：")  # "今日大雪!…这 3 种病,做好 “3 暖” 才能…" is a headline
    )


def _reads_as_title(s: str, *, question: bool = False) -> bool:
    """Not too long or short, Chinese, no sentence end (a question headline
    may end on "?" where ``question``), not a numbered heading, not a label."""
    if not 6 <= len(s) <= 100 or is_numbered(s) or s[-1] in ":：" or cjk_ratio(s) < TITLE_CJK_SHARE:
        return False
    if _NAME_LIST.match(s) or _is_author_list(s) or _SITE_BANNER.search(s) or s.count("|") >= 2 or _REFERENCE.search(s):
        return False  # authors, a site's banner, a row of a table of fields, a reference
    if _SITE_MOTTO.match(s) or _SECTION_LABEL.match(s) or "查看更多" in s or ">>" in s:
        return False  # "专注于为医疗器械研发与生产服务"; a table's header with its "more" link
    if _COMPANY_NAME.match(s) or _DOCTOR.match(s):
        return False  # a firm's name over its site's pages; a doctor answering on a health site
    if _is_spaced_menu(s):
        return False  # a menu ("健康首页 新闻现时批 医疗急先锋 …") or a row of names
    if "。" in s[:-1] or s[-1] in "的和与或":
        return False  # a lead of two sentences; a line cut short ("五大中心建设标准的")
    if _SENTENCE_OPENER.match(s) and any(c in s for c in ",，") and not _EXCLAIMED_OPENER.match(s):
        return False  # a lead cut short: "近日,中央健康保险署推行…" (not "今日大雪!中老年人警惕…,做好…")
    if len(s) <= 10 and _OUTLET_TAIL.search(s) and not _DOC_TYPE_END.search(s):
        return False  # the paper's or the site's name over its pages ("每日经济新闻")
    if _ends_sentence(s):
        return question and s.rstrip(_CLOSERS + " ")[-1] in "?？!！"
    return True


def _is_cut_headline(line: str, below: str) -> bool:
    """A headline whose subtitle a page cut at its colon ("基层医改罗湖模式:"), over
    the text itself; not a lead-in ("具体做法如下:"), a label, nor a notice's
    addressees ("各设区市医疗保障局,省级医疗机构:")."""
    return (
        line[-1:] in (":", "：") and _reads_as_title(line[:-1]) and not _LEAD_IN_WORDS.search(line)
        and not line.startswith("各") and not any(c in line for c in ",，、;；")
        and len(below) >= 40 and _ends_sentence(below)
    )


#: Words of a line that leads into what follows ("具体做法如下:", "主要包括:"), not a headline.
_LEAD_IN_WORDS = re.compile(r"如下|以下|包括|分别|主要|具体|表示|指出|认为|强调|介绍|说|称|是|为|有|即")


def _is_breadcrumb(line: str) -> bool:
    """A trail of three or more steps: "新闻中心 > 国内新闻 > 新医改最新消息"."""
    steps = _CRUMB_SEP.split(line)
    return len(steps) >= 3 and all(0 < len(step) <= 30 for step in steps) and not _ends_sentence(line)


def _title_line(kept: list[int], lines: list[str], counts: dict[str, int]) -> int | None:
    """The headline of a text with no container hint.

    The first line when it reads as one (an official document's number comes
    before its title). Else a page's menu, skip links and site name come
    first: the headline is among the lines above the first paragraph, the one
    the page prints twice, or the longest that reads as a title. A question
    headline ("…是如何挤出去的?") is one line over the first paragraph.
    """
    def heads_the_title(k: int) -> bool:
        # "国办发〔2019〕4号", or "穗府办〔2023〕11号《…的通知》" over that very title.
        line = lines[kept[k]]
        if DOCUMENT_NUMBER.fullmatch(line):
            return True
        number = DOCUMENT_NUMBER.match(line)
        return bool(number) and k + 1 < len(kept) and line[number.end():].strip("《》 ") == lines[kept[k + 1]]

    thread = next((i for i in kept[:TITLE_SEARCH_LINES] if _THREAD_MARK.search(lines[i])), None)
    if thread is not None and _reads_as_title(_THREAD_MARK.sub("", lines[thread])):
        return thread  # a forum's thread title, under the board's own lines
    first = next((kept[k] for k in range(min(2, len(kept))) if not heads_the_title(k)), kept[0])
    at = kept.index(first)
    if _is_breadcrumb(lines[first]) and at + 1 < len(kept):
        # "新闻中心 > 国内新闻 > … > 新医改最新消息" over the headline: the trail ends
        # in its column, and the headline is the line below it.
        below = lines[kept[at + 1]]
        if len(below) >= 8 and _reads_as_title(below) and _CRUMB_SEP.split(lines[first])[-1] not in below:
            return kept[at + 1]
    if _reads_as_title(lines[first]):
        return first
    if _COMPANY_NAME.match(lines[first]) and at + 1 < len(kept) and lines[kept[at + 1]].startswith("关于"):
        return first  # a firm over its notice's "关于…的公告": the issuer, joined to the title below
    if first == kept[0] and len(kept) > 1 and _is_cut_headline(lines[first], lines[kept[1]]):
        return first
    top = kept[:TITLE_SEARCH_LINES]
    body = next((k for k, i in enumerate(top) if len(lines[i]) > 100 or (
        len(lines[i]) >= 20 and _ends_sentence(lines[i]) and not _reads_as_title(lines[i], question=True))), len(top))
    above = [i for i in top[:body] if _reads_as_title(lines[i], question=True)]
    if not above:
        # A document under its covering notice or a cut first line: the first
        # line of its own that names a document ("…2024年重点工作任务", "…实施方案").
        found = next((k for k, i in enumerate(top) if len(lines[i]) <= 40 and _DOC_TYPE_END.search(lines[i]) and _reads_as_title(lines[i])), None)
        if found is None:
            return None
        if found and len(lines[top[found]]) <= 12 and _reads_as_title(lines[top[found - 1]]):
            return top[found - 1]  # a title over two lines: "…DRG点数付费" / "评价暂行办法"
        return top[found]
    twice = [i for i in above if counts.get(lines[i], 0) >= 2]
    # The longest: a site's name or a column's is shorter than a headline.
    return twice[0] if twice else max(above, key=lambda i: len(lines[i]))


def clean(raw: RawInput) -> Document:
    """Clean one decoded input into a ``Document``."""
    extracted = extract(raw.text)
    text = normalize_chars(extracted.text)
    # (A date a site prints with a slash after it, "2020/12/29/ 18:25 来源:…", is a date.)
    original_lines = [_SLASHED_DATE.sub(r"\1", line.strip()) for line in text.split("\n")]
    simple_lines = [to_simplified(line) for line in original_lines]
    script = detect_script("".join(original_lines), "".join(simple_lines))

    removed: list[Removed] = []
    _unbar_cells(original_lines, simple_lines, removed)
    _drop_watermarks(original_lines, simple_lines, removed)
    meta: dict[str, str] = {}
    labelled_titles: list[str] = []
    fm = extracted.meta
    if fm.get("date") is not None:
        date = _front_matter_date(fm.get("date"))
        if date:
            meta["date"] = date
    for key in ("source", "author"):
        if fm.get(key):
            meta[key] = str(fm[key])

    # Pass 1: line rules, metadata lines, footer zone.
    kept: list[int] = []
    n_lines = len(simple_lines)
    nonblank = [i for i, s in enumerate(simple_lines) if s]
    # The footer starts at a footer marker (previous/next links, copyright,
    # editor, reposting notice, "related news") that is itself debris and
    # comes after the article has begun.
    footer_from = n_lines
    first_content = next(
        (i for i in nonblank if len(simple_lines[i]) >= 20 and _ends_sentence(_end_without_credit_and_bar(simple_lines[i]))),
        n_lines
    )
    # Spam after the article (a hijacked page's download list, its fake
    # comments and their dates) ends it: nothing below is text or metadata.
    spam_from = next((i for i in nonblank if i > first_content and _is_spam(simple_lines[i])), n_lines)
    for k, i in enumerate(nonblank):
        s = simple_lines[i]
        if i > first_content and _starts_footer(s) and (
            _line_reason(s, in_footer=False) is not None or s.strip("【】[]—-－ ") in _RELATED_HEADINGS or _MORE_NEWS.match(s)
        ):
            footer_from = i
            break
        # A heading under its bullet ("• 新闻推荐") ends the text where links follow it (a
        # channel menu: "四川", "社会"); over sentences it is a sidebar ("■ 相关链接" over
        # "什么是DRG付费?"), which stays.
        bare = _LIST_MARK.sub("", s).strip("【】[]")
        after = [simple_lines[j] for j in nonblank[k + 1:k + 1 + RELATED_LINKS_SEEN]]
        if (
            i > first_content and after and (
                (bare != s and bare in _RELATED_HEADINGS and all(len(a) <= MENU_ITEM_CHARS * 3 and not _ends_sentence(a) for a in after))
                or (_TAG_LABEL.match(s) and all(len(a) <= 40 and not _ends_sentence(a) for a in after))
            )
        ):
            # (also a site's tag label, "TAG标签:", over its tag links, never over sentences)
            footer_from = i
            break
    counts: dict[str, int] = {}
    for s in simple_lines:
        if s and len(s) <= 40 and not _ends_sentence(s):
            counts[s] = counts.get(s, 0) + 1

    contents = _contents_lines(simple_lines)
    headline_kept: set[str] = set()
    kept_above: set[str] = set()  # lines kept before the text begins
    # A forum's or a site's, in blocks; a health site's list of questions linked to other pages.
    chrome = _profile_lines(simple_lines) | _menu_lines(simple_lines) | _question_links(simple_lines, counts)
    doubles = _injected_doubles(simple_lines)
    in_body = False  # past the first sentence of the article
    label_above = False  # the line above is a paper's label alone
    field_above = ""  # the line above is a disclosure table's label alone ("发布机构:")

    def cut_lead(i: int, end: int) -> str:
        """Line ``i`` without the page's metadata run into its start (a date, a header
        row), which goes to ``removed``: what is left of the line, in Simplified."""
        removed.append(Removed(original_lines[i][:end].strip(), "metadata"))
        simple_lines[i], original_lines[i] = simple_lines[i][end:].lstrip(), original_lines[i][end:].lstrip()
        return simple_lines[i]

    def take_header(m: re.Match) -> None:
        """The date and the labelled fields (来源, 作者 …) of a header row run into the text."""
        meta.setdefault("date", _iso_date(m.group("date")))
        for key, value in _meta_from_fields(_parse_meta_line(m.group("fields").strip()) or {}).items():
            meta.setdefault(key, value)

    def line_below(i: int) -> str:
        """The next line with something on it (Simplified), or ""."""
        return next((simple_lines[j] for j in nonblank if j > i), "")

    for i, s in enumerate(simple_lines):
        if not s:
            continue
        if i in contents:
            removed.append(Removed(original_lines[i], "contents"))
            continue
        if i in chrome:
            removed.append(Removed(original_lines[i], "navigation"))
            continue
        if not in_body and _is_author_list(s, simple_lines[i + 1] if i + 1 < n_lines else ""):
            # ... which may be a paper's reporter line, spaced out: "城南晚报 记者 张某".
            credit = _BYLINE_TAIL.match(s)
            if credit and credit.group("outlet") and _OUTLET_TAIL.search(credit.group("outlet")) and _usable_source(credit.group("outlet")):
                meta.setdefault("source", credit.group("outlet"))
                meta.setdefault("author", _FIRST_NAME_END.split(credit.group("names"))[0])
            removed.append(Removed(original_lines[i], "byline"))
            continue
        if not in_body and _COMPANY_NAME.match(s) and _CONTACT.match(next((x for x in simple_lines[i + 1:] if x), "")):
            # A firm's name over its contact lines: its site's header.
            removed.append(Removed(original_lines[i], "contact"))
            continue
        if not in_body and _is_translated_banner(s, simple_lines[i + 1] if i + 1 < n_lines else ""):
            # A site's bilingual banner: "黑河中俄民族风情园" over "Heihe Sino-Russian Ethnic Customs Park".
            removed.append(Removed(original_lines[i], "navigation"))
            removed.append(Removed(original_lines[i + 1], "navigation"))
            simple_lines[i + 1] = original_lines[i + 1] = ""
            continue
        if _PAPER_LABEL.match(s) or (label_above and len(s) <= 200 and not in_body):
            label_above = bool(_PAPER_LABEL.match(s))
            removed.append(Removed(original_lines[i], "paper-metadata"))
            continue
        label_above = False
        if field_above:
            # A disclosure table printed a cell a line: the label's value ("标  题:" over the headline),
            # or a paper's source under 出处.
            label, field_above = field_above, ""
            if _TITLE_LABEL.match(label + ":") and TITLE_LABEL_CHARS[0] <= len(s) <= TITLE_LABEL_CHARS[1]:
                labelled_titles.append(original_lines[i])
                removed.append(Removed(original_lines[i], "metadata"))
                continue
            fields = _parse_meta_line(label + ":" + s) if len(s) <= 60 else None
            if fields is not None:
                for key, value in _meta_from_fields(fields).items():
                    meta.setdefault(key, value)
                removed.append(Removed(original_lines[i], "metadata"))
                continue
        field = _FIELD_ALONE.match(s) if not in_body or s == "出处" else None  # (a paper's 出处 follows its abstract)
        if field and _SPACES.sub("", field.group(1) or field.group(2)) in _TABLE_FIELDS:
            field_above = _SPACES.sub("", field.group(1) or field.group(2))
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        seo = _SEO_KEYWORDS.search(s)
        if seo and seo.start() >= 6 and len(s) == len(original_lines[i]):
            # "…的借鉴:交易成本的视角,本文主要内容关键词为:…": a content farm's note glued on.
            removed.append(Removed(original_lines[i][seo.start():].strip(), "seo-caption"))
            simple_lines[i], original_lines[i] = s[: seo.start()], original_lines[i][: seo.start()]
            s = simple_lines[i]
        reposted = _ORIGINAL_TITLE_NOTE.match(s)
        if reposted and len(s) == len(original_lines[i]):
            # "(原标题:敦化启动远程医学中心) 新文化讯 14日,…": a reposted article's own headline,
            # kept for the title (as "原标题:…" lines are), before its text.
            removed.append(Removed("原标题:" + reposted.group(1), "source-link"))
            simple_lines[i], original_lines[i] = s[reposted.end():], original_lines[i][reposted.end():]
            s = simple_lines[i]
            if not s:
                continue
        if s.startswith("HTTP/") and len(s) == len(original_lines[i]):
            # A server's response headers run into the page's first line: they go up to its first Chinese.
            first = next((k for k, c in enumerate(s) if not c.isascii()), len(s))
            if first < len(s):
                removed.append(Removed(original_lines[i][:first].strip(), "template-code"))
                simple_lines[i], original_lines[i] = s[first:].strip(), original_lines[i][first:].strip()
                s = simple_lines[i]
        aligned = len(s) == len(original_lines[i])
        for pattern, reason in ((doubles, "spam"), (_FILLER if "小编" in s else None, "promotion")):
            # Injected doubled runs ("家男较好家男较好"); a content farm's patter ("今天小编给大家带来详细的介绍。").
            spans = [m.span() for m in pattern.finditer(s)] if pattern and aligned else []
            if reason == "promotion":
                # (Not a sentence that says what the page is about before its patter: "目前位于
                # 福建三明的这处大金湖…,对于这里的游玩信息,小编给大家介绍一下。")
                spans = [(a, b) for a, b in spans if _filler_lead(s, a, b) <= FILLER_LEAD]
            if spans:
                s, original_lines[i], taken = _cut_spans(s, original_lines[i], spans)
                simple_lines[i] = s
                removed.extend(Removed(t.strip(), reason) for t in taken)
        if not s:
            continue
        spans = _spam_spans(s) if len(s) == len(original_lines[i]) else []
        if spans and (len(s) > SPAM_WORD_LINE or _injected(s, spans)):
            s, original_lines[i], taken = _unspam_line(s, original_lines[i], spans)
            simple_lines[i] = s
            removed.extend(Removed(t, "spam") for t in taken)
        if i < spam_from and _is_spam(s) and any(c in s for c in "|｜_"):
            # A headline with spam hung on it: "…示范区全面建成|99re在线播放".
            parts = re.split(r"\s*[|｜_]\s*", s)
            originals = re.split(r"\s*[|｜_]\s*", original_lines[i])
            keep = [k for k, p in enumerate(parts) if p and not _is_spam(p)]
            if (
                len(originals) == len(parts) <= 3 and keep and keep == list(range(len(keep)))
                and len(keep) < len(parts) and sum(len(_CJK.findall(parts[k])) for k in keep) >= 6
            ):  # only a tail of spam after a headline, never a line of spam with clean bits
                removed.append(Removed(original_lines[i], "spam"))
                simple_lines[i] = " ".join(parts[k] for k in keep)
                original_lines[i] = " ".join(originals[k] for k in keep)
                s = simple_lines[i]
        if i >= spam_from:
            reason = _line_reason(s, in_footer=True)
            if reason:
                removed.append(Removed(original_lines[i], reason))
            else:
                kept.append(i)
            continue
        if kept and _CLOSING_ONLY.match(s):
            # A full stop or closing quote the layout pushed onto a line of
            # its own (a PDF's line cut at a fixed width): it ends the line above.
            simple_lines[kept[-1]] += s
            original_lines[kept[-1]] += original_lines[i]
            continue
        if not kept and not in_body and (headed := _TITLE_AND_SITE.match(s)) and not labelled_titles:
            # A page's <title> as its first line: "村医“后继无人”:…锐减_风闻" (headline, then the site).
            labelled_titles.append(original_lines[i][: headed.end("head")])
            removed.append(Removed(original_lines[i], "seo-caption"))
            continue
        user = _USER_AND_TIME.match(s) if not in_body else None
        if user:
            # A forum post's poster and time: "心之龙城飞将-2021-05-05 14:31".
            meta.setdefault("date", _iso_date(user.group("date")))
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        if not kept and not in_body and _lone_name(s):
            # A writer's name alone over the text, as a magazine's reprint prints it: "費菲".
            below = line_below(i)
            near = "".join(simple_lines[j] for j in nonblank if i < j <= i + 6)
            # (Not the subject of what follows: "张某某" over "张某某,主任医师…", "麻疹" over a text on it.)
            if len(below) >= 40 and _ends_sentence(below) and s not in near:
                meta.setdefault("author", original_lines[i])
                removed.append(Removed(original_lines[i], "byline"))
                continue
        if not kept and not in_body and _LONE_ISSUER.match(s) and _is_issuer(s):
            # A local office's name over the text, as its site prints it: "石狮市便民服务中心"
            # over "近日,我市医院开展…". The page's publisher, not a headline.
            below = line_below(i)
            if len(below) >= 20 and _ends_sentence(below):
                meta.setdefault("source", original_lines[i])
                removed.append(Removed(original_lines[i], "site-name"))
                continue
        if not kept and not in_body and (masthead := _MASTHEAD.match(s)) and _is_issuer(masthead.group("body")):
            meta.setdefault("source", masthead.group("body"))
            removed.append(Removed(original_lines[i], "masthead"))
            continue
        if _PUBLICATION_NOTE.match(s) or (len(s) <= 200 and _IMPRINT.search(s)):
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        magazine = _MAGAZINE_ISSUE.match(s) if not in_body else None
        if magazine:
            meta.setdefault("source", magazine.group("paper"))
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        credit = _PRINT_CREDIT.match(s) or _OUTLET_AND_DATE.match(s) or (_GLUED_OUTLET_DATE.match(s) if not in_body else None)
        if credit:
            # "《光明日报》(2020年10月27日04版)", "新华网·2025-08-12 13:54": who printed the text, and when
            # (a site's "name·date" below the text is another article's, in a list of related ones).
            if not in_body or credit.re is not _OUTLET_AND_DATE._compiled():
                meta.setdefault("source", credit.group("paper"))
                meta.setdefault("date", _iso_date(credit.group("date")))
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        if not in_body and _NAMES_AND_DATE.match(s) and not _DATE_LINE.match(s):
            date = _iso_date(s)
            if date:
                meta.setdefault("date", date)
                named, *rest = s.split()
                # "南方周末 2017-09-14": the paper, then its date (and its time, and the page's
                # font-size control: "甘肃经济日报 2016-04-07 00:16 大字").
                rest = [t for t in rest if not _CLOCK_OR_FONT.fullmatch(t)]
                # A government site's header names its publisher, then the date, then an empty
                # source: "四平市卫生健康委员会 2025-11-12 来源:".
                unsourced = (
                    len(rest) == 2 and rest[1].rstrip(":：") == "来源" and _GOV_BODY_TAIL.search(named)
                    and not _HEADLINE_VERB.search(named)  # "某县医院成立胸痛中心 2025-11-12 来源:": a headline
                )
                if (len(rest) == 1 and _OUTLET_TAIL.search(named) or unsourced) and _usable_source(named):
                    meta.setdefault("source", named)
                removed.append(Removed(original_lines[i], "metadata"))
                continue
        latin = _LATIN_DATE.match(s)
        if latin:
            # " date 2025-12-04 基层医疗署宣布…": the date, then the text.
            meta.setdefault("date", _iso_date(latin.group()))
            s = cut_lead(i, latin.end())
            if not s:
                continue
        dated = _DATE_AUTHOR.match(s)
        if dated and not in_body:
            # "2022-12-17孟彦辰" under a paper's title: when, and by whom.
            meta.setdefault("date", _iso_date(dated.group("date")))
            if 2 <= len(dated.group("author")) <= 4:  # one name; a longer run is several, glued
                meta.setdefault("author", dated.group("author"))
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        fielded = _FLAT_FIELDS_HEADER.match(s) if not in_body and len(s) == len(original_lines[i]) else None
        if fielded and len(s) > fielded.end() + 20:
            take_header(fielded)
            labelled_titles.append(original_lines[i][fielded.start("head"):fielded.end("head")].strip())
            s = cut_lead(i, fielded.end())
            if not s:
                continue
        flat = _FLAT_HEADER.match(s) if not in_body and len(s) == len(original_lines[i]) else None
        if flat:
            # "跨省就医直接结算…300万人次http://www.healthr.com 2019年10月08日 09:32 作者:李某 来源:人民日报
            # 本报北京10月7日电…": a page's header row flattened onto its text: the headline,
            # the site, the date and the fields, then the text.
            take_header(flat)
            head = original_lines[i][: flat.start("site")].strip()
            if _INSTITUTION_END.search(flat.group("head")):
                meta.setdefault("source", flat.group("head"))
            else:
                labelled_titles.append(head)
            s = cut_lead(i, flat.end())
            if not s:
                continue
        taken = _TAKEN_FROM.match(s)
        if taken:
            # "本文选自健康报": the paper the text was taken from is its source.
            if _usable_source(taken.group("outlet")) and not taken.group("outlet").startswith(("其他", "网络", "互联网", "各")):
                meta.setdefault("source", taken.group("outlet"))
            removed.append(Removed(original_lines[i], "source-link"))
            continue
        fields = re.findall(r"(来源|作者|编辑|责编)\s*[(（]([^()（）]{1,20})[)）]", s) if _BRACKETED_FIELDS.match(s) else []
        # (In the text, one "来源(…)" is a figure's note; "来源(医药网) 作者(医药网)" is the page's credit.)
        if fields and (not in_body or len(fields) >= 2):
            for label, value in fields:
                if label == "来源" and _usable_source(value):
                    meta.setdefault("source", value)
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        joined = _PARTICIPANTS_LEAD.match(s) if not in_body and len(s) == len(original_lines[i]) else None
        if joined:
            # "307人参与20评论近5年,…": a forum's counters run into the text.
            s = cut_lead(i, joined.end())
            if not s:
                continue
        counted = _DATE_COUNTER_LEAD.match(s) if not in_body and len(s) == len(original_lines[i]) else None
        if counted:
            # "2026-01-29 浏览次数:0“在毕节市…": the page's date and counter run into the text.
            meta.setdefault("date", _iso_date(counted.group("date")))
            s = cut_lead(i, counted.end())
            if not s:
                continue
        header = _GLUED_HEADER.match(s)
        if header:
            # "北京某某管理中心http://www.example.com2025-12-11 08:41:07": a page's
            # header run together, alone or before the text's first line.
            meta.setdefault("date", _iso_date(header.group("date")))
            s = cut_lead(i, header.end())
            if not s:
                continue
        signed = _SIGNATURE_AND_DATE.match(s)
        if signed and _INSTITUTION_END.search(signed.group("org")):
            # "东莞市卫生和计划生育局2016年4月20日": a notice's signature and date on one line.
            meta.setdefault("date", _iso_date(signed.group("date")))
            meta.setdefault("source", signed.group("org"))
            removed.append(Removed(original_lines[i], "signature"))
            continue
        day_first = _DAY_FIRST_LINE.match(s) if not in_body else None
        if day_first:
            y, mo, d = (int(day_first.group(k)) for k in ("y", "m", "d"))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                meta.setdefault("date", f"{y:04d}-{mo:02d}-{d:02d}")
                removed.append(Removed(original_lines[i], "metadata"))
                continue
        date_line = _DATE_LINE.match(s)
        if date_line:
            date = _iso_date(s)
            rest = date_line.group("rest")
            if date:
                # "2024 年 04 月 20 日 星期六" over a page: the site's clock, not the article's date.
                clock = bool(rest) and bool(_WEEKDAY.fullmatch(rest.strip()))
                meta.setdefault("date_weak" if clock else "date", date)
            labelled = _parse_meta_line(s) if rest else None
            if labelled:
                # "2024-05-20 09:30 来源:东营日报": labelled fields after the date.
                for key, value in _meta_from_fields(labelled).items():
                    meta.setdefault(key, value)
            elif rest and (by := _SITE_AND_WRITER.match(rest.strip())):
                # "2021年06月21日 19:12 新浪网 作者 劳动报社": the portal, then who wrote it; a paper
                # as the writer is the source.
                writer = by.group("writer")
                if _OUTLET_TAIL.search(writer) and _usable_source(writer):
                    meta.setdefault("source", writer)
                elif _usable_source(by.group("site")):
                    meta.setdefault("source", by.group("site"))
                    if writer not in ("不详", "佚名", "未知", "网络", "匿名"):
                        meta.setdefault("author", writer)
            elif (
                rest and _CJK.match(rest) and len(rest) <= 12 and not _ends_sentence(rest)
                and not _WEEKDAY.fullmatch(rest.strip()) and _usable_source(rest.strip())
            ):
                meta.setdefault("source", rest.strip())
            # A signature block: the issuing bodies on the lines above the date, the
            # lead one first (a joint notice's "河北省医疗保障局 / 河北省财政厅 / …").
            issuers = []
            # (After the text: over a page's own date, the line above is its headline.)
            while in_body and not rest and kept and len(issuers) < MAX_ISSUERS:
                above = simple_lines[kept[-1]]
                if not (len(above) <= 20 and _INSTITUTION_END.search(above) and not _ends_sentence(above)):
                    break
                issuers.append((above, original_lines[kept.pop()]))
            if issuers:
                meta.setdefault("source", issuers[-1][0])
                removed.extend(Removed(o, "signature") for _, o in reversed(issuers))
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        labelled = _TITLE_LABEL.match(s)
        # A disclosure table's "标题: …" (or its row "名称: | … | 文号: | |") names
        # the headline the page prints below it, often cut over two lines.
        value = re.split(r"\s*[|｜]\s*", original_lines[i][labelled.end():].strip(" |｜"))[0] if labelled else ""
        if len(value) > 2 and value[0] + value[-1] in ("“”", '""', "「」") and not any(c in value[1:-1] for c in "“”\"「」"):
            value = value[1:-1]  # 标题:“全市推进…会议召开”: the label's quotes are not the headline's
        if value and (not in_body or s.startswith("标题")) and TITLE_LABEL_CHARS[0] <= len(value) <= TITLE_LABEL_CHARS[1]:
            labelled_titles.append(value)
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        notice = _NOTICE_TAIL.search(s) if not in_body and len(s) == len(original_lines[i]) else None
        if notice and notice.start() and _parse_meta_line(s[: notice.start()]) is not None:
            # "编辑:JustPoint日期:2022-09-15 05:41:11温馨提示:本文内容仅供参考,…": the fields, then a notice.
            removed.append(Removed(original_lines[i][notice.start():], "notice"))
            simple_lines[i], original_lines[i] = s[: notice.start()], original_lines[i][: notice.start()]
            s = simple_lines[i]
        if not in_body and _BODY_COLUMN.match(s):
            removed.append(Removed(original_lines[i], "navigation"))  # "国家中医药管理局 政策文件" over a headline
            continue
        journal = _JOURNAL_ISSUE.match(s) if not in_body else None
        if journal:
            if _usable_source(journal.group("journal")):
                meta.setdefault("source", journal.group("journal"))
            removed.append(Removed(original_lines[i], "paper-metadata"))
            continue
        spaced = _SPACED_LABEL.match(s) if not in_body else None
        stamped = _URL_STAMP.sub(r"时间:\g<stamp> ", s) if not in_body else s
        fields = _parse_meta_line(_SPACES.sub("", spaced.group(1)) + s[spaced.end(1):] if spaced else stamped)
        if fields is not None:
            found = _meta_from_fields(fields)
            for key, value in found.items():
                meta.setdefault(key, value)
            removed.append(Removed(original_lines[i], "metadata"))
            continue
        if not in_body and _POST_HEADER.match(s):
            # "发表于 2022-7-14 17:49 | 显示全部楼层 |阅读模式": when the post was written.
            posted = _iso_date(s)
            if posted:
                meta.setdefault("date", posted)
        reason = _line_reason(s, in_footer=i >= footer_from)
        if reason == "paper-metadata" and not in_body and _REFERENCE.search(s):
            reason = None  # a page of references only is what it has (the tagger reads them as citations)
        if reason is None and counts.get(s, 0) >= 3:
            # Printed again and again: a menu item, a site's name; but a headline printed
            # three times above the text (<title>, <h1>, a breadcrumb) keeps its first copy.
            if in_body or s in headline_kept or not _reads_as_title(s):
                reason = "repeated"
            else:
                headline_kept.add(s)
        elif reason is None and not in_body and s in kept_above and _reads_as_title(s, question=True):
            reason = "repeated"  # the headline printed again above the text (over and under a share bar)
        if reason:
            if reason == "byline":
                unmarked = _LIST_MARK.sub("", s)
                m = _BYLINE_TAIL.match(unmarked) or _BYLINE_PLACE.match(unmarked)  # "联合报 记者X/台北报导" names its paper too
                outlet = _CREDIT_MARK.sub("", m.group("outlet")) if m and m.group("outlet") else ""
                outlet = _paper_of(outlet)
                if outlet and _usable_source(outlet) and (_OUTLET_TAIL.search(outlet) or (outlet.endswith("报道") and len(outlet) >= 5)):
                    # "文/广州日报全媒体记者 肖欢欢 实习生 陈千一" (not "本报首席记者 唐某某": the paper unnamed)
                    meta.setdefault("source", outlet)
                    if "names" in m.re.groupindex:
                        meta.setdefault("author", _FIRST_NAME_END.split(m.group("names"))[0])
            removed.append(Removed(original_lines[i], reason))
            if reason == "navigation" and not in_body and _BREADCRUMB_HERE.match(s):
                # Above "当前位置:首页 > 健康新闻" stand the site's name and menu, never the headline.
                while kept and len(simple_lines[kept[-1]]) <= MENU_ITEM_CHARS and not _ends_sentence(simple_lines[kept[-1]]):
                    removed.append(Removed(original_lines[kept.pop()], "navigation"))
            continue
        kept.append(i)
        if not in_body:
            kept_above.add(s)
        in_body = in_body or (len(s) >= 20 and _ends_sentence(s))

    # A lead's excerpt over the lead itself ("摘要:…“中国心血管健康联盟”" over the
    # whole paragraph): a copy, cut short, that would be glued to it.
    for a, b in list(zip(kept, kept[1:])):
        excerpt = _SPACES.sub("", _ABSTRACT_LEAD.sub("", simple_lines[a]))
        if _ABSTRACT_LEAD.match(simple_lines[a]) and len(excerpt) >= LEAD_EXCERPT_CHARS and not _ends_sentence(excerpt) and (
            _SPACES.sub("", simple_lines[b]).startswith(excerpt)
        ):
            removed.append(Removed(original_lines[a], "repeated"))
            kept.remove(a)

    # Pass 2: title. "原标题:" (a reposted article's own headline) first, then
    # hints from the container, then the first line.
    original_titles = [
        r.text.split(":", 1)[-1].split("：", 1)[-1].strip()
        for r in removed if r.reason == "source-link" and _ORIGINAL_TITLE.match(to_simplified(r.text))
    ]
    # A document viewer's page images, captioned with the document's name: "…经验推广_第1页".
    original_titles += [
        m.group(1) for r in removed if r.reason == "seo-caption" and (m := _PAGE_IMAGE.match(r.text))
    ][:1]
    title = None
    title_line = None
    hints = [
        h for h in (normalize_chars(x).strip() for x in (*original_titles, *labelled_titles, *extracted.title_hints))
        if h and len(h) <= 120 and _line_reason(to_simplified(h), in_footer=False) in (None, "seo-caption")
    ]
    first_content = next((k for k, i in enumerate(kept) if not _is_heading(simple_lines[i])), len(kept))
    head = kept[:first_content][:6]
    for hint in hints:
        simple_hint = to_simplified(hint)
        for candidate in (simple_hint, _SITE_SUFFIX.sub("", simple_hint)):
            key = _norm_title(candidate)
            if len(key) < 4:
                continue
            for i in head + kept[first_content:first_content + 2]:
                if _norm_title(simple_lines[i]) == key or (
                    key in _norm_title(simple_lines[i]) and len(simple_lines[i]) <= len(candidate) + 12
                    and _is_heading(simple_lines[i])
                ):
                    title_line = i
                    break
            if title_line is not None:
                break
        if title_line is not None:
            break
    if title_line is not None and hints:
        # A shared document's name glued to its first heading: "…家庭医生报告模板一、项目概述"
        # under page images captioned "…家庭医生报告_第1页". The name is the title, the rest a heading.
        line, simple = original_lines[title_line], simple_lines[title_line]
        named = next((to_simplified(h) for h in hints if simple.startswith(to_simplified(h))), "")
        rest = _TEMPLATE_WORD.sub("", simple[len(named):])
        if named and rest and len(line) == len(simple) and _NUMBERED.match(rest) and not _ends_sentence(named):
            title = line[: len(named)]
            original_lines[title_line], simple_lines[title_line] = line[len(simple) - len(rest):], rest
            title_line = None
    if title_line is None and title is None and hints:
        title = _SITE_SUFFIX.sub("", hints[0]) or hints[0]
    searched = False
    if title_line is None and title is None and len(kept) > 2:
        # Joint issuers a line each over their notice's "关于…的通告": who published it,
        # then its title (one issuer is joined to the title below, as documents print it).
        n = next((k for k, i in enumerate(kept[:MAX_ISSUERS + 1]) if not _is_issuing_body(simple_lines[i])), 0)
        if n >= 2 and simple_lines[kept[n]].startswith("关于") and _DOC_TYPE_END.search(simple_lines[kept[n]]):
            meta.setdefault("source", " ".join(original_lines[i] for i in kept[:n]))
            removed.extend(Removed(original_lines[i], "masthead") for i in kept[:n])
            del kept[:n]
            title_line = kept[0]
    if title_line is None and title is None and kept:
        title_line = _title_line(kept, simple_lines, counts)
        # (Not under a document's title: the lines above it are its notice and issuers.)
        searched = title_line is not None and title_line != kept[0] and not _DOC_TYPE_END.search(simple_lines[title_line])
    if title_line is not None and (hints or searched):
        # Above the headline the container marks: the site's menu ("网站首页",
        # "政务公开", "互动交流"), a line each, never a sentence.
        for i in kept[: kept.index(title_line)]:
            if (len(simple_lines[i]) <= MENU_ITEM_CHARS and not _ends_sentence(simple_lines[i])) or _SITE_BANNER.search(
                simple_lines[i]
            ) or _is_breadcrumb(simple_lines[i]) or _is_spaced_menu(simple_lines[i]):
                removed.append(Removed(original_lines[i], "navigation"))
                kept.remove(i)
    if title_line is not None:
        for i in kept[: kept.index(title_line)]:
            number = DOCUMENT_NUMBER.match(simple_lines[i])
            if number and simple_lines[i][number.end():].strip("《》 ") == simple_lines[title_line] and any(
                number.group() in simple_lines[j] for j in kept if j > title_line
            ):
                # "穗府办〔2023〕11号《…的通知》": a repost's caption of the document over its own title.
                removed.append(Removed(original_lines[i], "seo-caption"))
                kept.remove(i)
        title = original_lines[title_line]
        # Official documents print their titles over two centred lines.
        pos = kept.index(title_line)
        joined = [title_line]
        # An issuer's line over its "关于…" lines: "山东省人民政府教育督导委员会" / "关于印发《…" / "…》的通知".
        if (pos + 2 < len(kept) and _ISSUER_END.search(simple_lines[title_line])
                and simple_lines[kept[pos + 1]].startswith("关于")
                and not _ends_sentence(simple_lines[kept[pos + 1]])):
            joined.append(kept[pos + 1])
        if pos + len(joined) < len(kept):
            head = "".join(simple_lines[i] for i in joined)
            nxt = kept[pos + len(joined)]
            if (("关于" in head or len(simple_lines[nxt]) <= 12)
                    and not _DOC_TYPE_END.search(head)
                    and _DOC_TYPE_END.search(head + simple_lines[nxt])
                    and (_is_heading(simple_lines[nxt]) or len(simple_lines[nxt]) <= 2)):
                joined.append(nxt)  # "…党委书记任期目标责任" / "书": the last character wrapped
        if len(joined) > 1 and _DOC_TYPE_END.search("".join(simple_lines[i] for i in joined)):
            title = "".join(original_lines[i] for i in joined)
            for i in joined[1:]:
                kept.remove(i)
        kept.remove(title_line)
        # The headline printed again just below it, spaced out or with a word
        # swapped for SEO ("…背后原因引人关注" / "…背后缘故引人关注").
        simple_title = to_simplified(title)
        own = _CRUMB_SEP.split(simple_title)[-1]  # a breadcrumb's last item
        named = _FILE_EXTENSION.sub("", simple_title)  # a file's name: "….docx"
        for i in kept[pos:pos + 2]:
            if any(_echoes_title(simple_lines[i], t) for t in (simple_title, own, named)):
                bare = [re.sub(r"\s+", "", t) for t in (simple_lines[i], simple_title)]
                if _norm_title(simple_lines[i]) == _norm_title(simple_title) and len(bare[0]) > len(bare[1]):
                    # The page's <title> lost the headline's dashes and colons
                    # ("破茧欲飞的一只彩蝶港大深圳医院医改纪实"): the one printed above the text has them.
                    title, original_lines[i] = original_lines[i], title
                removed.append(Removed(original_lines[i], "seo-caption"))
                kept.remove(i)
        below = simple_lines[kept[pos]] if pos < len(kept) else ""
        if (pos + 1 < len(kept) and _COLUMN_LABEL.match(_SPACES.sub("", below)) and not _DOC_TYPE_END.search(below)
                and len(simple_lines[kept[pos + 1]]) >= 20):
            # A column's name between the headline and the text: "商業", "要闻"; not a
            # document's kind ("通  知").
            removed.append(Removed(original_lines[kept[pos]], "navigation"))
            kept.remove(kept[pos])
    if title is None and kept:
        # A report's headline run into its first sentence: "2021年度卫计局工作总结 2021年,是…",
        # "…明年工作安排文稿今年以来,区卫计局围绕…".
        first = kept[0]
        glued = _GLUED_REPORT_TITLE.match(simple_lines[first])
        if glued and len(simple_lines[first]) == len(original_lines[first]):
            cut = glued.end("head")
            title = original_lines[first][:cut].strip()
            simple_lines[first], original_lines[first] = simple_lines[first][cut:].strip(), original_lines[first][cut:].strip()
    if title is not None:
        title = _FILE_EXTENSION.sub("", _THREAD_MARK.sub("", _ESSAY_COUNT.sub("", title))).strip() or title
        title = _SEO_KEYWORDS.sub("", _LIST_MARK.sub("", title)).strip() or title
        # A collection's pieces, each under the collection's name and its number: "…实施方案集合 篇1".
        collection = to_simplified(title)
        for i in [
            i for i in kept
            if simple_lines[i].startswith(collection) and _PIECE_NUMBER.fullmatch(simple_lines[i][len(collection):])
        ]:
            removed.append(Removed(original_lines[i], "seo-caption"))
            kept.remove(i)
        crumbs = _CRUMB_SEP.split(title)
        if len(crumbs) < 3 and title.startswith(_HOME_WORDS):
            crumbs = title.split()  # "主页 科普资讯 传统医学 老年人如何过好“秋”": a trail spaced out
        if len(crumbs) >= 3 and len(crumbs[-1]) >= 6:
            title = crumbs[-1]  # "某某范文网 > 实用范文 > 其他范文 > …研究": the page's own headline last
        title = _ATTACHMENT.sub("", _SPACES.sub(" ", title).strip(" |｜")) or title
        if title_line is not None and len(title) > 12:
            # A page's <title> printed as its headline: "…的通知 -合作市人民政府_", "…人民醫院-新華網"
            # (read in Simplified, cut in the title's own script).
            bare = title.rstrip(" _|｜-")
            site = _TITLE_SITE_TAIL.search(to_simplified(bare))
            if site and site.start() and len(to_simplified(bare)) == len(bare):
                title = bare[: site.start()]
        title = _COLUMN_TAIL.sub("", title) or title
        site = _BRACKET_DATELINE.match(title)
        if site and site.group("site") and site.end() < len(title):
            # "【南方+】11种主要水稻病虫害如何防治?…": the app's name over its headline is the source.
            meta.setdefault("source", site.group("site"))
            title = title[site.end():]
        title = _PART_MARK.sub("", title) or title  # "…新一轮流感攻势来袭( 二 )": the page's part widget
        if title.count("丨") >= 2:
            # "【文章精选】李某、郑某丨总额预付制下…分析丨2023年第1期": a post's column, authors, headline
            # and issue, apart by 丨 (a separator, never a character of a headline): the headline is the longest.
            title = max(title.split("丨"), key=len).strip() or title
        # A paper's title keys its funding note with a mark: "…的规制困境与破解之策*"; a
        # forum's thread title counts its pictures ("… [9P]"); a portal prints its field's label ("名称: …").
        title = title.rstrip("*＊※:：").rstrip() or title
        # "宁政办发〔2018〕87号《…的实施意见》": a document's number before its title, and its title's marks.
        numbered = DOCUMENT_NUMBER.match(title)
        if numbered and title.index("〔" if "〔" in title[: numbered.end()] else title[numbered.end() - 1]) > ISSUER_ABBREVIATION_CHARS:
            numbered = None  # "一文读懂国办发〔2021〕18号《…》": an explainer's headline, not the document's
        rest = title[numbered.end():].lstrip() if numbered else ""
        if rest.startswith("《") and rest.endswith("》") and rest.count("《") == 1 and rest.count("》") == 1:
            title = rest[1:-1]
        title = _TITLE_LABEL.sub("", _PICTURE_COUNT.sub("", title)) or title
        outlet = _TITLE_OUTLET.match(to_simplified(title))
        if outlet and outlet.group("sep") in "|｜" and len(title) == len(to_simplified(title)):
            meta.setdefault("source", outlet.group("outlet"))
            title = title[outlet.end() - 1:]  # "生命时报|心脏支架…": the paper's name before its headline
        section = _TITLE_SECTION_TAIL.search(title)
        if section and _DOC_TYPE_END.search(to_simplified(title[: section.start()])):
            title = title[: section.start()]  # "…可行性分析报告一、总论": the first section's heading glued on
        fields = _TITLE_FIELDS_TAIL.search(title)
        if fields and fields.start() >= 6:
            printed = _iso_date(fields.group("date"))
            if printed:
                meta.setdefault("date", printed)
            if fields.group("source"):
                meta.setdefault("source", fields.group("source"))
            title = title[: fields.start()]
        title = _ANNOUNCEMENT_LABEL.sub("", _DOWNLOAD_TAIL.sub("", title)) or title
        dated = _TITLE_DATE_TAIL.search(title)
        if dated and dated.start() >= 6:
            # "…作经验交流发言 2023.04.18": the page's date printed after its headline.
            printed = _iso_date(dated.group("date"))
            if printed:
                meta.setdefault("date_weak", printed)
            title = title[: dated.start()]

    # Pass 3: datelines ("东营日报社/爱东营讯 8月14日...") and agency lines.
    body_orig: list[str] = []
    body_simple: list[str] = []
    for k, i in enumerate(kept):
        s, o = simple_lines[i], original_lines[i]
        if (
            k == len(kept) - 1 and k and _DEPARTMENT_CREDIT.match(s)
            and not any(_DEPARTMENT_CREDIT.match(simple_lines[j]) for j in kept[:k])
        ):
            # "市卫生健康委体改和基层处 王某某" closing the text: who sent it in (not the last of a list).
            removed.append(Removed(o, "byline"))
            continue
        roman = _ROMAN_LEAD.match(s)
        if roman and len(s) == len(o):
            removed.append(Removed(o[: roman.end()].strip(), "page-number"))  # "xxviii 深化…": a PDF's page
            s, o = s[roman.end():], o[roman.end():]
        label = _LEAD_LABEL_BEFORE_TEXT.match(s)
        if label and len(s) > label.end() + 10 and len(s) == len(o):
            # "核心提示:作为医改风暴眼的三明,…": the label, not the teaser it opens.
            removed.append(Removed(o[: label.end()].strip(), "notice"))
            s, o = s[label.end():], o[label.end():]
        caption = _CAPTION_LEAD.match(s)
        if caption and len(s) > caption.end() + 10 and len(s) == len(o):
            # A photo's caption and credit run into the text below it:
            # "…出席记者会并答问(中评社 海涵摄) 中评社北京3月7日电…".
            removed.append(Removed(o[: caption.end()].strip(), "photo-caption"))
            s, o = s[caption.end():].lstrip(), o[caption.end():].lstrip()
        if k < 3:
            m = (
                _DATED_DATELINE.match(s) or _DATELINE.match(s) or _BYLINE_LEAD.match(s)
                or _AGENCY_DATELINE.match(s) or _NEWS_DATELINE.match(s) or _CITED_AGENCY.match(s)
                or _REPORTERS_LEAD.match(s) or _BARE_DATELINE.match(s) or _BRACKET_DATELINE.match(s)
                or _SITE_COLUMN.match(s) or _NAMES_LEAD.match(s) or _SELF_DATELINE.match(s) or _BRACKETED_AGENCY.match(s)
            )
            if m and (len(s) > m.end() + 10 or not s[m.end():].strip()):
                if "date" in m.re.groupindex and _iso_date(m.group("date")):
                    meta.setdefault("date", _iso_date(m.group("date")))
                # "东营日报社/爱东营讯", "新华社北京3月5日电", "央视网消息(新闻联播):":
                # who reports, not what; the outlet is the source.
                outlet = m.group("outlet") or ("site" in m.re.groupindex and m.group("site")) or ""
                if _usable_source(outlet):
                    meta.setdefault("source", _outlet_without_place(outlet))
                elif credit := _INLINE_CREDIT.search(s[: m.end()]):
                    if credit.group("outlet"):  # "本网讯(草原云·内蒙古新闻网记者 王某)": the paper names itself inside
                        meta.setdefault("source", _paper_of(credit.group("outlet")))
                removed.append(Removed(o[: m.end()].strip(), "dateline"))
                s, o = s[m.end():].lstrip(" ,，:：/／"), o[m.end():].lstrip(" ,，:：/／")  # "财联社11月7日电,国家…"
                if not s:
                    continue
                cited = _CITED_AGENCY.match(s) if m.re is _AGENCY_DATELINE._compiled() else None
                if cited and len(s) > cited.end() + 10 and len(s) == len(o):
                    # "中评社北京8月7日电/据中国纪检监察报报导,近日,…": the paper the agency copies.
                    removed.append(Removed(o[: cited.end()].strip(), "dateline"))
                    s, o = s[cited.end():], o[cited.end():]
            credit = _REPORTER_LEAD.match(s)
            if credit and len(s) > credit.end() + 10 and len(s) == len(o):
                # "本报讯 记者徐铁英报道 通过虚构治疗…": the reporter, once the dateline is gone.
                meta.setdefault("author", _FIRST_NAME_END.split(credit.group("names"))[0])
                removed.append(Removed(o[: credit.end()].strip(), "byline"))
                s, o = s[credit.end():], o[credit.end():]
        # A list item's marker is not part of its text: "- •医生被迫“算经济账”:…".
        mark = _LIST_MARK.match(s)
        if mark and mark.end() < len(s) and len(s) == len(o):
            s, o = s[mark.end():], o[mark.end():]
        # Reporter credits inside a sentence: "...日电(记者彭韵佳)首届...", a site's: "(自媒体www.9y9y.com)",
        # a footnote's source and address: "…省级统筹”①资料来源:中国法院网。https://….shtml。。",
        # a wiki's link to another language's page: "ENHANCE International英语ENHANCE International".
        # A paper's apparatus run into its text: "【中图分类号】G40—052", "[关键词】…".
        sites = _INLINE_SITE.finditer(s) if "www" in s or "http" in s else ()
        # (start, end, reason, the outlet it names: "(大象新闻记者 吴某 通讯员 陈某)")
        cuts = [(m.start(), m.end(), "byline", (m.group("outlet") or "").strip("《》") or None) for m in _INLINE_CREDIT.finditer(s)]
        cuts += [(m.start(), m.end(), "byline", None) for m in (*sites, *_FOOTNOTE_SOURCE.finditer(s))]
        cuts += [(m.start(), m.end(), "photo-credit", None) for m in _TRAILING_PHOTO_CREDIT.finditer(s)]
        cuts += [(m.start(), m.end(), "photo-credit", None) for m in _INLINE_PHOTO_CREDIT.finditer(s)]
        cuts += [(a, b, "navigation", None) for a, b in _interlanguage_links(s)]
        cuts += [(m.start(), m.end(), "symbols", None) for m in _INLINE_ELISION.finditer(s)]
        cuts += [(m.start(), m.end(), "template-code", None) for m in _ORPHAN_TAG.finditer(s)]
        cuts += [(m.start(), m.end(), "template-code", None) for m in _COMMENT_MARK.finditer(s)]
        cuts += [(m.start(), m.end(), "related-links", None) for m in _TRAILING_RELATED.finditer(s)]
        cuts += [(m.start(), m.end(), "byline", m.group("outlet")) for m in _TRAILING_BYLINE.finditer(s)]
        cuts += [(m.start(), m.end(), "byline", None) for m in _TRAILING_NOTES.finditer(s)]
        cuts += [(m.start(), m.end(), "byline", None) for m in _TRAILING_CONTRIBUTOR.finditer(s)]
        if k == len(kept) - 1:  # the writer of the whole text, after its last paragraph
            cuts += [(m.start(), m.end(), "byline", None) for m in _TRAILING_TEXT_CREDIT.finditer(s)]
        # Names in brackets after a sentence, each a surname's: reporters after the last one
        # ("(李循  张武霞)"), an outlet's writer anywhere ("(搜狐体育 文治)"); brackets like
        # these also list things ("(医保 医疗 医药)", "(详见市政府网 公告)").
        if k == len(kept) - 1:
            cuts += [
                (m.start(), m.end(), "byline", None) for m in _TRAILING_NAMES.finditer(s)
                # (a trainee or a correspondent named among them: "(刘某 实习生 周某)")
                if all(name[0] in _SURNAMES for name in m.group().strip(" ()（）|｜").split() if name not in _ROLE_WORDS)
            ]
        cuts += [
            (m.start(), m.end(), "byline", m.group("outlet")) for m in _TRAILING_OUTLET_CREDIT.finditer(s)
            if m.group("writer")[0] in _SURNAMES and _usable_source(m.group("outlet"))
            and not m.group("outlet").startswith(("详见", "见", "据", "参见"))
        ]
        cuts += [
            (m.start(), m.end(), "source-link", m.group("outlet"))
            for m in _TRAILING_SOURCE.finditer(s) if _OUTLET_TAIL.search(m.group("outlet"))
        ]
        cuts += [(m.start(), m.end(), "promotion", None) for m in _INLINE_PAYWALL.finditer(s)]
        cuts += [(m.start(), m.end(), "page-number", None) for m in _INLINE_PAGE.finditer(s)]
        boxed = _BRACKETED_HEADLINE.match(s) if title else None
        # The headline in brackets, or an outlet's copy of it ("【新华社|我国将设置…】国家卫健委表示…").
        boxed_title, own_title = (_norm_title(boxed.group(1)), _norm_title(to_simplified(title))) if boxed else ("", "")
        copied = re.split(r"[|｜·]", boxed.group(1)) if boxed else []
        if boxed and (
            (k < 3 and boxed_title == own_title)
            or (len(copied) >= 2 and _norm_title(to_simplified(copied[-1])) == own_title and len(copied[0]) <= OUTLET_PREFIX_CHARS)
        ):
            cuts.append((0, boxed.end(), "repeated", None))
        if k < 3 and (lead := _LOST_BRACKET_LEAD.match(s)):
            cuts.append((0, lead.end(), "repeated", None))
        cuts += [(m.start(), m.end(), "promotion", None) for m in _INLINE_FOLLOW_US.finditer(s)]
        cuts += [(m.start(), m.end(), "promotion", None) for m in _INLINE_SALES.finditer(s)]
        cuts += [
            (m.start(), m.end(), "spam", None) for m in _INLINE_PHONE_AD.finditer(s)
            if not any(w in m.group(1) for w in _CONTACT_WORDS)
        ]
        cuts += [
            (m.start(), m.end(), "paper-metadata", None)
            for m in (*_INLINE_PAPER_META.finditer(s), *_INLINE_KEYWORDS.finditer(s), *_INLINE_AUTHOR_NOTE.finditer(s))
        ]
        until = len(s)
        outlets = []
        for a, b, reason, outlet in sorted(cuts, reverse=True, key=lambda c: c[:2]):
            if b > until:
                continue  # overlaps a span already cut
            if outlet and _usable_source(outlet):
                outlets.append(outlet)
            removed.append(Removed(o[a:b], reason))
            s, o = s[:a] + s[b:], o[:a] + o[b:]
            if a == 0:  # a credit before the text leaves the space after it: "(…记者 某某) 9月10日上午,…"
                s, o = s.lstrip(), o.lstrip()
            until = a
        if outlets:
            meta.setdefault("source", outlets[-1])  # the first credit's, cut last
        # The outlet the text is from, in brackets after its last sentence: "…重点建设。(中国中医药报)".
        credited = _CREDITED_OUTLET.search(s) if k == len(kept) - 1 and len(s) == len(o) else None
        if credited and _usable_source(credited.group(1)):
            meta.setdefault("source", credited.group(1))
            removed.append(Removed(o[credited.start():].strip(), "byline"))
            s, o = s[: credited.start()], o[: credited.start()]
        # The author's name in brackets after the last sentence: "…打造萧艾等产业。 (杜某某)".
        signed = _SIGNED.search(s)
        if signed and len(s) == len(o) and (k == len(kept) - 1 or signed.group(1) == meta.get("author")):
            removed.append(Removed(o[signed.start():].strip(), "byline"))
            s, o = s[: signed.start()], o[: signed.start()]
        # Characters a page lost at a line's start ("??? 为贯彻落实…"), a paper's
        # label ("【摘要】", "摘要:").
        lead = _LOST_LEAD.match(s) or _ABSTRACT_LEAD.match(s)
        header = _HEADED_ABSTRACT.match(s) if k == 0 and not lead else None
        if header and header.end() < len(s) and len(s) == len(o):
            removed.append(Removed(o[: header.end()].strip(), "paper-metadata"))
            s, o = s[header.end():], o[header.end():]
        if lead and lead.end() < len(s) and len(s) == len(o):
            s, o = s[lead.end():], o[lead.end():]
        # Decorative symbols a page strews in its sentences ("★★■★◆◆"), a live
        # blog's time stamps between its entries ("…谢谢。 [03-12 17:46] 王某:…").
        if (_SYMBOL_RUN.search(s) or _STAMP.search(s)) and len(s) == len(o):
            keep = [not m for m in _symbol_mask(s)]
            s = "".join(c for c, k in zip(s, keep) if k)
            o = "".join(c for c, k in zip(o, keep) if k)
        body_simple.append(s)
        body_orig.append(o)

    # Pass 4: join lines broken inside a sentence.
    joined_s: list[str] = []
    joined_o: list[str] = []
    at_wrap = False  # the previous line, as printed, reaches the wrap width
    printed = 0  # printed lines in the paragraph so far
    for s, o, full in zip(body_simple, body_orig, _full_lines(body_simple)):
        cut, at_wrap = at_wrap, full
        # A short line with no clause after a cut line ends a heading too long
        # for one line; after a paragraph of several lines it is the next heading.
        goes_on = cut and (at_wrap or _goes_on(s) or printed == 1)
        if joined_s and _should_join(joined_s[-1], s, at_wrap=goes_on):
            printed += 1
            a, b = joined_s[-1][-1:], s[:1]
            # Words of Latin script were apart; a number or an acronym cut by
            # the wrap was not ("20" + "24", "D" + "RG").
            whole = cut and ((a.isdigit() and b.isdigit()) or (a.isupper() and b.isupper()))
            glue = " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() and not whole else ""
            joined_s[-1] += glue + s
            joined_o[-1] += glue + o
        else:
            joined_s.append(s)
            joined_o.append(o)
            printed = 1

    # A paragraph printed again word for word (a content farm's page repeats its
    # excerpt; a teaser before the text repeats its lead) is said once.
    seen: set[str] = set()
    unique = []
    for s, o in zip(joined_s, joined_o):
        key = " ".join(s.split())
        if len(key) >= REPEATED_PARAGRAPH_CHARS and key in seen:
            removed.append(Removed(o, "repeated"))
            continue
        seen.add(key)
        unique.append((s, o))
    joined_s, joined_o = [s for s, _ in unique], [o for _, o in unique]

    # Pass 5: paragraphs, headings, sentences with offsets.
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    offset = 0
    for index, (s, o) in enumerate(zip(joined_s, joined_o)):
        heading = _is_heading(s)
        paragraphs.append(Paragraph(index=index, text=s, start=offset, end=offset + len(s), heading=heading))
        for a, b in [(0, len(s))] if heading else split_sentences(s):
            # Headings a converter ran into the text ("一、工作原则 (一)患者自愿…",
            # "一、案情介绍(一)案件经过2021年12月16日…") are headings still.
            peeled = False
            while (cut := _glued_heading_end(s[a:b])) and b - a - cut >= GLUED_BODY_CHARS:
                head = s[a:a + cut].rstrip()
                sentences.append(Sentence(len(sentences), head, offset + a, offset + a + len(head), index, True))
                a, peeled = a + cut, True
            rest = s[a:b]
            sentences.append(
                Sentence(len(sentences), rest, offset + a, offset + b, index, heading or (peeled and _is_heading(rest)))
            )
        offset += len(s) + 1
    source = (
        meta.get("source") or _title_outlet(title) or _own_reporting("\n".join(joined_s)[:3000])
        or _title_issuer(title)  # a document with no signature: its issuer names itself in its title
    )
    if source:
        source = _CLAUSE_MARK.split(source)[0].strip() or None  # "北方新报,如有侵权请联系…删除。": the name only
    if source:
        source = _SOURCE_DATE_TAIL.sub("", source) or source  # "人民网-2021-05-05": the name, not its date
    if source and source.endswith(("网讯", "網訊")) and len(source) <= 3:
        source = None  # a dateline's short form ("文网讯") names no paper (腾讯 is a name)
    # "原作者: 月半月半| 查看: 10967| 评论: 0": a forum's next fields after the name.
    author = _FIELD_BAR.split(meta["author"])[0].strip() or None if meta.get("author") else None
    if script == "traditional":
        # Where the source was read: a removed line (a dateline, a byline), the text, the title.
        printed = [*((r.text, None) for r in removed), *zip(joined_o, joined_s), *([(title, None)] if title else [])]
        source = _as_printed(source, printed)
    metadata = Metadata(
        title=title,
        # Stated in the text first; else the address of the link to the original.
        date=meta.get("date") or meta.get("date_weak") or _iso_date(str(fm.get("link_date") or "")),
        source=source,
        author=author,
    )
    return Document(
        path=raw.path,
        text="\n".join(joined_s),
        original="\n".join(joined_o),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        metadata=metadata,
        script=script,
        encoding=raw.encoding,
        container=extracted.container,
        removed=tuple(removed),
        title_simplified=to_simplified(title) if title else None,
    )


_FIELD_BAR = re.compile(r"\s*[|｜]\s*")
_CLAUSE_MARK = re.compile(r"[,，。;；]")


def _as_printed(value: str | None, printed: list[tuple[str, str | None]]) -> str | None:
    """``value``, found in the Simplified text, as a page in Traditional script prints it
    (人民日報海外版, not 人民日报海外版); as it is where no printed line holds it.

    ``printed`` pairs each line as printed with its Simplified form, or None where
    that is still to be made."""
    if not value:
        return value
    for line, simple in printed:
        simple = simple if simple is not None else to_simplified(line)
        at = simple.find(value)
        if at >= 0 and len(simple) == len(line):
            return line[at:at + len(value)]
    return value


def render_clean_text(doc: Document, *, original_script: bool = True) -> str:
    """The cleaned article as text: the title line, then paragraphs."""
    body = doc.original if original_script else doc.text
    parts = []
    title = doc.metadata.title
    if title:
        parts.append(title if original_script else to_simplified(title))
    parts.extend(line for line in body.split("\n") if line)
    return "\n\n".join(parts) + "\n"
