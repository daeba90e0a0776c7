"""CLI commands (_convert)."""

from __future__ import annotations
