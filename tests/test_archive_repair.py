"""repair_warc and `zhengwen verify --repair`: keep complete records, cut the tail, rename, index, revisit store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from damagedwarcs import damaged_bytes, good_warc

from archive import DedupIndex, index_warcs, verify_warc
from archive.cdxj.index import index_updater
from archive.errors import WarcRepairError
from archive.openfiles import hold
from archive.warc.repair import repair_warc

ROOT = Path(__file__).resolve().parents[1]


def left_open(tmp_path: Path, kind: str) -> tuple[Path, Path, int]:
    """A crashed writer's ``.open`` file; return it, its final name and the complete responses in it."""
    path, archived = good_warc(tmp_path / "warc", "crashed")
    second = archived[1].pointer.warc_offset
    leftover = path.with_name(path.name + ".open")
    leftover.write_bytes(damaged_bytes(kind, path.read_bytes(), second))
    path.unlink()
    return leftover, path, 1


@pytest.mark.parametrize("kind", ["cut", "corrupt"])
def test_repair_keeps_complete_records_renames_indexes_and_remembers(tmp_path: Path, kind: str) -> None:
    leftover, final, complete = left_open(tmp_path, kind)
    index = tmp_path / "warc" / "index.cdxj"
    with DedupIndex(tmp_path / "state.sqlite") as dedup:
        result = repair_warc(leftover, reindex=index_updater(index), dedup=dedup)
        assert dedup.lookup("https://www.gov.cn/crashed/0.htm", index_digest(index)) is not None
    assert result.path == final and not leftover.exists()
    assert result.cut_bytes > 0 and result.cut_records >= 1
    assert verify_warc(final).ok
    assert len(index_warcs([final])) == complete
    assert index.read_text(encoding="utf-8").splitlines() == index_warcs([final], root=index.parent)


def index_digest(index: Path) -> str:
    import json

    return str(json.loads(index.read_text(encoding="utf-8").split(" ", 2)[2])["digest"])


def test_a_file_a_live_writer_holds_is_refused(tmp_path: Path) -> None:
    leftover, _, _ = left_open(tmp_path, "cut")
    with leftover.open("rb") as live:
        hold(live.fileno())
        with pytest.raises(WarcRepairError, match="being written by a running crawl"):
            repair_warc(leftover)


def test_an_empty_leftover_is_removed(tmp_path: Path) -> None:
    leftover, _, _ = left_open(tmp_path, "empty")
    assert repair_warc(leftover).path is None
    assert not leftover.exists()


def test_verify_repair_command_removes_a_killed_index_write(tmp_path: Path) -> None:
    _, final, _ = left_open(tmp_path, "cut")
    warc = tmp_path / "warc"
    subprocess.run([sys.executable, "-m", "crawler.cli", "verify", str(warc), "--repair"], cwd=ROOT, check=True,
                   capture_output=True, timeout=60)
    (warc / "index.cdxj.open").write_text("cn,gov)/half-writ", encoding="utf-8")  # killed mid-write
    done = subprocess.run([sys.executable, "-m", "crawler.cli", "verify", str(warc), "--repair"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"REMOVED {warc / 'index.cdxj.open'}: left by an index write a crash cut short")
    assert f"OK {final}" in done.stdout
    assert not list(warc.glob("*.open"))


def test_verify_repair_command_reports_the_cut_and_passes(tmp_path: Path) -> None:
    leftover, final, _ = left_open(tmp_path, "cut")
    done = subprocess.run([sys.executable, "-m", "crawler.cli", "verify", str(tmp_path / "warc"), "--repair"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"REPAIRED {leftover}: renamed to {final.name}, kept 3 record(s)")
    assert "cut 1 record(s)" in done.stdout
    assert f"OK {final} (3 records)" in done.stdout
