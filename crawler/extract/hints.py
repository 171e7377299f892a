"""Extraction hints in force for a URL: the generic profile's plus the site profile's."""

from __future__ import annotations

import hashlib
from dataclasses import fields, replace
from functools import cache

from crawler.extract.xpaths import possible
from crawler.profiles import (
    GENERIC_SLUG,
    SITES_DIR,
    ExtractHints,
    SiteProfile,
    load_profile,
)


def merged_hints(profile: SiteProfile) -> ExtractHints:
    """Return the site's hints with the generic profile's appended.

    The generic (``news``) profile describes noise every Chinese news CMS shares, so it
    applies to every site; site entries come first so that a site's body and title
    XPaths win over the generic ones.
    """
    if profile.slug == GENERIC_SLUG:
        return profile.extract
    generic = load_profile(GENERIC_SLUG).extract
    own = profile.extract
    merged = {
        f.name: tuple(dict.fromkeys(getattr(own, f.name) + getattr(generic, f.name)))
        for f in fields(ExtractHints)
    }
    return ExtractHints(**merged)


def for_page(hints: ExtractHints, names: str) -> ExtractHints:
    """``hints`` without the XPaths that cannot match a page whose class and id values are ``names``.

    (``xpaths.possible``: most XPaths of a list test classes and ids the page has none of,
    and each would cost a scan of its tree.)
    """
    lists = {f.name: getattr(hints, f.name) for f in fields(ExtractHints) if f.name.endswith("xpaths")}
    return replace(hints, **{name: possible(xpaths, names) for name, xpaths in lists.items() if xpaths})


@cache
def profiles_digest() -> str:
    """A short digest of every bundled profile file's bytes, recorded in each Document."""
    digest = hashlib.sha256()
    for path in sorted(SITES_DIR.glob("*.toml")):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
