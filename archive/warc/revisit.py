"""Revisit records (identical-payload-digest profile): what they claim and how they are checked."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, replace
from typing import Any, Protocol

from archive.errors import WarcReadError
from archive.records import ArchivedResponse, RecordPointer

#: WARC-Profile values of revisits whose payload equals their original's (WARC 1.1 and 1.0).
REVISIT_PROFILES = (
    "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
    "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",
)


@dataclass(frozen=True)
class RevisitRef:
    """What a ``revisit`` record says about the original response it stands for."""

    revisit: RecordPointer
    target_uri: str
    refers_to_uri: str
    refers_to_date: str | None
    refers_to: str | None
    payload_digest: str

    def describe(self) -> str:
        """Name the revisit record and the original it refers to, for error messages."""
        original = f"{self.refers_to_uri} of {self.refers_to_date or 'unknown date'}"
        if self.refers_to:
            original += f" (record {self.refers_to})"
        return (f"revisit record {self.revisit.warc_record_id} in {self.revisit.warc_file} at offset "
                f"{self.revisit.warc_offset} refers to {original} with payload {self.payload_digest}")


class OriginalLookup(Protocol):
    """Anything that finds the original response of a revisit (see ``archive.replay.ordered.RevisitResolver``)."""

    def resolve(self, ref: RevisitRef) -> ArchivedResponse:
        """Return the original response ``ref`` refers to; raise WarcReadError if it cannot be found."""
        ...


def sha1_digest(data: bytes) -> str:
    """Return ``data``'s WARC digest: ``sha1:`` + base32 SHA-1, as WARC-Payload-Digest holds it."""
    return warc_digest(hashlib.sha1(data))


def warc_digest(sha1: hashlib._Hash) -> str:
    """Format a finished SHA-1 hash object as a WARC digest (``sha1:`` + base32)."""
    return "sha1:" + base64.b32encode(sha1.digest()).decode("ascii")


def digest_matches(value: str, data: bytes) -> bool:
    """Tell whether a WARC digest field (``algorithm:base32`` or ``algorithm:hex``) describes ``data``."""
    algorithm, _, encoded = value.strip().partition(":")
    try:
        digest = hashlib.new(algorithm.lower().replace("-", ""), data).digest()
    except ValueError:
        return False
    encoded = encoded.strip()
    return encoded.upper().rstrip("=") == base64.b32encode(digest).decode("ascii").rstrip("=") or (
        encoded.lower() == digest.hex())


def revisit_ref(record: Any, pointer: RecordPointer) -> RevisitRef:
    """Read what a revisit record says about its original.

    Raises:
        WarcReadError: not an identical-payload-digest revisit, or a field it needs is missing.
    """
    where = f"{pointer.warc_file} at offset {pointer.warc_offset}"
    headers = record.rec_headers
    profile = headers.get_header("WARC-Profile") or ""
    if profile not in REVISIT_PROFILES:
        raise WarcReadError(
            f"{where}: revisit record with profile {profile!r} carries no payload to resolve; only the "
            "identical-payload-digest profile is supported"
        )
    refers_to_uri = headers.get_header("WARC-Refers-To-Target-URI") or headers.get_header("WARC-Target-URI")
    digest = headers.get_header("WARC-Payload-Digest")
    if not digest:
        raise WarcReadError(f"{where}: revisit record for {refers_to_uri} lacks WARC-Payload-Digest; "
                            "its original cannot be identified")
    return RevisitRef(
        revisit=pointer,
        target_uri=headers.get_header("WARC-Target-URI") or "",
        refers_to_uri=refers_to_uri or "",
        refers_to_date=headers.get_header("WARC-Refers-To-Date") or None,
        refers_to=headers.get_header("WARC-Refers-To") or None,
        payload_digest=digest,
    )


def resolve_revisit(record: Any, revisit: ArchivedResponse, resolver: OriginalLookup | None) -> ArchivedResponse:
    """Return ``revisit`` with the payload and pointer of its original, checked against the digest.

    Raises:
        WarcReadError: no resolver, no original, or an original whose payload does not match.
    """
    ref = revisit_ref(record, revisit.pointer)
    if revisit.payload:
        raise WarcReadError(f"{ref.describe()}, yet stores {len(revisit.payload)} payload bytes itself; "
                            "not an identical-payload-digest revisit")
    if resolver is None:
        raise WarcReadError(f"{ref.describe()}; no resolver given — pass resolver=RevisitResolver(...)")
    original = resolver.resolve(ref)
    if not digest_matches(ref.payload_digest, original.payload):
        raise WarcReadError(
            f"{ref.describe()}, but the original found at {original.pointer.warc_file} offset "
            f"{original.pointer.warc_offset} has payload {sha1_digest(original.payload)}; the files do not belong together"
        )
    return replace(revisit, payload=original.payload, revisit_of=original.pointer)
