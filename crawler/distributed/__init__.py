"""Distributed crawls: several workers share one frontier in Redis through scrapy-redis.

Off unless ``REDIS_URL`` is set (a setting, or the environment variable of that name):
then :mod:`crawler.distributed.addon` switches the crawl to scrapy-redis' scheduler and
dupefilter and adds what scrapy-redis lacks — request leases so a killed worker loses no
URL (:mod:`.leases`, :mod:`.queue`, :mod:`.scheduler`), one per-host politeness for the
whole cluster (:mod:`.hostleases`, :mod:`.hostcounts`), revisit digests and the crawl
state shared by every worker (:mod:`.digests`, :mod:`.state`), the run lock and a worker's
part of a run (:mod:`.runlock`, :mod:`.runs`), shared seeding (:mod:`.seeding`) and the
idle close with per-worker progress (:mod:`.worker`). Every Redis key is named in
:mod:`.keys`. How to run it: docs/distributed.md.
"""
