"""More lines that close (or open) a European text as the page's, on a line of their own (crawler/extract/westernnotices.py
applies them around the text): the writer's and photographer's credit, a pointer back to the section, the broadcast and
the agencies, the publication stamp, the print issue, a call for feedback, a think tank's views disclaimer, the
republishing licence, a hiring call, a newsletter's poll and referral box; and a media player's markers and a newsletter's
pitch, applied anywhere."""

from __future__ import annotations

import re

from crawler.extract.latinwords import any_of, whole_line

MAX_CLOSING_LINE = 400
#: Specific words only: every word here sends the lines holding it through all the European line tests.
_CLOSING_WORDS = any_of(
    "text:", "text :", "texte:", "bericht:", "text und f", "text und b", "text & f", "expressed", "alle berichte", "alle artikel",
    "alle meldungen", "alle nachrichten", "alle beiträge", "alle news", "alle pressemitteilungen", "alle termine", "sendung:",
    "sendung :", "quelle:", "quelle :", "veröffentlicht am", "veröffentlicht:", "erstellt am", "erstellt:", "published on",
    "published:", "posted on", "posted:", "issue of", "questions or comments", "zuschrift", "creative commons", "republish",
    "hiring", "what did you think", "referral", "friends and get", "lesen sie mehr",
)
_AGENCY = r"(dpa|afp|ap|rtr|reuters|epd|kna|sid|apa|sda|afx|dpa-afx|dts|ddp|keystone-sda|idowa|red\.?)"
_DAY = r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s?[a-zäöü]{3,9}\.?\s\d{4}|[a-z]{3,9}\.?\s\d{1,2},\s\d{4}|\d{4}-\d{2}-\d{2})"
_CLOSING_LINE = re.compile(
    # the credit of the text and its pictures (``Text: S. Wagner, Fachschaft Erdkunde / Fotos: privat``,
    # ``Text und Fotos: Martin Ebeling``): the text's credit first, a picture credit alone is a caption's
    r"(text|texte|bericht)( (und|&) (fotos?|bilder))?\s?:\s?[^\n:]{2,80}?(\s?[/|·,;]\s?(fotos?|bilder?|grafiken?|video)\s?:\s?[^\n:]{2,60})?"
    # a pointer back to the section (``Alle Berichte aus der Rubrik Wettbewerbe``), to more in print (``Lesen Sie mehr im
    # neuen Gemeindebrief``)
    r"|(>>\s?)?alle (berichte|artikel|meldungen|nachrichten|beiträge|news|pressemitteilungen|termine)( aus der rubrik| zum thema"
    r"| der kategorie| aus| im| der)?[^\n.!?]{0,50}|lesen sie mehr (im|in der|in unserem|in unserer|auf)\s[^\n]{1,200}"
    # the broadcast it ran in (``Sendung: hr-iNFO, 22.09.2020, 17.00 Uhr``) and the agencies (``Quelle: dpa, Reuters``)
    rf"|sendung\s?:\s?[^\n]{{2,60}}{_DAY}[^\n]{{0,40}}|quelle\s?:\s?{_AGENCY}((, ?| und | ?/ ?){_AGENCY}){{0,4}}"
    # the publication stamp alone (``Veröffentlicht am: 12.10.2022``, ``Published on March 3, 2021``)
    rf"|(veröffentlicht|erstellt|published|posted)(( am| on)\s?:?|\s?:)\s?{_DAY}(,? (um )?\d{{1,2}}[.:]\d{{2}}( uhr| [ap]\.?m\.?)?)?"
    # the print issue it ran in (``A version of this article appears in the May 8, 2021 issue of Science News.``)
    r"|a version of this (article|story) (appears|appeared|ran) in the [^\n]{2,60} (issue|edition)[^\n]{0,80}"
    # a call for feedback (``Questions or comments on this article? E-mail us at …``, ``Wir lesen Ihre Zuschrift, bitten …``)
    r"|questions or comments (on|about) this (article|story)\?[^\n]{0,160}|([^\n]{0,200}[.!?] )?wir lesen (ihre|jede) zuschrift[^\n]{0,300}"
    # who publishes the commentary and whose views it holds (``Commentary is produced by … Accordingly, all views, positions,
    # and conclusions expressed in this publication should be understood to be solely those of the author(s).``)
    r"|[^\n]{0,300}\b(views|opinions)[^\n]{0,60} expressed (in|here)[^\n]{0,80} (solely )?(those|the responsibility) of the authors?(\(s\))?[^\n]{0,100}"
    # the republishing licence (``This work is licensed under a Creative Commons … License.``, ``You are free to republish …``)
    r"|this (work|article|story|post|content) is licensed under (a |the )?creative commons[^\n]{0,200}"
    r"|you (are free to|may|can) republish (this|our) (article|story|articles|stories)[^\n]{0,300}"
    # a hiring call (``Want to help us make developers' lives easier? We're hiring! Apply now``)
    r"|([^\n]{0,100}[?!.] )?we(’|')re hiring[!.]?( [^\n]{0,60})?"
    # a newsletter's poll and referral box (``What did you think of today's edition?``, ``Refer 3 friends and get …``)
    r"|what did you think of (today(’|')?s|this|this week(’|')?s) (edition|issue|newsletter|email)\??"
    r"|refer \d{1,2} friends? and get [^\n]{2,200}|you currently have \d+ referrals?\.?"
)

MAX_PLAYER_MARKER = 200
_PLAYER_WORDS = any_of("beitrags", "beitrag ", "postfach")
#: A media player's markers in a public broadcaster's page (``Ende des Audiobeitrags``, ``Audiobeitrag starten``), and a
#: newsletter's pitch in its box (``Die wichtigsten News zu ERP … jeden Dienstag kostenlos in Ihr Postfach``).
_PLAYER_MARKER = re.compile(
    r"(ende des|start des) (audio|video)beitrags?|(audio|video)beitrag (starten|abspielen|anhören)"
    r"|[^\n.!?]{0,140} (jeden|jede|jedes|täglich|wöchentlich|einmal (pro|in der) woche)[^\n.!?]{0,30} (kostenlos |gratis )?(in ihr|ins) "
    r"(e-mail-)?postfach[.!]?"
)


def is_closing_line(line: str) -> bool:
    """True when the whole ``line`` is one of the closing lines above (dropped around the text)."""
    return whole_line(line, MAX_CLOSING_LINE, _CLOSING_WORDS, _CLOSING_LINE)


def is_player_marker(line: str) -> bool:
    """True when the whole ``line`` is a media player's marker or a newsletter's pitch (dropped anywhere)."""
    return whole_line(line, MAX_PLAYER_MARKER, _PLAYER_WORDS, _PLAYER_MARKER)
