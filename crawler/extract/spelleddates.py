"""Dates written with a month's name (``March 4, 2015``, ``20. Juni 2017, 12:47 Uhr``, ``4 mars 2015``) or day first in figures: the day a byline states.

Chinese pages write dates in figures (crawler/extract/dates.py); European bylines spell the
month, or write the day first in figures (``09.04.2013``; ``Posté le 09-04-2013 à 22:14:37``,
read day first only after a label that is not English: an English ``04/09/2013`` is
April 9 in America). A short line above the text that is such a date, maybe after a label
(``Published``, ``Veröffentlicht am``, ``Publié le``) and before a clock time, gives the
article's day. Only the day: a clock time without its zone (``12:47 Uhr``, ``4:07 PM ET``
is a zone's abbreviation, not an offset) says nothing certain of the instant. A line
labelled as an update (``Updated``, ``Aktualisiert``, ``Mis à jour``) is passed over.
"""

from __future__ import annotations

import re

#: Month names (and their usual abbreviations) → month number, lower-cased.
_MONTHS = {
    **{name: n for n, names in enumerate((
        "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
        "august aug", "september sep sept", "october oct", "november nov", "december dec"), 1) for name in names.split()},
    **{name: n for n, names in enumerate((
        "januar jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
        "november", "dezember"), 1) for name in names.split()},
    **{name: n for n, names in enumerate((
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre"), 1) for name in names.split()},
    **{name: n for n, names in enumerate((
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
        "noviembre", "diciembre"), 1) for name in names.split()},
}
#: A weekday may open the date (``Friday, March 4, 2015``, ``Donnerstag, 16. Februar 2012``).
_WEEKDAYS = (
    r"(mon|tues|wednes|thurs|fri|satur|sun)day|(mon|tue|wed|thu|fri|sat|sun)\.?|(mon|diens|donners|frei|sams|sonn)tag|mittwoch"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
)
_MONTH_NAMES = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_LABEL = (
    r"((published|posted|public release|release date|veröffentlicht|erschienen|publié|posté|publicado|pubblicato|date|datum|stand)"
    r"(?P<on> am| le| on| el| il)?\s*:?\s*)?"
)
_CLOCK = r"(,?\s*(um|at|à|a las|alle)?\s*\d{1,2}[:.h]\d{2}(:\d{2})?(\s*(uhr|am|pm|a\.m\.|p\.m\.))?(\s*[a-z]{2,4})?)?"
#: ``March 4, 2015`` / ``Mar. 4, 2015`` (month first) or ``4. März 2015`` / ``4 mars 2015`` / ``4 de marzo de 2015`` / ``15-Sep-2020``;
#: or in figures, day first: ``09.04.2013`` (dots), or ``09-04-2013``, ``09/04/2013`` after a label that is not English.
_SPELLED = re.compile(
    rf"{_LABEL}(({_WEEKDAYS}),?\s+)?(?:(?P<m1>{_MONTH_NAMES})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})(\.?\s+(de\s+)?|-)(?P<m2>{_MONTH_NAMES})(\.?\s+(de\s+)?|-)(?P<y2>(19|20)\d{{2}})"
    rf"|(?P<d3>\d{{1,2}})(?P<sep>[./-])(?P<m3>\d{{1,2}})(?P=sep)(?P<y3>(19|20)\d{{2}})){_CLOCK}\s*"
)
_DIGIT = re.compile(r"\d")
#: Such a line is short.
MAX_DATE_LINE = 60
_UPDATE = ("updated", "aktualisiert", "mis à jour", "actualizado", "modified", "geändert")


def spelled_day(line: str) -> str | None:
    """The day (``YYYY-MM-DD``) of a short line that is a date with a month's name, else None."""
    if len(line) > MAX_DATE_LINE or _DIGIT.search(line) is None:
        return None
    low = line.strip().lower()
    if any(word in low for word in _UPDATE):
        return None
    match = _SPELLED.fullmatch(low)
    if match is None:
        return None
    if match["d3"]:
        # figures are read day first only where they cannot be a month first (``04/09/2013`` in English)
        if match["sep"] != "." and match["on"] not in (" am", " le", " el", " il"):
            return None
        number, day, year = int(match["m3"]), match["d3"], match["y3"]
    elif match["m1"]:
        number, day, year = _MONTHS[match["m1"]], match["d1"], match["y1"]
    else:
        number, day, year = _MONTHS[match["m2"]], match["d2"], match["y2"]
    if not (1 <= int(day) <= 31 and 1 <= number <= 12):
        return None
    return f"{year}-{number:02d}-{int(day):02d}"


def byline_day(head: list[str]) -> str | None:
    """The day of the first line above the text that is a spelled date, else of the first byline stating one after
    ``on`` (``412 points by throwaway_ops on Mar 14, 2020 | hide | past``, ``Posted by admin on March 3, 2020``)."""
    for line in head:
        day = spelled_day(line)
        if day:
            return day
    for line in head:
        if len(line) <= _MAX_BYLINE and " on " in line:
            match = _ON_DATE.search(line.lower())
            if match:
                return spelled_day(match.group(1))
    return None


#: A byline holding its date is at most this long.
_MAX_BYLINE = 200
_ON_DATE = re.compile(rf"\bon\s+((?:{_MONTH_NAMES})\.?\s+\d{{1,2}},?\s+(?:19|20)\d{{2}})\b")


#: A date tile: the day's number large on one line, the year and month small on the next
#: (``03`` over ``2024.06``, 博达 VSB university and government templates), or the other way round.
_TILE_DAY = re.compile(r"\s*(0?[1-9]|[12]\d|3[01])\s*(日)?\s*")
_TILE_MONTH = re.compile(r"\s*((?:19|20)\d{2})\s*[-./年]\s*(0?[1-9]|1[0-2])\s*月?\s*")
#: Both lines of a tile are this short.
_MAX_TILE_LINE = 12


def tile_day(head: list[str]) -> str | None:
    """The day of the first date tile among the lines above the text: a day's number beside a line of year and month."""
    for first, second in zip(head, head[1:]):
        if len(first) > _MAX_TILE_LINE or len(second) > _MAX_TILE_LINE:  # the cheap test first: most lines are longer
            continue
        for day_line, month_line in ((first, second), (second, first)):
            day, month = _TILE_DAY.fullmatch(day_line), _TILE_MONTH.fullmatch(month_line)
            if day and month:
                return f"{month.group(1)}-{int(month.group(2)):02d}-{int(day.group(1)):02d}"
    return None
