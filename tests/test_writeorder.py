"""WriteOrder: documents finished out of order by the workers reach the sink in WARC order."""

from __future__ import annotations

from archive.records import ArchivedResponse, Document, RecordPointer
from crawler.writeorder import WriteOrder


def archived(offset: int, warc_file: str = "a.warc.gz") -> ArchivedResponse:
    return ArchivedResponse(target_uri=f"https://www.gov.cn/{offset}.htm", status=200, headers=[], payload=b"",
                            warc_date="2026-11-21T10:00:00.000000Z",
                            pointer=RecordPointer(warc_file, offset if warc_file else -1, ""))


def document(offset: int) -> Document:
    url = f"https://www.gov.cn/{offset}.htm"
    return Document(url=url, canonical_url=url, site="gov", page_type="article", title=None, published=None,
                    source=None, language=None, text=None, warc_offset=offset)


def offsets(documents: list[Document]) -> list[int | None]:
    return [d.warc_offset for d in documents]


def test_a_document_waits_for_every_earlier_page_still_in_extraction() -> None:
    order = WriteOrder(max_held=100)
    keys = {n: order.enter(archived(n)) for n in (10, 20, 30)}
    assert order.finish(keys[30], document(30)) == []
    assert order.finish(keys[20], document(20)) == []
    assert offsets(order.finish(keys[10], document(10))) == [10, 20, 30]
    assert order.held == 0


def test_a_page_without_a_document_releases_the_ones_behind_it() -> None:
    order = WriteOrder(max_held=100)
    first, second = order.enter(archived(10)), order.enter(archived(20))
    assert order.finish(second, document(20)) == []
    assert offsets(order.finish(first, None)) == [20]


def test_pages_entering_later_with_larger_offsets_do_not_hold_earlier_documents() -> None:
    order = WriteOrder(max_held=100)
    first = order.enter(archived(10))
    assert offsets(order.finish(first, document(10))) == [10]
    late = order.enter(archived(5))  # reached the pipeline after a later record: a new run for the sink
    assert offsets(order.finish(late, document(5))) == [5]


def test_pages_without_a_pointer_keep_their_arrival_order() -> None:
    order = WriteOrder(max_held=100)
    keys = [order.enter(archived(0, warc_file="")) for _ in range(3)]
    assert order.finish(keys[2], document(2)) == []
    assert order.finish(keys[1], document(1)) == []
    assert offsets(order.finish(keys[0], document(0))) == [0, 1, 2]


def test_at_most_max_held_documents_wait() -> None:
    order = WriteOrder(max_held=2)
    stuck = order.enter(archived(1))
    keys = [order.enter(archived(n)) for n in range(2, 6)]
    released = [d for key, n in zip(keys, range(2, 6)) for d in order.finish(key, document(n))]
    assert offsets(released) == [2, 3] and order.held == 2
    assert offsets(order.finish(stuck, document(1))) == [1, 4, 5]


def test_drain_hands_over_everything_in_order() -> None:
    order = WriteOrder(max_held=100)
    keys = [order.enter(archived(n)) for n in (3, 1, 2)]
    order.enter(archived(0))  # never finishes (the spider is closing)
    for key, n in zip(keys, (3, 1, 2)):
        order.finish(key, document(n))
    assert offsets(order.drain()) == [1, 2, 3]
