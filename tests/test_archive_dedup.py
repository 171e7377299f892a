"""Revisit records for identical payloads: written through a DedupIndex, resolved on reading."""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from archivehelpers import T0, WARCIO, counting_ids, http_exchange, ticking_clock
from warcio.archiveiterator import ArchiveIterator

from archive import (
    ArchivedResponse,
    DedupEntry,
    DedupIndex,
    HttpExchange,
    RevisitResolver,
    WarcReadError,
    WarcWriter,
    iter_archive,
    iter_responses,
    read_response,
    update_index,
)
from archive.cdxj.seed import seed_digests
from archive.warc.revisit import sha1_digest

PAYLOAD = "<html><body><p>国务院关于印发政策的通知</p></body></html>".encode()
URL = "https://www.gov.cn/zhengce/content/2026-11/21/content_1.htm"
PROFILE = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"


def make_writer(directory: Path, dedup: DedupIndex | None, *, start: datetime = T0, first_id: int = 0,
                **kwargs: Any) -> WarcWriter:
    return WarcWriter(directory, prefix="dd", clock=ticking_clock(start), record_id_factory=counting_ids(first_id),
                      dedup=dedup,
                      **kwargs)


def exchange(url: str = URL, **changes: Any) -> HttpExchange:
    headers = [("Content-Type", "text/html; charset=utf-8"), ("ETag", '"v1"')]
    return http_exchange(url, **{"payload": PAYLOAD, "response_headers": headers, **changes})


def record_types(path: Path) -> list[str]:
    with path.open("rb") as fh:
        return [record.rec_type for record in ArchiveIterator(fh)]


def record_at(path: Path, offset: int) -> tuple[Any, bytes]:
    with path.open("rb") as fh:
        fh.seek(offset)
        record = next(ArchiveIterator(fh))
        return record, record.raw_stream.read()


@pytest.fixture(name="dedup")
def dedup_fixture(tmp_path: Path) -> Any:
    index = DedupIndex(tmp_path / "state" / "dedup.sqlite3")
    yield index
    index.close()


def write(directory: Path, dedup: DedupIndex | None, *exchanges: HttpExchange, **kwargs: Any) -> list[ArchivedResponse]:
    with make_writer(directory, dedup, **kwargs) as writer:
        return [writer.write_exchange(item) for item in exchanges]


# --- DedupIndex --------------------------------------------------------------------------------

ENTRY = DedupEntry("2026-11-21T10:00:01.123456Z", "<urn:uuid:1>", "dd-1.warc.gz", 329)


def test_lookup_of_an_unknown_payload_is_none(dedup: DedupIndex) -> None:
    assert dedup.lookup(URL, "sha1:AAAA") is None


def test_added_entry_is_found_and_the_first_one_is_kept(dedup: DedupIndex) -> None:
    assert dedup.add(URL, "sha1:AAAA", ENTRY) is True
    assert dedup.add(URL, "sha1:AAAA", DedupEntry("later", "<urn:uuid:2>", "dd-2.warc.gz", 1)) is False
    assert dedup.lookup(URL, "sha1:AAAA") == ENTRY
    assert dedup.lookup(URL, "sha1:BBBB") is None
    assert dedup.lookup(URL + "?x", "sha1:AAAA") is None


def test_entries_persist_and_are_shared_between_connections(tmp_path: Path) -> None:
    first, second = DedupIndex(tmp_path / "d.sqlite3"), DedupIndex(tmp_path / "d.sqlite3")
    first.add(URL, "sha1:AAAA", ENTRY)
    assert second.lookup(URL, "sha1:AAAA") == ENTRY
    first.close()
    second.close()
    with DedupIndex(tmp_path / "d.sqlite3") as reopened:
        assert reopened.lookup(URL, "sha1:AAAA") == ENTRY


def test_threads_can_share_one_index(dedup: DedupIndex) -> None:
    def work(n: int) -> None:
        for i in range(50):
            dedup.add(f"{URL}?{n}-{i}", "sha1:AAAA", ENTRY)
            assert dedup.lookup(f"{URL}?{n}-{i}", "sha1:AAAA") == ENTRY

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(dedup.lookup(f"{URL}?{n}-{i}", "sha1:AAAA") for n in range(4) for i in range(50))


def test_processes_can_share_one_index(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from archive import DedupEntry, DedupIndex\n"
        "index = DedupIndex(sys.argv[1])\n"
        "for i in range(100):\n"
        "    index.add(f'https://www.gov.cn/{sys.argv[2]}/{i}', 'sha1:AAAA', DedupEntry('d', '<urn:uuid:1>', 'f', i))\n"
        "index.close()\n"
    )
    db = tmp_path / "d.sqlite3"
    workers = [subprocess.Popen([sys.executable, "-c", code, str(db), str(n)]) for n in range(3)]
    assert [worker.wait(timeout=60) for worker in workers] == [0, 0, 0]
    with DedupIndex(db) as index:
        assert all(index.lookup(f"https://www.gov.cn/{n}/{i}", "sha1:AAAA") for n in range(3) for i in range(100))


# --- writing revisits ----------------------------------------------------------------------------

def test_identical_payload_in_one_run_is_written_as_a_revisit(tmp_path: Path, dedup: DedupIndex) -> None:
    first, second = write(tmp_path, dedup, exchange(), exchange())
    path = tmp_path / first.pointer.warc_file
    assert record_types(path) == ["warcinfo", "response", "request", "revisit", "request"]
    record, block = record_at(path, second.pointer.warc_offset)
    headers = record.rec_headers
    assert headers.get_header("WARC-Profile") == PROFILE
    assert headers.get_header("WARC-Refers-To-Target-URI") == URL
    assert headers.get_header("WARC-Refers-To-Date") == first.warc_date
    assert headers.get_header("WARC-Refers-To") == first.pointer.warc_record_id
    assert headers.get_header("WARC-Payload-Digest") == sha1_digest(PAYLOAD)
    assert block == b""  # HTTP headers only, no payload
    assert record.http_headers.statusline == "200 OK"
    assert record.http_headers.get_header("Content-Length") == str(len(PAYLOAD))


def test_revisit_is_followed_by_its_request(tmp_path: Path, dedup: DedupIndex) -> None:
    _, second = write(tmp_path, dedup, exchange(), exchange())
    with (tmp_path / second.pointer.warc_file).open("rb") as fh:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Concurrent-To")) for r in ArchiveIterator(fh)]
    assert records[-1] == ("request", second.pointer.warc_record_id)


def test_revisit_returns_the_original_payload_and_points_at_both(tmp_path: Path, dedup: DedupIndex) -> None:
    first, second = write(tmp_path, dedup, exchange(), exchange())
    assert first.revisit_of is None
    assert second.payload == PAYLOAD
    assert second.revisit_of == first.pointer
    assert second.pointer.warc_offset > first.pointer.warc_offset
    assert second.warc_date > first.warc_date
    assert second.headers == first.headers


def test_reader_resolves_revisits_to_what_the_writer_returned(tmp_path: Path, dedup: DedupIndex) -> None:
    archived = write(tmp_path, dedup, exchange(), exchange(), exchange())
    path = tmp_path / archived[0].pointer.warc_file
    assert list(iter_responses(path)) == archived
    assert [read_response(path, item.pointer.warc_offset) for item in archived] == archived


def test_an_earlier_crawl_sharing_the_db_is_revisited(tmp_path: Path, dedup: DedupIndex) -> None:
    (first,) = write(tmp_path, dedup, exchange())
    (second,) = write(tmp_path, dedup, exchange(), start=T0 + timedelta(days=1), first_id=100)
    assert second.pointer.warc_file != first.pointer.warc_file
    assert second.revisit_of == first.pointer
    assert record_types(tmp_path / second.pointer.warc_file) == ["warcinfo", "revisit", "request"]
    assert list(iter_archive([tmp_path])) == [first, second]


def test_replay_over_a_directory_yields_crawl_time_responses_in_order(tmp_path: Path, dedup: DedupIndex) -> None:
    day1 = write(tmp_path, dedup, exchange(), exchange(f"{URL}?b", payload=b"other"))
    day2 = write(tmp_path, dedup, exchange(f"{URL}?b", payload=b"other"), exchange(payload=b"changed"),
                 exchange(), start=T0 + timedelta(days=1), first_id=100)
    assert [item.revisit_of is not None for item in day2] == [True, False, True]
    assert list(iter_archive([tmp_path])) == day1 + day2


def test_originals_are_published_when_their_file_is_finished(tmp_path: Path, dedup: DedupIndex) -> None:
    running = make_writer(tmp_path, dedup)
    first = running.write_exchange(exchange())
    (other,) = write(tmp_path, dedup, exchange(), first_id=100)
    assert other.revisit_of is None  # never refer into an unfinished .open file
    running.close()
    (later,) = write(tmp_path, dedup, exchange(), first_id=200, start=T0 + timedelta(days=1))
    assert later.revisit_of in (first.pointer, other.pointer)


def test_rotation_publishes_originals_for_later_files(tmp_path: Path, dedup: DedupIndex) -> None:
    archived = write(tmp_path, dedup, exchange(), exchange(f"{URL}?pad", payload=bytes(range(256)) * 8), exchange(),
                     max_bytes=1500)
    assert archived[2].pointer.warc_file != archived[0].pointer.warc_file
    assert archived[2].revisit_of == archived[0].pointer
    assert list(iter_archive([tmp_path])) == archived


@pytest.mark.parametrize("status", [404, 301, 500, 304, 199])
def test_non_2xx_responses_are_never_deduplicated(tmp_path: Path, dedup: DedupIndex, status: int) -> None:
    archived = write(tmp_path, dedup, exchange(status=status), exchange(status=status))
    assert [item.revisit_of for item in archived] == [None, None]
    assert record_types(tmp_path / archived[0].pointer.warc_file).count("revisit") == 0


def test_empty_payloads_are_never_deduplicated(tmp_path: Path, dedup: DedupIndex) -> None:
    archived = write(tmp_path, dedup, exchange(payload=b""), exchange(payload=b""))
    assert [item.revisit_of for item in archived] == [None, None]


def test_truncated_payloads_are_never_deduplicated_and_keep_their_flag(tmp_path: Path, dedup: DedupIndex) -> None:
    archived = write(tmp_path, dedup, exchange(truncated="length"), exchange(truncated="length"), exchange())
    assert [item.revisit_of for item in archived] == [None, None, None]
    assert [item.truncated for item in archived] == ["length", "length", None]
    assert list(iter_responses(tmp_path / archived[0].pointer.warc_file)) == archived


@pytest.mark.parametrize("second", [exchange(payload=PAYLOAD + b" "), exchange(f"{URL}?other")])
def test_a_different_payload_or_url_gets_a_full_response(tmp_path: Path, dedup: DedupIndex,
                                                          second: HttpExchange) -> None:
    archived = write(tmp_path, dedup, exchange(), second)
    assert archived[1].revisit_of is None
    assert record_types(tmp_path / archived[0].pointer.warc_file) == [
        "warcinfo", "response", "request", "response", "request"]


def test_without_a_dedup_index_repeats_are_stored_in_full(tmp_path: Path) -> None:
    archived = write(tmp_path, None, exchange(), exchange())
    assert [item.revisit_of for item in archived] == [None, None]


def test_warcio_check_and_index_accept_files_with_revisits(tmp_path: Path, dedup: DedupIndex) -> None:
    write(tmp_path, dedup, exchange(), exchange())
    write(tmp_path, dedup, exchange(), start=T0 + timedelta(days=1), first_id=100)
    for path in sorted(tmp_path.glob("*.warc.gz")):
        check = subprocess.run([str(WARCIO), "check", "-v", str(path)], capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "digest present but not checked (revisit)" in check.stdout
        index = subprocess.run([str(WARCIO), "index", str(path)], capture_output=True, text=True, check=False)
        assert index.returncode == 0, index.stderr
        assert '"warc-type": "revisit"' in index.stdout


# --- resolving ------------------------------------------------------------------------------------

def test_unresolvable_revisit_names_the_record_and_its_target(tmp_path: Path, dedup: DedupIndex) -> None:
    (first,) = write(tmp_path / "day1", dedup, exchange())
    (second,) = write(tmp_path / "day2", dedup, exchange(), first_id=100, start=T0 + timedelta(days=1))
    path = tmp_path / "day2" / second.pointer.warc_file
    pattern = rf"{second.pointer.warc_record_id}.*refers to {URL}.*{first.pointer.warc_record_id}"
    with pytest.raises(WarcReadError, match=pattern):
        list(iter_responses(path))
    with pytest.raises(WarcReadError, match=pattern):
        read_response(path, second.pointer.warc_offset)


def test_resolver_over_another_directory_finds_the_earlier_crawl(tmp_path: Path, dedup: DedupIndex) -> None:
    (first,) = write(tmp_path / "day1", dedup, exchange())
    (second,) = write(tmp_path / "day2", dedup, exchange(), first_id=100, start=T0 + timedelta(days=1))
    resolver = RevisitResolver.for_directory(tmp_path / "day1")
    assert list(iter_responses(tmp_path / "day2" / second.pointer.warc_file, resolver=resolver)) == [second]
    assert list(iter_archive([tmp_path / "day1", tmp_path / "day2"])) == [first, second]


def test_resolver_uses_a_cdxj_index_and_its_warc_directory(tmp_path: Path, dedup: DedupIndex) -> None:
    (first,) = write(tmp_path / "day1", dedup, exchange())
    update_index(tmp_path / "day1" / "index.cdxj", sorted((tmp_path / "day1").glob("*.warc.gz")))
    (second,) = write(tmp_path / "day2", dedup, exchange(), first_id=100, start=T0 + timedelta(days=1))
    resolver = RevisitResolver(cdxj=tmp_path / "day1" / "index.cdxj")
    assert list(iter_responses(tmp_path / "day2" / second.pointer.warc_file, resolver=resolver)) == [second]


def test_resolver_uses_the_dedup_database(tmp_path: Path, dedup: DedupIndex) -> None:
    (first,) = write(tmp_path / "day1", dedup, exchange())
    (second,) = write(tmp_path / "day2", dedup, exchange(), first_id=100, start=T0 + timedelta(days=1))
    resolver = RevisitResolver(sorted((tmp_path / "day1").glob("*.warc.gz")), dedup=dedup)
    assert read_response(tmp_path / "day2" / second.pointer.warc_file, second.pointer.warc_offset,
                         resolver=resolver) == second


def test_an_original_with_another_payload_is_refused(tmp_path: Path, dedup: DedupIndex) -> None:
    (first,) = write(tmp_path / "day1", dedup, exchange())
    (second,) = write(tmp_path / "day2", dedup, exchange(), first_id=100, start=T0 + timedelta(days=1))
    # Replace the earlier crawl by one whose record has the same id but another payload.
    (tmp_path / "day1" / first.pointer.warc_file).unlink()
    write(tmp_path / "day1", None, exchange(payload=b"tampered"))
    with pytest.raises(WarcReadError, match="no such original"):
        list(iter_archive([tmp_path / "day1", tmp_path / "day2"]))


# --- seeding from a CDXJ index --------------------------------------------------------------------

def crawl_without_dedup(directory: Path) -> list[ArchivedResponse]:
    archived = write(directory, None, exchange(), exchange(f"{URL}?gone", status=404), exchange(f"{URL}?e", payload=b""))
    update_index(directory / "index.cdxj", sorted(directory.glob("*.warc.gz")))
    return archived


def test_dedup_seeded_from_a_cdxj_index_writes_revisits(tmp_path: Path, dedup: DedupIndex) -> None:
    earlier = crawl_without_dedup(tmp_path)
    stats = seed_digests(dedup, tmp_path / "index.cdxj")
    assert stats.added == 1
    (later,) = write(tmp_path, dedup, exchange(), first_id=100, start=T0 + timedelta(days=1))
    assert later.revisit_of == earlier[0].pointer
    assert list(iter_archive([tmp_path]))[-1] == later


def test_cdxj_import_takes_exact_date_and_id_from_the_warc(tmp_path: Path, dedup: DedupIndex) -> None:
    earlier = crawl_without_dedup(tmp_path)
    seed_digests(dedup, tmp_path / "index.cdxj")
    entry = dedup.lookup(URL, sha1_digest(PAYLOAD))
    assert entry == DedupEntry(earlier[0].warc_date, earlier[0].pointer.warc_record_id,
                               earlier[0].pointer.warc_file, earlier[0].pointer.warc_offset)


def test_cdxj_import_skips_errors_empty_bodies_and_revisits(tmp_path: Path, dedup: DedupIndex) -> None:
    write(tmp_path, DedupIndex(tmp_path / "other.sqlite3"), exchange(), exchange())
    crawl_without_dedup(tmp_path)
    update_index(tmp_path / "index.cdxj", sorted(tmp_path.glob("*.warc.gz")))
    stats = seed_digests(dedup, tmp_path / "index.cdxj")
    assert (stats.added, stats.already_known) == (1, 1)
    assert stats.skipped_not_original == 3  # one revisit, one 404, one empty 200
    assert dedup.lookup(f"{URL}?gone", sha1_digest(PAYLOAD)) is None


def test_cdxj_import_counts_lines_whose_warc_is_missing(tmp_path: Path, dedup: DedupIndex) -> None:
    crawl_without_dedup(tmp_path / "old")
    shutil.move(tmp_path / "old" / "index.cdxj", tmp_path / "index.cdxj")
    stats = seed_digests(dedup, tmp_path / "index.cdxj")
    assert (stats.added, stats.skipped_missing_warc) == (0, 1)
    assert seed_digests(dedup, tmp_path / "index.cdxj", warc_dir=tmp_path / "old").added == 1


def test_cdxj_import_skips_truncated_records(tmp_path: Path, dedup: DedupIndex) -> None:
    write(tmp_path, None, exchange(truncated="length"))
    update_index(tmp_path / "index.cdxj", sorted(tmp_path.glob("*.warc.gz")))
    stats = seed_digests(dedup, tmp_path / "index.cdxj")
    assert (stats.added, stats.skipped_not_original) == (0, 1)
