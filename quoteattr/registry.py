"""The rule registry: every named rule, its stage, base confidence and example.

A rule's name is a member of :class:`Rule`; the string value is what
:attr:`quoteattr.Quote.rule` holds (unchanged by this module). A reporting
pattern is one small function registered with :func:`register`; a rule
that is a step inside another (a variant name such as ``split-quote``, a
speaker noun-phrase heuristic, a clause cut) is registered with
:func:`declare`, so that every name has one entry with an example. The
order in which the pattern functions of a stage run is fixed here, in
:data:`ORDER`, and nowhere else.

Stages:

* ``paragraph``: a paragraph that is a transcript line;
* ``region``: a quoted region looks for its cue and speaker;
* ``cue``: a cue outside quotes proposes a reported clause (filters first);
* ``bare``, ``adjust`` and ``settle``: what is left, confidence changes,
  overlaps;
* ``phrase`` and ``clause``: speaker noun phrases and clause boundaries;
* ``syntax``: the dependency rules of :mod:`quoteattr.syntax`;
* ``speaker``: speaker rules (beats, vocatives, turn-taking) can be
  registered the same way.

``docs/rules.md`` holds a table generated from the registry
(``python tools/gen_rules_doc.py``); a test fails when they disagree.

Example:
    >>> from quoteattr import rules  # (registers the pattern functions)
    >>> spec(Rule.QUOTE_DASH_SPEAKER).confidence
    0.7
    >>> [r.value for r in ORDER[Stage.REGION]]
    ['quote-speaker-cue', 'quote-dash-speaker', 'speaker-colon-quote']
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

import attrs

__all__ = [
    "ORDER",
    "STAGES",
    "Rule",
    "RuleSpec",
    "Stage",
    "confidence",
    "declare",
    "functions",
    "markdown",
    "register",
    "spec",
    "specs",
]


class Stage(enum.Enum):
    """When a rule runs."""

    PARAGRAPH = "paragraph"
    REGION = "region"
    CUE = "cue"
    BARE = "bare"
    ADJUST = "adjust"
    SETTLE = "settle"
    PHRASE = "phrase"
    CLAUSE = "clause"
    SYNTAX = "syntax"
    SPEAKER = "speaker"


class Rule(enum.StrEnum):
    """Every rule name of the attribution engines (the value is the name)."""

    # stage region
    TRANSCRIPT_SPEAKER = "transcript-speaker"
    HEADLINE_COLON = "headline-colon"
    QUOTE_SPEAKER_CUE = "quote-speaker-cue"
    QUOTE_CUE_SPEAKER = "quote-cue-speaker"
    FORWARD_ATTACHMENT = "forward-attachment"
    NEW_SENTENCE_CUE = "new-sentence-cue"
    SPLIT_QUOTE = "split-quote"
    QUOTE_CONTINUATION = "quote-continuation"
    MIXED_LEAD_IN = "mixed-lead-in"
    QUOTE_DASH_SPEAKER = "quote-dash-speaker"
    SPEAKER_COLON_QUOTE = "speaker-colon-quote"
    # stage cue
    CAPITALISED_CUE = "capitalised-cue"
    NOUN_CUE = "noun-cue"
    ADVERB_BEFORE_CUE = "adverb-before-cue"
    SAY_VERB = "say-verb"
    BASE_CUE_THAT = "base-cue-that"
    PLURAL_DETERMINER_CUE = "plural-determiner-cue"
    ACCORDING_TO = "according-to"
    NON_VERB_CUE = "non-verb-cue"
    INTRANSITIVE_CUE = "intransitive-cue"
    ASKED_QUESTION = "asked-question"
    SAYING_CLAUSE = "saying-clause"
    SAYING_OBJECT = "saying-object"
    WITH_GERUND = "with-gerund"
    FRONTED_PARTICIPLE = "fronted-participle"
    NOUN_GERUND = "noun-gerund"
    NOUN_SAYING = "noun-saying"
    PROGRESSIVE_CUE = "progressive-cue"
    PASSIVE_CUE = "passive-cue"
    PASSIVE_BY_AGENT = "passive-by-agent"
    PASSIVE_DECLARED = "passive-declared"
    PARENTHETICAL_CUE = "parenthetical-cue"
    CLAUSE_SUBJECT_CUE = "clause-subject-cue"
    CLAUSE_CUE_SUBJECT = "clause-cue-subject"
    COORDINATED_CUE = "coordinated-cue"
    SUBJECTLESS_CUE = "subjectless-cue"
    COLON_QUOTE = "colon-quote"
    COLON_BLOCK = "colon-block"
    OBJECT_TO_INFINITIVE = "object-to-infinitive"
    CALL_FOR = "call-for"
    CALL_OBJECT_PREDICATE = "call-object-predicate"
    SPEAK_ABOUT = "speak-about"
    TALK_ABOUT = "talk-about"
    PREPOSITION_TOPIC = "preposition-topic"
    CHANT_QUOTE = "chant-quote"
    READ_CUE = "read-cue"
    PUT_IT = "put-it"
    DESCRIBED_OBJECT_AS = "described-object-as"
    DESCRIBED_OBJECT_QUOTE = "described-object-quote"
    DESCRIBED_AS = "described-as"
    CUE_TO_INFINITIVE = "cue-to-infinitive"
    PROMISE_TO = "promise-to"
    SUBJECT_CUE_OBJECT = "subject-cue-object"
    SUBJECT_CUE_CLAUSE = "subject-cue-clause"
    CLAUSE_SHAPE = "clause-shape"
    DROP_THAT = "drop-that"
    DROP_AGAINST = "drop-against"
    LATE_THAT = "late-that"
    # stages bare, adjust, settle
    DIRECT_BARE = "direct-bare"
    BARE_PHRASE = "bare-phrase"
    HEADLINE = "headline"
    THOUGHT_CLAUSE = "thought-clause"
    NO_NESTED_ATTRIBUTION = "no-nested-attribution"
    HOLE_ATTRIBUTION = "hole-attribution"
    OUTER_ATTRIBUTION = "outer-attribution"
    KIND_BY_MARKS = "kind-by-marks"
    # stage clause
    CUT_TRAILING_SOURCE = "cut-trailing-source"
    CUT_NEXT_ATTRIBUTION = "cut-next-attribution"
    CUT_COORDINATED_PREDICATE = "cut-coordinated-predicate"
    CUT_CONCESSION = "cut-concession"
    CUT_RELATIVE_TAIL = "cut-relative-tail"
    CUT_CLOSING_PAREN = "cut-closing-paren"
    CUT_SUMMARY_APPOSITIVE = "cut-summary-appositive"
    CUT_OBJECT_DAY = "cut-object-day"
    CUT_OBJECT_OCCASION = "cut-object-occasion"
    DASH_ELABORATION = "dash-elaboration"
    CUT_POLL_COMPARISON = "cut-poll-comparison"
    CUT_DASH_CLAUSE = "cut-dash-clause"
    CUT_BUT_CLAUSE = "cut-but-clause"
    CUT_FRONTED_SUBORDINATE = "cut-fronted-subordinate"
    CUT_AS_COMPARISON = "cut-as-comparison"
    CUT_DASH_APPOSITIVE = "cut-dash-appositive"
    RELATIVE_GAP = "relative-gap"
    FRONTED_PART = "fronted-part"
    DESCRIBED_GAP = "described-gap"
    # stage phrase
    SPEAKER_LEFT = "speaker-left"
    SPEAKER_RIGHT = "speaker-right"
    APPOSITIVE = "appositive"
    APPOSITIVE_RIGHT = "appositive-right"
    DETERMINER_NOUN_SUBJECT = "determiner-noun-subject"
    PARENTHETICAL_LABEL = "parenthetical-label"
    NAME_WORD = "name-word"
    MODIFIED_NOUN_SUBJECT = "modified-noun-subject"
    RELATIVE_SUBJECT = "relative-subject"
    SUBJECT_ASIDE = "subject-aside"
    DASH_APPOSITIVE = "dash-appositive"
    NAME_SUFFIX = "name-suffix"
    TIME_PHRASE = "time-phrase"
    QUOTED_APPOSITIVE = "quoted-appositive"
    RATIO_SUBJECT = "ratio-subject"
    CATENATIVE_CHAIN = "catenative-chain"
    OF_PHRASE_SUBJECT = "of-phrase-subject"
    RESTRICTIVE_RELATIVE_SUBJECT = "restrictive-relative-subject"
    ADJUNCT_SUBJECT = "adjunct-subject"
    SUBJECT_NOUN_CUE = "subject-noun-cue"
    SUBJECT_AFTER_LEAD_PHRASE = "subject-after-lead-phrase"
    DATELINE_SUBJECT = "dateline-subject"
    TIME_LEAD = "time-lead"
    SUBORDINATE_LEAD = "subordinate-lead"
    # stage syntax
    DEP_CCOMP = "dep-ccomp"
    DEP_PARATAXIS = "dep-parataxis"
    DEP_AS_CUE = "dep-as-cue"
    DEP_XCOMP = "dep-xcomp"
    DEP_CUE_PARATAXIS = "dep-cue-parataxis"
    DEP_ACCORDING_TO = "dep-according-to"
    DEP_SURFACE_FALLBACK = "dep-surface-fallback"
    # stage speaker (quoteattr.dialogue: quotes with no cue and no speaker mention)
    LINKED_QUOTE = "linked-quote"
    DESCRIBED_SPEAKER = "described-speaker"
    BEAT = "beat"
    BEAT_BEFORE = "beat-before"
    VOCATIVE = "vocative"
    TURN_TAKING = "turn-taking"
    TURN_TAKING_BACK = "turn-taking-back"
    FOLLOW_ON = "follow-on"
    EXCHANGE = "exchange"


@attrs.frozen(kw_only=True)
class RuleSpec:
    """One registered rule.

    Args:
        rule: its name.
        stage: when it runs.
        confidence: the base confidence of the candidates it proposes, or
            ``None`` for a rule that proposes none (a filter, a cut).
        example: one example sentence, content in ⟦ ⟧ where it has one.
        summary: what the rule does, in one line.
        func: the pattern function, for the stages that run functions.
    """

    rule: Rule
    stage: Stage
    confidence: float | None
    example: str
    summary: str = ""
    func: Callable[..., Any] | None = attrs.field(default=None, eq=False, repr=False)


_SPECS: dict[Rule, RuleSpec] = {}
_CONFIDENCE: dict[Rule, float] = {}  # (the hot lookup of confidence())

#: The order in which the pattern functions of each stage run: a function
#: returns True to stop the stage for its item (the region or cue is
#: handled, or filtered out), False to let the next one try.
ORDER: dict[Stage, tuple[Rule, ...]] = {
    Stage.PARAGRAPH: (Rule.TRANSCRIPT_SPEAKER, Rule.HEADLINE_COLON),
    Stage.REGION: (Rule.QUOTE_SPEAKER_CUE, Rule.QUOTE_DASH_SPEAKER, Rule.SPEAKER_COLON_QUOTE),
    Stage.CUE: (
        Rule.CAPITALISED_CUE,
        Rule.NOUN_CUE,
        Rule.ACCORDING_TO,
        Rule.NON_VERB_CUE,
        Rule.INTRANSITIVE_CUE,
        Rule.TALK_ABOUT,
        Rule.CHANT_QUOTE,
        Rule.READ_CUE,
        Rule.PUT_IT,
        Rule.ASKED_QUESTION,
        Rule.SAYING_CLAUSE,
        Rule.PASSIVE_DECLARED,
        Rule.PASSIVE_CUE,
        Rule.PARENTHETICAL_CUE,
        Rule.CLAUSE_SUBJECT_CUE,
        Rule.CLAUSE_CUE_SUBJECT,
        Rule.COORDINATED_CUE,
        Rule.COLON_QUOTE,
        Rule.OBJECT_TO_INFINITIVE,
        Rule.CALL_FOR,
        Rule.CALL_OBJECT_PREDICATE,
        Rule.SPEAK_ABOUT,
        Rule.PREPOSITION_TOPIC,
        Rule.DESCRIBED_OBJECT_AS,
        Rule.DESCRIBED_AS,
        Rule.CUE_TO_INFINITIVE,
        Rule.SUBJECT_CUE_OBJECT,
        Rule.SUBJECT_CUE_CLAUSE,
    ),
    Stage.BARE: (Rule.DIRECT_BARE,),
    Stage.ADJUST: (Rule.HEADLINE, Rule.THOUGHT_CLAUSE),
    # (run by quoteattr.dialogue.attribute_uncued, after coreference)
    Stage.SPEAKER: (
        Rule.LINKED_QUOTE,
        Rule.DESCRIBED_SPEAKER,
        Rule.BEAT,
        Rule.BEAT_BEFORE,
        Rule.VOCATIVE,
        Rule.TURN_TAKING,
    ),
}
#: The stages of the rule engine, in the order they run (then ``settle``):
#: a paragraph at a time, a quoted region at a time, a cue outside quotes at
#: a time, the regions left over, then each candidate.
STAGES = (Stage.PARAGRAPH, Stage.REGION, Stage.CUE, Stage.BARE, Stage.ADJUST)


def declare(rule: Rule, stage: Stage, *, example: str, confidence: float | None = None, summary: str = "") -> RuleSpec:
    """Register a rule that is not a pattern function of its own.

    Raises:
        ValueError: when *rule* is registered already.
    """
    if rule in _SPECS:
        raise ValueError(f"rule {rule.value!r} is registered twice")
    s = RuleSpec(rule=rule, stage=stage, confidence=confidence, example=example, summary=summary)
    _SPECS[rule] = s
    if confidence is not None:
        _CONFIDENCE[rule] = confidence
    return s


def register(
    rule: Rule, stage: Stage, *, example: str, confidence: float | None = None, summary: str = ""
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: register *func* as the pattern function of *rule*.

    The summary defaults to the first paragraph of the function's
    docstring. See ``CONTRIBUTING.md`` for a pattern added this way.

    Raises:
        ValueError: when *rule* is registered already.
    """

    def deco(func: Callable[..., Any]) -> Callable[..., Any]:
        doc = summary or (func.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        declare(rule, stage, example=example, confidence=confidence, summary=" ".join(doc.split()))
        _SPECS[rule] = attrs.evolve(_SPECS[rule], func=func)
        return func

    return deco


def spec(rule: Rule) -> RuleSpec:
    """The registered entry of *rule*.

    Raises:
        KeyError: when the module that registers *rule* is not imported.
    """
    return _SPECS[rule]


def confidence(rule: Rule) -> float:
    """The base confidence of *rule* (a rule that proposes candidates).

    Raises:
        KeyError: when *rule* is not registered or has no confidence.
    """
    return _CONFIDENCE[rule]


def specs() -> list[RuleSpec]:
    """Every registered rule, in :class:`Rule` order."""
    return [_SPECS[r] for r in Rule if r in _SPECS]


def functions(stage: Stage) -> tuple[Callable[..., Any], ...]:
    """The pattern functions of *stage*, in :data:`ORDER`.

    Raises:
        LookupError: when a rule of the order has no function registered.
    """
    out = []
    for r in ORDER[stage]:
        s = _SPECS.get(r)
        if s is None or s.func is None:
            raise LookupError(f"rule {r.value!r} of stage {stage.value!r} has no registered function")
        out.append(s.func)
    return tuple(out)


def markdown() -> str:
    """The rule table of ``docs/rules.md`` (between its registry markers)."""
    lines = [
        "| rule | stage | order | base confidence | example | what it does |",
        "|---|---|---|---|---|---|",
    ]
    for s in specs():
        order = ORDER.get(s.stage, ())
        pos = str(order.index(s.rule) + 1) if s.rule in order else "-"
        conf = "-" if s.confidence is None else f"{s.confidence:g}"
        example = s.example.replace("|", "\\|")
        summary = s.summary.replace("|", "\\|")
        lines.append(f"| `{s.rule.value}` | {s.stage.value} | {pos} | {conf} | {example} | {summary} |")
    return "\n".join(lines) + "\n"
