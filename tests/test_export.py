"""Export: every format read back equals the JSONL documents; filters; atomic output; the CLI."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import itertools
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from exporthelpers import (
    GOV_URL,
    WECHAT_URL,
    english_document,
    fixture_article,
    fixture_documents,
    gov_repost,
    reposts,
    wechat_repost,
    with_provenance,
)
from fixtureweb import fixtures_dir

from archive.corpus.formats import (
    JSON_COLUMNS,
    ExportRow,
    columns,
    export_documents,
    parquet_schema,
)
from archive.corpus.jsonl import (
    JsonlSink,
    document_from_dict,
    document_to_json,
    read_jsonl,
)
from archive.corpus.nearduplicates import group_duplicates
from archive.corpus.selection import Selection, select
from archive.corpus.txttree import HEADER_FIELDS, relative_path
from archive.errors import ArchiveError, SinkWriteError
from archive.progress import progress
from archive.records import Document, HttpExchange
from archive.warc.writer import WarcWriter
from crawler.cli import main
from crawler.commands.export import PAGE_TYPES
from crawler.rederive import replay_documents

INT_COLUMNS = {"http_status", "warc_offset", "version"}


def corpus() -> list[Document]:
    """Fixture articles and list pages, two reposts of one article, an exact copy of another and an
    English article."""
    copied = fixture_documents()[0]
    copy = dataclasses.replace(with_provenance(copied, 102, fetched_at="2024-03-04T00:00:00Z"),
                               url=copied.url + "?from=copy", canonical_url=copied.canonical_url + "?from=copy")
    return [*fixture_documents(), *reposts(), copy, english_document()]


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
    assert len(english) == 1 and "voc.com.cn" in english[0]
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
    undated = dataclasses.replace(next(d for d in corpus() if d.page_type == "article"), published=None)
    assert not Selection(until=dt.date(2100, 1, 1)).accepts(undated)
    assert not Selection(since=dt.date(1900, 1, 1)).accepts(undated)
    assert Selection().accepts(undated)


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



# ---- the zhengwen export command ----------------------------------------------------------------

def jsonl_source(tmp_path: Path, docs: list[Document]) -> Path:
    path = tmp_path / "text.jsonl"
    with JsonlSink(path) as sink:
        for doc in docs:
            sink.write(doc)
    assert [document_from_dict(d) for d in read_jsonl(path)] == docs  # already in pointer order
    return path


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return jsonl_source(tmp_path, corpus())


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, bytes, str]:
    status = main(["export", *argv])
    out, err = capsysbinary.readouterr()
    return status, out, err.decode("utf-8")


def csv_records(data: bytes) -> list[dict[str, Any]]:
    return [decode_flat(r, from_csv=True) for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))]


def test_jsonl_to_stdout_without_grouping_is_the_source_byte_for_byte(
        source: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, str(source), "--page-type", "any", "--no-grouping")
    assert (status, err) == (0, "")
    assert out == source.read_bytes()


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "txt"])
def test_every_format_read_back_equals_the_jsonl_documents(
        source: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], fmt: str) -> None:
    assert run(capsysbinary, str(source), "-o", str(tmp_path / "ref.jsonl"))[0] == 0
    reference = list(read_jsonl(tmp_path / "ref.jsonl"))
    out = tmp_path / f"out.{fmt}"
    status, _, err = run(capsysbinary, str(source.parent), "--format", fmt, "-o", str(out))
    assert (status, err) == (0, "")
    if fmt == "jsonl":
        assert list(read_jsonl(out)) == reference
    elif fmt == "csv":
        assert csv_records(out.read_bytes()) == reference
    elif fmt == "parquet":
        assert [decode_flat(r, from_csv=False) for r in pq.read_table(out).to_pylist()] == reference
    else:
        texts = {p.stem: p.read_text("utf-8").split("\n\n", 1)[1] for p in out.rglob("*.txt")}
        assert texts == {relative_path(document_from_dict(r)).stem: r["text"] + "\n" for r in reference}
    assert not out.with_name(out.name + ".open").exists()


def test_grouping_marks_reposts_and_dedup_keeps_one_per_group(
        source: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    original = fixture_article()
    status, out, _ = run(capsysbinary, str(source))
    records = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert status == 0 and all(list(r)[-1] == "duplicate_of" for r in records)
    marked = {r["url"]: r["duplicate_of"] for r in records if r["duplicate_of"]}
    copy_of = fixture_documents()[0]
    assert marked == {WECHAT_URL: original.warc_record_id, GOV_URL: original.warc_record_id,
                      copy_of.url + "?from=copy": copy_of.warc_record_id}
    status, out, _ = run(capsysbinary, str(source), "--dedup", "--format", "csv", "--excel")
    kept_urls = [r["url"] for r in csv_records(out)]
    assert status == 0 and out.startswith(b"\xef\xbb\xbf")
    assert kept_urls == [r["url"] for r in records if r["duplicate_of"] is None]
    assert original.url in kept_urls and WECHAT_URL not in kept_urls and GOV_URL not in kept_urls


@pytest.mark.parametrize(("args", "wanted"), [
    (["--site", "wechat", "--site", "gov"], lambda d: d.site in {"wechat", "gov"}),
    (["--language", "en"], lambda d: d.language == "en"),
    (["--since", "2019-09-08", "--until", "2019-11-25"],
     lambda d: d.published is not None and "2019-09-08" <= d.published[:10] <= "2019-11-25"),
    (["--page-type", "list"], lambda d: d.page_type == "list"),
    (["--min-chars", "3000"], lambda d: len(d.text or "") >= 3000),
])
def test_filters_on_the_command_line(source: Path, capsysbinary: pytest.CaptureFixture[bytes],
                                     args: list[str], wanted: Any) -> None:
    status, out, _ = run(capsysbinary, str(source), "--no-grouping", *args)
    got = [json.loads(line)["url"] for line in out.decode("utf-8").splitlines()]
    page_type = "list" if "--page-type" in args else "article"
    assert status == 0 and got
    assert got == [d.url for d in corpus() if d.page_type == page_type and wanted(d)]


def write_warc(directory: Path) -> None:
    """Three fixture articles and the WeChat repost of one, as a WarcWriter stores them."""
    start = dt.datetime(2024, 3, 1, 8, 0, tzinfo=dt.timezone.utc)
    ticks, ids = itertools.count(), itertools.count()
    writer = WarcWriter(directory, prefix="exp", clock=lambda: start + dt.timedelta(seconds=next(ticks)),
                        record_id_factory=lambda: f"<urn:uuid:00000000-0000-4000-8000-{next(ids):012d}>")
    root = fixtures_dir()
    entries = [e for e in json.loads((root / "pages.json").read_text("utf-8")) if e["kind"] == "article"][:3]
    pages = [(e["url"], (root / e["file"]).read_bytes(), e["actual_charset"]) for e in entries]
    pages.append((WECHAT_URL, wechat_repost(fixture_article()), "utf-8"))
    pages.append((GOV_URL, gov_repost(fixture_article()), "utf-8"))
    for url, body, charset in pages:
        writer.write_exchange(HttpExchange(url=url, method="GET", request_headers=[], request_body=b"", status=200,
                                           response_headers=[("Content-Type", f"text/html; charset={charset}")],
                                           payload=body))
    writer.close()


def test_warc_sources_are_replayed(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    crawl = tmp_path / "crawl"
    write_warc(crawl / "warc")
    replayed = list(replay_documents([crawl / "warc"]))
    groups = group_duplicates(replayed)
    want = [ExportRow(d, g) for d, g in zip(replayed, groups) if d.page_type == "article"]
    assert sum(g is not None for g in groups) == 2  # the reposts of the third article
    for target in (crawl, crawl / "warc", *sorted((crawl / "warc").glob("*.warc.gz"))):
        status, out, err = run(capsysbinary, str(target))
        assert (status, err) == (0, "")
        assert out.decode("utf-8") == "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n"
                                              for r in expected(want))


@pytest.mark.parametrize(("argv", "message"), [
    (["{src}", "--format", "xml"], "invalid choice"),
    (["{src}", "--format", "parquet"], "needs -o"),
    (["{src}", "--format", "txt"], "needs -o"),
    (["{src}", "--excel"], "--excel applies to --format csv"),
    (["{src}", "--since", "2019-13-01"], "expected a date"),
    (["{src}", "--since", "2020-01-02", "--until", "2020-01-01"], "is after"),
    (["{src}", "--dedup", "--no-grouping"], "--dedup needs"),
    (["{src}", "--min-chars", "-1"], "at least 0"),
    (["{src}", "--similarity", "1.5"], "must be in"),
    (["{src}", "--page-type", "articles"], "invalid choice"),
    ([], "required"),
])
def test_usage_errors_exit_2(source: Path, capsysbinary: pytest.CaptureFixture[bytes], argv: list[str],
                             message: str) -> None:
    status, out, err = run(capsysbinary, *[a.format(src=source) for a in argv])
    assert (status, out) == (2, b"")
    assert message in err.splitlines()[-1] and err.splitlines()[-1].startswith("zhengwen export: error:")


def test_missing_or_unknown_sources_are_usage_errors_and_a_broken_one_fails(
        tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "bad.jsonl").write_text('{"url": "u"}\n[1]\n')
    (tmp_path / "out.jsonl").write_text("kept\n")
    for target, status_wanted, message in [(tmp_path / "nothing.jsonl", 2, "SOURCE not found"),
                                           (tmp_path / "empty", 2, "holds no text.jsonl"),
                                           (tmp_path / "notes.txt", 2, "neither a JSONL file"),
                                           (tmp_path / "bad.jsonl", 1, "incomplete document")]:
        status, out, err = run(capsysbinary, str(target), "-o", str(tmp_path / "out.jsonl"))
        assert (status, out) == (status_wanted, b""), err
        assert message in err.splitlines()[-1]
        if status_wanted == 1:
            assert err.count("\n") == 1
    assert (tmp_path / "out.jsonl").read_text() == "kept\n" and not (tmp_path / "out.jsonl.open").exists()


def test_txt_into_a_non_empty_folder_exits_1_before_reading(
        source: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "x").write_text("")
    status, _, err = run(capsysbinary, str(source), "--format", "txt", "-o", str(tmp_path / "tree"))
    assert status == 1 and "not an empty directory" in err


def test_the_zhengwen_command_passes_export_through(source: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from crawler.cli import main

    assert main(["export", str(source), "--site", "gov", "--no-grouping"]) == 0
    assert capsysbinary.readouterr().out.count(b"\n") == sum(
        d.site == "gov" and d.page_type == "article" for d in corpus())


def test_page_type_choices_are_the_extractor_page_types() -> None:
    from crawler.extract import pagetype

    assert set(PAGE_TYPES) == {pagetype.ARTICLE, pagetype.LIST, pagetype.DELETED, pagetype.BLOCKED,
                               pagetype.ERROR, pagetype.ATTACHMENT}
