"""Site profiles: per-site-family crawl scope and extraction hints, loaded from ``crawler/sites/*.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.urls import host_in_domains

SITES_DIR = Path(__file__).with_name("sites")
#: The profile used for hosts no other profile claims.
GENERIC_SLUG = "news"


class ProfileError(ValueError):
    """A site profile file is missing, malformed or has unknown keys."""


@dataclass(frozen=True)
class ExtractHints:
    """Extraction knowledge about one site family (the ``[extract]`` table)."""

    prune_xpaths: tuple[str, ...] = ()
    body_xpaths: tuple[str, ...] = ()
    title_xpaths: tuple[str, ...] = ()
    date_xpaths: tuple[str, ...] = ()
    source_xpaths: tuple[str, ...] = ()
    author_xpaths: tuple[str, ...] = ()
    deleted_markers: tuple[str, ...] = ()
    blocked_markers: tuple[str, ...] = ()
    error_markers: tuple[str, ...] = ()
    title_suffixes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteProfile:
    """Crawl scope, politeness and extraction hints of one site family."""

    slug: str
    description: str
    allowed_domains: tuple[str, ...]
    article_patterns: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    depth: int = 2
    delay: float = 1.0
    concurrency: int = 2
    version: str = "1"
    #: Seconds before an archived article is fetched again (0: every run); RECRAWL_INTERVAL overrides it.
    recrawl_interval: float = 7 * 24 * 3600.0
    #: False for an extraction-only profile: a site family met through other spiders
    #: (the generic ``news`` spider, ``crawl --from-archive``) that has no spider of its own.
    spider: bool = True
    extract: ExtractHints = ExtractHints()

    def is_article_url(self, url: str) -> bool:
        """True when ``url`` matches one of the profile's article URL patterns."""
        return any(re.search(p, url) for p in self.article_patterns)


_TUPLE_KEYS = {"allowed_domains", "article_patterns", "allow", "deny"}


def _check_keys(table: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ProfileError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


def _typed(value: Any, kind: type, key: str, where: str) -> Any:
    if kind is tuple:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ProfileError(f"{where}: key {key!r} must be a list of strings")
        return tuple(value)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ProfileError(f"{where}: key {key!r} must be {kind.__name__}, got {type(value).__name__}")
    return value


def _parse_extract(table: Any, where: str) -> ExtractHints:
    if not isinstance(table, dict):
        raise ProfileError(f"{where}: [extract] must be a table")
    names = {f.name for f in fields(ExtractHints)}
    _check_keys(table, names, f"{where} [extract]")
    values = {k: _typed(v, tuple, k, f"{where} [extract]") for k, v in table.items()}
    for key in values:
        if key.endswith("xpaths"):
            _check_xpaths(values[key], key, where)
    return ExtractHints(**values)


def _check_xpaths(xpaths: tuple[str, ...], key: str, where: str) -> None:
    from lxml import etree

    for xp in xpaths:
        try:
            etree.XPath(xp)
        except etree.XPathSyntaxError as exc:
            raise ProfileError(f"{where} [extract] {key}: invalid XPath {xp!r}: {exc}") from None


def parse_profile(data: dict[str, Any], where: str) -> SiteProfile:
    """Validate one profile table and build the profile; ``where`` names the file in errors."""
    kinds = {"slug": str, "description": str, "depth": int, "delay": float, "concurrency": int, "version": str, "spider": bool,
             "recrawl_interval": float}
    kinds.update({k: tuple for k in _TUPLE_KEYS})
    _check_keys(data, set(kinds) | {"extract"}, where)
    for required in ("slug", "description", "allowed_domains"):
        if required not in data:
            raise ProfileError(f"{where}: missing required key {required!r}")
    values = {k: _typed(v, kinds[k], k, where) for k, v in data.items() if k != "extract"}
    for key in ("article_patterns", "allow", "deny"):
        for pattern in values.get(key, ()):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ProfileError(f"{where}: key {key!r}: bad regex {pattern!r}: {exc}") from None
    if values.get("recrawl_interval", 0) < 0:
        raise ProfileError(f"{where}: key 'recrawl_interval' must be 0 (every run) or a number of seconds")
    extract = _parse_extract(data.get("extract", {}), where)
    return SiteProfile(**values, extract=extract)


def load_profile_file(path: Path) -> SiteProfile:
    """Load and validate one profile file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProfileError(f"{path}: site profile not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML: {exc}") from None
    profile = parse_profile(data, str(path))
    if profile.slug != path.stem:
        raise ProfileError(f"{path}: slug {profile.slug!r} must equal the file name {path.stem!r}")
    return profile


@cache
def load_profile(slug: str) -> SiteProfile:
    """Load the bundled profile ``crawler/sites/<slug>.toml``."""
    return load_profile_file(SITES_DIR / f"{slug}.toml")


@cache
def all_profiles() -> tuple[SiteProfile, ...]:
    """Every bundled profile, sorted by slug."""
    return tuple(load_profile(p.stem) for p in sorted(SITES_DIR.glob("*.toml")))


def profile_for_url(url: str) -> SiteProfile:
    """The profile whose domains claim the URL's host (the most specific one), else the generic one."""
    host = urlsplit(url).hostname or ""
    best: tuple[int, SiteProfile] | None = None
    for profile in all_profiles():
        domain = host_in_domains(host, profile.allowed_domains)
        if domain is not None and (best is None or len(domain) > best[0]):
            best = (len(domain), profile)
    return best[1] if best else load_profile(GENERIC_SLUG)
