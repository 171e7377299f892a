"""Notices about a page on a line of their own, in the larger European languages (crawler/extract/westernlines.py
applies them anywhere): a labelled image credit, a spoiler warning, a contributor's disclaimer, an embed's or a video
player's placeholder, a page's copyright or sourcing note, an ad's bare label; and an author's card (applied around the text)."""

from __future__ import annotations

import re

from crawler.extract.latinwords import any_of, whole_line


#: A labelled image credit is a short line: its label and a name or an agency.
MAX_IMAGE_CREDIT = 100
_IMAGE_CREDIT_WORDS = any_of("image", "photo", "bildrechte", "bildquelle", "foto", "masthead")
_IMAGE_CREDIT = re.compile(
    r"(featured|header|cover|top|lead|hero)? ?(image|photo)( credits?| source)?\s?:\s?[^.!?:]{2,80}\.?"
    r"|(bildrechte|bildquelle|foto|masthead( image)?( credits?)?)\s?:\s?[^.!?:]{2,80}\.?"
    # ... a broadcaster's label before the agency (``Image copyright Getty Images``, ``Derechos de autor de la imagen AFP``)
    r"|(image copyright|derechos de autor de la imagen|direitos autorais da imagem)\s?:?\s?[^.!?:]{2,60}"
)


#: A site's notice about the page on a line of its own: a spoiler warning (a wiki's or a review's template).
MAX_PAGE_NOTICE = 300
_PAGE_NOTICE_WORDS = any_of(
    "spoiler", "my own", "our own", "their own", "'s own", "s' own", "inhalte aus", "inhalten aus", "copyright", "provided by", "note:", "codepen",
    "gesprächspartner", "werbung", "pubblicità", "publicité", "publicidad", " ad", "advertisement", "anzeige", "reviewed on",
    "sourcing", "listen to", "voiced by", "pin it", "beratung", "überarbeitet", "needs additional", "needs expansion",
    "has been viewed", "has been read", "help you", "submitting", "include your email", "source:", "sources:", "scroll down", "ist ein angebot", "wir freuen uns", "netiquette", "anlageberatung", "kaufempfehlung",
    "information purposes", "informational purposes", "general information only",
    "loading", "chargement", "cargando", "caricamento", "ładowanie", "wird geladen",
    "lecture", "lesezeit", "lesedauer", "reading time", "read time", "lectura", "lettura", "leestijd", "min read", "minute read",
)
_PAGE_NOTICE = re.compile(
    r"(spoiler[- ]?(warning|alert|warnung)|achtung,? spoiler|attention,? spoilers?)[!:.]? (this|the following|dieser|der folgende|cet|cette) "
    r"(article|page|section|post|review|artikel|beitrag|text|abschnitt)[^\n]{0,240}"
    # ... a contributor's or a blog's disclaimer (``Opinions expressed by Forbes Contributors are their own.``,
    # ``Views are my own and not those of my employer.``)
    r"|(the )?opinions expressed( here)? (by|in) [^!?]{1,60}? are (their|the author's|the authors') own\.?[^\n]{0,200}"
    r"|(all )?(views|opinions)( expressed)?( here| on this (blog|site))? are (my|our) own"
    r"( and (do not|don't|not) (necessarily )?(those of|reflect|represent) [^.!?]{1,80})?[.!]?"
    # ... an embed's consent placeholder (``Hier finden Sie Inhalte aus Twitter.``, ``Um mit Inhalten aus Twitter … zu interagieren …``)
    r"|hier finden sie inhalte (aus|von) [^.!?]{1,40}[.!]?( [^\n]{0,300})?"
    r"|um (mit )?inhalten aus [^.!?]{1,80} zu interagieren[^\n]{0,300}"
    # ... the page's copyright (``This document is subject to copyright. Apart from any fair dealing …``)
    r"|this (document|article|page|material|content) is (subject to|protected by) copyright[^\n]{0,300}"
    # ... an editor's note on the series (``[Ed. note: This article is part of our occasional series …]``), a code embed's placeholder
    r"|[\[(]?\s?(ed\.|editor's|editors'|editor’s) note:\s?this (article|post|piece|story) is (part|one) of (our|a|an|the) [^\n]{0,240}"
    r"|see the pen [^\n]{1,120} on codepen\.?"
    # ... an ad's bare label, a review's date, a sourcing policy, an audio player's label
    r"|advertisement|anzeige|werbung|publicité|publicidad|pubblicità|(last )?(medically |fact[- ])?(reviewed|checked) on [a-z]+ \d{1,2},? (19|20)\d{2}"
    r"|[^.!?]{1,40} (has|have) strict sourcing guidelines[^\n]{0,300}"
    r"|(press play to )?listen to this (article|story)( \d{1,2} min(utes?)?)?\.?|voiced by artificial intelligence\.?"
    # ... a Pinterest button's label, a text's note that it is no advice, a wiki's maintenance box
    r"|pin it!?|(hinweis:\s?)?(dieser|der) (beitrag|artikel|text) (dient|dienen) [^.!?]{0,60}information und ersetzt keine [^.!?]{0,60}beratung[^\n]{0,200}"
    r"|(dieses?|der|die) (kapitel|artikel|buch|seite|abschnitt) (muss|müsste|sollte) überarbeitet werden[^\n]{0,240}"
    r"|this (article|section|page) needs (additional citations|expansion)[^\n]{0,240}"
    # ... a broadcaster's note on its guests' views (``Äußerungen unserer Gesprächspartner geben deren eigene Auffassungen wieder. …``)
    r"|äußerungen unserer gesprächspartner geben deren (eigene )?auffassungen wieder[^\n]{0,240}"
    # ... a video player's ad notice (``Das Video wird nach der Werbung automatisch abgespielt. Werbung endet in 15 Sekunden.``)
    r"|das video (wird|startet) nach der werbung[^.!?\n]{0,60}[.!]?(\s?werbung endet in \d{1,3} sekunden\.?)?|werbung endet in \d{1,3} sekunden\.?"
    r"|il video partirà dopo la pubblicità\.?|la vidéo (va )?commence(ra)? après (la|cette) publicité\.?"
    r"|el vídeo (comenzará|empezará) (después|tras) (del anuncio|de la publicidad)\.?|the video will (start|play|begin) after (the|this) ad(vertisement)?\.?"
    # ... a news release's source (``Materials provided by X. Note: Content may be edited for style and length.``, ``Provided by X``)
    r"|((story |news )?(materials|content|source) )?provided by [^.!?\n]{2,100}\.?( note: [^\n]{0,100})?"
    # ... a bare source label under the text (``Source: ADATA``), a view counter, a feedback widget's question and a form's
    # prompts (``This article has been viewed 212,417 times.``, ``Did this article help you?``, ``Thanks for submitting a tip for review!``)
    r"|sources?:\s?[^.!?:\n]{2,40}|this (article|page|post|story) has been (viewed|read) [\d,.]+ times\.?"
    r"|did this (article|summary|post|page|answer) help you\s?\?\s?(yes\s?no)?|thanks for submitting an? (tip|question|comment|answer) for review!?"
    r"|include your email( address)? to get a message when this question is answered\.?|scroll down for (the )?videos?\.?"
    # ... a German site's note on its owner, its call for comments and its rules for them (``*Merkur.de ist ein Angebot von
    # IPPEN.MEDIA.``, ``Wir freuen uns über Ihren Kommentar!``, ``Hier finden Sie die BR24-Netiquette.``)
    r"|\*?[\w-]+\.(de|at|ch|com|net|org)\b[\w./-]* ist ein angebot (von|der|des) [^\n]{1,60}|wir freuen uns (über|auf) (ihren|deinen|ihre|deine) (kommentar|kommentare|meinung)[^\n]{0,60}"
    r"|hier finden sie (die|unsere) [^.!?]{0,20}netiquette\.?"
    # ... a finance site's risk note (``Risikohinweis …: Die … Informationen stellen keine Anlageberatung dar. …``)
    r"|(risikohinweis|haftungsausschluss|disclaimer|(wichtiger )?hinweis)[^:\n]{0,60}:\s?[^\n]{0,240}(keine anlageberatung|keine kaufempfehlung|keine aufforderung zum (kauf|verkauf))[^\n]{0,240}"
    r"|[^\n]{0,80}informationen[^.!?]{0,60} (stellen|sind) keine (anlageberatung|kaufempfehlung)[^\n]{0,240}"
    # ... a law firm's or an adviser's (``This article is for general information purposes only and does not constitute legal advice.``)
    r"|(disclaimer:\s?)?(this|the) (article|content|information|material|post|publication|update|briefing|alert|note)"
    r"( (in|on) this [a-z]+)? (is|are|has been) (provided |prepared |intended )?(for|as) (general )?information(al)? (purposes )?only[^\n]{0,300}"
    # ... a player's loading line (``Loading…``, ``Ładowanie odtwarzacza…``, ``Video wird geladen …``)
    r"|(loading|chargement|cargando|caricamento|ładowanie)( (the )?(video|player|odtwarzacza|wideo|de la vidéo|du lecteur|del vídeo|del video|del reproductor))?\s?(\.\.\.|…)?"
    r"|(das )?(video|player) wird geladen\s?(\.\.\.|…)?"
    # ... the reading time (``Temps de lecture : 3 min.``, ``Lesezeit: ca. 4 Minuten``, ``5 min read``)
    r"|(estimated )?(temps de lecture|lesezeit|lesedauer|reading time|read time|tiempo de lectura|tempo di lettura|leestijd)\s?:?\s?(ca\.\s?)?"
    r"\d{1,3}\s?(min|mins|minutes?|minuten|minutos|minuti|mn)\.?"
    r"|\d{1,3}[\s-]?(min|minute)\.? (read|lesezeit|de lecture|de lectura|di lettura)"
)


def is_page_notice(line: str) -> bool:
    """True when the whole ``line`` is a notice about the page (``Spoiler warning! This article contains plot details …``)."""
    return whole_line(line, MAX_PAGE_NOTICE, _PAGE_NOTICE_WORDS, _PAGE_NOTICE)


def is_image_credit(line: str) -> bool:
    """True when the whole ``line`` credits a picture under a label (``Featured Image: Getty Images``)."""
    return whole_line(line, MAX_IMAGE_CREDIT, _IMAGE_CREDIT_WORDS, _IMAGE_CREDIT)


#: An author's card under the text (``Liam Dwyer is a technology reporter for The Sydney Morning Herald …``):
#: a name of two to four words, then what the author writes for whom; dropped only around the text.
MAX_AUTHOR_BIO = 300
_BIO_WORDS = any_of("reporter", "journalist", "correspondent", "columnist", "editor", "writer", "contributor", "redakteur", "autor", "korrespondent", " be reached", " be contacted")
_AUTHOR_BIO = re.compile(
    r"[\w'’.-]+( [\w'’.-]+){1,3} is (a|an|the) ([\w-]+ ){0,4}(reporter|journalist|correspondent|columnist|editor|writer|contributor)"
    r"( (for|at|with|based|who|covering|and)\b[^\n]{0,240}|\.?)"
    # ... in German (``Jan-Philipp Ahrens ist Redakteur bei boerse.de und schreibt über …``)
    r"|[\w'’.-]+( [\w'’.-]+){1,3} ist ([\w-]+ ){0,3}(redakteur|redakteurin|autor|autorin|journalist|journalistin|korrespondent|korrespondentin)"
    r"( (bei|für|der|des|im|in|von|und)\b[^\n]{0,240}|\.?)"
    # ... or how to reach the author (``Daniel Okafor can be reached at daniel.okafor@globe.com. Follow him on Twitter @dokafor.``)
    r"|[\w'’.-]+( [\w'’.-]+){1,3} (can|may) be (reached|contacted) (at|by|via|on) [^\n]{2,240}"
)
#: ... whose name is capitalised (``The new model is a writer's dream`` is no card).
_NAME_FIRST = re.compile(r"(?!(The|A|An|This|That|It|He|She|They|We|You|Der|Die|Das|Ein|Eine)\b)[A-Z][\w'’.-]*( [A-Z][\w'’.-]*){1,3} (ist?|can|may) ")


def is_author_bio(line: str) -> bool:
    """True when the whole ``line`` introduces the article's author (a name, ``is a … reporter for …``) or says how to reach them."""
    return _NAME_FIRST.match(line.strip()) is not None and whole_line(line, MAX_AUTHOR_BIO, _BIO_WORDS, _AUTHOR_BIO)
