"""Group exact and near-duplicate documents (the same article reposted with other chrome).

Two documents are duplicates when their normalised texts are equal (exact), or when the
MinHash estimate of the Jaccard similarity of their character 5-gram sets reaches the
threshold (near). Candidate pairs come from MinHash LSH, then each pair is verified with
the estimated Jaccard; groups are the connected components of the verified pairs.

MinHash and LSH come from ``datasketch`` rather than hand-rolled hashing: a deliberate
departure from "archive/ imports warcio and the standard library only" (issue #5 asks for
a maintained similarity library). It is imported on first use, so ``import archive`` does
not pay for numpy and scipy.

Every group's representative is its earliest-fetched member (``fetched_at``; ties broken by
URL, then record id, then the whole document), and every other member names it in
``duplicate_of``. The result depends on the set of documents only, never on their order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from archive.corpus.jsonl import document_to_json
from archive.progress import progress
from archive.records import Document

if TYPE_CHECKING:
    from datasketch import MinHash  # type: ignore[import-untyped]

#: Estimated Jaccard similarity of 5-gram sets from which two texts are near-duplicates.
#: Reposts of one article measure ≥ 0.9 (only a credit line or caption differs); two
#: different articles of one site share boilerplate but stay far below 0.5.
DEFAULT_THRESHOLD = 0.8
NUM_PERM = 128
#: Fixed so that the same documents always give the same signatures (and groups).
SEED = 1
SHINGLE_CHARS = 5
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
_MICROSECOND = dt.timedelta(microseconds=1)


def normalise_text(text: str) -> str:
    """NFKC-fold ``text`` and drop whitespace, punctuation, separators and control/format
    characters (zero-width spaces), so chrome-level differences in spacing and full- vs
    half-width punctuation do not separate copies of one text."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] not in "PZC")


def shingles(normalised: str, size: int = SHINGLE_CHARS) -> set[bytes]:
    """The set of ``size``-character substrings of ``normalised`` (UTF-8); the whole text if shorter."""
    if len(normalised) <= size:
        return {normalised.encode("utf-8")}
    return {normalised[i:i + size].encode("utf-8") for i in range(len(normalised) - size + 1)}


def document_key(doc: Document) -> str:
    """How ``duplicate_of`` names a document: its WARC record id, else its URL."""
    return doc.warc_record_id or doc.url


def _fetch_time(doc: Document) -> tuple[int, int]:
    """(0, microseconds since the epoch) of ``fetched_at``; (1, 0) when missing or unparsable."""
    if not doc.fetched_at:
        return (1, 0)
    try:
        when = dt.datetime.fromisoformat(doc.fetched_at.replace("Z", "+00:00"))
    except ValueError:  # not a WARC-Date: sorts after every dated document
        return (1, 0)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return (0, (when - _EPOCH) // _MICROSECOND)


def fetch_order(doc: Document) -> tuple[tuple[int, int], str, str, str]:
    """Sort key: earliest ``fetched_at`` first (undated last), then URL, record id, whole document."""
    return (_fetch_time(doc), doc.url, doc.warc_record_id or "", document_to_json(doc))


class _UnionFind:
    """Disjoint sets over 0..n-1; the smaller index becomes the root (order-independent sets)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _signature(normalised: str) -> MinHash:
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, seed=SEED)
    signature.update_batch(sorted(shingles(normalised)))
    return signature


def _near_pairs(signatures: dict[str, MinHash], threshold: float) -> list[tuple[str, str]]:
    """Pairs of text digests whose LSH buckets collide and whose estimated Jaccard ≥ threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    for digest in sorted(signatures):
        lsh.insert(digest, signatures[digest])
    pairs = []
    for digest in sorted(signatures):
        for other in sorted(lsh.query(signatures[digest])):
            if other > digest and signatures[digest].jaccard(signatures[other]) >= threshold:
                pairs.append((digest, other))
    return pairs


def group_duplicates(docs: Sequence[Document], *, threshold: float = DEFAULT_THRESHOLD) -> list[str | None]:
    """Return, for each document in ``docs``, the key of its group's representative.

    Args:
        docs: the documents to compare (only those with a non-empty normalised text take part).
        threshold: near-duplicate threshold on the estimated Jaccard similarity, in (0, 1].

    Returns:
        A list aligned with ``docs``: ``document_key`` of the earliest-fetched member of the
        document's group, or None for that representative itself and for documents that
        duplicate nothing.

    Raises:
        ValueError: ``threshold`` is outside (0, 1].
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"near-duplicate threshold must be in (0, 1], got {threshold}")
    by_digest: dict[str, list[int]] = {}
    texts: dict[str, str] = {}
    for index, doc in enumerate(docs):
        normalised = normalise_text(doc.text or "")
        if normalised:
            digest = hashlib.sha1(normalised.encode("utf-8")).hexdigest()
            by_digest.setdefault(digest, []).append(index)
            texts.setdefault(digest, normalised)
    sets = _UnionFind(len(docs))
    for members in by_digest.values():
        for index in members[1:]:
            sets.union(members[0], index)
    signatures = {d: _signature(texts[d]) for d in progress(sorted(texts), "duplicates", total=len(texts))}
    for a, b in _near_pairs(signatures, threshold):
        sets.union(by_digest[a][0], by_digest[b][0])
    groups: dict[int, list[int]] = {}
    for members in by_digest.values():
        for index in members:
            groups.setdefault(sets.find(index), []).append(index)
    result: list[str | None] = [None] * len(docs)
    for members in groups.values():
        if len(members) > 1:
            first = min(members, key=lambda i: fetch_order(docs[i]))
            for index in members:
                if index != first:
                    result[index] = document_key(docs[first])
    return result
