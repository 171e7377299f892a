"""URL canonicalisation: one form per page, so the dedup filter and the corpus agree."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}

#: WeChat article URLs are identified by these four parameters; every other one
#: (chksm, mpshare, scene, srcid, sharer_*, exportkey, acctmode, pass_ticket,
#: wx_header, …) is per-share tracking that changes between copies of one link.
WECHAT_HOST = "mp.weixin.qq.com"
WECHAT_KEEP = ("__biz", "mid", "idx", "sn")


def _netloc(scheme: str, host: str, port: int | None, userinfo: str) -> str:
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    return f"{userinfo}@{netloc}" if userinfo else netloc


def _wechat_query(path: str, query: str) -> str:
    if path != "/s":
        return query
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k in WECHAT_KEEP]
    if not kept:
        return query
    # `__biz` values end in "==": keep them literal, as WeChat writes them.
    return urlencode(kept, safe="=")


def canonicalize(url: str) -> str:
    """Return the canonical form of ``url``.

    Everywhere: lower-case scheme and host, drop the default port and the fragment,
    keep the path and the query (and its parameter order) as written; an empty path
    becomes ``/``. WeChat article URLs keep only ``__biz``, ``mid``, ``idx`` and ``sn``.
    URLs that do not parse are returned unchanged.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if scheme not in DEFAULT_PORTS or not host:
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    path = parts.path or "/"
    query = _wechat_query(path, parts.query) if host == WECHAT_HOST else parts.query
    return urlunsplit((scheme, _netloc(scheme, host, port, userinfo), path, query, ""))


def host_in_domains(host: str, domains: Iterable[str]) -> str | None:
    """The longest of ``domains`` that ``host`` is or is a subdomain of (case-insensitive), else None."""
    host = host.lower().rstrip(".")
    matches = [d for d in domains if host == d or host.endswith("." + d)]
    return max(matches, key=len) if matches else None
