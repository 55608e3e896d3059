"""The byte-to-text decoding shared by the atheris harnesses of this folder.

The first byte chooses how the rest becomes ``str``: UTF-8 with
``surrogateescape`` (invalid bytes become lone surrogates), UTF-8 with
``replace``, or atheris' own Unicode draw.
"""

from __future__ import annotations

import atheris


def decode(data: bytes) -> str:
    """One fuzz input's bytes as text, decoded the way its first byte says."""
    if not data:
        return ""
    how, body = data[0] % 3, data[1:]
    if how == 0:
        return body.decode("utf-8", "surrogateescape")
    if how == 1:
        return body.decode("utf-8", "replace")
    return atheris.FuzzedDataProvider(body).ConsumeUnicode(len(body))
