"""Bundle bookkeeping on both sides, and the conflicts the office keeps for its coordinator."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class BundleOut(Base):
    """A bundle this installation wrote (schema 3)."""

    __tablename__ = "bundle_out"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    bundle_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # The change sequence range the bundle covers: (change_from, change_to].
    change_from: Mapped[int] = mapped_column(Integer, nullable=False)
    change_to: Mapped[int] = mapped_column(Integer, nullable=False)
    full: Mapped[bool] = mapped_column(Boolean, nullable=False)
    file_name: Mapped[str] = mapped_column(String(400), nullable=False)
    records: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    #: When a reply of the office said it has merged this bundle (schema 7).
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReplyOut(Base):
    """A reply the office wrote to one of its devices (schema 7); numbered per device."""

    __tablename__ = "reply_out"

    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    reply_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    file_name: Mapped[str] = mapped_column(String(400), nullable=False)
    #: JSON list: the device's bundle numbers the reply said were merged.
    acknowledged: Mapped[str] = mapped_column(Text, nullable=False)
    #: JSON list of [kind, id, version]: the office's decisions the reply carried (schema 8).
    records: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    #: The county profile version the reply carried, if any (schema 9).
    profile_version: Mapped[int | None] = mapped_column(Integer)
    #: SHA-256 of the directory of devices the reply carried (schema 10).
    directory_sha: Mapped[str | None] = mapped_column(String(64))
    #: JSON: the handovers the reply forwarded and completed, ``[[ids], [ids]]`` (schema 11).
    handovers: Mapped[str | None] = mapped_column(Text)


class ReplyIn(Base):
    """A reply of the office this device applied (schema 7)."""

    __tablename__ = "reply_in"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    reply_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    office_id: Mapped[str] = mapped_column(String(36), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    acknowledged: Mapped[str] = mapped_column(Text, nullable=False)


class BundleIn(Base):
    """A bundle the office received and merged (schema 3)."""

    __tablename__ = "bundle_in"
    __table_args__ = (Index("ix_bundle_in_installation_seq", "installation_id", "seq"),)

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    installation_id: Mapped[str] = mapped_column(String(36), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    imported_by: Mapped[str] = mapped_column(String(36), nullable=False)
    file_name: Mapped[str] = mapped_column(String(400), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    # JSON: the counts of the import summary.
    counts: Mapped[str] = mapped_column(Text, nullable=False)


class Conflict(Base):
    """Two versions of one record from different installations; the loser is kept here."""

    __tablename__ = "conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), nullable=False)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    bundle_id: Mapped[str] = mapped_column(String(36), nullable=False)
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    # JSON records (exported fields only) as the bundle format writes them.
    stored: Mapped[str] = mapped_column(Text, nullable=False)
    incoming: Mapped[str] = mapped_column(Text, nullable=False)
    # Which of the two the merge applied: "stored" or "incoming".
    applied: Mapped[str] = mapped_column(String(16), nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    kept: Mapped[str | None] = mapped_column(String(16))


class RecordOwner(Base):
    """Whose record it is, where that is not the installation of its latest change (schema 8).

    The office writes a row when it writes its own version of a device's record (a
    coordinator's edit, a settled conflict): the record stays the device's, the device
    receives the decision in its next reply, and its next edit from that version is accepted.
    A record without a row belongs to its ``origin``.
    """

    __tablename__ = "record_owner"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), nullable=False)
    owner: Mapped[str] = mapped_column(String(36), nullable=False, index=True)


class DirectoryEntry(Base):
    """A case manager device of the county as the office's latest reply named it (schema 10):
    what a case handover is addressed to. Vouched for by the office's signature on the reply,
    not by this device's own (those are ``peer`` rows)."""

    __tablename__ = "device_directory"

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    signing_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    agreement_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(64), nullable=False)
    #: The reply that brought the entry.
    reply_seq: Mapped[int] = mapped_column(Integer, nullable=False)


class HandoverOut(Base):
    """A case handover this device wrote (schema 11): the sealed package, kept until a bundle
    that carried it has arrived at the office, and the handover's state."""

    __tablename__ = "handover_out"

    handover_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    receiver_id: Mapped[str] = mapped_column(String(36), nullable=False)
    receiver_name: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    #: JSON list: the ids of the cases handed over.
    cases: Mapped[str] = mapped_column(Text, nullable=False)
    records: Mapped[int] = mapped_column(Integer, nullable=False)
    #: JSON list of ``[kind, id, version]``: every record in the package (no content).
    contents: Mapped[str] = mapped_column(Text, nullable=False)
    #: The package as the receiver gets it (signed, encrypted to the receiver); emptied when
    #: the handover is complete.
    package: Mapped[bytes | None] = mapped_column(LargeBinary)
    length: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    #: The latest bundle that carried the package (it travels until one of them arrived).
    bundle_seq: Mapped[int | None] = mapped_column(Integer)
    #: When the office said the receiver has taken it: the personal data here were erased.
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class HandedOver(Base):
    """A record this device handed over (schema 11): no longer its to change."""

    __tablename__ = "handed_over"

    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32), nullable=False)
    handover_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)


class HandoverTaken(Base):
    """A handover this device took from a reply (schema 11), confirmed to the office in its
    bundles until one of them arrived."""

    __tablename__ = "handover_taken"

    handover_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(36), nullable=False)
    sender_name: Mapped[str] = mapped_column(String(200), nullable=False)
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    cases: Mapped[str] = mapped_column(Text, nullable=False)
    records: Mapped[int] = mapped_column(Integer, nullable=False)
    bundle_seq: Mapped[int | None] = mapped_column(Integer)


class HandoverIn(Base):
    """A case handover the office forwards (schema 11): the package as the sender's bundle
    brought it, unopened (the office cannot read it), until the receiver has taken it."""

    __tablename__ = "handover_in"

    handover_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sender_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    receiver_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    bundle_id: Mapped[str] = mapped_column(String(36), nullable=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    cases: Mapped[str] = mapped_column(Text, nullable=False)
    #: JSON list of ``[kind, id, version]`` as the sender listed them and the office checked.
    contents: Mapped[str] = mapped_column(Text, nullable=False)
    length: Mapped[int] = mapped_column(Integer, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    #: Emptied once the receiver has taken it.
    package: Mapped[bytes | None] = mapped_column(LargeBinary)
    taken_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The receiver's bundle that confirmed it.
    taken_bundle: Mapped[str | None] = mapped_column(String(36))
