"""Mention analysis: what the words of a mention say about its entity.

A :class:`_Mention` is one speaker, chain, name or pronoun mention of a
document; its :class:`_Words` (shared by every mention with the same wording)
say whether it is a name, a role or a pronoun, its name key, title, role,
gender and kind. :func:`analyse_mention` reads one mention's words;
:func:`find_name_mentions` finds proper names by capitalisation (the rule
engine has no NER). :func:`mention_words` is the one tokeniser of the
coreference modules.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs
import regex

from .model import EntityKind, Resolution
from .names import FIRST_NAMES, ROLE_NOUNS, TITLES, canonical_token, strip_title
from .lexicons import load_rows
from .text import ABBREVIATIONS

if TYPE_CHECKING:  # (for the annotation of _Mention.entity only: entities imports this module)
    from .entities import _Entity

Pair = tuple[int, int]

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
# Capitalised words that begin sentences or stand alone but are not names.
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "but",
        "or",
        "nor",
        "so",
        "yet",
        "for",
        "if",
        "when",
        "while",
        "as",
        "after",
        "before",
        "since",
        "because",
        "although",
        "though",
        "however",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "him",
        "them",
        "us",
        "me",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "what",
        "who",
        "whom",
        "whose",
        "why",
        "how",
        "where",
        "which",
        "in",
        "on",
        "at",
        "by",
        "to",
        "from",
        "of",
        "with",
        "without",
        "about",
        "into",
        "over",
        "under",
        "not",
        "no",
        "yes",
        "oh",
        "ah",
        "well",
        "then",
        "now",
        "also",
        "still",
        "even",
        "just",
        "only",
        "all",
        "both",
        "each",
        "every",
        "some",
        "any",
        "many",
        "most",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "mrs",
        "mr",
        "ms",
        "dr",
    ]
)
# Rule ``name-trim`` (see :func:`_trim_name`): lowercase words that may stand
# inside a proper name ("Department of State", "Ludwig van Beethoven").
_NAME_PARTICLES = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "on",
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "da",
        "du",
        "van",
        "von",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "y",
        "st",
    ]
)
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

# Rule ``find-names``: a capitalised word sequence, possibly with particles
# and initials, is a proper-name mention. Example: "Sergey V. Lavrov",
# "Ursula von der Leyen", "Mr. Peskov".
_NAME_SEQ_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’])"
    r"(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}'’\-]*(?![.]\p{L}))"
    r"(?:[ \u00a0](?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}'’\-]*"
    r"|(?:de|del|der|di|da|dos|du|la|le|van|von|al|el|bin|ibn)(?=[ \u00a0](?:\p{Lu}|der |la |los |de ))))*",
    regex.V1,
)
# A period after a short capitalised word is an abbreviation ("Mr.", "Gen.",
# "J.") only; "Florence. By" is two sentences.

# Rule ``role-premodifier``: up to four lowercase or capitalised modifier
# words ending in a role noun right before a name give the entity a role.
# Example: "Russian foreign minister Sergei Lavrov" -> "Russian foreign minister".
# (?r): searched from the end, so the anchored match costs one attempt
# instead of one per start position (the same matches, 50x faster).
_LAST_WORD_RE = regex.compile(r"(?r)([\p{L}\-]+)[ \u00a0]$", regex.V1)
_PREMOD_RE = regex.compile(r"(?r)((?:[\p{L}\-]+[ \u00a0]){0,4}[\p{L}\-]+)[ \u00a0]$", regex.V1)

# Rule ``role-appositive``: ", the <role>," right after a name gives it a role.
# Example: "Sergey Lavrov, the Russian foreign minister," -> "Russian foreign minister".
_APPOSITIVE_RE = regex.compile(
    r"^,[ \u00a0]+(?:the|a|an|\p{Lu}[\p{L}.]*['’]s)[ \u00a0]+([^,.;:()\"“”]{2,80}?)[ \u00a0]*(?=[,.;:)]|$)", regex.V1
)


@attrs.frozen(weakref_slot=False)
class _Words:
    """What a mention's words say about its entity.

    Shared by every mention with the same wording (``analyse`` in
    :func:`resolve` analyses "Trump" once per document): never change one in
    place (it is frozen): :class:`_Mention`'s setters copy it. The name and
    the alias are kept as offsets from the mention's start, -1 for none
    (small ints: Python shares them, where a pair would be a new tuple);
    the alias ends where the name ends.
    """

    form: str  # "name", "role", "pronoun"
    name_at: int = -1  # [name_at, name_end): the proper-name part
    name_end: int = -1
    alias_at: int = -1  # [alias_at, name_end): the name with its title ("Mr Peskov")
    key: tuple[str, ...] = ()  # canonical name tokens, title dropped
    title: str | None = None
    role: str | None = None
    head: str | None = None
    modifiers: tuple[str, ...] = ()
    gender: str | None = None
    kind: EntityKind | None = None
    number: str = "sg"
    definite: bool = False
    pronoun: str | None = None


def _shared(field: str) -> property:
    """A :class:`_Mention` property reading its words' *field*; setting it copies the words."""

    def put(m: _Mention, value: Any) -> None:
        m.w = attrs.evolve(m.w, **{field: value})

    # (an attrgetter reads it in C: a Python getter was 5% of the engine's time)
    return property(
        operator.attrgetter(f"w.{field}"), put, doc=f"``{field}`` of the mention's words (see :class:`_Words`)."
    )


# bits of _Mention.flags (the hot loops test them directly). Kept as bits:
# three bool slots instead raised the peak of extract() by 2.7% on 1 MB of
# polnear-dev and 3% on 1 MB of litbank-dev (tracemalloc, 2026-12-01).
_SPEAKER, _IN_QUOTE, _SUBJECT = 1, 2, 4


def _flag(bit: int, doc: str) -> property:
    """A :class:`_Mention` property for one bit of its ``flags``."""

    def get(m: _Mention) -> bool:
        return m.flags & bit != 0

    def put(m: _Mention, on: bool) -> None:
        m.flags = m.flags | bit if on else m.flags & ~bit

    return property(get, put, doc=doc)


def _relative(span: Pair | None, start: int) -> Pair:
    return (-1, -1) if span is None else (span[0] - start, span[1] - start)


@attrs.define(weakref_slot=False)
class _Mention:
    """One mention: where it is, what its words say, and how it resolved (mutable while resolving).

    A mention is a small object of its own (a long document has tens of
    thousands): what its words say lives in :class:`_Words`, shared by every
    mention with the same wording and read through the properties below.
    """

    start: int
    end: int
    w: _Words
    # speaker, in_quote and subject, one bit each (see the properties):
    # a slot per flag was a tenth of a long document's working set
    flags: int = 0
    chain: int | None = None
    entity: _Entity | None = None
    resolution: Resolution = Resolution.NAME

    speaker = _flag(_SPEAKER, "The mention is a quote's speaker.")
    in_quote = _flag(_IN_QUOTE, "The mention lies inside quoted text.")
    subject = _flag(_SUBJECT, "The mention is the first outside quotes in its sentence.")

    form = _shared("form")
    key = _shared("key")
    title = _shared("title")
    role = _shared("role")
    head = _shared("head")
    modifiers = _shared("modifiers")
    gender = _shared("gender")
    kind = _shared("kind")
    number = _shared("number")
    definite = _shared("definite")
    pronoun = _shared("pronoun")

    @property
    def name(self) -> Pair | None:
        """Span of the proper-name part, or ``None``."""
        w = self.w
        return None if w.name_at < 0 else (self.start + w.name_at, self.start + w.name_end)

    @name.setter
    def name(self, span: Pair | None) -> None:
        a, b = _relative(span, self.start)
        self.w = attrs.evolve(self.w, name_at=a, name_end=b)

    @property
    def alias(self) -> Pair | None:
        """The name with its title ("Mr Peskov"), or ``None``."""
        w = self.w
        return None if w.alias_at < 0 else (self.start + w.alias_at, self.start + w.name_end)

    @alias.setter
    def alias(self, span: Pair | None) -> None:
        a, b = _relative(span, self.start)
        if span is not None and b != self.w.name_end:
            raise ValueError(f"an alias ends where the name ends (alias {span}, name {self.name})")
        self.w = attrs.evolve(self.w, alias_at=a)

    @property
    def span(self) -> Pair:
        return self.start, self.end

    def moved(self, start: int, end: int) -> _Mention:
        """A fresh mention of the same words at ``[start, end)``."""
        assert end - start == self.end - self.start
        return _Mention(start, end, self.w)


def _mention(
    start: int, end: int, form: str, *, name: Pair | None = None, alias: Pair | None = None, **found: Any
) -> _Mention:
    """A new mention at ``[start, end)`` of what analysis *found* (``name``, ``alias``: absolute spans)."""
    name_at, name_end = _relative(name, start)
    alias_at, alias_end = _relative(alias, start)
    if alias is not None and alias_end != name_end:
        raise ValueError(f"an alias ends where the name ends (alias {alias}, name {name})")
    return _Mention(start, end, _Words(form, name_at, name_end, alias_at, **found))


# ---------------------------------------------------------------------------
# Mention analysis


#: A word of a mention: ``(start, end, text)`` (a plain tuple: analysis
#: makes one per word of every distinct mention wording, and reads them by index).
Word = tuple[int, int, str]


def mention_words(text: str, a: int, b: int) -> list[Word]:
    """The words of ``text[a:b]`` (``_WORD_RE``): the one tokeniser of the coreference modules.

    Example: ``[w[2] for w in mention_words("Mr. O'Brien's aide", 0, 18)] == ["Mr.", "O'Brien's", "aide"]``.
    """
    # (concurrent=False keeps the GIL: see the docstring of quoteattr.text)
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, a, b, concurrent=False)]


def _cap(w: str) -> bool:
    return w[:1].isupper()


def _lower(w: str) -> str:
    w = w.lower().replace("\u2019", "'")
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
    definite = False
    indefinite = False
    # "Then Jack Lawton" -> "Jack Lawton"
    while (
        len(words) > 1
        and _lower(words[0][2]) in _NOT_NAMES
        and _lower(words[0][2]) not in _KEEP_LEADING
        and _cap(words[1][2])
    ):
        words = words[1:]
    while words and words[0][2].lower() in _DET_OR_INDEF:
        lw = words[0][2].lower()
        definite = definite or lw in ("the", "this", "that", "these", "those")
        indefinite = indefinite or lw in _INDEFINITE
        words = words[1:]
    if not words:
        return _mention(start, end, "role", kind=EntityKind.OTHER)
    # Rule ``role-premodifier``: the last role noun followed only by
    # capitalised words splits role from name ("Foreign Ministry spokeswoman
    # Maria Zakharova", "University of Texas student association president
    # Sehar Memon").
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
        # Cut post-modifiers: "a spokesman for the ministry" -> "a spokesman".
        for i, w in enumerate(words):
            if i and w[2].lower() in _POSTMODIFIER:
                words = words[:i]
                break
    role = None
    role_gender = None
    role_kind = None
    if split is not None:
        info = _role_info(words[split][2])
        assert info is not None
        role_gender, role_kind = info
        role_words = words[: split + 1]
        name_words = words[split + 1 :]
        # A title alone ("President", "Mr") stays with the name.
        if split == 0 and _lower(words[0][2]) in TITLES:
            name_words = words
            role = None
        else:
            role = text[role_words[0][0] : role_words[-1][1]]
    else:
        name_words = words
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
    head_word = name_words[-1][2]
    head = _lower(head_word)
    head_info = _role_info(head_word)
    caps = [w for w in name_words if _cap(w[2])]
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
        and (not _cap(head_word) or len(caps) < len(name_words) or len(name_words) == 1)
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
            definite=(definite or _cap(head_word)) and not indefinite, role=head_word,
        )  # fmt: skip
    if len(name_words) == 1 and head in _VERB_FORMS and not _is_acronym(head_word):
        # Rule ``name-trim``: a verb form alone is no name ("Asked", "Citing", "Reports")
        return _mention(start, end, "role", head=head, kind=None, definite=False, role=None)
    if not caps or not _cap(head_word):
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
    return _proper_name(start, end, name_words, role, role_gender, role_kind, definite)


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
        if lw in _ADDRESS_ADJECTIVES or lw in _VERB_FORMS or (not _cap(w) and lw not in _NAME_PARTICLES):
            cut = i + 1
        elif _cap(w) and lw in _NOT_NAMES and lw not in _KEEP_LEADING and lw not in _NAME_PARTICLES:
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
    key = tuple(canonical_token(w) for w in rest)
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


# ---------------------------------------------------------------------------
# Mention discovery (rule engine: no NER, no chains)


class NameMention(NamedTuple):
    """A proper-name mention :func:`find_name_mentions` found: ``[start, end)``
    and the role the text gives it, if any."""

    start: int
    end: int
    role: str | None


def find_name_mentions(text: str, start: int = 0, end: int | None = None) -> list[NameMention]:
    """Proper-name mentions found by capitalisation, with a role where the text gives one.

    Rule ``find-names``: capitalised word sequences, minus leading function
    words ("But Lavrov" -> "Lavrov") and a possessive "'s"; titles are kept
    ("Mr Peskov"). Rules ``role-premodifier`` and ``role-appositive`` attach a
    role ("Russian foreign minister Sergei Lavrov").

    Returns:
        :class:`NameMention` records in text order; *role* is ``None`` when
        the text gives none.
    """
    end = len(text) if end is None else end
    out: list[NameMention] = []
    lower_words: _LowerWords | None = None
    # names whose first word waits for the answer of one scan over the text
    # (see _LowerWords), with that word
    deferred: list[tuple[list[Word], str]] = []
    for m in _NAME_SEQ_RE.finditer(text, start, end, concurrent=False):
        ws = mention_words(text, m.start(), m.end())
        # a period ends the name unless the word is a title, an initial or
        # an abbreviation: "Florence. By" -> "Florence"
        for i in range(len(ws) - 1):
            g = ws[i][2]
            if g.endswith(".") and len(g) > 2:
                lg = _lower(g)
                if lg not in TITLES and lg not in ABBREVIATIONS:
                    ws = ws[: i + 1]
                    break
        while ws:
            g = ws[0][2]
            lg = _lower(g)
            if (lg in _NOT_NAMES and lg not in TITLES) or g == "I" or g == "i":
                ws = ws[1:]
            else:
                break
        if not ws:
            continue
        # Rule ``find-names-sentence-start``: a sentence-initial word that the
        # text also writes in lowercase is not part of the name ("Poor
        # Douglas" -> "Douglas", "Upon" -> nothing) ...
        # (lg is _lower of the first word: the loop above stopped at it)
        if lg not in TITLES and lg not in FIRST_NAMES and _sentence_initial(text, ws[0][0]):
            # ... nor is an adverb in -ly ("Immediately he was off again.")
            if lg.endswith("ly"):
                ws = ws[1:]
            else:
                if lower_words is None:
                    lower_words = _LowerWords(text)
                known = lower_words.known(lg)
                if known is None:
                    deferred.append((ws, lg))
                    continue
                if known:
                    ws = ws[1:]
            if not ws:
                continue
        _add_name(text, ws, out)
    if deferred:
        assert lower_words is not None
        lowercase = lower_words.among({lg for _, lg in deferred})
        for ws, lg in deferred:
            if lg in lowercase:
                ws = ws[1:]
            if ws:
                _add_name(text, ws, out)
        out.sort(key=_first)  # (the names do not overlap: their starts differ)
    return out


def _first(t: NameMention) -> int:
    return t[0]


def _add_name(text: str, ws: list[Word], out: list[NameMention]) -> None:
    """Append the name of the words *ws* to *out*, unless they make none."""
    # split at a possessive: "Russia's Vladimir Putin" -> "Vladimir Putin"
    for i, w in enumerate(ws[:-1]):
        if w[2].endswith(("'s", "’s")):
            ws = ws[i + 1 :]
            break
    a, b = ws[0][0], ws[-1][1]
    if text[b - 2 : b] in ("'s", "’s"):
        b -= 2
    if text[b - 1] == "." and len(ws) > 1 and _lower(ws[-1][2]) not in ABBREVIATIONS:
        b -= 1
    word = text[a:b]
    if len(ws) == 1:
        lw = _lower(word)
        if lw in _NOT_NAMES or lw in TITLES or (lw in ROLE_NOUNS and not _cap(word[1:2] or "a")):
            return
    if len(ws) == 1 and word.endswith(".") and len(word) <= 3:
        return
    out.append(NameMention(a, b, _role_near(text, a, b)))


class _LowerWords:
    """Does a word stand in *text* as a whole lowercase word, as
    ``_LOWER_WORD_RE`` finds them?

    A news article asks about a few dozen sentence-initial words, so
    :meth:`known` looks each up with ``str.find`` and checks its boundaries.
    ``str.find`` reads text fifty to a hundred times faster than the regex
    scan that lists every lowercase word, but once the searches have read 32
    times the text (costing more than one scan), :meth:`known` answers
    ``None`` and the caller asks :meth:`among` about every word still open,
    in one scan, which keeps a long text linear. Both ways give the same
    answers, and neither holds the text's vocabulary: the scan keeps only
    the words asked about.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.budget = 32 * len(text) + 65536
        self.answers: dict[str, bool] = {}

    def known(self, word: str) -> bool | None:
        """The answer for *word*, or ``None`` when searching would overspend the budget."""
        found = self.answers.get(word)
        if found is not None:
            return found
        if self.budget < 0:
            return None
        text = self.text
        found = False
        if _LOWER_WORD_RE.fullmatch(word):
            i = text.find(word)
            while i != -1:
                j = i + len(word)
                if (i == 0 or not _LETTER_OR_MARK_RE.match(text, i - 1)) and not _LOWER_OR_MARK_RE.match(text, j):
                    found = True
                    break
                i = text.find(word, i + 1)
            self.budget -= len(text) if i == -1 else i
        self.answers[word] = found
        return found

    def among(self, words: set[str]) -> set[str]:
        """Those of *words* that stand in the text as whole lowercase words.

        One scan, a block at a time: a findall over the whole text would
        list every occurrence at once (several times the text's size).
        Blocks end at a space, which no word holds, and the lookbehind sees
        across a block start.
        """
        found = {w for w in words if self.answers.get(w)}
        ask = {w for w in words if w not in self.answers}
        text = self.text
        pos, n = 0, len(text)
        while ask and pos < n:
            stop = text.find(" ", pos + _BLOCK)
            stop = n if stop == -1 else stop
            hits = ask.intersection(_LOWER_WORD_RE.findall(text, pos, stop, concurrent=False))
            found |= hits
            ask -= hits
            pos = stop
        return found


_LETTER_OR_MARK_RE = regex.compile(r"[\p{L}\p{M}]", regex.V1)
_LOWER_OR_MARK_RE = regex.compile(r"[\p{Ll}\p{M}]", regex.V1)


# characters per block of _LowerWords.among (a findall's list of the block's
# words is the scan's only transient memory)
_BLOCK = 4096
_LOWER_WORD_RE = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]+", regex.V1)


def _sentence_initial(text: str, pos: int) -> bool:
    """True when only spaces, quote marks or brackets stand between *pos* and
    the text start, a paragraph break or sentence-final punctuation."""
    i = pos - 1
    opened = False
    while i >= 0 and text[i] in " \t\u00a0\"'“”‘’«»([_*-—–":
        # an opening quote mark starts a sentence: 'said only, "Nonsense!"'
        opened = opened or (text[i] in "\"“‘«'" and (i == 0 or not text[i - 1].isalnum()))
        i -= 1
    return i < 0 or opened or text[i] in ".!?\n\r:;"


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


def _role_near(text: str, a: int, b: int) -> str | None:
    m = _APPOSITIVE_RE.match(text[b : b + 100]) if text.startswith(",", b) else None
    if m:
        words = m.group(1).split()
        if words and _role_info(words[-1]) is not None:
            return m.group(1)
    # The premodifier must end in a lowercase role noun right before the
    # space before the name: test that word before running the regex.
    lo = max(0, a - 60)
    if a < 2 or text[a - 1] not in " \u00a0\n":
        return None
    last = ""
    if text[a - 1] != "\n":
        last = text[max(lo, text.rfind(" ", lo, a - 1) + 1, text.rfind("\u00a0", lo, a - 1) + 1) : a - 1]
    if not last.replace("-", "").isalpha():
        # not a plain word before the name: find the letters that end it
        found = _LAST_WORD_RE.search(text, lo, a)
        if found is None:
            return None
        last = found.group(1)
    if _cap(last) or _role_info(last) is None:
        return None
    pm = _PREMOD_RE.search(text[max(0, a - 60) : a])
    if pm:
        words = pm.group(1).split()
        # keep the words up to the role noun, from the last sentence-like break
        if words and _role_info(words[-1]) is not None and not _cap(words[-1]):
            while words and (words[0].lower() in _DETERMINERS or words[0].lower() in _NOT_NAMES):
                words = words[1:]
            if words:
                return " ".join(words)
    return None
