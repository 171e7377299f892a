"""``zhengwen replay``: re-derive the cleaned documents of WARC files, offline, as JSONL."""

from __future__ import annotations

import argparse
from pathlib import Path

from crawler.commands.base import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
    add_output,
    add_workers,
    check_inputs,
    check_output_file,
    fail,
    report_damage,
)

HELP = "re-derive the cleaned documents from WARC files, offline"
DESCRIPTION = """\
Read the response records of WARC files (in file-name order, then by offset), run the
extraction on each archived page and write one JSON document per line. Nothing is
fetched. The output equals the crawl's text.jsonl byte for byte, for any --workers.
A damaged file gives the documents of its complete records; its damage is named on
standard error and the exit status is 1."""
EXAMPLES = """\
examples:
  zhengwen replay data                      a crawl folder (its warc/), to standard output
  zhengwen replay -o again.jsonl data/warc  to a file, replaced only when the replay succeeds
  zhengwen replay a.warc.gz b.warc.gz | head -1"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="WARC files, folders of them, or crawl folders")
    add_output(parser, "JSONL file to write (default, or -: standard output)")
    add_workers(parser, "extraction")


def warc_sources(paths: list[str]) -> list[Path]:
    """A crawl folder stands for its warc/ folder; other paths are taken as given."""
    return [Path(p) / "warc" if (Path(p) / "warc").is_dir() else Path(p) for p in paths]


def run(args: argparse.Namespace) -> int:
    check_inputs(args.paths, "input")
    check_output_file(args.output)

    from archive.corpus.jsonl import document_to_json
    from archive.errors import ArchiveError
    from archive.progress import progress
    from archive.warc.damage import DamageLog
    from archive.warc.files import find_warcs
    from crawler.commands.base import default_workers
    from crawler.commands.streams import text_output
    from crawler.rederive import replay_documents

    sources = warc_sources(args.paths)
    try:
        if not find_warcs(sources):
            raise UsageError(f"no WARC files (*.warc.gz, *.warc) in {' '.join(args.paths)}")
    except ArchiveError as exc:
        raise UsageError(str(exc)) from None
    workers = args.workers or default_workers()
    damage = DamageLog()
    try:
        documents = progress(replay_documents(sources, workers=workers, damage=damage), "replay", unit="doc")
        with text_output(args.output) as stream:
            stream.writelines(document_to_json(document) + "\n" for document in documents)
    except (ArchiveError, OSError) as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        return fail("zhengwen replay", str(exc))
    finally:
        report_damage("zhengwen replay", damage)
    return EXIT_FAILED if damage else EXIT_OK
