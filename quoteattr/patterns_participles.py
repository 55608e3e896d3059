"""Participle clauses whose speaker is not the subject before a comma
(stage ``cue``, issue 16).

* Rule ``with-gerund``: "with" + a noun phrase + a gerund cue is a clause of
  its own whose speaker is that noun phrase ("saying" stays with rule
  ``noun-saying``): "Democrats went further, with
  the former governor calling for ⟦a new inquiry⟧", "..., with each
  candidate questioning ⟦the other's record⟧".
* Rule ``fronted-participle``: a gerund cue that opens the sentence reports
  the words up to the comma that ends its phrase, and the subject of the
  main clause after that comma speaks, when the main clause's verb is a cue
  too: "Noting that ⟦the pier was closed⟧, Osei added ...".

Both are called by rule ``saying-clause`` of :mod:`quoteattr.patterns_cues`
for a gerund with no comma or conjunction right before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .candidates import trim
from .chunker import norm
from .clauses import NP_OBJECT_CUES, THAT_RE, TRAILING, VERBLIKE, clause_ok, last_nonspace, looks_like_clause, skip_ws
from .finder import speaker_bonus
from .model import CueClass
from .patterns_gerunds import gerund_clause
from .registry import Rule, Stage, confidence, declare

if TYPE_CHECKING:
    from .finder import CueItem, Finder

__all__ = ["fronted_participle", "with_gerund_parts", "with_subject"]

Pair = tuple[int, int]

declare(
    Rule.WITH_GERUND,
    Stage.CUE,
    example="The talks ended badly, with the mayor insisting that ⟦the offer was an insult⟧ → `the mayor`",
    summary="'with' + a noun phrase + a gerund cue: the noun phrase speaks, the gerund reports as after a comma",
)


#: rule with-gerund: how far before the cue "with" may stand ("with former
#: Maryland Gov. Martin O'Malley calling")
_WITH_WINDOW = 60


def with_subject(f: Finder, item: CueItem) -> Pair | None:
    """Rule ``with-gerund``: the noun phrase between "with" and the gerund
    cue ("with ⟦Cruz⟧ repeatedly calling", "with ⟦nearly 140 members⟧
    blasting"), or None when no "with" opens it."""
    cue, text = item.cue, f.text
    # (a character test first: no "with " in the 60 characters before the cue)
    if text.rfind("with ", max(item.sa, cue.start - _WITH_WINDOW), cue.start) == -1:
        return None
    sp = f.subject_before(cue.start)
    if sp is None or sp[0] - item.sa < 5 or text[skip_ws(text, cue.end, item.sb) : cue.end + 2].startswith(","):
        return None  # ("with all precincts reporting, the race ...": nothing reported)
    if text[sp[0] - 5 : sp[0]].lower() != "with ":
        return None
    toks = f.doc.tokens(max(item.sa, sp[0] - 6), sp[0])
    if not toks or norm(text[toks[-1][0] : toks[-1][1]]) != "with":
        return None
    return sp


#: rule with-gerund: where the words of the noun phrase's gerund end: at a
#: second "with"-style clause ("..., with Osei calling for ⟦a new toll⟧ and
#: others backing the old one": "and", a few words and an -ing word) or at
#: the writer's ", compared with ..."
_WITH_END_RE = regex.compile(r"\s(?:and|while)\s+(?:[\w.’'-]+\s+){0,4}?\p{Ll}+ing\b|,\s+compared\b")


def with_gerund_parts(f: Finder, n0: int) -> None:
    """Rule ``with-gerund``: name the candidates proposed from *n0* on
    (read as for ", calling ...") after the rule and end their words where
    the gerund's clause ends."""
    text = f.text
    for c in f.out[n0:]:
        parts = c.parts
        a, b = parts[-1]
        m = _WITH_END_RE.search(text, a, b)
        end = last_nonspace(text, a, m.start()) if m is not None else a
        if end > a:  # (the cut leaves words)
            parts[-1] = a, end
            c.parts = parts
        c.rule = Rule.WITH_GERUND


declare(
    Rule.FRONTED_PARTICIPLE,
    Stage.CUE,
    confidence=0.7,
    example="Noting that ⟦the pier had been closed twice⟧, Osei said the town needed a new one. → `Osei`",
    summary="a gerund cue that opens the sentence reports its phrase; the main clause's subject speaks",
)

#: rule fronted-participle: gerunds that open a sentence without reporting
#: anything ("Speaking in Leeds, Osei said ...", "Reading from a text, ...")
_NOT_FRONTED = frozenset(["speak", "read", "report"])
#: rule fronted-participle: how far the participle's phrase may run
_FRONTED_MAX = 300


def fronted_participle(f: Finder, item: CueItem) -> bool:
    """Rule ``fronted-participle``: "Noting that X, Osei added ...",
    "Recalling that moment, the mayor said ...": the gerund cue is the
    sentence's first word, its phrase ends at a comma right before the
    subject of a cue verb (the main clause), and that subject speaks. True
    when a candidate was proposed."""
    cue, text, sb = item.cue, f.text, item.sb
    if cue.lemma in _NOT_FRONTED or cue.cue_class is not CueClass.SPEECH:
        return False
    limit = min(sb, cue.end + _FRONTED_MAX)
    for c in f.doc.cues_between(cue.end, limit):
        if c.type not in VERBLIKE or c.form_kind == "gerund":
            continue
        sp = f.subject_before(c.start)
        if sp is None or sp[0] <= cue.end:
            continue  # (a cue inside the participle's phrase)
        comma = last_nonspace(text, cue.end, sp[0]) - 1
        if text[comma] != ",":
            continue
        pos, cl = gerund_clause(f, cue, comma)
        if cl is None:
            return False
        cl = trim(text, cl[0], cl[1], TRAILING)
        # guard fronted-object: only a clause is reported ("Noting that ...");
        # an object ("Citing local news outlets, ...", "Pointing to his
        # record, ...") is a source or a topic, not what was said
        has_that = THAT_RE.match(text, skip_ws(text, pos, comma), min(comma, pos + 8)) is not None
        clausal = has_that or (cue.lemma not in NP_OBJECT_CUES and looks_like_clause(f.doc, *cl))
        if not (cl[0] < cl[1] and clause_ok(f.doc, *cl) and clausal):
            return False
        conf = confidence(Rule.FRONTED_PARTICIPLE) + speaker_bonus(text, sp)
        f.add([cl], Rule.FRONTED_PARTICIPLE, conf, cue, sp)
        return True
    return False
