"""Speaker coreference: one entity per person or organisation of a document.

:func:`resolve` ties each candidate's speaker mention to a document-level
entity and returns the entities (:class:`quoteattr.Speaker`) with one
:class:`quoteattr.SpeakerRef` per candidate. It works in three passes over
the document's mentions (the speaker mentions the rules found, the mentions of
``ann.chains`` and ``ann.entities`` when an engine gave them, else the proper
names it finds itself):

1. **names**: proper-name mentions are clustered (rules ``name-full``,
   ``name-surname``, ``name-first``, ``name-title``, ``org-name``; chains
   first, rule ``chain``);
2. **roles and pronouns**, in text order: ``role-definite``,
   ``title-alone`` and ``pronoun-salience`` pick an earlier entity, or a new
   unnamed entity is kept (``unresolved``); every "I" is one narrator
   (``first-person``);
3. **quotes with no cue and no speaker**: the subject of an action beat in
   the paragraph (``beat``), the person the previous line addressed
   (``vocative``), the other party of a dialogue exchange (``turn-taking``,
   ``exchange``), or the previous quote's speaker (``follow-on``).

Each rule is a small function below with a comment and an example; the rules
page is ``docs/coreference.md``.

Example:
    >>> from quoteattr.candidates import Candidate
    >>> from quoteattr.text import segment
    >>> text = 'Sergey Lavrov spoke. "No," Lavrov said. "Never," he added.'
    >>> cands = [Candidate(parts=[(22, 25)], rule="t", confidence=0.9, speaker=(27, 33)),
    ...          Candidate(parts=[(41, 47)], rule="t", confidence=0.9, speaker=(49, 51))]
    >>> speakers, refs = resolve(segment(text), cands)
    >>> [(r.mention.text, r.entity.name, r.resolution.value) for r in refs]
    [('Lavrov', 'Sergey Lavrov', 'name'), ('he', 'Sergey Lavrov', 'pronoun')]
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from typing import Any

import attrs
import regex

from .annotations import Annotation
from .candidates import Candidate
from .marks import QuoteRegion, find_quotes
from .model import EntityKind, Resolution, Span, Speaker, SpeakerRef, span_with_text
from .text import ABBREVIATIONS
from .names import FIRST_NAMES, ROLE_NOUNS, TITLES, canonical_token, full_names_match, strip_title

__all__ = ["PRONOUN_FEATURES", "analyse_mention", "find_name_mentions", "quoted_spans", "resolve", "resolve_quoted"]

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
_PRONOUN_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)(?![\p{L}\p{M}\p{N}'’-])", regex.V1)

# Confidence of each resolution (a SpeakerRef's confidence).
_CONFIDENCE = {
    Resolution.NAME: 0.95,
    Resolution.TITLE: 0.9,
    Resolution.COREF: 0.85,
    Resolution.ROLE: 0.75,
    Resolution.PRONOUN: 0.7,
    Resolution.FOLLOW_ON: 0.6,
    Resolution.UNRESOLVED: 0.3,
}

# Words of a mention: letters with inner apostrophes, hyphens and periods
# ("O'Brien", "Jean-Luc", "U.S.", "Mr.").
_WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*\.?", regex.V1)

# Determiners dropped from the front of a mention ("the Kremlin" -> "Kremlin").
_DETERMINERS = frozenset("the a an this that these those".split())
# Indefinite or quantifying determiners: the mention introduces a new entity.
_INDEFINITE = frozenset("a an some another one two three several many other".split())
_DET_OR_INDEF = _DETERMINERS | _INDEFINITE
# leading words kept on a name: "the", "some", "Mr", "President"
_KEEP_LEADING = _DET_OR_INDEF | frozenset(TITLES)
# Capitalised words that begin sentences or stand alone but are not names.
_NOT_NAMES = frozenset(
    """
    the a an and but or nor so yet for if when while as after before since because although though however
    he she it they we i you his her its their our my your him them us me this that these those there here
    what who whom whose why how where which in on at by to from of with without about into over under
    not no yes oh ah well then now also still even just only all both each every some any many most
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december today yesterday tomorrow mrs mr ms dr
    """.split()
)
# Prepositions after which a role noun phrase continues as a post-modifier
# ("a spokesman for the ministry": the head is "spokesman").
_POSTMODIFIER = frozenset("of for at from in with to on".split())

# Rule ``find-names``: a capitalised word sequence, possibly with particles
# and initials, is a proper-name mention. Example: "Sergey V. Lavrov",
# "Ursula von der Leyen", "Mr. Peskov".
_NAME_SEQ_RE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}'’])"
    r"(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}'’\-]*(?![.]\p{L}))"
    r"(?:[ \u00a0](?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}\p{M}'’\-]*|(?:de|del|der|di|da|dos|du|la|le|van|von|al|el|bin|ibn)(?=[ \u00a0](?:\p{Lu}|der |la |los |de ))))*",
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
_APPOSITIVE_RE = regex.compile(r"^,[ \u00a0]+(?:the|a|an|\p{Lu}[\p{L}.]*['’]s)[ \u00a0]+([^,.;:()\"“”]{2,80}?)[ \u00a0]*(?=[,.;:)]|$)", regex.V1)


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
    return property(operator.attrgetter(f"w.{field}"), put, doc=f"``{field}`` of the mention's words (see :class:`_Words`).")


# bits of _Mention.flags (the hot loops test them directly)
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


def _mention(start: int, end: int, form: str, *, name: Pair | None = None, alias: Pair | None = None, **found: Any) -> _Mention:
    """A new mention at ``[start, end)`` of what analysis *found* (``name``, ``alias``: absolute spans)."""
    name_at, name_end = _relative(name, start)
    alias_at, alias_end = _relative(alias, start)
    if alias is not None and alias_end != name_end:
        raise ValueError(f"an alias ends where the name ends (alias {alias}, name {name})")
    return _Mention(start, end, _Words(form, name_at, name_end, alias_at, **found))


# _Entity.role_words() is cached for entities of at least this many mentions
_CACHE_ROLE_WORDS_FROM = 8


@attrs.define(eq=False, weakref_slot=False)
class _Entity:
    # (a list from the second mention on: most entities have one, and a
    # list made for one item is the smallest)
    mentions: list[_Mention] | tuple[()] = ()
    kind: EntityKind | None = None
    gender: str | None = None
    role: str | None = None
    title_role: str | None = None
    key: tuple[str, ...] = ()  # the longest name key among the mentions
    # role_words(), kept until the next absorb: a long run of "the official
    # said" would otherwise rescan every mention for every new one
    _role_cache: set[str] | None = attrs.field(default=None, init=False, repr=False)
    has_speaker: bool = False  # some mention is a quote's speaker
    has_plural: bool = False  # some mention is plural
    # mention starts, sorted; None while the entity has one mention (most
    # have: a list each would cost more than the entity)
    starts: list[int] | None = None

    def names(self) -> list[_Mention]:
        return [m for m in self.mentions if m.w.name_at >= 0 and m.w.key]

    def absorb(self, m: _Mention) -> None:
        mw = m.w  # (what the mention's words say, read once)
        old_kind = self.kind
        self.has_speaker = self.has_speaker or m.flags & _SPEAKER != 0
        self.has_plural = self.has_plural or mw.number == "pl"
        if self.mentions:
            if self.starts is None:
                self.starts = [self.mentions[0].start]
            bisect.insort(self.starts, m.start)
        m.entity = self
        if self.mentions:
            self.mentions.append(m)  # type: ignore[union-attr]
        else:
            self.mentions = [m]
        if mw.name_at >= 0 and len(mw.key) > len(self.key):
            self.key = mw.key
        if self.kind is None or (self.kind is EntityKind.OTHER and mw.kind is not None):
            self.kind = mw.kind
        if self.gender is None and mw.gender is not None:
            self.gender = mw.gender
        if mw.role and self.role is None:
            self.role = mw.role
        if mw.title and self.title_role is None and TITLES[mw.title].kind not in ("honorific",):
            self.title_role = mw.title
        # keep role_words() up to date without rescanning every mention
        rw = self._role_cache
        if rw is not None:
            if self.kind is not old_kind:
                self._role_cache = None
            else:
                for r in (self.role, self.title_role):
                    if r:
                        rw.update(w.lower().rstrip(".") for w in r.split())
                if mw.form == "role" and mw.head:
                    rw.add(mw.head)
                    rw.update(mw.modifiers)
                if self.kind is EntityKind.ORGANISATION and mw.name_at >= 0 and mw.key:
                    rw.update(mw.key)

    def merge(self, other: _Entity) -> None:
        for m in other.mentions:
            self.absorb(m)
        other.mentions = ()
        other.starts = None

    def role_words(self) -> set[str]:
        if self._role_cache is not None:
            return self._role_cache
        out: set[str] = set()
        for r in (self.role, self.title_role):
            if r:
                out.update(w.lower().rstrip(".") for w in r.split())
        for m in self.mentions:
            if m.w.form == "role" and m.w.head:
                out.add(m.w.head)
                out.update(m.w.modifiers)
        if self.kind is EntityKind.ORGANISATION:
            for m in self.names():
                out.update(k for k in m.w.key)
        # (kept only for an entity of several mentions: a document has
        # thousands of one-mention entities, and a set costs 200 bytes)
        if len(self.mentions) >= _CACHE_ROLE_WORDS_FROM:
            self._role_cache = out
        return out


# ---------------------------------------------------------------------------
# Mention analysis


def _words(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
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
    p: _Words("pronoun", pronoun=p, gender=gender, number=number) for p, (_, number, gender, _) in PRONOUN_FEATURES.items()
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
    words = _words(text, start, end)
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
            if any(_cap(w[2]) and _lower(w[2]) not in _DETERMINERS for w in before) and after[0][2].lower() in _DETERMINERS:
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


def _analyse_words(text: str, start: int, end: int, words: list[tuple[int, int, str]]) -> _Mention:
    definite = False
    indefinite = False
    # "Then Jack Lawton" -> "Jack Lawton"
    while len(words) > 1 and _lower(words[0][2]) in _NOT_NAMES and _lower(words[0][2]) not in _KEEP_LEADING and _cap(words[1][2]):
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
            if i == 0 or not _cap(words[i][2]) or not all(_cap(w[2]) for w in words[: i + 1]) or _lower(words[i][2]) in TITLES:
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
    head_word = name_words[-1][2]
    head = _lower(head_word)
    head_info = _role_info(head_word)
    caps = [w for w in name_words if _cap(w[2])]
    # Rule ``org-head``: a phrase headed by an organisation noun is an
    # organisation, named when any of its words is capitalised ("the Russian
    # Foreign Ministry"), a role mention otherwise ("the ministry").
    if head_info is not None and head_info[1] == "organisation" and not (len(caps) == len(name_words) and _lower(name_words[0][2]) in TITLES):
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
    if head_info is not None and head_info[1] == "person" and (not _cap(head_word) or len(caps) < len(name_words) or len(name_words) == 1):
        # A person role with no name: "the foreign minister", "officials".
        plural = head.endswith("s") and not head.endswith("ss") and head not in ("boss",) or head in ("men", "women", "people", "children", "police", "spokesmen", "spokeswomen", "chairmen", "congressmen")
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
    if not caps or not _cap(head_word):
        # a lowercase head is no name ("boy wearing a NASA T-shirt")
        return _mention(start, end, "role", head=head, modifiers=tuple(_lower(w[2]) for w in name_words[:-1]),
                        kind=None, definite=definite and not indefinite, role=text[name_words[0][0] : name_words[-1][1]])  # fmt: skip
    # A proper name, perhaps after a title: "Mr Peskov", "President Trump".
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


def find_name_mentions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str | None]]:
    """Proper-name mentions found by capitalisation, with a role where the text gives one.

    Rule ``find-names``: capitalised word sequences, minus leading function
    words ("But Lavrov" -> "Lavrov") and a possessive "'s"; titles are kept
    ("Mr Peskov"). Rules ``role-premodifier`` and ``role-appositive`` attach a
    role ("Russian foreign minister Sergei Lavrov").

    Returns:
        ``(start, end, role)`` triples in text order; *role* is ``None`` when
        the text gives none.
    """
    end = len(text) if end is None else end
    out: list[tuple[int, int, str | None]] = []
    lower_words: _LowerWords | None = None
    # names whose first word waits for the answer of one scan over the text
    # (see _LowerWords), with that word
    deferred: list[tuple[list[regex.Match[str]], str]] = []
    for m in _NAME_SEQ_RE.finditer(text, start, end, concurrent=False):
        ws = list(_WORD_RE.finditer(text, m.start(), m.end(), concurrent=False))
        # a period ends the name unless the word is a title, an initial or
        # an abbreviation: "Florence. By" -> "Florence"
        for i in range(len(ws) - 1):
            g = ws[i].group()
            if g.endswith(".") and len(g) > 2:
                lg = _lower(g)
                if lg not in TITLES and lg not in ABBREVIATIONS:
                    ws = ws[: i + 1]
                    break
        while ws:
            g = ws[0].group()
            lg = _lower(g)
            if lg in _NOT_NAMES and lg not in TITLES or g == "I" or g == "i":
                ws = ws[1:]
            else:
                break
        if not ws:
            continue
        # Rule ``find-names-sentence-start``: a sentence-initial word that the
        # text also writes in lowercase is not part of the name ("Poor
        # Douglas" -> "Douglas", "Upon" -> nothing) ...
        # (lg is _lower of the first word: the loop above stopped at it)
        if lg not in TITLES and lg not in FIRST_NAMES and _sentence_initial(text, ws[0].start()):
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


def _first(t: tuple[int, int, str | None]) -> int:
    return t[0]


def _add_name(text: str, ws: list[regex.Match[str]], out: list[tuple[int, int, str | None]]) -> None:
    """Append the name of the words *ws* (matches of ``_WORD_RE``) to *out*, unless they make none."""
    # split at a possessive: "Russia's Vladimir Putin" -> "Vladimir Putin"
    for i, w in enumerate(ws[:-1]):
        if w.group().endswith(("'s", "’s")):
            ws = ws[i + 1 :]
            break
    a, b = ws[0].start(), ws[-1].end()
    if text[b - 2 : b] in ("'s", "’s"):
        b -= 2
    if text[b - 1] == "." and len(ws) > 1 and _lower(ws[-1].group()) not in ABBREVIATIONS:
        b -= 1
    word = text[a:b]
    if len(ws) == 1:
        lw = _lower(word)
        if lw in _NOT_NAMES or lw in TITLES or lw in ROLE_NOUNS and not _cap(word[1:2] or "a"):
            return
    if len(ws) == 1 and word.endswith(".") and len(word) <= 3:
        return
    out.append((a, b, _role_near(text, a, b)))


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
    inside = len(_WORD_RE.findall(text, a, b, concurrent=False))
    return len(_WORD_RE.findall(text, m.start, m.end, concurrent=False)) - inside > _DESCRIPTION_WORDS


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


# ---------------------------------------------------------------------------
# Resolution


def _compatible_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Rule ``name-full`` (see :func:`quoteattr.names.full_names_match`), or equal keys."""
    return a == b or full_names_match(a, b)


def _org_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Rule ``org-name``: organisation names match case-insensitively, or when
    the shorter is a suffix of the longer with the same head ("Foreign
    Ministry" ~ "Russian Foreign Ministry")."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 2 and long_[-len(short) :] == short


def _indexed(d: dict[str, _Entity | list[_Entity]], tok: str) -> Sequence[_Entity]:
    """The entities _cluster_names indexed under *tok*."""
    had = d.get(tok)
    return () if had is None else had if type(had) is list else (had,)  # type: ignore[return-value]


def _cluster_names(mentions: list[_Mention]) -> list[_Entity]:
    entities: list[_Entity] = []
    # entities by the first and the last word of their name keys: one
    # entity, or a list of them once a word has several (most have one, and
    # a list per word was a fifth of the working set of a name-dense text)
    by_last: dict[str, _Entity | list[_Entity]] = {}
    by_first: dict[str, _Entity | list[_Entity]] = {}

    def index(e: _Entity) -> None:
        if e.key:
            for d, tok in ((by_last, e.key[-1]), (by_first, e.key[0])):
                had = d.get(tok)
                if had is None:
                    d[tok] = e
                elif type(had) is list:
                    if e not in had:
                        had.append(e)
                elif had is not e:
                    d[tok] = [had, e]

    # Chains first (rule ``chain``): each chain is one entity.
    by_chain: dict[int, _Entity] = {}
    for m in mentions:
        if m.chain is not None:
            e = by_chain.get(m.chain)
            if e is None:
                e = by_chain[m.chain] = _Entity()
                entities.append(e)
            e.absorb(m)
    for e in entities:
        index(e)
    # Full names, fullest first, then single words, each in text order
    # (*mentions* are sorted by start; a stable sort by key length keeps it).
    multi = [m for m in mentions if len(m.w.key) >= 2 and m.w.form == "name"]
    multi.sort(key=_minus_key_length)
    single = [m for m in mentions if len(m.w.key) == 1 and m.w.form == "name"]
    dead: set[int] = set()
    for m in multi:
        target = None
        for e in _indexed(by_last, m.w.key[-1]):
            ek = e.key
            if id(e) in dead or not ek or m.entity is e or ek[-1] != m.w.key[-1]:
                continue
            if m.chain is not None and _chain_of(e) not in (None, m.chain):
                # two coreference chains are one entity only with the same full name
                if ek == m.w.key and _gender_ok(m.w.gender, e.gender):
                    target = e
                    break
                continue
            if m.w.kind is EntityKind.ORGANISATION or e.kind is EntityKind.ORGANISATION:
                ok = (m.w.kind in (None, EntityKind.ORGANISATION) and e.kind in (None, EntityKind.ORGANISATION, EntityKind.OTHER)) and _org_compatible(m.w.key, ek)
            else:
                ok = _compatible_names(m.w.key, ek) or len(ek) == 1
            if ok and _gender_ok(m.w.gender, e.gender):
                target = e
                break
        if m.entity is not None:
            if target is not None and target is not m.entity:
                m.entity.merge(target)
                dead.add(id(target))
                index(m.entity)
            continue
        if target is None:
            target = _Entity()
            entities.append(target)
        target.absorb(m)
        index(target)
    for m in single:
        tok = m.w.key[0]
        if m.entity is not None:
            continue
        # Rule ``name-surname``: "Lavrov" -> the entity whose full name ends
        # in it. Rule ``name-first``: "Maria" -> the one person whose first
        # name it is. Several -> gender from the title, then the nearest.
        cands = []
        for e in _indexed(by_last, tok):
            if id(e) not in dead and e.key and e.key[-1] == tok:
                cands.append(e)
        if tok in FIRST_NAMES and m.w.title is None:
            for e in _indexed(by_first, tok):
                if id(e) not in dead and len(e.key) >= 2 and e.key[0] == tok and e.kind is EntityKind.PERSON and e not in cands:
                    cands.append(e)
        cands = [e for e in cands if _gender_ok(m.w.gender, e.gender) and _kind_ok(m.w.kind, e.kind)]
        if len(cands) > 1:
            surname = [e for e in cands if e.key[-1] == tok]
            cands = surname or cands
        if len(cands) > 1:
            cands.sort(key=lambda e: _distance(e, m.start))
        if cands:
            cands[0].absorb(m)
            m.resolution = Resolution.TITLE if m.w.title else Resolution.NAME
        else:
            e = _Entity()
            e.absorb(m)
            entities.append(e)
            index(e)
    for m in single:
        if m.w.title and m.resolution is Resolution.NAME and m.entity is not None:
            m.resolution = Resolution.TITLE
    return [e for e in entities if id(e) not in dead]


def _chain_of(e: _Entity) -> int | None:
    return next((m.chain for m in e.mentions if m.chain is not None), None)


def _distance(e: _Entity, pos: int) -> int:
    """Characters back to the entity's nearest mention at or before *pos*;
    a mention after *pos* counts a million more. (Bisects the entity's
    sorted mention starts: long documents stay linear.)"""
    starts = e.starts if e.starts is not None else [m.start for m in e.mentions]
    i = bisect.bisect_right(starts, pos)
    best = 10**9
    if i > 0:
        best = pos - starts[i - 1]
    if i < len(starts):
        best = min(best, starts[i] - pos + 10**6)
    return best


def _gender_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _kind_ok(a: EntityKind | None, b: EntityKind | None) -> bool:
    if a is None or b is None or a is EntityKind.OTHER or b is EntityKind.OTHER:
        return True
    return a == b


#: How far back (in characters) a pronoun or role looks for its antecedent.
WINDOW = 2500


def _resolve_role(m: _Mention, antecedents: list[_Mention], starts: list[int]) -> _Entity | None:
    """Rule ``role-definite``: "the minister", "the spokeswoman", "the foreign
    minister", "the ministry" -> the nearest earlier entity whose role (or
    title, or organisation name) contains the head noun and every modifier.
    Example: after "Sergey Lavrov, the Russian foreign minister," the mention
    "the foreign minister" resolves to Sergey Lavrov."""
    if not m.w.definite or m.w.number == "pl" and m.w.kind is EntityKind.PERSON or m.w.head is None:
        return None
    need = {m.w.head, *m.w.modifiers} - {"former", "top", "senior", "new"}
    i = bisect.bisect_left(starts, m.start)
    for k in range(i - 1, -1, -1):  # (no slice copy: long documents stay linear)
        a = antecedents[k]
        if m.start - a.start > WINDOW * 4:
            break
        e = a.entity
        if e is None or e is m.entity:
            continue
        if m.w.kind is not None and e.kind is not None and not _kind_ok(m.w.kind, e.kind):
            continue
        if need <= e.role_words():
            return e
    return None


def _pronoun_ok(m: _Mention, e: _Entity, speaker: bool) -> bool:
    p = m.w.pronoun
    assert p is not None
    person, number, gender, kinds = PRONOUN_FEATURES[p]
    kind = e.kind
    if kind is None:
        # an unknown proper name counts as a person only when it spoke
        kind = EntityKind.OTHER if speaker else None
    if kind is None or kind not in kinds:
        return False
    if gender is not None and e.gender is not None and gender != e.gender:
        return False
    if kind is EntityKind.PERSON and p in ("they", "them", "we"):
        return e.has_plural
    if p in ("he", "him", "she", "her") and kind is EntityKind.OTHER:
        return speaker
    return True


def _resolve_pronoun(m: _Mention, antecedents: list[_Mention], starts: list[int], prev_speaker: _Mention | None, text: str, paragraph_of) -> tuple[_Entity | None, _Mention | None]:  # type: ignore[no-untyped-def]
    """Rule ``pronoun-salience``: a pronoun goes to the last compatible
    (gender, number, kind) speaker or subject before it, preferring the
    previous speaker in a run of quotes unless a compatible entity was named
    after that speaker in the pronoun's own paragraph.
    Example: '"No," Lavrov said. ... He had told the press' -> Lavrov."""
    if m.w.pronoun in ("i", "me"):
        return None, None
    i = bisect.bisect_left(starts, m.start)
    para = paragraph_of(m.start)
    recent: _Mention | None = None
    subject: _Mention | None = None
    for k in range(i - 1, -1, -1):
        a = antecedents[k]
        if m.start - a.start > WINDOW:
            break
        if a.entity is None or a.flags & _IN_QUOTE or a.w.form == "pronoun" and a.entity is m.entity:
            continue
        if a.entity.kind is None and not a.entity.has_speaker and a.w.form == "name":
            continue
        if not _pronoun_ok(m, a.entity, a.entity.has_speaker):
            continue
        if recent is None:
            recent = a
        if a.flags & (_SUBJECT | _SPEAKER):
            subject = a
            break
    if prev_speaker is not None and prev_speaker.entity is not None and m.start - prev_speaker.start <= WINDOW:
        if _pronoun_ok(m, prev_speaker.entity, True):
            if recent is not None and recent.start > prev_speaker.end and paragraph_of(recent.start) == para and recent.entity is not prev_speaker.entity and (recent.subject or recent.speaker):
                return recent.entity, recent
            return prev_speaker.entity, prev_speaker
    best = subject or recent
    return (best.entity, best) if best is not None else (None, None)


def _new_entity(m: _Mention, entities: list[_Entity]) -> _Entity:
    """Rule ``unresolved``: a mention with no antecedent starts an unnamed entity."""
    e = _Entity()
    e.absorb(m)
    if m.w.kind is None and m.w.form == "pronoun":
        e.kind = EntityKind.PERSON if m.w.pronoun in ("he", "she", "him", "her", "i", "me") else EntityKind.OTHER
    entities.append(e)
    m.resolution = Resolution.UNRESOLVED
    return e


def _inside(regions: Sequence[Pair], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and regions[i][0] <= pos < regions[i][1]


_start_of = operator.attrgetter("start")
_end_of = operator.attrgetter("end")


def _minus_end(m: _Mention) -> int:
    return -m.end


def _minus_key_length(m: _Mention) -> int:
    return -len(m.w.key)


def _overlap(a: Pair, b: Pair) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def resolve(
    ann: Annotation, candidates: list[Candidate], regions: Sequence[QuoteRegion] | None = None
) -> tuple[tuple[Speaker, ...], list[SpeakerRef | None]]:
    """Tie each candidate's speaker mention to a document-level entity.

    Args:
        ann: the annotation (its ``chains`` and ``entities`` are used when
            present; otherwise proper names are found by capitalisation).
        candidates: the quote candidates, with their speaker mention spans.
        regions: the quoted regions from :func:`quoteattr.marks.find_quotes`,
            when the caller has them (found again otherwise).

    Returns:
        The entities referenced by at least one candidate, with ids ``e0``,
        ``e1`` ... in order of first mention, and one :class:`SpeakerRef` (or
        ``None``) per candidate, aligned with *candidates*.

    Raises:
        InvalidSpanError: when a candidate's speaker span lies outside the text.
    """
    if regions is None:
        regions, _ = find_quotes(ann.text, ann.paragraphs)
    return resolve_quoted(ann, candidates, quoted_spans(regions, candidates))


def quoted_spans(regions: Sequence[QuoteRegion], candidates: Sequence[Candidate]) -> list[Pair]:
    """The text that quotes cover, as sorted disjoint spans: the parts of the
    outermost *regions* and of the *candidates*, merged.

    A mention there is inside a quote (no subject of the narrative).
    """
    quoted = sorted({p for r in regions if r.depth == 0 for p in r.parts})
    for c in candidates:
        quoted.extend(c.parts)
    quoted.sort()
    merged: list[Pair] = []
    for a, b in quoted:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def resolve_quoted(
    ann: Annotation, candidates: list[Candidate], merged: list[Pair]
) -> tuple[tuple[Speaker, ...], list[SpeakerRef | None]]:
    """:func:`resolve` given the :func:`quoted_spans` instead of the regions
    (so that a caller can free the regions first); *merged* is cleared."""
    text = ann.text
    n = len(text)
    # (each list below is cleared after its last use: a long document's
    # working set is what it holds at once)
    q_starts = [a for a, _ in merged]
    sent_starts = [a for a, _ in ann.sentences] or [0]
    para_starts = [a for a, _ in ann.paragraphs] or [0]

    def paragraph_of(pos: int) -> int:
        return bisect.bisect_right(para_starts, pos) - 1

    # -- collect mentions -------------------------------------------------
    # analyse_mention reads only the mention's own words, and names recur
    # ("Trump" thirty times in one article): each distinct wording is
    # analysed once per document, and later mentions get a moved copy.
    # (a mention's setters copy its _Words: what is cached stays as analysed)
    analysed: dict[str, _Words] = {}

    def analyse(a: int, b: int) -> _Mention:
        words = text[a:b]
        found = analysed.get(words)
        if found is None:
            m = analyse_mention(text, a, b)
            analysed[words] = m.w
            return m
        return _Mention(a, b, found)

    mentions: list[_Mention] = []
    speaker_of: list[_Mention | None] = []
    for c in candidates:
        if c.speaker is None:
            speaker_of.append(None)
            continue
        a, b = c.speaker
        Span.of(text, a, b)  # raises InvalidSpanError on bad offsets
        m = analyse(a, b)
        m.speaker = True
        if m.w.form == "name" and m.w.role is None and m.name is not None:
            role = _role_near(text, *m.name)
            if role is not None:
                _give_role(m, role)
        mentions.append(m)
        speaker_of.append(m)
    speaker_spans = sorted({m.span for m in mentions})
    sp_starts = [a for a, _ in speaker_spans]

    def covered(a: int, b: int) -> bool:
        i = bisect.bisect_right(sp_starts, b) - 1
        while i >= 0 and speaker_spans[i][1] > a - 200:
            if _overlap(speaker_spans[i], (a, b)):
                return True
            i -= 1
        return False

    # chains (rule ``chain``): a speaker mention takes the chain of the chain
    # mention that fits it best (the same span, else the largest overlap
    # relative to both spans), so that a long mention holding a nested one
    # ("Professor Eastman, Chairman of the Iodine Deficiency council") keeps
    # its own chain.
    best: dict[int, tuple[float, int]] = {}
    spk = [m for m in mentions if m.speaker]
    spk_by_start = sorted(range(len(spk)), key=lambda k: spk[k].start)
    spk_starts = [spk[k].start for k in spk_by_start]
    for ci, ch in enumerate(ann.chains):
        for a, b in ch.mentions:
            if not (0 <= a < b <= n):
                continue
            hit = False
            j = bisect.bisect_left(spk_starts, b)
            for k in spk_by_start[:j][::-1]:
                m = spk[k]
                if m.end <= a and m.start < a - 2000:
                    break
                ov = _overlap(m.span, (a, b))
                if ov <= 0:
                    continue
                hit = True
                if m.span == (a, b):
                    score = 2.0
                else:
                    # measured on the name part: "Lydia Buchtmann for Food
                    # Standards Australia" belongs to Lydia Buchtmann's chain
                    core = m.alias or m.name or m.span
                    ov = _overlap(core, (a, b))
                    score = ov * ov / ((core[1] - core[0]) * (b - a)) if ov > 0 else 0.0
                if score > best.get(id(m), (0.0, -1))[0]:
                    best[id(m)] = (score, ci)
            if hit and any(m.span == (a, b) for m in spk):
                continue
            m = analyse(a, b)
            m.chain = ci
            if m.w.form == "name" and m.name is not None and _descriptive(text, m):
                # Rule ``chain-description``: a long chain mention ("Ahmed
                # Mohamed, a 14-year-old boy, was arrested ...") names no one:
                # it must not join its chain to another through the name in it.
                m.form, m.key, m.name, m.alias = "role", (), None, None
            mentions.append(m)
    for m in spk:
        if id(m) in best:
            m.chain = best[id(m)][1]
    for done in (spk, spk_by_start, spk_starts, best):
        done.clear()
    # NER mentions, or our own name finder
    if ann.entities:
        for ent in ann.entities:
            label = ent.label.upper()
            if label not in ("PERSON", "PER", "ORG", "ORGANIZATION", "NORP", "GPE"):
                continue
            if covered(ent.start, ent.end) or any(m.chain is not None and _overlap(m.span, (ent.start, ent.end)) for m in mentions if not m.speaker):
                continue
            m = analyse(ent.start, ent.end)
            if m.w.form != "name":
                continue
            m.kind = EntityKind.PERSON if label in ("PERSON", "PER") else EntityKind.ORGANISATION if label in ("ORG", "ORGANIZATION") else EntityKind.OTHER
            mentions.append(m)
    elif not ann.chains:
        for a, b, role in find_name_mentions(text):
            if covered(a, b):
                continue
            m = analyse(a, b)
            if m.w.form != "name":
                continue
            if role:
                _give_role(m, role)
            mentions.append(m)
    # Rule ``find-pronouns``: nominative pronouns outside quotes are subject
    # mentions ("He tilted me again." gives the speaker of the quote beside it).
    # (sorted by start, then end; two stable sorts make no key tuples, which
    # a long document's mentions would leave in Python's tuple free list)
    taken = sorted(mentions, key=_end_of)
    taken.sort(key=_start_of)
    taken_starts = [m.start for m in taken]
    for pm in _PRONOUN_RE.finditer(text, concurrent=False):
        a, b = pm.span()
        if _inside(merged, q_starts, a):
            continue
        i = bisect.bisect_right(taken_starts, a) - 1
        if i >= 0 and taken[i].start <= a < taken[i].end:
            continue
        m = analyse_mention(text, a, b)
        mentions.append(m)
    for done in (taken, taken_starts, speaker_spans, sp_starts):
        done.clear()  # (lists no rule reads again: their memory goes back now)
    analysed.clear()
    # position features
    seen_sentence: set[int] = set()
    mentions.sort(key=_minus_end)  # by start, then longest first
    mentions.sort(key=_start_of)
    for m in mentions:
        if _inside(merged, q_starts, m.start):
            m.flags |= _IN_QUOTE
            continue
        s = bisect.bisect_right(sent_starts, m.start) - 1
        if s not in seen_sentence:
            m.flags |= _SUBJECT
            seen_sentence.add(s)
    for done in (seen_sentence, merged, q_starts, sent_starts):
        done.clear()

    # -- pass 1: names ------------------------------------------------------
    entities = _cluster_names(mentions)

    # -- pass 2: roles and pronouns, in text order ------------------------
    starts = [m.start for m in mentions]
    cand_order = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
    prev_speaker_at: list[tuple[int, _Mention]] = []  # (quote end, speaker mention)
    for i in cand_order:
        sm = speaker_of[i]
        if sm is not None:
            prev_speaker_at.append((max(candidates[i].end, sm.end), sm))
    prev_speaker_at.sort(key=lambda x: x[0])
    prev_ends = [x[0] for x in prev_speaker_at]

    narrator: _Entity | None = None
    for m in mentions:
        if m.entity is not None:
            if m.chain is not None and m.w.form != "name":
                m.resolution = Resolution.COREF
            continue
        if m.w.form == "role":
            e = _resolve_role(m, mentions, starts)
            if e is not None:
                e.absorb(m)
                m.resolution = Resolution.ROLE
                continue
        elif m.w.form == "pronoun":
            j = bisect.bisect_left(prev_ends, m.start) - 1
            while j >= 0 and prev_speaker_at[j][1] is m:
                j -= 1
            prev = prev_speaker_at[j][1] if j >= 0 else None
            if prev is not None and (prev.entity is None or prev.start >= m.start):
                prev = None
            e, _ = _resolve_pronoun(m, mentions, starts, prev, text, paragraph_of)
            if e is not None:
                e.absorb(m)
                if m.w.gender and e.gender is None:
                    e.gender = m.w.gender
                m.resolution = Resolution.PRONOUN
                continue
            if m.w.pronoun in ("i", "me"):
                # Rule ``first-person``: every "I" of a text (outside quotes)
                # is one unnamed narrator.
                if narrator is not None:
                    narrator.absorb(m)
                    m.resolution = Resolution.UNRESOLVED
                    continue
            if not m.speaker:
                continue
        if not m.speaker and m.w.form != "name":
            continue
        e = _new_entity(m, entities)
        if m.w.pronoun in ("i", "me") and narrator is None:
            narrator = e

    prev_speaker_at.clear()
    prev_ends.clear()

    # -- refs, before follow-on ---------------------------------------------
    raw: list[tuple[_Entity, Pair, Resolution, float] | None] = []
    for c, sm in zip(candidates, speaker_of):
        if sm is None or sm.entity is None:
            raw.append(None)
            continue
        res = sm.resolution
        if sm.chain is not None and res in (Resolution.UNRESOLVED,):
            res = Resolution.COREF
        conf = _CONFIDENCE[res]
        if res is Resolution.NAME and sm.w.form != "name":
            res, conf = Resolution.COREF, _CONFIDENCE[Resolution.COREF]
        # (an entity whose key is empty has no named mention: absorb keeps the longest key)
        if sm.entity.key == () and res is not Resolution.UNRESOLVED:
            conf = min(conf, 0.5)
        # (the mention's span is the candidate's speaker span: share its tuple)
        raw.append((sm.entity, c.speaker, res, conf))
    speaker_of.clear()

    # -- pass 3: follow-on quotes -------------------------------------------
    def beat(c: Candidate) -> tuple[_Entity, Pair, Resolution, float] | None:
        p = paragraph_of(c.start)
        if not 0 <= p < len(ann.paragraphs):
            return None
        m = _beat(text, c, mentions, starts, ann.paragraphs[p])
        if m is None:
            return None
        e = m.entity if m.entity is not None else _new_entity(m, entities)
        res = m.resolution
        return e, m.span, res, round(_CONFIDENCE[res] * 0.8, 4)

    voc_cache: dict[int, list[tuple[Pair, _Entity | None]]] = {}

    def vocatives(c: Candidate) -> list[tuple[Pair, _Entity | None]]:
        key = id(c)
        if key not in voc_cache:
            voc_cache[key] = [(sp, _vocative_entity(text, sp, entities)) for a, b in c.parts for sp in _find_vocatives(text, a, b)]
        return voc_cache[key]

    _follow_on(text, candidates, raw, cand_order, paragraph_of, beat, vocatives)

    # -- build the frozen speakers --------------------------------------------
    used: list[_Entity] = []
    seen: set[int] = set()
    for r in raw:
        if r is not None and id(r[0]) not in seen:
            seen.add(id(r[0]))
            used.append(r[0])
    used.sort(key=lambda e: min(m.start for m in e.mentions))
    # Mentions and entities point at each other: break the cycles and drop
    # the document's mention lists, so that reference counting frees every
    # entity no quote uses now, before the speakers are built (the working
    # set of a long document is several times its size).
    for e in entities:  # (every mention with an entity is in its entity's list)
        for m in e.mentions:
            m.entity = None
    for done in (mentions, entities, starts):
        done.clear()
    voc_cache.clear()
    built: dict[int, Speaker] = {}
    # one str per distinct mention wording ("he", "Lavrov" thirty times)
    words: dict[str, str] = {}
    for idx, e in enumerate(used):
        built[id(e)] = _build(text, e, f"e{idx}", words)
        e.mentions = ()  # built: free them as we go
    words.clear()
    refs: list[SpeakerRef | None] = []
    for r in raw:
        if r is None:
            refs.append(None)
            continue
        e, (a, b), res, conf = r
        speaker = built[id(e)]
        # (the quote's mention is one of the entity's mentions: the same Span)
        refs.append(SpeakerRef(mention=_span_among(speaker.mentions, a, b) or Span.of(text, a, b), entity=speaker, resolution=res, confidence=conf))
    return tuple(built[id(e)] for e in used), refs


def _shared_span(text: str, a: int, b: int, words: dict[str, str]) -> Span:
    """``Span.of(text, a, b)``, its text shared with every equal one in *words*."""
    if not 0 <= a <= b <= len(text):
        return Span.of(text, a, b)  # (raises)
    w = text[a:b]
    return span_with_text(a, b, words.setdefault(w, w))


def _span_among(spans: tuple[Span, ...], a: int, b: int) -> Span | None:
    """The span ``[a, b)`` of *spans* (sorted), or ``None``."""
    i = bisect.bisect_left(spans, a, key=_start_of)
    while i < len(spans) and spans[i].start == a:
        if spans[i].end == b:
            return spans[i]
        i += 1
    return None


# Words of address that stand alone as a vocative ("Yes, papa.", "my dear").
_ADDRESS_WORDS = frozenset(
    "sir madam ma'am papa pa mamma mama mother father uncle aunt auntie dear darling sister brother doctor "
    "captain colonel general master mistress miss grandmother grandfather granny cousin child boy girl".split()
)
# Rule ``vocative``: a name or form of address set off by punctuation inside
# a quote ("True, Florence, but ...", "You cannot mean it, uncle."). Capitalised
# vocatives must be the name of an entity of the text.
_VOCATIVE_RE = regex.compile(
    r"(?:^|[,;:!?.]\s+|--|—)\s*((?:my\s+)?(?:dear\s+)?(?:\p{Lu}[\p{L}'’\-]*\.?(?:\s+\p{Lu}[\p{L}'’\-]*){0,2}|\p{Ll}+))\s*(?=[,;!?.]|--|—|$)",
    regex.V1,
)


def _find_vocatives(text: str, a: int, b: int) -> list[Pair]:
    out = []
    for m in _VOCATIVE_RE.finditer(text[a:b], overlapped=True, concurrent=False):
        s, e = m.start(1) + a, m.end(1) + a
        words = text[s:e].split()
        if words[0].lower() == "my":
            words = words[1:]
            s = text.index(words[0], s) if words else s
        if words and words[0].lower() == "dear" and len(words) > 1:
            words = words[1:]
            s = text.index(words[0], s)
        if not words:
            continue
        w = words[-1].lower().rstrip(".")
        if len(words) == 1 and (not _cap(words[0]) or m.start(1) == 0):
            # at the start of a quote only a word of address is a vocative:
            # "Uncle, you are not well" but not "Tommy, come here" (ambiguous)
            if w in _ADDRESS_WORDS:
                out.append((s, e))
            continue
        if m.start(1) == 0:
            continue
        if _lower(words[0]) in _NOT_NAMES and _lower(words[0]) not in TITLES:
            continue
        if len(words) == 1 and _lower(words[0]) in TITLES:
            continue  # "Mr" of "Mr. Bennet"
        out.append((s, e))
    return out


def _vocative_entity(text: str, span: Pair, entities: list[_Entity]) -> _Entity | None:
    m = analyse_mention(text, *span)
    if m.w.form == "name" and m.w.key:
        tok = m.w.key[-1]
        # a character of the story: named outside quotes somewhere
        hits = [e for e in entities if e.key and (e.key == m.w.key or tok in (e.key[0], e.key[-1])) and any(not x.in_quote for x in e.mentions)]
        return hits[0] if len(hits) == 1 else None
    word = _lower(text[span[0] : span[1]].split()[-1])
    hits = [e for e in entities if e.mentions and not e.key and word in e.role_words()]
    if len(hits) == 1:
        return hits[0]
    if hits:
        return None
    m.in_quote = True
    return _new_entity(m, entities)


def _beat(text: str, c: Candidate, mentions: list[_Mention], starts: list[int], paragraph: Pair) -> _Mention | None:
    """Rule ``beat``: a quote with no cue and no speaker whose paragraph has
    a subject outside quotes (an action beat) is spoken by that subject: the
    first subject in the next sentence, else the nearest one before the quote.
    Example: '"You get me a file." He tilted me again.' -> "He"."""
    pa, pb = paragraph

    def ok(m: _Mention) -> bool:
        return (
            not m.in_quote and m.subject and m.w.form in ("name", "pronoun") and m.w.pronoun not in ("it", "they", "we")
            and not _PERCEIVER_RE.match(text, m.end, m.end + 80)  # "he heard her tell ..." names the listener
        )  # fmt: skip

    i = bisect.bisect_left(starts, c.end)
    for k in range(i, len(mentions)):  # (indices, not a slice copy: linear on long texts)
        m = mentions[k]
        if m.start >= pb or m.start - c.end > _BEAT_AFTER:
            break
        if ok(m):
            return m
    j = bisect.bisect_left(starts, c.start)
    for k in range(j - 1, -1, -1):
        m = mentions[k]
        if m.start < pa or c.start - m.start > _BEAT_BEFORE:
            break
        if ok(m):
            return m
    return None


# A subject followed by a verb of perception hears the quote, not says it.
_PERCEIVER_RE = regex.compile(r"[ \u00a0]+(?:\w+[ \u00a0]+)?(?:heard|hears|hear|listened|overheard|saw|knew)\b")


#: How far after a quote (characters) an action beat's subject may start.
_BEAT_AFTER = 80
#: How far before a quote (characters) the nearest beat subject is looked for.
_BEAT_BEFORE = 600


def _follow_on(text: str, candidates: list[Candidate], raw: list, order: list[int], paragraph_of, beat, vocatives) -> None:  # type: ignore[no-untyped-def,type-arg]
    """Rules ``beat``, ``vocative``, ``turn-taking`` and ``follow-on``, in that order.

    ``vocative``: in dialogue, an uncued quote paragraph answers the person
    the previous line addressed ('"You cannot mean it, uncle."' / '"Yes, my
    child."' -> "uncle"), and a line never goes to the person it addresses.

    ``turn-taking``: in a dialogue exchange (the previous quote, by A, is in
    the paragraph before, and the quote before that, by B, is in the
    paragraph before A's; or, in a text that rule ``exchange`` finds written
    as dialogue, B spoke last before A), an uncued quote paragraph goes to
    B, and the exchange goes on alternating. Example: '"Will you come?" asked Anna.' /
    '"No," said Boris.' / '"Why not?"' -> Anna.

    ``follow-on``: otherwise a quote with no cue and no speaker right after a
    quote by X (same or next paragraph) goes to X, at lower confidence.
    Example: a paragraph that is only '"We will respond in kind."' after
    '"...," Peskov said.' goes to Peskov.
    """
    history: list[int] = []  # candidate indices with a speaker, in text order
    previous: int | None = None  # the candidate just before, resolved or not
    exchange = _is_exchange(candidates, raw, order, paragraph_of)
    for i in order:
        c = candidates[i]
        bare = raw[i] is None and c.cue is None and c.speaker is None
        if raw[i] is None and c.follow_on_of is not None and 0 <= c.follow_on_of < len(raw) and raw[c.follow_on_of] is not None:
            e, span, res, conf = raw[c.follow_on_of]
            raw[i] = (e, span, Resolution.FOLLOW_ON, min(conf, _CONFIDENCE[Resolution.FOLLOW_ON]))
        elif bare and (found := beat(c)) is not None:
            raw[i] = found
        elif bare and (history or previous is not None):
            pc = paragraph_of(c.start)
            dialogue = _opens_paragraph(text, c)
            addressed = {id(e) for _, e in vocatives(c) if e is not None}
            # vocative: answer whoever the previous line addressed
            if dialogue and previous is not None and paragraph_of(candidates[previous].end) == pc - 1:
                prev_entity = raw[previous][0] if raw[previous] is not None else None
                for span, e in vocatives(candidates[previous]):
                    if e is not None and e is not prev_entity and id(e) not in addressed:
                        raw[i] = (e, span, Resolution.FOLLOW_ON, 0.5)
                        break
            if raw[i] is None and history:
                a = history[-1]
                pa = paragraph_of(candidates[a].end)
                if pc - pa <= 1:
                    target = a
                    other = None
                    if pc == pa + 1 and dialogue:
                        ea = raw[a][0]
                        # the last other speaker within the exchange window
                        # (history is in text order: stop at the window)
                        b = None
                        for k in range(len(history) - 2, -1, -1):
                            h = history[k]
                            if c.start - candidates[h].end > _EXCHANGE_WINDOW:
                                break
                            if raw[h][0] is not ea:
                                b = h
                                break
                        if b is not None:
                            other = b
                            if exchange or paragraph_of(candidates[b].end) == paragraph_of(candidates[a].start) - 1:
                                target, other = b, a
                    # a line never goes to the person it addresses
                    if id(raw[target][0]) in addressed:
                        target = other if other is not None and id(raw[other][0]) not in addressed else None
                    if target is not None:
                        e, span, res, conf = raw[target]
                        raw[i] = (e, span, Resolution.FOLLOW_ON, min(conf, _CONFIDENCE[Resolution.FOLLOW_ON] - (0.1 if target != a else 0.0)))
        if raw[i] is not None:
            history.append(i)
        previous = i


#: How far back (characters) the other party of a dialogue exchange may have spoken.
_EXCHANGE_WINDOW = 3000


def _is_exchange(candidates: list[Candidate], raw: list, order: list[int], paragraph_of) -> bool:  # type: ignore[no-untyped-def,type-arg]
    """Rule ``exchange``: a text is written as a dialogue exchange (fiction)
    when most pairs of attributed quotes in consecutive paragraphs have
    different speakers; then an uncued line answers the previous speaker
    ('"...," he returned.' / '"Is it his cherished hope?"' is the other
    party's), where news goes on with the same speaker."""
    pairs = differ = 0
    last: int | None = None
    for i in order:
        if raw[i] is None:
            continue
        if last is not None and paragraph_of(candidates[i].start) == paragraph_of(candidates[last].end) + 1:
            pairs += 1
            differ += raw[i][0] is not raw[last][0]
        last = i
    return pairs >= 3 and differ >= 0.6 * pairs


def _opens_paragraph(text: str, c: Candidate) -> bool:
    # only spaces and quote marks stand between the paragraph start and the quote
    j = c.start - 1
    while j >= 0 and text[j] in " \t\u00a0\"'“”‘’«»`_":
        j -= 1
    return j < 0 or text[j] in "\n\r"


_LEADING_ARTICLE_RE = regex.compile(r"(?i)^\W*(?:the|a|an)\b")


def _build(text: str, e: _Entity, sid: str, words: dict[str, str]) -> Speaker:
    """The frozen speaker of *e*; *words* shares one str per mention wording across the document."""
    names = e.names()
    name = None
    aliases: list[str] = []
    if names:
        def score(m: _Mention) -> tuple[bool, bool, int, int, int, int]:
            a, b = m.name  # type: ignore[misc]
            t = text[a:b]
            # a clean mention (the name alone, perhaps with a title or "the")
            # beats one inside a description ("Facebook creator Mark Zuckerberg")
            ta, _ = m.alias or m.name  # type: ignore[misc]
            before = text[m.start : ta]
            clean = not any(ch.isalnum() for ch in before) or not any(ch.isalnum() for ch in _LEADING_ARTICLE_RE.sub("", before))
            return (1 < len(m.w.key) <= 4, clean, len(m.w.key), sum(ch.isupper() for ch in t), -int(m.w.title is not None), -m.start)

        best = max(names, key=score)
        a, b = best.name  # type: ignore[misc]
        nw = text[a:b].split()
        if best.w.title:
            nw, _ = strip_title(nw)
        name = " ".join(nw) if nw else text[a:b]
        for m in sorted(e.mentions, key=lambda m: m.start):
            if m.w.name_at >= 0 and m.w.key:
                # alias: the name with its title, without a determiner
                a, b = m.alias or m.name
                t = " ".join(text[a:b].split())
                if t.endswith(("'s", "’s")):
                    t = t[:-2]
                if t not in aliases:
                    aliases.append(t)
    role = e.role
    if role is None:
        role = next((m.w.role for m in e.mentions if m.w.role), None)
    if role is None and e.title_role:
        role = e.title_role
    if role is None and not names:
        role = next((m.w.role for m in e.mentions if m.w.form == "role" and m.w.role), None)
    kind = e.kind or EntityKind.OTHER
    gender = e.gender if kind is EntityKind.PERSON or e.gender else None
    spans = sorted({(m.start, m.end) for m in e.mentions})
    return Speaker(
        id=sid,
        name=name,
        kind=kind,
        role=role,
        gender=gender,
        mentions=tuple(_shared_span(text, a, b, words) for a, b in spans),
        aliases=tuple(aliases),
    )
