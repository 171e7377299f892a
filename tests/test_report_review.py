"""``zhengwen report`` and ``zhengwen review`` on a small real crawl of two runs, read as files and in headless Chromium.

The crawl: a few fixture pages through the fixture web, then the same again with one
page changed (revisits for the others, a new version of that one). The browser tests
load every written page from file:// in Debian's Chromium over the DevTools protocol
(tests/browser.py): no console errors, no request beyond file://, the plots drawn, and
on the review page of the qq.com article a screenshot shows the removed 相关推荐 heading
in its highlight colour. Screenshots stay in the test's temporary folder
(``pytest --basetemp DIR`` to keep them somewhere known).
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from browser import Browser, find_chromium
from crawlhelpers import crawl_urls
from PIL import Image
from test_cli import zhengwen_command

from crawler.extract.trail import extract_trail
from crawler.review.snapshot import COLOURS

QQ = "https://new.qq.com/omn/20190907/20190907A081B0.html"
URLS = [QQ, "https://www.thepaper.cn/newsDetail_forward_5420361",
        "https://money.163.com/19/0907/13/EOFOC8MJ00258105.html",
        "http://www.shanxi.gov.cn/yw/sxyw/201909/t20190918_693227.shtml"]
CHANGED = URLS[1]
TIMEOUT = 300


def zw(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*zhengwen_command(), *args], capture_output=True, text=True, timeout=TIMEOUT)


@pytest.fixture(scope="module")
def crawl(fixture_web, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: ANN001
    """Two runs into one folder; the second sees one page changed."""
    out = tmp_path_factory.mktemp("reviewcrawl") / "data"
    fixture_web.clear_overrides()
    try:
        first = crawl_urls(fixture_web, URLS, out, "-s", "DEPTH_LIMIT=0")
        assert first.returncode == 0, first.explain()
        body = fixture_web.model.respond(CHANGED).body.replace("澎湃".encode(), "澎湃新闻网".encode(), 1)
        fixture_web.set_override(CHANGED, body)
        second = crawl_urls(fixture_web, URLS, out, "-s", "DEPTH_LIMIT=0")
        assert second.returncode == 0, second.explain()
    finally:
        fixture_web.clear_overrides()
    return out


@pytest.fixture(scope="module")
def report(crawl: Path) -> Path:
    done = zw("report", str(crawl))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(str(crawl / "report.html"))
    return crawl / "report.html"


@pytest.fixture(scope="module")
def review(crawl: Path) -> Path:
    done = zw("review", str(crawl), "-o", str(crawl.parent / "review"), "--pywb", "http://localhost:8080/zw")
    assert done.returncode == 0, done.stderr
    return crawl.parent / "review"


def _rows(html: str, table_id: str) -> list[list[str]]:
    body = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)[1:]]


def test_report_counts_runs_revisits_and_changes(report: Path) -> None:
    html = report.read_text(encoding="utf-8")
    runs = _rows(html, "runs-table")
    assert len(runs) == 2
    assert int(runs[1][3]) >= 3 and int(runs[1][4]) == 1  # revisits, one changed page
    changes = _rows(html, "changes-table")
    assert [row[0] for row in changes if row[2] == "2"] == [CHANGED]
    assert {row[0] for row in _rows(html, "sites-table")} >= {"qq", "thepaper", "netease", "gov"}
    assert html.count('<svg role="img"') == 4


def test_report_is_self_contained_and_the_same_every_time(report: Path, crawl: Path, tmp_path: Path) -> None:
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "default-src 'none'" in html and "<script src" not in html
    done = zw("report", str(crawl), "-o", str(tmp_path / "again.html"))
    assert done.returncode == 0 and (tmp_path / "again.html").read_bytes() == report.read_bytes()


def test_review_writes_one_page_per_document_and_an_index(review: Path, crawl: Path) -> None:
    pages = sorted((review / "pages").glob("*.html"))
    index = (review / "index.html").read_text(encoding="utf-8")
    assert len(_rows(index, "documents")) == len(pages) >= 4
    assert "http://localhost:8080/zw/" in index
    qq = next(p for p in pages if QQ in p.read_text(encoding="utf-8"))
    text = qq.read_text(encoding="utf-8")
    assert "相关推荐" in text and "recommendation list" in text and 'sandbox=""' in text
    assert not re.search(r"""&lt;script|\s(src|srcset|href)=&quot;(https?:)?//""", text)


def test_review_options_sample_site_and_usage_errors(crawl: Path, tmp_path: Path) -> None:
    done = zw("review", "--sample", "2", str(crawl), "-o", str(tmp_path / "r"))
    assert done.returncode == 0 and len(list((tmp_path / "r" / "pages").glob("*.html"))) == 2
    done = zw("review", str(crawl), "--site", "qq", "-o", str(tmp_path / "r"))  # replaces its own site
    assert done.returncode == 0 and all("-qq" in p.name for p in (tmp_path / "r" / "pages").iterdir())
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("mine")
    done = zw("review", str(crawl), "-o", str(tmp_path / "other"))
    assert done.returncode == 1 and (tmp_path / "other" / "keep.txt").exists()
    assert zw("review", str(tmp_path / "missing")).returncode == 2
    assert zw("report", str(tmp_path / "missing")).returncode == 2
    assert zw("review", str(crawl), "--sample", "0").returncode == 2


# --- in the browser ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Browser:
    executable = find_chromium()
    if executable is None:
        pytest.fail("chromium is not installed: `make test` installs it (.ci/install-test-deps)", pytrace=False)
    opened = Browser(executable)
    yield opened
    opened.close()


def _load_clean(browser: Browser, path: Path) -> None:
    browser.load(path.as_uri())
    assert browser.console_errors() == []
    assert [u for u in browser.requested_urls() if not u.startswith("file://")] == []


def test_report_in_chromium(browser: Browser, report: Path) -> None:
    _load_clean(browser, report)
    assert browser.evaluate("document.querySelectorAll('svg.plot').length") == 4
    assert browser.evaluate("document.querySelector('svg.plot').getBoundingClientRect().height") > 100
    order = "Array.from(document.querySelectorAll('#sites-table tbody tr td:first-child')).map(c => c.textContent)"
    before = browser.evaluate(order)
    browser.evaluate("document.querySelector('#sites-table th').click()")
    browser.evaluate("document.querySelector('#sites-table th').click()")
    assert browser.evaluate(order) == sorted(before, reverse=True)


def test_review_pages_in_chromium(browser: Browser, review: Path) -> None:
    _load_clean(browser, review / "index.html")
    for page in sorted((review / "pages").glob("*.html")):
        _load_clean(browser, page)


def test_review_screenshot_shows_the_removed_recommendation_heading(browser: Browser, review: Path,
                                                                   fixture_web, tmp_path: Path) -> None:  # noqa: ANN001
    qq = next(p for p in (review / "pages").glob("*.html") if QQ in p.read_text(encoding="utf-8"))
    heading = next(f for f in extract_trail(fixture_web.model.respond(QQ).body, QQ).blocks if f.text == "相关推荐")
    _load_clean(browser, qq)
    x, y, width, height = browser.box_of(f"[data-zw-line={heading.index}]")
    shot = Image.open(browser.screenshot(tmp_path / "review-qq.png")).convert("RGB")
    assert 0 <= y and y + height <= shot.height, "the heading is not in the viewport"
    samples = Counter(shot.getpixel((int(x + width * i / 12), int(y + height - 4))) for i in range(1, 12))
    expected = tuple(int(COLOURS["model"][i:i + 2], 16) for i in (1, 3, 5))
    assert samples.most_common(1)[0][0] == expected, samples
