"""Traditional characters and pinyin glosses in fiscal prose, read as the simplified text the grammar knows.

Some disclosures reach a reader through mirror hosts that re-encode the page in traditional characters
(萬元, 預算, 決算, 增長, 與, 較) and, on some hosts, insert a pinyin gloss after a character inside a word
(``預(yù)算``, ``數(shù)``). The grammar (``grammar.py``) is written in simplified characters, so such a sentence would
bind nothing. ``reading_text`` gives the text the reader matches against:

- one explicit character map, limited to the characters of the fiscal vocabulary, the organisation names and the
  sentence words the grammar reads (no general converter, no dependency): each traditional character maps to one
  simplified character, and only characters whose simplified form is unambiguous in this vocabulary are listed;
- a pinyin gloss is a bracketed run of 1–6 Latin letters with at least one tone-marked vowel, standing right after
  a CJK character (``預(yù)`` → ``预``); a bracket without a tone mark (``(a)``, ``(1)``) is kept.

What is landed and quoted is always the line as printed (``SourceLine.raw``); only the reading uses this text.
"""

from __future__ import annotations

import functools
import re

_PAIRS = (
    # amounts, bases, directions, comparisons
    "萬万億亿預预決决與与爲为長长減减較较數数額额總总計计結结轉转餘余撥拨執执劃划調调節节漲涨壓压縮缩點点際际"
    "實实無无變变續续態态僅仅隨随並并從从於于後后應应當当將将該该屆届為为個个項项類类費费經经濟济營营單单價价"
    # subjects: classification names, three public expenses, procurement, staff, assets
    "務务稅税紀纪檢检監监貿贸識识權权臺台關关機机辦办會会議议員员園园兒儿學学業业發发產产資资國国體体衛卫醫医"
    "療疗護护農农鐵铁郵邮鄉乡區区縣县鎮镇廳厅門门車车輛辆運运維维購购採采貨货債债還还險险勞劳動动專专組组織织"
    "統统審审書书處处黨党隊队環环標标績绩評评報报說说細细傳传設设對对這这時时間间導导幣币圖图範范屬属舉举歲岁"
    "職职稱称廠厂補补貼贴倉仓儲储準准規规則则條条據据獎奖證证測测擔担責责問问題题買买託托養养構构齡龄編编納纳"
    "參参備备訓训歸归圍围內内層层錄录儀仪兩两華华東东龍龙廣广雲云貴贵陝陕遼辽蘇苏戰战檔档眾众團团場场來来師师"
    "肅肃寧宁賬账戶户貸贷帳账災灾財财級级繳缴歷历異异號号開开況况們们線线覽览懲惩現现館馆達达負负"
    # the share word (支出佔12.26%); 約 of 減少約33億元 (the approximation word between a verb and its amount)
    "佔占約约"
    # a variant form some hosts print for 產 (資産)
    "産产"
)
_TRADITIONAL = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])
_TRADITIONAL_RE = re.compile("[" + _PAIRS[0::2] + "]")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# 預(yù)算: a gloss of Latin letters with a tone mark, in ASCII or full-width brackets, right after a CJK character
PINYIN_GLOSS_RE = re.compile(rf"(?<=[\u4e00-\u9fff])[（(](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}[）)]")

assert len(_PAIRS) % 2 == 0 and len(set(_PAIRS[0::2])) == len(_PAIRS) // 2


def simplified(text: str) -> str:
    """``text`` with the traditional characters of the fiscal vocabulary written simplified (one to one)."""
    return text.translate(_TRADITIONAL) if _TRADITIONAL_RE.search(text) else text


@functools.lru_cache(maxsize=16384)  # pure; the same line is read by the reader, the marks and the next document
def reading_text(text: str) -> str:
    """The text the grammar reads: pinyin glosses dropped, then traditional characters simplified."""
    if "(" in text or "（" in text:
        text = PINYIN_GLOSS_RE.sub("", text)
    return simplified(text)
