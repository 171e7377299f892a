"""The reason trail of an extraction: for every visible line of a page, whether it was kept and why not.

``extract_trail`` runs the same steps as ``extract_html`` (crawler/extract/core.py) on the
same bytes, through the same functions (``analyse``, ``decide``, ``finish_verdicts``), and
records what each step did to each block: pruned by the site profile's XPath, left in a
link-heavy region the model does not score, outside the profile's container, the
headline, scored below the model's threshold (with the probability), or dropped by a
named post-clean rule. The kept lines are exactly the Document's text (a test holds them
equal on every fixture page). The trail never enters the Document: text.jsonl stays as
it is; it is what ``zhengwen review`` highlights and what makes a wrong removal
reportable in one line (``Trail.report_line``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from crawler.extract import pagetype, sniff
from crawler.extract.analysis import analyse
from crawler.extract.boilerplate import rule_name
from crawler.extract.core import HeaderMap
from crawler.extract.decision import Decision, decide
from crawler.extract.decode import decode_body
from crawler.extract.folds import may_fold
from crawler.extract.hints import merged_hints
from crawler.extract.maintext import finish_verdicts
from crawler.extract.model import default_model
from crawler.extract.repair import parse_html
from crawler.extract.segment import CONTAINER, PRUNED
from crawler.extract.trailkinds import REASONS, RULED, block_kind, rule_kind
from crawler.extract.xpaths import compiled
from crawler.profiles import profile_for_url

if TYPE_CHECKING:
    from collections.abc import Mapping

    from lxml.html import HtmlElement

    from crawler.extract.analysis import PageAnalysis
    from crawler.extract.model import BlockModel
    from crawler.extract.segment import Block
    from crawler.profiles import SiteProfile


@dataclass(frozen=True)
class BlockFate:
    """One visible line of the page and what extraction did with it."""

    index: int  # position among the page's visible lines
    text: str
    path: str  # XPath of the line's element in the page as parsed (lxml ``getpath``)
    kept: bool
    reason: str | None  # why it is not in the text: a key of ``REASONS``; None when kept
    rule: str | None = None  # which rule: the prune XPath, the post-clean pattern's name
    score: float | None = None  # the block model's probability, when it scored the line
    kind: str | None = None  # what the line looks like it is (share bar, recommendation list …)

    @property
    def label(self) -> str:
        """A short human name of the reason: ``recommendation list (model p=0.03)``."""
        if self.kept or self.reason is None:
            return "kept"
        detail = self.reason if self.score is None else f"{self.reason} p={self.score:.2f}"
        if self.rule and self.reason == "profile_prune":
            detail = f"profile prune {self.rule}"
        elif self.rule:
            detail = f"{detail}: {self.rule}"
        return f"{self.kind} ({detail})" if self.kind else detail


@dataclass(frozen=True)
class Trail:
    """What extraction did with each line of one page."""

    url: str
    page_type: str
    threshold: float
    blocks: list[BlockFate] = field(default_factory=list)
    spam_title: str | None = None  # the ``<title>`` refused as a spam or hijacked title

    @property
    def removed(self) -> list[BlockFate]:
        """The lines that are not in the text."""
        return [fate for fate in self.blocks if not fate.kept]

    @property
    def text(self) -> str | None:
        """The kept lines, joined as the Document's ``text`` (None unless an article)."""
        if self.page_type != pagetype.ARTICLE:
            return None
        return "\n".join(fate.text for fate in self.blocks if fate.kept) or None

    def report_line(self, index: int) -> str:
        """One line that names a line's fate, for an issue: URL, line, text, reason, element."""
        fate = self.blocks[index]
        verdict = "kept" if fate.kept else f"removed as {fate.label}"
        return f"{self.url} line {fate.index} {fate.text[:60]!r}: {verdict} at {fate.path}"

    def to_dict(self) -> dict[str, Any]:
        """Plain data (JSON-ready)."""
        return asdict(self)


def extract_trail(
    body: bytes,
    url: str,
    headers: Mapping[str, str] | None = None,
    *,
    profile: SiteProfile | None = None,
    model: BlockModel | None = None,
) -> Trail:
    """The reason trail of ``extract_html(body, url, headers)``: the same decision, line by line.

    Args:
        body: the payload, Content-Encoding already removed.
        url: the response's URL; it selects the site profile.
        headers: response headers, any key case.
        profile: the site profile to use instead of the URL's.
        model: the block-model weights to use instead of the bundled ones.
    """
    fields = HeaderMap(headers)
    profile = profile or profile_for_url(url)
    hints = merged_hints(profile)
    model = model or default_model()
    if pagetype.is_attachment(body, fields):
        return Trail(url, pagetype.ATTACHMENT, model.threshold)
    if sniff.is_binary_junk(body):
        return Trail(url, pagetype.ERROR, model.threshold)
    decoded = decode_body(sniff.parse_window(body), fields).text
    tree = parse_html(decoded)
    if tree is None:
        return Trail(url, pagetype.ERROR, model.threshold)
    paths = element_paths(tree)
    pruned_by = _prune_rules(tree, hints.prune_xpaths)
    analysis = analyse(tree, url, hints, folded=may_fold(decoded))
    spam = analysis.metadata.extra.get("title_raw") if analysis.metadata.extra.get("spam_title") else None
    if analysis.notice:
        fates = [_fate(i, b, paths, "not_article", rule=analysis.notice) for i, b in enumerate(analysis.page_blocks)]
        return Trail(url, analysis.notice, model.threshold, fates, spam)
    page_type, fates = _decided_fates(analysis, model, url, paths, pruned_by)
    return Trail(url, page_type, model.threshold, fates, spam if isinstance(spam, str) else None)


def element_paths(tree: HtmlElement) -> dict[HtmlElement, str]:
    """Every element's XPath in ``tree`` as parsed, taken before extraction prunes it.

    The same markup parsed again (``repair.parse_html``) has the same paths, which is how
    ``zhengwen review`` finds a line's element in the page it renders.
    """
    root = tree.getroottree()
    return {element: root.getpath(element) for element in tree.iter() if isinstance(element.tag, str)}


def _prune_rules(tree: HtmlElement, xpaths: tuple[str, ...] | list[str]) -> dict[HtmlElement, str]:
    """Which of the profile's prune XPaths matches each element (the first that does)."""
    found: dict[HtmlElement, str] = {}
    for xpath in xpaths:
        for node in compiled(xpath)(tree):
            if isinstance(getattr(node, "tag", None), str):
                found.setdefault(node, xpath)
    return found


def _decided_fates(
    analysis: PageAnalysis, model: BlockModel, url: str, paths: dict[HtmlElement, str], pruned_by: dict[HtmlElement, str]
) -> tuple[str, list[BlockFate]]:
    blocks = analysis.blocks
    decision = decide(analysis, model)
    title = analysis.metadata.title
    verdicts = finish_verdicts(blocks, decision.keep, title, analysis.headline, analysis.listed)
    kept = decision.kept(blocks)
    is_list = not analysis.has_container and pagetype.looks_like_list(blocks, kept, decision.best, url, analysis.headline)
    scored = set(analysis.scored)
    position = {id(block): i for i, block in enumerate(blocks)}
    fates = []
    for index, block in enumerate(analysis.page_blocks):
        if block.flags & PRUNED:
            fates.append(_fate(index, block, paths, "profile_prune", rule=_prune_rule(block, pruned_by), kind="site chrome"))
            continue
        i = position[id(block)]
        score = decision.probabilities[i] if i in scored else None
        listed = analysis.listed[i]
        if is_list:
            fates.append(_fate(index, block, paths, "not_article", rule=pagetype.LIST, score=score))
        elif i in verdicts:
            line, reason = verdicts[i]
            rule = rule_name(line, edge=reason == "edge_boilerplate") if reason in RULED else None
            kind = rule_kind(reason, rule, block, listed) if reason else None
            fates.append(_fate(index, block, paths, reason, rule=rule, score=score, kind=kind, text=line))
        else:
            reason = _unkept_reason(analysis, decision, i, scored)
            kind = "headline" if reason == "headline" else rule_kind(reason, None, block, listed)
            fates.append(_fate(index, block, paths, reason, score=score, kind=kind))
    return (pagetype.LIST if is_list else pagetype.ARTICLE), fates


def _unkept_reason(analysis: PageAnalysis, decision: Decision, i: int, scored: set[int]) -> str:
    scope = decision.scope
    if i == analysis.headline:
        return "headline"
    if i not in scored:
        return "link_region"
    if analysis.has_container and not analysis.blocks[i].flags & CONTAINER:
        return "outside_container"
    if not scope[i]:
        return "link_region"
    return decision.dropped.get(i, "model")  # a comment, a reply or a signature (crawler/extract/comments.py, replies.py)


def _prune_rule(block: Block, pruned_by: dict[HtmlElement, str]) -> str | None:
    node: HtmlElement | None = block.element
    while node is not None:
        if node in pruned_by:
            return pruned_by[node]
        node = node.getparent()
    return None


def _fate(
    index: int,
    block: Block,
    paths: dict[HtmlElement, str],
    reason: str | None,
    *,
    rule: str | None = None,
    score: float | None = None,
    kind: str | None = None,
    text: str | None = None,
) -> BlockFate:
    if reason is not None and reason not in REASONS:
        raise KeyError(f"unknown trail reason {reason!r}; add it to crawler/extract/trailkinds.py REASONS")
    rounded = None if score is None else round(score, 4)
    return BlockFate(index, block.text if text is None or reason else text, _path(block.element, paths),
                     reason is None, reason, rule, rounded, kind)


def _path(element: HtmlElement, paths: dict[HtmlElement, str]) -> str:
    """The XPath of ``element`` as parsed; for a ``<p>`` extraction wrapped around ``<br>``-separated text, its holder's."""
    node: HtmlElement | None = element
    while node is not None:
        found = paths.get(node)
        if found is not None:
            return found
        node = node.getparent()
    return ""
