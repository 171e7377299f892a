"""Tables inside a text that are widgets, not its data: quote boxes and related-links tables headed as a related
list (``相关股票``, ``今日化工报价 更多>>``), and a forum post's rating log."""

from __future__ import annotations

import re

from crawler.extract.hans import simplified
from crawler.extract.residue import is_heading


def headed_table_flags(lines: list[str], rows: list[bool] | None = None) -> list[bool]:
    """For each line: is it the heading, a row or the footnote of a table headed as a related list (``相关股票``) or a rating log?

    A quote box or a related-links table inside the text is a widget wherever it stands:
    its rows are not the text's data (its heading may be the table's own first row, one cell
    wide). ``rows`` says which lines are table rows (by default
    those whose cells are joined by tabs; a quote's row glued into one line counts too); the heading may carry a note
    (``相关个股（行情截至06-10 09:40）``), and a short line with a clock time or a caveat right after the
    rows is the box's footnote (``报价延迟最少15分钟 · 更新时间：11:50``, ``行情数据仅供参考，以交易所公布为准``).
    """
    if rows is None:
        rows = ["\t" in line for line in lines]
    rows = [row or is_quote_row(line) for row, line in zip(rows, lines)]
    flags = [False] * len(lines)
    for i in range(len(lines) - 1):
        if rows[i + 1] and (
            "\t" not in lines[i] and is_heading(_TABLE_NOTE.sub("", simplified(lines[i])))  # a heading row of one cell too
            or _MORE_HEADING.fullmatch(lines[i])  # a widget's title with its link to more (``今日化工报价 更多>>``)
            or _RATING_HEAD.fullmatch(lines[i])
            or _RATING_LABEL.fullmatch(lines[i]) and _RATING_HEAD.fullmatch(lines[i + 1])
        ):
            flags[i] = True
            j = i + 1
            while j < len(lines) and rows[j]:
                flags[j] = True
                j += 1
            if j < len(lines) and len(lines[j]) <= _MAX_TABLE_NOTE and _TABLE_FOOTNOTE.search(simplified(lines[j])):
                flags[j] = True
    return flags


#: A quote box's row whose cells a template glued into one line (``天齐锂业 002466118.35+3.42%``):
#: short, no sentence punctuation, a figure, and a signed change in per cent at the end.
_QUOTE_ROW = re.compile(r"(?=.{4,48}$)[^。，,；;！？!?：:]*\d[^。，,；;！？!?：:]*[+\-−]\s*\d{1,4}(\.\d{1,3})?\s*%\s*[）)]?")


def is_quote_row(line: str) -> bool:
    """True for a line shaped like a quote box's row: a name, figures, a signed per cent change (maybe in brackets:
    ``00388香港交易所282.600+4.200（+1.51%）``; figures may carry thousands separators)."""
    return line.endswith(("%", "）", ")")) and _QUOTE_ROW.fullmatch(_THOUSANDS.sub("", line)) is not None


#: A thousands separator (``17,206.35``).
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")


#: A forum post's rating log, by its heading (``本帖评分记录``) or its header row
#: (``评分人\t专业分\t丁当\t理由``, ``评分\t人数 6\t爱卡币 +60\t理由``, ``参与人数 3\t穷游币 +15\t理由``): its rows are the raters'.
_RATING_HEAD = re.compile(r"[【\[]?\s*(本帖)?(最近)?评分记录\s*[】\]]?\s*[:：]?|(评分(人|者)?|参与人数\s*\d+)\t.*\t理由")
#: A rating log's bare label, a heading only over the log's header row (``评分`` over ``参与人数 3⇥穷游币 +15⇥理由``).
_RATING_LABEL = re.compile(r"\s*评分\s*[:：]?\s*")
#: A note after a widget's heading: in brackets (``相关个股（行情截至06-10 09:40）``), or after a
#: space, the quotes' time or a note of it (``相关个股行情 2016-08-26 10:10``, ``相关基金 净值日期：06-17``, ``相关个股 行情数据截至收盘``).
_TABLE_NOTE = re.compile(
    r"\s*([（(][^（）()]{1,30}[）)]|\s[^\s（）()]{0,12}(截至|更新|延迟)[^（）()]{0,12}"
    r"|\s([^\s（）():：]{1,6}\s*[:：]\s*)?((19|20)\d{2}[-/.])?\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?|\s\d{1,2}:\d{2}(:\d{2})?)\s*$"
)
#: A box's title beside its link to more of the same: a widget's, over its rows.
_MORE_HEADING = re.compile(r"[^。！？，,\t]{2,16}\s*(更多|More|more)\s*[>》»]+")
#: A widget's footnote is a short line holding a clock time, a caveat or the quotes' date
#: (``行情延时15分钟``, ``行情截至2018-07-13收盘``, ``净值日期：2022-04-15 基金过往业绩不代表未来表现``).
_MAX_TABLE_NOTE = 60
_TABLE_FOOTNOTE = re.compile(r"\d{1,2}:\d{2}|仅供参考|为准|延迟|延时|截至|截止|收盘|净值日期|过往业绩")
