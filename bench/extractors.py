"""The extractors bench/quality.py compares, each a function of (body, url, Content-Type) → Output.

- ``zhengwen``: ``extract_html`` with the bundled model and the URL's site profile;
- ``trafilatura``: trafilatura 2.3.1 with its defaults on the raw bytes (it decodes them);
- ``readability``: readability-lxml's ``summary()`` on the text decoded as zhengwen decodes
  it (readability decodes poorly; it is not penalised for that), serialised to lines the
  way zhengwen cuts a page into blocks;
- ``gne``: GeneralNewsExtractor on the same decoded text.

The held-out zhengwen of the development sets is in bench/heldout.py. Only zhengwen types
pages; the others' page type is None.
"""

from __future__ import annotations

import warnings

from quality_metrics import Output


def _decoded(body: bytes, content_type: str) -> str:
    from crawler.extract.decode import decode_body

    return decode_body(body, {"Content-Type": content_type} if content_type else None).text


def zhengwen(body: bytes, url: str, content_type: str) -> Output:
    """zhengwen's extract_html."""
    from crawler.extract import extract_html

    document = extract_html(body, url, {"Content-Type": content_type} if content_type else None)
    return Output(document.text, document.title, document.page_type)


def trafilatura(body: bytes, url: str, content_type: str) -> Output:
    """trafilatura 2.3.1 defaults: ``extract`` for the text, ``extract_metadata`` for the title."""
    import trafilatura as library

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = library.extract(body, url=url)
        metadata = library.extract_metadata(body, default_url=url)
    return Output(text, metadata.title if metadata else None)


def readability(body: bytes, url: str, content_type: str) -> Output:
    """readability-lxml: ``Document(html).summary()`` cut into block lines; ``short_title()``."""
    from lxml import html as lxml_html
    from readability import Document

    from crawler.extract.segment import segment

    document = Document(_decoded(body, content_type), url=url)
    summary = document.summary()
    blocks = segment(lxml_html.document_fromstring(summary)) if summary.strip() else []
    return Output("\n".join(block.text for block in blocks), document.short_title())


def gne(body: bytes, url: str, content_type: str) -> Output:
    """GNE: ``GeneralNewsExtractor().extract(html)`` → ``content`` and ``title``."""
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(_decoded(body, content_type))
    return Output(result.get("content"), result.get("title"))


EXTRACTORS = {"zhengwen": zhengwen, "trafilatura": trafilatura, "readability": readability, "gne": gne}
