"""The ``zhengwen`` sub-commands, one module each, all of the same shape.

A command module defines ``HELP`` (its line in ``zhengwen --help``), ``DESCRIPTION``,
``EXAMPLES`` (the end of its own ``--help``), ``configure(parser)`` that adds its
arguments, and ``run(args) -> int`` that does the work and returns the exit status
(crawler/commands/base.py: 0 success, 1 a failure during the work, 2 a usage error).
Modules import their heavy dependencies inside ``run``, so ``--help`` stays fast. Each
is thin: the work is a library function of archive/ or crawler/ that the tests call too.
May import anything in crawler/ and archive/; nothing imports a command module but
crawler/cli.py.
"""

from __future__ import annotations

#: Command name → module under crawler.commands, in the order ``zhengwen --help`` lists them.
COMMANDS = {
    "crawl": "crawl",
    "seed": "seed",
    "replay": "replay",
    "export": "export",
    "extract": "extract",
    "index": "index",
    "verify": "verify",
    "wacz": "wacz",
    "report": "report",
    "review": "review",
    "changes": "changes",
}
