"""Rule ``talk-about`` (stage ``cue``, issue 16): "talked about X", "is
talking about X", "began by talking about X" report the topic X, as
PolNeAR annotates it: "Osei talked about ⟦the toll on the new bridge⟧",
"Kim often talks about ⟦how the ferry saved her town⟧".

The cue is one of the phrases "talk about", "talks about", "talked about"
and "talking about" of ``cue_phrases.txt``; this rule is the only one that
reads them (it runs before rule ``saying-clause``), so a phrase it turns
down proposes nothing. Turned down (guards):

* ``talk-negated``: "nobody is talking about X", "did not talk about X",
  "never talked about X" (no claim was made);
* ``talk-gap``: the topic is elsewhere ("what Kim was talking about is
  ...", "the plan she talked about, which ..."): no word that can open a
  noun phrase or a clause follows "about";
* ``talk-passive``: "X will be talked about" (no speaker);
* ``talk-noun``: "the harsh talk about X", "a video shows Kim talking about
  X" (what the writer saw, not a claim);
* ``talk-conversation``: "they were talking about X" (a conversation).

A noun-phrase topic ends before a comma, a dash, "but" or the writer's
time, place or occasion phrase ("talked about ⟦immigration⟧ at every
rally", "talks about ⟦a revolution⟧, but ..."); a topic that opens with a
question word or a gerund ("how ...", "building a wall ...") runs to the
clause's end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .chunker import norm
from .clauses import FINITE, clause_ok, last_nonspace, skip_ws
from .finder import Finder, speaker_bonus
from .registry import Rule, Stage, confidence, register
from .text import TOKEN_RE

if TYPE_CHECKING:
    from .finder import CueItem

__all__ = ["TALK_CUES", "no_topic", "talk_about", "topic_end"]

#: The cue phrases this rule reads (``cue_phrases.txt``, type phrasal).
TALK_CUES = frozenset(["talk about", "talks about", "talked about", "talking about"])

#: guard talk-negated: a negation up to four words before the cue ("did
#: not really talk about", "nobody is talking about", "never talked about")
_NEGATED_RE = regex.compile(r"(?r)(?i)\b(?:not|n['’]t|never|nobody|no\s+one|none)(?:\s+[\w'’.]+){0,4}\s+$")
#: guard talk-passive: "will be talked about", "is being talked about"
_PASSIVE_RE = regex.compile(r"(?r)(?i)\b(?:be|been|being|is|are|was|were)\s+(?:\p{Ll}+ly\s+)?$")
#: a gerund after a comma or a preposition reads the sentence's subject
#: ("The mayor began by talking about X", "..., talking about X")
_GERUND_LINK_RE = regex.compile(r"(?r)(?i)(?:,|\b(?:by|and|while|after|before))\s+(?:\p{Ll}+ly\s+)?$")
#: guard talk-noun: the words after which a base "talk about" is a verb
#: ("to talk about", "will talk about", "they talk about"); after any other
#: lower-case word it is a noun ("the harsh talk about ...")
_BASE_BEFORE = frozenset(
    [
        "to",
        "will",
        "would",
        "can",
        "could",
        "should",
        "might",
        "may",
        "must",
        "do",
        "did",
        "does",
        "i",
        "we",
        "they",
        "you",
    ]
)
#: a progressive "is talking about", "have been talking about"
_PROGRESSIVE_RE = regex.compile(r"(?r)(?i)\b(?:is|are|was|were|be|been|am|['’]s|['’]re|['’]m)\s+(?:\p{Ll}+\s+)?$")
#: guard talk-conversation: "they were talking about X", "we talked about
#: X" tell of a conversation among the speakers, not of a claim made to an
#: audience (a named or nominal subject stays: "Osei talked about X")
_CONVERSATION_PRONOUNS = frozenset(["they", "we"])
#: guard talk-gap: words after "about" that open no topic ("talking about
#: now", "talked about - ...")
_NO_TOPIC = frozenset(["most", "now", "then", "here", "there", "today", "anymore", "again", "too", "lately", "later"])
#: a topic opened by a question word or a gerund runs to the clause's end
_CLAUSAL_TOPIC = frozenset(["how", "what", "why", "whether", "where", "when", "who", "which", "if"])
#: where a noun-phrase topic ends: punctuation, "but", a clause of its own,
#: or the writer's time, place or occasion phrase
_NP_END_RE = regex.compile(
    r"\s*[,;:(]|\s+[—–-]{1,2}\s|\s+--"
    r"|\s+(?=(?:but|at|during|before|after|while|because|since|when|last|earlier|later|yesterday|today|tonight"
    r"|this\s+(?:week|month|year|morning|afternoon|evening)"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Fox|CNN|MSNBC|NBC|ABC|CBS|Twitter|Facebook)"
    r"|in\s+(?:a|an|the|his|her|their|its)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:debate|interview|speech|address|rally|statement|video|ad|appearance|remarks|event|op-ed|column)s?"
    r"|and\s+(?:he|she|they|it|we|i|then|also|said|says|\p{Ll}+ed)"
    r"|is|was|are|were|has|have|had|will|would)\b)"
)

#: where a clausal topic ends: the writer's time or occasion phrase, as for
#: rule speak-about ("talked about building a wall ⟦⟧during the debate")
_CLAUSE_END_RE = regex.compile(
    r"\s+(?=(?:before|after|while|during|last\s+(?:week|month|year|night)|on\s+the\s+condition)\b)"
)


def _speaker(f: Finder, item: CueItem) -> tuple[int, int] | None:
    """The subject before the cue; for a gerund after a comma or "by", or
    a base form after "to", the sentence's subject."""
    cue, text, sa = item.cue, f.text, item.sa
    sp = f.subject_before(cue.start)
    if sp is not None:
        return sp
    before = text[max(sa, cue.start - 40) : cue.start]
    linked = cue.lemma == "talking about" and _GERUND_LINK_RE.search(before) is not None
    if linked or (cue.lemma == "talk about" and before.rstrip().lower().endswith(" to")):
        return f.sentence_subject(sa, cue.start)
    return None


def _verb_form(f: Finder, item: CueItem, before: str) -> bool:
    """Guard ``talk-noun``: a base "talk about" after "to", a modal or a
    plural subject; a gerund after a form of "be", a comma, "by", "and",
    "while" ("began by talking about", "is talking about"), not after a
    noun ("a video shows the mayor talking about ...": what the writer saw,
    not a claim)."""
    lemma = item.cue.lemma
    if lemma == "talking about":
        return _PROGRESSIVE_RE.search(before) is not None or _GERUND_LINK_RE.search(before) is not None
    if lemma != "talk about":
        return True
    last = before.split()[-1:] if before else []
    if not last:
        return False
    w = last[0]
    return not w.islower() or norm(w) in _BASE_BEFORE or (w.endswith("s") and w.isalpha())


def no_topic(tok: str) -> bool:
    """Guard ``talk-gap``: the word after "about" opens no topic: a finite
    verb, an adverb of time or punctuation other than a quote mark."""
    low = norm(tok)
    if not tok[0].isalnum():
        return tok not in "\"“‘'"
    return low in FINITE or low in _NO_TOPIC


def topic_end(f: Finder, a: int, b: int) -> int:
    """Where the topic that starts at *a* (its clause ends at *b*) ends."""
    text = f.text
    first = TOKEN_RE.search(text, a, min(b, a + 30))
    w = "" if first is None else norm(first.group())
    if w in _CLAUSAL_TOPIC or (w.endswith("ing") and len(w) > 4):
        m = _CLAUSE_END_RE.search(text, a, b)
    else:
        m = _NP_END_RE.search(text, a, b)
    return b if m is None else last_nonspace(text, a, m.start())


@register(
    Rule.TALK_ABOUT,
    Stage.CUE,
    confidence=0.5,
    example="Osei talked about ⟦the toll on the new bridge⟧ at every stop.",
)
def talk_about(f: Finder, item: CueItem) -> bool:
    """A form of "talk about": the topic after it, the subject speaks."""
    cue, sb, text = item.cue, item.sb, f.text
    if cue.lemma not in TALK_CUES:
        return False
    before = text[max(item.sa, cue.start - 40) : cue.start]
    if _NEGATED_RE.search(before) or (cue.lemma == "talked about" and _PASSIVE_RE.search(before)):
        return True  # guards talk-negated, talk-passive
    if not _verb_form(f, item, before):
        return True  # guard talk-noun
    start = skip_ws(text, cue.end, sb)
    first = TOKEN_RE.match(text, start, min(sb, start + 30))
    if first is None or no_topic(first.group()):
        return True  # guard talk-gap
    sp = _speaker(f, item)
    if sp is not None and norm(text[sp[0] : sp[1]]) in _CONVERSATION_PRONOUNS:
        return True  # guard talk-conversation
    cl = f.clauses.clause(start, sb)
    if sp is None or cl is None or f.doc.region_at(start) is not None or not clause_ok(f.doc, *cl):
        return True
    end = topic_end(f, cl[0], cl[1])
    if end <= cl[0]:
        return True
    conf = confidence(Rule.TALK_ABOUT) + speaker_bonus(text, sp)
    f.add(f.clauses.content_parts(cl[0], end), Rule.TALK_ABOUT, conf, cue, sp)
    return True
