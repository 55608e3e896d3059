"""Where a reported clause begins when words stand between the cue and it
(rule ``late-that``).

:meth:`quoteattr.finder.CueItem.opening` skips the adjuncts the adjunct list
knows ("on Tuesday", "in a statement") and the addressee of a cue that takes
one ("told reporters"); :func:`skip_to_late_that` then looks a few words on
for the "that" (or, after an addressee, "if" / "whether") that opens the
clause, past a place, time or addressee phrase that the list does not know.
"""

from __future__ import annotations

import regex

from .clauses import AUDIENCE_NOUNS, FINITE, skip_ws
from .index import DocIndex

__all__ = ["LATE_THAT_WINDOW", "quoted_sentence", "skip_to_late_that"]

# Rule ``late-that``: words after a cue that open with a preposition ("said
# at the time that", "said during Sunday's debate that") or are the
# addressee of a cue that takes one ("told a packed hall at a school in
# Salem, New Hampshire, that") are no part of the clause when a "that"
# follows within LATE_THAT_WINDOW tokens with no finite verb, gerund, quote
# mark or clause punctuation before it. "said at the meeting that was held ..."
# (a finite verb right after "that": a relative clause) keeps its words.
LATE_THAT_WINDOW = 16
_LATE_THAT_OPENERS = frozenset(
    [
        *("at", "in", "on", "during", "before", "after", "from", "with", "outside", "inside", "via", "through"),
        *("over", "following", "instead", "of", "concern", "concerns", "hope", "confidence", "fears", "doubts"),
        # (an attitude noun: "expressed alarm that"; "said only that", "suggested however that")
        *("doubt", "alarm", "skepticism", "frustration", "optimism", "worry", "only", "however"),
    ]
)
_LATE_THAT_STOP = frozenset(['"', "“", "”", "'", "‘", "’", ":", ";", "(", ")", "—", "–", "that", "if", "whether"])
# a gerund stops the scan ("urged his horse on, hoping that ..."); these do not
_PREPOSITION_ING = frozenset(["during", "following", "including", "regarding", "concerning", "morning", "evening"])
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this"])
_SUBJECT_OPENERS = frozenset(
    [*_DETERMINERS, "he", "she", "it", "they", "we", "i", "you", "there", "these", "those", "some", "many", "most"]
)
_CONJUNCTIONS = frozenset(["and", "or", "but", "nor"])
_NOT_BEFORE_THAT = frozenset(["so", "such", "now", "given", "except", "than", "all", "and", "or", "but"])


# Guard ``quote-after-that``: a quotation mark right after the late "that",
# touching a word, opens the clause's quoted words ('said instead that
# "every word was true"'); other punctuation there ("that." "that,") makes
# "that" a pronoun, and the scan gives up.
_OPENING_MARK_RE = regex.compile(r"(?:''|``|[\"“‘])(?=\w)")


def _opens_quote(text: str, a: int) -> bool:
    """True when an opening quotation mark touching a word starts at *a*."""
    return _OPENING_MARK_RE.match(text, a) is not None


# Guard ``parenthetical-then-that``: a comma (or a dash) right after the cue
# opens an aside that a second one closes before "that" ("said, per a
# translator, that ...", "says, however, that ...", "said — on Twitter, as
# it happens — that ..."); the aside is no part of the clause.
# Guard ``adverb-opener``: an adverb in -ly opens the words before a late
# "that" ("argued insistently that ...", "said privately that ...").
# Guard ``late-quote``: the same words may end in a comma or colon and an
# opening quotation mark, which opens the reported words ('said in a letter
# to the board last week: "We will not sell"', 'wrote on Monday, "The
# deal is dead"').
# Guard ``addressee-wh``: after the addressee of a cue that takes one, a
# question word opens the reported question as "whether" does ("asked the
# mayor how the bridge would be paid for"). "who" and "which" are left out:
# after a noun they open a relative clause ("told a group of reporters who
# had gathered outside that ...").
_WH = frozenset(["what", "how", "why", "when", "where"])
_DASHES = frozenset(["—", "–", "-", "--"])


def _is_ly_adverb(w: str) -> bool:
    return len(w) > 4 and w.endswith("ly") and w.isalpha() and w.islower()


# Guard ``audience-cue-addressee``: a cue that took its audience with it (a
# ``verb-object`` cue: "told a CNN", "told reporters") may have taken only the
# first words of the addressee phrase: "told a CNN town hall audience that
# ...", "told the BBC radio panel on Friday that ...". The words after such a
# cue are read as the rest of an addressee, so that the "that" after them
# opens the clause. On polnear-train this moved 14 clause starts onto the
# gold start (exact matches 7539 -> 7553) and made none worse.
def _after_audience_cue(doc: DocIndex, pos: int) -> bool:
    """True when a ``verb-object`` cue ends right before *pos* (only
    whitespace between)."""
    text = doc.text
    for c in doc.cues_between(max(0, pos - 80), pos):
        if c.type == "verb-object" and c.end <= pos and not text[c.end : pos].strip():
            return True
    return False


# Guard ``title-or-possessive``: a possessive ("told ABC's editors that",
# "told CBS News' Charlie Rose that") and a short quoted title of a show or
# paper ('said on NBC's "Meet the Press" on Sunday that') are part of the
# words before a late "that"; a quotation mark stops the scan otherwise.
# A title has at most _TITLE_WORDS words, the first capitalised and the
# others capitalised or small words.
_TITLE_WORDS = 6
_TITLE_SMALL = frozenset(["a", "an", "the", "of", "and", "in", "on", "with", "for", "to", "at"])


def _possessive_mark(text: str, i: int) -> bool:
    """An apostrophe at *i* that ends a word in -s ("News'")."""
    return i > 1 and text[i - 1] in "sS" and text[i - 2].isalpha() and not text[i + 1 : i + 2].isalnum()


def _past_possessive(text: str, pos: int) -> int:
    """*pos*, or the offset after the "'s" / "'" that continues the word
    before it (the audience cue "told ABC" ends before "'s")."""
    if pos == 0 or not text[pos - 1].isalnum() or text[pos : pos + 1] not in ("'", "’"):
        return pos
    return pos + 2 if text[pos + 1 : pos + 2] in ("s", "S") else pos + 1


_TITLE_MARKS = "\"“'‘`"  # (the marks a quoted title may open with)


def _quoted_title_end(doc: DocIndex, i: int) -> int | None:
    """The end of a closed quote that opens at *i* and holds a title
    ('"Meet the Press"'), or ``None``."""
    text = doc.text
    if text[i : i + 1] not in _TITLE_MARKS:
        return None
    r = doc.region_at(i)
    if r is None or r.outer[0] != i or r.close is None:
        return None
    words = doc.words(r.start, r.end)
    if not words or len(words) > _TITLE_WORDS or not words[0][:1].isupper():
        return None
    if not all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL for w in words):
        return None
    return r.outer[1]


# Guard ``to-hearer``: "to" opens the words before a late "that"
# ("explained to the committee that ...", "wrote to supporters that ...",
# "continued to insist that ..."). When no hearer follows it (a determiner,
# an object pronoun, a capitalised word or an audience noun), "to" opens an
# infinitive, whose object may take a relative clause: only a subject may
# then follow "that" ("threatened to veto the bill that allows ..." keeps its
# words).
_TO_HEARER_RE = regex.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|our|my|your|this|these|those|him|them|us|me|you|all|some|several)\b"
    r"|(?-i:\p{Lu})|(?P<noun>[\w-]+))",
    regex.I,
)


def _to_hearer(text: str, pos: int) -> bool:
    """A hearer follows the "to" that ends at *pos* (guard ``to-hearer``)."""
    m = _TO_HEARER_RE.match(text, pos, pos + 40)
    return m is not None and (m.group("noun") is None or m.group("noun").lower() in AUDIENCE_NOUNS)


# Guard ``lead-in-quote``: a few words after the cue that end in a comma
# or colon before an opening quotation mark lead in to the quotation ("added
# a caveat: "...", "stated a day earlier, "...", "wrote back: "..."): the
# quotation is the content, when it runs to the end of the sentence. At
# most LEAD_IN_WORDS tokens, none a finite verb, a gerund, "that" or clause
# punctuation.
LEAD_IN_WORDS = 8


def _lead_in_quote(doc: DocIndex, pos: int, limit: int) -> int:
    """The offset of the quotation a short lead-in opens at *pos*, or *pos*."""
    text = doc.text
    if text.find(":", pos, min(limit, pos + 120)) == -1:
        return pos  # (no colon, no lead-in: most cues; the scan below reads no further)
    before = ""
    for m in doc.token_matches(pos, min(limit, pos + 120)):
        w = m.group().lower().replace("’", "'")
        if w == ":" and before and _opens_quote(text, q := skip_ws(text, m.end(), limit)):
            r = doc.region_at(q)
            # (the quotation ends the sentence: 'the plan, "a disaster," would fail' is no lead-in)
            ends = r is not None and r.close is not None and not text[r.outer[1] : limit].strip(" .,;!?")
            # (a headline's object: "Calls Reporter Matt Boyle: 'Very Good'" keeps its words)
            title = all(x[:1].isupper() for x in doc.words(pos, m.start()))
            return q if ends and not title else pos
        if w in _LATE_THAT_STOP or _stops_scan(w, m.group(), before) or w == "," or before == "#":
            return pos
        before = w
        if len(doc.words(pos, m.end())) >= LEAD_IN_WORDS:
            return pos
    return pos


def skip_to_late_that(doc: DocIndex, pos: int, limit: int, addressee: bool = False) -> int:
    """Rule ``late-that``: the offset of a "that" that opens the clause a
    few words after *pos* (*addressee*: the cue takes a hearer, whose
    phrase may come first; it may also open with "if", "whether" or a
    question word), of a quotation mark after a comma or colon there, or
    *pos* when there is none. Words right after a cue that took its
    audience ("told a CNN ...") are read as an addressee too (guard
    ``audience-cue-addressee``)."""
    text = doc.text
    if not addressee:
        addressee = _after_audience_cue(doc, pos)
    end = min(limit, pos + 200)
    # (tokens read one at a time: most cues stop at the first)
    # ("told ABC's ...", 'said on NBC's "Meet the Press" ...': the skipped
    # words go on, as an addressee does)
    start = skip_ws(text, _past_possessive(text, pos), end)
    if start != pos or addressee:
        start = _quoted_title_end(doc, start) or start
    toks = doc.token_matches(start, end)
    w = "'s"  # (the possessive or title read: the next token may be "that")
    first = None
    if start == pos:
        first = next(toks, None)
        if first is None:
            return pos
        w = first[0].lower()
        opener = w in _LATE_THAT_OPENERS or _is_ly_adverb(w) or w == "to"
        if (w in _LATE_THAT_STOP and w not in _DASHES) or not (addressee or w in (",", *_DASHES) or opener):
            return _lead_in_quote(doc, pos, limit)
    aside = w == "," or w in _DASHES
    closer = w  # (the mark that closes an aside: ", ... ," or "— ... —")
    before = w
    # (a word in -ing after a determiner, or an infinitive "to", was read:
    # guards determiner-ing and to-hearer)
    needs_subject = first is not None and w == "to" and not _to_hearer(text, first.end())
    for _ in range(LATE_THAT_WINDOW - 2):
        m = next(toks, None)
        if m is None:
            return pos
        # (m[0] and a test before the replace: the loop runs a token, and
        # most tokens hold no "’")
        tok = m[0]
        w = tok.lower()
        if "’" in w:
            w = w.replace("’", "'")
        if w in (",", ":") and _opens_quote(text, q := skip_ws(text, m.end(), limit)):
            return q  # guard late-quote
        if addressee and w in _WH and before != ",":
            return m.start()
        if w == "that" or (addressee and w in ("if", "whether")):
            nxt = next(toks, None)
            nw = "" if nxt is None else nxt[0].lower().replace("’", "'")
            opens = nxt is not None and _opens_quote(text, nxt.start())
            # ("said only that and left": a conjunction after "that" makes it a pronoun)
            if nw in FINITE or nw in _CONJUNCTIONS or not (nw[:1].isalnum() or opens) or before in _NOT_BEFORE_THAT:
                return pos
            # guards determiner-ing and to-hearer: after "the overlapping
            # demographics that", "to veto the bill that", only a subject opens
            # the clause ("comprise ...", "allows ..." is a relative's verb)
            subject = opens or nw.split("'")[0] in _SUBJECT_OPENERS or nxt is None or nxt[0][:1].isupper()
            if needs_subject and not subject:
                return pos
            if aside and before != closer:
                return pos
            return m.start()
        if aside and w == closer and closer in _DASHES:
            before = w
            continue
        if w in ("'", "’") and _possessive_mark(text, m.start()):
            continue  # guard title-or-possessive
        # (the first test of _quoted_title_end, made here: most tokens open no quote)
        title_end = _quoted_title_end(doc, m.start()) if tok[:1] in _TITLE_MARKS else None
        if title_end is not None:
            toks = doc.token_matches(title_end, end)
            before = "title"
            continue
        if _stops_scan(w, tok, before):
            return pos
        needs_subject = needs_subject or (w.endswith("ing") and w not in _PREPOSITION_ING)
        before = w
    return pos


def _stops_scan(w: str, token: str, before: str) -> bool:
    """Rule ``late-that``: the token *w* (lower case of *token*) ends the
    words a late "that" may follow: a quote mark or clause punctuation, a
    finite verb, a gerund. A word in -ing after a determiner is a noun
    ("in her opening remarks", "in the spring"; guard ``determiner-ing``)."""
    gerund = w.endswith("ing") and w not in _PREPOSITION_ING and before not in _DETERMINERS
    # (a capitalised word is a name: "in May that", "at Will's that")
    finite = w in FINITE and token[:1].islower()
    return w in _LATE_THAT_STOP or finite or w.endswith("n't") or gerund


# Guard ``lead-in-words`` (of rule ``parenthetical-cue``): in "Later in the
# debate, Osei said, "We will not sell."" the words before ", SPEAKER CUE,"
# are the writer's lead-in when the words after it are a quotation that opens
# with a capital letter (a sentence of its own): the quotation alone is the
# content. A quotation that goes on in lower case continues the words before
# the cue ("The toll, she said, "would double"") and both parts stay. On
# polnear-train the gold content was the quotation alone in 37 of 41 matched
# predictions of this shape (both parts in 4), on polnear-dev in 2 of 2.
def quoted_sentence(doc: DocIndex, a: int) -> bool:
    """True when a quotation opens at *a* (its opening mark there) and its
    words begin with a capital letter (guard ``lead-in-words``)."""
    r = doc.region_at(a)
    if r is None or r.outer[0] != a:
        return False
    b = skip_ws(doc.text, r.start, r.end)
    return doc.text[b : b + 1].isupper()
