"""Words between a subject and its cue that :func:`quoteattr.chunker.np_left`
skips (rule ``catenative-chain``).

:func:`catenative_chain` measures a chain such as "went on to" or "were more
likely to" that ends right before the cue. It reads the tokens the chunker
reads and does not import it.

Example:
    >>> from quoteattr.text import TOKEN_RE
    >>> text = "He went on to say"
    >>> toks = [m.span() for m in TOKEN_RE.finditer(text)][:-1]
    >>> catenative_chain(text, toks, len(toks) - 1)
    3
"""

from __future__ import annotations

from .index import Pair
from .lexicons import load_rows
from .npwords import norm

__all__ = ["catenative_chain"]

_CATENATIVE: dict[str, str] = {row[0]: row[1] for row in load_rows("catenative_words.txt")}
#: Rule ``catenative-chain``: degree words before an adjective of the chain
#: ("were more likely to say", "is far less likely to").
_DEGREE = frozenset(["more", "less", "most", "least", "far", "much", "very", "so", "too", "as"])


def catenative_chain(text: str, toks: list[Pair], i: int) -> int:
    """Rule ``catenative-chain``: how many tokens a chain "<verb> (not) to"
    that ends at ``toks[i]`` holds, 0 for none.

    "He went on to say" (3: "went on to"), "The board failed to disclose"
    (2), "Voters were more likely to say" (3: "more likely to"; the "were"
    is left to the caller, as auxiliaries are), "Ode was quick not to
    blame" (3). The words are those of ``catenative_words.txt``; "to" after
    any other word ("asked the court to say", "took to Twitter to say",
    "tried to say") is no chain.
    """
    if i < 1 or norm(text[toks[i][0] : toks[i][1]]) != "to":
        return 0
    j = i - 1
    if norm(text[toks[j][0] : toks[j][1]]) == "not":
        j -= 1
    if j < 0:
        return 0
    w = norm(text[toks[j][0] : toks[j][1]])
    kind = _CATENATIVE.get(w)
    if kind is None and w == "on" and j > 0:
        # "went on to": the particle after a form of "go"
        if _CATENATIVE.get(norm(text[toks[j - 1][0] : toks[j - 1][1]])) == "go-on":
            return i - j + 2
        return 0
    if kind == "verb":
        return i - j + 1
    if kind == "adjective":
        # at most two degree words: "were far less likely to"
        for _ in range(2):
            if j > 0 and norm(text[toks[j - 1][0] : toks[j - 1][1]]) in _DEGREE:
                j -= 1
        return i - j + 1
    return 0
