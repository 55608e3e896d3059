"""Name lexicons and helpers: titles, role nouns, given names, spelling variants.

The word lists live in ``quoteattr/lexicons/*.txt`` (see their headers for
sources and licences) and are loaded once, at import, into read-only dicts:

- :data:`TITLES`: ``"mr" -> TitleInfo(gender="male", kind="honorific")``;
- :data:`ROLE_NOUNS`: ``"spokeswoman" -> RoleInfo(gender="female", kind="person")``;
- :data:`FIRST_NAMES`: ``"sergey" -> "male"`` (``"male"``, ``"female"``, ``"unisex"``);
- :data:`NAME_VARIANTS`: ``"sergei" -> "sergey"``.

Example:
    >>> from quoteattr.names import TITLES, ROLE_NOUNS, canonical_token, gender_of_first_name
    >>> TITLES["mrs"].gender, ROLE_NOUNS["ministry"].kind
    ('female', 'organisation')
    >>> canonical_token("Sergei"), gender_of_first_name("Maria")
    ('sergey', 'female')
"""

from __future__ import annotations

import sys
from types import MappingProxyType
from collections.abc import Mapping

import attrs

from .lexicons import load_rows

__all__ = [
    "FIRST_NAMES",
    "NAME_VARIANTS",
    "ROLE_NOUNS",
    "TITLES",
    "RoleInfo",
    "TitleInfo",
    "canonical_token",
    "first_names_compatible",
    "full_names_match",
    "gender_of_first_name",
    "name_key",
    "strip_title",
]


@attrs.frozen
class TitleInfo:
    """What a title word says: ``gender`` (``None`` when none) and ``kind``."""

    gender: str | None
    kind: str


@attrs.frozen
class RoleInfo:
    """What a role noun says: ``gender`` (``None`` when none) and ``kind`` (person/organisation)."""

    gender: str | None
    kind: str


def _titles() -> Mapping[str, TitleInfo]:
    return MappingProxyType({r[0]: TitleInfo(r[1] or None, r[2]) for r in load_rows("titles.txt")})


def _roles() -> Mapping[str, RoleInfo]:
    return MappingProxyType({r[0]: RoleInfo(r[1] or None, r[2]) for r in load_rows("role_nouns.txt")})


#: title word or phrase (lowercase, no final period) -> gender and kind.
TITLES: Mapping[str, TitleInfo] = _titles()
#: role or group noun (lowercase) -> gender and kind.
ROLE_NOUNS: Mapping[str, RoleInfo] = _roles()
#: given name (lowercase) -> "male", "female" or "unisex".
FIRST_NAMES: Mapping[str, str] = MappingProxyType({r[0]: r[1] for r in load_rows("first_names.txt")})
#: spelling variant (lowercase) -> canonical spelling.
NAME_VARIANTS: Mapping[str, str] = MappingProxyType({r[0]: r[1] for r in load_rows("name_variants.txt")})

_MAX_TITLE_WORDS = max(len(t.split()) for t in TITLES)


def canonical_token(word: str) -> str:
    """*word* lowercased, a final period dropped, and mapped to its canonical spelling.

    Example: ``canonical_token("Dmitri") == "dmitry"``.
    """
    w = word.lower().rstrip(".")
    if "'" in w or "\u2019" in w:  # (most words have no apostrophe: no method call)
        w = w.replace("\u2019", "'")
        if w.endswith("'s"):
            w = w[:-2]
    # (interned: the keys of "Sergey Lavrov", "Lavrov" and "Mr Lavrov" share
    # one "lavrov"; Python drops an interned str that nothing holds)
    return sys.intern(NAME_VARIANTS.get(w, w))


def gender_of_first_name(word: str) -> str | None:
    """``"male"`` or ``"female"`` when *word* is a given name that signals one, else ``None``."""
    g = FIRST_NAMES.get(word.lower()) or FIRST_NAMES.get(canonical_token(word))
    return g if g in ("male", "female") else None


def strip_title(words: list[str]) -> tuple[list[str], str | None]:
    """Split a leading title off *words*: ``(["Mr", "Peskov"]) -> (["Peskov"], "mr")``.

    The longest title phrase wins ("Prime Minister Johnson" drops both words).
    A title alone is not stripped (``["President"]`` stays as it is).
    """
    for n in range(min(_MAX_TITLE_WORDS, len(words) - 1), 0, -1):
        # (one word, the usual case, without a generator and a join)
        key = words[0].lower().rstrip(".") if n == 1 else " ".join(w.lower().rstrip(".") for w in words[:n])
        if key in TITLES:
            return words[n:], key
    return words, None


def name_key(name: str) -> tuple[str, ...]:
    """The canonical tokens of a proper name, title dropped.

    Example: ``name_key("Mr. Sergei Lavrov") == ("sergey", "lavrov")``.
    """
    words = [w for w in name.replace("\u00a0", " ").split() if w]
    words, _ = strip_title(words)
    return tuple(canonical_token(w) for w in words if w.strip(".,"))


def first_names_compatible(a: str, b: str) -> bool:
    """Two first-name keys agree: equal (after spelling variants, as keys
    are canonical), or one is the other's initial ("s" ~ "sergey")."""
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


def full_names_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Rule ``name-full``: two name keys of two words or more are one person
    when their last words match and their first words agree; middle names
    may differ. Example: "Sergei Lavrov" ~ "Sergey V. Lavrov"; "John Smith"
    !~ "Mary Smith"."""
    return len(a) >= 2 and len(b) >= 2 and a[-1] == b[-1] and first_names_compatible(a[0], b[0])
