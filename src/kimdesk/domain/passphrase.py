"""An honest, simple estimate of a passphrase's strength for the setup wizard.

It never blocks a passphrase of the minimum length; it tells the user how hard it is to
guess: length and character variety count, repetitions and runs ("aaaa", "1234") do not.
"""

from __future__ import annotations

import math
import string

MIN_LENGTH = 10
WEAK, MEDIUM, STRONG = "weak", "medium", "strong"
_COMMON = ("passwort", "password", "kimdesk", "qwertz", "qwerty", "123456", "geheim", "hallo")


def _pool(text: str) -> int:
    pool = 0
    if any(c in string.ascii_lowercase for c in text):
        pool += 26
    if any(c in string.ascii_uppercase for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() for c in text):
        pool += 20
    if any(c.isalpha() and not c.isascii() for c in text):
        pool += 10
    return max(pool, 1)


def _effective_length(text: str) -> int:
    """Characters that repeat or continue a run of the one before count for nothing."""
    n = 0
    for i, c in enumerate(text):
        if i and (c == text[i - 1] or ord(c) - ord(text[i - 1]) in (1, -1)):
            continue
        n += 1
    return n


def entropy_bits(text: str) -> float:
    folded = text.casefold()
    length = _effective_length(text)
    for word in _COMMON:
        if word in folded:
            length -= len(word) - 1
    return max(length, 0) * math.log2(_pool(text))


def strength(text: str) -> str:
    bits = entropy_bits(text)
    if len(text) < MIN_LENGTH or bits < 45:
        return WEAK
    return MEDIUM if bits < 70 else STRONG
