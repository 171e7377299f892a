"""The vocabulary of the reason trail (crawler/extract/trail.py): reasons, and what a removed line looks like.

A *reason* is the step that removed a line; a *kind* is a reader's name for the line
(share bar, recommendation list, footer …), read from the rule that matched it or, for a
line the model scored low, from the evidence the model saw: its list shape and the class
words of its element and ancestors (crawler/extract/tokens.py). The kind explains; it
never decides anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crawler.extract import tokens
from crawler.extract.residue import is_heading

if TYPE_CHECKING:
    from crawler.extract.segment import Block

#: Every reason a line can be left out of the text, with its meaning.
REASONS = {
    "profile_prune": "matched a prune XPath of the site profile",
    "link_region": "inside a link-heavy region (menu, link list) the model does not score",
    "outside_container": "outside the site profile's article container",
    "headline": "the headline (it is the title field, not text)",
    "model": "the block model's probability is below its threshold",
    "comment_section": "a reader's comment or a forum reply the model kept: under comment markup or a comment heading and kept only barely, or a post whose header names a reply",
    "post_signature": "a forum signature the model kept: short lines under a drawn rule it left out",
    "deck": "a kicker or subtitle beside the headline",
    "empty": "nothing left after trailing navigation was cut",
    "boilerplate": "a page-tool or editor boilerplate line (dropped anywhere)",
    "cross_reference": "a cross-reference label and another article's title (dropped anywhere)",
    "timestamped_list": "an item of a run of timestamped list items",
    "edge_boilerplate": "a statement or notice line around the text",
    "paywall_teaser": "a paywall's teaser around the text (crawler/extract/westernlines.py)",
    "subscription_prompt": "a newsletter's or a registration's prompt, anywhere (crawler/extract/westernlines.py)",
    "wire_credit": "a wire service's reporting and editing credits, or a print-edition note, around the text (crawler/extract/westernlines.py)",
    "reader_appeal": "an affiliate disclosure or a sponsor's read (anywhere), a call for donations (around the text) (crawler/extract/westernlines.py)",
    "author_bio": "an author's card (X is a reporter for …) around the text (crawler/extract/westernlines.py)",
    "image_credit": "a labelled image credit on a line of its own (Featured Image: …), anywhere (crawler/extract/westernlines.py)",
    "page_notice": "a site's notice about the page on a line of its own (a spoiler warning), anywhere (crawler/extract/westernlines.py)",
    "meta_line": "a date/source/counter line around the text",
    "repeated_headline": "the headline repeated above the text",
    "repeated_summary": "a summary above the text that the text below repeats",
    "recommendation_list": "a headed recommendation list below the text",
    "signature": "a drawn rule closing the text and the short signature under it",
    "after_end_mark": "a short line after the end mark (— 完 —, END) that closes the text",
    "related_table": "a table headed as a related list (相关股票 …), wherever it stands",
    "form_card": "a sign-up or log-in card the model kept: a small form-classed box with a button or an input",
    "promo_slogan": "an app or QR-code promo's slogan: a short line sharing a small box with the promo's line",
    "ad_box": "a line of a small box that opens with an ad's label (Werbung, Anzeige, 广告 …)",
    "bbs_header": "a BBS post's header lines (发信人, 标题, 发信站)",
    "bbs_reply": "a later post of a BBS thread: a reply",
    "not_article": "the page is not an article (list or notice): no text is kept",
}
#: Reasons whose post-clean pattern has a name (boilerplate.rule_name).
RULED = frozenset({"boilerplate", "edge_boilerplate"})

#: Class-word categories, most telling first, with the kind they suggest.
_CATEGORY_KINDS = (
    (tokens.RELATED, "recommendation list"),
    (tokens.SHARE, "share bar"),
    (tokens.COMMENT, "comments"),
    (tokens.AD, "advertisement"),
    (tokens.FOOTER, "footer"),
    (tokens.NAV, "navigation"),
    (tokens.SIDE, "sidebar"),
    (tokens.FORM, "form"),
    (tokens.HEADER, "page header"),
    (tokens.META, "meta line"),
    (tokens.MEDIA, "media credit"),
)
_RULE_KINDS = {
    "deck": "kicker or subtitle",
    "empty": "navigation",
    "timestamped_list": "timestamped list",
    "meta_line": "meta line",
    "repeated_headline": "headline",
    "repeated_summary": "summary",
    "cross_reference": "recommendation list",
    "recommendation_list": "recommendation list",
    "signature": "signature",
    "after_end_mark": "footer",
    "paywall_teaser": "paywall",
    "subscription_prompt": "form",
    "wire_credit": "meta line",
    "reader_appeal": "advertisement",
    "author_bio": "author box",
    "image_credit": "media credit",
    "page_notice": "notice",
    "related_table": "recommendation list",
    "form_card": "form",
    "promo_slogan": "advertisement",
    "ad_box": "advertisement",
    "comment_section": "comments",
    "post_signature": "signature",
    "bbs_header": "meta line",
    "bbs_reply": "comments",
}


def block_kind(block: Block, listed: bool) -> str:
    """What a line the model (or a link region) left out looks like, from its shape and class words."""
    if listed or is_heading(block.text):
        return "recommendation list"
    for bits in (block.near, block.bits):
        for category, kind in _CATEGORY_KINDS:
            if bits & category:
                return kind
    return "link list" if block.link_only else "low score"


def rule_kind(reason: str, rule: str | None, block: Block, listed: bool) -> str:
    """What a line a post-clean rule removed is, named by the rule."""
    if rule:
        return rule.replace("_", " ")
    return _RULE_KINDS.get(reason) or block_kind(block, listed)
