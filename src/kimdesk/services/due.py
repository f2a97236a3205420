"""Wiedervorlage (issue 19): what is due for the case manager, on this device only.

Due on a day (``due``, ``kimdesk due``, the "Heute fällig" screen):

- ``follow_up``: an open case whose follow-up date (``Case.follow_up_on``) has come. A date on
  a Saturday or Sunday is due on the Friday before, so it is not left over the weekend.
- ``goal``: an open or partly reached goal of an open case past its "Bis" (``Goal.due_on``).
- ``inactive``: an open case without a consultation for ``Catalog.inactive_weeks`` weeks (the
  county profile's ``case_work.inactive_weeks``, 8 by default), counted from its latest
  consultation or, without one, from its opening.
- ``erasure``: a client whose personal data the deletion concept says to erase
  (``retention``: one-off consultations only, closed cases, abandoned open cases, each with
  its own period and reference date): due on the day the period ended, for confirmation,
  never erased silently (``retention.erase_due``).
- ``consent``: a referral with an open outcome to a target no consent of the client covered
  on the consultation's day nor covers today (``consents.referrals_outside``): due on the
  consultation's day, until the consent is recorded or the outcome entered.

Items carry ids, dates and German reasons, never a name: the list may be printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from kimdesk.domain.enums import GoalStatus, Role
from kimdesk.store.records import TABLES

from . import retention
from .consents import referrals_outside
from .workspace import Workspace, require_role

_case, _goal, _client = TABLES["case"], TABLES["goal"], TABLES["client"]
KINDS = ("follow_up", "goal", "inactive", "erasure", "consent")


@dataclass(frozen=True, slots=True)
class DueItem:
    kind: str  # one of KINDS
    case_id: str | None  # None for an erasure (a client)
    client_id: str | None
    due_on: date
    reason: str  # German, without names

    @property
    def reference(self) -> str:
        """A short reference to name the case on paper: the end of its id."""
        return f"F-{self.case_id[-8:]}" if self.case_id else f"K-{self.client_id[-8:]}"

    def as_json(self) -> dict:
        return {"kind": self.kind,
                "case": {"id": self.case_id, "reference": self.reference} if self.case_id else None,
                "client": self.client_id, "due_on": self.due_on.isoformat(),
                "reason": self.reason}  # fmt: skip


@dataclass(frozen=True)
class DueList:
    items: list[DueItem]
    today: date

    @property
    def overdue(self) -> int:
        return sum(item.due_on < self.today for item in self.items)

    @property
    def due_today(self) -> int:
        return sum(item.due_on == self.today for item in self.items)

    @property
    def this_week(self) -> int:
        """Due after today and up to this week's Sunday."""
        sunday = self.today + timedelta(days=6 - self.today.weekday())
        return sum(self.today < item.due_on <= sunday for item in self.items)


def working_day(day: date) -> date:
    """A follow-up on a weekend is due the Friday before."""
    return day - timedelta(days=max(0, day.weekday() - 4))


def due(ws: Workspace, *, today: date | None = None, days: int = 0) -> DueList:
    """Everything due up to ``today + days``, earliest first."""
    require_role(ws, Role.CASEMANAGER, "Die Wiedervorlage")
    today = today or date.today()
    horizon = today + timedelta(days=days)
    weeks = ws.catalog.inactive_weeks
    items: list[DueItem] = []
    with ws.store.connect() as conn:
        open_case = (_case.c.deleted.is_(False), _case.c.closed_on.is_(None))
        for case_id, client_id, follow_up in conn.execute(
            select(_case.c.id, _case.c.client_id, _case.c.follow_up_on)
            .where(*open_case, _case.c.follow_up_on.is_not(None))
        ):  # fmt: skip
            if working_day(follow_up) <= horizon:
                items.append(DueItem("follow_up", case_id, client_id, working_day(follow_up),
                                     f"Wiedervorlage zum {follow_up:%d.%m.%Y}"))  # fmt: skip
        for case_id, client_id, goal_due in conn.execute(
            select(_case.c.id, _case.c.client_id, _goal.c.due_on)
            .join(_goal, _goal.c.case_id == _case.c.id)
            .where(*open_case, _goal.c.deleted.is_(False), _goal.c.due_on <= horizon,
                   _goal.c.status.in_((GoalStatus.OPEN.value, GoalStatus.PARTIAL.value)))
        ):  # fmt: skip
            items.append(DueItem("goal", case_id, client_id, goal_due,
                                 f"Ziel bis {goal_due:%d.%m.%Y} noch nicht erreicht"))  # fmt: skip
        last_of = retention.case_latest_consultations(conn)
        for case_id, client_id, opened in conn.execute(
            select(_case.c.id, _case.c.client_id, _case.c.opened_on).where(*open_case)
        ):  # fmt: skip
            last = last_of.get(case_id)
            since = last or opened
            if since + timedelta(weeks=weeks) <= horizon:
                items.append(DueItem(
                    "inactive", case_id, client_id, since + timedelta(weeks=weeks),
                    f"seit {weeks} Wochen keine Beratung (zuletzt {since:%d.%m.%Y})" if last
                    else f"seit der Eröffnung am {since:%d.%m.%Y} keine Beratung",
                ))  # fmt: skip
        for outside in referrals_outside(conn, today):
            if outside.occurred_on <= horizon:
                target = ws.catalog.label("referral_target", outside.target)
                items.append(DueItem(
                    "consent", outside.case_id, outside.client_id, outside.occurred_on,
                    f"Verweis an „{target}“ am {outside.occurred_on:%d.%m.%Y} ohne "
                    "Einwilligung: Einwilligung erfassen oder Ergebnis eintragen",
                ))  # fmt: skip
    for erasure in retention.due_erasures(ws, horizon, case_latest=last_of):
        items.append(DueItem("erasure", None, erasure.client_id, erasure.due_on,
                             retention.reason(ws, erasure)))  # fmt: skip
    items.sort(key=lambda item: (item.due_on, KINDS.index(item.kind), item.case_id or ""))
    return DueList(items, today)


def names(ws: Workspace, found: DueList) -> dict[str, str]:
    """The clients' names of the due items (client id -> "Family, Given"), for the screen of
    this device only; the list itself carries none."""
    wanted = sorted({item.client_id for item in found.items if item.client_id})
    shown: dict[str, str] = {}
    with ws.store.connect() as conn:
        for start in range(0, len(wanted), 500):
            for client_id, family, given in conn.execute(
                select(_client.c.id, _client.c.family_name, _client.c.given_name)
                .where(_client.c.id.in_(wanted[start : start + 500]))
            ):  # fmt: skip
                shown[client_id] = ", ".join(p for p in (family, given) if p)
    return shown
