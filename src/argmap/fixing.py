"""``argmap check --fix``: replace quotes that nearly match by the source's exact characters.

For each claim whose quote does not occur in its source, :func:`fix_quotes` finds
the nearest span (:class:`argmap.quoting.QuoteFinder`) and, when it is close enough,
writes that span's characters in place of the quote. Only the quote's own scalar
is replaced in the file's text — at the offsets the YAML parser reports for it —
so comments, key order, quoting style and layout elsewhere stay byte for byte; the
new scalar is double-quoted, with ``\\n`` for line breaks. When the span occurs more
than once, an existing ``occurrence:`` is set to the right number; otherwise the
report says to add it. The file is replaced atomically, and only when the result
loads at least as well as before.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp())
>>> _ = (d / "t.txt").write_text("Car-free streets are safer for\\nchildren.", encoding="utf-8")
>>> _ = (d / "m.yaml").write_text('''argmap: 1
... sources: [{id: t, file: t.txt}]   # the text
... speakers: [{id: a}]
... claims:
...   - {id: A1, speaker: a, text: Safer., quote: "car free streets are safer for childern"}  # typo
... ''', encoding="utf-8")
>>> report = fix_quotes(d / "m.yaml")
>>> [(f.claim, f.new) for f in report.fixed]
[('A1', 'Car-free streets are safer for\\nchildren')]
>>> print((d / "m.yaml").read_text(encoding="utf-8"), end="")
argmap: 1
sources: [{id: t, file: t.txt}]   # the text
speakers: [{id: a}]
claims:
  - {id: A1, speaker: a, text: Safer., quote: "Car-free streets are safer for\\nchildren"}  # typo
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ArgmapError, FileAccessError
from .quoting import MIN_SIMILARITY, QuoteFinder, Span, yaml_scalar

__all__ = ["QuoteFix", "FixReport", "fix_quotes", "nearest_spans"]


@dataclass(frozen=True)
class QuoteFix:
    """One quote that did not match, and what was (or could be) done.

    Attributes
    ----------
    claim : str
        The claim's id.
    line, column : int
        Where the quote is written in the map file.
    old : str
        The quote as written.
    new : str or None
        The exact span of the source it was replaced by; None when no span is close
        enough (``span`` then holds the nearest one, if any).
    span : Span or None
        The span found in the source.
    note : str or None
        What else the author must do (``add occurrence: 2``).
    """

    claim: str
    line: int
    column: int
    old: str
    new: str | None
    span: Span | None
    note: str | None = None


@dataclass
class FixReport:
    """What :func:`fix_quotes` found and changed."""

    path: Path
    fixed: list[QuoteFix] = field(default_factory=list)
    unfixed: list[QuoteFix] = field(default_factory=list)
    written: bool = False


def _scalar(node: Any) -> str | None:
    from ruamel.yaml.nodes import ScalarNode

    return node.value if isinstance(node, ScalarNode) else None


def _pairs(node: Any) -> dict[str, tuple[Any, Any]]:
    from ruamel.yaml.nodes import MappingNode

    if not isinstance(node, MappingNode):
        return {}
    return {str(k.value): (k, v) for k, v in node.value if _scalar(k) is not None}


def _items(node: Any) -> list[Any]:
    from ruamel.yaml.nodes import SequenceNode

    return list(node.value) if isinstance(node, SequenceNode) else []


def nearest_spans(path: str | Path) -> list[QuoteFix]:
    """Every quote of the map at *path* that does not occur in its source, with the nearest span.

    Quotes are compared as the loader compares them (exactly, or whitespace-loose for
    sources that say so); the map's structure is read leniently, so a map with other
    problems still gets its quotes examined.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from .provenance import QuoteLocator, read_source

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        root = YAML(typ="rt").compose(text)
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise FileAccessError(f"cannot read the map to fix it: {exc}", path=path) from None
    top = _pairs(root)
    texts: dict[str, tuple[QuoteFinder | None, str, bool]] = {}
    for item in _items(top.get("sources", (None, None))[1]):
        f = _pairs(item)
        sid = _scalar(f.get("id", (None, None))[1])
        file = _scalar(f.get("file", (None, None))[1])
        loose = _scalar(f.get("whitespace", (None, None))[1]) == "loose"
        if sid is None or file is None:
            continue
        try:
            source_text = read_source(file, path.parent).text
        except ArgmapError:
            continue   # `check` reports it
        texts[sid] = (None, source_text, loose)
    fixes = []
    claims = []
    for item in _items(top.get("claims", (None, None))[1]):
        f = _pairs(item)
        qnode = f.get("quote", (None, None))[1]
        quote = _scalar(qnode)
        cid = _scalar(f.get("id", (None, None))[1]) or "?"
        sid = _scalar(f.get("source", (None, None))[1])
        if sid is None and len(texts) == 1:
            sid = next(iter(texts))
        if quote is not None and sid in texts:
            claims.append((qnode, quote, cid, sid))
    # every quote of a source located in one pass over its text
    locators = {sid: QuoteLocator(text, loose=loose) for sid, (_, text, loose) in texts.items()}
    for sid, locator in locators.items():
        locator.prepare([quote for _, quote, _, s in claims if s == sid])
    for qnode, quote, cid, sid in claims:
        finder, source_text, loose = texts[sid]
        if locators[sid].locate(quote) is not None:
            continue
        if finder is None:
            finder = QuoteFinder(source_text)
            texts[sid] = (finder, source_text, loose)
        best = finder.find(quote, 0.0)
        close = best is not None and best.similarity >= MIN_SIMILARITY
        note = None
        if close and best.count > 1:  # type: ignore[union-attr]
            note = f"the span occurs {best.count} times: occurrence {best.occurrence}"  # type: ignore[union-attr]
        fixes.append(QuoteFix(cid, qnode.start_mark.line + 1, qnode.start_mark.column + 1, quote,
                              best.quote if close else None, best, note))  # type: ignore[union-attr]
    return fixes


def fix_quotes(path: str | Path, *, write: bool = True) -> FixReport:
    """Replace each nearly matching quote of the map at *path* by the source's exact span.

    Parameters
    ----------
    path : str or Path
        A native map (YAML or JSON).
    write : bool
        False to report without changing the file.

    Returns
    -------
    FixReport
    """
    from ruamel.yaml import YAML

    from ._files import atomic_write
    from .formats import native

    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    report = FixReport(path)
    fixes = nearest_spans(path)
    report.unfixed = [f for f in fixes if f.new is None]
    todo = [f for f in fixes if f.new is not None]
    if not todo:
        return report
    root = YAML(typ="rt").compose(text)
    edits: list[tuple[int, int, str]] = []
    by_claim = {f.claim: f for f in todo}
    for item in _items(_pairs(root).get("claims", (None, None))[1]):
        f = _pairs(item)
        cid = _scalar(f.get("id", (None, None))[1])
        fix = by_claim.get(cid or "")
        if fix is None or cid is None or "quote" not in f:
            continue
        qnode = f["quote"][1]
        start, end = qnode.start_mark.index, qnode.end_mark.index
        new = yaml_scalar(fix.new or "")
        if qnode.style in ("|", ">") and text[end - 1:end] == "\n":
            new += "\n"
        edits.append((start, end, new))
        span = fix.span
        if span is not None and span.count > 1 and "occurrence" in f:
            onode = f["occurrence"][1]
            edits.append((onode.start_mark.index, onode.end_mark.index, str(span.occurrence)))
            by_claim[cid] = QuoteFix(fix.claim, fix.line, fix.column, fix.old, fix.new, span,
                                     f"occurrence set to {span.occurrence}")
        elif span is not None and span.count > 1 and span.occurrence > 1:
            by_claim[cid] = QuoteFix(fix.claim, fix.line, fix.column, fix.old, fix.new, span,
                                     f"add `occurrence: {span.occurrence}` (the span occurs {span.count} times)")
    new_text = text
    for start, end, replacement in sorted(edits, reverse=True):
        new_text = new_text[:start] + replacement + new_text[end:]
    report.fixed = [by_claim[f.claim] for f in todo]
    syntax = "json" if path.suffix.lower() == ".json" else "yaml"
    before = native.parse(text, path=path, syntax=syntax)
    after = native.parse(new_text, path=path, syntax=syntax)
    if len(after.errors) > len(before.errors):   # pragma: no cover - a replaced quote cannot add errors
        raise ArgmapError("the fixed map would not load; nothing written", path=path,
                          hint=str(after.errors[0]))
    if write:
        atomic_write(path, new_text)
        report.written = True
    return report
