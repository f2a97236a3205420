"""Write ``src/kimdesk/resources/countries_en.json``: the English short name of every ISO code
in ``countries_de.json``, from the Unicode CLDR names Qt carries (``QLocale``).

    python tools/countries_en.py

Run once when ``countries_de.json`` gains a code; the result is committed (the package reads
it without Qt: the statistics put their charts into English with it).
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QLocale

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "kimdesk" / "resources"
SPECIAL = {"XX": "stateless", "unknown": "unknown"}


def main() -> None:
    german = json.loads((RESOURCES / "countries_de.json").read_text("utf-8"))
    names = {}
    for item in german["countries"]:
        territory = QLocale.codeToTerritory(item["code"])
        if territory == QLocale.Country.AnyTerritory:
            raise SystemExit(f"Qt does not know {item['code']}")
        names[item["code"]] = QLocale.territoryToString(territory)
    names.update(SPECIAL)
    about = (
        "English short names (Unicode CLDR, as Qt carries them) of the codes in "
        "countries_de.json, for charts in the English interface. Written by "
        "tools/countries_en.py."
    )
    text = json.dumps({"format": 1, "about": about, "names": names}, ensure_ascii=False, indent=1)
    (RESOURCES / "countries_en.json").write_text(text + "\n", "utf-8")


if __name__ == "__main__":
    main()
