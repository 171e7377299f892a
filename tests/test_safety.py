"""Address safety: which hosts a crawl may contact, and how failures are classified."""

from __future__ import annotations

import pytest
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from twisted.internet.error import DNSLookupError

from crawler import reasons
from crawler.failures import AddressRefused, classify
from crawler.resolver import REFUSED_NAMES, PrivateAddressRefused, PublicOnlyResolver
from crawler.safety import is_public_ip, is_special_use_name, literal_host_is_local


@pytest.mark.parametrize("ip", ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.1.1", "::1",
                                "fe80::1", "0.0.0.0", "::ffff:127.0.0.1", "not-an-ip"])
def test_non_public_addresses(ip: str) -> None:
    assert not is_public_ip(ip)


@pytest.mark.parametrize("ip", ["8.8.8.8", "202.108.22.5", "2400:da00::6666"])
def test_public_addresses(ip: str) -> None:
    assert is_public_ip(ip)


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8080/x", True),
        ("http://localhost/", True),
        ("http://api.localhost/", True),
        ("http://[::1]/", True),
        ("http://10.0.0.7/", True),
        ("http://8.8.8.8/", False),
        ("https://www.hunan.gov.cn/", False),
    ],
)
def test_literal_hosts(url: str, local: bool) -> None:
    assert literal_host_is_local(url) is local


@pytest.mark.parametrize(("host", "special"), [("a.invalid", True), ("x.test", True), ("www.gov.cn", False),
                                               ("example.com", False), ("EXAMPLE.", True)])
def test_special_use_names(host: str, special: bool) -> None:
    assert is_special_use_name(host) is special


def test_resolver_refuses_private_answers_and_remembers_the_name() -> None:
    with pytest.raises(PrivateAddressRefused):
        PublicOnlyResolver._check("192.168.0.10", "intranet.example.cn")
    assert "intranet.example.cn" in REFUSED_NAMES
    assert PublicOnlyResolver._check("8.8.8.8", "dns.google") == "8.8.8.8"


@pytest.mark.parametrize(
    ("exc", "reason"),
    [
        (CannotResolveHostError("x"), reasons.DNS_FAILURE),
        (DNSLookupError("x"), reasons.DNS_FAILURE),
        (DownloadConnectionRefusedError("x"), reasons.CONNECTION_REFUSED),
        (DownloadTimeoutError("x"), reasons.TIMEOUT),
        (AddressRefused("x"), reasons.PRIVATE_ADDRESS),
        (IgnoreRequest("Forbidden by robots.txt"), reasons.ROBOTS_FORBIDDEN),
        (IgnoreRequest("Filtered offsite request to 'a.cn'"), reasons.OFFSITE),
        (RuntimeError("?"), reasons.DOWNLOAD_ERROR),
    ],
)
def test_classify(exc: BaseException, reason: str) -> None:
    assert classify(exc) == reason


def test_classify_follows_the_cause_chain() -> None:
    try:
        try:
            raise DNSLookupError("inner")
        except DNSLookupError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        assert classify(outer) == reasons.DNS_FAILURE


def test_dns_failure_of_a_refused_name_is_reported_as_refused() -> None:
    REFUSED_NAMES.add("rebound.example.cn")
    assert classify(CannotResolveHostError("no results"), "rebound.example.cn") == reasons.PRIVATE_ADDRESS
