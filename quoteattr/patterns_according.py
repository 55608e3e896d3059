"""Rule ``according-to`` and its guards: a source phrase before or after
the clause it attributes ("According to the fire service, the blaze began
in a kitchen." / "The blaze began in a kitchen, according to the fire
service.").

Registered here and imported by :mod:`quoteattr.patterns_cues`, whose cue
stage runs it in the order of :data:`quoteattr.registry.ORDER`.
"""

from __future__ import annotations

import regex

from .candidates import trim
from .chunker import norm, np_right
from .clauses import FINITE, TRAILING, last_nonspace, looks_like_clause, skip_ws, source_clause_ok
from .cues import CueMatch
from .finder import CueItem, Finder, speaker_bonus
from .lead_words import ACCORDING_LEAD, ASIDE_LEAD, skip_lead_word
from .names import ROLE_NOUNS as ROLE_INFO
from .registry import Rule, Stage, confidence, register
from .text import TOKEN_RE

__all__ = ["according_to"]

Pair = tuple[int, int]

_SOURCE_END_RE = regex.compile(r"[,;]|$")


def _source_end(text: str, src: int, end: int, sb: int) -> int:
    """Where the source phrase from *src* ends, before *end* (a comma, a
    semicolon, the sentence end or 150 characters on). Guard
    ``source-abbreviation``: only the sentence's last full stop ends it,
    so a source with an abbreviation reads whole ("According to F.A.A.
    records, ...", "according to Rep. Ana Ruiz.")."""
    b = last_nonspace(text, src, end)
    if b > src and text[b - 1] in ".!?" and skip_ws(text, b, sb) >= sb:
        # (the sentence's final mark; an abbreviation's full stop that ends
        # the sentence too, "the U.S.", loses it as well, as before)
        b -= 1
    return b


_PRONOUN_IS_RE = regex.compile(r"(That|This)(?:[’']s|\s+(?:is|was))\s+")
_ASIDE_RE = regex.compile(r"\s*(?:citing|quoting|who\s+cited)\b[^,]{0,80},")


@register(
    Rule.ACCORDING_TO,
    Stage.CUE,
    confidence=0.8,
    example="According to the fire service, ⟦the blaze began in a kitchen⟧. / ⟦…⟧, according to the fire service.",
)
def according_to(f: Finder, item: CueItem) -> bool:
    """A source phrase before or after the clause it attributes."""
    if item.cue.type != "source-after":
        return False
    _according_to(f, item.cue, item.sa, item.sb)
    return True


_BY_AUTHOR_RE = regex.compile(r"\s*,?\s+by\s+(?=\p{Lu})")


def _work_author(f: Finder, sp: Pair) -> Pair:
    """Rule ``according-to-work``: a source that is a quoted title followed by
    "by" and a name is that author's work: the author is the speaker, and the
    title is no quote of its own ('according to "The Long Harbour" by Mina
    Osei, the plan failed' -> Mina Osei). Other sources are kept as they are."""
    r = f.doc.region_at(sp[0])
    if r is None or r.outer[0] != sp[0] or r.outer_end >= sp[1]:
        return sp
    m = _BY_AUTHOR_RE.match(f.text, r.outer_end, sp[1])
    if m is None:
        return sp
    f.use_region(r)
    return m.end(), sp[1]


_APPOSITIVE_OPENERS = frozenset(["who", "whose", "which", "where", "a", "an", "although", "though", "but", "while"])


def _source_appositive(f: Finder, a: int, b: int) -> bool:
    """Guard ``source-appositive``: after 'CLAUSE, according to X,' the words
    that open with a relative pronoun, an indefinite article, a person's role noun,
    a gerund or a concession ('Andy Smith, director of the poll centre,
    which ...'; ', who prosecuted ...'; ', writing for ...') describe the
    source: the clause before is the content."""
    words = f.doc.words(a, min(b, a + 40))
    if not words:
        return False
    w = norm(words[0])
    if w in _APPOSITIVE_OPENERS or _person_role(w) or (w.endswith("ing") and len(w) > 4):
        return True
    return w == "the" and len(words) > 1 and (_person_role(norm(words[1])) or norm(words[1]) == "former")


def _person_role(w: str) -> bool:
    """A role noun of a person ("director", "spokesman"); an organisation's
    ("state", "CIA") opens a clause as often ("..., according to the report,
    state security forces have killed ...", "..., the CIA security
    contractors left ...")."""
    r = ROLE_INFO.get(w)
    return r is not None and r.kind == "person"


def _source_aside(f: Finder, sa: int, comma: int, b0: int, sb: int, cue: CueMatch, sp: Pair) -> bool:
    """Guard ``source-aside``: 'X, according to Y, Z' where X is no clause
    of its own and Z no description of the source ("Other big splits,
    according to the poll, include age", "G4S receives, according to one
    report, $234 million ...", "But the next day, according to Roffman,
    Trump made ..."): the source phrase is an aside, and X with Z is the
    content (a lead "And"/"But"/"Now" left out; not when X opens a bracket,
    "Iowa (93 percent ..., according to exit polls), ..."). Proposes it and
    returns True; False leaves X alone to the trailing reading.
    On polnear-train 4 of the 6 predictions it changes or adds match (3
    unmatched ones become matched, one new match, two stay unmatched)."""
    text = f.text
    if sa in f.cued_sentences or looks_like_clause(f.doc, sa, comma) or _source_appositive(f, b0, sb):
        return False
    left = trim(text, skip_lead_word(text, sa, comma, ASIDE_LEAD), comma, TRAILING)
    cl = f.clauses.clause(b0, sb)
    if cl is None or not left[0] < left[1] or "(" in text[left[0] : left[1]]:
        return False
    parts = f.clauses.content_parts(*cl)
    if text[left[0] : left[1]] not in ASIDE_LEAD:  # ("But, according to the poll, ...": the clause only)
        parts = [left, *parts]
    f.add(parts, Rule.ACCORDING_TO, confidence(Rule.ACCORDING_TO) + speaker_bonus(text, sp), cue, sp)
    return True


def _source_inside(f: Finder, cue: CueMatch, sp: Pair, before: Pair, b0: int, sb: int) -> bool:
    """Guard ``source-inside``: 'SUBJECT, according to X, was/is/has ...': the
    source phrase interrupts one clause, whose two pieces are the content
    ("Most striking, according to the poll, was the turnout")."""
    text = f.text
    first = TOKEN_RE.search(text, b0, min(sb, b0 + 30))
    if first is None or first.group() not in FINITE:
        return False
    a, a_end = trim(text, *before, TRAILING)
    cl = f.clauses.clause(skip_ws(text, b0, sb), sb)
    if a_end <= a or cl is None:
        return False
    conf = confidence(Rule.ACCORDING_TO) + speaker_bonus(text, sp)
    f.add([(a, a_end), *f.clauses.content_parts(*cl)], Rule.ACCORDING_TO, conf, cue, sp)
    return True


def _according_to(f: Finder, cue: CueMatch, sa: int, sb: int) -> None:
    text = f.text
    # The source runs to the next comma or the end of the sentence:
    # "according to a recent Reuters survey of voter lists."
    src = skip_ws(text, cue.end, sb)
    m = _SOURCE_END_RE.search(text, src, min(sb, src + 150))
    sp = (src, _source_end(text, src, m.start(), sb)) if m else np_right(f.doc, src, sb)
    if sp is None or sp[1] <= sp[0] or not f.doc.tokens(sp[0], sp[1]):
        return
    sp = _work_author(f, sp)
    # guard pronoun-according: "That's according to the poll." reports
    # what "That" stands for; the pronoun is the content, as PolNeAR marks it
    # (no past-tense cue may follow in the sentence: not "That is according
    # to plan, the mayor said."; a base or -s form is often a noun, "states")
    m = _PRONOUN_IS_RE.fullmatch(text, sa, cue.start)
    if m is not None and not any(c.form_kind == "past" for c in f.doc.cues_between(sp[1], sb)):
        conf = confidence(Rule.ACCORDING_TO) + speaker_bonus(text, sp)
        f.add([m.span(1)], Rule.ACCORDING_TO, conf, cue, sp)
        return
    before_end = last_nonspace(text, sa, cue.start)
    after = skip_ws(text, sp[1], sb)
    # "..., according to John Weaver, a Republican strategist.": an
    # appositive of the source, no clause, runs to the end: still trailing.
    appositive = (
        text[after : after + 1] == ","
        and before_end > sa
        and text[before_end - 1] == ","
        and (not looks_like_clause(f.doc, after + 1, sb) or _source_appositive(f, after + 1, sb))
    )
    if appositive and _source_aside(f, sa, before_end - 1, after + 1, sb, cue, sp):
        return
    if text[after : after + 1] in (".", "") or after >= sb or appositive:
        # trailing: 'CLAUSE, according to X.' -- unless the sentence has its
        # own attribution, whose source the phrase names ("X said Y,
        # according to TASS": TASS reported X's words).
        if sa in f.cued_sentences:
            return
        if appositive and _source_inside(f, cue, sp, (sa, before_end - 1), after + 1, sb):
            return
        if before_end > sa and text[before_end - 1] in ",—–":
            # guard fronted-clause: the clause opens the sentence, so "In
            # 2014, ...", "Of the 121 detained, 77 ...", "As of Friday, ..."
            # may open it (source_clause_ok), unlike a clause after a verb
            # guard lead-word: "And the pier will close, according to
            # the board." reports ⟦the pier will close⟧
            start = skip_lead_word(text, sa, before_end - 1, ACCORDING_LEAD)
            f.clause_before(
                cue, sp, start, before_end - 1, Rule.ACCORDING_TO, confidence(Rule.ACCORDING_TO), source_clause_ok
            )
        return
    if text[after : after + 1] != ",":
        return
    pos = after + 1
    # skip an aside: ', citing unnamed officials,'
    m = _ASIDE_RE.match(text, pos, sb)
    if m:
        pos = m.end()
    cl = f.clauses.clause(pos, sb)
    if cl is None or not source_clause_ok(f.doc, *cl):
        return
    f.add(
        f.clauses.content_parts(*cl),
        Rule.ACCORDING_TO,
        confidence(Rule.ACCORDING_TO) + speaker_bonus(text, sp),
        cue,
        sp,
    )
