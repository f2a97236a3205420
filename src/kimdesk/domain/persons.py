"""Reading a person's statistical attributes as old lists write them: gender, age group and
nationality in words ("weiblich", "18 bis 26", "Syrien") or as codes ("w", "18-26", "SY")."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from .enums import AgeGroup, Gender

_GENDER = {
    "w": Gender.W, "weiblich": Gender.W, "frau": Gender.W, "f": Gender.W,
    "m": Gender.M, "männlich": Gender.M, "maennlich": Gender.M, "mann": Gender.M,
    "d": Gender.D, "divers": Gender.D,
    "x": Gender.X, "keine angabe": Gender.X, "ohne angabe": Gender.X,
    "unbekannt": Gender.UNKNOWN,
}  # fmt: skip
_AGE = {
    "<18": AgeGroup.UNDER_18, "unter 18": AgeGroup.UNDER_18, "u18": AgeGroup.UNDER_18,
    "0-17": AgeGroup.UNDER_18, "minderjährig": AgeGroup.UNDER_18,
    "18-26": AgeGroup.FROM_18, "27-44": AgeGroup.FROM_27, "45-64": AgeGroup.FROM_45,
    "65+": AgeGroup.FROM_65, "ab 65": AgeGroup.FROM_65, "65 und älter": AgeGroup.FROM_65,
    "65 und aelter": AgeGroup.FROM_65, "über 64": AgeGroup.FROM_65,
    "unbekannt": AgeGroup.UNKNOWN,
}  # fmt: skip
_RANGE = re.compile(r"(\d{1,2})\s*(?:-|–|—|bis)\s*(\d{1,2})")


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def gender(text: str) -> str | None:
    return _GENDER.get(_fold(text))


def age_group(text: str) -> str | None:
    folded = _fold(text)
    if folded in _AGE:
        return _AGE[folded]
    found = _RANGE.fullmatch(folded)
    return _AGE.get(f"{int(found.group(1))}-{int(found.group(2))}") if found else None


def _resource(name: str) -> dict:
    return json.loads((resources.files("kimdesk") / "resources" / name).read_text("utf-8"))


@cache
def _countries() -> dict[str, str]:
    data = _resource("countries_de.json")
    names: dict[str, str] = {}
    for item in [*data["countries"], *data["special"]]:
        for name in item["names"]:
            names[_fold(name)] = item["code"]
        if item["code"] != "unknown":
            names[item["code"].casefold()] = item["code"]
    return names


@cache
def _names() -> dict[str, str]:
    data = _resource("countries_de.json")
    return {item["code"]: item["names"][0] for item in [*data["countries"], *data["special"]]}


def country_name(code: str) -> str | None:
    """The German name of an ISO code (``XX``: "staatenlos")."""
    return _names().get(code)


def english_country_names() -> dict[str, str]:
    """The German name of every country (as ``country_name`` gives it) → its English name."""
    english = _resource("countries_en.json")["names"]
    return {german: english[code] for code, german in _names().items() if code in english}


def nationality(text: str) -> str | None:
    """An ISO 3166 alpha-2 code (``XX`` stateless, ``unknown``) for a code or a German name."""
    return _countries().get(_fold(text))
