"""The exception tree of quoteattr.

Every error the library raises on purpose derives from :class:`QuoteattrError`
and also from the builtin that fits, so callers can catch either::

    try:
        quoteattr.extract(b"bytes")
    except TypeError:          # or quoteattr.QuoteattrError
        ...

Messy *text* is never an exception: unpaired quote marks and the like are
reported in :attr:`quoteattr.Result.diagnostics`.
"""

from __future__ import annotations

__all__ = [
    "CorpusFormatError",
    "DaskNotInstalledError",
    "EvaluationError",
    "InputError",
    "InputTypeError",
    "InvalidArgumentError",
    "InvalidSpanError",
    "MissingAnnotationError",
    "MissingModelsError",
    "MissingPackageError",
    "ModelHostUnreachableError",
    "PandasNotInstalledError",
    "PlotNotInstalledError",
    "QuoteattrError",
    "SerializationError",
    "StanzaNotInstalledError",
    "UnknownEngineError",
    "UnknownSpeakerError",
]


class QuoteattrError(Exception):
    """Root of every error quoteattr raises on purpose."""


class InputTypeError(QuoteattrError, TypeError):
    """An argument of the wrong type was passed (e.g. ``bytes`` for ``str``)."""


class InvalidArgumentError(InputTypeError, ValueError):
    """An argument of the right type but a wrong value (``min_confidence=nan``, ``n_process=0``).

    It is an :class:`InputTypeError`, so one ``except`` catches every bad
    argument, and also a ``ValueError``, the builtin that fits a bad value.
    """


class InvalidSpanError(QuoteattrError, ValueError):
    """A span lies outside its text or does not match the text it covers."""


class SerializationError(QuoteattrError, ValueError):
    """A dict or JSON line does not describe a valid quoteattr object."""


class UnknownEngineError(QuoteattrError, ValueError):
    """An engine name other than ``"rules"`` or ``"stanza"`` was asked for."""


class UnknownSpeakerError(QuoteattrError, KeyError):
    """:meth:`quoteattr.Result.speaker` was asked for an id no speaker has.

    Attributes:
        entity_id: the id asked for.
        known: the ids the result does hold, in order.
    """

    def __init__(self, entity_id: str, known: tuple[str, ...] = ()) -> None:
        super().__init__(entity_id)
        self.entity_id = entity_id
        self.known = known

    def __str__(self) -> str:
        held = ", ".join(repr(k) for k in self.known) if self.known else "none"
        return f"no speaker has id {self.entity_id!r} (the result holds {held})"


class MissingAnnotationError(QuoteattrError, ValueError):
    """An annotation lacks a layer that the requested processing needs."""


class MissingPackageError(QuoteattrError, ImportError):
    """A Python package an optional feature needs is not installed.

    Attributes:
        packages: the missing packages' import names.
        install: the command that installs them.
    """

    def __init__(self, message: str, *, packages: tuple[str, ...] = (), install: str = "") -> None:
        super().__init__(message)
        self.packages = packages
        self.install = install


class StanzaNotInstalledError(MissingPackageError):
    """The stanza engine was asked for but the ``stanza`` package is absent."""


class PandasNotInstalledError(MissingPackageError):
    """:func:`quoteattr.to_frame` was called but ``pandas`` is absent
    (install the ``[pandas]`` extra)."""


class MissingModelsError(QuoteattrError, FileNotFoundError):
    """stanza's English models are not installed where stanza looks for them.

    Attributes:
        missing: the ``(processor, package)`` pairs or files that are absent.
        resources_dir: the folder stanza searched.
    """

    def __init__(self, message: str, *, missing: tuple[str, ...] = (), resources_dir: str = "") -> None:
        super().__init__(message)
        self.missing = missing
        self.resources_dir = resources_dir


class ModelHostUnreachableError(QuoteattrError, ConnectionError):
    """``quoteattr download`` could not reach the host stanza downloads models from.

    Attributes:
        resources_dir: the folder the models would have been written to.
    """

    def __init__(self, message: str, *, resources_dir: str = "") -> None:
        super().__init__(message)
        self.resources_dir = resources_dir


class CorpusFormatError(SerializationError):
    """A gold or prediction file does not follow the expected format.

    The message names the file and, for JSONL, the 1-based line number.
    It is a :class:`SerializationError`, hence also a ``ValueError``.
    """


class InputError(QuoteattrError, ValueError):
    """An input file or line of the command line cannot be read (it names the file and line)."""


class EvaluationError(QuoteattrError, ValueError):
    """Gold and predictions cannot be compared (e.g. their texts differ)."""


class PlotNotInstalledError(QuoteattrError, ImportError):
    """A plot was asked for but matplotlib (``quoteattr[plot]``) is absent."""


class DaskNotInstalledError(QuoteattrError, ImportError):
    """Dask (the ``quoteattr[dask]`` extra) is needed but not installed."""
