"""The archive package stands alone: no Scrapy, Twisted, trafilatura or crawler imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ARCHIVE = Path(__file__).resolve().parent.parent / "archive"
FORBIDDEN = {"scrapy", "twisted", "trafilatura", "crawler", "lxml", "langdetect"}
#: Third-party packages archive/ may use (DESIGN.md: warcio, pyarrow for Parquet; issue #3:
#: cdxj_indexer for pywb-compatible CDXJ and wacz for packaging, used rather than rewritten;
#: issue #5: datasketch for near-duplicate MinHash LSH and tqdm for progress bars, likewise;
#: issue #11: isal, ISA-L's deflate for the WARC gzip members, measured in docs/benchmarks.md).
ALLOWED_THIRD_PARTY = {"warcio", "pyarrow", "cdxj_indexer", "wacz", "datasketch", "tqdm", "isal"}


def imported_roots(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports, wherever the import statement is."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


MODULES = sorted(ARCHIVE.glob("*.py"))


def test_archive_has_modules() -> None:
    assert {"__init__.py", "writer.py", "reader.py", "export.py"} <= {p.name for p in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_archive_module_imports_only_stdlib_warcio_and_itself(path: Path) -> None:
    roots = imported_roots(path)
    assert not roots & FORBIDDEN
    unexpected = roots - set(sys.stdlib_module_names) - ALLOWED_THIRD_PARTY - {"archive"}
    assert not unexpected, f"{path.name} imports {sorted(unexpected)}"


def test_importing_archive_loads_no_crawler_libraries() -> None:
    code = (
        "import sys, archive, archive.writer, archive.reader, archive.export, archive.wacz\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {sorted(FORBIDDEN)!r})\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ARCHIVE.parent, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_public_names_are_exported() -> None:
    import archive

    for name in archive.__all__:
        assert getattr(archive, name) is not None
