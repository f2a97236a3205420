"""The record tables of docs/sync.md, from the code that reads and checks records.

    .venv/bin/python tools/spec_tables.py            # print the tables
    .venv/bin/python tools/spec_tables.py --write    # replace them in docs/sync.md

A test (tests/unit/test_spec_tables.py) fails when docs/sync.md and the code disagree, so the
specification cannot drift from what the office accepts.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kimdesk.domain.codes import FIELD_RULES, FREE_TEXTS, REFERRAL_OUTCOME, REFERRAL_TARGET, TOPIC
from kimdesk.sync.fields import ENTITY_ORDER, FIELDS, MAX_PARTS

DOC = Path(__file__).resolve().parents[1] / "docs" / "sync.md"
BEGIN, END = "<!-- records: tools/spec_tables.py -->", "<!-- /records -->"
_TYPES = {"int": "integer", "bool": "boolean", "date": "date", "datetime": "timestamp"}
_META = {
    "id": "record id (UUIDv7, lowercase); strictly increasing within the entity",
    "version": "1 … 2³¹−1",
    "origin": "installation id of the device that made this version: the signer",
    "updated_at": "at most 15 minutes after the manifest's `created_at`",
    "deleted": "true for a tombstone",
    "base_version": "manifest version 3: the version of the office's record this edit started "
    "from, 1 … `version` − 1; null or absent for the device's own",
    "consent": "manifest version 6: a consent of the client to pass data on is in force; null "
    "or absent where not known",
}


def _type(f) -> str:
    if f.kind == "str":
        return f"string ≤ {f.max_length}"
    return _TYPES[f.kind]


def _rule(rule) -> str:
    if rule.catalog:
        return f"code of catalog `{rule.catalog}`"
    if rule.fixed:
        return "one of " + ", ".join(f"`{v.value}`" for v in rule.fixed)
    if rule.pattern is not None:
        if rule.iso:
            return f"ISO code matching `{rule.pattern.pattern}`".replace("|", "\\|")
        return "record id"
    if rule.past:
        return f"{rule.low.isoformat()} … the day after `created_at`"
    low = rule.low.isoformat() if hasattr(rule.low, "isoformat") else rule.low
    high = rule.high.isoformat() if hasattr(rule.high, "isoformat") else rule.high
    return f"{low} … {high}"


def tables() -> str:
    parts = []
    for entity in ENTITY_ORDER:
        rules = {rule.field: rule for rule in FIELD_RULES[entity]}
        rows = ["| field | type | null | what the office accepts |", "|---|---|---|---|"]
        for f in FIELDS[entity]:
            if f.name in rules:
                accepts = _rule(rules[f.name])
                if f.name == "version":
                    accepts = _META["version"]
            elif f.name in FREE_TEXTS.get(entity, ()):
                accepts = "free text (checked for personal data)"
            else:
                accepts = _META.get(f.name, "")
            if f.derived:
                accepts += " (derived when the bundle is written)"
            rows.append(f"| `{f.name}` | {_type(f)} | {'yes' if f.nullable else 'no'} | {accepts} |")
        if entity == "consultation":
            rows.append(f"| `topics` | array of strings, 1 … {MAX_PARTS}, sorted, no repeats | no | "
                        f"each a {_rule(TOPIC)} |")  # fmt: skip
            rows.append(f"| `referrals` | array of 0 … {MAX_PARTS} objects `{{target, accompanied, "
                        f"outcome}}` | no | target: {_rule(REFERRAL_TARGET)}, accompanied: "
                        f"boolean, outcome: {_rule(REFERRAL_OUTCOME)} |")  # fmt: skip
        parts.append(f"#### `{entity}`\n\n" + "\n".join(rows))
    return "\n\n".join(parts)


def current() -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(re.escape(BEGIN) + r"\n(.*?)\n?" + re.escape(END), text, re.S)
    return found.group(1).rstrip("\n") if found else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if not args.write:
        print(tables())
        return 0
    text = DOC.read_text(encoding="utf-8")
    if BEGIN not in text:
        print(f"{DOC}: no {BEGIN} marker", file=sys.stderr)
        return 1
    new = re.sub(re.escape(BEGIN) + r"\n.*?" + re.escape(END),
                 lambda _m: f"{BEGIN}\n{tables()}\n{END}", text, flags=re.S)  # fmt: skip
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
