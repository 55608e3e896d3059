"""Rules of stage ``cue`` whose reported content opens with the cue's object
(issue 16): ``object-to-infinitive`` ("urged voters to stay home") and
``call-object-predicate`` ("called the plan a disaster").

Registered here and imported by :mod:`quoteattr.patterns_cues`, whose
:class:`~quoteattr.finder.CueItem` they receive; the order of the cue
patterns is :data:`quoteattr.registry.ORDER`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .clauses import FINITE, clause_ok, last_nonspace, skip_ws
from .finder import Finder, speaker_bonus
from .lexicons import load_set
from .registry import Rule, Stage, confidence, register

if TYPE_CHECKING:
    from .cues import CueMatch
    from .finder import CueItem

Pair = tuple[int, int]

__all__ = ["OBJECT_INFINITIVE_CUES", "call_object_predicate", "object_to_infinitive", "request_object"]

#: lemmas of lexicons/object_infinitive_cues.txt ("urge", "ask", "call", ...)
OBJECT_INFINITIVE_CUES = load_set("object_infinitive_cues.txt")

# The cue's own verb, without the object that cues.py may have joined to it
# ("urged voters" is one cue of type verb-object).
_VERB_RE = regex.compile(r"[\w’'-]+")
# "call" asks for something only with "on" or "for": "called on Congress to
# act"; "called him a liar" is rule described-as.
_CALL_PARTICLE_RE = regex.compile(r"(?i)(?:on|upon|for)\b\s*")
# The object: one to eight tokens up to "to" + a verb, none of them clause
# punctuation, a quote mark or a finite verb ("urged the rest of the party to
# unite", "called on Osei and Kim to resign", "asked Gov. Ruiz (D) to veto").
# Longer stretches are not an object.
_OBJECT_TOKENS = 8
_NOT_IN_OBJECT = frozenset([*FINITE, "that", "if", "whether", "to", "or", "but", "about", "order", "than"])
# ... nor begins with a preposition ("are instructed in how to ...")
_NOT_OBJECT_START = frozenset(["in", "on", "at", "with", "by", "from", "of", "into", "over", "guilty", "not"])
# Guard object-then-subject: a subject pronoun after the first word of the
# object opens a clause ("told POLITICO he planned to stay neutral", "told
# reporters they hoped to ..."): the clause is rule subject-cue-clause's.
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "we", "i"])
# Rule object-to-infinitive ends its content at the first comma, semicolon
# or spaced dash after "to" (", which ...", ", but Republican leaders ..."),
# or before "and" + an auxiliary or past verb whose subject is the speaker
# again ("asked them to disavow him and has repeatedly characterized ...").
# A comma before "and to" / "or to" coordinates two infinitives: kept; so
# is the comma of a number ("the roughly 54,000 pages").
_INFINITIVE_END_RE = regex.compile(
    r"""(?i)\s*(?:,(?!\d)(?!\s*(?:and|or)\s+to\s)|;|\s[—–-]{1,2}\s)
      | \s+and\s+(?=(?:has|have|had|was|is|also|then|later|\w+ed)\b)""",
    regex.X,
)
_TOKEN_RE = regex.compile(r"[\w’'.&-]+|[^\s\w]")
# After "to": a lowercase word that is no determiner or object pronoun (a
# verb: "to stay", not "to the polls", "to him", "to Washington").
_NOT_VERB_AFTER_TO = frozenset(
    [
        *("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"),
        *("him", "them", "me", "us", "it", "you", "whom", "which", "what", "all", "some", "any", "each", "every"),
    ]
)


def _object_then_to(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """``(object start, offset of "to")`` when an object of one to eight
    tokens and "to" + a verb follow *pos*; else None."""
    start = skip_ws(text, pos, limit)
    for n, m in enumerate(_TOKEN_RE.finditer(text, start, limit)):
        w = m.group().lower().replace("’", "'")
        if w == "to" and n > 0:
            nxt = _VERB_RE.match(text, skip_ws(text, m.end(), limit), limit)
            verb = nxt.group() if nxt else ""
            # (in a title-case headline "To" and its verb are capitalised:
            # "Mayor Urges Dockers To End Strike")
            title = m.group() == "To" and verb.istitle()
            if not (verb.isalpha() and (verb.islower() or title)) or verb.lower() in _NOT_VERB_AFTER_TO:
                return None
            return start, m.start()
        if n == 0 and w in _NOT_OBJECT_START:
            return None
        if n > 0 and w in _SUBJECT_PRONOUNS:
            return None
        if n >= _OBJECT_TOKENS or w in _NOT_IN_OBJECT or not (w[:1].isalnum() or w in (".", "-", "&", "(", ")")):
            return None
    return None


@register(
    Rule.OBJECT_TO_INFINITIVE,
    Stage.CUE,
    confidence=0.6,
    example="The mayor urged ⟦residents to save water⟧. / The union called on ⟦the board to resign⟧.",
)
def object_to_infinitive(f: Finder, item: CueItem) -> bool:
    """A request or instruction: a cue of lexicon object_infinitive_cues
    ("urge", "ask", "tell", "call on"/"call for", ...), its object and "to" +
    a verb report the object and the infinitive, as PolNeAR annotates them
    ("urged ⟦Congress to act⟧"); the speaker is the cue's subject. (A gerund
    after a comma, ", urging voters to ...", stays with rule saying-clause:
    on polnear-dev this rule lost precision there.)"""
    return request_object(f, item.cue, item.speaker, item.sb)


def request_object(f: Finder, cue: CueMatch, speaker: Pair | None, sb: int) -> bool:
    """Rule ``object-to-infinitive`` for *cue* and *speaker*: propose the
    object and its infinitive and return True, or return False when the
    cue is not followed by both."""
    if cue.lemma not in OBJECT_INFINITIVE_CUES or cue.type not in ("verb", "verb-object"):
        return False
    text = f.text
    verb = _VERB_RE.match(text, cue.start, cue.end)
    pos = verb.end() if verb else cue.end
    if cue.lemma == "call":
        m = _CALL_PARTICLE_RE.match(text, skip_ws(text, pos, sb), sb)
        if m is None:
            return False
        pos = m.end()
    found = _object_then_to(text, pos, sb)
    if found is None or f.doc.region_at(found[0]) is not None:
        return False
    cl = f.clauses.clause(found[0], sb)
    if cl is None or cl[1] <= found[1] or not clause_ok(f.doc, *cl):
        return False
    end = _INFINITIVE_END_RE.search(text, found[1], cl[1])
    if end is not None:
        cl = (cl[0], end.start())
    conf = confidence(Rule.OBJECT_TO_INFINITIVE) + speaker_bonus(text, speaker)
    f.add(f.clauses.content_parts(*cl), Rule.OBJECT_TO_INFINITIVE, conf, cue, speaker)
    return True


# Rule call-object-predicate: "called him a liar", "calls the plan a disaster",
# "called Trump dangerous". The object is a pronoun, a capitalised name or a
# determiner phrase; a predicate must follow it.
_OBJECT_PRONOUNS = frozenset(
    [
        *("him", "her", "it", "them", "that", "this", "me", "us", "you"),
        *("himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"),
    ]
)
_OBJECT_DETERMINERS = frozenset(["the", "his", "her", "their", "its", "this", "these", "those", "our", "my", "your"])
# a second determiner opens the predicate of a determiner phrase ("the plan a disaster")
_PREDICATE_DETERMINERS = frozenset(["a", "an", "the", "his", "her", "their", "its", "one", "our", "my", "your"])
# words after the object that open no predicate ("called him back", "called
# Kim on Tuesday", "called the police to ...", "called Trump and ...", "a
# group called Color of Change": a name)
_NOT_PREDICATE = frozenset(
    [
        *("back", "on", "in", "at", "to", "from", "up", "out", "over", "after", "before", "for", "with", "about", "of"),
        *("and", "but", "or", "into", "off", "down", "by", "during", "as", "when", "while", "if", "because", "so"),
        *("again", "today", "yesterday", "last", "this", "that", "who", "which", "whose", "where", "early", "late"),
    ]
)
# The content ends at a comma ("called it a mistake, raising ..."), a spaced
# dash, a colon or semicolon, or before a writer's "before ..." ("called her
# son her hero before explaining why"); a comma inside a list of adjectives
# is kept ("called him a kind, loyal and honest man").
_PREDICATE_END_RE = regex.compile(
    r"(?i),(?!\s+[\w-]+(?:,\s+[\w-]+)*,?\s+(?:and|or)\s)|[;:]|\s[—–-]{1,2}\s"
    r"|\s(?=(?:before|after|because|while|when|as|during|since|until)\s)"
)
# "was called", "being called": passive, the subject is not the speaker
_PASSIVE_BEFORE_RE = regex.compile(r"(?r)(?i)\b(?:was|were|been|being|be|is|are|get|gets|got)\s+$")


def _predicate_start(text: str, toks: list[regex.Match[str]]) -> int | None:
    """The index of the token that opens the predicate after the object of
    "called", or None when the words are no object and predicate."""
    if len(toks) < 2:
        return None
    w0 = toks[0].group()
    low0 = w0.lower()
    if low0 in _OBJECT_PRONOUNS:
        i = 1
    elif low0 in _OBJECT_DETERMINERS and w0.islower():
        i = next((k for k in range(2, min(len(toks), 6)) if toks[k].group().lower() in _PREDICATE_DETERMINERS), 0)
        if not i:
            return None
    elif w0[:1].isupper() and w0.isalpha():
        i = 1
        while i < len(toks) and i < 5 and (toks[i].group()[:1].isupper() or toks[i].group() == "."):
            i += 1
    else:
        return None
    if i >= len(toks):
        return None
    w = toks[i].group()
    if not w[:1].isalpha() or w.lower() in _NOT_PREDICATE or w[:1].isupper() or w.lower() in FINITE:
        return None
    # after a name only a determiner opens the predicate ("called Kim a
    # liar"; "a company called Harmony Enterprises gave ..." is a name)
    if i > 1 and w0[:1].isupper() and w.lower() not in _PREDICATE_DETERMINERS:
        return None
    return i


@register(
    Rule.CALL_OBJECT_PREDICATE,
    Stage.CUE,
    confidence=0.6,
    example="The mayor called ⟦the plan a disaster⟧. / Kim has called ⟦him a liar⟧.",
)
def call_object_predicate(f: Finder, item: CueItem, gerund: bool = False) -> bool:
    """'called X Y' without quotes: the object and what it was called, as
    PolNeAR annotates them ("called ⟦him a political opportunist⟧"), to the
    next comma or the sentence end; a quoted description stays with rule
    described-as. A gerund (", calling ⟦him a liar⟧") only when rule
    saying-clause asks (*gerund*)."""
    cue, sb = item.cue, item.sb
    if cue.lemma != "call" or cue.type != "verb" or (cue.form_kind == "gerund" and not gerund):
        return False
    text = f.text
    if _PASSIVE_BEFORE_RE.search(text, max(item.sa, cue.start - 12), cue.start):
        return False
    start = skip_ws(text, cue.end, sb)
    cl = f.clauses.clause(start, sb)
    if cl is None or cl[0] != start or f.doc.region_at(start) is not None:
        return False
    if next(iter(f.doc.regions_starting_in(start, min(sb, start + 120))), None) is not None:
        return False
    m = _PREDICATE_END_RE.search(text, start, cl[1])
    b = last_nonspace(text, start, m.start()) if m else cl[1]
    toks = list(_TOKEN_RE.finditer(text, start, b))
    if _predicate_start(text, toks) is None:
        return False
    conf = confidence(Rule.CALL_OBJECT_PREDICATE) + speaker_bonus(text, item.speaker)
    f.add([(start, b)], Rule.CALL_OBJECT_PREDICATE, conf, cue, item.speaker)
    return True
