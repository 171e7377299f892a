"""Dates written with a month's name (``March 4, 2015``, ``20. Juni 2017, 12:47 Uhr``, ``4 mars 2015``): the day a byline states.

Chinese pages write dates in figures (crawler/extract/dates.py); European bylines spell the
month. A short line above the text that is such a date, maybe after a label
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
_LABEL = r"((published|posted|veröffentlicht|erschienen|publié|publicado|date|datum|stand)( am| le| on| el)?\s*:?\s*)?"
_CLOCK = r"(,?\s*(um|at|à|a las)?\s*\d{1,2}[:.h]\d{2}(\s*(uhr|am|pm|a\.m\.|p\.m\.))?(\s*[a-z]{2,4})?)?"
#: ``March 4, 2015`` / ``Mar. 4, 2015`` (month first) or ``4. März 2015`` / ``4 mars 2015`` / ``4 de marzo de 2015``.
_SPELLED = re.compile(
    rf"{_LABEL}(({_WEEKDAYS}),?\s+)?(?:(?P<m1>{_MONTH_NAMES})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>(19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}})\.?\s+(de\s+)?(?P<m2>{_MONTH_NAMES})\.?\s+(de\s+)?(?P<y2>(19|20)\d{{2}})){_CLOCK}\s*"
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
    month, day, year = (match["m1"], match["d1"], match["y1"]) if match["m1"] else (match["m2"], match["d2"], match["y2"])
    number = _MONTHS[month]
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{number:02d}-{int(day):02d}"


def byline_day(head: list[str]) -> str | None:
    """The day of the first line above the text that is a spelled date."""
    for line in head:
        day = spelled_day(line)
        if day:
            return day
    return None
