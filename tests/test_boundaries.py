"""The archive package stands alone (no Scrapy, Twisted, trafilatura or crawler imports) and in layers.

Layers, lowest first: the foundation modules of archive/ itself, then warc/, cdxj/,
replay/, corpus/. A module imports only its own layer and the ones below, no import
cycle exists, and no archive import hides inside a function.
"""

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


MODULES = sorted(ARCHIVE.rglob("*.py"))
#: Layer of each sub-package ("" = the foundation modules directly in archive/).
LAYERS = {"": 0, "warc": 1, "cdxj": 2, "replay": 3, "corpus": 4}


def module_name(path: Path) -> str:
    parts = path.relative_to(ARCHIVE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS[parts[1]] if len(parts) > 2 else LAYERS[""]


def archive_imports(path: Path, *, top_level_only: bool = False) -> set[str]:
    """The archive modules ``path`` imports (``from archive.x import y`` names module archive.x)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` blocks at the top level
            nodes.extend(node.body)
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("archive."):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("archive."))
    return found


LAYERED = [p for p in MODULES if p.name != "__init__.py" or p.parent != ARCHIVE]


def test_archive_has_its_layers() -> None:
    assert {p.name for p in ARCHIVE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()} == set(LAYERS) - {""}
    assert {"warc/writer.py", "warc/reader.py", "cdxj/index.py", "replay/ordered.py", "corpus/jsonl.py"} <= {
        str(p.relative_to(ARCHIVE)) for p in MODULES}


@pytest.mark.parametrize("path", LAYERED, ids=lambda p: str(p.relative_to(ARCHIVE)))
def test_a_module_imports_only_its_layer_and_those_below(path: Path) -> None:
    own = layer(module_name(path))
    above = sorted(m for m in archive_imports(path) if layer(m) > own)
    assert not above, f"{module_name(path)} (layer {own}) imports higher layers: {above}"


@pytest.mark.parametrize("path", LAYERED, ids=lambda p: str(p.relative_to(ARCHIVE)))
def test_no_archive_import_hides_in_a_function(path: Path) -> None:
    assert archive_imports(path) == archive_imports(path, top_level_only=True)


def test_no_import_cycle_in_archive() -> None:
    graph = {module_name(p): {m for m in archive_imports(p) if m != module_name(p)} for p in LAYERED}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail, node, nxt]))
            if nxt not in state:
                visit(nxt, [*trail, node])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])


def test_importing_archive_loads_only_what_it_names() -> None:
    code = (
        "import sys, archive\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('archive.') or m in ('warcio', 'cdxj_indexer', 'tqdm'))\n"
        "assert not loaded, loaded\n"
        "from archive import Document\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('archive.'))\n"
        "assert loaded == ['archive.records'], loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ARCHIVE.parent, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ARCHIVE)))
def test_archive_module_imports_only_stdlib_warcio_and_itself(path: Path) -> None:
    roots = imported_roots(path)
    assert not roots & FORBIDDEN
    unexpected = roots - set(sys.stdlib_module_names) - ALLOWED_THIRD_PARTY - {"archive"}
    assert not unexpected, f"{path.name} imports {sorted(unexpected)}"


def test_importing_archive_loads_no_crawler_libraries() -> None:
    code = (
        "import sys, archive, archive.warc.writer, archive.warc.reader, archive.corpus.jsonl, archive.corpus.wacz\n"
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
