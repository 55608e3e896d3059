"""Dependency rules over a parsed annotation (stanza engine, gold CoNLL-U).

The rules read only :class:`~quoteattr.annotations.Annotation` (tokens with
lemma, UPOS, document-level heads and UD relations) and the quoted regions
of :mod:`quoteattr.marks`; they never see stanza. Parse shapes follow UD and
GUM conventions (see ``docs/engines.md``):

* ``dep-ccomp``: a cue verb (by lemma, from ``reporting_verbs.txt``) with a
  ``ccomp`` clause: ``Peskov told reporters that Moscow would respond``:
  speaker = the ``nsubj`` subtree, content = the ``ccomp`` subtree minus its
  ``mark`` "that";
* ``dep-parataxis``: a fronted quote whose verb is the root, with the cue
  hanging from it as ``parataxis``: ``"We still hope," he said.``; content =
  the root's subtree minus the cue's;
* ``dep-cue-parataxis``: ``He said: "We will respond."`` -- the quoted
  clause hangs from the cue as ``parataxis``;
* ``dep-as-cue``: ``As Heald told the Post, "The projections are
  consistent."`` -- the cue clause, opened by "as", modifies the content;
* ``dep-xcomp``: ``Russia has threatened to retaliate`` -- an intention or
  promise (low confidence);
* ``dep-according-to``: ``According to X, the economy grew``: X is an
  ``obl`` with ``case`` "according"; content = the clause X modifies;
* a quoted region that the content falls in (or that covers the content's
  words) replaces the content, so a quote running over several sentences is
  kept whole and its marks are left out.

The speaker is the whole ``nsubj`` noun phrase (appositives included:
"Steve Whitmore, a representative for the LA Sheriff's office"), cut so it
never crosses the cue. A cue verb coordinated with another (``conj``) takes
that verb's subject ("tweeted to Mohamed and said ..."). Speakers are
resolved to entities later, in :mod:`quoteattr.coref`, through the
annotation's coreference chains.

Quoted regions that no dependency rule attaches (a quote paragraph with no
cue, a headline quote) are left to the surface rules of
:mod:`quoteattr.rules`: their wholly quoted candidates are added where they
do not overlap a dependency candidate (rule ``dep-surface-fallback``).
"""

from __future__ import annotations

from collections.abc import Sequence

from . import rules
from .annotations import Annotation, Tokens
from .candidates import Candidate, kind_of, trim
from .errors import MissingAnnotationError
from .index import DocIndex
from .marks import QuoteRegion
from .model import CueClass, QuoteKind
from .registry import Rule, Stage, confidence, declare
from .settle import merge_fallback

__all__ = ["CUE_LEMMAS", "INFINITIVE_CUES", "ParseFinder", "cue_class_of", "find_candidates"]

Pair = tuple[int, int]

# Fallback cue lemmas for when the reporting-verb lexicon is absent: the
# commonest news speech verbs ("said", "told", "added") and thought verbs.
_FALLBACK_SPEECH = frozenset(
    [
        "say",
        "tell",
        "add",
        "explain",
        "state",
        "announce",
        "claim",
        "report",
        "note",
        "argue",
        "suggest",
        "confirm",
        "warn",
        "insist",
        "deny",
        "admit",
        "reply",
        "respond",
        "write",
        "tweet",
        "comment",
        "declare",
        "describe",
        "ask",
        "acknowledge",
        "stress",
    ]
)
_FALLBACK_THOUGHT = frozenset(["believe", "think", "hope", "fear", "expect", "feel", "know"])


def _load_cue_lemmas() -> dict[str, CueClass]:
    try:
        from .cues import VERBS
    except (ImportError, OSError, ValueError):
        out = dict.fromkeys(_FALLBACK_SPEECH, CueClass.SPEECH)
        out.update(dict.fromkeys(_FALLBACK_THOUGHT, CueClass.THOUGHT))
        return out
    return {lemma: entry.cue_class for lemma, entry in VERBS.items()}


#: Cue verb lemma -> speech or thought.
CUE_LEMMAS: dict[str, CueClass] = _load_cue_lemmas()

# UPOS tags a cue verb can have ("said" VERB; "says" mis-tagged NOUN is not a
# cue: it would need a subject and a clause anyway).
_CUE_UPOS = frozenset({"VERB"})
# Relations that make a noun phrase the speaker: the active subject.
_SUBJECT_RELS = ("nsubj",)
# Relations of a reported clause under the cue.
_CLAUSE_RELS = ("ccomp",)
# Words that introduce a reported clause and are not part of the content.
_MARK_LEMMAS = frozenset({"that"})
# Characters stripped from the ends of content: spaces and quote marks
# (marks are never part of content), and for indirect content the clause
# punctuation (", ;:") left by the parse.
_QUOTE_CHARS = "\"“”„«»＂'‘’‚‹›`"
_TRIM_CONTENT = " \t\r\n\u00a0,;:"
_TRIM_SPEAKER = " \t\r\n\u00a0,;:-–—(" + _QUOTE_CHARS

declare(
    Rule.DEP_CCOMP,
    Stage.SYNTAX,
    confidence=0.9,
    example="Peskov told reporters that ⟦Moscow would respond⟧.",
    summary="a cue verb with a ccomp clause; speaker: the nsubj subtree",
)
declare(
    Rule.DEP_PARATAXIS,
    Stage.SYNTAX,
    confidence=0.85,
    example='"⟦We still hope,⟧" he said.',
    summary="a fronted quote whose verb is the root, the cue hanging from it as parataxis",
)
declare(
    Rule.DEP_AS_CUE,
    Stage.SYNTAX,
    confidence=0.85,
    example='As Heald told the Post, "⟦The projections are consistent.⟧"',
    summary="the cue clause, opened by 'as', modifies the content",
)
declare(
    Rule.DEP_XCOMP,
    Stage.SYNTAX,
    confidence=0.35,
    example="Russia has threatened ⟦to retaliate⟧.",
    summary="an intention or promise: a cue of the infinitive list with an xcomp 'to' clause",
)
declare(
    Rule.DEP_CUE_PARATAXIS,
    Stage.SYNTAX,
    confidence=0.85,
    example='He said: "⟦We will respond.⟧"',
    summary="the quoted clause hangs from the cue as parataxis",
)
declare(
    Rule.DEP_ACCORDING_TO,
    Stage.SYNTAX,
    confidence=0.8,
    example="According to X, ⟦the economy grew⟧.",
    summary="X is an obl with case 'according'; content: the clause X modifies",
)

# Confidences: a subject + clause parse is the strongest evidence; a cue with
# no subject ("was said to") or a thought verb ("believes") is weaker.
CONF_CCOMP = confidence(Rule.DEP_CCOMP)
CONF_PARATAXIS = confidence(Rule.DEP_PARATAXIS)
CONF_ACCORDING = confidence(Rule.DEP_ACCORDING_TO)
CONF_NO_SPEAKER = 0.55
CONF_THOUGHT = 0.6
# An intention or promise ("threatened to retaliate") is a weak attribution.
CONF_XCOMP = confidence(Rule.DEP_XCOMP)

# Cue lemmas whose ``xcomp`` "to" + verb is reported (rule ``dep-xcomp``):
# "Russia has threatened to retaliate", "The government intends to hold two
# referendums".
INFINITIVE_CUES = frozenset(
    [
        "agree",
        "decline",
        "expect",
        "hope",
        "intend",
        "offer",
        "plan",
        "pledge",
        "promise",
        "refuse",
        "threaten",
        "vow",
        "want",
    ]
)


def cue_class_of(lemma: str) -> CueClass | None:
    """The cue class of a verb lemma, or ``None`` when it is not a cue verb."""
    return CUE_LEMMAS.get(lemma.lower())


class _Parse:
    """Children lists and subtree spans over the annotation's tokens."""

    def __init__(self, ann: Annotation) -> None:
        tok = ann.tokens
        if tok is None or not tok.has_parse or tok.lemma is None or tok.upos is None:
            raise MissingAnnotationError(
                f"dependency rules need tokens with lemma, upos, head and deprel; present: {sorted(ann.layers)}"
            )
        self.t: Tokens = tok
        self.text = ann.text
        n = len(tok)
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(tok.head):  # type: ignore[arg-type]
            if h is not None and 0 <= h < n and h != i:
                self.children[h].append(i)
        self.head: Sequence[int] = tok.head  # type: ignore[assignment]
        self.rel: Sequence[str] = tok.deprel  # type: ignore[assignment]
        self.lemma: Sequence[str] = tok.lemma
        self.upos: Sequence[str] = tok.upos

    def base_rel(self, i: int) -> str:
        return self.rel[i].split(":", 1)[0]

    def kids(self, i: int, *rels: str) -> list[int]:
        """Children of *i* whose relation (subtype ignored unless given) is in *rels*."""
        return [c for c in self.children[i] if self.rel[c] in rels or self.base_rel(c) in rels]

    def subtree(self, i: int, exclude: frozenset[int] = frozenset()) -> list[int]:
        seen: set[int] = set()
        stack = [i]
        while stack:
            j = stack.pop()
            if j in exclude or j in seen:
                continue  # a malformed parse may hold a cycle
            seen.add(j)
            stack.extend(self.children[j])
        return sorted(seen)

    def contiguous(self, i: int, members: set[int], stop: int | None = None) -> Pair:
        """Token range around *i* within *members*, not reaching *stop*."""
        a = b = i
        while a - 1 in members and a - 1 != stop:
            a -= 1
        while b + 1 in members and b + 1 != stop:
            b += 1
        return a, b

    def span(self, a: int, b: int) -> Pair:
        return self.t.starts[a], self.t.ends[b]

    def is_punct(self, i: int) -> bool:
        return self.upos[i] == "PUNCT"

    def is_gerund(self, i: int) -> bool:
        feats = self.t.feats[i] if self.t.feats is not None else ""
        xpos = self.t.xpos[i] if self.t.xpos is not None else ""
        return "VerbForm=Ger" in feats or ("VerbForm=Part" in feats and "Tense=Pres" in feats) or xpos == "VBG"


def _alnum_inside(text: str, a: int, b: int, r: QuoteRegion) -> tuple[int, int]:
    """(letters/digits of [a, b), how many of them lie inside region *r*)."""
    total = inside = 0
    for i in range(a, b):
        if text[i].isalnum():
            total += 1
            if any(pa <= i < pb for pa, pb in r.parts):
                inside += 1
    return total, inside


def _region_parts(text: str, r: QuoteRegion) -> list[Pair]:
    parts = [trim(text, a, b) for a, b in r.parts]
    return [p for p in parts if p[0] < p[1]]


class ParseFinder:
    """The dependency rules over one annotation (also read by :mod:`quoteattr.boundaries`)."""

    def __init__(self, ann: Annotation, index: DocIndex) -> None:
        self.ann = ann
        self.text = ann.text
        self.p = _Parse(ann)
        self.doc = index
        self.out: list[Candidate] = []

    # -- pieces ---------------------------------------------------------
    def speaker_of(self, cue: int) -> Pair | None:
        """Rule ``dep-nsubj-speaker``: the cue's ``nsubj`` noun phrase.

        The whole subtree (appositives and relative clauses included), cut at
        the cue and at a quoted region. Example: "Steve Whitmore, a
        representative for the LA Sheriff's office, told LA Weekly" ->
        "Steve Whitmore, a representative for the LA Sheriff's office".
        Rule ``dep-conj-subject``: a cue coordinated with a verb that has the
        subject inherits it ("Zuckerberg tweeted ... and said"), and so does
        a gerund cue in an adverbial clause ("He left, saying he was tired").
        """
        p = self.p
        subj = p.kids(cue, *_SUBJECT_RELS)
        subj = [s for s in subj if p.rel[s] != "nsubj:pass"]
        if (
            not subj
            and p.head[cue] >= 0
            and (p.base_rel(cue) == "conj" or (p.base_rel(cue) == "advcl" and p.is_gerund(cue)))
        ):
            subj = [s for s in p.kids(p.head[cue], *_SUBJECT_RELS) if p.rel[s] != "nsubj:pass"]
        if not subj:
            return None
        s = subj[0]
        members = set(p.subtree(s))
        a, b = p.contiguous(s, members, stop=cue)
        # a relative clause or a quote inside the subject is cut off at a
        # quoted region: the speaker never contains quoted words
        sa, sb = p.span(a, b)
        for r in self.doc.regions_overlapping(sa, sb):
            hs, he = p.span(s, s)
            if r.outer[1] <= hs:
                sa = max(sa, r.outer[1])
            elif r.outer[0] >= he:
                sb = min(sb, r.outer[0])
        sa, sb = trim(self.text, sa, sb, _TRIM_SPEAKER)
        return (sa, sb) if sa < sb else None

    def cue_span(self, cue: int) -> Pair:
        """Rule ``dep-cue-span``: the verb, its particle ("pointed out") and
        an addressee object right after it ("told LA Weekly", "told reporters")."""
        p = self.p
        a = b = cue
        extra = p.kids(cue, "compound:prt", "iobj")
        if p.kids(cue, *_CLAUSE_RELS):
            extra += [o for o in p.kids(cue, "obj") if p.upos[o] in ("NOUN", "PROPN", "PRON")]
        for k in sorted(extra):
            sub = p.subtree(k)
            if sub[0] == b + 1 and sub == list(range(sub[0], sub[-1] + 1)):
                b = sub[-1]
        return p.span(a, b)

    def clause_content(
        self, clause: int, exclude: frozenset[int] = frozenset(), keep_marks: bool = False
    ) -> list[Pair] | None:
        """Content of a reported clause: its subtree minus *exclude* and its
        leading ``mark`` "that" (rule ``dep-ccomp``), as one or two parts."""
        p = self.p
        toks = [i for i in p.subtree(clause, exclude)]
        marks = set() if keep_marks else {m for m in p.kids(clause, "mark") if p.lemma[m].lower() in _MARK_LEMMAS}
        toks = [i for i in toks if i not in marks or i > clause]
        # leading punctuation and a coordinator ("and this year the city
        # expects ...") are not part of what was reported
        while toks and (p.is_punct(toks[0]) or p.base_rel(toks[0]) == "cc"):
            toks.pop(0)
        while toks and p.is_punct(toks[-1]) and p.text[p.t.starts[toks[-1]]] not in ".!?…":
            toks.pop()
        if not toks:
            return None
        # contiguous runs of tokens (a hole where the cue clause sat: '"A," he said, "B."')
        parts: list[Pair] = []
        run_a = prev = toks[0]
        for i in toks[1:]:
            if i != prev + 1:
                parts.append(p.span(run_a, prev))
                run_a = i
            prev = i
        parts.append(p.span(run_a, prev))
        parts = [self.tidy(a, b) for a, b in parts]
        parts = [x for x in parts if x[0] < x[1]]
        return parts or None

    def tidy(self, a: int, b: int) -> Pair:
        """Rule ``dep-content-ends``: strip spaces and ", ; :" from both ends,
        a final "." outside quotes ("said it would go." -> "it would go"), and
        a quote mark whose partner lies outside the content; marks of a
        region wholly inside stay ('said it was "robbery"' keeps both)."""
        text = self.text
        while True:
            a, b = trim(text, a, b, _TRIM_CONTENT)
            if a >= b:
                return a, b
            if (text[b - 1] == "." and not self._quoted_at(b - 1)) or (
                text[b - 1] in _QUOTE_CHARS and not self._mark_kept(b - 1, a, b)
            ):
                b -= 1
            elif text[a] in _QUOTE_CHARS and not self._mark_kept(a, a, b):
                a += 1
            else:
                return self._close_open_quote(a, b)

    def _close_open_quote(self, a: int, b: int) -> Pair:
        """A quote opened inside the content and closed just after it (past
        only punctuation) is closed inside: 'a "support movement".' keeps
        its closing mark (rule ``dep-content-ends``)."""
        for r in self.doc.regions_overlapping(a, b):
            if r.close is not None and a <= r.open[0] < b <= r.close[0]:
                gap = self.text[b : r.close[0]]
                if all(not ch.isalnum() and not ch.isspace() for ch in gap):
                    return a, r.close[1]
        return a, b

    def _quoted_at(self, i: int) -> bool:
        return any(pa <= i < pb for r in self.doc.regions_overlapping(i, i + 1) for pa, pb in r.parts)

    def _mark_kept(self, i: int, a: int, b: int) -> bool:
        for r in self.doc.regions_overlapping(i, i + 1):
            if r.close is not None and a <= r.open[0] and r.close[1] <= b and i in (r.open[0], r.close[0]):
                return True
        return False

    def with_regions(self, parts: list[Pair], cue: Pair) -> tuple[list[Pair], bool]:
        """Rule ``dep-quote-region``: content whose words all lie in quoted
        regions becomes those regions' parts (marks out, whole multi-sentence
        quotes kept). Returns the parts and whether they are wholly quoted."""
        a, b = parts[0][0], parts[-1][1]
        regs = [r for r in self.doc.regions_overlapping(a, b) if not (r.outer[0] <= cue[0] < r.outer[1])]
        if not regs:
            return parts, False
        total = inside = 0
        for pa, pb in parts:
            for r in regs:
                _t, k = _alnum_inside(self.text, pa, pb, r)
                inside += k
            total += sum(ch.isalnum() for ch in self.text[pa:pb])
        if total and inside == total:
            out: list[Pair] = []
            for r in regs:
                out.extend(_region_parts(self.text, r))
            return sorted(set(out)), True
        return parts, False

    def add(
        self, parts: list[Pair], rule: Rule, conf: float, cue: Pair | None, cls: CueClass | None, speaker: Pair | None
    ) -> None:
        if not parts:
            return
        if speaker is not None and any(a < speaker[1] and speaker[0] < b for a, b in parts):
            return  # rule ``dep-speaker-outside-content``
        if cue is not None and any(a <= cue[0] and cue[1] <= b for a, b in parts):
            return
        self.out.append(Candidate(parts=parts, rule=rule, confidence=conf, cue=cue, cue_class=cls, speaker=speaker))

    # -- rules ------------------------------------------------------------
    def cue_verbs(self) -> None:
        p = self.p
        for i in range(len(p.lemma)):
            cls = cue_class_of(p.lemma[i])
            if cls is None or p.upos[i] not in _CUE_UPOS:
                continue
            if p.kids(i, "nsubj:pass") or p.kids(i, "aux:pass"):
                continue  # "is said to", "was quoted": no speaker in the clause
            cue = self.cue_span(i)
            speaker = self.speaker_of(i)
            base = CONF_CCOMP if cls is CueClass.SPEECH else CONF_THOUGHT
            clauses = p.kids(i, *_CLAUSE_RELS)
            if clauses:
                # Rule ``dep-ccomp``: "Peskov said that Moscow would respond."
                for c in clauses[:1]:
                    parts = self.clause_content(c)
                    if parts is None:
                        continue
                    parts, direct = self.with_regions(parts, cue)
                    conf = base if speaker is not None else min(base, CONF_NO_SPEAKER)
                    self.add(parts, Rule.DEP_CCOMP, conf, cue, cls, speaker)
                continue
            if p.base_rel(i) == "parataxis" and p.head[i] >= 0 and cls is CueClass.SPEECH and not self._in_region(cue):
                # Rule ``dep-parataxis``: '"We still hope," he said.' -- the
                # quote's verb is the head, the cue hangs from it.
                h = p.head[i]
                parts = self.clause_content(h, exclude=frozenset(p.subtree(i)))
                if parts is None:
                    continue
                parts, direct = self.with_regions(parts, cue)
                if not direct and not self._quoted_near(parts):
                    continue  # an aside ("he said") inside an unquoted clause is too vague
                conf = CONF_PARATAXIS if speaker is not None else CONF_NO_SPEAKER
                self.add(parts, Rule.DEP_PARATAXIS, conf, cue, cls, speaker)
                continue
            as_marks = [m for m in p.kids(i, "mark") if p.lemma[m].lower() == "as"]
            if (
                p.base_rel(i) == "advcl"
                and p.head[i] >= 0
                and speaker is not None
                and cls is CueClass.SPEECH
                and as_marks
                and as_marks[0] == p.subtree(i)[0]  # "As X told ...", not "As far as I can tell"
                and p.upos[p.head[i]] not in ("ADV", "ADP", "SCONJ", "CCONJ")
            ):
                # Rule ``dep-as-cue``: 'As Heald told The Huffington Post, "The
                # projections are consistent."' -- the cue clause, opened by
                # "as", modifies the reported clause.
                parts = self.clause_content(p.head[i], exclude=frozenset(p.subtree(i)))
                if parts is not None:
                    parts, _direct = self.with_regions(parts, cue)
                    self.add(parts, Rule.DEP_AS_CUE, CONF_PARATAXIS, cue, cls, speaker)
                continue
            xcomp = [
                k for k in p.kids(i, "xcomp") if k > i and any(p.lemma[m].lower() == "to" for m in p.kids(k, "mark"))
            ]
            if xcomp and speaker is not None and p.lemma[i].lower() in INFINITIVE_CUES:
                # Rule ``dep-xcomp``: 'Russia has threatened to retaliate' --
                # an intention or promise, kept at low confidence.
                parts = self.clause_content(xcomp[0], keep_marks=True)
                if parts is not None:
                    parts, _direct = self.with_regions(parts, cue)
                    self.add(parts, Rule.DEP_XCOMP, CONF_XCOMP, cue, cls, speaker)
                continue
            para = [k for k in p.kids(i, "parataxis") if k > i]
            if para and speaker is not None:
                # Rule ``dep-cue-parataxis``: 'He said: "We will respond."'
                parts = self.clause_content(para[0])
                if parts is not None:
                    parts, direct = self.with_regions(parts, cue)
                    if direct:
                        self.add(parts, Rule.DEP_CUE_PARATAXIS, CONF_PARATAXIS, cue, cls, speaker)

    def _in_region(self, span: Pair) -> bool:
        return any(r.outer[0] <= span[0] and span[1] <= r.outer[1] for r in self.doc.regions_overlapping(*span))

    def _quoted_near(self, parts: list[Pair]) -> bool:
        a, b = parts[0][0], parts[-1][1]
        return bool(self.doc.regions_overlapping(a, b))

    def according_to(self) -> None:
        """Rule ``dep-according-to``: "According to X, the economy grew."

        X is an ``obl`` whose ``case`` words are "according" (lemma "accord"
        in UD) and "to"; the content is the clause X modifies, minus X."""
        p = self.p
        for x in range(len(p.lemma)):
            if p.base_rel(x) not in ("obl", "nmod", "advcl"):
                continue
            cases = p.kids(x, "case")
            acc = [c for c in cases if p.lemma[c].lower() in ("accord", "according")]
            if not acc:
                continue
            h = p.head[x]
            if h < 0:
                continue
            # "to" is a second ``case`` of X, or ``fixed`` under "according" (GUM)
            to = [c for c in cases + p.kids(acc[0], "fixed") if c != acc[0] and p.lemma[c].lower() == "to"]
            # (a model's parse may attach "to" elsewhere: the cue is then "According" alone)
            cue = p.span(min([acc[0], *to]), max([acc[0], *to]))
            case_toks = {j for c in cases for j in p.subtree(c)}
            speaker_toks = [i for i in p.subtree(x) if i not in case_toks]
            sa, sb = p.contiguous(x, set(speaker_toks))
            speaker = trim(self.text, *p.span(sa, sb), _TRIM_SPEAKER)
            parts = self.clause_content(h, exclude=frozenset(p.subtree(x)))
            if parts is None:
                continue
            parts = [q for q in parts if not (q[0] < speaker[1] and speaker[0] < q[1])]
            if not parts:
                continue
            parts, _direct = self.with_regions(parts, cue)
            self.add(
                parts,
                Rule.DEP_ACCORDING_TO,
                CONF_ACCORDING,
                cue,
                CueClass.SPEECH,
                speaker if speaker[0] < speaker[1] else None,
            )


def find_candidates(ann: Annotation, regions: Sequence[QuoteRegion], index: DocIndex | None = None) -> list[Candidate]:
    """Quote candidates from the dependency parse, plus surface-rule ones.

    Args:
        ann: an annotation with a parse (tokens with lemma, upos, head, deprel).
        regions: the quoted regions of :func:`quoteattr.marks.find_quotes`.
        index: the document's index, when the caller has built it.

    Returns:
        Candidates in text order; rule names start with ``dep-`` when they
        come from the parse. (The stanza engine's other mode, parse-informed
        boundaries, is :func:`quoteattr.parsed.find_candidates`.)

    Raises:
        MissingAnnotationError: when the annotation has no parse.
    """
    index = index if index is not None else DocIndex(ann, regions)
    f = ParseFinder(ann, index)
    f.cue_verbs()
    f.according_to()
    # Rule ``dep-surface-fallback``: of the surface rules' candidates only
    # wholly quoted ones are added (a quote paragraph with no cue, 'They call
    # for "urgent implementation"'): where the parse shows no reported clause,
    # a surface guess at an indirect quote ("Kim Min-Woo conceded a
    # penalty") is not taken.
    surface = rules.find_candidates(ann, regions, index)
    extra = [c for c in surface if kind_of(ann.text, c.parts, index.regions, index.region_starts) is QuoteKind.DIRECT]
    return merge_fallback(f.out, extra)
