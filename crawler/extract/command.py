"""``zhengwen extract PATH [PATH ...]``: print the Document of saved HTML files as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.extract.core import extract_html

if TYPE_CHECKING:
    from archive.records import Document


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhengwen extract",
        description="Extract the cleaned document of saved HTML files; one JSON line per file.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="saved HTML file(s)")
    parser.add_argument("--url", help="URL the page was served from (selects the site profile; default: file:// URL)")
    parser.add_argument("--content-type", help="HTTP Content-Type to assume, e.g. 'text/html; charset=gbk'")
    return parser


def _to_json(document: Document) -> str:
    try:
        from archive.export import document_to_json
    except ImportError:
        return json.dumps(document.to_dict(), ensure_ascii=False, separators=(",", ":"))
    return document_to_json(document)


def extract_main(argv: list[str]) -> int:
    """Run the command; return the exit status (0 ok, 1 unreadable file, 2 usage error)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse reports usage errors (2) and --help (0) this way
        return exc.code if isinstance(exc.code, int) else 2
    headers = {"Content-Type": args.content_type} if args.content_type else None
    status = 0
    for name in args.paths:
        path = Path(name)
        try:
            body = path.read_bytes()
        except OSError as exc:
            print(f"zhengwen extract: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        url = args.url or path.resolve().as_uri()
        sys.stdout.write(_to_json(extract_html(body, url, headers)) + "\n")
    sys.stdout.flush()
    return status
