"""Write the rule table of docs/rules.md from the rule registry (not part of the package).

The table sits between ``<!-- registry:start -->`` and ``<!-- registry:end -->``;
everything else in the page is hand-written. ``tests/unit/test_registry.py``
fails when the committed table and the registry disagree.

    python tools/gen_rules_doc.py           # rewrite the table
    python tools/gen_rules_doc.py --check   # exit 1 when it is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quoteattr import candidates, dialogue, rules, syntax  # noqa: F401  (they register every rule)
from quoteattr.registry import markdown

DOC = ROOT / "docs" / "rules.md"
START = "<!-- registry:start -->"
END = "<!-- registry:end -->"


def render(page: str) -> str:
    """*page* with the text between the registry markers replaced by the table.

    Raises:
        ValueError: when the page lacks the markers.
    """
    a = page.find(START)
    b = page.find(END)
    if a < 0 or b < a:
        raise ValueError(f"{DOC} has no {START} ... {END} markers")
    return page[: a + len(START)] + "\n" + markdown() + page[b:]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when docs/rules.md is out of date")
    args = ap.parse_args(argv)
    page = DOC.read_text(encoding="utf-8")
    new = render(page)
    if args.check:
        if new != page:
            print(f"{DOC} is out of date: run python tools/gen_rules_doc.py")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
