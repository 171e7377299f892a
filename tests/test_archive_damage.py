"""Damaged WARC files: readers keep every complete record before the damage, name it and read on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from damagedwarcs import KINDS, damaged_warc, good_warc

from archive import index_warcs, iter_archive, verify_warc
from archive.errors import WarcDamageError
from archive.warc.damage import DamageLog, first_damage

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(name="folder")
def folder_fixture(tmp_path: Path) -> Path:
    """A WARC folder: a good file named after the damaged one, so it is read after it."""
    good_warc(tmp_path, "zz-good")
    return tmp_path


@pytest.mark.parametrize("kind", KINDS)
def test_replay_keeps_complete_records_and_reads_the_next_file(folder: Path, kind: str) -> None:
    bad, offset, complete = damaged_warc(folder, kind)
    damage = DamageLog()
    found = list(iter_archive([folder], damage=damage))
    assert [r.pointer.warc_file for r in found].count(bad.name) == complete
    assert sum(1 for r in found if r.pointer.warc_file.startswith("zz-good")) == 3
    (item,) = damage
    assert (item.path, item.offset) == (bad, offset)
    assert str(item).startswith(f"{bad}: damaged at byte {offset} after ")


@pytest.mark.parametrize("kind", KINDS)
def test_without_a_log_the_damage_is_raised(folder: Path, kind: str) -> None:
    bad, offset, _ = damaged_warc(folder, kind)
    with pytest.raises(WarcDamageError, match=rf"bad\.warc\.gz: damaged at byte {offset}"):
        list(iter_archive([bad]))


@pytest.mark.parametrize("kind", KINDS)
def test_index_keeps_the_lines_before_the_damage(folder: Path, kind: str) -> None:
    bad, offset, complete = damaged_warc(folder, kind)
    damage = DamageLog()
    lines = index_warcs([bad], damage=damage)
    assert len(lines) == complete
    assert [(d.path, d.offset) for d in damage] == [(bad, offset)]


@pytest.mark.parametrize("kind", KINDS)
def test_verify_fails_every_damaged_file_at_its_offset(folder: Path, kind: str) -> None:
    bad, offset, _ = damaged_warc(folder, kind)
    result = verify_warc(bad)
    assert not result.ok
    assert result.problems[0].offset == offset
    assert first_damage(bad)[1] is not None


def test_verify_of_an_empty_file_says_so(tmp_path: Path) -> None:
    bad, _, _ = damaged_warc(tmp_path, "empty")
    assert [str(p) for p in verify_warc(bad).problems] == ["offset 0: the file is empty (no WARC record)"]


def zhengwen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "crawler.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", ["replay", "export", "index", "verify"])
def test_commands_name_the_damage_on_stderr_and_exit_1(folder: Path, kind: str, command: str) -> None:
    bad, offset, complete = damaged_warc(folder, kind)
    out = folder.parent / f"{folder.name}-out.jsonl"
    args = {"replay": [str(folder), "-o", str(out), "--workers", "1"],
            "export": [str(folder), "-o", str(out), "--page-type", "any", "--no-grouping"],
            "index": [str(folder)], "verify": [str(folder)]}[command]
    done = zhengwen(command, *args)
    assert done.returncode == 1, done.stderr
    damage_lines = [line for line in done.stderr.splitlines() if "damaged at byte" in line]
    assert damage_lines == [f"zhengwen {command}: {bad}: damaged at byte {offset} after "
                            f"{damage_lines[0].split(' after ')[1]}"], done.stderr
    if command in ("replay", "export"):
        written = out.read_text(encoding="utf-8").splitlines()
        assert len(written) == 3 + complete  # the good file's pages and the complete ones before the damage
    if command == "index":
        assert len((folder / "index.cdxj").read_text(encoding="utf-8").splitlines()) == 3 + complete
    if command == "verify":
        assert f"FAIL {bad}: offset {offset}: " in done.stdout
        assert "OK " in done.stdout
