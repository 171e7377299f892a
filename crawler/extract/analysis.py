"""Read a parsed page into the evidence the block model weighs: blocks, features, metadata, notices.

The same function serves extraction (crawler/extract/core.py) and the fitting of the
model's weights (bench/fit_blocks.py), so the weights are fitted on exactly the features
extraction computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from crawler.extract import pagetype
from crawler.extract.breaks import paragraphs_from_breaks
from crawler.extract.candidates import block_keys, found_in, inert, screened, trafilatura_text
from crawler.extract.clean import detached, find_bodies, prune_targets, remove_all, unhide
from crawler.extract.density import score_candidates
from crawler.extract.features import PageEvidence, block_features, headline_index
from crawler.extract.folds import unfold
from crawler.extract.hints import for_page
from crawler.extract.metadata import Metadata, extract_metadata
from crawler.extract.residue import ListShapes
from crawler.extract.segment import PRUNED, segment
from crawler.extract.tagindex import TagIndex
from crawler.extract.xpaths import page_names

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from crawler.extract.segment import Block
    from crawler.profiles import ExtractHints


@dataclass
class PageAnalysis:
    """Everything extraction knows about one page before the model decides."""

    page_blocks: list[Block]  # every visible line of the page, profile-pruned ones included
    notice: str | None  # deleted / blocked / error, when the page is a notice
    metadata: Metadata
    blocks: list[Block]  # the page minus what the site profile prunes
    scored: list[int]  # indices in ``blocks`` the model scores: all but the screened regions'
    rows: list[list[float]]  # the block features of those (crawler/extract/features.py)
    headline: int  # index in ``blocks`` of the line showing the headline, or -1
    has_container: bool
    listed: list[bool]  # per block: part of a headed or timestamped list (crawler/extract/residue.py)
    forms: list[HtmlElement]  # the page's <form> elements (crawler/extract/formcards.py)

    @property
    def scored_headline(self) -> int:
        """The headline's position among the scored blocks, or -1."""
        return self.scored.index(self.headline) if self.headline in self.scored else -1

    @property
    def page_texts(self) -> list[str]:
        """The page's visible lines."""
        return [block.text for block in self.page_blocks]


def analyse(tree: HtmlElement, url: str, hints: ExtractHints, *, folded: bool = True) -> PageAnalysis:
    """Cut ``tree`` into blocks and gather the evidence about each (the tree is pruned in place).

    Order: paragraphs written with ``<br>`` are wrapped in ``<p>`` (crawler/extract/breaks.py);
    the profile's container and prune targets are found; the whole page is
    segmented once; a notice page stops there; metadata is read from the unpruned page;
    the prune targets are removed; the readability-style scores are computed on what
    remains, trafilatura reads it without its small link-heavy regions
    (``candidates.screened``), and both become the features of the blocks outside those
    regions, which the model scores (the screened ones are never main text).
    """
    if folded:  # the page's source holds a fold button's words (``folds.may_fold``)
        unfold(tree)
    paragraphs_from_breaks(tree)
    tags = TagIndex.of(tree)
    hints = for_page(hints, page_names(tree))
    bodies = find_bodies(tree, hints.body_xpaths)
    container = bodies[0] if bodies else None
    for body in bodies:
        unhide(body)
    targets = prune_targets(tree, hints.prune_xpaths, keep=container)
    page_blocks = segment(tree, targets, bodies)
    notice = pagetype.notice_type(page_blocks, hints)
    texts = [block.text for block in page_blocks]
    metadata = extract_metadata(tree, hints, url, texts, tags)
    if notice:
        return PageAnalysis(page_blocks, notice, metadata, [], [], [], -1, container is not None, [], [])
    remove_all(targets)
    blocks = [block for block in page_blocks if not block.flags & PRUNED]
    for index, block in enumerate(blocks):
        block.index = index
    candidates = score_candidates(blocks)
    total = sum(len(block.text) for block in blocks)
    article = {*candidates.selected, *bodies}
    regions = screened(candidates.chars, candidates.link_chars, total, article)
    with detached([*regions, *inert(tags.inert)]):
        text = trafilatura_text(tree) if blocks else ""
    keys = block_keys(blocks)
    found = found_in(keys, text) if blocks else []
    headline = headline_index(blocks, metadata.title, keys)
    lists = ListShapes.of([block.text for block in blocks])
    inside = set(regions)
    scored = [i for i, block in enumerate(blocks) if i == headline or not _below_any(block, inside)]
    evidence = PageEvidence(
        [found[i] for i in scored],
        candidates,
        container is not None,
        scored.index(headline) if headline in scored else -1,
        lists.subset(scored),
    )
    rows = block_features([blocks[i] for i in scored], evidence)
    return PageAnalysis(page_blocks, None, metadata, blocks, scored, rows, headline, container is not None, lists.listed, tags.forms)


def _below_any(block: Block, regions: set[HtmlElement]) -> bool:
    """True when ``block`` sits in one of the screened ``regions``."""
    node: HtmlElement | None = block.element
    while node is not None:
        if node in regions:
            return True
        node = node.getparent()
    return False
