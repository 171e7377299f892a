"""The block model's decision on an analysed page: probabilities, which blocks may be kept, which are.

Shared by extraction (crawler/extract/core.py) and its reason trail
(crawler/extract/trail.py), so the trail explains exactly the decision extraction made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crawler.extract.comments import without_dated_comments, without_marginal_comments, without_reply_lists
from crawler.extract.formcards import without_form_cards
from crawler.extract.promoboxes import without_promo_slogans
from crawler.extract.galleries import with_gallery_captions
from crawler.extract.postings import without_later_postings
from crawler.extract.headings import with_inner_headings, with_series_headings, with_sibling_headings
from crawler.extract.maintext import (
    keep_flags,
    with_inner_attachments,
    with_labelled_lead,
    with_question_supplement,
    with_signature,
    without_headed_tables,
)
from crawler.extract.adboxes import without_labelled_ads
from crawler.extract.linkedtitles import without_linked_cards, without_linked_references
from crawler.extract.panelposts import with_panel_posts
from crawler.extract.replies import post_headers, without_replies, without_signatures
from crawler.extract.segment import CONTAINER
from crawler.extract.starterposts import with_starter_posts

if TYPE_CHECKING:
    from crawler.extract.analysis import PageAnalysis
    from crawler.extract.model import BlockModel
    from crawler.extract.segment import Block


@dataclass(frozen=True)
class Decision:
    """Per block of ``PageAnalysis.blocks``: its probability, whether it may be kept, whether it is."""

    probabilities: list[float]  # 0.0 for blocks the model does not score (screened regions)
    scope: list[bool]  # scored, and inside the profile's container when there is one
    keep: list[bool]
    best: float  # the highest probability of a scored block other than the headline
    dropped: dict[int, str]  # blocks the model kept that a rule took out again, with the rule's reason

    def kept(self, blocks: list[Block]) -> list[Block]:
        """The kept blocks, in page order."""
        return [block for block, flag in zip(blocks, self.keep) if flag]


def _noting(dropped: dict[int, str], reason: str, before: list[bool], after: list[bool]) -> list[bool]:
    """``after``, with the blocks it drops from ``before`` noted in ``dropped`` under ``reason``."""
    if after is not before:  # the rules return their input itself when they change nothing
        dropped.update((i, reason) for i, (was, now) in enumerate(zip(before, after)) if was and not now)
    return after


def decide(analysis: PageAnalysis, model: BlockModel) -> Decision:
    """Score the analysed page's blocks and keep those at the model's threshold (crawler/extract/maintext.py)."""
    blocks = analysis.blocks
    probabilities = [0.0] * len(blocks)
    for index, probability in zip(analysis.scored, model.probabilities(analysis.rows)):
        probabilities[index] = probability
    scope = [False] * len(blocks)  # only scored blocks, and with a container only its blocks
    for index in analysis.scored:
        scope[index] = not analysis.has_container or bool(blocks[index].flags & CONTAINER)
    keep = keep_flags(probabilities, model.threshold, analysis.headline, scope)
    scored = [False] * len(blocks)
    for index in analysis.scored:
        scored[index] = True
    dropped: dict[int, str] = {}
    keep = _noting(dropped, "comment_section", keep, without_marginal_comments(blocks, keep, probabilities))
    keep = _noting(dropped, "comment_section", keep, without_dated_comments(blocks, keep))
    keep = _noting(dropped, "comment_section", keep, without_reply_lists(blocks, keep))
    keep = _noting(dropped, "comment_section", keep, without_later_postings(blocks, keep))
    headers = post_headers(blocks)  # read once for the thread rules: they depend on the blocks only
    keep = _noting(dropped, "comment_section", keep, without_replies(blocks, keep, headers))
    keep = with_panel_posts(blocks, with_starter_posts(blocks, keep, headers), headers)
    keep = _noting(dropped, "post_signature", keep, without_signatures(blocks, keep, headers))
    keep = _noting(dropped, "related_table", keep, without_headed_tables(blocks, keep))
    keep = _noting(dropped, "cross_reference", keep, without_linked_references(blocks, keep))
    keep = _noting(dropped, "cross_reference", keep, without_linked_cards(blocks, keep))
    keep = _noting(dropped, "form_card", keep, without_form_cards(blocks, keep, analysis.forms))
    keep = _noting(dropped, "promo_slogan", keep, without_promo_slogans(blocks, keep))
    keep = _noting(dropped, "ad_box", keep, without_labelled_ads(blocks, keep))
    keep = with_question_supplement(blocks, with_labelled_lead(blocks, keep, scored), scored)
    keep = with_series_headings(blocks, with_inner_headings(blocks, keep, scope), scope)
    keep = with_sibling_headings(blocks, keep, scope)
    keep = with_inner_attachments(blocks, keep, scope)
    keep = with_gallery_captions(blocks, with_signature(blocks, keep), scope)
    best = max((probabilities[i] for i in analysis.scored if i != analysis.headline), default=0.0)
    return Decision(probabilities, scope, keep, best, dropped)
