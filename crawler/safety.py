"""Address checks: which hosts a crawl may connect to."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def is_public_ip(address: str) -> bool:
    """True when ``address`` is a global unicast IP (not loopback, private, link-local …)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


def literal_host_is_local(url: str) -> bool:
    """True when the URL's host is a local name or an IP literal that is not public.

    Host names are judged later, once resolved (see ``crawler.resolver``).
    """
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return not is_public_ip(host)


#: Top-level names that never exist on the public DNS (RFC 2606, 6761, 7686).
SPECIAL_USE_TLDS = frozenset({"invalid", "test", "example", "onion"})


def is_special_use_name(host: str) -> bool:
    """True for names under a special-use TLD: a crawler must not query DNS for them."""
    return host.lower().rstrip(".").rpartition(".")[2] in SPECIAL_USE_TLDS
