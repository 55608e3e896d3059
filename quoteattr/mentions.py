"""Mention analysis: what the words of a mention say about its entity.

A mention (:class:`~quoteattr.entities._Mention`) is one speaker, chain, name
or pronoun mention of a document; its words (:class:`~quoteattr.entities._Words`,
shared by every mention with the same wording) say whether it is a name, a
role or a pronoun, its name key, title, role, gender and kind.
:func:`analyse_mention` reads one mention's words; :func:`mention_words` is
the one tokeniser of the coreference modules. Finding proper names by
capitalisation lives in :mod:`quoteattr.namefinder`.
"""

from __future__ import annotations

import re

import regex

from .entities import _Mention, _mention, _Words
from .model import EntityKind
from .names import FIRST_NAMES, ROLE_NOUNS, TITLES, canonical_token, strip_title
from .lexicons import load_rows, load_set
from .npwords import PRONOUNS, WEEKDAYS


#: Personal pronouns that can be a speaker mention: person (1/3), number,
#: gender and the kinds of entity they can refer to.
PRONOUN_FEATURES: dict[str, tuple[int, str, str | None, frozenset[EntityKind]]] = {
    "he": (3, "sg", "male", frozenset({EntityKind.PERSON, EntityKind.OTHER})),
    "him": (3, "sg", "male", frozenset({EntityKind.PERSON, EntityKind.OTHER})),
    "she": (3, "sg", "female", frozenset({EntityKind.PERSON, EntityKind.OTHER})),
    "her": (3, "sg", "female", frozenset({EntityKind.PERSON, EntityKind.OTHER})),
    "it": (3, "sg", None, frozenset({EntityKind.ORGANISATION, EntityKind.OTHER})),
    "they": (3, "pl", None, frozenset({EntityKind.ORGANISATION, EntityKind.OTHER, EntityKind.PERSON})),
    "them": (3, "pl", None, frozenset({EntityKind.ORGANISATION, EntityKind.OTHER, EntityKind.PERSON})),
    "we": (1, "pl", None, frozenset({EntityKind.ORGANISATION, EntityKind.OTHER, EntityKind.PERSON})),
    "i": (1, "sg", None, frozenset({EntityKind.PERSON})),
    "me": (1, "sg", None, frozenset({EntityKind.PERSON})),
}

# Nominative personal pronouns: always the subject of their clause.
_PRONOUN_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)(?![\p{L}\p{M}\p{N}'’-])", regex.V1
)
# Guard ``plain-text`` (see quoteattr.plain_text): _PRONOUN_RE's ASCII twin,
# read by the standard library's re in a plain text.
_PRONOUN_ASCII_RE = re.compile(r"(?<![A-Za-z0-9'’-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)(?![A-Za-z0-9'’-])")

# Words of a mention: letters with inner apostrophes, hyphens and periods
# ("O'Brien", "Jean-Luc", "U.S.", "Mr.").
_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*\.?", regex.V1)

# Determiners dropped from the front of a mention ("the Kremlin" -> "Kremlin").
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those"])
# Indefinite or quantifying determiners: the mention introduces a new entity.
_INDEFINITE = frozenset(["a", "an", "some", "another", "one", "two", "three", "several", "many", "other"])
_DET_OR_INDEF = _DETERMINERS | _INDEFINITE
# leading words kept on a name: "the", "some", "Mr", "President"
_KEEP_LEADING = _DET_OR_INDEF | frozenset(TITLES)
# Capitalised words that begin sentences or stand alone but are not names, with the weekdays and speaker pronouns.
_NOT_NAMES = load_set("not_names.txt") | WEEKDAYS | PRONOUNS
# Rule ``name-trim`` (see :func:`_trim_name`): lowercase words that may stand
# inside a proper name ("Department of State", "Ludwig van Beethoven").
_NAME_PARTICLES = load_set("name_particles.txt")
# Prepositions whose object a trimmed name is (the phrase is no name).
_NAME_AFTER_PREPOSITION = frozenset(
    [
        "by",
        "after",
        "before",
        "from",
        "with",
        "about",
        "against",
        "to",
        "at",
        "in",
        "on",
        "for",
        "of",
        "over",
        "under",
        "like",
        "than",
    ]
)
# Words of address or pity before a name that are no part of it ("DEAR FANNY", "Poor Alice").
_ADDRESS_ADJECTIVES = frozenset(["dear", "poor", "little"])
# Inflected forms of the reporting verbs (not the base form, which is often a
# name: "Hope Hicks") and auxiliaries: no word of a name ("Said Comey",
# "HAD BEEN CLAIMED BY NANCY").
_VERB_FORMS = frozenset(w for row in load_rows("reporting_verbs.txt") for w in row[2].split()[1:]) | frozenset(
    ["is", "are", "was", "were", "been", "being", "had", "has", "have", "having", "did", "does", "says", "said"]
)
_VERB_FORMS = _VERB_FORMS - frozenset(ROLE_NOUNS)  # ("leading" is a verb form; "official" no verb)
# Prepositions after which a role noun phrase continues as a post-modifier
# ("a spokesman for the ministry": the head is "spokesman").
_POSTMODIFIER = frozenset(["of", "for", "at", "from", "in", "with", "to", "on"])


# ---------------------------------------------------------------------------
# Mention analysis


#: A word of a mention: ``(start, end, text)`` (a plain tuple: analysis
#: makes one per word of every distinct mention wording, and reads them by index).
Word = tuple[int, int, str]


def mention_words(text: str, a: int, b: int) -> list[Word]:
    """The words of ``text[a:b]`` (``_WORD_RE``): the one tokeniser of the coreference modules.

    Example: ``[w[2] for w in mention_words("Mr. O'Brien's aide", 0, 18)] == ["Mr.", "O'Brien's", "aide"]``.
    """
    s = text[a:b]
    if s.isascii():
        # (most mentions are ASCII words between single spaces, "Sergei
        # Lavrov": a split gives their words without a regex scan and three
        # method calls per word; a word of letters is one _WORD_RE word)
        out: list[Word] = []
        i = a
        for w in s.split(" "):
            if w:
                if not w.isalpha():
                    break
                out.append((i, i + len(w), w))
            i += len(w) + 1
        else:
            return out
    # (concurrent=False keeps the GIL: see the docstring of quoteattr.text)
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, a, b, concurrent=False)]


def _cap(w: str) -> bool:
    return w[:1].isupper()


def _lower(w: str) -> str:
    """*w* lower-cased, with a straight apostrophe, without a final "'s" and final periods."""
    # (hot: 33,000 calls over PolNeAR dev; most words have no apostrophe,
    # and the test by operator calls no method)
    w = w.lower()
    if "'" in w or "\u2019" in w:
        w = w.replace("\u2019", "'")
        if w.endswith("'s"):
            w = w[:-2]
    return w.rstrip(".")


def _role_info(w: str) -> tuple[str | None, str] | None:
    lw = _lower(w)
    info = ROLE_NOUNS.get(lw)
    if info is not None:
        return info.gender, info.kind
    t = TITLES.get(lw)
    if t is not None and t.kind != "honorific":
        return t.gender, "person"
    return None


def _is_acronym(w: str) -> bool:
    """At least two letters, all capitals ("NATO", "U.S.")."""
    n = 0
    for c in w:
        if c.isalpha():
            if not c.isupper():
                return False  # (most words end here, at their second letter)
            n += 1
    return n >= 2


# what a pronoun's words say, one per pronoun (a document has thousands of "he")
_PRONOUN_WORDS: dict[str, _Words] = {
    p: _Words("pronoun", pronoun=p, gender=gender, number=number)
    for p, (_, number, gender, _) in PRONOUN_FEATURES.items()
}


def analyse_mention(text: str, start: int, end: int) -> _Mention:
    """What the words of the mention ``text[start:end]`` say about its entity.

    Rules ``mention-pronoun``, ``role-appositive``, ``role-premodifier``,
    ``org-head`` and ``name-title`` (see the module docstring). Example:
    ``"Foreign Ministry spokeswoman Maria Zakharova"`` gives the name
    "Maria Zakharova", the role "Foreign Ministry spokeswoman", a female
    person.
    """
    p = text[start:end].lower()
    pw = _PRONOUN_WORDS.get(p)
    if pw is not None:
        # the common case, a pronoun alone: no need to split words
        return _Mention(start, end, pw)
    words = mention_words(text, start, end)
    paren = text.find("(", start, end)
    if paren != -1 and any(w[1] <= paren for w in words):
        # "The World Health Organisation (WHO)" -> "The World Health Organisation"
        words = [w for w in words if w[1] <= paren]
    if not words:
        return _mention(start, end, "role", kind=EntityKind.OTHER)
    if len(words) == 1 and words[0][2].lower() in _PRONOUN_WORDS:
        return _Mention(start, end, _PRONOUN_WORDS[words[0][2].lower()])
    # Split an appositive: "Sergey Lavrov, the Russian foreign minister,".
    comma = text.find(",", start, end)
    appositive: str | None = None
    if comma != -1:
        before = [w for w in words if w[1] <= comma]
        after = [w for w in words if w[0] > comma]
        if before and after:
            if (
                any(_cap(w[2]) and _lower(w[2]) not in _DETERMINERS for w in before)
                and after[0][2].lower() in _DETERMINERS
            ):
                words = before
                appositive = " ".join(w[2] for w in after[1:])
            elif before[0][2].lower() in _DETERMINERS and any(_cap(w[2]) for w in after):
                appositive = " ".join(w[2] for w in before[1:])
                words = after
            elif any(_cap(w[2]) for w in before):
                # "Florence, coldly, rising ..." -> "Florence"
                words = before
    m = _analyse_words(text, start, end, words)
    if appositive and m.w.form == "name":
        m.role = appositive.strip()
        if m.w.gender is None:
            last = appositive.split()[-1] if appositive.split() else ""
            info = _role_info(last)
            if info is not None:
                m.gender = info[0]
                if m.w.kind in (None, EntityKind.OTHER) and info[1] == "person":
                    m.kind = EntityKind.PERSON
    return m


def _analyse_words(text: str, start: int, end: int, words: list[Word]) -> _Mention:
    """The mention of *words* (a mention's words, appositive cut): leading
    words dropped, a role split off, the name trimmed, then what its head
    word says (a role or organisation mention) or a proper name."""
    words, definite, indefinite = _drop_leading(words)
    if not words:
        return _mention(start, end, "role", kind=EntityKind.OTHER)
    name_words, role, role_gender, role_kind = _split_role(text, words)
    kept = _trim_name(name_words)
    if kept is not name_words:
        cut = name_words[: len(name_words) - len(kept)]
        prep = next((k for k, w in enumerate(cut) if k and w[2] in _NAME_AFTER_PREPOSITION), None)
        if prep is not None:
            # Rule ``name-trim``: the name is the object of a preposition, the
            # phrase a description ("A leaked letter seen by Sky News", "analysis
            # by Lily Batchelder"): a role mention headed by the noun before it.
            h = _lower(cut[prep - 1][2])
            return _mention(start, end, "role", head=h, kind=None, definite=definite and not indefinite,
                            role=text[name_words[0][0] : name_words[-1][1]])  # fmt: skip
        if role is None and _role_info(cut[-1][2]) is not None and not cut[-1][2].isupper():
            # "retired neurosurgeon Ben Carson": the cut words are a role
            role = text[cut[0][0] : cut[-1][1]]
        name_words = kept
    m = _head_mention(text, start, end, name_words, definite, indefinite)
    if m is not None:
        return m
    return _proper_name(start, end, name_words, role, role_gender, role_kind, definite)


def _month_given_name(w: str) -> bool:
    """Rule ``month-given-name``: a capitalised month that is also a given name
    ("August", "April", "June") opens a name before a capitalised word, where
    other leading function words are dropped ("Then Jack Lawton")."""
    return _cap(w) and w[1:].islower() and _lower(w) in _NOT_NAMES and _lower(w) in FIRST_NAMES


def _drop_leading(words: list[Word]) -> tuple[list[Word], bool, bool]:
    """*words* without a leading function word before a capitalised one
    ("Then Jack Lawton" -> "Jack Lawton") and without leading determiners
    ("the Kremlin" -> "Kremlin"), and whether those made it definite, indefinite."""
    definite = False
    indefinite = False
    while (
        len(words) > 1
        and _lower(words[0][2]) in _NOT_NAMES
        and _lower(words[0][2]) not in _KEEP_LEADING
        and _cap(words[1][2])
        # Rule ``month-given-name``: a month that is also a given name opens
        # the name it stands before ("August Wilson", "April Ryan")
        and not _month_given_name(words[0][2])
    ):
        words = words[1:]
    while words and words[0][2].lower() in _DET_OR_INDEF:
        lw = words[0][2].lower()
        definite = definite or lw in ("the", "this", "that", "these", "those")
        indefinite = indefinite or lw in _INDEFINITE
        words = words[1:]
    return words, definite, indefinite


def _split_role(text: str, words: list[Word]) -> tuple[list[Word], str | None, str | None, str | None]:
    """The name words of *words*, the role before them and the gender and kind
    that role gives (``None`` each where there is no role).

    Rule ``role-premodifier``: the last role noun followed only by
    capitalised words splits role from name ("Foreign Ministry spokeswoman
    Maria Zakharova", "University of Texas student association president
    Sehar Memon"). With no such split, post-modifiers are cut: "a spokesman
    for the ministry" -> "a spokesman".
    """
    split = None
    for i in range(len(words) - 2, -1, -1):
        if _role_info(words[i][2]) is not None and all(_cap(w[2]) for w in words[i + 1 :]):
            if (
                i == 0
                or not _cap(words[i][2])
                or not all(_cap(w[2]) for w in words[: i + 1])
                or _lower(words[i][2]) in TITLES
            ):
                split = i
                break
    if split is None:
        for i, w in enumerate(words):
            if i and w[2].lower() in _POSTMODIFIER:
                words = words[:i]
                break
        return words, None, None, None
    info = _role_info(words[split][2])
    assert info is not None
    role_gender, role_kind = info
    # A title alone ("President", "Mr") stays with the name.
    if split == 0 and _lower(words[0][2]) in TITLES:
        return words, None, role_gender, role_kind
    return words[split + 1 :], text[words[0][0] : words[split][1]], role_gender, role_kind


def _head_mention(
    text: str, start: int, end: int, name_words: list[Word], definite: bool, indefinite: bool
) -> _Mention | None:
    """The role or organisation mention the head word of *name_words* makes,
    or ``None`` when they are a proper name."""
    name_words = _cut_participle(name_words)
    head_word = name_words[-1][2]
    head = _lower(head_word)
    head_info = _role_info(head_word)
    caps = [w for w in name_words if w[2][:1].isupper()]  # (_cap, inlined)
    head_cap = head_word[:1].isupper()
    # Rule ``org-head``: a phrase headed by an organisation noun is an
    # organisation, named when any of its words is capitalised ("the Russian
    # Foreign Ministry"), a role mention otherwise ("the ministry").
    if (
        head_info is not None
        and head_info[1] == "organisation"
        and not (len(caps) == len(name_words) and _lower(name_words[0][2]) in TITLES)
    ):
        if caps:
            return _mention(
                start, end, "name", name=(name_words[0][0], name_words[-1][1]),
                key=tuple(_lower(w[2]) for w in name_words), kind=EntityKind.ORGANISATION,
                head=head, definite=definite,
            )  # fmt: skip
        return _mention(
            start, end, "role", head=head, modifiers=tuple(_lower(w[2]) for w in name_words[:-1]),
            kind=EntityKind.ORGANISATION, definite=definite and not indefinite, number="sg",
            role=text[name_words[0][0] : name_words[-1][1]],
        )  # fmt: skip
    if (
        head_info is not None
        and head_info[1] == "person"
        and (not head_cap or len(caps) < len(name_words) or len(name_words) == 1)
    ):
        # A person role with no name: "the foreign minister", "officials".
        plural = (head.endswith("s") and not head.endswith("ss") and head not in ("boss",)) or head in (
            "men",
            "women",
            "people",
            "children",
            "police",
            "spokesmen",
            "spokeswomen",
            "chairmen",
            "congressmen",
        )
        return _mention(
            start, end, "role", head=head, modifiers=tuple(_lower(w[2]) for w in name_words[:-1]),
            gender=head_info[0], kind=EntityKind.PERSON, definite=definite and not indefinite,
            number="pl" if plural else "sg", role=text[name_words[0][0] : name_words[-1][1]],
        )  # fmt: skip
    if len(name_words) == 1 and head in TITLES:
        # Rule ``title-alone``: a title with no name is a role mention
        # ("the President", "Mr" cut off its name); capitalised, it is definite.
        t = TITLES[head]
        return _mention(
            start, end, "role", head=head, gender=t.gender, kind=EntityKind.PERSON,
            definite=(definite or head_cap) and not indefinite, role=head_word,
        )  # fmt: skip
    if len(name_words) == 1 and head in _VERB_FORMS and not _is_acronym(head_word):
        # Rule ``name-trim``: a verb form alone is no name ("Asked", "Citing", "Reports")
        return _mention(start, end, "role", head=head, kind=None, definite=False, role=None)
    if not caps or not head_cap:
        # a lowercase head is no name ("boy wearing a NASA T-shirt")
        return _mention(
            start,
            end,
            "role",
            head=head,
            modifiers=tuple(_lower(w[2]) for w in name_words[:-1]),
            kind=None,
            definite=definite and not indefinite,
            role=text[name_words[0][0] : name_words[-1][1]],
        )
    return None


def _cut_participle(words: list[Word]) -> list[Word]:
    """Rule ``org-head-clause``: a phrase that goes on with a participle clause
    ends before it, and its head is the word before: "memo released Friday by
    the agency's watchdog" -> "memo", "exit polls reported by CNN and other
    networks" -> "exit polls" (no organisation "... networks"); "Greek court
    rules worship of ..." is left alone (no participle with "by")."""
    if len(words) < 3 or not any(x[2] == "by" for x in words):
        return words
    for i in range(1, len(words) - 1):
        w = words[i][2]
        # a past participle with its agent: "released (Friday) by", "reported by"
        if w.islower() and w.endswith("ed") and len(w) > 4 and any(x[2] == "by" for x in words[i + 1 : i + 4]):
            return words[:i]
    return words


def _trim_name(words: list[Word]) -> list[Word]:
    """Rule ``name-trim``: a proper name is the last run of its words that a
    name may hold. Cut before it: a lowercase word that is no name particle
    ("hesitation which Emma" -> "Emma", "analysis by Lily Batchelder" ->
    "Lily Batchelder", "speech Mrs" -> "Mrs"), a word of address ("DEAR
    FANNY" -> "FANNY"), and, in a capitalised phrase, a function word or a
    verb form ("HAD BEEN CLAIMED BY NANCY" -> "NANCY", "Said Comey" ->
    "Comey"). *words* comes back as it is when nothing is cut; a lowercase
    last word (no name) is left alone."""
    if len(words) < 2 or not _cap(words[-1][2]):
        return words
    cut = 0
    for i in range(len(words) - 1):
        w = words[i][2]
        lw = _lower(w)
        if w[0].isdigit():
            continue  # "AM 970 The Answer"
        cap = w[:1].isupper()  # (_cap, inlined: read twice per word)
        if lw in _ADDRESS_ADJECTIVES or lw in _VERB_FORMS or (not cap and lw not in _NAME_PARTICLES):
            cut = i + 1
        elif cap and lw in _NOT_NAMES and lw not in _KEEP_LEADING and lw not in _NAME_PARTICLES:
            if i == 0 and _month_given_name(w):
                continue  # rule ``month-given-name``: "August Wilson"
            cut = i + 1  # "Then", "BY", "Although" inside the run
    return words[cut:] if cut else words


def _proper_name(
    start: int,
    end: int,
    name_words: list[Word],
    role: str | None,
    role_gender: str | None,
    role_kind: str | None,
    definite: bool,
) -> _Mention:
    """The name mention of *name_words*, perhaps after a title ("Mr Peskov",
    "President Trump"), with the *role* and the gender and kind the role gave."""
    raw = [w[2] for w in name_words]
    rest, title = strip_title(raw)
    offset = len(raw) - len(rest)
    nw = name_words[offset:]
    key = tuple(map(canonical_token, rest))
    gender = role_gender
    kind: EntityKind | None = EntityKind.PERSON if role_kind == "person" else None
    if title is not None:
        kind = EntityKind.PERSON
        gender = gender or TITLES[title].gender
    # Rule ``name-first-gender``: a known given name makes a person, with
    # the gender it signals unless a title said otherwise ("Maria" -> female).
    first = (FIRST_NAMES.get(raw[offset].lower()) or FIRST_NAMES.get(key[0])) if key else None
    if first is not None and not _is_acronym(raw[offset]):
        kind = EntityKind.PERSON
        if gender is None and first in ("male", "female"):
            gender = first
    if kind is None and len(nw) == 1 and _is_acronym(raw[-1]):
        kind = EntityKind.ORGANISATION
    name = (nw[0][0], nw[-1][1])
    # (the alias is the name itself unless a title precedes it: one tuple)
    alias = name if offset == 0 else (name_words[0][0], nw[-1][1])
    return _mention(
        start, end, "name", name=name, alias=alias, key=key, title=title, role=role,
        gender=gender, kind=kind, definite=definite,
    )  # fmt: skip


#: A chain mention with more words than this besides its name is a description.
_DESCRIPTION_WORDS = 8


def _descriptive(text: str, m: _Mention) -> bool:
    assert m.name is not None
    a, b = m.alias or m.name
    inside = len(mention_words(text, a, b))
    return len(mention_words(text, m.start, m.end)) - inside > _DESCRIPTION_WORDS


def _give_role(m: _Mention, role: str) -> None:
    m.role = role
    info = _role_info(role.split()[-1])
    if info is not None:
        if m.w.gender is None:
            m.gender = info[0]
        if m.w.kind is None and info[1] == "person":
            m.kind = EntityKind.PERSON
