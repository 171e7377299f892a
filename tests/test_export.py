"""Export: every format read back equals the JSONL documents; filters; atomic output; the CLI."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from archive.duplicates import group_duplicates
from archive.errors import ArchiveError, SinkWriteError
from archive.export import JsonlSink, document_from_dict, document_to_json, read_jsonl
from archive.exporters import JSON_COLUMNS, ExportRow, columns, export_documents, parquet_schema
from archive.progress import progress
from archive.records import Document
from archive.selection import Selection, select
from archive.txttree import HEADER_FIELDS, relative_path
from exporthelpers import fixture_article, fixture_documents, reposts, with_provenance

INT_COLUMNS = {"http_status", "warc_offset"}


def corpus() -> list[Document]:
    """Fixture articles and list pages, two reposts of one article and an exact copy of another."""
    copied = fixture_documents()[0]
    copy = dataclasses.replace(with_provenance(copied, 102, fetched_at="2024-03-04T00:00:00Z"),
                               url=copied.url + "?from=copy", canonical_url=copied.canonical_url + "?from=copy")
    return [*fixture_documents(), *reposts(), copy]


def grouped_rows(docs: list[Document]) -> list[ExportRow]:
    return [ExportRow(doc, dup) for doc, dup in zip(docs, group_duplicates(docs))]


def expected(rows: list[ExportRow], grouped: bool = True) -> list[dict[str, Any]]:
    return [{**row.document.to_dict(), **({"duplicate_of": row.duplicate_of} if grouped else {})} for row in rows]


def decode_flat(record: dict[str, Any], from_csv: bool) -> dict[str, Any]:
    """A CSV or Parquet record back in JSON form: JSON columns parsed; for CSV, "" → null and ints parsed."""
    result = {}
    for name, value in record.items():
        if from_csv:
            value = None if value == "" else int(value) if name in INT_COLUMNS else value
        result[name] = json.loads(value) if name in JSON_COLUMNS else value
    return result


# ---- documents back from JSON ---------------------------------------------------------------

def test_document_from_dict_inverts_document_to_json() -> None:
    for doc in corpus():
        assert document_from_dict(json.loads(document_to_json(doc))) == doc


def test_document_from_dict_ignores_duplicate_of_and_takes_defaults() -> None:
    data = {"url": "u", "canonical_url": "u", "site": "gov", "page_type": "list", "title": None, "published": None,
            "source": None, "language": None, "text": None, "duplicate_of": "<urn:uuid:1>"}
    assert document_from_dict(data) == Document(**{k: v for k, v in data.items() if k != "duplicate_of"})


@pytest.mark.parametrize(("change", "message"), [
    ({"colour": "red"}, "unknown key"),
    ({"warc_offset": "12"}, "warc_offset must be int or null"),
    ({"http_status": True}, "http_status must be int"),
    ({"site": None}, "site must be str"),
])
def test_document_from_dict_rejects_bad_records(change: dict[str, Any], message: str) -> None:
    data = {**fixture_article().to_dict(), **change}
    with pytest.raises(ArchiveError, match=message):
        document_from_dict(data)


def test_document_from_dict_names_missing_keys() -> None:
    data = fixture_article().to_dict()
    del data["page_type"]
    with pytest.raises(ArchiveError, match=f"{data['url']}.*missing page_type"):
        document_from_dict(data)


# ---- filters ----------------------------------------------------------------------------------

def kept(selection: Selection) -> list[str]:
    return [d.url for d in select(corpus(), selection)]


def test_page_type_defaults_to_articles_and_any_keeps_all() -> None:
    docs = corpus()
    assert kept(Selection()) == [d.url for d in docs if d.page_type == "article"]
    assert len(kept(Selection(page_type="list"))) == 2
    assert kept(Selection(page_type="any")) == kept(Selection(page_type=None)) == [d.url for d in docs]


def test_site_filter_keeps_the_named_sites() -> None:
    assert {d.site for d in corpus() if d.url in kept(Selection(sites=frozenset({"gov", "wechat"})))} == {
        "gov", "wechat"}
    assert len(kept(Selection(sites=frozenset({"wechat"})))) == 3  # two fixtures and the repost


def test_language_filter_matches_language_ranges() -> None:
    english = kept(Selection(languages=frozenset({"en"})))
    assert len(english) == 1 and "weixin" in english[0]
    assert len(kept(Selection(languages=frozenset({"ZH"})))) == len(kept(Selection())) - 1
    assert kept(Selection(languages=frozenset({"zh-tw"}))) == []


def test_since_and_until_are_inclusive_and_drop_undated_documents() -> None:
    day = dt.date(2019, 9, 7)
    on_day = kept(Selection(since=day, until=day))
    dates = {d.url: d.published for d in corpus()}
    assert on_day and all((dates[u] or "").startswith("2019-09-07") for u in on_day)
    assert len(on_day) == sum((d.published or "").startswith("2019-09-07") for d in corpus() if d.page_type == "article")
    after = kept(Selection(since=dt.date(2020, 1, 1)))
    assert all((dates[u] or "") >= "2020-01-01" for u in after)
    undated = [d.url for d in corpus() if d.page_type == "article" and d.published is None]
    assert undated and not set(undated) & set(kept(Selection(until=dt.date(2100, 1, 1))))


def test_min_chars_counts_text_characters() -> None:
    text = {d.url: len(d.text or "") for d in corpus()}
    cut = sorted(text.values())[-5]
    assert {text[u] for u in kept(Selection(min_chars=cut))} == {n for n in text.values() if n >= cut}


# ---- formats, read back -----------------------------------------------------------------------

def test_jsonl_is_document_to_json_plus_duplicate_of(tmp_path: Path) -> None:
    rows = grouped_rows(corpus())
    out = tmp_path / "out.jsonl"
    assert export_documents(rows, "jsonl", out, grouped=True) == len(rows)
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected(rows)
    assert all(line.startswith(document_to_json(row.document)[:-1] + ',"duplicate_of":')
               for line, row in zip(lines, rows))
    export_documents(rows, "jsonl", tmp_path / "plain.jsonl", grouped=False)
    assert (tmp_path / "plain.jsonl").read_text("utf-8") == "".join(document_to_json(r.document) + "\n" for r in rows)


@pytest.mark.parametrize("excel", [False, True])
def test_csv_read_back_with_the_csv_module_equals_the_documents(tmp_path: Path, excel: bool) -> None:
    rows = grouped_rows(corpus())
    out = tmp_path / "out.csv"
    export_documents(rows, "csv", out, grouped=True, excel=excel)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfurl,") if excel else raw.startswith(b"url,canonical_url,")
    assert raw.split(b"\n", 1)[0].endswith(b"duplicate_of\r")
    with out.open(encoding="utf-8-sig" if excel else "utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert list(records[0]) == columns(grouped=True)
    assert [decode_flat(r, from_csv=True) for r in records] == expected(rows)


def test_parquet_read_back_with_pyarrow_equals_the_documents(tmp_path: Path) -> None:
    rows = grouped_rows(corpus())
    out = tmp_path / "out.parquet"
    export_documents(rows, "parquet", out, grouped=True)
    table = pq.read_table(out)
    assert table.schema.remove_metadata() == parquet_schema(grouped=True).remove_metadata()
    assert str(table.schema.field("warc_offset").type) == "int64"
    assert [decode_flat(r, from_csv=False) for r in table.to_pylist()] == expected(rows)


def test_empty_parquet_export_keeps_the_schema(tmp_path: Path) -> None:
    export_documents([], "parquet", tmp_path / "empty.parquet", grouped=False)
    table = pq.read_table(tmp_path / "empty.parquet")
    assert table.num_rows == 0 and table.column_names == columns(grouped=False)


def test_txt_tree_has_one_file_per_document_with_header_and_text(tmp_path: Path) -> None:
    rows = grouped_rows(corpus())
    out = tmp_path / "tree"
    assert export_documents(rows, "txt", out, grouped=True) == len(rows)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    assert files == sorted(relative_path(r.document).as_posix() for r in rows)
    original = fixture_article()
    path = out / "netease" / "2019-09" / "00000000-0000-4000-8000-000000000002.txt"
    header, text = path.read_text("utf-8").split("\n\n", 1)
    assert header.split("\n") == [f"{name}: {getattr(original, name)}" for name in HEADER_FIELDS] + ["duplicate_of:"]
    assert text == original.text + "\n"
    wechat = next(r for r in rows if r.document.site == "wechat" and r.duplicate_of)
    wechat_file = out.joinpath(*relative_path(wechat.document).parts).read_text("utf-8")
    assert f"duplicate_of: {original.warc_record_id}\n" in wechat_file
    assert not out.with_name("tree.open").exists()


def test_txt_month_falls_back_to_fetch_time_then_unknown() -> None:
    doc = dataclasses.replace(fixture_article(), published=None, fetched_at="2024-03-01T08:00:02Z")
    assert relative_path(doc).parts[:2] == ("netease", "2024-03")
    bare = dataclasses.replace(doc, fetched_at=None, warc_record_id=None, site="a/b")
    assert relative_path(bare).parts[:2] == ("a_b", "unknown") and len(relative_path(bare).stem) == 20


def test_txt_refuses_a_non_empty_folder_and_cleans_up_on_failure(tmp_path: Path) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x")
    with pytest.raises(SinkWriteError, match="not an empty directory"):
        export_documents([], "txt", tmp_path / "full", grouped=False)
    twice = [ExportRow(fixture_article())] * 2
    with pytest.raises(SinkWriteError, match="appears twice"):
        export_documents(twice, "txt", tmp_path / "tree", grouped=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full"]


def test_a_failed_file_export_leaves_neither_output_nor_open_file(tmp_path: Path) -> None:
    bad = dataclasses.replace(fixture_article(), extra={"score": float("nan")})
    out = tmp_path / "out.csv"
    with pytest.raises(SinkWriteError, match="cannot be serialised"):
        export_documents([ExportRow(fixture_article()), ExportRow(bad)], "csv", out, grouped=False)
    assert list(tmp_path.iterdir()) == []


def test_a_leftover_open_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "out.jsonl.open").write_text("")
    with pytest.raises(SinkWriteError, match="out.jsonl.open exists"):
        export_documents([], "jsonl", tmp_path / "out.jsonl", grouped=False)


def test_progress_is_silent_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert list(progress(range(3), "export")) == [0, 1, 2]
    assert capsys.readouterr().err == ""

