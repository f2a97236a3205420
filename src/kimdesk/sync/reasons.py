"""Why the office refuses a bundle: a stable code for scripts and tests, a German sentence for
the coordinator.

The code is what ``merge --json`` gives as ``reason_code`` and what the desktop app translates;
the sentence (``str(exc)``) may name details (an entity, a code from the file, printable and
cut). Codes are never renamed: district scripts compare them.
"""

from __future__ import annotations

from enum import StrEnum

from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.text import printable


class Reason(StrEnum):
    # the file itself
    MISSING = "missing"
    NOT_A_FILE = "not_a_file"
    UNREADABLE = "unreadable"
    TOO_LARGE = "too_large"
    # the header, readable without keys
    NOT_A_BUNDLE = "not_a_bundle"
    TRUNCATED = "truncated"
    FORMAT_VERSION = "format_version"
    HEADER_DAMAGED = "header_damaged"
    LENGTH_MISMATCH = "length_mismatch"
    # who signed it
    UNKNOWN_SIGNER = "unknown_signer"
    NOT_A_DEVICE = "not_a_device"
    KEY_MISMATCH = "key_mismatch"
    BAD_SIGNATURE = "bad_signature"
    # the encrypted payload
    WRONG_RECIPIENT = "wrong_recipient"
    UNDECRYPTABLE = "undecryptable"
    MANIFEST_INVALID = "manifest_invalid"
    MANIFEST_MISMATCH = "manifest_mismatch"
    PAYLOAD_DAMAGED = "payload_damaged"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    COUNT_MISMATCH = "count_mismatch"
    HASH_MISMATCH = "hash_mismatch"
    RECORD_TOO_LARGE = "record_too_large"
    STRICT_JSON = "strict_json"
    RECORD_INVALID = "record_invalid"
    RECORD_ORDER = "record_order"
    SCHEMA_NEWER = "schema_newer"
    # what the office believes after a good signature
    FOREIGN_ORIGIN = "foreign_origin"
    FUTURE_TIMESTAMP = "future_timestamp"
    UNKNOWN_CODE = "unknown_code"
    TOO_MANY_RECORDS = "too_many_records"
    TOO_MUCH_TEXT = "too_much_text"
    #: a case handover the signer may not make, or a package not as the manifest says
    HANDOVER_INVALID = "handover_invalid"
    # the sequence
    BUNDLE_ID_REUSED = "bundle_id_reused"
    # at the Land (county reports)
    #: a report the Land has read before (the same office's number)
    REPORT_REPLAYED = "report_replayed"
    #: a county another office speaks for, or an office speaking for another county
    COUNTY_MISMATCH = "county_mismatch"
    #: a period of another kind than the county's other reports of that year
    PERIOD_OVERLAP = "period_overlap"


class BundleRejected(KimdeskError):
    """The bundle was refused: ``code`` says why for programs, the message for people."""

    def __init__(self, code: Reason, message: str):
        super().__init__(message)
        self.code = Reason(code)


__all__ = ["BundleRejected", "Reason", "printable"]
