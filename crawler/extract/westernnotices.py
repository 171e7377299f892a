"""Notices about a page on a line of their own, in the larger European languages (crawler/extract/westernlines.py
applies them anywhere): a labelled image credit, a spoiler warning, a contributor's disclaimer, an embed's or a video
player's placeholder, a page's copyright or sourcing note, an ad's bare label, a call for questions or tips, a funder's
disclosure, a co-publishing partner; and, applied around the text, an author's card and a closing note (the outlet's podcast,
the sources)."""

from __future__ import annotations

import re

from crawler.extract.latinwords import any_of, whole_line
from crawler.extract.westernclosings import is_closing_line, is_player_marker


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
MAX_PAGE_NOTICE = 400
_PAGE_NOTICE_WORDS = any_of(
    "spoiler", "my own", "our own", "their own", "'s own", "s' own", "inhalte aus", "inhalten aus", "copyright", "provided by", "note:", "codepen",
    "gesprächspartner", "werbung", "pubblicità", "publicité", "publicidad", " ad", "advertisement", "anzeige", "reviewed on",
    "sourcing", "listen to", "voiced by", "pin it", "beratung", "überarbeitet", "needs additional", "needs expansion",
    "has been viewed", "has been read", "help you", "submitting", "include your email", "source:", "sources:", "scroll down", "ist ein angebot", "wir freuen uns", "netiquette", "anlageberatung", "kaufempfehlung",
    "information purposes", "informational purposes", "general information only",
    "donate", "spenden", "posted", "published", "updated", "tell us what", "allgemeine", "partner-links", "mitglied", "pay for your",
    "first published", "want more", "click here", "on the go", "free to access", "free to read", "newsletter informiert",
    "mehr nachrichten", "ist teil des", "ist teil der", "erreichen sie", "testen", "einen hinweis", "einen tipp", "verpassen", "abo",
    "affiliate", "werbung", "kommentieren zu können", "anmelden, um", "einloggen, um", "registrieren, um", "logged in",
    "question?", "question ?", "not been edited", "comment on this", "subscribe to", "subscribe for", "interview language", "do you have", "a story", "stories?", "news tip", "any tips", " series", "receiving this", "received this", "receive this", "hear from you", "your experience", "published with", "in partnership with", "in collaboration with", "supporter", "sponsor", "join us", "sign up for our", "high-quality sources",
    "pressemitteilung", "presseinformation", "medienmitteilung", "medieninformation", "pm ", "seiten-id", "inhaltsverzeichnis",
    "table of contents", "sommaire", "änderung", "geändert", "aktualisiert", "last modified", "last updated", "seitenbearbeit",
    "zeichen", "schlagw", "stichw", "keywords", "zukunftsgerichtet", "forward-looking", "safe harbo", "hilfreich", "verständlich", "rückmeldung hilft", "bewertung", "helpful", "im rahmen", "kb)", "mb)",
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
    r"|(disclaimer:\s?)?(this|the) (client |legal |firm )?(article|content|information|material|post|publication|update|briefing|alert|note)"
    r"( (in|on) this [a-z]+)? (is|are|has been) (provided |prepared |intended )?(for|as) (general )?information(al)? (purposes )?only[^\n]{0,300}"
    # ... a call for readers' questions, documents or tips (``Have a question about money? Send it to our advice columnist …``,
    # ``Do you have access to information about hospital billing that should be public? Email …``)
    r"|(have|got) an? ([\w-]+ ){0,2}question( about [^?]{1,40})?\s?\?\s?(send|email|e-mail|submit|ask|write|reply|message|drop|leave)[^\n]{0,200}"
    # ... or a story (``Have you got a story to tell? Email newstips@… or contact the newsroom on …``)
    r"|(have you got|have|got|do you have) (a|any) (news )?(story|stories|tips?|story ideas?)( to (tell|share))?\s?\?\s?"
    r"(send|email|e-mail|contact|reach|get in touch|call|write|tell)[^\n]{0,200}"
    # ... a series note without its label (``This post is part of our Brewing Basics series. New to loose leaf? …``), a
    # newsletter's footer (``You are receiving this email because you signed up on our website …``)
    r"|this (article|post|piece|story|episode) is (the (first|second|third|fourth|fifth|latest|final|last) )?(part|one|installment|instalment)"
    r"( \d{1,2})? of (our|a|an|the) [^.!?\n]{1,80} series[.!]?( [^\n]{0,160})?"
    r"|you (are receiving|received|receive) this (email|e-mail|newsletter|message) because [^\n]{0,240}"
    # ... a syndicated story's note, a comment section's pitch, a subscription's offer, a research story's interview languages
    # (``(Except for the headline, this story has not been edited by NDTV staff …)``, ``Did you know you can comment on this
    # article? Subscribe to …``, ``Subscribe to X to get access to …``, ``Interview language(s): English (Moriarty), Hindi (Lal)``)
    r"|\(?(except for the headline, )?this (story|article|report) has not been edited by [^\n]{1,200}"
    r"|did you know you can comment on this (article|story)\s?\?[^\n]{0,200}"
    r"|subscribe (to|for) [^.!?\n]{1,40} (to (get|gain|enjoy) (full |unlimited )?access|for (full|unlimited) access)[^\n]{0,300}"
    r"|interview languages?(\(s\))?\s?:\s?[^\n]{1,120}"
    r"|do you have (access to )?(information|a tip|documents|records)[^?]{0,100}\?\s?(email|e-mail|contact|reach|get in touch|send)[^\n]{0,200}"
    # ... a reporting project's callout (``Have You Been Sued by a Hospital? We Want to Hear From You.``,
    # ``We’re investigating medical debt lawsuits. Tell us about your experience.``)
    r"|([^.!?]{1,80}\?\s?)?we want to hear from you[.!]?"
    r"|(we['’]re|we are) (investigating|reporting on|looking into) [^.!?]{1,80}\.\s?(tell us|share) (about )?your (experience|story)[.!]?"
    # ... a funder's disclosure (``Disclosure: X has been a financial supporter of The Texas Tribune, …``), an event's promo,
    # a newsletter's line after the site's pitch, a sourcing policy
    # ... a co-publishing partner (``This story was co-published with X, a member of ProPublica’s Local Reporting Network.``)
    r"|this (story|article|piece|report|investigation) (was|is|has been) (co-?published|produced|published|reported) "
    r"(with|in partnership with|in collaboration with) [^\n]{1,300}"
    r"|disclosure: [^.!?]{1,120} (has been|have been|is|are|was|were) (a |an )?(financial |corporate )?(supporters?|sponsors?|donors?|members?) of [^\n]{1,400}"
    r"|join us (for|at) [^.!?]{0,200}(festival|conference|summit|webinar|livestream)[^\n]{0,200}"
    r"|([^.!?]{1,100}[.!] )?sign up for our (free )?(email|e-mail|newsletter)s?(, [^.!?]{1,60})?[.!]?"
    r"|[^.!?]{1,40} uses? only high-quality sources[^\n]{0,300}"
    # ... a press release's number, a page's ID, a table of contents' label, a rating widget, a project's funding note,
    # a download's link with its size (``Pressemitteilung Nr. 479 vom 8. Oktober 2021``, ``PM 078/19/LFG Wald``, ``Seiten-ID: 3891``,
    # ``Inhaltsverzeichnis``, ``Wie hilfreich war dieser Artikel?``, ``Dieser Inhalt wurde im Rahmen des Projekts „…“ erstellt.``,
    # ``Pressemitteilung zum Download (PDF, 184 KB)``)
    r"|(pressemitteilung|presseinformation|medienmitteilung|medieninformation|press release|pm|pi)\s?(nr\.|no\.|#)?\s?\d{1,4}([/.-]\d{2,4})?( · [^\n.!?]{2,60})?"
    r"(/[^\s/]{1,12}( [^\s/]{1,20}){0,2})?( vom [^\n]{4,30})?"
    r"|seiten-id:?\s?\d{1,8}|inhaltsverzeichnis|table of contents|sommaire|índice de contenidos"
    r"|(wie )?hilfreich (war|ist) (dieser|der|diese) (artikel|beitrag|text|inhalt|seite)\s?\?|war (dieser|der) (artikel|beitrag|inhalt) hilfreich\s?\?"
    # ... and the widget's other lines (``Ist diese Seite verständlich?``, ``… Ihre Rückmeldung hilft uns, diese Seite zu
    # verbessern.``, ``Dieser Artikel ist hilfreich. 214 Nutzer finden das hilfreich.``)
    r"|(ist|war) (dieser|der|diese) (artikel|beitrag|text|inhalt|seite) (verständlich|hilfreich)\s?\?"
    r"|([^\n.!?]{0,40}[.!] )?ihre rückmeldung hilft uns[^\n]{0,100}|([^\n.!?]{0,40}\. )?\d* ?nutzer finden (das|diesen artikel) hilfreich\.?"
    r"|(vielen )?dank für ihre bewertung[.!]?|was this (page|article|information) helpful\s?\?( yes\s?no)?"
    r"|(dieser|der) (inhalt|beitrag|artikel|text) (wurde|ist) im rahmen (des|der|eines|einer) [^\n]{1,300}"
    r"|[^\n]{1,80}\((pdf|docx?|xlsx?|pptx?|zip|odt)(,| -| \|)? ?\d[\d.,]* ?(kb|mb|kib|mib|kbyte|mbyte)\)"
    # ... a page's last change and its editor, a release's length and keywords (``Letzte Änderung: 01.06.2021``,
    # ``Seitenbearbeiter: E-Mail``, ``Zeichen: 3 084``, ``Schlagworte: Fahrerassistenz, Sensorik``), a forward-looking
    # statements' heading or the disclaimer itself (``Diese Mitteilung enthält zukunftsgerichtete Aussagen. …``)
    r"|(letzte änderung|zuletzt (geändert|aktualisiert)|last (modified|updated))\s?:?\s?(am )?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(,? \d{1,2}:\d{2}( uhr)?)?"
    r"|seitenbearbeiter(in)?:?[^\n]{0,60}|(zeichen|anschläge|characters)( inkl\. leerzeichen)?:?\s?\d[\d .,]*"
    r"|(schlagworte|schlagwörter|stichworte|stichwörter|keywords):\s?[^.!?\n]{1,200}"
    r"|zukunftsgerichtete aussagen( und prognosen)?|forward-looking statements?|safe harbou?r statement"
    r"|cautionary (note|statement)( regarding forward-looking statements)?"
    r"|(diese|die vorliegende) (mitteilung|presseinformation|pressemitteilung|veröffentlichung) enthält zukunftsgerichtete aussagen[^\n]{0,400}"
    r"|(this|the) (press release|release|announcement|document|communication) (contains|includes|may contain) forward-looking statements[^\n]{0,400}"
    # ... a German blog's disclosure (``Enthält Affiliate-Links / unbezahlte Werbung durch Markennennung``), a comment
    # section's log-in wall (``Um Artikel, Nachrichten oder Blogs kommentieren zu können, müssen Sie registriert sein. …``)
    r"|\*?(enthält|beinhaltet|dieser (beitrag|artikel|post) enthält) (affiliate|werbe|partner)-?links[^\n]{0,200}"
    r"|(\*?(unbezahlte|unbeauftragte|bezahlte) )?werbung (durch|wegen|aufgrund von) (markennennung|verlinkung|nennung)[^\n]{0,100}"
    r"|um [^.!?]{1,60} (kommentieren|bewerten) zu können,? (müssen|muss) (sie|man|du) [^\n]{0,240}"
    r"|(sie müssen|du musst|man muss) (sich|dich)? ?(anmelden|einloggen|registrieren),? um [^\n]{0,240}"
    r"|you (must|need to) (be logged in|log in|sign in|register) to (post|leave|add|write) (a )?(comment|reply)s?[^\n]{0,160}"
    # ... a donation button between paragraphs and a membership bid (``Donate now``, ``… Werde jetzt Mitglied!``; around the text
    # westernlines' appeals take the rest), a date line under its label (``Published: Friday, 27 November 2020``,
    # ``Posted by Parish Office on Thursday 11th June 2020``), a page's feedback prompt
    r"|(donate|spenden|jetzt spenden)( now| today| jetzt| here)?[.!]?"
    r"|(published|posted|updated|last updated)( by [^\n]{1,40})?( on)?:?\s?((mon|tues|wednes|thurs|fri|satur|sun)day,? )?"
    r"(\d{1,2}(st|nd|rd|th)? [a-z]+\.?|[a-z]+\.? \d{1,2}(st|nd|rd|th)?,?) (19|20)\d{2}(,? (at )?\d{1,2}[:.]\d{2}\s?(am|pm|a\.m\.|p\.m\.)?)?"
    r"|tell us what you think( of| about) this (page|article|site|story)[.!?]?"
    # ... a health text's disclaimer, a partner-link note, a membership appeal, a tip line, a newsletter or app bid in
    # capitals, a free-access note (``Wichtiger Hinweis: Dieser Artikel enthält nur allgemeine Hinweise …``, ``** mit ** markierte
    # … Links … sind teilweise Partner-Links …``, ``Du willst …? Werde jetzt Mitglied!``, ``We pay for your stories! …``,
    # ``First published on June 9, 2020 / 10:05 AM``, ``WANT MORE STORIES ABOUT SCIENCE? SIGN UP FOR THE MACH NEWSLETTER.``)
    r"|(wichtiger )?(hinweis:\s?)?(dieser|der) (artikel|beitrag|text) enthält (nur )?allgemeine (hinweise|informationen)[^\n]{0,300}"
    r"|[^\n]{0,120}links[^.!?]{0,40} sind (teilweise |zum teil |auch )?(affiliate|provisions|partner)-?links[^\n]{0,300}"
    r"|([^.!?\n]{1,100}\?\s?)?(werde|werden sie) (jetzt )?mitglied[.!]?"
    r"|we pay for your stories!?[^\n]{0,300}|first published( on)? [a-z]+\.? \d{1,2}, (19|20)\d{2}( / \d{1,2}:\d{2} ?(am|pm))?"
    r"|(want|looking for) more (stories|news|coverage)( about| on| like this)?[^?]{0,40}\?\s?(sign up|subscribe)[^\n]{0,120}"
    r"|click here to (read|watch|get|sign up|subscribe)[^\n]{0,80}|get [^.!?]{1,30} on the go by clicking here[.!]?"
    r"|[^.!?]{1,40} is making (stories|coverage|articles|its coverage) (about|of|on) [^.!?]{1,60} free to (access|read)[^\n]{0,200}"
    # ... a German newsletter's pitch, a pointer to the section, a note on the network, the author's address
    # (``Unser brandneuer München-Newsletter informiert Sie täglich …``, ``Mehr Nachrichten aus München lesen Sie immer bei uns.``,
    # ``*tz.de ist Teil des bundesweiten Ippen-Digital-Redaktionsnetzwerks.``, ``Den Autor erreichen Sie unter …``)
    r"|(unser|der) [^.!?]{0,40}newsletter informiert (sie|dich) [^\n]{0,300}"
    r"|mehr (nachrichten|news|artikel|berichte|themen) (aus|über|zu|von) [^.!?]{1,40} (lesen|finden) sie [^.!?]{0,40}[.!]?([^\n]{0,120}finden sie [^\n]{0,80})?"
    r"|\*?[\w.-]{2,40} ist teil (des|der) [^.!?]{1,80}(netzwerks?|redaktionsnetzwerks|verbunds?|gruppe)[.!]?"
    r"|(du hast|haben sie|hast du) einen (hinweis|tipp) für (uns|die redaktion)\s?\?[^\n]{0,200}|nichts (mehr )?verpassen!?"
    r"|[^\n]{0,40}\babo\b[^\n]{0,60} (ab|für) [\d,.]+ ?(euro|€)[^\n]{0,60}"
    r"|[^\n]{0,30}(jetzt|gratis|kostenlos) testen:?\s[^\n]{0,160}(€|euro|monat)[^\n]{0,80}"
    r"|(den|die) (autor|autorin|redakteur|redakteurin|verfasser|verfasserin)(en|innen)? erreichen sie (unter|per|via) [^\n]{1,100}"
    # ... a player's loading line (``Loading…``, ``Ładowanie odtwarzacza…``, ``Video wird geladen …``)
    r"|(loading|chargement|cargando|caricamento|ładowanie)( (the )?(video|player|odtwarzacza|wideo|de la vidéo|du lecteur|del vídeo|del video|del reproductor))?\s?(\.\.\.|…)?"
    r"|(das )?(video|player) wird geladen\s?(\.\.\.|…)?"
    # ... the reading time (``Temps de lecture : 3 min.``, ``Lesezeit: ca. 4 Minuten``, ``5 min read``)
    r"|(estimated )?(temps de lecture|lesezeit|lesedauer|reading time|read time|tiempo de lectura|tempo di lettura|leestijd)\s?:?\s?(ca\.\s?)?"
    r"\d{1,3}\s?(min|mins|minutes?|minuten|minutos|minuti|mn)\.?"
    r"|([^\n]{0,30}(19|20)\d{2},? |[^\n]{0,80}[•·|]\s?)?\d{1,3}[\s-]?(min|minute)s?\.? (read|lesezeit|lesedauer|de lecture|de lectura|di lettura)"
)


def is_page_notice(line: str) -> bool:
    """True when the whole ``line`` is a notice about the page (``Spoiler warning! This article contains plot details …``)."""
    return whole_line(line, MAX_PAGE_NOTICE, _PAGE_NOTICE_WORDS, _PAGE_NOTICE) or is_player_marker(line)


def is_image_credit(line: str) -> bool:
    """True when the whole ``line`` credits a picture under a label (``Featured Image: Getty Images``)."""
    return whole_line(line, MAX_IMAGE_CREDIT, _IMAGE_CREDIT_WORDS, _IMAGE_CREDIT)


#: An author's card under the text (``Liam Dwyer is a technology reporter for The Sydney Morning Herald …``):
#: a name of two to four words, then what the author writes for whom; dropped only around the text.
MAX_AUTHOR_BIO = 300
_BIO_WORDS = any_of(
    "reporter", "journalist", "correspondent", "columnist", "editor", "writer", "contributor", "redakteur", "autor", "korrespondent",
    " be reached", " be contacted", "professor", "researcher", "scientist", "economist", "historian", "sociolog", "fellow", "lecturer",
    "soziolog", "wissenschaftler", "forscher", "ökonom", "historiker", "publizist", "politolog", "philosoph",
)
_AUTHOR_BIO = re.compile(
    r"[\w'’.-]+( [\w'’.-]+){1,3} is (a|an|the) ([\w-]+ ){0,4}(reporter|journalist|correspondent|columnist|editor|writer|contributor"
    r"|professor|researcher|scientist|economist|historian|sociologist|fellow|lecturer)"
    r"( (for|at|with|based|who|covering|and|of|in)\b[^\n]{0,240}|\.?)"
    # ... in German (``Jan-Philipp Ahrens ist Redakteur bei boerse.de und schreibt über …``)
    r"|[\w'’.-]+( [\w'’.-]+){1,3} ist ([\w-]+ ){0,3}(redakteur|redakteurin|autor|autorin|journalist|journalistin|korrespondent|korrespondentin"
    r"|[\w-]*(soziologe|soziologin|wissenschaftler|wissenschaftlerin|forscher|forscherin|professor|professorin|ökonom|ökonomin|historiker"
    r"|historikerin|publizist|publizistin|politologe|politologin|philosoph|philosophin))"
    r"( (bei|für|der|des|im|in|von|und)\b[^\n]{0,240}|\.?)"
    # ... or how to reach the author (``Daniel Okafor can be reached at daniel.okafor@globe.com. Follow him on Twitter @dokafor.``)
    r"|[\w'’.-]+( [\w'’.-]+){1,3} (can|may) be (reached|contacted) (at|by|via|on) [^\n]{2,240}"
)
#: ... whose name is capitalised (``The new model is a writer's dream`` is no card).
_NAME_FIRST = re.compile(r"(?!(The|A|An|This|That|It|He|She|They|We|You|Der|Die|Das|Ein|Eine)\b)[A-Z][\w'’.-]*( [A-Z][\w'’.-]*){1,3} (ist?|can|may) ")


def is_author_bio(line: str) -> bool:
    """True when the whole ``line`` introduces the article's author (a name, ``is a … reporter for …``) or says how to reach them."""
    return _NAME_FIRST.match(line.strip()) is not None and whole_line(line, MAX_AUTHOR_BIO, _BIO_WORDS, _AUTHOR_BIO)


#: A note closing the text: the outlet's podcast (``Listen to CYBER, Motherboard's new weekly podcast about hacking.``),
#: the sources listed under it (``SOURCES: Naomi Feld, MD, geriatrician; …``), the press office's or the author's address,
#: a pointer to more, how the text came about, thanks for tips.
MAX_CLOSING_NOTE = 400
_CLOSING_WORDS = any_of(
    "contact", "kontakt", "@", "available at", "podcast", "sources:", "source:", "finden sie", "telefon", "tel.", "phone", "fassung", "version", "transcript", "unterstützen:",
    "zeit und geld", "dank an", "twitter", "@", "sendung", "thanks to", "h/t", "hat tip",
)
_CLOSING_NOTE = re.compile(
    r"listen to [^.!?]{1,60}, [^.!?]{0,60}podcast( about [^.!?]{1,80})?[.!]?"
    r"|sources?:\s?[^\n]{2,400}"
    # ... the press office's line (``Presse- und Informationsamt der Stadt Münster, Telefon 02 51/4 92-13 01, E-Mail: presse@…``),
    # a pointer to more elsewhere (``Die schriftlichen Stellungnahmen der Sachverständigen finden Sie im Dokumentenarchiv.``)
    r"|((media|press|medien|presse)( relations)? )?(contacts?|kontakt)\s?:\s?[^\n]{2,160}@[^\n]{2,80}"
    # ... a line of an address and a number (``New York State | Executive Chamber | press.office@exec.ny.gov | 518.474.8418``),
    # a pointer to the site's other news (``Additional news available at www.governor.ny.gov``)
    # (no sentence in it, or a name and a colon before the number: ``Lauren Whitaker: 206-464-2170 or lwhitaker@…``)
    r"|(?=[^\n]{0,160}\w@\w)(?=[^\n]{0,160}\d{3}[ ./-]\d{3,4})"
    r"((?![^\n]*[a-zäöü]{3}[.!?]\s)[^\n]{7,160}[^.!?\n]|[^\n:]{2,40}:\s?[+(\d][^\n]{6,160})"
    r"|sendung( am | vom |\s?:\s?)[^\n]{4,160}"
    r"|(additional|more|further) (news|information|releases) (is |are )?available (at|on) [^\n]{1,100}"
    r"|[^\n]{0,160}\b(telefon|tel\.|phone|fon)\s?:?\s?[+(\d][^\n]{0,60}\b(e-?mail|mail)\s?:?\s?\S+@\S+[^\n]{0,60}"
    # ... how the text came about (``Dieser Text ist eine überarbeitete Fassung eines Vortrags, …``, ``This essay is an edited
    # version of a talk …``), an appeal (``CARTA unterstützen: Unabhängige Debatten kosten Zeit und Geld. …``), thanks for tips
    r"|(dieser|der) (text|beitrag|artikel|essay) (ist|basiert auf) (eine[rn]?|die|der) ([a-zäöü]+ )?(fassung|version)[^\n]{0,300}"
    r"|this (article|essay|piece|post|text) is (an?|the) ([a-z]+ )?(version|transcript|adaptation) of [^\n]{0,300}"
    r"|[^.!?:]{1,30} unterstützen:\s[^\n]{0,300}|[^\n]{0,120}(kosten|kostet) zeit und geld[^\n]{0,300}"
    # ... the author's address or handle alone on a line (``msorensen@chicagotribune.com``, ``Twitter @MayaSorensenCT``)
    r"|[\w.+-]{1,40}@[\w-]{1,40}(\.[\w-]{1,20}){1,3}|(twitter|x|instagram|bluesky|mastodon):?\s?@[\w.]{1,40}"
    r"|(mit )?(vielen |herzlichen |besten )?dank an [^\n]{1,120} für (den|die|diesen) (hinweis|hinweise|tipp|tipps)!?"
    r"|(h/t|hat tip:?|thanks to) [^\n]{1,80} for the (tip|pointer|heads-up)[.!]?"
    r"|([^.!?]{0,60}:\s?)?[^.!?]{1,160} finden sie (auch |außerdem |hier |jederzeit |zudem )?(unter|im|in der|in unserem|in unserer|auf)\s[^.!?]{1,100}[.!]?"
)


def is_closing_note(line: str) -> bool:
    """True when the whole ``line`` closes the text as the page's: its podcast, its sources, a press office's or the
    author's address, a pointer to more, how the text came about, thanks for tips, and the lines of
    crawler/extract/westernclosings.py (dropped around the text)."""
    return whole_line(line, MAX_CLOSING_NOTE, _CLOSING_WORDS, _CLOSING_NOTE) or is_closing_line(line)


#: A byline alone on a line (``Von Miriam Beckers``, ``By Lauren Whitfield and Tom Ruiz``): a word for by, then two to four
#: capitalised names for each author; it goes around the text (the names' capitals are read as written).
MAX_BYLINE = 80
_NAME_WORDS = r"[A-ZÄÖÜÉ][\w'’.-]+( [A-ZÄÖÜÉ][\w'’.-]+){1,3}"
_BYLINE = re.compile(rf"(Von|VON|By|BY|Par|Por|Di|Door|Av|Af) {_NAME_WORDS}((,| und| and| et| y| e| en) {_NAME_WORDS}){{0,3}}(,? (dpa|AFP|AP|Reuters))?")


def is_western_byline(line: str, anywhere: bool = False) -> bool:
    """True when ``line`` is only a byline: by, then the authors' names. ``anywhere``: one that may stand between
    paragraphs (an English ``By The Numbers`` there is a subheading; German and Romance subheadings are not title-cased)."""
    first = line[:1]
    if len(line) > MAX_BYLINE or first not in "VBPDA" or anywhere and first in "BA":
        return False
    return _BYLINE.fullmatch(line.strip()) is not None
