"""The public API surface."""

from __future__ import annotations

import quoteattr


def test_api_all_is_sorted_and_importable() -> None:
    """__all__ is sorted and every name in it exists."""
    assert sorted(quoteattr.__all__) == quoteattr.__all__
    assert [] == [n for n in quoteattr.__all__ if not hasattr(quoteattr, n)]


def test_api_errors_share_one_root() -> None:
    """Every exported error derives from QuoteattrError and a builtin."""
    errors = [getattr(quoteattr, n) for n in quoteattr.__all__ if n.endswith("Error") and n != "QuoteattrError"]
    for e in errors:
        assert issubclass(e, quoteattr.QuoteattrError)
        assert any(issubclass(e, b) for b in (TypeError, ValueError, LookupError, ImportError, OSError))
