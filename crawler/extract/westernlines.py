"""Page furniture of the larger European languages that boilerplate.py's Chinese patterns do not read.

- A paywall's teaser where the free part of an article ends (``Il vous reste 58.4% de cet
  article à lire.``, ``Subscribe to continue reading``, ``Weiterlesen mit SZ Plus``):
  dropped only around the text.
- A newsletter's or a registration's prompt (``Enjoying this post?``, ``Get new essays in
  your inbox``, ``Register now for FREE unlimited access to Reuters.com``): dropped anywhere,
  since sites put them between paragraphs. So is a labelled image credit on a line of its
  own (``Featured Image: Getty Images``, ``Image Credits: Bryce Durbin``).
- A wire service's credits (``Reporting by X in London; Editing by Y``), a note that the
  article ran in print (``Een versie van dit artikel verscheen ook in NRC Handelsblad …``) or
  on air (``Über dieses Thema berichtete die tagesschau am 15. März 2022 um 17:00 Uhr.``):
  dropped only around the text.
- A note about the site's money: an affiliate disclosure (``Golem.de nimmt am
  Affiliate-Programm von Amazon teil. …``, ``This post contains affiliate links.``) or a
  sponsor's read (``This episode is brought to you by``, ``Grid Edge is listener-supported. …``),
  dropped anywhere; a call for donations or membership (``Wir finanzieren uns zu fast 100 % aus
  Spenden …``, ``Unterstütze unsere Arbeit mit einer Spende …``), dropped only around the text.

A sentence about subscriptions or reporting inside the text is none of these: the
patterns take the whole line, and no line reaches them without one of their words
(crawler/extract/postclean.py applies them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from crawler.extract.latinwords import EVERY_WORD, any_of, lowered, prefix_tree, whole_line
from crawler.extract.westernclosings import AGENCIES
from crawler.extract.westernnotices import (
    MAX_AUTHOR_BIO, MAX_CLOSING_NOTE, MAX_IMAGE_CREDIT, MAX_PAGE_NOTICE, is_author_bio, is_closing_note, is_image_credit, is_page_notice,
)




#: A teaser line is at most this long.
MAX_TEASER = 200
#: Words one of which every teaser holds (a cheap test before the pattern).
_WORDS = any_of("abonn", "accédez", "subscri", "member", "free article", "il vous reste", "réservé", "weiterlesen", "abo ", "abo?", "suscr", "abbona", "lesen sie", "kontingent", "free article", "part of", "continue reading")
_TEASER = re.compile(
    # French
    r"il vous reste \d{1,3}([.,]\d{1,2})?\s?% de (cet |l’|l')article à lire\.?( la suite est réservée aux abonnés\.?)?"
    r"|la suite est réservée aux abonnés\.?|(cet )?article (est )?réservé aux abonnés\.?"
    r"|abonnez-vous pour (lire|accéder à) la suite.{0,40}|accédez à tous nos contenus.{0,80}|déjà abonné\s?\?.{0,30}"
    # English
    r"|(subscribe|sign up|log in|register|become a (member|subscriber)) (now )?to (continue reading|keep reading|read (the full|the rest|more)).{0,60}"
    r"|this (article|story|content) is (only )?(available|reserved|exclusive) (to|for) (paying )?(subscribers|members).{0,60}"
    r"|already a (subscriber|member)\s?\?.{0,40}|you have (\d+|one|two|three) free articles? (left|remaining).{0,60}"
    # German
    r"|(jetzt )?weiterlesen mit .{1,30}|lesen sie (jetzt |hier )?weiter\s?[–—-]?\s?(mit|im|in) .{1,40}|(jetzt )?(abonnieren|abo abschließen|abo wählen) und weiterlesen.{0,40}"
    r"|dieser artikel ist (nur )?(für|exklusiv für) (abonnenten|abonnentinnen|abonnent:innen|plus-leser).{0,60}"
    r"|sie haben bereits ein abo\s?\?.{0,80}|sie haben ihr kontingent an (kostenlosen|freien|gratis-?) ?artikeln.{0,160}"
    r"|this (article|story|content) is part of [^.!?]{1,40}\b(pro|premium|plus)\b.{0,40}"
    r"|continue reading your (article|story) with an? [^.!?]{1,30} (membership|subscription).{0,40}"
    r"|you('ve| have) (reached your (monthly )?(limit|free article limit)|read your (\d+|last) free articles?).{0,160}"
    # Spanish, Italian
    r"|(este|questo) (artículo|articolo) (es|è) (exclusivo|riservato) (para|per|agli|a los) (suscriptores|abbonati).{0,60}"
    r"|suscríbete para (seguir|continuar) leyendo.{0,40}|abbonati per continuare a leggere.{0,40}"
)


@lru_cache(maxsize=512)
def _worded(line: str) -> str | None:
    """``lowered(line)`` when it is short enough and holds a word of any test here (one search for all of them), else None."""
    if len(line) > _LONGEST:
        return None
    low = lowered(line)
    return low if low is not None and _ALL_WORDS.search(low) is not None else None


def _whole_line(line: str, longest: int, words: re.Pattern[str], pattern: re.Pattern[str]) -> bool:
    return whole_line(line, longest, words, pattern, _worded)


def is_paywall_teaser(line: str) -> bool:
    """True when the whole ``line`` is a paywall's teaser or its subscription prompt."""
    return _whole_line(line, MAX_TEASER, _WORDS, _TEASER)


#: A prompt is a short line.
MAX_PROMPT = 200
_PROMPT_WORDS = any_of(
    "inbox", "newsletter", "register now", "sign up", "subscribe", "enjoying th", "if you enjoyed", "if you liked", "you like th",
    "you enjoy th", "comment", "privacy", "datenschutz", "most recent version", "sign up for", "read the latest", "follow",
    "notificaciones", "nuestro canal", "apoie", "assine", "dziękujemy", "folgst du", "your information", "anmeld", "postfach", "fordern sie", "have a tip", "join us", "this column",
)
#: A newsletter's pitch in the site's voice, with what it brings: a longer line.
MAX_PITCH = 400
_PITCH_WORDS = any_of("newsletter")
_PITCH = re.compile(
    r"[^\n]{0,120}?\b(get|sign up for|subscribe to|try) our( free)?( [^.!?]{1,40})? newsletters?\b[^\n]{0,300}"
    # ... what it brings first (``Get news and reviews on technology … in our Technology newsletter every Friday.``),
    # or its name first (``Sign up for Business Today, our daily business newsletter, here.``)
    r"|(get|receive) [^.!?]{1,80} in our [^.!?]{0,40}newsletter\b[^\n]{0,160}|sign up for [^.!?,]{1,40}, (our|the) [^.!?]{0,40}newsletter\b[^\n]{0,120}"
)
_PROMPT = re.compile(
    r"enjoying (this|the) (post|article|story|newsletter|read)\s?\?"
    r"|if you (enjoyed|liked) (this|the) (post|article|piece|story)[^.!?]{0,120}(rss|newsletter|subscribe|follow|inbox|e-?mail)[^\n]{0,120}"
    r"|(did|do) you (like|enjoy) (this|the) (article|post|story)\s?\?([^\n]{0,200}(subscri|support|donat|newsletter)[^\n]{0,200})?"
    # an embed's consent notice (``By playing it you accept YouTube's privacy policy.``) and Read the Docs' note
    r"|[^\n]{0,80}(by (playing|loading|clicking)|mit dem laden|beim abspielen|durch (das )?(laden|abspielen))[^\n]{0,60}"
    r"(accept|agree|akzeptieren|stimmen)[^\n]{0,80}(privacy|datenschutz)[^\n]{0,80}"
    r"|you are not reading the most recent version of this documentation[^\n]{0,160}"
    # Drupal's prompt under a node (``(Log in to post comments)``, ``Login or register to post comments``)
    r"|\(?(log ?in|sign in)( or register)? to (post|leave|add) (a )?comments?\)?"
    r"|(get|receive|have) [^.!?]{0,80}(in|to|straight to|delivered to|into) your inbox[^.!?]{0,60}[.!]?(\s+[^.!?]{1,60}[.!])?"
    r"|(sign up|subscribe|register)( now| today| free)? (for|to) (our|the|my|[^.!?]{1,30}(’|')s)( [^.!?]{1,30}?)? (free )?(daily |weekly |monthly )?"
    r"(newsletter|newsletters|updates|briefing|digest)[^.!?]{0,60}[.!]?( click here to (register|sign up|subscribe)[.!]?)?"
    r"|register now for (free )?[^.!?]{0,60}(access|articles)[^!?]{0,40}"
    # a newsletter box's title and its privacy line (``Sign up for Climate Fwd:``, ``Your privacy is important to us``), a call for comments
    r"|sign up for [^.!?:]{1,40}:|sign up for (the |our )?[^.!?]{1,40} (email|e-mail|newsletter|mailing) list[^\n]{0,120}"
    # ... a site's follow bid (``Read the latest financial and business news from X``, ``Follow X on Twitter, Facebook …``)
    r"|read the latest [^.!?]{0,60}news from [^.!?]{1,40}\.?|follow us on [^.!?]{1,60}[.!]?"
    r"|follow [^.!?]{1,40} on (twitter|facebook|instagram|linkedin|youtube|flipboard|tiktok|x)((,|,? and|,? or) (twitter|facebook|instagram|linkedin|youtube|flipboard|tiktok|x))+\.?"
    r"|your privacy is (important|our priority) to us\.?|we welcome your (comments|feedback|thoughts|letters)[^\n]{0,80}"
    r"|your information is being handled in accordance with [^\n]{1,120}"
    # ... in Spanish, Portuguese, Polish and German (``Ahora puedes recibir notificaciones de BBC Mundo. …``,
    # ``¿Ya conoces nuestro canal de YouTube? ¡Suscríbete!``, ``Assine o PÚBLICO a partir de 1€ no primeiro mês.``,
    # ``Dziękujemy, że przeczytałaś/eś nasz artykuł do końca.``, ``Folgst du schon 20 Minuten Wirtschaft auf LinkedIn?``)
    r"|(ahora )?(puedes|podés|puede) recibir notificaciones de [^.!?]{1,40}[.!]?( [^\n]{0,200})?"
    r"|¿?(ya )?conoces nuestro canal de (youtube|whatsapp|telegram|instagram)\??( ¡?suscríbete!?)?"
    r"|apoie o jornalismo( independente| de qualidade)?[.!]?( assine o [^.!?]{1,40} a partir de [^.!?]{1,40}[.!]?)?"
    r"|assine o [^.!?]{1,40} a partir de [^.!?]{1,40}[.!]?"
    r"|dziękujemy, że przeczytała?ś(/eś)? (nasz |ten )?(artykuł|tekst)( do końca)?[.!]?( [^\n]{0,200})?"
    r"|folgst du (schon|bereits) [^.!?]{1,40} auf (linkedin|instagram|facebook|twitter|tiktok|whatsapp|x)\??"
    # ... a German newsletter's box: its bid, its name, when it comes, the consent under the form
    # (``Jetzt den kostenlosen BILD-Geld-Newsletter abonnieren!``, ``Unser kostenloser X-Newsletter erscheint jeden Freitag.``,
    # ``Dann abonnieren Sie den BR24-Newsletter``, ``Der Wirtschafts-Newsletter von RP ONLINE``, ``jetzt kostenlos anmelden``)
    # (a slogan or a question may lead in: ``Geld-Tipps direkt ins Postfach: Jetzt …``, ``Sie interessieren sich für …? Dann …``)
    r"|([^.!?\n]{0,80}[:?] )?((jetzt |dann )?(den |unseren |ihren )?(kostenlosen |täglichen |wöchentlichen )?[^.!?]{0,30}newsletter (abonnieren|bestellen)[.!]?"
    r"|(unser|der) (kostenlose[rn]? )?[^.!?]{0,40}newsletter[^.!?]{0,40} erscheint [^.!?]{0,40}[.!]?( hier anmelden[.!]?)?"
    r"|(dann |jetzt )?abonnieren sie (den|unseren) [^.!?]{0,40}newsletter[^\n]{0,100}|der [^.!?]{0,30}newsletter (von|des|der) [^.!?:]{1,30}(:[^\n]{0,140})?)"
    # ... a tip line, an event's invitation, a column's alerts (``Have a tip? Get in touch securely via WhatsApp …``,
    # ``Join us on November 9 … at the X Summit. Register here.``, ``Like this column? Sign up to subscribe to email alerts …``)
    r"|have a (news )?tip\s?\?[^\n]{0,160}|join us (on|at|in|for) [^\n]{0,160}register (here|now|today)[.!]?"
    r"|(like|enjoy(ed)?) this (column|post|article|story)\s?\? sign up[^\n]{0,140}"
    r"|(jetzt )?(kostenlos |gratis )?(anmelden|registrieren)[.!]?|mit (meiner|ihrer) anmeldung (stimme ich|stimmen sie) [^\n]{0,200}"
    r"|(kostenlose[rns]? )?[\w-]*(newsletter|brief|briefing|börsenbrief):\s[^\n]{0,140}(postfach|inbox)\.?"
    r"|([^\n]{0,120}\? )?(jetzt )?fordern sie (jetzt )?[^.!?]{0,60}(kostenlos|gratis|unverbindlich) an[.!]?"
)


def is_subscription_prompt(line: str) -> bool:
    """True when the whole ``line`` asks the reader to subscribe to a newsletter or to register
    (or pitches the site's own newsletter: ``… Get our weekly environment newsletter. Each Wednesday …``)."""
    return _whole_line(line, MAX_PROMPT, _PROMPT_WORDS, _PROMPT) or _whole_line(line, MAX_PITCH, _PITCH_WORDS, _PITCH)


#: A wire service's credit line: who reported, wrote and edited, by name (capitalised words,
#: each maybe with the city they filed from).
MAX_CREDIT = 300
_CREDIT_ROLE = r"([Aa]dditional [Rr]eporting|[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Ee]dited|[Pp]roduced)( [Bb]y)?"
_NAME = r"[A-Z][\w'’.-]*( [A-Z][\w'’.-]*)*( in [A-Z][\w'’.-]*( [A-Z][\w'’.-]*)*)?"
_PEOPLE = rf"{_NAME}((, | and |, and ){_NAME})*"
_WIRE_CREDIT = re.compile(rf"\(?{_CREDIT_ROLE} {_PEOPLE}(; ?{_CREDIT_ROLE} {_PEOPLE})*\.?\)?")


#: ... or, closing a German text, the writers' initials and the agencies (``hb/ul (rtr, dpa)``, ``RND/dpa``, ``kna/epd``).
MAX_AGENCY_CREDIT = 40
_AGENCY_WORDS = any_of("dpa", "afp", "rtr", "reuters", "epd", "kna", "apa", "sda", "redaktion")
_AGENCY_CREDIT = re.compile(
    rf"[a-zäöü]{{1,4}}(/[a-zäöü]{{1,4}}){{0,3}} ?\({AGENCIES}(, ?{AGENCIES}){{0,4}}\)|([a-z]{{2,6}}/)?{AGENCIES}(/{AGENCIES}){{1,3}}|[a-z]{{2,6}}/{AGENCIES}|redaktion [\w.-]{{2,30}}|[a-z]{{2,6}}/[\w.-]{{2,20}}-redaktion"
)


def is_wire_credit(line: str) -> bool:
    """True for a credit line closing a wire story (``Reporting by Alice Fenwick in London; Editing by Jan Harvey``, ``hb/ul (rtr, dpa)``)."""
    if len(line) > MAX_CREDIT:
        return False
    low = _worded(line)
    if low is not None and len(line) <= MAX_AGENCY_CREDIT and _AGENCY_CREDIT.fullmatch(low) is not None:
        return True
    return low is not None and " by " in low and _WIRE_CREDIT.fullmatch(line.strip()) is not None


#: A note that the article also ran in print (``A version of this article appears in print on …``, ``… in the May 8, 2021
#: issue of Science News.``, ``Een versie van dit artikel verscheen ook in NRC Handelsblad van 12 maart 2019``).
MAX_EDITION_NOTE = 400
_EDITION_WORDS = any_of("print", "issue of", "ausgabe", "versie", "erschien", "paru", "publicado", "pubblicato", "edition", "édition", "thema", "maschinelle", "ki-", "künstliche", "artificial", " ai ")
_EDITION_NOTE = re.compile(
    r"(a version of this (article|story) (appears|appeared|ran) in (print|the [^\n]{2,60} (issue|edition))|this (article|story) (appeared|appears) in (the )?(print|[^.]{1,40} edition)"
    r"|een versie van dit artikel (verscheen|is verschenen)|dieser (artikel|beitrag|text) (erschien|ist erschienen)"
    r"|cet article (est paru|a été publié) dans|(este artículo|una versión de este artículo) (fue publicado|se publicó|apareció)"
    r"|questo articolo è stato pubblicato|veröffentlicht in der (gedruckten |print-?)?ausgabe|über dieses thema (berichtete|berichtet|berichten|hat)|dieses thema im programm)[^\n]{0,200}"
    # how the text was made (``Dieser Artikel wurde mit maschineller Unterstützung erstellt …``, ``This article was generated with the help of AI …``)
    r"|(dieser|der) (artikel|text|beitrag) (wurde|ist) (mit|unter|durch) (maschineller|ki-?|hilfe (von |einer )?künstlicher intelligenz)[^\n]{0,300}"
    r"|this (article|story|text) was (generated|created|produced|written|drafted) (with|using|by) (the )?(help |assistance |support )?(of )?"
    r"(ai|an ai|artificial intelligence|machine)[^\n]{0,300}"
)


def is_edition_note(line: str) -> bool:
    """True when the whole ``line`` says where the article ran in print."""
    return _whole_line(line, MAX_EDITION_NOTE, _EDITION_WORDS, _EDITION_NOTE)


#: An appeal to the reader about the site's money is at most this long.
MAX_APPEAL = 400
_APPEAL_WORDS = any_of(
    "affiliate", "provision", "commission", "amazon", "spende", "donat", "partnerprogramm", "patron", "supported", "mitglied",
    "brought to you", "sponsored by", "member", "sostieni", "se ti piace", "se apprezzi", "donazione", "soutenez", "un don",
    "apóyanos", "apoya ", "hazte", "if you like", "if you value", "if you enjoy", "support our", "support independent",
    "journalis", "war interessant", "war hilfreich", "this article helpful", "commission", "supported by", "kostenlos testen",
    "disclosure", "free two-week", "free trial",
)
#: Disclosures and sponsor reads, dropped anywhere: no text of the article reads so.
_SPONSOR = re.compile(
    r"(\*?\s?hinweis:\s?)?[^!?]{1,40}? nimmt am (amazon[- ])?(affiliate|partner)-?programm[^.!?]{0,40} teil\.[^\n]{0,300}"
    r"|(\*?\s?(hinweis:\s?)?)?(die )?(mit (einem )?(\*|sternchen)[^.!?]{0,40}(gekennzeichneten|markierten) )?links[^.!?]{0,30} sind (affiliate|provisions|partner)-?links[^\n]{0,300}"
    r"|(\*?\s?(hinweis|transparenz|offenlegung|werbung|anzeige)( / affiliate-hinweis)?:\s?)?(dieser|der) (beitrag|artikel|post|text) enthält (affiliate|provisions|partner|werbe)-?links[^\n]{0,300}"
    r"|(\*?\s?(hinweis|transparenz|offenlegung):\s?)?in diesem (beitrag|artikel|post|text) sind (affiliate|provisions|partner|werbe)-?links enthalten[^\n]{0,300}"
    r"|(disclosure:\s?)?(this|the) (post|article|page|story|review) (may )?contains? (affiliate|referral) links?[^\n]{0,300}"
    r"|as an amazon associate,? (i|we) earn[^\n]{0,200}"
    r"|\*?\s?affiliate-links?:\s?[^\n]{0,120}?provision[^\n]{0,200}|[^\n]{0,60}über (diesen|einen dieser|unsere) links?[^\n]{0,60}provision[^\n]{0,200}"
    # ... maybe after a note that the picks are independent (``We independently review everything we recommend.``)
    r"|([^.!?]{1,100}independently (select|chos|review|test|research)\w*[^.!?]{0,60}\.\s?)?"
    r"when you buy through (our|the) links( on our site)?,? [^.!?]{1,40} may (earn|receive|get) (an affiliate |a )?commission[^\n]{0,200}"
    r"|([^.!?]{1,100}independently (select|chos|review|test|research)\w*[^.!?]{0,60}\.\s?)?"
    r"(we|i) (may )?(earn|receive|get) (a )?(small |modest )?(affiliate )?(commission|compensation)[^.!?]{0,120}(links?|purchases?|buy)[^\n]{0,200}"
    r"|(this|today's|this week's) (episode|show|newsletter|post|video) is (brought to you|sponsored|supported|presented) by[^\n]{0,300}"
    r"|[^.!?]{1,40} (may )?(get|earn|receive)s? (a |an )?(affiliate )?commission (from|on) (retail offers|purchases|sales)[^\n]{0,200}"
    r"|[^.!?]{1,40} is supported by (its|our) (audience|readers)\.[^\n]{0,300}"
    # an analyst's disclosures (``Disclosure: I am/we are long NVDA. …``, ``Additional disclosure: This article is not investment advice. …``)
    r"|(additional )?disclosure: (i|we|i/we|this article)[^\n]{0,400}"
    # a subscription's trial offer (``X im Digitalabo – Lesen Sie alle Ausgaben als PDF, App und online. Jetzt 30 Tage kostenlos testen!``)
    r"|[^\n]{0,160}jetzt \d{1,3} tage (kostenlos|gratis) testen!?"
    r"|[^.!?]{1,40} is (listener|reader|viewer|audience)-supported\.[^\n]{0,300}|(become a patron|support (us|the show|this podcast) on patreon)[^\n]{0,200}"
    # an Amazon affiliate plugin's line under its product boxes (AAWP: ``Last update on 2021-05-11 / Affiliate links / Images from …``)
    r"|(last update on|letzte aktualisierung am|dernière mise à jour le|última actualización el) [^/\n]{4,40}/ ?(affiliate|partner)[- ]?links?[^\n]{0,160}"
)
#: Calls for money or membership, dropped around the text.
_APPEAL = re.compile(
    r"wir finanzieren uns (zu [^.!?]{1,20} |fast |ausschließlich |größtenteils |überwiegend )*(aus|über|durch) spenden[^\n]{0,300}"
    r"|(bitte |jetzt )?(unterstütze|unterstützen sie) (uns|unsere arbeit|unseren journalismus)[^.!?]{0,40}(mit|durch) (einer|deiner|ihrer) spende[^\n]{0,300}"
    r"|(jetzt |bitte )?spenden!?|(please )?(donate|make a donation) (now|today)[.!]?|(jetzt )?mitglied werden!?|become a (member|patron)( today| now)?[.!]?"
    # ... in Italian, French, Spanish and English: a heading (``Sostieni il Filo``) or the appeal itself
    # (``Il Filo è gratuito e vuole restarlo. Se ti piace quello che facciamo …, abbonati: …``)
    r"|sostieni (il|la|lo|l’|l'|i|gli|le) ?[^.!?]{1,30}[.!]?"
    r"|[^\n]{0,120}?(se ti piace|se apprezzi) (quello che facciamo|il nostro lavoro|il nostro giornalismo|questo articolo)[^\n]{0,300}"
    r"|(fai|fate) una donazione[^\n]{0,200}|soutenez(-nous| (notre|une|la) (travail|journalisme|rédaction|média|presse))[^\n]{0,300}|faites un don[^\n]{0,200}"
    r"|(apóyanos|apoya nuestro (periodismo|trabajo)|hazte (socio|socia|miembro|suscriptor))[^\n]{0,300}"
    r"|[^\n]{0,120}?if you (like|value|enjoy) (what we do|our (work|journalism|reporting))[^\n]{0,300}"
    r"|support (our|independent) (journalism|reporting|newsroom)[^\n]{0,200}"
    # why journalism costs (``Unabhängiger Journalismus ist nicht umsonst. …``, ``At X, we believe that everyone needs high-quality journalism …``)
    r"|(unabhängiger|guter|freier) journalismus (ist nicht umsonst|kostet( geld)?|braucht)[^\n]{0,300}"
    r"|(independent|good|quality) journalism (isn't|is not|doesn't come) free[^\n]{0,300}"
    r"|[^\n]{0,60}?we believe (that )?everyone (needs|deserves) (access to )?(high-quality |quality |good |independent )?(journalism|news)[^\n]{0,300}"
    # ... or asks whether the article was worth it (``Dieser Artikel war interessant, hilfreich oder beides? Die Redaktion freut sich …``)
    r"|(dieser|der) (artikel|beitrag) war (interessant|hilfreich|lesenswert)[^\n]{0,300}|(was|is|did you find) this article helpful\s?\?[^\n]{0,300}"

)


def is_sponsor_note(line: str) -> bool:
    """True when the whole ``line`` discloses affiliate links or reads a sponsor's message (dropped anywhere)."""
    return _whole_line(line, MAX_APPEAL, _APPEAL_WORDS, _SPONSOR)


def is_reader_appeal(line: str) -> bool:
    """True when the whole ``line`` asks for donations or membership (dropped around the text)."""
    return _whole_line(line, MAX_APPEAL, _APPEAL_WORDS, _APPEAL)


EVERY_WORD.append(" by ")  # a wire credit's
_ALL_WORDS = prefix_tree(EVERY_WORD)
#: The longest line any test here takes.
_LONGEST = max(MAX_TEASER, MAX_PROMPT, MAX_PITCH, MAX_CREDIT, MAX_EDITION_NOTE, MAX_APPEAL, MAX_IMAGE_CREDIT, MAX_PAGE_NOTICE, MAX_AUTHOR_BIO, MAX_CLOSING_NOTE)


def anywhere_kind(line: str) -> str | None:
    """The verdict on a line dropped wherever it stands: ``subscription_prompt``, ``image_credit``,
    ``page_notice``, ``reader_appeal`` (a sponsor's note), or None (most lines: no word of any test, one search)."""
    if _worded(line) is None:
        return None
    if is_subscription_prompt(line):
        return "subscription_prompt"
    if is_image_credit(line):
        return "image_credit"
    if is_page_notice(line):
        return "page_notice"
    return "reader_appeal" if is_sponsor_note(line) else None


def edge_kind(line: str) -> str | None:
    """The verdict on a line dropped only around the text: ``paywall_teaser``, ``wire_credit``
    (a wire credit, a print or on-air note, a co-publishing, podcast or sources note), ``reader_appeal`` (a call for money), ``author_bio``, or None."""
    if _worded(line) is None:
        return None
    if is_paywall_teaser(line):
        return "paywall_teaser"
    if is_wire_credit(line) or is_edition_note(line) or is_closing_note(line):
        return "wire_credit"
    if is_reader_appeal(line):
        return "reader_appeal"
    return "author_bio" if is_author_bio(line) else None

