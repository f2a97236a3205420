"""Is this the same person? Name likeness that survives transliteration, plus the birth date
(issue 19, "one person, one record"): the suggestions offered when a client is created.

Names are folded to ASCII (anyascii: Yılmaz → yilmaz, Чернов → chernov, محمد → mhmd; German
ä/ö/ü/ß and their spellings ae/oe/ue/ss alike) and compared with rapidfuzz; a name whose
consonant skeleton is the same (Mohammed, Muhammad, Mohamed → mhmd) counts as alike even when
its vowels differ. Given and family name are also tried crosswise (lists swap them). The birth
date decides how alike the names must be: the same date asks least, a date with one part
different or day and month swapped (a typing slip) more, a missing date most; two known dates
farther apart are two people, whatever the names.

A likeness is a suggestion only: nothing is merged without the case manager.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from anyascii import anyascii
from rapidfuzz import fuzz

#: How alike (0–100) the names must be, by what the birth dates say.
NEEDED = {"same": 75.0, "near": 85.0, "unknown": 88.0}
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe",
                         "Ü": "ue"})  # fmt: skip
_SPELLED = re.compile(r"(?<=[a-z])(ae|oe|ue)")
_NOT_LETTER = re.compile(r"[^a-z ]+")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLE = re.compile(r"(.)\1+")
#: Leading words that spellings keep or drop: al-Haddad, El Masri, Abu Ali, bin Laden.
_PARTICLES = {"al", "el", "ul", "as", "ash", "ad", "ar", "at", "az", "abu", "bin", "ben", "ibn"}


def fold(name: str | None) -> str:
    """A name as plain lower-case ASCII words: "Müller-Lüdenscheidt" → "muller ludenscheidt";
    an Arabic article or kinship word before another word goes ("Al-Haddad" → "haddad")."""
    if not name:
        return ""
    text = anyascii(name.translate(_GERMAN)).lower()
    text = _SPELLED.sub(lambda m: m.group(1)[0], text)  # mueller → muller, like müller
    words = _NOT_LETTER.sub(" ", text).split()
    while len(words) > 1 and words[0] in _PARTICLES:
        words = words[1:]
    return " ".join(words)


def skeleton(folded: str) -> str:
    """The consonants of a folded name, doubles single: mohammed, muhammad, mohamed and
    Arabic محمد → mhmd; ahmad, ahmed → hmd."""
    return _DOUBLE.sub(r"\1", _VOWELS.sub("", folded.replace(" ", "")))


def name_likeness(a: str | None, b: str | None) -> float:
    """0–100: how alike two names are after folding; 92 for the same skeleton of at least
    three consonants where the spellings are also fairly alike (transliterations: Mohammed,
    Muhammad; not Mohammed and Mahmoud), never less than the plain comparison. A name of
    several words is as alike as its words in common (Gonzalez Lopez, Gonzalez)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    plain = max(fuzz.ratio(fa, fb), fuzz.token_sort_ratio(fa, fb))
    if " " in fa or " " in fb:
        plain = max(plain, fuzz.token_set_ratio(fa, fb) - 5.0)
    sa, sb = skeleton(fa), skeleton(fb)
    # A script that writes no vowels (Arabic: محمد → mhmd) leaves only the skeleton.
    alike = plain >= 70 or not _VOWELS.search(fa) or not _VOWELS.search(fb)
    return max(plain, 92.0) if sa == sb and len(sa) >= 3 and alike else plain


def birth_relation(a: date | None, b: date | None) -> str:
    """same, near (one of day, month, year different, or day and month swapped), unknown
    (either missing or a 1 January, the usual placeholder), or different."""
    if a is None or b is None or (a.day, a.month) == (1, 1) or (b.day, b.month) == (1, 1):
        return "unknown"  # 1 January: what offices write when the day is not known
    if a == b:
        return "same"
    parts_a, parts_b = (a.day, a.month, a.year), (b.day, b.month, b.year)
    if sum(x != y for x, y in zip(parts_a, parts_b, strict=True)) == 1:
        return "near"
    if (a.day, a.month, a.year) == (b.month, b.day, b.year):
        return "near"
    return "different"


@dataclass(frozen=True)
class Likeness:
    score: float  # 0–100, the names'
    birth: str  # same | near | unknown

    @property
    def reason(self) -> str:
        """German, without names: why the suggestion is made."""
        birth = {"same": "gleiches Geburtsdatum", "near": "fast gleiches Geburtsdatum",
                 "unknown": "Geburtsdatum fehlt"}[self.birth]  # fmt: skip
        return f"Name zu {self.score:.0f} % ähnlich, {birth}"


def likeness(given_a: str | None, family_a: str | None, birth_a: date | None,
             given_b: str | None, family_b: str | None, birth_b: date | None) -> Likeness | None:  # fmt: skip
    """How alike two persons are, or None where they are not likely the same person."""
    birth = birth_relation(birth_a, birth_b)
    if birth == "different":
        return None
    pairs = []
    for given, family in ((given_b, family_b), (family_b, given_b)):  # crosswise too
        parts = [name_likeness(x, y) for x, y in ((given_a, given), (family_a, family))
                 if fold(x) and fold(y)]  # fmt: skip
        if parts:
            # A family name alone must say more than both names together.
            pairs.append(sum(parts) / len(parts) - (5.0 if len(parts) == 1 else 0.0))
    if not pairs:
        return None
    score = max(pairs)
    return Likeness(score, birth) if score >= NEEDED[birth] else None
