"""Merging sorted runs on disk: the JSONL sink's close no longer sorts a whole run in memory."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from archive import Document, JsonlSink, read_jsonl
from archive.corpus.runmerge import merge_runs


def write_runs(path: Path, runs: list[list[tuple[int, str]]]) -> list[tuple[int, int]]:
    """Write each run's ``key:tag`` lines one after the other; return their byte ranges."""
    ranges = []
    with path.open("wb") as handle:
        for run in runs:
            start = handle.tell()
            handle.writelines(f"{key}:{tag}\n".encode() for key, tag in run)
            ranges.append((start, handle.tell()))
    return ranges


def key(line: bytes) -> int:
    return int(line.split(b":", 1)[0])


@pytest.mark.parametrize("fan_in", [2, 3, 64])
def test_merge_is_the_stable_sort_of_the_runs_in_any_number_of_passes(tmp_path: Path, fan_in: int) -> None:
    rng = random.Random(fan_in)
    runs = [sorted((rng.randrange(20), f"r{r}i{i}") for i in range(rng.randrange(0, 12))) for r in range(17)]
    path = tmp_path / "lines.open"
    ranges = write_runs(path, runs)
    out = io.BytesIO()
    merge_runs(path, ranges, out, key, fan_in=fan_in)
    expected = sorted((pair for run in runs for pair in run), key=lambda pair: pair[0])  # stable
    assert out.getvalue().decode().splitlines() == [f"{k}:{tag}" for k, tag in expected]
    assert [p.name for p in tmp_path.iterdir()] == ["lines.open"]  # scratch files removed


def test_equal_keys_keep_run_order_then_line_order(tmp_path: Path) -> None:
    path = tmp_path / "lines.open"
    ranges = write_runs(path, [[(1, "a"), (1, "b")], [(0, "c"), (1, "d")], [(1, "e")]])
    out = io.BytesIO()
    merge_runs(path, ranges, out, key, fan_in=2)
    assert out.getvalue() == b"0:c\n1:a\n1:b\n1:d\n1:e\n"


def document(n: int, warc_file: str | None) -> Document:
    url = f"https://www.gov.cn/{n}.htm"
    return Document(url=url, canonical_url=url, site="gov", page_type="article", title=None, published=None,
                    source=None, language="zh", text=f"正文 {n}", warc_file=warc_file,
                    warc_offset=None if warc_file is None else n, warc_record_id=None)


def test_a_sink_written_far_out_of_order_merges_many_runs_to_the_sorted_file(tmp_path: Path) -> None:
    docs = [document(n, f"f{n % 2}.warc.gz") for n in range(300)] + [document(n, None) for n in range(300, 310)]
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    path = tmp_path / "text.jsonl"
    path.write_text('{"earlier":"run"}\n', encoding="utf-8")
    with JsonlSink(path) as sink:
        for item in shuffled:
            sink.write(item)
        assert len(sink._runs) > 64  # more runs than one merge pass reads: passes through scratch files
    rows = list(read_jsonl(path))
    assert rows[0] == {"earlier": "run"}
    pointed = [(r["warc_file"], r["warc_offset"]) for r in rows[1:] if r["warc_file"] is not None]
    assert pointed == sorted(pointed) and len(pointed) == 300
    # documents without a pointer go last, in the order they were written
    assert [r["url"] for r in rows[301:]] == [d.url for d in shuffled if d.warc_file is None]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["text.jsonl"]


def test_a_sink_written_in_order_is_renamed_without_merging(tmp_path: Path) -> None:
    path = tmp_path / "text.jsonl"
    with JsonlSink(path) as sink:
        for n in range(5):
            sink.write(document(n, "a.warc.gz"))
        assert sink._runs == [0]
    assert [r["warc_offset"] for r in read_jsonl(path)] == [0, 1, 2, 3, 4]
