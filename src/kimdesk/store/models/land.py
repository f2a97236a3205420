"""The Land's tables (schema 14, issue 20): the county reports it received, each kept, and
which county office speaks for which county."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime


class CountyReport(Base):
    """A county's report as the Land received it: the checked document, never replaced in
    place. The newest one (by the office's report number) for a county and period is the
    current one; an older one names the report that replaced it."""

    __tablename__ = "county_report"
    __table_args__ = (
        UniqueConstraint("office_id", "seq", name="uq_county_report_office_seq"),
        Index("ix_county_report_ags_period", "ags", "period"),
    )

    #: The container's bundle id.
    report_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    office_id: Mapped[str] = mapped_column(String(36), nullable=False)
    #: The office's number of this report (the file header's).
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    ags: Mapped[str] = mapped_column(String(8), nullable=False)
    #: The period's key: 2023, 2023-H1, 2023-Q2.
    period: Mapped[str] = mapped_column(String(7), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    file_name: Mapped[str] = mapped_column(String(400), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    #: The document as checked (canonical JSON, format ``kimdesk-county-report``).
    document: Mapped[str] = mapped_column(Text, nullable=False)
    #: The report that replaced this one; none while it is the current one.
    replaced_by: Mapped[str | None] = mapped_column(String(36))


class CountyOffice(Base):
    """The office that speaks for a county, as the Land enrolled it (``enroll --county``):
    one office per county, one county per office."""

    __tablename__ = "county_office"

    ags: Mapped[str] = mapped_column(String(8), primary_key=True)
    office_id: Mapped[str] = mapped_column(String(36), nullable=False, unique=True)
    bound_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
