"""The spiders: one ``SiteSpider`` subclass per site profile (gov, netease, wechat, news)."""

from __future__ import annotations

from crawler.profiles import all_profiles
from crawler.spiders.site import SiteSpider


def _spider_class(slug: str) -> type[SiteSpider]:
    name = f"{slug.capitalize()}Spider"
    return type(name, (SiteSpider,), {"name": slug, "profile_slug": slug, "__module__": __name__})


for _profile in all_profiles():
    globals()[f"{_profile.slug.capitalize()}Spider"] = _spider_class(_profile.slug)
