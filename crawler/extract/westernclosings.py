"""More lines that close (or open) a European text as the page's, on a line of their own (crawler/extract/westernnotices.py
applies them around the text): the writer's and photographer's credit, a pointer back to the section, the broadcast and
the agencies, the publication stamp, a call for feedback, a think tank's views disclaimer, the
republishing licence, a hiring call, a newsletter's poll and referral box, an author line, who else reported, where to
follow the writer, an old WordPress theme's post data, a wire page's stamps, a portal's links disclaimer and copyright,
who pays for the coverage, a nonprofit's gift note, a shop's discount code, an outlet's sign-off after a dash, a channel
to follow, a law firm's pointer to its authors, a podcast's bid and credits, Spanish appeals and newsletter pitches, a German
firm's call for trainees, a German paper's feedback call, agency credit, news by messenger, more-news heading and print stamp;
and, applied anywhere, a media player's markers and a newsletter's pitch, a broadcast's day, a Dutch paper's follow and tip
lines, an Italian paper's appeal, a donation box's bank details and a bid to share the post."""

from __future__ import annotations

import re

from crawler.extract.latinwords import any_of, whole_line

MAX_CLOSING_LINE = 400
#: Specific words only: every word here sends the lines holding it through all the European line tests.
_CLOSING_WORDS = any_of(
    "text:", "text :", "texte:", "bericht:", "text und f", "text und b", "text & f", "expressed", "alle berichte",
    "alle artikel", "alle meldungen", "alle nachrichten", "alle beiträge", "alle news", "alle pressemitteilungen",
    "alle termine", "quelle:", "quelle :", "veröffentlicht am", "veröffentlicht:",
    "erstellt am", "erstellt:", "published on", "published:", "posted on", "posted:", "questions or comments", "zuschrift", "creative commons", "republish", "hiring", "what did you think", "referral",
    "friends and get", "lesen sie mehr", "bildmaterial", "autor:", "autorin:", "contributed", "follow @", "on twitter",
    "twitter.com/", "this entry was posted", "responses to this entry", " gmt", "pm edt", "pm est", "pm pdt", "pm pst",
    "pm cdt", "pm cst", "pm gmt", "pm bst", "pm cet", "pm et ", "am edt", "am est", "am pdt", "am pst", "am cdt",
    "am cst", "am gmt", "am bst", "am cet", "am et ", "as of 1", "as of 2", "as of 3", "as of 4", "as of 5", "as of 6",
    "as of 7", "as of 8", "as of 9", "nicht verantwortlich für", "vervielfältigung", "diskutieren sie mit",
    "made possible by", "501(c)", "tax-deductible", "tax deductible", "code ", "con tu apoyo", "somos un",
    "recibe nuestr", "recibe la", "recibe las", "interessieren sich für", "telegram", "whatsapp channel", "questions about",
    "questions regarding", "love the", "patreon", "produced by", "produced and", "edited by", "haben sie fragen",
    "mit material", "die wichtigsten nachrichten", "mehr nachrichten aus", "aufgerufen am",
)
#: The news agencies a German text credits (here under ``Quelle:``, in crawler/extract/westernlines.py at the text's end).
AGENCIES = r"(dpa|afp|ap|rtr|reuters|epd|kna|sid|apa|sda|afx|dpa-afx|dts|ddp|keystone-sda)"
_DAY = r"(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s?[a-zäöü]{3,9}\.?\s\d{4}|[a-z]{3,9}\.?\s\d{1,2},\s\d{4}|\d{4}-\d{2}-\d{2})"
_CLOSING_LINE = re.compile(
    # the credit of the text and its pictures (``Text: S. Wagner, Fachschaft Erdkunde / Fotos: privat``,
    # ``Text und Fotos: Martin Ebeling``): the text's credit first, a picture credit alone is a caption's
    r"(text|texte|bericht)( (und|&) (fotos?|bilder))?\s?:\s?[^\n:]{2,80}?(\s?[/|·,;]\s?(fotos?|bilder?|grafiken?|video)\s?:\s?[^\n:]{2,60})?"
    # a pointer back to the section (``Alle Berichte aus der Rubrik Wettbewerbe``), to more in print (``Lesen Sie mehr im
    # neuen Gemeindebrief``)
    r"|(>>\s?)?alle (berichte|artikel|meldungen|nachrichten|beiträge|news|pressemitteilungen|termine)( aus der rubrik| zum thema"
    r"| der kategorie| aus| im| der)?[^\n.!?]{0,50}|lesen sie mehr (im|in der|in unserem|in unserer|auf)\s[^\n]{1,200}"
    # the agencies (``Quelle: dpa, Reuters``), or an outlet and the writers' initials (``Quelle: n-tv.de, ddi/rts/dpa``)
    rf"|quelle\s?:\s?([\w-]{{2,20}}\.[a-z]{{2,3}}, ?)?({AGENCIES}|[a-z]{{2,4}})((, ?| und | ?/ ?)({AGENCIES}|[a-z]{{2,4}})){{0,5}}"
    # the publication stamp alone (``Veröffentlicht am: 12.10.2022``, ``Published on March 3, 2021``)
    rf"|(veröffentlicht|erstellt|published|posted)(( am| on)\s?:?|\s?:)\s?{_DAY}(,? (um )?\d{{1,2}}[.:]\d{{2}}( uhr| [ap]\.?m\.?)?)?"
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
    # the pictures' credit closing the text's (``Bildmaterial: dpa``), an author line with its day (``Autor: X | 14.06.2013``)
    rf"|bildmaterial\s?:\s?[^\n:]{{2,60}}|autor(in)?\s?:\s?[^\n:|]{{2,40}}( \| {_DAY})?"
    # who else reported (``CNN's Peter Alvarado contributed to this report.``), where to follow the writer or the desk
    # (``Follow @nytimesscience for science news.``, ``Follow Mara Kessler on Twitter: www.twitter.com/marakessler``)
    r"|[^\n.!?]{2,120} contributed (reporting )?to this (report|story|article)\.?"
    r"|follow (@[\w.]{1,30}|[^\n.!?@]{2,40} on twitter)( for [^\n.!?]{2,60})?[.:]?( (www\.)?twitter\.com/\w{1,30})?|(www\.)?twitter\.com/\w{1,30}"
    # an old WordPress theme's post data (``This entry was posted on Tuesday, … You can follow any responses to this entry …``)
    r"|this entry was posted (on|in) [^\n]{4,400}|you can follow any responses to this entry[^\n]{0,300}"
    # a wire page's stamps alone (``CHICAGO | Tue May 22, 2012 4:17pm EDT``, ``As of 4:02pm EDT May 22, 2012``,
    # ``August 17, 2010 -- Updated 1432 GMT (2232 HKT)``)
    r"|([a-z .-]{2,30} \| )?(mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},? [a-z]{3,9}\.? \d{1,2}, \d{4},? \d{1,2}:\d{2} ?[ap]m [a-z]{2,4}"
    r"|as of \d{1,2}:\d{2} ?[ap]m [a-z]{2,4},? [a-z]{3,9}\.? \d{1,2}, \d{4}"
    r"|[a-z]{3,9} \d{1,2}, \d{4} -- updated \d{4} gmt( \(\d{4} [a-z]{2,4}\))?"
    # a German portal's disclaimer of the links and its copyright (``SPIEGEL ONLINE ist nicht verantwortlich für die Inhalte
    # externer Internetseiten.``, ``Vervielfältigung nur mit Genehmigung der X``), the call to its forum
    r"|[^\n.!?]{2,40} ist nicht verantwortlich für (die )?inhalte (externer|verlinkter) (internetseiten|webseiten|seiten|links)\.?"
    r"|[^\n]{0,60}vervielfältigung nur mit (schriftlicher |vorheriger )?genehmigung[^\n]{0,100}|diskutieren sie mit( anderen lesern)?!?"
    # who pays for the coverage, and the bid to join them (``KQED's coverage of the pandemic is made possible by members.
    # Become a member today.``), a nonprofit's gift note (``… is a 501(c)(3) nonprofit, and your gift is tax-deductible …``)
    r"|[^\n.!?]{2,120} (is|are) made possible (by|thanks to) (our |your )?(members|donors|readers|listeners|viewers|supporters|subscribers|you)"
    r"[.!]?( [^\n]{0,120})?"
    r"|[^\n]{0,200}(501\(c\)\(3\)|(gift|donation|contribution)s? (is|are) (fully )?tax[- ]deductible)[^\n]{0,200}"
    # a shop's code for a discount (``Ready to try it? Shop our collection and use code BREWBASICS for 10% off your first order.``)
    # a Spanish paper's appeal (``Solo con tu apoyo podemos seguir haciendo periodismo independiente``, ``Somos un
    # periódico sin grandes accionistas …``),
    # a Spanish newsletter's pitch (``Recibe nuestra newsletter de Arousa: …``), a German firm's call for trainees
    r"|(solo|sólo) con tu apoyo [^\n]{0,200}|somos un (periódico|medio|diario) (independiente|sin) [^\n]{0,300}"
    r"|recibe (nuestra|nuestras|la|las) (newsletter|boletín|boletines)[^\n]{0,200}"
    r"|sie interessieren sich für (eine|einen|ein) (ausbildung|stelle|job|praktikum|duales studium)[^\n]{0,300}"
    # a channel to follow (``Join ST's Telegram channel here and get the latest breaking news delivered to you.``), a law
    # firm's pointer to its authors (``If you have questions about …, please contact the authors or your regular X attorney.``),
    # a podcast's bid and credits (``Love the show? Become a member on Patreon …``, ``The X Podcast is produced and edited by Y.``)
    r"|join [^\n]{1,40}(telegram|whatsapp) (channel|group)[^\n]{0,160}"
    # a German paper's call for feedback, its agency credit, its news by messenger, its more-news heading and a print's stamp
    # (``Haben Sie Fragen oder Anregungen zu diesem Thema? Schreiben Sie an …``, ``Mit Material von dpa``, ``Nichts mehr verpassen:
    # Die wichtigsten Nachrichten aus X gibt es jetzt auch per WhatsApp …``, ``Mehr Nachrichten aus Gera:``, ``Aufgerufen am … auf https://…``)
    r"|haben sie fragen( oder anregungen)?( zu diesem (thema|artikel|beitrag))?\s?\?\s?(schreiben sie|mailen sie|kontaktieren sie|wenden sie sich)[^\n]{0,160}"
    rf"|mit material (von|der|des) {AGENCIES}((, ?| und ){AGENCIES}){{0,3}}"
    r"|(nichts (mehr )?verpassen:\s?)?die wichtigsten nachrichten [^\n]{0,80}(per|über|auf|bei) (whatsapp|telegram|e-mail|newsletter)[^\n]{0,80}"
    r"|mehr (nachrichten|news|artikel) aus [^\n:.!?]{1,40}:?|aufgerufen am \d{1,2}\.\d{1,2}\.\d{4}( um \d{1,2}:\d{2})? auf https?://\S+"
    r"|if you have (any )?questions (about|regarding) [^\n]{1,160}(please )?contact (the authors?|us|your [^\n]{0,60}(attorney|lawyer|adviser|advisor|contact))[^\n]{0,100}"
    r"|love the (show|podcast|newsletter|blog)\s?\?[^\n]{0,200}|[^\n]{0,60}(become a (member|patron)|support us) on patreon[^\n]{0,200}"
    r"|[^\n.!?]{0,60}(podcast|show|episode|newsletter) is (produced|hosted|edited|produced and edited|edited and produced) by [^\n]{1,200}"
    r"|[^\n]{0,120}\b(use|enter|apply|with) (the )?(promo |discount |coupon )?code [a-z0-9-]{3,24} (for|to (get|save)|and (get|save)|at checkout)[^\n]{0,80}"
)
#: A sign-off naming the outlet after a dash (``- The Timaru Herald``, ``— Reuters``), read on the line as written: a
#: newspaper's name with its article, or a wire (a list's last item, ``- Olive Oil``, is neither).
_OUTLET_SIGNOFF = re.compile(
    r"\s*[-–—]\s?(The( [A-Z][\w'&.-]*){1,3}|Reuters|AP|AFP|Bloomberg|Associated Press|Agence France-Presse|Xinhua|AAP|PA Media)\s*"
)

MAX_PLAYER_MARKER = 200
_PLAYER_WORDS = any_of(
    "beitrags", "beitrag ", "postfach", "abgespielt", "diffusion d", "diffusion le", "wil je meer", "een tip", "een vraag",
    "iban", "bic:", "bic :", "swift:", "verwendungszweck", "spendenkonto", "bankverbindung", "kontoinhaber", "steuerlich",
    "teilen sie", "share this", "sostieni", "sostienici",
)
#: A media player's markers in a public broadcaster's page (``Ende des Audiobeitrags``, ``Audiobeitrag starten``), and a
#: newsletter's pitch in its box (``Die wichtigsten News zu ERP … jeden Dienstag kostenlos in Ihr Postfach``).
_PLAYER_MARKER = re.compile(
    r"(ende des|start des) (audio|video)beitrags?|(audio|video)beitrag (starten|abspielen|anhören)"
    r"|(das|dieses) video kann (leider )?nicht abgespielt werden[^\n]{0,100}"
    r"|[^\n.!?]{0,140} (jeden|jede|jedes|täglich|wöchentlich|einmal (pro|in der) woche)[^\n.!?]{0,30} (kostenlos |gratis )?(in ihr|ins) "
    r"(e-mail-)?postfach[.!]?"
    # a broadcast's day (``Diffusion du mardi 8 juin 2021``), a Dutch paper's follow and tip lines (``Wil je meer nieuws uit
    # Rotterdam? Volg AD Rotterdam dan op Facebook …``, ``Heb jij een tip of iets gezien in jouw buurt? Mail ons op …``)
    r"|diffusion (du|le) ((lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) )?\d{1,2}(er)? [a-zéû]{3,9} \d{4}( à \d{1,2}h\d{0,2})?"
    r"|wil je meer (nieuws|weten)[^?\n]{0,80}\?\s?volg [^\n]{1,120}|heb (jij|je|u) een (tip|vraag)[^?\n]{0,80}\?\s?(mail|stuur|bel|laat|neem)[^\n]{0,160}"
    # a donation box's bank details and its tax note (``IBAN: DE12 …``, ``Verwendungszweck: …``, ``Spenden an X sind steuerlich
    # absetzbar. …``), a bid to share the post (``Bitte teilen Sie diesen Beitrag, damit möglichst viele …``)
    r"|(iban|bic|swift|verwendungszweck|spendenkonto|bankverbindung|kontoinhaber(in)?)\s?:\s?[^\n]{1,80}"
    r"|spenden an [^\n]{1,100} sind steuerlich (absetzbar|abzugsfähig)[^\n]{0,100}"
    # an Italian paper's appeal (``Sostieni ilfattoquotidiano.it: mai come in questo momento abbiamo bisogno di te.``, ``Se
    # ritieni che le notizie … siano importanti …, sostienici con un contributo …``)
    r"|sostieni [^!?:\n]{1,40}:\s[^\n]{0,160}|[^\n]{0,160}\bsostienici con (un contributo|una donazione)[^\n]{0,100}"
    r"|bitte teilen sie (diesen|den|unseren) (beitrag|artikel|post|aufruf)[^\n]{0,120}|please share this (post|article|story)[^\n]{0,120}"
)


def is_closing_line(line: str) -> bool:
    """True when the whole ``line`` is one of the closing lines above (dropped around the text)."""
    return whole_line(line, MAX_CLOSING_LINE, _CLOSING_WORDS, _CLOSING_LINE)


def is_outlet_signoff(line: str) -> bool:
    """True when ``line`` is only a dash and the outlet's name (dropped around the text; no word test finds it)."""
    return line[:1] in "-–— " and _OUTLET_SIGNOFF.fullmatch(line) is not None


def is_player_marker(line: str) -> bool:
    """True when the whole ``line`` is a media player's marker, a newsletter's pitch or another of the lines applied anywhere."""
    return whole_line(line, MAX_PLAYER_MARKER, _PLAYER_WORDS, _PLAYER_MARKER)
