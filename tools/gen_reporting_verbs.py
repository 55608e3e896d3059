"""Write ``quoteattr/lexicons/reporting_verbs.txt`` from the lists below.

The lemma lists were compiled by hand for quoteattr, seeded from the idea of
textacy's ``REPORTING_VERBS`` set and from the cue words of the PolNeAR
attribution corpus (no file was copied). Regular forms are inflected by the
rules of :func:`inflect`; irregular verbs are spelled out in ``IRREGULAR``.

Run from the repository root::

    python tools/gen_reporting_verbs.py            # rewrite the lexicon
    python tools/gen_reporting_verbs.py --check    # exit 1 if it is stale

``tests/unit/test_lexicons.py`` runs the ``--check`` comparison, so an edit
here without regenerating the file (or the reverse) fails the tests.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "quoteattr" / "lexicons" / "reporting_verbs.txt"

HEADER = """\
# Reporting verbs: lemma<TAB>class<TAB>base 3sg past pastpart gerund
# Source: compiled for quoteattr by hand; seeded from textacy's REPORTING_VERBS
# list idea and the cue words of the PolNeAR corpus (no file copied). Written by
# tools/gen_reporting_verbs.py: edit the lists there and rerun it.
# Licence: MIT (this project).
# class: speech (say, tell, warn) or thought (believe, hope, want).
# British and American spellings are separate lemmas (criticise, criticize).
# Verbs in -l that double only in British spelling (signal) are left out.
"""

# Speech, writing and manner-of-speaking verbs.
SPEECH = """
accuse acknowledge add admit admonish advise advocate affirm agree alert allege
announce answer apologise apologize appeal argue articulate ask assert assure attest
aver avow bark bash beg belittle bellow bemoan berate blame blast blog blurt boast
brag brief broadcast call castigate caution censure characterise characterize charge
chant chastise chide chuckle cite claim clarify comment commend complain concede conclude
concur condemn confess confide confirm congratulate contend continue contest
contradict convey corroborate counter criticise criticize cry decline declare decree
decry defend demand demur denounce deny deplore deride describe detail disagree
disavow disclose discuss dismiss disparage dispute divulge downplay drawl echo
elaborate email emphasise emphasize endorse enquire enthuse estimate exclaim
excoriate exhort explain express extol falter forecast foretell forewarn fume gasp
gloat grin groan growl grumble grunt guarantee gush hail highlight hint hiss holler
imply implore indicate inform inquire insinuate insist instruct interject interpose interrupt
jeer joke lambast lambaste lament laud laugh lecture mention minimise minimize
misspeak misstate mock moan mumble murmur muse mutter narrate note notify object
observe opine order outline persist plead pledge pontificate posit post
postulate praise preach predict proclaim profess promise pronounce propose prophesy
protest query question quip rage rail rant read reaffirm reason reassure rebuke rebut
recall recommend recount refute reiterate reject rejoin relay remark remind repeat
reply report repudiate request respond restate retort retract retweet reveal ridicule
riposte roar rule say scoff scold scream shout sigh slam snap snarl sneer snort sob
speak specify speculate stammer state stress stutter submit suggest summarise
summarize swear taunt tease tell testify text threaten thunder tout trumpet tweet underline
underscore urge utter venture vent verify vilify voice vouch vow wail warn whine
whisper write yell
applaud quote
compare portray reference thank
"""

# Thought, belief, intention and stance verbs.
THOUGHT = """
anticipate assume believe bet calculate consider contemplate decide deduce deem
desire disbelieve doubt dread envisage envision expect fear feel figure foresee fret
guess hope hypothesise hypothesize imagine infer intend know learn mull perceive
plan ponder prefer presume realise realize reckon recognise recognize regret
remember sense suppose surmise suspect theorise theorize think understand wager want
wish wonder worry
"""

# Irregular verbs, written out in full.
IRREGULAR = {
    "bet": "bet bets bet bet betting",
    "broadcast": "broadcast broadcasts broadcast broadcast broadcasting",
    "feel": "feel feels felt felt feeling",
    "forecast": "forecast forecasts forecast forecast forecasting",
    "foresee": "foresee foresees foresaw foreseen foreseeing",
    "foretell": "foretell foretells foretold foretold foretelling",
    "know": "know knows knew known knowing",
    "misspeak": "misspeak misspeaks misspoke misspoken misspeaking",
    "read": "read reads read read reading",
    "say": "say says said said saying",
    "speak": "speak speaks spoke spoken speaking",
    "swear": "swear swears swore sworn swearing",
    "tell": "tell tells told told telling",
    "think": "think thinks thought thought thinking",
    "understand": "understand understands understood understood understanding",
    "write": "write writes wrote written writing",
}

# Stressed final consonant doubled before -ed/-ing (admitted, quipping).
DOUBLE_FINAL = frozenset(
    [
        "admit",
        "aver",
        "beg",
        "blog",
        "brag",
        "concur",
        "demur",
        "extol",
        "fret",
        "grin",
        "infer",
        "plan",
        "prefer",
        "quip",
        "rebut",
        "regret",
        "slam",
        "snap",
        "sob",
        "submit",
    ]
)

_VOWELS = frozenset("aeiou")


def inflect(lemma: str) -> str:
    """The five forms ``base 3sg past pastpart gerund`` of a verb.

    Example:
        >>> inflect("reply"), inflect("argue")
        ('reply replies replied replied replying', 'argue argues argued argued arguing')
        >>> inflect("quip")
        'quip quips quipped quipped quipping'
    """
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    w = lemma
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = w + "es"
    elif w.endswith("y") and w[-2] not in _VOWELS:
        third = w[:-1] + "ies"
    else:
        third = w + "s"
    if w in DOUBLE_FINAL:
        past = w + w[-1] + "ed"
        ger = w + w[-1] + "ing"
    elif w.endswith("e"):
        past = w + "d"
        ger = w + "ing" if w.endswith(("ee", "ye", "oe")) else w[:-1] + "ing"
    elif w.endswith("y") and w[-2] not in _VOWELS:
        past = w[:-1] + "ied"
        ger = w + "ing"
    else:
        past = w + "ed"
        ger = w + "ing"
    return f"{w} {third} {past} {past} {ger}"


def rows() -> list[str]:
    """The lexicon lines, sorted by lemma.

    Raises:
        ValueError: when a lemma is listed twice.
    """
    speech, thought = SPEECH.split(), THOUGHT.split()
    seen: dict[str, str] = {}
    for cls, words in (("speech", speech), ("thought", thought)):
        for w in words:
            if w in seen:
                raise ValueError(f"lemma {w!r} is listed twice ({seen[w]} and {cls})")
            seen[w] = cls
    return [f"{w}\t{seen[w]}\t{inflect(w)}" for w in sorted(seen)]


def render() -> str:
    return HEADER + "\n".join(rows()) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed file differs")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale: run python tools/gen_reporting_verbs.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(rows())} verbs to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
