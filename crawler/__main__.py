"""``python -m crawler``: the ``zhengwen`` command."""

import sys

from crawler.cli import main

sys.exit(main())
