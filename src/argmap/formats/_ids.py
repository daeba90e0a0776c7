"""Ids made from names, shared by the interchange readers (Argdown, AIF).

Sources and quotes are :mod:`argmap.provenance`'s; this module only makes
well-formed, unique ids for speakers and claims that a file names in words.

Examples
--------
>>> slug("Essay author")
'essay-author'
>>> slug("  ") == ""
True
>>> unique_id("ann", {"ann", "ann-2"})
'ann-3'
"""

from __future__ import annotations

import re

__all__ = ["slug", "unique_id"]


def slug(name: str) -> str:
    """A lower-case, hyphenated id made from a human *name* (may be empty).

    Examples
    --------
    >>> slug("Ben Smith (commenter)")
    'ben-smith-commenter'
    """
    return re.sub(r"[^\w]+", "-", name.strip().lower(), flags=re.UNICODE).strip("-_")


def unique_id(base: str, taken: set[str]) -> str:
    """*base*, or *base* with the smallest suffix ``-2``, ``-3``… not in *taken*."""
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
