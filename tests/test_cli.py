"""The ``zhengwen`` command as a user runs it: the installed console script, in a subprocess.

Options anywhere, ``--help`` per command, one ``-o/--output`` vocabulary with ``-o -`` for
standard output, outputs that never clobber what they do not own, the documented exit
statuses, and a quiet ``| head``.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from archivehelpers import counting_ids, ticking_clock
from fixtureweb import FixtureWeb
from localprocs import free_port

from archive.records import HttpExchange
from archive.warc.writer import WarcWriter

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ("crawl", "replay", "export", "extract", "index", "verify", "wacz", "report", "review", "changes")
TIMEOUT = 120


def zhengwen_command() -> list[str]:
    """The installed ``zhengwen`` script of this virtualenv (what a user types)."""
    script = Path(sys.executable).with_name("zhengwen")
    found = str(script) if script.is_file() else shutil.which("zhengwen")
    if not found:
        pytest.fail("the zhengwen console script is not installed: run `make test` (pip install -e .)")
    return [found]


def zw(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None,
       stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*zhengwen_command(), *args], cwd=cwd, capture_output=True, timeout=TIMEOUT,
                          env=env, stdin=stdin)


@pytest.fixture(scope="module")
def crawl_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A crawl folder: warc/ with 24 real fixture pages (enough output to fill a pipe), text.jsonl."""
    model = FixtureWeb.load()
    out = tmp_path_factory.mktemp("cli") / "data"
    pages = [p for p in model.articles if p.content_type.startswith("text/html")][:24]
    with WarcWriter(out / "warc", prefix="cli", clock=ticking_clock(), record_id_factory=counting_ids()) as writer:
        for page in pages:
            writer.write_exchange(HttpExchange(
                url=page.url, method="GET", request_headers=[], request_body=b"", status=200,
                response_headers=[("Content-Type", page.content_type)], payload=page.body))
    done = zw("replay", str(out), "-o", str(out / "text.jsonl"), "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()
    return out


# --- parsing ------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_its_own_help(command: str) -> None:
    done = zw(command, "--help")
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr.decode()
    assert out.startswith(f"usage: zhengwen {command}")
    assert "examples:" in out and "-h, --help" in out
    if command == "crawl":
        assert all(f"\n  {spider} " in out for spider in ("gov", "netease", "news", "wechat"))


def test_top_level_help_lists_every_command_and_a_bare_call_is_a_usage_error() -> None:
    done = zw("--help")
    assert done.returncode == 0 and all(f"    {c} " in done.stdout.decode() for c in COMMANDS)
    done = zw()
    assert done.returncode == 2 and b"usage: zhengwen" in done.stderr


def test_options_go_anywhere(crawl_dir: Path, tmp_path: Path) -> None:
    expected = (crawl_dir / "text.jsonl").read_bytes()
    for args in (["-o", str(tmp_path / "a.jsonl"), "--workers", "1", str(crawl_dir / "warc")],
                 [str(crawl_dir / "warc"), "--workers", "1", "-o", str(tmp_path / "a.jsonl")]):
        done = zw("replay", *args)
        assert done.returncode == 0, done.stderr.decode()
        assert (tmp_path / "a.jsonl").read_bytes() == expected
    done = zw("export", "--format", "csv", "--page-type", "any", str(crawl_dir))
    assert done.returncode == 0 and done.stdout.startswith(b"url,"), done.stderr.decode()
    done = zw("index", "--rebuild", str(crawl_dir / "warc"))
    assert done.returncode == 0 and (crawl_dir / "warc" / "index.cdxj").is_file(), done.stderr.decode()


def test_an_unknown_option_is_reported_by_the_command_with_its_usage(crawl_dir: Path) -> None:
    done = zw("replay", "--bogus", str(crawl_dir))
    err = done.stderr.decode()
    assert done.returncode == 2 and err.startswith("usage: zhengwen replay")
    assert "zhengwen replay: error: unrecognized arguments: --bogus" in err


# --- -o / --output ------------------------------------------------------------------------------

def test_dash_is_standard_output_for_every_single_stream_command(crawl_dir: Path, tmp_path: Path) -> None:
    expected = (crawl_dir / "text.jsonl").read_bytes()
    assert zw("replay", str(crawl_dir), "-o", "-", "--workers", "1", cwd=tmp_path).stdout == expected
    done = zw("export", str(crawl_dir), "--page-type", "any", "--no-grouping", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == expected
    done = zw("export", str(crawl_dir), "--format", "parquet", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith(b"PAR1") and done.stdout.endswith(b"PAR1")
    done = zw("index", str(crawl_dir / "warc"), "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.count(b"\n") >= 24
    page = next(iter(FixtureWeb.load().articles))
    source = tmp_path / "page.html"
    source.write_bytes(page.body)
    done = zw("extract", str(source), "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["url"].startswith("file://")
    done = zw("wacz", str(crawl_dir), "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith(b"PK"), done.stderr.decode()
    assert not (tmp_path / "-").exists() and list(tmp_path.iterdir()) == [source]


def test_output_aliases_and_the_older_wacz_form(crawl_dir: Path, tmp_path: Path) -> None:
    done = zw("wacz", str(tmp_path / "old.wacz"), "--data", str(crawl_dir))
    assert done.returncode == 0, done.stderr.decode()
    with zipfile.ZipFile(tmp_path / "old.wacz") as package:
        assert "datapackage.json" in package.namelist()
    done = zw("wacz", "--data", str(crawl_dir), "--output", str(tmp_path / "new.wacz"))
    assert done.returncode == 0 and (tmp_path / "new.wacz").is_file()
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("", encoding="utf-8")
    for flag in ("-o", "--output", "--out"):
        done = zw("crawl", flag, str(tmp_path / "out"), "--seeds", str(seeds))
        assert done.returncode == 2 and b"no seed URL" in done.stderr


def test_a_symlink_is_written_through(crawl_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    done = zw("replay", str(crawl_dir), "-o", str(link), "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == (crawl_dir / "text.jsonl").read_bytes()


def test_a_fifo_is_written_to_and_stays_a_fifo(crawl_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = zw("export", str(crawl_dir), "--page-type", "any", "--no-grouping", "-o", str(fifo))
    reader.join(TIMEOUT)
    assert done.returncode == 0, done.stderr.decode()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received == [(crawl_dir / "text.jsonl").read_bytes()]


def test_devices_are_written_to_never_replaced(crawl_dir: Path) -> None:
    done = zw("replay", str(crawl_dir), "-o", os.devnull, "--workers", "1")
    assert done.returncode == 0 and stat.S_ISCHR(os.lstat(os.devnull).st_mode)
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    done = zw("export", str(crawl_dir), "-o", "/dev/full")
    assert done.returncode == 1 and b"No space left on device" in done.stderr, done.stderr.decode()
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_a_failed_run_leaves_an_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    (tmp_path / "empty").mkdir()
    done = zw("replay", str(tmp_path / "empty"), "-o", str(out))
    assert done.returncode == 2 and out.read_text() == "kept\n"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"url": "u"}\n')
    done = zw("export", str(bad), "-o", str(out))
    assert done.returncode == 1 and out.read_text() == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "empty", "out.jsonl"]


def test_an_output_in_a_missing_folder_is_a_usage_error(crawl_dir: Path, tmp_path: Path) -> None:
    done = zw("replay", str(crawl_dir), "-o", str(tmp_path / "no" / "such.jsonl"))
    assert done.returncode == 2 and b"does not exist" in done.stderr
    done = zw("export", str(crawl_dir), "-o", str(tmp_path))
    assert done.returncode == 2 and b"is a directory" in done.stderr


# --- exit statuses and bad inputs ---------------------------------------------------------------

@pytest.mark.parametrize(("content", "message"), [
    (None, "seed file not found"),
    ("", "no seed URL"),
    ("# only a comment\n\n", "no seed URL"),
    ("https://www.gov.cn/\nnot a url\n", "seeds.txt:2: not an http(s) URL"),
    ("file:///etc/passwd\n", "seeds.txt:1: not an http(s) URL"),
])
def test_bad_seed_files_are_usage_errors(tmp_path: Path, content: str | None, message: str) -> None:
    seeds = tmp_path / "seeds.txt"
    if content is not None:
        seeds.write_text(content, encoding="utf-8")
    done = zw("crawl", "--seeds", str(seeds), "-o", str(tmp_path / "out"))
    assert done.returncode == 2, done.stderr.decode()
    assert message in done.stderr.decode().splitlines()[-1]
    assert not (tmp_path / "out").exists()


def test_missing_inputs_are_usage_errors(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing")
    for args in (["replay", missing], ["export", missing], ["index", missing], ["verify", missing],
                 ["extract", missing], ["wacz", missing], ["crawl", "--from-archive", missing]):
        done = zw(*args)
        assert done.returncode == 2, (args, done.stderr.decode())
        assert done.stderr.decode().splitlines()[-1].startswith(f"zhengwen {args[0]}: error:")


def test_a_usage_error_answers_before_scrapy_and_the_extractor_load(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing")
    profiled = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}  # the interpreter lists every module it loads
    for args in (["crawl", "--seeds", missing], ["replay", missing], ["extract", missing], ["changes", missing]):
        done = zw(*args, env=profiled)
        assert done.returncode == 2, (args, done.stderr.decode())
        lines = done.stderr.decode().splitlines()
        loaded = {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:")}
        assert "crawler.cli" in loaded, args  # the list is read
        assert not {"scrapy.crawler", "crawler.extract.core"} & loaded, args


def test_the_crawl_process_and_seed_leave_the_extractor_to_its_workers() -> None:
    code = ("import sys, crawler.state, crawler.politeness, crawler.pipelines, crawler.extensions, crawler.documents;"
            "print('crawler.extract.core' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.stdout.strip() == "False", done.stderr


def test_verify_of_an_empty_file_fails(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    done = zw("verify", str(empty))
    assert done.returncode == 1 and done.stdout.decode().startswith(f"FAIL {empty}")


def test_replay_into_head_ends_quietly(crawl_dir: Path) -> None:
    proc = subprocess.Popen([*zhengwen_command(), "replay", str(crawl_dir), "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    status = proc.wait(TIMEOUT)
    err = proc.stderr.read()
    proc.stderr.close()
    assert json.loads(first)["url"]
    assert (status, err) == (141, b"")


# --- what a crawl prints ------------------------------------------------------------------------

def _read_pty(master: int) -> bytes:
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def test_a_crawl_is_quiet_and_shows_a_progress_line_on_a_terminal(fixture_web, tmp_path: Path) -> None:  # noqa: ANN001
    import pty

    seeds = tmp_path / "seeds.txt"
    seeds.write_text("\n".join(p.url for p in fixture_web.model.articles[:6]) + "\n", encoding="utf-8")
    # TRAP_DENY=. follows no link: the six seeds alone (their ~300 links are 404s, 40 s of waiting).
    args = ["crawl", "--seeds", str(seeds), "-o", str(tmp_path / "out"), "-s", "DOWNLOAD_DELAY=0", "-s",
            "AUTOTHROTTLE_ENABLED=False", "-s", "ALLOW_LOOPBACK=True", "-s", "PROGRESS_INTERVAL=0.05", "-s", "TRAP_DENY=."]
    env = {**os.environ, **fixture_web.proxy_env()}
    master, slave = pty.openpty()
    proc = subprocess.Popen([*zhengwen_command(), *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=slave,
                            stdin=subprocess.DEVNULL)
    os.close(slave)
    terminal = _read_pty(master)
    out, _ = proc.communicate(timeout=TIMEOUT)
    os.close(master)
    assert proc.returncode == 0, terminal.decode(errors="replace")
    assert b"\r" in terminal and b"pages/s" in terminal and b"documents " in terminal
    assert terminal.endswith(b"\r\x1b[K")  # cleared before the summary
    assert b"INFO" not in terminal and b"Overridden settings" not in terminal
    assert out.decode().startswith("zhengwen crawl") and "status: ok" in out.decode()
    piped = zw(*args[:3], "-o", str(tmp_path / "out2"), *args[5:], env=env)
    assert piped.returncode == 0 and b"pages/s" not in piped.stderr and b"INFO" not in piped.stderr


def test_network_failures_are_one_line_each_never_a_traceback(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there: connections are refused
    seeds = tmp_path / "seeds.txt"
    seeds.write_text(f"http://127.0.0.1:{port}/a.html\nhttp://127.0.0.1:{port}/b.html\n", encoding="utf-8")
    done = zw("crawl", "--seeds", str(seeds), "-o", str(tmp_path / "out"), "-s", "ALLOW_LOOPBACK=True",
              "-s", "RETRY_TIMES=1", "-s", "DOWNLOAD_DELAY=0")
    err, out = done.stderr.decode(), done.stdout.decode()
    assert done.returncode == 1
    assert "Traceback" not in err, err
    assert "robots.txt" in err and "connection_refused" in err
    assert "connection_refused" in out and "status: FAILED" in out
