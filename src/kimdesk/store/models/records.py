"""The synced records of docs/domain.md. Columns marked ``local`` never leave the device."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, SyncedMixin, local


class ClientRow(SyncedMixin, Base):
    __tablename__ = "client"

    gender: Mapped[str] = mapped_column(String(8), nullable=False)
    nationality: Mapped[str] = mapped_column(String(8), nullable=False)
    residence_group: Mapped[str] = mapped_column(String(32), nullable=False)
    arrival_band: Mapped[str] = mapped_column(String(32), nullable=False)
    minors: Mapped[str] = mapped_column(String(4), nullable=False)
    main_language: Mapped[str | None] = mapped_column(String(8))
    municipality: Mapped[str | None] = mapped_column(String(16))
    # Derived from the birth date when a bundle is written (schema 3); the office keeps it.
    age_group: Mapped[str | None] = mapped_column(String(8), info={"derived": True})
    # Whether a consent is in force, derived from ``consents`` when a bundle is written
    # (schema 13); the office keeps it.
    consent: Mapped[bool | None] = mapped_column(Boolean, info={"derived": True})
    given_name: Mapped[str | None] = local(mapped_column(String(200)))
    family_name: Mapped[str | None] = local(mapped_column(String(200)))
    birth_date: Mapped[date | None] = local(mapped_column(Date))
    phone: Mapped[str | None] = local(mapped_column(String(200)))
    email: Mapped[str | None] = local(mapped_column(String(200)))
    address: Mapped[str | None] = local(mapped_column(String(400)))
    file_numbers: Mapped[str | None] = local(mapped_column(String(200)))
    notes: Mapped[str | None] = local(mapped_column(Text))
    #: The client's consents (schema 13), JSON of ``kimdesk.domain.consent``.
    consents: Mapped[str | None] = local(mapped_column(Text))


class CaseRow(SyncedMixin, Base):
    __tablename__ = "case_file"

    client_id: Mapped[str | None] = mapped_column(ForeignKey("client.id"), index=True)
    municipality: Mapped[str] = mapped_column(String(16), nullable=False)
    program: Mapped[str] = mapped_column(String(16), nullable=False)
    opened_on: Mapped[date] = mapped_column(Date, nullable=False)
    phase: Mapped[str] = mapped_column(String(16), nullable=False)
    access_route: Mapped[str | None] = mapped_column(String(32))
    closed_on: Mapped[date | None] = mapped_column(Date)
    closure_reason: Mapped[str | None] = mapped_column(String(32))
    consent_on: Mapped[date | None] = local(mapped_column(Date))
    notes: Mapped[str | None] = local(mapped_column(Text))
    # Reference from a legacy Excel list (schema 2); may name a person, so it stays local.
    legacy_ref: Mapped[str | None] = local(mapped_column(String(200), index=True))
    #: Wiedervorlage (schema 12): the next follow-up, on this device only.
    follow_up_on: Mapped[date | None] = local(mapped_column(Date))


class GoalRow(SyncedMixin, Base):
    __tablename__ = "goal"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), nullable=False, index=True)
    topic: Mapped[str] = mapped_column(String(32), nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    due_on: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str | None] = local(mapped_column(Text))


#: The statistics count consultations by month, municipality, kind, program and language
#: mediation and installation (``stats.queries.cube``). SQLite groups by sorting every row unless an index has
#: the grouped values in order: this one does, and holds the filtered columns too, so the
#: count never reads the table (schema 5). A server groups by hashing and needs none.
CUBE_INDEX = Index(
    "ix_consultation_cube",
    "deleted", text("substr(occurred_on, 1, 7)"), "municipality", "kind", "program",
    "language_mediation", "origin", "occurred_on",
).ddl_if(dialect="sqlite")  # fmt: skip


class ConsultationRow(SyncedMixin, Base):
    __tablename__ = "consultation"
    #: A case's consultations by day (schema 12, in place of the index on case_id alone): the
    #: Wiedervorlage reads each case's latest consultation from the index without the rows.
    __table_args__ = (CUBE_INDEX, Index("ix_consultation_case_day", "case_id", "occurred_on",
                                        "deleted"))  # fmt: skip

    occurred_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    municipality: Mapped[str] = mapped_column(String(16), nullable=False)
    program: Mapped[str] = mapped_column(String(16), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    client_id: Mapped[str | None] = mapped_column(ForeignKey("client.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case_file.id"))
    setting: Mapped[str | None] = mapped_column(String(32))
    language_mediation: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str | None] = mapped_column(String(8))
    notes: Mapped[str | None] = local(mapped_column(Text))


class ConsultationTopicRow(Base):
    """Part of a consultation: travels and versions with it."""

    __tablename__ = "consultation_topic"
    #: The list's topic filter and the statistics find a topic's consultations (schema 6).
    __table_args__ = (Index("ix_consultation_topic_topic", "topic", "consultation_id"),)

    consultation_id: Mapped[str] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(32), primary_key=True)


class ReferralRow(Base):
    """Part of a consultation: travels and versions with it."""

    __tablename__ = "referral"

    consultation_id: Mapped[str] = mapped_column(
        ForeignKey("consultation.id", ondelete="CASCADE"), primary_key=True
    )
    pos: Mapped[int] = mapped_column(Integer, primary_key=True)
    target: Mapped[str] = mapped_column(String(32), nullable=False)
    accompanied: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    outcome: Mapped[str] = mapped_column(String(16), nullable=False)
    #: Who the client was referred to (schema 13): never travels.
    recipient: Mapped[str | None] = local(mapped_column(String(200)))


class GroupOfferRow(SyncedMixin, Base):
    __tablename__ = "group_offer"

    program: Mapped[str] = mapped_column(String(16), nullable=False)
    format: Mapped[str] = mapped_column(String(32), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    municipality: Mapped[str] = mapped_column(String(16), nullable=False)
    provider: Mapped[str | None] = mapped_column(String(200))
    planned_sessions: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), nullable=False)


class GroupSessionRow(SyncedMixin, Base):
    __tablename__ = "group_session"

    offer_id: Mapped[str] = mapped_column(ForeignKey("group_offer.id"), nullable=False, index=True)
    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    duration_min: Mapped[int | None] = mapped_column(Integer)
    participants: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    status: Mapped[str] = mapped_column(String(16), nullable=False)


class StructuralNeedRow(SyncedMixin, Base):
    __tablename__ = "structural_need"

    reported_on: Mapped[date] = mapped_column(Date, nullable=False)
    municipality: Mapped[str] = mapped_column(String(16), nullable=False)
    topic: Mapped[str] = mapped_column(String(32), nullable=False)
    challenge: Mapped[str] = mapped_column(Text, nullable=False)
    affected_cases: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    status: Mapped[str] = mapped_column(String(16), nullable=False)
    solution: Mapped[str | None] = mapped_column(Text)
    responsible_body: Mapped[str | None] = mapped_column(String(200))
