"""CLI commands (_render)."""

from __future__ import annotations
