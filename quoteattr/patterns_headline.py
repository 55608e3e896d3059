"""Rule ``headline-colon`` (stage ``paragraph``, issue 16): a headline that
names its source before a colon reports that source's claim.

News sites write "Graham: Trump's rhetoric is hurting the party." or "Clinton
camp: Trump threatens national security." as the headline of a story about
what that person said; PolNeAR annotates the words after the colon as the
source's (indirect or mixed) claim, with the colon as the cue. Rule
``transcript-speaker`` reads upper-case labels on any paragraph ("WALLACE:
..."); this rule reads a title-case label, only on a document's first
paragraph, and only when the label looks like a name (a few capitalised words,
no verb, no preposition but "to" or "at") and is no kicker of
``lexicons/headline_kickers.txt`` ("Breaking: ...", "The Latest: ...").
"""

from __future__ import annotations

import regex

from .candidates import trim
from .clauses import FINITE, TRAILING
from .cues import FORMS, CueMatch
from .finder import Finder
from .lexicons import load_set
from .model import CueClass
from .npwords import DAYS, DOTTED
from .registry import Rule, Stage, confidence, register

__all__ = ["HEADLINE_KICKERS", "headline_colon"]

Pair = tuple[int, int]

#: Words that open a headline's label without naming a source ("Breaking",
#: "Exclusive", "The"): lexicon headline_kickers.txt.
HEADLINE_KICKERS = load_set("headline_kickers.txt")
#: The most words of a label ("Former AG Mukasey at RNC").
LABEL_WORDS = 5
#: The longest headline read (characters).
HEADLINE_CHARS = 200

# An optional upper-case kicker and a dash ("EXCLUSIVE – Roger Stone: ..."),
# the label, the colon and the first character of the headline proper.
_HEADLINE_RE = regex.compile(
    r"(?:\p{Lu}+[ \t]+[—–-][ \t]+)?(?P<label>[^:\n?!;\"“”]{1,60}?)(?P<colon>:)[ \t]+(?=\S)", regex.V1
)
# Words that make a label a phrase of its own, not a name: a verb, a
# coordination or a preposition ("FIX IS IN:", "Netanyahu and Obama:", "Obama
# on Climate Change:", "Big Win For Bernie:").
_NOT_IN_LABEL = FINITE | frozenset(
    ["and", "or", "no", "not", "more", "with", "of", "in", "on", "over", "for", "from", "by", "about", "as", "after"]
)
# The label's speaker ends before "to" or "at" ("Clinton to Planned
# Parenthood:" is Clinton's, "Mukasey at RNC:" is Mukasey's).
_SPEAKER_ENDS = frozenset(["to", "at"])
# A word of the label: letters, digits, inner dots, hyphens and apostrophes
# ("AP-GfK", "Democrats'", "Trump’s"), and the period of a title ("Dr.").
_LABEL_WORD_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’&-]*")
# An acronym with periods ("U.S. Envoy:").
_DOTTED_ACRONYM_RE = regex.compile(r"(?:\p{Lu}\.)+")
# An upper-case word longer than this is a section name ("HUFFPOLLSTER:"),
# not an acronym of a source ("NY", "AP", "WSJ", "CNN").
_ACRONYM_CHARS = 4


def _is_verb(word: str) -> bool:
    """A reporting verb in the third person ("Carly Fiorina Endorses Ted
    Cruz:" is a headline of its own, not a source's name)."""
    form = FORMS.get(word.lower())
    return form is not None and form[1] == "3sg"


def _speaker_of(label: str) -> int | None:
    """The length of the speaker at the start of a headline *label*, or None
    when the label is no source: "Graham" -> 6, "Clinton to Planned
    Parenthood" -> 7, "The Latest" -> None, "Netanyahu and Obama" -> None."""
    words = list(_LABEL_WORD_RE.finditer(label))
    if not words or len(words) > LABEL_WORDS or "," in label:
        return None
    first = words[0].group()
    if not first[:1].isupper() or first.lower().rstrip("'’s") in DAYS:
        return None
    if words[0].group().lower() in HEADLINE_KICKERS or words[-1].group().lower() in HEADLINE_KICKERS:
        return None
    end = words[-1].end()
    for i, m in enumerate(words):
        w = m.group()
        if w.lower() in _NOT_IN_LABEL or (w.isupper() and len(w) > _ACRONYM_CHARS) or _is_verb(w):
            return None
        if w.endswith(".") and w[:-1].lower() not in DOTTED and not _DOTTED_ACRONYM_RE.fullmatch(w):
            return None  # a sentence ends inside the label; a title or "U.S." does not
        if w.lower() in _SPEAKER_ENDS and i > 0 and w.islower():
            return words[i - 1].end()
        # a lower-case word ends the label ("Clinton camp", "WSJ editorial")
        if w.islower() and i < len(words) - 1:
            return None
    return end


def _quoted_whole(f: Finder, a: int, b: int) -> bool:
    """The claim ``text[a:b]`` is one quote from its first character to its
    last but punctuation ("Kim: 'We will win.'", left to rule
    speaker-colon-quote); a quote that opens a longer claim ("Ryan: 'No
    Idea' If I Knew") is part of a mixed claim."""
    r = f.doc.region_at(a)
    return r is not None and not f.doc.words(r.outer[1], b)


# (confidence 0.9: above a cue read inside the claim, at most 0.85 =
# subject-cue-clause's 0.8 and a named speaker's 0.05, so that "Gowdy:
# Benghazi Probe Helped Reveal Email Scandal." keeps Gowdy's claim)
@register(
    Rule.HEADLINE_COLON,
    Stage.PARAGRAPH,
    confidence=0.9,
    example="Graham: ⟦Trump's rhetoric is hurting the party⟧.",
)
def headline_colon(f: Finder, para: Pair) -> bool:
    """The document's first paragraph, when it is a headline 'Source:
    claim.' and another paragraph follows: the claim is the source's, the
    colon the cue; the claim ends with the headline's first line. A
    question ("Ted Cruz: Conservative or careerist?") and a claim that is
    one quote (rule speaker-colon-quote) are left alone."""
    text = f.text
    paras = f.doc.paras.spans
    pa, pb = para
    if len(paras) < 2 or para != paras[0] or pb - pa > HEADLINE_CHARS:
        return False
    m = _HEADLINE_RE.match(text, pa, pb)
    if m is None:
        return False
    length = _speaker_of(m.group("label"))
    if length is None:
        return False
    # the headline's first line: a subtitle may follow on the next
    # ("Khans: Trump stirs ugliness; (line break) Muslim couple cope ...")
    line = text.find("\n", m.end(), pb)
    a, b = trim(text, m.end(), pb if line < 0 else line, TRAILING + ".")
    if b <= a or "?" in text[a:b] or len(f.doc.words(a, b)) < 2 or _quoted_whole(f, a, b):
        return False
    colon = m.start("colon")
    cue = CueMatch(colon, colon + 1, ":", CueClass.SPEECH, None, "colon")
    speaker = (m.start("label"), m.start("label") + length)
    f.add([(a, b)], Rule.HEADLINE_COLON, confidence(Rule.HEADLINE_COLON), cue, speaker)
    return True
