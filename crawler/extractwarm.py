"""Imported by the extraction forkserver only: load and warm extraction once, before any worker forks.

Workers then start with everything loaded (copy-on-write), so the first page of a crawl is
typed as fast as the next ones (host back-off reads the page type of each page).
"""

from crawler.extractworker import warm_up

warm_up()
