"""The folded rest of an article behind a 展开全文 button is text; other hidden elements stay hidden."""

from __future__ import annotations

from lxml import html

from crawler.extract import extract_html
from crawler.extract.folds import unfold

FIRST = "<p>数字人民币是中国人民银行发行的数字形式的法定货币，由指定运营机构参与运营。</p>"
REST = "<p>数字人民币的另一大特点是支持双离线支付。两部手机碰一碰，就能完成转账。</p><p>这一点，是第三方支付平台做不到的。</p>"
BUTTON = "<div class='m-fold-btn'><span>继续阅读全文</span></div>"


def _tree(body: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body><article>{body}</article></body></html>")


def test_the_fold_behind_its_button_is_shown() -> None:
    tree = _tree(FIRST + BUTTON + f"<div class='m-fold-content' style='display:none'>{REST}</div>")
    assert len(unfold(tree)) == 1
    page = f"<html><head><title>数字人民币</title></head><body><h1>数字人民币</h1><article>{FIRST}{BUTTON}<div style='display:none'>{REST}</div></article></body></html>"
    text = extract_html(page.encode(), "https://www.example.com/a.html", {}).text or ""
    assert "双离线支付" in text and "继续阅读全文" not in text


def test_hidden_elements_without_a_button_or_repeating_the_text_stay_hidden() -> None:
    assert unfold(_tree(FIRST + f"<div style='display:none'>{REST}</div>")) == []  # no button: a popup, SEO text
    copy = f"<div style='display:none'>{FIRST}{REST}</div>"
    assert unfold(_tree(FIRST + BUTTON + copy)) == []  # a hidden full copy beside the visible excerpt
    short = "<div style='display:none'><p>加载更多</p></div>"
    assert unfold(_tree(FIRST + BUTTON + short)) == []  # no sentences
