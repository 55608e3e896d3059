"""Rule ``described-speaker``: a dialogue tag whose speaker is a description.

Fiction tags many lines with a speaker that is no name and no role noun the
quote rules know: '"Wake up there, youngster," said a rough voice.',
'"People say," said another, "that ..."', '"Goodwives," said a hard-featured
dame of fifty, "I'll tell ye ..."'. The quote rules leave such a quote with no
cue and no speaker; :func:`tag_after` and :func:`tag_between` find the tag's
noun phrase so that the dialogue sweep (:mod:`quoteattr.dialogue`) can make it
the speaker.
"""

from __future__ import annotations

import regex

from .cues import VERBS
from .lexicons import load_set
from .names import ROLE_NOUNS

Pair = tuple[int, int]

# The past and -s forms of the verbs of reporting_verbs.txt, and the
# dialogue verbs of dialogue_verbs.txt ("returned", "sighed").
_TAG_VERBS = sorted(
    {f for v in VERBS.values() for f in (v.forms[1], v.forms[2])} | load_set("dialogue_verbs.txt"),
    key=lambda w: (-len(w), w),
)
# (any word here: the callers check first that it is one of _TAG_VERB_SET; an
# alternation of 700 verbs, or a named list, costs 0.1 s to compile each)
_VERB = r"\p{Ll}+\b"
_TAG_VERB_SET = frozenset(_TAG_VERBS)
# The first word after a quote's content, past its closing marks and a comma.
_FIRST_WORD_RE = regex.compile(r"[,.!?;:\-—–]*[ \t]*[”\"’'»]?[ \t]*,?[ \t]*(\p{L}+)")
# An aside between the verb and the speaker: "interposed, more softly, a young wife".
_ASIDE = r"(?:[ \t]*,[^,\n\"“”]{1,40},)?"
# The description: a determiner and up to six words whose last is lowercase
# ("a rough voice", "the child's nurse", "a shrill Welsh voice in the
# crowd"), or an indefinite pronoun ("another", "somebody else").
_NP = (
    r"(?:(?:a|an|the|his|her|their|my|our|your|another)(?:[ \t]+[\p{L}][\p{L}'’\-]*){0,5}[ \t]+\p{Ll}[\p{L}'’\-]*"
    r"|another|some(?:body|one)(?:[ \t]+else)?|one[ \t]+of[ \t]+(?:the[ \t]+)?\p{Ll}+)"
)
_CLOSE = r"[,.!?;:\-—–]*[ \t]*[”\"’'»]?[ \t]*,?[ \t]*"
_CLOSE_RE = regex.compile(_CLOSE)
# Rule ``described-speaker``, tag after the quote: '"Wake up," said a rough voice.'
_AFTER_RE = regex.compile(
    _CLOSE + r"(?:" + _VERB + r")" + _ASIDE + r"[ \t]+(" + _NP + r")(?=[ \t]*(?:[,.;:!?“\"]|—|--|$))",
    regex.V1,
)
# Rule ``described-speaker``, tag between the two parts of a split quote:
# '"People say," said another, "that the Reverend ..."'.
_BETWEEN_RE = regex.compile(
    _CLOSE + r"(?:" + _VERB + r")" + _ASIDE + r"[ \t]+(" + _NP + r")[ \t]*[,:;]?[ \t]*[“\"‘']?\Z",
    regex.V1,
)
# Rule ``described-speaker``, subject first: '"We say," somebody exclaimed,
# "that ..."', '"Forty years!" Griffin put in.', '"I am old, Amory," she would
# sigh.' -- a tag the quote rules leave (an indefinite or modal subject, a
# phrasal verb). The verb may be a base form after "would"/"could".
_BASE_VERBS = frozenset(v.forms[0] for v in VERBS.values()) | {"sigh"}
_PRONOUN_SUBJECTS = frozenset(["he", "she", "I", "they", "we", "another", "somebody", "someone"])
_SUBJECT_DETERMINERS = frozenset(["a", "an", "the", "his", "her", "their", "my", "our"])
# The words after a quote's closing marks, each with its span.
_TAG_WORD_RE = regex.compile(r"[\p{L}'’\-]+")


def _verb_at(words: list[tuple[str, int, int]], j: int) -> bool:
    """A tag verb starts at word *j*: "exclaimed", "put in", "would sigh", "could answer"."""
    if j >= len(words):
        return False
    w = words[j][0]
    nxt = words[j + 1][0] if j + 1 < len(words) else ""
    if w in _TAG_VERB_SET or (w == "put" and nxt == "in"):
        return True
    if w in ("would", "could", "might"):
        return nxt in _BASE_VERBS or (nxt == "put" and j + 2 < len(words) and words[j + 2][0] == "in")
    return False


def _subject_ends(words: list[tuple[str, int, int]]) -> list[int]:
    """The word counts that may make the subject, shortest first."""
    w0 = words[0][0]
    if w0 in _PRONOUN_SUBJECTS:
        return [2, 1] if len(words) > 1 and words[1][0] == "else" else [1]
    if w0 == "one" and len(words) > 2 and words[1][0] == "of":
        return [4, 3] if words[2][0] == "the" else [3]
    if w0 in _SUBJECT_DETERMINERS:
        return [k for k in (2, 3, 4) if all(w[0][:1].islower() for w in words[1:k])]
    if w0[:1].isupper() and w0[1:].islower():
        return [1, 2] if len(words) > 1 and words[1][0][:1].isupper() and words[1][0][1:].islower() else [1]
    return []


# Words that end a description but are no part of it: '"No," said the porter
# significantly.' -> "the porter" (a trailing -ly adverb).
_TRAILING_ADVERB_RE = regex.compile(r"[ \t]+\p{Ll}+ly\Z")
_NOT_ADVERBS = frozenset(["family", "ally", "lily", "bully", "fly", "belly", "sally"])
# How far after a quote a tag may reach (characters).
_TAG_WINDOW = 160


def _trim(text: str, a: int, b: int) -> Pair | None:
    """The description without a trailing adverb; ``None`` when a capital starts it mid-sentence."""
    m = _TRAILING_ADVERB_RE.search(text, a, b)
    if m is not None and text[m.start() : b].strip() not in _NOT_ADVERBS:
        b = m.start()
    if b <= a or (text[a].isupper() and text[a:b].split()[0].lower() not in ("a", "an", "the", "another")):
        return None  # "said The Times" is a name the quote rules judge
    return a, b


def tag_after(text: str, end: int) -> Pair | None:
    """The description of a dialogue tag right after the quote content that ends at *end*, or ``None``.

    Example: '"Wake up there, youngster," said a rough voice.' -> "a rough voice".
    """
    w = _FIRST_WORD_RE.match(text, end, min(len(text), end + 12))
    if w is None or w.group(1) not in _TAG_VERB_SET:
        return None  # (the regex of all verbs runs only after a tag verb)
    m = _AFTER_RE.match(text, end, min(len(text), end + _TAG_WINDOW))
    if m is None:
        return None
    return _trim(text, m.start(1), m.end(1))


def subject_tag_after(text: str, end: int) -> Pair | None:
    """The subject of a subject-first tag right after the quote content that ends at *end*, or ``None``.

    Example: '"We say," somebody exclaimed, "that ..."' -> "somebody".
    """
    c = _CLOSE_RE.match(text, end, min(len(text), end + 8))
    start = end if c is None else c.end()
    if start - end > 4:
        return None
    words: list[tuple[str, int, int]] = []
    for m in _TAG_WORD_RE.finditer(text, start, min(len(text), start + 80)):
        gap = text[words[-1][2] : m.start()] if words else text[start : m.start()]
        if gap.strip(" \t") or len(words) == 7:
            break  # (a tag's words follow each other with spaces only)
        words.append((m.group(), m.start(), m.end()))
    if not words:
        return None
    for k in _subject_ends(words):
        if _verb_at(words, k):
            return words[0][1], words[k - 1][2]
    return None


def tag_between(text: str, end: int, start: int) -> Pair | None:
    """The description of a tag that is all that stands between two quote parts, or ``None``.

    Example: '"People say," said another, "that ..."' -> "another".
    """
    if start - end > _TAG_WINDOW or start <= end:
        return None
    w = _FIRST_WORD_RE.match(text, end, start)
    if w is None or w.group(1) not in _TAG_VERB_SET:
        return None
    m = _BETWEEN_RE.match(text, end, start)
    if m is None:
        return None
    return _trim(text, m.start(1), m.end(1))


# Rule ``role-beat``: a narration sentence whose subject is a definite person
# description ("The girl flushed.", "The old doctor shook his head.") is an
# action beat like one with a name: up to two modifiers, then a singular
# person noun of role_nouns.txt, then a lowercase word (the verb).
# A short adverbial may come first: "In the hall the doctor stopped.", "Then the girl smiled."
_ROLE_SUBJECT_RE = regex.compile(
    r"[ \t\"“”‘’'_]*"
    r"(?:(?:Then|Now|Presently|Suddenly|At[ \t]+last|(?:In|At|On|From|By)[ \t]+the[ \t]+\p{Ll}+),?[ \t]+)?"
    r"(?:The|the)((?:[ \t]+\p{Ll}[\p{Ll}\-]*){2,4})",
    regex.V1,
)


def role_subject(text: str, start: int, end: int) -> Pair | None:
    """The person description that opens ``text[start:end]`` as its subject, or ``None``.

    Example: 'The girl flushed.' -> "The girl"; 'The old doctor shook his
    head.' -> "The old doctor"; 'The rain fell.' -> ``None`` (no person
    noun); 'The girl's hat fell.' -> ``None``.
    """
    m = _ROLE_SUBJECT_RE.match(text, start, end)
    if m is None:
        return None
    words = list(regex.finditer(r"\p{Ll}[\p{Ll}\-]*", text, pos=m.start(1), endpos=m.end(1)))
    for k, w in enumerate(words[:3]):
        info = ROLE_NOUNS.get(w.group())
        if info is not None:
            if info.kind != "person" or w.group().endswith("s") or k + 1 >= len(words):
                return None  # (plural "the workers": no one speaker)
            return m.start(1) - 3, w.end()
    return None
