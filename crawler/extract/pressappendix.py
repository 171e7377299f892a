"""A press release's appendix under its text: notes to editors, the contact box, the original publication, the company's profile.

Each is found from the end of the kept lines (crawler/extract/postclean.py drops it, as
crawler/extract/tails.py's closing matter): a heading alone on a line and what may stand
under it, or a trailing run of lines that describe the company and point to more.
"""

from __future__ import annotations

import re

from crawler.extract.tails import closing_start, is_contact_line


#: A press release's appendix for journalists, its heading alone on a line (``Notes to editors:``,
#: ``Zusatzinformationen für Redaktionen:``): everything under it, at most ``MAX_EDITOR_NOTES`` lines, is the page's.
_EDITOR_NOTES = re.compile(
    r"(notes?|information) (to|for) editors|editor['’]?s['’]? notes?|(hinweise?|zusatzinformationen) für (die )?redaktion(en)?"
    r"|notes? aux rédactions|zitiervorschlag|zitierweise|suggested citation|how to cite( this (article|page))?|cite this (article|page)",
    re.IGNORECASE,
)
MAX_EDITOR_NOTES = 8
#: A contact box's heading alone on a line (``Kontakt:``, ``Inhaltlicher Kontakt:``, ``Pressekontakt``, ``Media contacts``, ``Ansprechpartnerin zum
#: Thema:``, ``V.i.S.d.P.``): the short lines under it that are no sentence (names, offices, numbers, addresses) are the page's.
_CONTACT_HEADING = re.compile(
    r"((press|media|medien|presse|inhaltliche[rn]?|wissenschaftliche[rn]?|fachliche[rn]?)\s?)?(contacts?|kontakte?)|(presse|medien)kontakte?|contacts? (presse|médias)"
    r"|ansprechpartner(in|innen)?( (für|zum) [\w\s-]{1,30})?|(press|media) (enquiries|inquiries|office|relations)|pressestelle"
    # ... or of the press office's legal block (``V.i.S.d.P.``, ``Herausgegeben von``, ``Rückfragen & Kontakt:``)
    r"|v\.\s?i\.\s?s\.\s?d\.\s?p\.?|herausgegeben von|herausgeber(in)?|(adresse )?für rückfragen|rückfragen( (&|und) kontakt)?"
    r"|kontakt für (weitere )?(auskünfte|rückfragen)"
    # ... or a list of links (``Weitere Informationen:`` over document titles: sentences under it are the text's)
    r"|(weitere|mehr) informationen|(further|more) information",
    re.IGNORECASE,
)
MAX_CONTACT_LINES = 12
#: A contact's title or a street's abbreviation ends in a stop that ends no sentence (``Prof. Bjorn Stevens``).
_TITLES = re.compile(r"\b(Prof|Dipl|Ing|Tel|Str|Mag|Univ|Abt|Ref)\.")
_MAX_HEADING = 40


def _is_editor_notes(line: str) -> bool:
    return len(line) <= _MAX_HEADING and _EDITOR_NOTES.fullmatch(line.strip().rstrip(":：").strip()) is not None


def _is_contact_heading(line: str) -> bool:
    return len(line) <= _MAX_HEADING and _CONTACT_HEADING.fullmatch(line.strip().rstrip(":：").strip()) is not None


#: The original publication's heading (``Originalveröffentlichung:``, ``Zur Publikation:``, ``Literaturhinweis``, ``Original publication``) over
#: at most ``MAX_PUBLICATION_LINES`` lines, one of them a reference: a DOI, a year in brackets or ``et al.``.
_PUBLICATION_HEADING = re.compile(
    r"original(veröffentlichung|publikation|arbeit|studie)|(die |zur )?publikation|literaturhinweise?|literatur|fachartikel"
    r"|original (publication|paper|article|study)|publications?|references?|the paper|citation|référence|publication originale",
    re.IGNORECASE,
)
MAX_PUBLICATION_LINES = 4
_REFERENCE = re.compile(r"\bdoi\b|\b10\.\d{4,}/|\((19|20)\d{2}\)|\bet al\b", re.IGNORECASE)
#: A company's profile under a press release (``Die Bosch-Gruppe ist ein international führendes Technologie- und
#: Dienstleistungsunternehmen.``, ``BASF is a …``): a name, then what kind of company it is, at the line's start.
_PROFILE = re.compile(
    # the name: capitalised words, maybe after an article, maybe with a bracket (``Die Siemens AG (Berlin und München)``)
    r"((Die|Der|Das|The|La|Le|L['’]|El) )?[A-ZÄÖÜ0-9][\w&.’'-]*( [A-ZÄÖÜ0-9&][\w&.’'-]*)*( \([^)]{1,60}\))?"
    r" (?i:(ist|is|sind|are|est) (ein|eine|einer|der|die|das|a|an|the|one of the|un|une|le|la)\b[^.!?]{0,100}?"
    r"(unternehmen|konzern|company|gruppe|group|anbieter|provider|hersteller|manufacturer|organisation|organization|verband|association"
    r"|institut|institute|marktführer|firm|stiftung|foundation|universität|university|dienstleister|versicherer|insurer|bank|leader"
    r"|entreprise|partnership|zusammenschluss|netzwerk|network))"
)
#: ... its heading or label (``Über die Deutsche Telekom: Deutsche Telekom Konzernprofil``, ``About BASF``) and the lines that
#: point to more of it (``Weitere Informationen unter www.bosch.com, …``, ``Folgen Sie uns im Social Web:``).
_ABOUT = re.compile(r"(über|about|à propos de|acerca de) [^.!?:]{2,60}(:[^.!?]{0,80})?", re.IGNORECASE)
_MORE_AT = re.compile(
    r"((weitere|mehr) informationen|(more|further) information|plus d'informations)[^.!?]{0,40}?(unter|auf|at|on|sur|visit)\s[^\n]{1,200}"
    r"|(folgen sie uns|follow us|suivez-nous)[^.!?]{0,60}",
    re.IGNORECASE,
)
#: ... the heading alone on a line, over sentences of any kind (``About the College of Computer, Mathematical, and Natural Sciences``).
_ABOUT_HEADING = re.compile(r"(about|über|à propos de|acerca de) [^.!?:]{2,70}:?", re.IGNORECASE)
#: An appendix has at most this many parts.
MAX_PARTS = 4
#: A profile runs to at most this many lines (the unit's, the group's, a link line).
MAX_PROFILE_LINES = 5


def _is_publication_heading(line: str) -> bool:
    return len(line) <= _MAX_HEADING and _PUBLICATION_HEADING.fullmatch(line.strip().rstrip(":：").strip()) is not None


def publication_tail(lines: list[str]) -> int:
    """Where the original publication's heading and its reference closing ``lines`` start, or ``len(lines)``."""
    start = closing_start(lines, MAX_PUBLICATION_LINES, _is_publication_heading, lambda line: True)
    return start if any(_REFERENCE.search(line) for line in lines[start + 1 :]) else len(lines)


def _is_about_heading(line: str) -> bool:
    return len(line) <= 80 and _ABOUT_HEADING.fullmatch(line.strip()) is not None


def profile_tail(lines: list[str]) -> int:
    """Where a trailing run of profile lines starts (the company's profile, its heading, its links), or ``len(lines)``.

    The run holds at most ``MAX_PROFILE_LINES`` lines, one of them a profile or its heading, and its heading or a link
    line: a profile sentence alone may be the text's own (``X ist ein Zusammenschluss von …`` closing a report). A line
    that is none of these (a sentence of the text) ends the run.
    """
    start = len(lines)
    profiled = marked = False
    while start > 1 and len(lines) - start < MAX_PROFILE_LINES:
        line = lines[start - 1].strip()
        about = len(line) <= 140 and _ABOUT.fullmatch(line) is not None
        profile = _PROFILE.match(line) is not None
        more = not (about or profile) and _MORE_AT.fullmatch(line) is not None
        if not (about or profile or more):
            break
        profiled, marked = profiled or about or profile, marked or about or more
        start -= 1
    under = closing_start(lines, MAX_PROFILE_LINES, _is_about_heading, lambda line: True)  # ``About X`` over its paragraphs
    return min(start if profiled and marked else len(lines), under)


def appendix_tail(lines: list[str]) -> int:
    """Where a press release's appendix closing ``lines`` starts, or ``len(lines)``.

    Its parts, each closing what is left above the one below it (at most ``MAX_PARTS``): the company's profile
    (``profile_tail``), the notes to editors (the paper's reference, the contact office, an about-us paragraph,
    sentences all) under their heading, a contact box (its heading over short lines that are no sentence), the
    original publication under its heading (``publication_tail``).
    A contact heading with a sentence under it stays (a subheading ``Contact`` over a paragraph).
    """
    end = len(lines)
    for _ in range(MAX_PARTS):  # the parts stack (a publication over a contact box over a profile): peeled one by one
        body = lines[:end]
        notes = closing_start(body, MAX_EDITOR_NOTES, _is_editor_notes, lambda line: True)
        contacts = closing_start(body, MAX_CONTACT_LINES, _is_contact_heading, lambda line: is_contact_line(_TITLES.sub("", line)))
        start = min(profile_tail(body), notes, contacts, publication_tail(body))
        if start == end or start < 1:
            break
        end = start
    return end
