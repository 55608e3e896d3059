"""Tests for quoteattr.names and its lexicons (titles, role nouns, first names, variants)."""

from __future__ import annotations

from importlib import resources

import pytest

from quoteattr import names

LEXICONS = ["titles.txt", "role_nouns.txt", "first_names.txt", "name_variants.txt"]


@pytest.mark.parametrize("name", LEXICONS)
def test_names_lexicon_is_lowercase_sorted_unique_with_header(name: str) -> None:
    """Each lexicon has a source and licence header, then lowercase sorted unique entries."""
    raw = resources.files("quoteattr.lexicons").joinpath(name).read_text(encoding="utf-8").splitlines()
    header = [line for line in raw if line.startswith("#")]
    entries = [line for line in raw if line and not line.startswith("#")]
    assert any("source" in h.lower() for h in header)
    assert any("licence" in h.lower() for h in header)
    keys = [e.split("\t")[0] for e in entries]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))
    assert [k.lower() for k in keys] == keys


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("TITLES", 150), ("ROLE_NOUNS", 250), ("FIRST_NAMES", 1500), ("NAME_VARIANTS", 100)],
)
def test_names_lexicon_sizes(name: str, minimum: int) -> None:
    """The lexicons hold at least the sizes the issue asks for."""
    assert len(getattr(names, name)) >= minimum


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("mr", ("male", "honorific")),
        ("ms", ("female", "honorific")),
        ("prime minister", (None, "office")),
        ("gen", (None, "military")),
    ],
)
def test_names_titles(word: str, expected: tuple[str | None, str]) -> None:
    """Titles carry gender and kind."""
    info = names.TITLES[word]
    assert expected == (info.gender, info.kind)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("spokeswoman", ("female", "person")),
        ("ministry", (None, "organisation")),
        ("officials", (None, "person")),
        ("kremlin", (None, "organisation")),
    ],
)
def test_names_role_nouns(word: str, expected: tuple[str | None, str]) -> None:
    """Role nouns carry gender and kind."""
    info = names.ROLE_NOUNS[word]
    assert expected == (info.gender, info.kind)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Sergei", "sergey"),
        ("Dmitri", "dmitry"),
        ("Yury", "yuri"),
        ("Aleksei", "alexey"),
        ("Lavrov's", "lavrov"),
        ("Mr.", "mr"),
    ],
)
def test_names_canonical_token(word: str, expected: str) -> None:
    """Spelling variants map to one canonical token."""
    assert expected == names.canonical_token(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Maria", "female"), ("Sergey", "male"), ("Dmitri", "male"), ("Lavrov", None)],
)
def test_names_gender_of_first_name(word: str, expected: str | None) -> None:
    """Known given names signal a gender; surnames do not."""
    assert expected == names.gender_of_first_name(word)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mr. Sergei Lavrov", ("sergey", "lavrov")),
        ("Sergey Lavrov", ("sergey", "lavrov")),
        ("Prime Minister Boris Johnson", ("boris", "johnson")),
        ("President", ("president",)),
    ],
)
def test_names_name_key(name: str, expected: tuple[str, ...]) -> None:
    """Name keys drop titles and normalise spelling; a lone title stays."""
    assert expected == names.name_key(name)
