"""The filters every statistic takes: period, municipality, program, and at the office the
installation (the device's records: made there, or decided by the office for it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from kimdesk.store.owners import record_owner


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    municipality: str | None = None
    program: str | None = None
    installation: str | None = None
    installation_name: str | None = None

    def as_json(self) -> dict:
        data = {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "municipality": self.municipality,
            "program": self.program,
        }
        if self.installation:
            data["installation"] = self.installation
            data["installation_name"] = self.installation_name
        return data

    def origin(self, table):
        """Conditions on a synced table for the installation: records whose latest version is
        the device's, and the office's versions of the device's records (``store.owners``)."""
        if not self.installation:
            return []
        owned = select(record_owner.c.record_id).where(record_owner.c.owner == self.installation)
        return [or_(table.c.origin == self.installation, table.c.id.in_(owned))]

    def period(self, column):
        """Conditions on a date column for the period."""
        conditions = []
        if self.date_from:
            conditions.append(column >= self.date_from)
        if self.date_to:
            conditions.append(column <= self.date_to)
        return conditions
