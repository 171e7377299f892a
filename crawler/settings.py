"""Scrapy settings of zhengwen: every project setting has its one default here."""

from __future__ import annotations

import os

from crawler import __version__

BOT_NAME = "zhengwen"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Identify the crawler honestly; site operators can reach us through this string.
USER_AGENT = f"zhengwen/{__version__} (web archiving for research; +https://pypi.org/project/zhengwen/)"

# --- Politeness -------------------------------------------------------------
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
# At most two requests in flight per host (profiles may lower it).
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# Seeds are depth 0; listing → article needs 2. Each profile sets its own.
DEPTH_LIMIT = 2
DEPTH_PRIORITY = 1

# --- Network and safety -------------------------------------------------------
DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 10
RETRY_TIMES = 2
# Response bodies are read up to CAPTURE_MAXSIZE bytes; a longer one is stopped there
# and archived as truncated (WARC-Truncated: length) instead of being lost.
CAPTURE_MAXSIZE = 32 * 1024 * 1024
# Scrapy's own raw-size limit would cancel such downloads before anything is archived,
# so it is off; CAPTURE_MAXSIZE takes its place.
DOWNLOAD_MAXSIZE = 0
DOWNLOAD_WARNSIZE = 8 * 1024 * 1024
# Decompression-bomb guard: a gzip/deflate body that inflates past this is dropped.
DECOMPRESSION_MAXSIZE = 64 * 1024 * 1024
# A connection lost mid-body still gives a (partial) response, archived as truncated
# (WARC-Truncated: disconnect), rather than an error with nothing stored.
DOWNLOAD_FAIL_ON_DATALOSS = False
# gzip and deflate only: br/zstd payloads cannot be read by common WARC tools.
DEFAULT_REQUEST_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5",
    "Accept-Encoding": "gzip, deflate",
}
# Refuse hosts that are, or resolve to, loopback/private/link-local addresses.
# The test suite sets it to True to crawl servers on 127.0.0.1.
ALLOW_LOOPBACK = False
TWISTED_DNS_RESOLVER = "crawler.resolver.PublicOnlyResolver"
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.AddressSafetyMiddleware": 50,
    # After RetryMiddleware (550): it sees each failure first and acts on the last try.
    "crawler.middlewares.UnreachableHostMiddleware": 560,
    # Per-host politeness and trap caps, after RetryMiddleware (550) like the above.
    "crawler.traps.HostPageLimitMiddleware": 565,
    "crawler.politeness.BlockedBackoffMiddleware": 566,
    "crawler.politeness.RetryAfterMiddleware": 570,
    # Incremental policy and per-URL state (crawler/incremental.py): after the retry and
    # politeness middlewares, so it records every attempt's archived response.
    "crawler.incremental.IncrementalMiddleware": 575,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "crawler.middlewares.BoundedHttpCompressionMiddleware": 590,
}
SPIDER_MIDDLEWARES = {
    "crawler.traps.SpiderTrapMiddleware": 800,
}

# --- Hostile hosts --------------------------------------------------------------
# A 429/503 carrying Retry-After (seconds or HTTP-date) is retried after that delay
# (within RETRY_TIMES) and its host alone is paused meanwhile; RetryMiddleware would
# retry at once. A longer Retry-After is cut to RETRY_AFTER_MAX seconds.
RETRY_AFTER_ENABLED = True
RETRY_AFTER_HTTP_CODES = [429, 503]
RETRY_AFTER_MAX = 300.0
# A page typed `blocked` (a verification wall, e.g. WeChat's 环境异常) pauses its host for
# BLOCKED_BACKOFF_DELAY seconds, doubling with each blocked page in a row up to
# BLOCKED_BACKOFF_MAX_DELAY; after BLOCKED_BACKOFF_MAX_PAGES in a row the host gets no
# more requests this run. Any other page resets the count.
BLOCKED_BACKOFF_ENABLED = True
BLOCKED_BACKOFF_DELAY = 60.0
BLOCKED_BACKOFF_MAX_DELAY = 600.0
BLOCKED_BACKOFF_MAX_PAGES = 3

# --- Spider traps (crawler/traps.py; depth is DEPTH_LIMIT above) -----------------
TRAP_ENABLED = True
# At most this many requests per host and run (retries and robots.txt not counted); 0: no cap.
TRAP_HOST_PAGE_LIMIT = 5000
# Query/path parameters removed from followed links when their value looks like a
# session token (16+ letters and digits): one page would otherwise get a URL per visit.
TRAP_SESSION_PARAMS = ["jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid", "cfid", "cftoken"]
# Links whose calendar parameter holds a year outside [this year - BACK, this year + AHEAD]
# are endless-calendar pages and are not followed.
TRAP_CALENDAR_PARAMS = ["year", "yr", "y", "month", "date", "day", "ym", "cal", "calendar"]
TRAP_CALENDAR_YEARS_BACK = 30
TRAP_CALENDAR_YEARS_AHEAD = 1
# A link whose path repeats one segment more than this many times (/a/b/a/b/a/) is not followed.
TRAP_MAX_SEGMENT_REPEATS = 2
# Regular expressions: links matching any of them are not followed (all spiders).
TRAP_DENY: list[str] = []

# --- Output -------------------------------------------------------------------
# Everything a crawl writes goes below this folder: warc/ and text.jsonl.
OUTPUT_DIR = "data"
# Folder of the seed lists, one `<spider>.txt` each (relative to the working directory).
SEEDS_DIR = "seeds"
# Crawl name: the WARC `isPartOf` and the start of every WARC file name.
CRAWL_NAME = "zhengwen"

WARC_ENABLED = True
# Empty: OUTPUT_DIR/warc.
WARC_DIR = ""
# Start a new WARC file once the current one reaches this size.
WARC_MAX_BYTES = 1_000_000_000
WARC_OPERATOR = ""
WARC_DESCRIPTION = "zhengwen crawl of Chinese science-and-technology policy pages"
# Write a revisit record instead of a full response when a URL's payload is
# unchanged since it was last archived (this crawl or an earlier one).
WARC_DEDUP_ENABLED = True
# Keep the CDXJ index (WARC_DIR/index.cdxj) up to date when WARC files are closed.
WARC_CDXJ_ENABLED = True
# Embedded crawl state (payload digests for revisits). Empty: OUTPUT_DIR/state.sqlite.
STATE_DB_PATH = ""

# Empty: OUTPUT_DIR/text.jsonl.
TEXT_JSONL_PATH = ""

# --- Scheduled, incremental runs (crawler/incremental.py, crawler/runs.py) -------
# Seeds and listing pages are fetched every run; an archived article only after its
# site profile's `recrawl_interval`, with If-None-Match/If-Modified-Since. Off: every
# page is fetched every run, unconditionally (documents still follow the version rule).
INCREMENTAL_ENABLED = True
# Seconds; overrides every profile's recrawl_interval when set. 0: every run.
RECRAWL_INTERVAL = None
# The run's id and whether it resumes an interrupted one: set by `zhengwen crawl`, which
# also keeps the run lock, runs/<id>.json and the run rows (empty under `scrapy crawl`).
CRAWL_RUN_ID = ""
CRAWL_RESUMING = False
# The run exits 1 when more than this share of its requests failed (0.0–1.0; HTTP
# errors and network failures count, skips do not). 1.0: never on the rate alone.
CRAWL_MAX_ERROR_RATE = 0.2

# --- Distributed crawls (docs/distributed.md) ------------------------------------
# A Redis URL (this setting or the REDIS_URL environment variable) switches the crawl to
# scrapy-redis' shared scheduler and dupefilter, with request leases, host slots and
# revisit digests in Redis (crawler/distributed/addon.py). Empty: one machine, nothing changes.
REDIS_URL = os.environ.get("REDIS_URL", "")
# First part of every Redis key (crawler/distributed/keys.py); one per cluster sharing a server.
REDIS_KEY_PREFIX = "zhengwen"
# Seconds a worker may hold a request it took from the shared queue before the request goes
# back to the queue for another worker (it died, or hangs). Longer than any page takes.
REDIS_LEASE_TIMEOUT = 300.0
# Seconds a host slot (cluster-wide politeness) is held at most; longer than DOWNLOAD_TIMEOUT.
REDIS_HOST_LEASE_TIMEOUT = 90.0
# Seconds between two progress lines of a worker in Redis (P:workers); each also renews the
# worker's hold on the run lock.
REDIS_HEARTBEAT_INTERVAL = 5.0
# Seconds a hold on a distributed run's lock lasts without renewal (crawler/distributed/runlock.py):
# a killed worker's hold lapses after it; `zhengwen seed --redis` holds a new run this long
# for its first worker. Several heartbeats long.
REDIS_RUN_LOCK_TIMEOUT = 60.0
# scrapy-redis' setting: a worker ends once the shared queue (and every worker's leases)
# stayed empty this many seconds; 0: it waits for work forever.
MAX_IDLE_TIME_BEFORE_CLOSE = 30
ADDONS = {"crawler.distributed.addon.RedisAddon": 0}

EXTENSIONS = {
    "crawler.extensions.CaptureSizeLimitExtension": 90,
    "crawler.extensions.WarcCaptureExtension": 100,
    "crawler.progressline.ProgressLineExtension": 500,
}
#: The progress line on standard error: auto (only on a terminal), true or false.
PROGRESS_LINE = "auto"
PROGRESS_INTERVAL = 1.0
ITEM_PIPELINES = {
    "crawler.pipelines.ExtractTextPipeline": 300,
}
# Extraction runs in this many worker processes, never on the reactor thread; 0: one per
# core. The output does not depend on it (documents are written in WARC order).
EXTRACT_WORKERS = 0
# Pages handed to the workers at once; more wait, holding their responses in Scrapy's
# scraper, which stops the downloader once SCRAPER_SLOT_MAX_ACTIVE_SIZE bytes wait
# (back-pressure: memory does not grow with the crawl when extraction falls behind).
EXTRACT_MAX_PENDING = 16
# Finished documents held back for an earlier page still in extraction, at most.
EXTRACT_MAX_HELD = 1000
# Items (one per page) and requests of one response processed concurrently. Scrapy's 100
# starts 100 asyncio tasks per response, ~1 ms of CPU per page for nothing here.
CONCURRENT_ITEMS = 8

#: Quiet by default: warnings, errors and the end-of-run summary (`zhengwen crawl -v` for INFO).
LOG_LEVEL = "WARNING"
TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
