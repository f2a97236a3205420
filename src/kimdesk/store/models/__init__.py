"""Typed SQLAlchemy models of the store. Bulk paths use their ``__table__`` with Core."""

from .base import Base, SyncedMixin, UTCDateTime
from .bookkeeping import AuditEntry, LegacyImport
from .catalog import CatalogEntryRow, ProfileVersionRow
from .installation import Counter, Installation, Peer
from .land import CountyOffice, CountyReport
from .records import (
    CaseRow,
    ClientRow,
    ConsultationRow,
    ConsultationTopicRow,
    GoalRow,
    GroupOfferRow,
    GroupSessionRow,
    ReferralRow,
    StructuralNeedRow,
)
from .sync import (
    BundleIn,
    BundleOut,
    Conflict,
    DirectoryEntry,
    HandedOver,
    HandoverIn,
    HandoverOut,
    HandoverTaken,
    RecordOwner,
    ReplyIn,
    ReplyOut,
)


def local_columns(table) -> list[str]:
    return [c.name for c in table.columns if c.info.get("local")]


def exported_columns(table) -> list[str]:
    return [c.name for c in table.columns if not c.info.get("local") and c.name != "change_seq"]


__all__ = [
    "AuditEntry",
    "BundleIn",
    "BundleOut",
    "Conflict",
    "Base",
    "CaseRow",
    "CatalogEntryRow",
    "ClientRow",
    "ConsultationRow",
    "ConsultationTopicRow",
    "Counter",
    "CountyOffice",
    "CountyReport",
    "DirectoryEntry",
    "HandedOver",
    "HandoverIn",
    "HandoverOut",
    "HandoverTaken",
    "ProfileVersionRow",
    "RecordOwner",
    "GoalRow",
    "GroupOfferRow",
    "GroupSessionRow",
    "Installation",
    "LegacyImport",
    "Peer",
    "ReferralRow",
    "ReplyIn",
    "ReplyOut",
    "StructuralNeedRow",
    "SyncedMixin",
    "UTCDateTime",
    "exported_columns",
    "local_columns",
]
