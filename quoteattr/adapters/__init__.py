"""Adapters that turn other tools' annotations into :class:`quoteattr.Annotation`.

* :mod:`quoteattr.adapters.stanza`: stanza pipelines and documents (the only
  module that imports stanza at import time);
* :mod:`quoteattr.adapters.conllu`: CoNLL-U files with gold parses and
  ``Entity=`` coreference brackets (GUM), with or without stanza (the
  records it builds are in :mod:`~quoteattr.adapters.conllu_document`, the
  conversion to stanza in :mod:`~quoteattr.adapters.conllu_stanza`).

This package imports neither on its own, so ``import quoteattr`` stays light.
"""

__all__: list[str] = []
