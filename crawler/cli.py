"""The ``zhengwen`` command: parse the command line, run a sub-command, map what happens to an exit status.

The sub-commands live in crawler/commands/ (crawl, seed, replay, export, extract, index,
verify, wacz, report, review), one module each. Every one parses its options anywhere on the line and
has its own ``--help``. Exit status: 0 success, 1 a failure during the work, 2 a usage
error (a bad option, or an input named on the command line that is missing or
unreadable), 141 when standard output was closed early (``| head``), 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from crawler import __version__
from crawler.commands import COMMANDS
from crawler.commands.base import (
    EXIT_BROKEN_PIPE,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    UsageError,
)

DESCRIPTION = "Archive Chinese policy pages in WARC files and extract their main text."
EPILOG = "Run 'zhengwen COMMAND --help' for a command's options and examples."


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"crawler.commands.{COMMANDS[name]}")


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the descriptions' and examples' line breaks; wider option column."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: one sub-parser per command, each configured by its module."""
    parser = argparse.ArgumentParser(prog="zhengwen", description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=_HelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = _command(name)
        examples = module.EXAMPLES() if callable(module.EXAMPLES) else module.EXAMPLES
        sub = commands.add_parser(name, help=module.HELP, description=module.DESCRIPTION, epilog=examples,
                                  formatter_class=_HelpFormatter)
        module.configure(sub)
        sub.set_defaults(run=module.run, parser=sub)
    return parser


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``zhengwen`` console script; returns the exit status."""
    parser = build_parser()
    try:
        args, extra = parser.parse_known_args(argv)
        if extra:  # reported by the command's own parser, with its usage
            args.parser.error(f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # --help, --version (0) and usage errors (2), already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        return int(args.run(args))
    except UsageError as exc:
        args.parser.print_usage(sys.stderr)
        print(f"{args.parser.prog}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        print(f"{args.parser.prog}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
