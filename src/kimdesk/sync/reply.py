"""The content of a reply (``*.kimr``): what the office tells one device.

The plaintext inside the container (``container.REPLY``) is one canonical JSON object::

    {"format": "kimdesk-reply", "version": 1, "reply_id": "<uuid>", "office_id": "<uuid>",
     "device_id": "<uuid>", "seq": 3, "created_at": "2026-12-02T10:00:00.000000Z",
     "acknowledged": [{"seq": 1, "bundle_id": "<uuid>"}, ...],
     "records": [{"kind": "structural_need", "record": {...}}, ...],
     "profile": null,
     "directory": [{"installation_id": "<uuid>", "name": "CM-07 Troisdorf",
                    "signing_key": "<base64>", "agreement_key": "<base64>",
                    "fingerprint": "ABCD-…-WXYZ"}, ...],
     "handovers": [{"handover_id": "<uuid>", "sender_id": "<uuid>", "cases": ["<uuid>", …],
                    "records": [["client", "<uuid>", 3], …], "package": "<base64>"}, ...],
     "completed": ["<handover id>", ...]}

``acknowledged`` lists the device's bundles the office has merged, by number and id (a device
restored from a backup numbers again: the id tells its new bundle 1 from the old one), in
ascending order without repeats, all of them: replies are cumulative, so a lost one costs
nothing. ``records`` are the office's decisions on records of the device (a coordinator's
edit, a settled conflict, a need merged by field): wire records as in a bundle (exported
fields only, ``origin`` the office), in ``ENTITY_ORDER`` and by id, every one still standing,
so these too are cumulative. ``profile`` is null or the county profile's current version as a
document (``domain.profile.document``, the catalog file format with ``version`` and each code's
``since``), sent while the office has a version above 1. No other key is allowed, and none
may be missing; the format is frozen (``tests/fixtures/bundles/reply_v1.kimr``).
``directory`` lists the county's case manager devices the office has enrolled with a
usable key (by installation id, each once): the names, keys and fingerprints a case handover
is addressed with, vouched for by the office's signature on the reply. ``handovers`` are the
case handover packages for this device the office holds and the device has not confirmed yet
(forwarded unopened, as the sender's bundle brought them; only this device can open them),
by handover id; ``completed`` the ids of this device's own handovers their receiver has
taken, ascending. Both are cumulative, like the rest.
"""

from __future__ import annotations

import base64
import itertools
from dataclasses import dataclass
from datetime import datetime

from kimdesk.domain.errors import KimdeskError
from kimdesk.domain.ids import UUID_PATTERN
from kimdesk.domain.profile import read_profile

from .container import MAX_SEQ
from .fields import ENTITY_ORDER, canonical, json_value
from .identity import canonical_base64, fingerprint, fingerprint_v1, key_from_base64, usable_x25519
from .reasons import BundleRejected, Reason
from .strict import from_wire, read_document
from .wire import Listed, ascending_ids, is_uuid, read_listed

FORMAT = "kimdesk-reply"
VERSION = 1
#: Far more bundles than a device writes in its life (one a day for 270 years).
MAX_ACKNOWLEDGED = 100_000
#: Decisions in one reply: far more than a county's coordinator makes.
MAX_RECORDS = 100_000
_KEYS = {"format", "version", "reply_id", "office_id", "device_id", "seq", "created_at",
         "acknowledged", "records", "profile", "directory", "handovers", "completed"}  # fmt: skip
#: Handovers one reply forwards or completes.
MAX_HANDOVERS = 10_000
_HANDOVER_KEYS = {"handover_id", "sender_id", "cases", "records", "package"}
#: Cases of one handover (a laptop's).
MAX_CASES = 200_000
#: Devices in a county's directory: far more than a county enrols.
MAX_DIRECTORY = 10_000
_ENTRY_KEYS = {"installation_id", "name", "signing_key", "agreement_key", "fingerprint"}


@dataclass(frozen=True)
class Reply:
    reply_id: str
    office_id: str
    device_id: str
    seq: int
    created_at: datetime
    #: (bundle number, bundle id) of every bundle of the device the office has merged.
    acknowledged: tuple[tuple[int, str], ...]
    #: (kind, wire record) of each decision of the office, typed when read.
    records: tuple[tuple[str, dict], ...] = ()
    #: The county profile's document, if the reply carries one (checked when read).
    profile: dict | None = None
    #: The county's devices (``DirectoryEntry``), by installation id.
    directory: tuple[DirectoryEntry, ...] = ()
    #: Packages for this device, by handover id.
    handovers: tuple[ForwardedHandover, ...] = ()
    #: This device's handovers that their receiver has taken.
    completed: tuple[str, ...] = ()

    def to_bytes(self) -> bytes:
        return canonical(
            {
                "format": FORMAT,
                "version": VERSION,
                "reply_id": self.reply_id,
                "office_id": self.office_id,
                "device_id": self.device_id,
                "seq": self.seq,
                "created_at": json_value(self.created_at),
                "acknowledged": [{"seq": n, "bundle_id": b} for n, b in self.acknowledged],
                "records": [{"kind": k, "record": r} for k, r in self.records],
                "profile": self.profile,
                "directory": [e.as_json() for e in self.directory],
                "handovers": [h.as_json() for h in self.handovers],
                "completed": list(self.completed),
            }
        )


def _bad(what: str) -> BundleRejected:
    return BundleRejected(Reason.MANIFEST_INVALID, f"die Antwort der Kreisstelle ist {what}")


def read_reply(plaintext: bytes) -> Reply:
    """The reply of a verified, decrypted container, checked strictly."""
    obj, ids, created = read_document(
        plaintext, keys=_KEYS, form=FORMAT, version=VERSION,
        ids=("reply_id", "office_id", "device_id"), it="die Antwort", bad=_bad,
    )  # fmt: skip
    seq, acknowledged = obj["seq"], obj["acknowledged"]
    if type(seq) is not int or not 1 <= seq <= MAX_SEQ:
        raise _bad("beschädigt (Laufnummer)")
    pairs = _acknowledged(acknowledged)
    if pairs is None:
        raise _bad("beschädigt (angekommene Bundles)")
    profile = obj["profile"]
    if profile is not None:
        try:
            read_profile(profile)
        except KimdeskError as exc:
            raise _bad(f"beschädigt (Kreisprofil: {exc})") from None
    return Reply(*ids, seq, created, pairs, _records(obj["records"], obj["office_id"]), profile,
                 _directory(obj["directory"]), _handovers(obj["handovers"], obj["device_id"]),
                 _completed(obj["completed"]))  # fmt: skip


@dataclass(frozen=True)
class ForwardedHandover:
    """A case handover package the office forwards: as the sender's bundle brought it."""

    handover_id: str
    sender_id: str
    cases: tuple[str, ...]
    #: ``(kind, id, version)`` of every record in the package, as the office checked them.
    records: Listed
    package: bytes

    def as_json(self) -> dict:
        return {"handover_id": self.handover_id, "sender_id": self.sender_id,
                "cases": list(self.cases), "records": [list(r) for r in self.records],
                "package": base64.b64encode(self.package).decode("ascii")}  # fmt: skip


def _handovers(items, device_id: str) -> tuple[ForwardedHandover, ...]:
    if not isinstance(items, list) or len(items) > MAX_HANDOVERS:
        raise _bad("beschädigt (Fallübergaben)")
    forwarded = []
    for item in items:
        if not isinstance(item, dict) or set(item) != _HANDOVER_KEYS \
                or not is_uuid(item["handover_id"]) or not is_uuid(item["sender_id"]) \
                or not item["cases"] or not ascending_ids(item["cases"], MAX_CASES) \
                or item["sender_id"] == device_id:  # fmt: skip
            raise _bad("beschädigt (eine Fallübergabe)")
        package, listed = canonical_base64(item["package"]), read_listed(item["records"])
        if not package or listed is None \
                or [i for kind, i, _v in listed if kind == "case"] != item["cases"]:  # fmt: skip
            raise _bad("beschädigt (eine Fallübergabe)")
        forwarded.append(ForwardedHandover(item["handover_id"], item["sender_id"],
                                           tuple(item["cases"]), listed, package))  # fmt: skip
    if any(a.handover_id >= b.handover_id for a, b in itertools.pairwise(forwarded)):
        raise _bad("beschädigt (Reihenfolge der Fallübergaben)")
    return tuple(forwarded)


def _completed(items) -> tuple[str, ...]:
    if not ascending_ids(items, MAX_HANDOVERS):
        raise _bad("beschädigt (abgeschlossene Fallübergaben)")
    return tuple(items)


@dataclass(frozen=True)
class DirectoryEntry:
    installation_id: str
    name: str
    signing_key: bytes
    agreement_key: bytes
    fingerprint: str

    def as_json(self) -> dict:
        return {
            "installation_id": self.installation_id, "name": self.name,
            "signing_key": base64.b64encode(self.signing_key).decode("ascii"),
            "agreement_key": base64.b64encode(self.agreement_key).decode("ascii"),
            "fingerprint": self.fingerprint,
        }  # fmt: skip


def directory_name_ok(name) -> bool:
    """A device's name as a directory may carry it: text, at most 200 characters, without
    control or direction characters."""
    return isinstance(name, str) and 0 < len(name) <= 200 and name.strip() != "" \
        and name.isprintable()  # fmt: skip


def entry_fingerprint_ok(entry: DirectoryEntry) -> bool:
    """The fingerprint is the one over the entry's own id, name and keys (identity format 2,
    or format 1 for a device enrolled with an old identity file): an office cannot pair a
    device's fingerprint with other keys."""
    return entry.fingerprint in (
        fingerprint(entry.installation_id, "casemanager", entry.name, entry.signing_key,
                    entry.agreement_key),
        fingerprint_v1(entry.installation_id, entry.signing_key, entry.agreement_key),
    )  # fmt: skip


def _directory(items) -> tuple[DirectoryEntry, ...]:
    if not isinstance(items, list) or len(items) > MAX_DIRECTORY:
        raise _bad("beschädigt (Verzeichnis der Geräte)")
    entries = []
    for item in items:
        if not isinstance(item, dict) or set(item) != _ENTRY_KEYS:
            raise _bad("beschädigt (Verzeichnis der Geräte)")
        signing, agreement = (
            key_from_base64(item["signing_key"]),
            key_from_base64(item["agreement_key"]),
        )
        name = item["name"]
        shown = item["fingerprint"]
        if (
            not isinstance(item["installation_id"], str)
            or not UUID_PATTERN.fullmatch(item["installation_id"])
            or not directory_name_ok(name)
            or signing is None or agreement is None or not usable_x25519(agreement)
            or not isinstance(shown, str)
        ):  # fmt: skip
            raise _bad("beschädigt (ein Eintrag im Verzeichnis der Geräte)")
        entry = DirectoryEntry(item["installation_id"], name, signing, agreement, shown)
        if not entry_fingerprint_ok(entry):
            raise _bad("beschädigt (ein Fingerabdruck im Verzeichnis passt nicht zu den "
                       "Schlüsseln des Geräts)")  # fmt: skip
        entries.append(entry)
    ids = [e.installation_id for e in entries]
    if any(a >= b for a, b in itertools.pairwise(ids)):
        raise _bad("beschädigt (Reihenfolge im Verzeichnis der Geräte)")
    return tuple(entries)


def _records(items, office_id: str) -> tuple[tuple[str, dict], ...]:
    """The decisions, each a strict wire record of the office's, in bundle order."""
    if not isinstance(items, list) or len(items) > MAX_RECORDS:
        raise _bad("beschädigt (Datensätze)")
    records = []
    for item in items:
        if not isinstance(item, dict) or set(item) != {"kind", "record"}:
            raise _bad("beschädigt (Datensätze)")
        kind = item["kind"]
        if kind not in ENTITY_ORDER:
            raise _bad("beschädigt (unbekannte Art von Datensatz)")
        try:
            record = from_wire(kind, item["record"])
        except BundleRejected as exc:
            raise _bad(f"beschädigt ({exc})") from None
        if record["origin"] != office_id:
            raise _bad("beschädigt (ein Datensatz, der nicht von der Kreisstelle stammt)")
        records.append((kind, record))
    order = [(ENTITY_ORDER.index(k), r["id"]) for k, r in records]
    if any(a >= b for a, b in itertools.pairwise(order)):
        raise _bad("beschädigt (Reihenfolge der Datensätze)")
    return tuple(records)


def _acknowledged(items) -> tuple[tuple[int, str], ...] | None:
    if not isinstance(items, list) or len(items) > MAX_ACKNOWLEDGED:
        return None
    pairs = []
    for item in items:
        if not isinstance(item, dict) or set(item) != {"seq", "bundle_id"}:
            return None
        n, bundle_id = item["seq"], item["bundle_id"]
        if type(n) is not int or not 1 <= n <= MAX_SEQ:
            return None
        if not isinstance(bundle_id, str) or not UUID_PATTERN.match(bundle_id):
            return None
        pairs.append((n, bundle_id))
    if any(a >= b for a, b in itertools.pairwise(pairs)):
        return None
    return tuple(pairs)
