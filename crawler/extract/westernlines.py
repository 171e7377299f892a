"""A paywall's teaser where the free part of an article ends, in the larger European languages.

News sites close the part a visitor may read with a line saying how much is left and
asking for a subscription (``Il vous reste 58.4% de cet article à lire.``, ``Subscribe to
continue reading``, ``Weiterlesen mit SZ Plus``). It is page furniture, dropped only
around the text (crawler/extract/postclean.py). A sentence about subscriptions inside
the text is no teaser: the patterns take the whole line, and no line reaches them
without one of their words.
"""

from __future__ import annotations

import re

#: A teaser line is at most this long.
MAX_TEASER = 200
#: Words one of which every teaser holds (a cheap test before the pattern).
_WORDS = ("abonn", "accédez", "subscri", "member", "free article", "il vous reste", "réservé", "weiterlesen", "abo ", "suscr", "abbona")
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
    r"|(jetzt )?weiterlesen mit .{1,30}|(jetzt )?(abonnieren|abo abschließen|abo wählen) und weiterlesen.{0,40}"
    r"|dieser artikel ist (nur )?(für|exklusiv für) (abonnenten|abonnentinnen|abonnent:innen|plus-leser).{0,60}"
    r"|sie haben bereits ein abo\s?\?.{0,40}"
    # Spanish, Italian
    r"|(este|questo) (artículo|articolo) (es|è) (exclusivo|riservato) (para|per|agli|a los) (suscriptores|abbonati).{0,60}"
    r"|suscríbete para (seguir|continuar) leyendo.{0,40}|abbonati per continuare a leggere.{0,40}"
)


def is_paywall_teaser(line: str) -> bool:
    """True when the whole ``line`` is a paywall's teaser or its subscription prompt."""
    if len(line) > MAX_TEASER:
        return False
    low = line.strip().lower()
    return any(word in low for word in _WORDS) and _TEASER.fullmatch(low) is not None
