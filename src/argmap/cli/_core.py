"""CLI commands (_core)."""

from __future__ import annotations
