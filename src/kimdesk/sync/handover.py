"""A case handover package (issue 18): one case file, personal data included, end to end from
one case manager device to another.

The package is the container of a bundle (``container.HANDOVER``: magic ``KIMH\\r\\n\\x1a\\n``,
HPKE ``info`` ``kimdesk-handover-v1``), signed by the sending device and encrypted to the
receiving device's X25519 key from the office's directory: the office, which forwards it,
cannot read it, and any change on the way breaks the signature. Its plaintext is one
canonical JSON object::

    {"format": "kimdesk-handover", "version": 1, "handover_id": "<uuid>",
     "sender_id": "<uuid>", "receiver_id": "<uuid>", "created_at": "…Z",
     "cases": ["<case id>", …],
     "records": [{"kind": "client"|"case"|"goal", "record": {every column but change_seq}}, …]}

Unlike a bundle's records, these carry the local fields (names, birth date, contacts, notes):
the whole case file, for the device that takes the case over. Every case's client and every
goal of the cases are in it, nothing else.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime

from kimdesk.domain import consent
from kimdesk.domain.ids import UUID_PATTERN
from kimdesk.store.records import TABLES

from . import container
from .fields import Field, canonical, column_kind, json_value, parse_time
from .reasons import BundleRejected, Reason
from .strict import read_document
from .wire import HANDOVER_KINDS as KINDS
from .wire import MAX_HANDOVER_RECORDS as MAX_RECORDS

FORMAT = "kimdesk-handover"
VERSION = 1
_KEYS = {"format", "version", "handover_id", "sender_id", "receiver_id", "created_at", "cases",
         "records"}  # fmt: skip


def _full_fields(table) -> tuple[Field, ...]:
    """Every column of a record table but the store's own change number: local ones too."""
    fields = []
    for column in table.columns:
        if column.name == "change_seq":
            continue
        kind, length = column_kind(column)
        fields.append(Field(column.name, kind, bool(column.nullable), length))
    return tuple(fields)


FULL_FIELDS = {kind: _full_fields(TABLES[kind]) for kind in KINDS}
#: Columns added to the stores after the package format: a package of a device that does
#: not have them yet lacks them, and they are taken as empty (schema 12: Wiedervorlage;
#: schema 13: the client's consents).
LATER_FIELDS = {"case": frozenset({"follow_up_on"}), "client": frozenset({"consent", "consents"})}


@dataclass(frozen=True)
class Package:
    handover_id: str
    sender_id: str
    receiver_id: str
    created_at: datetime
    cases: tuple[str, ...]
    #: (kind, record): stored rows when written, typed records when read.
    records: tuple[tuple[str, dict], ...]

    @property
    def listed(self) -> tuple[tuple[str, str, int], ...]:
        """``(kind, id, version)`` of every record, in the order of a handover's list."""
        return tuple(sorted(((kind, r["id"], r["version"]) for kind, r in self.records),
                            key=lambda t: (KINDS.index(t[0]), t[1])))  # fmt: skip

    def to_bytes(self) -> bytes:
        return canonical({
            "format": FORMAT, "version": VERSION, "handover_id": self.handover_id,
            "sender_id": self.sender_id, "receiver_id": self.receiver_id,
            "created_at": json_value(self.created_at), "cases": list(self.cases),
            "records": [{"kind": kind, "record": {f.name: json_value(row[f.name])
                                                  for f in FULL_FIELDS[kind]}}
                        for kind, row in self.records],
        })  # fmt: skip


def seal_package(package: Package, *, signer_name: str, signing_key: bytes,
                 receiver_key: bytes) -> bytes:  # fmt: skip
    """The package signed by its sender and encrypted to the receiving device."""
    return container.seal(
        installation_id=package.sender_id, signing_key=signing_key, signer_name=signer_name,
        seq=1, bundle_id=package.handover_id, recipient_id=package.receiver_id,
        recipient_key=receiver_key, plaintext=package.to_bytes(), kind=container.HANDOVER,
    )  # fmt: skip


def open_package(data: bytes, *, receiver_id: str, agreement_key: bytes, senders: dict) -> Package:
    """Check and open a package at its receiver, in this order: header, a sender known from
    the directory (``senders``: installation id -> Ed25519 key) and its signature, the
    recipient, decryption, content; each fault refused with its reason."""
    header = container.read_header(data, container.HANDOVER)
    key = senders.get(header.installation_id)
    if key is None:
        raise BundleRejected(
            Reason.UNKNOWN_SIGNER,
            "die Übergabe stammt von keinem Gerät, das die Kreisstelle genannt hat",
        )
    container.verify(data, header, key)
    if header.recipient_id != receiver_id:
        raise BundleRejected(Reason.WRONG_RECIPIENT, "die Übergabe ist für ein anderes Gerät")
    package = read_package(container.open_payload(data, header, agreement_key,
                                                  container.HANDOVER))  # fmt: skip
    if (package.handover_id, package.sender_id, package.receiver_id) != (
        header.bundle_id, header.installation_id, header.recipient_id,
    ):  # fmt: skip
        raise BundleRejected(Reason.MANIFEST_MISMATCH,
                             "Inhalt und Kopf der Übergabe widersprechen sich")  # fmt: skip
    return package


def _bad(what: str) -> BundleRejected:
    return BundleRejected(Reason.MANIFEST_INVALID, f"die Übergabe ist {what}")


def read_package(plaintext: bytes) -> Package:
    """The package of a verified, decrypted container, checked strictly."""
    obj, ids, created = read_document(
        plaintext, keys=_KEYS, form=FORMAT, version=VERSION,
        ids=("handover_id", "sender_id", "receiver_id"), it="die Übergabe", bad=_bad,
    )  # fmt: skip
    cases, items = obj["cases"], obj["records"]
    if not isinstance(cases, list) or not isinstance(items, list) or not cases \
            or len(items) > MAX_RECORDS:  # fmt: skip
        raise _bad("beschädigt")
    if not all(isinstance(c, str) and UUID_PATTERN.fullmatch(c) for c in cases) \
            or any(a >= b for a, b in itertools.pairwise(cases)):  # fmt: skip
        raise _bad("beschädigt (Fälle)")
    records = tuple(_record(item) for item in items)
    _check_complete(set(cases), records)
    return Package(*ids, created, tuple(cases), records)


def _record(item) -> tuple[str, dict]:
    if not isinstance(item, dict) or set(item) != {"kind", "record"} \
            or item["kind"] not in KINDS or not isinstance(item["record"], dict):  # fmt: skip
        raise _bad("beschädigt (Datensätze)")
    kind, obj = item["kind"], item["record"]
    fields = FULL_FIELDS[kind]
    names = {f.name for f in fields}
    if not names - LATER_FIELDS.get(kind, frozenset()) <= set(obj) <= names:
        raise _bad(f"beschädigt (Felder eines Datensatzes: {kind})")
    record = {f.name: _value(kind, f, obj.get(f.name)) for f in fields}
    if not UUID_PATTERN.fullmatch(record["id"]) or record["version"] < 1:
        raise _bad(f"beschädigt (Kennung eines Datensatzes: {kind})")
    if record["deleted"]:
        raise _bad(f"beschädigt (ein gelöschter Datensatz: {kind})")
    if kind == "client":
        try:
            consent.parse(record["consents"])
        except consent.ConsentsUnreadable:
            raise _bad("beschädigt (Einwilligungen)") from None
    return kind, record


def _value(kind: str, f: Field, value):
    if value is None:
        if f.nullable:
            return None
    elif f.kind == "str" and isinstance(value, str) and len(value) <= f.max_length \
            and "\x00" not in value and (not f.name.endswith("_id") or UUID_PATTERN.fullmatch(value)):  # fmt: skip
        return value
    elif f.kind == "int" and type(value) is int and -(2**31) <= value < 2**31:
        return value
    elif f.kind == "bool" and type(value) is bool:
        return value
    elif f.kind == "date" and isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    elif f.kind == "datetime" and isinstance(value, str):
        try:
            return parse_time(value)
        except ValueError:
            pass
    raise _bad(f"beschädigt ({kind}.{f.name})")


def _check_complete(cases: set[str], records) -> None:
    """The cases, their clients and their goals, each once, nothing else."""
    by_kind: dict[str, dict[str, dict]] = {kind: {} for kind in KINDS}
    for kind, record in records:
        if record["id"] in by_kind[kind]:
            raise _bad(f"beschädigt (ein Datensatz doppelt: {kind})")
        by_kind[kind][record["id"]] = record
    if set(by_kind["case"]) != cases:
        raise _bad("unvollständig (die genannten Fälle)")
    clients = {c["client_id"] for c in by_kind["case"].values() if c["client_id"]}
    if set(by_kind["client"]) != clients:
        raise _bad("unvollständig (die Klient:innen der Fälle)")
    if any(g["case_id"] not in cases for g in by_kind["goal"].values()):
        raise _bad("beschädigt (ein Ziel eines anderen Falls)")
