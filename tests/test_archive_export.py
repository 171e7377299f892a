"""JsonlSink: canonical JSON lines, deterministic order, atomic finish, append, thread safety."""

from __future__ import annotations

import json
import math
import random
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from archive import (
    ArchiveError,
    Document,
    JsonlSink,
    SinkWriteError,
    document_to_json,
    read_jsonl,
)


def doc(n: int, warc_file: str | None = "a.warc.gz", offset: int | None = None, **changes: Any) -> Document:
    fields: dict[str, Any] = {
        "url": f"https://www.gov.cn/{n}.htm", "canonical_url": f"https://www.gov.cn/{n}.htm", "site": "gov",
        "page_type": "article", "title": f"通知 {n}", "published": "2026-11-21", "source": "国务院",
        "language": "zh", "text": f"正文 {n}", "warc_file": warc_file,
        "warc_offset": n * 100 if offset is None and warc_file else offset,
        "warc_record_id": f"<urn:uuid:{n}>" if warc_file else None,
    }
    fields.update(changes)
    return Document(**fields)


def lines(path: Path) -> list[str]:
    return path.read_bytes().decode("utf-8").split("\n")


def test_document_to_json_is_compact_utf8_in_field_order() -> None:
    text = document_to_json(doc(1, extractor={"trafilatura": "2.3.1"}))
    assert text.startswith('{"url":"https://www.gov.cn/1.htm","canonical_url":')
    assert '"title":"通知 1"' in text and "\\u" not in text
    assert list(json.loads(text)) == list(doc(1).to_dict())
    assert text == json.dumps(doc(1, extractor={"trafilatura": "2.3.1"}).to_dict(),
                              ensure_ascii=False, separators=(",", ":"))


def test_unrepresentable_values_raise_sink_write_error() -> None:
    with pytest.raises(SinkWriteError, match="https://www.gov.cn/1.htm"):
        document_to_json(doc(1, extra={"score": math.nan}))


def test_session_documents_are_sorted_by_pointer_pointerless_last(tmp_path: Path) -> None:
    path = tmp_path / "text.jsonl"
    docs = [doc(3, "b.warc.gz", 5), doc(10, None), doc(1, "a.warc.gz", 900), doc(11, None), doc(2, "a.warc.gz", 20),
            doc(4, "b.warc.gz", 1000)]
    with JsonlSink(path) as sink:
        for item in docs:
            sink.write(item)
    assert [row["url"].rsplit("/", 1)[1] for row in read_jsonl(path)] == [
        "2.htm", "1.htm", "3.htm", "4.htm", "10.htm", "11.htm"]
    assert path.read_bytes().endswith(b"}\n") and b"\r" not in path.read_bytes()


def test_output_does_not_depend_on_arrival_order(tmp_path: Path) -> None:
    docs = [doc(n, f"f{n % 3}.warc.gz") for n in range(30)]
    outputs = []
    for seed in range(3):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        path = tmp_path / f"{seed}.jsonl"
        with JsonlSink(path) as sink:
            for item in shuffled:
                sink.write(item)
        outputs.append(path.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_nothing_appears_at_the_final_path_until_close(tmp_path: Path) -> None:
    path = tmp_path / "text.jsonl"
    path.write_text('{"old":1}\n', encoding="utf-8")
    sink = JsonlSink(path)
    sink.write(doc(1))
    assert path.read_text(encoding="utf-8") == '{"old":1}\n'
    assert sink.open_path == tmp_path / "text.jsonl.open"
    assert lines(sink.open_path)[1] == document_to_json(doc(1))  # each line is on disk as written
    sink.close()
    assert not sink.open_path.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["text.jsonl"]


def test_existing_lines_are_kept_and_new_ones_appended_sorted(tmp_path: Path) -> None:
    path = tmp_path / "text.jsonl"
    path.write_text('{"z":1}\n{"a":2}', encoding="utf-8")  # no final newline: one is added
    with JsonlSink(path) as sink:
        sink.write(doc(2))
        sink.write(doc(1))
    assert lines(path) == ['{"z":1}', '{"a":2}', document_to_json(doc(1)), document_to_json(doc(2)), ""]


def test_an_empty_session_still_produces_the_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    JsonlSink(path).close()
    assert path.read_bytes() == b""


def test_a_second_sink_on_the_same_path_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "text.jsonl"
    first = JsonlSink(path)
    with pytest.raises(SinkWriteError, match=r"text\.jsonl\.open exists"):
        JsonlSink(path)
    first.close()
    JsonlSink(path).close()


def test_close_is_idempotent_and_writing_after_close_fails(tmp_path: Path) -> None:
    sink = JsonlSink(tmp_path / "t.jsonl")
    sink.close()
    sink.close()
    with pytest.raises(SinkWriteError, match="closed"):
        sink.write(doc(1))


def test_unwritable_location_raises_sink_write_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SinkWriteError, match=re.escape(str(blocker / "t.jsonl.open"))):
        JsonlSink(blocker / "t.jsonl")


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "text.jsonl"
    sink = JsonlSink(path)

    def work(worker: int) -> None:
        for i in range(50):
            sink.write(doc(worker * 1000 + i, f"w{worker}.warc.gz", i))

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sink.close()
    rows = list(read_jsonl(path))
    assert len(rows) == 400
    assert [(r["warc_file"], r["warc_offset"]) for r in rows] == sorted((f"w{w}.warc.gz", i)
                                                                        for w in range(8) for i in range(50))


def test_read_jsonl_splits_on_newline_only(tmp_path: Path) -> None:
    path = tmp_path / "text.jsonl"
    special = doc(1, text="第一段\u2028第二段\u0085第三段\r末")
    with JsonlSink(path) as sink:
        sink.write(special)
    (row,) = read_jsonl(path)
    assert row == special.to_dict()


def test_read_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"a":1}\n\n[1,2]\n', encoding="utf-8")
    rows = read_jsonl(path)
    assert next(rows) == {"a": 1}
    with pytest.raises(ArchiveError, match=r"bad\.jsonl line 3: expected a JSON object"):
        next(rows)
