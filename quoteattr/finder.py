"""The state the reporting patterns of the rule engine share for one document.

:class:`Finder` holds the document's :class:`~quoteattr.index.DocIndex`, the
clause reader, the candidates proposed so far and what they used (regions,
cues, sentences), and the helpers more than one pattern calls. The patterns
themselves are functions in :mod:`quoteattr.patterns_regions` and
:mod:`quoteattr.patterns_cues`; :mod:`quoteattr.rules` runs them.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable

import regex

from .bitset import BitSet
from .candidates import Candidate, trim
from .chunker import (
    DETERMINERS,
    FUNCTION_WORDS,
    PRONOUNS,
    norm,
    np_left,
    np_right,
)
from .clause_starts import skip_to_late_that
from .clauses import (
    OBJECT_CUES,
    THAT_RE,
    TRAILING,
    VERBLIKE,
    ClauseReader,
    clause_ok,
    coordinated_cuts,
    last_nonspace,
    skip_adjuncts,
    skip_object,
    skip_ws,
)
from .cue_adjuncts import skip_duration
from .cue_nouns import noun_context
from .cues import CueMatch
from .index import DocIndex
from .marks import QuoteRegion
from .registry import Rule, Stage, declare
from .text import TOKEN_RE

__all__ = ["Finder", "speaker_bonus"]

Pair = tuple[int, int]

#: Added to a rule's base confidence: no speaker found, a pronoun, a name.
NO_SPEAKER = -0.2
PRONOUN_SPEAKER = 0.0
NAMED_SPEAKER = 0.05

_TO_QUOTE_RE = regex.compile(r"[ \t]*[,:][ \t]*[\"“‘'«„]")


def speaker_bonus(text: str, sp: Pair | None) -> float:
    """What a speaker adds to a base confidence: a name more than a pronoun,
    no speaker a penalty ('"Q," Lavrov said.' 0.95, '"Q," he said.' 0.9)."""
    if sp is None:
        return NO_SPEAKER
    return PRONOUN_SPEAKER if norm(text[sp[0] : sp[1]]) in PRONOUNS else NAMED_SPEAKER


declare(
    Rule.ADJUNCT_SUBJECT,
    Stage.PHRASE,
    example="Here in Leeds, Okafor stepped up his attack, saying … → `Okafor`",
    summary="after an opening adjunct and its comma, the noun phrase before a verb is the sentence's subject",
)

declare(
    Rule.SUBJECT_NOUN_CUE,
    Stage.PHRASE,
    example="He laid out his plan for fighting the Islamic State, stating … → `He`",
    summary="the sentence's subject is read before a cue verb, never before a cue word that is a noun there",
)
declare(
    Rule.SUBJECT_AFTER_LEAD_PHRASE,
    Stage.PHRASE,
    example="For months, Obama has stayed on the sidelines, arguing … → `Obama`",
    summary="when no noun phrase opens the sentence, its subject is the one after the lead phrase's comma",
)

declare(
    Rule.ADVERB_BEFORE_CUE,
    Stage.CUE,
    example="Her supporters still question whether … : 'question' is a verb, not a noun",
    summary="a base or -s cue after an adverb is read by the word before the adverb when that word can end a subject",
)

declare(
    Rule.SAY_VERB,
    Stage.CUE,
    example="Those surveyed say ⟦the tram is too slow⟧; not: the final say, than, say, a bus",
    summary="'say' is a noun only after an article, a possessive or a word of amount; ', say,' is 'for example'",
)

declare(
    Rule.BASE_CUE_THAT,
    Stage.CUE,
    example="Bakers, for their part, argue that ⟦flour prices doubled⟧; not: the debunked claim that …",
    summary="a base cue form that 'that' follows is a verb unless a determiner or preposition comes just before it",
)

declare(
    Rule.DATELINE_SUBJECT,
    Stage.PHRASE,
    example="LEEDS, May 3 (Wire) — The harbour board raised fares, saying … → `The harbour board`",
    summary="a dateline with an agency in brackets or a place in capitals, up to its dash, opens no subject",
)
declare(
    Rule.TIME_LEAD,
    Stage.PHRASE,
    example="Hours later, the mayor closed the pier, saying … → `the mayor`",
    summary="a time phrase or -ly adverb that opens the sentence: the subject is the noun phrase after its comma",
)
declare(
    Rule.SUBORDINATE_LEAD,
    Stage.PHRASE,
    example="When Ode pointed out that …, the mayor shut it, saying … → `the mayor`",
    summary="a cue inside a leading 'when/while/as/if ...' clause does not give the sentence's subject",
)

#: Words that open a lead phrase, not a subject (rule subject-after-lead-phrase):
#: the prepositions and subordinators of np_function_words.txt, less the
#: coordinators, which open a sentence before its subject ("But the board ...").
_LEAD_WORDS = FUNCTION_WORDS - {"and", "but", "or", "nor", "so", "yet"}

#: Sentence openers of an adjunct before the subject (rule adjunct-subject).
_ADJUNCT_OPENERS = frozenset(
    ["in", "on", "at", "after", "before", "during", "here", "there", "since", "earlier", "later", "last", "this"]
)


#: Rule ``dateline-subject``: a news dateline before the first sentence
#: ("WASHINGTON, Dec. 8 (UPI) — ", "Washington (AFP) – ", "PORTO ALEGRE, Brazil — "); it counts only
#: with an agency in brackets or a place in capitals.
_DATELINE_RE = regex.compile(
    r"(?P<place>\p{Lu}[\p{L}.'’ ]{1,30}?)"
    r"(?:,\s*(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?))?\s*"
    r"(?P<agency>\([\p{L}. ]{2,25}\))?\s*(?:—|–|--|-)\s+"
)
#: Rule ``subordinate-lead``: words that open a leading subordinate clause.
_SUBORDINATORS = frozenset(["when", "while", "as", "after", "before", "if", "although", "though", "because", "since"])
#: Rule ``time-lead``: time nouns and adverbs that open a sentence before
#: its subject ("Hours later, ...", "Moments after the vote, ...").
_TIME_LEADS = frozenset(["hours", "days", "weeks", "months", "years", "moments", "minutes", "meanwhile", "later"])


#: Guard ``subject-scan-cap``: :meth:`Finder.sentence_subject` reads the noun
#: phrase before at most this many cue verbs of the sentence. In prose the
#: subject stands before the first or second one ("The mayor said ... and
#: later told ..."); a run of cue words ("said said said ...") would
#: otherwise cost a noun-phrase read per cue word for every cue.
_SUBJECT_CUES_TRIED = 4


def _comma_after(text: str, toks: list[Pair], i: int) -> int | None:
    """The index of the first comma token of *toks* from *i* on, or None."""
    return next((j for j in range(i, len(toks)) if text[toks[j][0] : toks[j][1]] == ","), None)


# Guard ``lead-connective``: a clause before its cue that opens the sentence
# with a connective and a comma ("Still, most voters back the plan,
# according to the poll") or a dateline ("LEEDS (Reuters) - The mill will
# close, its owner said") starts after them: they are the writer's words.
# ("LEEDS -", "LEEDS (Reuters) -", "PORTO ALEGRE, Brazil —", "ORLANDO, Fla. (AP) —"; capitals: no (?i) here)
_DATELINE = r"\p{Lu}[\p{Lu}\s.]+(?:,\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)?(?:\s*\([^)]{1,30}\))?\s+[-—–]+\s+"
_LEAD_RE = regex.compile(
    r"(?i:(?:still|nevertheless|nonetheless|even so|in fact|meanwhile|indeed|instead|moreover|furthermore"
    r"|besides|in addition|of course)\s*,\s*)|" + _DATELINE
)


class Finder:
    """All candidates of one document, and what proposing them used."""

    def __init__(self, doc: DocIndex) -> None:
        self.doc = doc
        self.text = doc.text
        self.clauses = ClauseReader(doc)
        # np_left's answers at the cue starts, two offsets a cue (-2: not read
        # yet, -1: none); other positions in a dict (issue 18: a dict of
        # tuples held 6 times the input on a text of short quotes)
        self._cue_subjects = array("q", [-2]) * (2 * len(doc.cues))
        self._subjects: dict[int, Pair | None] = {}
        self.clauses.next_cue_cuts = coordinated_cuts(doc, self.subject_before)
        # (bits, not sets of ints: 8 times the input on a text of short quotes, issue 18)
        self.used_cues = BitSet(len(doc.text) + 1)  # cue starts
        self.cued_sentences = BitSet(len(doc.text) + 1)  # starts of sentences holding a candidate's cue
        self.used_regions = BitSet(len(doc.regions))
        self.out: list[Candidate] = []

    # --- lookups -----------------------------------------------------------------
    def subject_before(self, pos: int) -> Pair | None:
        """``np_left`` from the start of the sentence holding *pos* (memoised:
        rules ``cut-next-attribution`` and ``subject-cue-clause`` both ask)."""
        starts = self.doc.cue_starts
        i = bisect.bisect_left(starts, pos)
        if i == len(starts) or starts[i] != pos:
            if pos not in self._subjects:
                self._subjects[pos] = np_left(self.doc, self.doc.sentence(pos)[0], pos)
            return self._subjects[pos]
        memo = self._cue_subjects
        a = memo[2 * i]
        if a == -2:
            sp = np_left(self.doc, self.doc.sentence(pos)[0], pos)
            memo[2 * i], memo[2 * i + 1] = (-1, -1) if sp is None else sp
            return sp
        return None if a == -1 else (a, memo[2 * i + 1])

    def region_parts(self, r: QuoteRegion) -> list[Pair]:
        """A region's parts without the spaces at their ends."""
        parts = [trim(self.text, a, b) for a, b in r.parts]
        return [p for p in parts if p[0] < p[1]]

    # --- proposing ------------------------------------------------------------------
    def add(
        self, parts: list[Pair], rule: Rule, conf: float, cue: CueMatch | None = None, speaker: Pair | None = None
    ) -> None:
        """Propose a candidate (empty parts are dropped; confidence at most 1)."""
        # (copied to its exact size: a comprehension leaves room for four)
        parts = [p for p in parts if p[0] < p[1]].copy()
        if not parts:
            return
        self.out.append(
            Candidate(
                parts=parts,
                rule=rule,
                confidence=min(1.0, conf),
                cue=None if cue is None else (cue.start, cue.end),
                cue_class=None if cue is None else cue.cue_class,
                speaker=speaker,
            )
        )
        if cue is not None:
            self.used_cues.add(cue.start)
            self.cued_sentences.add(self.doc.sentence(cue.start)[0])

    def use_region(self, r: QuoteRegion) -> None:
        self.used_regions.add(self.doc.region_index(r))

    # --- shared by several patterns ---------------------------------------------
    def cue_after(self, r: QuoteRegion, limit: int) -> tuple[CueMatch, Pair | None, Rule, int] | None:
        """A cue right after a quote: ', X said' or ', said X' (nothing else between).

        Rule ``forward-attachment``: a cue followed by a comma or colon and
        another quote belongs to that quote when the first quote ended a
        sentence: '"... change." She adds, "What kind of genius ..."'.
        """
        text = self.text
        qb = r.outer[1]
        content_end = text[max(0, r.end - 4) : r.end].rstrip()
        ends_sentence = content_end.endswith((".", "!", "?")) and not content_end.endswith("...")
        # Rule ``new-sentence-cue``: '... as "a costly mistake." He said the
        # city had spent ...' -- a quote that ends with a full stop does not
        # take the cue of the next sentence.
        if content_end.endswith(".") and self.doc.sentence(skip_ws(text, qb, limit))[0] >= qb:
            return None
        skipped = False
        for cue in self.doc.cues_between(qb, limit):
            gap = text[qb : cue.start]
            if len(gap) > 200 or "\n" in gap.strip(" \t,"):
                return None
            # Guard ``cue-noun-subject``: '"A," the statement said.' /
            # '"A," the report stated.' -- a cue word that is the subject's
            # noun is passed over for the verb after it, when that verb ends
            # its clause (not '"Show," the secretary of state said she ...').
            words_between = gap.strip(" \t\u00a0,") != ""
            if words_between and (cue.type == "noun" or self.noun_cue(cue, qb)):
                skipped = True
                continue
            if cue.type not in VERBLIKE:
                return None
            if not words_between:
                # '"Q," said Peskov.' / '"Q," he said'  (cue first)
                sp = np_right(self.doc, skip_ws(text, cue.end, limit), limit)
                if sp is None:
                    return None
                return cue, sp, Rule.QUOTE_CUE_SPEAKER, sp[1]
            hit = self._speaker_cue_after(qb, cue, limit, ends_sentence and "," not in gap)
            if skipped and hit is not None and not self.ends_clause(hit[3], self.doc.sentence(cue.start)[1]):
                return None
            return hit
        return None

    def _speaker_cue_after(
        self, qb: int, cue: CueMatch, limit: int, check_forward: bool
    ) -> tuple[CueMatch, Pair | None, Rule, int] | None:
        """'"Q," Lavrov told journalists.': the speaker before the cue."""
        text = self.text
        sp = np_left(self.doc, qb, cue.start)
        if sp is None or text[qb : sp[0]].strip(" \t\u00a0,") != "":
            return None
        end = cue.end
        if cue.lemma in OBJECT_CUES and cue.type == "verb":
            end = skip_object(self.doc, skip_ws(text, cue.end, limit), limit, cue.lemma)
        # the cue must not go on to report a clause of its own:
        # '"... health." Mr. Miles affirmed that he would do well.'
        after = skip_ws(text, skip_adjuncts(text, end, limit), limit)
        if THAT_RE.match(text, after, min(limit, after + 6)):
            return None
        if check_forward:
            after = skip_adjuncts(text, end, limit)
            if _TO_QUOTE_RE.match(text, after, min(len(text), after + 6)):
                return None
        return cue, sp, Rule.QUOTE_SPEAKER_CUE, end

    def in_name(self, cue: CueMatch, sa: int) -> bool:
        """The cue word is capitalised inside its sentence (starting at *sa*):
        part of a name ("the Islamic State", "Says Law"), not a verb."""
        return cue.start > sa and self.text[cue.start].isupper()

    def noun_context(self, cue: CueMatch, sa: int) -> bool:
        """True when the words before a base or -s cue form make it a noun
        (:func:`quoteattr.cue_nouns.noun_context`)."""
        return noun_context(self.doc, cue, sa)

    def noun_cue(self, cue: CueMatch, sa: int) -> bool:
        """A verb-like cue in its base or -s form that its context makes a
        noun (:meth:`noun_context`: "his comments", "a state law")."""
        return cue.type in VERBLIKE and cue.form_kind in ("base", "3sg") and self.noun_context(cue, sa)

    def ends_clause(self, pos: int, sb: int) -> bool:
        """True when only adjuncts and final punctuation follow *pos* in the sentence."""
        text = self.text
        p = skip_ws(text, skip_adjuncts(text, pos, sb), sb)
        if p >= sb or text[p] in ",;":
            return True
        return text[p] in ".!?" and skip_ws(text, p + 1, sb) >= sb

    def clause_before(
        self,
        cue: CueMatch,
        sp: Pair,
        sa: int,
        comma: int,
        rule: Rule,
        base: float,
        ok: Callable[[DocIndex, int, int], bool] = clause_ok,
    ) -> None:
        """Propose the clause that ends at *comma* before the cue ('Moscow will respond, Peskov said'),
        without a leading connective or dateline (guard ``lead-connective``); *ok* tells a clause."""
        text = self.text
        a = sa
        # the clause may be a quote that began in an earlier sentence
        r = self.doc.region_at(max(sa, comma - 1))
        if r is not None and r.outer[0] < a:
            a = r.outer[0]
        a, b = trim(text, a, comma, TRAILING)
        if b <= a or not ok(self.doc, a, b):
            return
        if a == sa:
            m = _LEAD_RE.match(text, a, b)
            if m is not None:
                a = m.end()
        parts = self.clauses.content_parts(a, b)
        self.add(parts, rule, base + speaker_bonus(text, sp), cue, sp)

    def _subject_after_adjunct(self, sa: int, limit: int) -> Pair | None:
        """Rule ``adjunct-subject``: a sentence that opens with an adjunct
        ("In a statement on Friday, the guild ...", "Here in Leeds, Okafor
        ...") has its subject right after the adjunct's comma: the noun
        phrase there, when it opens with a name or determiner and a verb
        follows it. None otherwise."""
        text = self.text
        toks = self.doc.tokens(sa, min(limit, sa + 120))
        if not toks or norm(text[toks[0][0] : toks[0][1]]) not in _ADJUNCT_OPENERS:
            return None
        k = next((i for i, t in enumerate(toks) if text[t[0] : t[1]] in ",;:"), None)
        if k is None or text[toks[k][0] : toks[k][1]] != "," or k + 1 >= len(toks):
            return None
        a = toks[k + 1][0]
        first = text[toks[k + 1][0] : toks[k + 1][1]]
        if not (first[:1].isupper() or norm(first) in DETERMINERS):
            return None
        sp = np_right(self.doc, a, limit)
        if sp is None or sp[0] != a:
            return None
        nxt = TOKEN_RE.search(text, sp[1], min(limit, sp[1] + 40))
        if nxt is None or nxt.group() in ",;:" or nxt.group()[:1].isupper():
            return None
        return sp

    def sentence_subject(self, sa: int, limit: int) -> Pair | None:
        """The subject of the sentence: the noun phrase before its first cue
        verb, or its first noun phrase (after a leading participial phrase)."""
        text = self.text
        sa = max(sa, limit - 400)  # the subject is near: keeps long sentences linear
        # rule dateline-subject: "WASHINGTON, Dec. 8 (UPI) — The mayor ...":
        # the sentence starts after a dateline
        m = _DATELINE_RE.match(text, sa, limit)
        if m is not None and (m.group("agency") or m.group("place").isupper()):
            sa = m.end()
        sp = self._subject_after_adjunct(sa, limit)
        if sp is not None:
            return sp
        toks0 = self.doc.tokens(sa, min(limit, sa + 20))
        # rule subordinate-lead: "When Ode pointed out that ..., Kim
        # seized on it, repeating ...": a cue inside a leading subordinate
        # clause is not the sentence's
        lead_end = -1
        if toks0 and norm(text[toks0[0][0] : toks0[0][1]]) in _SUBORDINATORS:
            lead_end = text.find(",", sa, limit)
        tried = 0
        for c in self.doc.cues_between(sa, limit):
            if c.start < lead_end:
                continue
            if c.type in VERBLIKE and c.form_kind != "gerund":
                # rule subject-noun-cue: "He laid out a plan for fighting the
                # Islamic State, stating ...": a base or -s cue word that is a
                # noun in its context ("a sharp retort", "a private email") or
                # capitalised inside the sentence ("State") is no verb whose
                # subject is the sentence's (that is "He")
                if self.noun_cue(c, sa) or (c.form_kind in ("base", "3sg") and self.in_name(c, sa)):
                    continue
                sp = np_left(self.doc, sa, c.start)
                if sp is not None:
                    return sp
                tried += 1
                if tried == _SUBJECT_CUES_TRIED:
                    break
        toks = self.doc.tokens(sa, limit)
        # first NP of the sentence, skipping a leading participial phrase
        k = 0
        if toks and text[toks[0][0] : toks[0][1]].lower().endswith("ing"):
            comma = _comma_after(text, toks, 0)
            if comma is not None:
                k = comma + 1
        if k < len(toks):
            first = norm(text[toks[k][0] : toks[k][1]])
            # rule time-lead: "Hours later, Trump returned ...", "Shortly
            # after the vote, the families ...": a time phrase opens the
            # sentence, the subject follows its comma
            # (when nothing follows the time phrase's comma, its first noun
            # phrase stays the guess, as before)
            time_lead = first in _TIME_LEADS or (first.endswith("ly") and k + 1 < len(toks))
            sp = None if first in _LEAD_WORDS or time_lead else np_right(self.doc, toks[k][0], limit)
            if sp is not None:
                return sp
            # rule subject-after-lead-phrase: "For months, Obama has been on
            # the sidelines, arguing ...": no noun phrase opens the sentence
            # (or a preposition or subordinator does: "Without a word, ..."),
            # so the subject is the one after the lead phrase's comma
            comma = _comma_after(text, toks, k + 1)
            if comma is not None and comma + 1 < len(toks):
                sp = np_right(self.doc, toks[comma + 1][0], limit)
            if sp is None and time_lead:
                sp = np_right(self.doc, toks[k][0], limit)
            return sp
        return None


class CueItem:
    """A cue outside quotes, its sentence, and the subject and clause opening
    that its patterns find (each found once, by the first pattern that asks)."""

    __slots__ = ("_opening", "_prev", "_reported", "cue", "sa", "sb", "speaker", "subjectless")

    def __init__(self, f: Finder, cue: CueMatch) -> None:
        self.cue = cue
        self.sa, self.sb = f.doc.sentence(cue.start)
        #: the speaker, set by rule coordinated-cue
        self.speaker: Pair | None = None
        #: set by rule subjectless-cue: no speaker, the cue still reports
        self.subjectless = False
        self._prev: tuple[int, str] | None = None
        self._opening: tuple[int, str] | None = None
        self._reported: tuple[Pair, bool, bool] | bool | None = False  # (False: not read yet)

    def prev(self, f: Finder) -> tuple[int, str]:
        """The offset after the last non-space before the cue, and up to 80
        characters of the sentence before it."""
        if self._prev is None:
            prev_end = last_nonspace(f.text, self.sa, self.cue.start)
            self._prev = prev_end, f.text[max(self.sa, prev_end - 80) : prev_end]
        return self._prev

    def opening(self, f: Finder) -> tuple[int, str]:
        """Where the reported words begin after the cue, its adjuncts and
        its addressee, and the 40 characters from there."""
        if self._opening is None:
            text, cue, sb = f.text, self.cue, self.sb
            pos = skip_adjuncts(text, cue.end, sb)
            # guard duration-adjunct: "said for months that ..." (quoteattr.cue_adjuncts)
            pos = skip_adjuncts(text, skip_duration(text, pos, sb), sb)
            addressee = cue.lemma in OBJECT_CUES and cue.type == "verb"
            if addressee:
                pos = skip_object(f.doc, skip_ws(text, pos, sb), sb, cue.lemma)
                pos = skip_adjuncts(text, pos, sb)
            start = skip_ws(text, pos, sb)
            start = skip_to_late_that(f.doc, start, sb, addressee)
            self._opening = start, text[start : min(sb, start + 40)]
        return self._opening
