"""The spiders: one ``SiteSpider`` subclass per crawl profile (gov, netease, wechat, news).

Extraction-only profiles (``spider = false``: site families the generic ``news`` spider
meets, such as sina or people.com.cn) have no spider of their own.
"""

from __future__ import annotations

from crawler.profiles import all_profiles
from crawler.spiders.site import SiteSpider


def _spider_class(slug: str) -> type[SiteSpider]:
    name = f"{slug.capitalize()}Spider"
    return type(name, (SiteSpider,), {"name": slug, "profile_slug": slug, "__module__": __name__})


for _profile in all_profiles():
    if not _profile.spider:
        continue
    globals()[f"{_profile.slug.capitalize()}Spider"] = _spider_class(_profile.slug)
