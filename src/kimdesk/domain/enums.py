"""Fixed value sets of the domain. County-specific codes are catalogs, not enums."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASEMANAGER = "casemanager"
    OFFICE = "office"
    #: The Land's view (issue 20): counties report to it; it holds no records.
    LAND = "land"


class Phase(StrEnum):
    INTAKE = "intake"
    ASSESSMENT = "assessment"
    PLANNING = "planning"
    IMPLEMENTATION = "implementation"
    MONITORING = "monitoring"
    EVALUATION = "evaluation"
    CLOSED = "closed"


class GoalStatus(StrEnum):
    OPEN = "open"
    PARTIAL = "partial"
    REACHED = "reached"
    NOT_REACHED = "not_reached"
    DROPPED = "dropped"


class Gender(StrEnum):
    W = "w"
    M = "m"
    D = "d"
    X = "x"
    UNKNOWN = "unknown"


class AgeGroup(StrEnum):
    UNDER_18 = "<18"
    FROM_18 = "18-26"
    FROM_27 = "27-44"
    FROM_45 = "45-64"
    FROM_65 = "65+"
    UNKNOWN = "unknown"


class Minors(StrEnum):
    NONE = "0"
    ONE = "1"
    TWO = "2"
    THREE_PLUS = "3+"


class ReferralOutcome(StrEnum):
    OPEN = "open"
    TAKEN_UP = "taken_up"
    NOT_TAKEN_UP = "not_taken_up"
    UNKNOWN = "unknown"


class OfferStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class SessionStatus(StrEnum):
    HELD = "held"
    CANCELLED = "cancelled"


class NeedStatus(StrEnum):
    REPORTED = "reported"
    IN_PROGRESS = "in_progress"
    SOLVED = "solved"
    REJECTED = "rejected"
