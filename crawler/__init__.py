"""zhengwen crawler: Scrapy spiders, WARC capture, main-text extraction and the ``zhengwen`` command.

May import ``archive`` (never the reverse: archive/ knows nothing of Scrapy or extraction).
Inside: ``commands/`` (one module per ``zhengwen`` command, ``cli.py`` parses and
dispatches), ``spiders/`` and ``sites/`` (one spider per site profile), ``extract/``
(a pure function from an archived response to a Document), and the Scrapy glue:
settings, middlewares, extensions (WARC capture), pipelines (documents), politeness and
trap bounds, crash recovery, re-deriving documents from WARC files (``rederive.py``).
"""

__version__ = "0.1.0"
