"""Hypothesis budgets: one number per property, scaled by the active profile.

``@settings(max_examples=examples(400))`` runs 400 examples under the ``ci`` profile
and at most :data:`tests.conftest.DEV_EXAMPLES` under ``dev`` (the local default), so
the inner loop stays quick while CI keeps the full search.
"""

from __future__ import annotations

import os

__all__ = ["PROFILE", "examples"]

#: The active profile: ``HYPOTHESIS_PROFILE``, else ``ci`` when ``CI`` is set, else ``dev``.
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")
_DEV_CAP = 25


def examples(n: int) -> int:
    """*n* under the ``ci`` profile, at most 25 under ``dev``."""
    return n if PROFILE == "ci" else min(n, _DEV_CAP)
