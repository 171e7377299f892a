"""zhengwen crawler: Scrapy spiders, WARC capture and main-text extraction."""

__version__ = "0.1.0"
