"""CLI commands (_evaluate)."""

from __future__ import annotations
