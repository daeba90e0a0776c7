"""Change a map file in place: add, edit and delete claims and relations.

:class:`MapEditor` works on the file's text through a round-trip YAML parser
(ruamel.yaml), so comments, key order, quoting and layout survive every change;
JSON maps are rewritten as indented JSON (they have no comments to keep). Each
change is checked by loading the new text with the strict loader before it is
written: a change that would add a problem is refused with that problem, and the
file is replaced atomically (a temporary file, then a rename), so it is never left
half-written.

A claim made from a selection is anchored by offsets into the source text: its
quote is the source's own characters between them, and ``occurrence`` is set
when those characters occur more than once.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "t.txt").write_text("Ann: Cars out. Bob: Shops die.", encoding="utf-8")
>>> _ = (folder / "m.yaml").write_text(
...     "argmap: 1  # my map\\nsources:\\n  - {id: t, file: t.txt}\\nspeakers:\\n"
...     "  - {id: ann, name: Ann}\\n  - {id: bob, name: Bob}\\nclaims: []\\n", encoding="utf-8")
>>> ed = MapEditor(folder / "m.yaml")
>>> ed.add_claim(speaker="ann", source="t", start=5, end=14).id
'A1'
>>> ed.add_claim(speaker="bob", source="t", start=20, end=30, kind="thesis").id
'B1'
>>> ed.add_relation("B1", "A1", "attack").problems
[]
>>> print((folder / "m.yaml").read_text(encoding="utf-8"))  # doctest: +NORMALIZE_WHITESPACE
argmap: 1  # my map
sources:
  - {id: t, file: t.txt}
speakers:
  - {id: ann, name: Ann}
  - {id: bob, name: Bob}
claims:
  - id: A1
    speaker: ann
    kind: claim
    text: Cars out.
    quote: Cars out.
  - id: B1
    speaker: bob
    kind: thesis
    text: Shops die.
    quote: Shops die.
relations:
  - {from: B1, to: A1, type: attack}
"""

from __future__ import annotations

import io
import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ArgmapError, did_you_mean
from .model import CLAIM_KINDS, RELATION_TYPES

__all__ = ["MapEditor", "Change", "EditError"]


class EditError(ArgmapError):
    """A change that cannot be made (unknown id, a selection that is not in the text, a
    change the loader would refuse); nothing was written."""


@dataclass
class Change:
    """What a change did.

    Attributes
    ----------
    id : str or None
        The claim or relation touched (a relation as ``FROM->TO``).
    summary : str
        One line saying what changed.
    problems : list of ArgmapError
        What ``argmap check`` reports on the map after the change.
    """

    id: str | None
    summary: str
    problems: list[ArgmapError] = field(default_factory=list)


def _flow(items: dict[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap(items)
    m.fa.set_flow_style()
    return m


def _block(items: dict[str, Any]) -> Any:
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap(items)


class MapEditor:
    """Edits one map file; every method writes the file (or raises, writing nothing).

    Parameters
    ----------
    path : str or Path
        A native map (``.yaml``, ``.yml`` or ``.json``).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.lock = threading.Lock()
        if self.path.suffix.lower() not in (".yaml", ".yml", ".json"):
            raise EditError("only native maps (.yaml, .yml, .json) can be edited", path=self.path,
                            hint="convert it first: argmap convert MAP -o map.yaml")

    # -- reading and writing -------------------------------------------------
    @property
    def is_json(self) -> bool:
        """Whether the map is written as JSON."""
        return self.path.suffix.lower() == ".json"

    def _read(self) -> tuple[Any, Any, str]:
        text = self.path.read_text(encoding="utf-8-sig")
        if self.is_json:
            try:
                return json.loads(text), None, text
            except json.JSONDecodeError as exc:
                raise EditError(f"not valid JSON: {exc.msg}", path=self.path, line=exc.lineno,
                                column=exc.colno) from None
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError
        from ruamel.yaml.util import load_yaml_guess_indent

        yaml = YAML(typ="rt")
        yaml.preserve_quotes = True
        yaml.width = 4096
        try:
            _, indent, offset = load_yaml_guess_indent(text)
            yaml.indent(mapping=indent or 2, sequence=indent or 2, offset=offset or 0)
            data = yaml.load(text)
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise EditError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path=self.path,
                            line=mark.line + 1 if mark else None,
                            column=mark.column + 1 if mark else None) from None
        if not isinstance(data, dict):
            raise EditError("the map must be a mapping", path=self.path)
        return data, yaml, text

    def _dump(self, data: Any, yaml: Any) -> str:
        if yaml is None:
            return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        out = io.StringIO()
        yaml.dump(data, out)
        return out.getvalue()

    def problems(self, text: str | None = None) -> list[ArgmapError]:
        """What ``argmap check`` reports for the map (its current file, or *text* in its place)."""
        from .formats import native

        if text is None:
            text = self.path.read_text(encoding="utf-8-sig")
        parsed = native.parse(text, path=self.path, syntax="json" if self.is_json else "yaml")
        return list(parsed.errors) + list(parsed.advisories)

    def _commit(self, data: Any, yaml: Any, before: str, change: Change) -> Change:
        from ._files import atomic_write

        text = self._dump(data, yaml)
        old = {(p.message) for p in self.problems(before)}
        after = self.problems(text)
        new = [p for p in after if p.message not in old]
        if new:
            first = new[0]
            raise EditError(f"not saved: {first.message}", hint=first.hint)
        atomic_write(self.path, text)
        change.problems = after
        return change

    # -- helpers -------------------------------------------------------------
    @staticmethod
    def _section(data: Any, name: str, yaml: Any) -> Any:
        items = data.get(name)
        if items is None:
            from ruamel.yaml.comments import CommentedSeq

            items = CommentedSeq() if yaml is not None else []
            data[name] = items
        return items

    @staticmethod
    def _ids(data: Any) -> list[str]:
        return [str(c.get("id")) for c in (data.get("claims") or [])] + \
               [str(a.get("id")) for a in (data.get("arguments") or [])]

    def _claim(self, data: Any, claim_id: str) -> Any:
        for c in data.get("claims") or []:
            if str(c.get("id")) == claim_id:
                return c
        raise EditError(f"unknown claim {claim_id!r}", hint=did_you_mean(claim_id, self._ids(data)))

    @staticmethod
    def _new_id(data: Any, speaker: str) -> str:
        taken = set(MapEditor._ids(data))
        others = {str(s.get("id"))[:1].upper() for s in (data.get("speakers") or [])
                  if str(s.get("id")) != speaker}
        prefix = re.sub(r"[^A-Za-z0-9]", "", speaker)[:1].upper() or "C"
        if prefix in others:
            prefix = re.sub(r"[^A-Za-z0-9]", "", speaker)[:2].capitalize() or prefix
        numbers = [int(m.group(1)) for t in taken if (m := re.fullmatch(re.escape(prefix) + r"(\d+)", t))]
        n = max(numbers, default=0) + 1
        while f"{prefix}{n}" in taken:
            n += 1
        return f"{prefix}{n}"

    def _source_text(self, data: Any, source: str | None, before: str) -> tuple[str, str]:
        from .formats import native

        sources = data.get("sources") or []
        if source is None:
            if len(sources) != 1:
                raise EditError("say which source the selection is in",
                                hint="the map has " + (f"{len(sources)} sources" if sources else "no source"))
            source = str(sources[0].get("id"))
        parsed = native.parse(before, path=self.path, syntax="json" if self.is_json else "yaml")
        if parsed.map is None:
            first = parsed.errors[0]
            raise EditError(f"fix the map first: {first}", hint="claims are added to a map that loads")
        if source not in {s.id for s in parsed.map.sources}:
            raise EditError(f"unknown source {source!r}",
                            hint=did_you_mean(source, [s.id for s in parsed.map.sources]))
        text = parsed.map.source(source).text
        assert text is not None
        return source, text

    @staticmethod
    def _check_choice(value: str, choices: tuple[str, ...] | list[str], what: str) -> None:
        if value not in choices:
            raise EditError(f"unknown {what} {value!r}",
                            hint=did_you_mean(value, choices) or "use one of " + ", ".join(choices))

    # -- claims --------------------------------------------------------------
    def add_claim(self, *, speaker: str, start: int, end: int, source: str | None = None,
                  kind: str = "claim", text: str | None = None, claim_id: str | None = None,
                  newlines: str = "source") -> Change:
        """Add a claim whose quote is the source's characters ``start:end``.

        Parameters
        ----------
        speaker, kind : str
            The claim's speaker (an id of the map) and kind.
        start, end : int
            Offsets into the source text. With ``newlines="lf"`` they count a line
            break as one character, as a browser's text does (``\\r\\n`` in the file).
        source : str, optional
            The source id (default: the map's only source).
        text : str, optional
            The paraphrase (default: the quote, on one line).
        claim_id : str, optional
            Default: the speaker's initial and the next free number (``A3``).
        """
        with self.lock:
            data, yaml, before = self._read()
            speakers = [str(s.get("id")) for s in data.get("speakers") or []]
            self._check_choice(speaker, speakers, "speaker")
            self._check_choice(kind, CLAIM_KINDS, "kind")
            source, full = self._source_text(data, source, before)
            if newlines == "lf":
                start, end = _lf_offsets(full, start), _lf_offsets(full, end)
            if not (0 <= start < end <= len(full)):
                raise EditError(f"the selection {start}-{end} is not inside source {source!r}")
            quote = full[start:end]
            if not quote.strip():
                raise EditError("the selection holds no words", hint="select some words of the text")
            count = occurrence = 0
            pos = full.find(quote)
            while pos != -1:
                count += 1
                if pos == start:
                    occurrence = count
                pos = full.find(quote, pos + 1)
            cid = claim_id or self._new_id(data, speaker)
            if cid in self._ids(data):
                raise EditError(f"the id {cid!r} is taken", hint="choose another id")
            record: dict[str, Any] = {"id": cid, "speaker": speaker}
            if len(data.get("sources") or []) > 1:
                record["source"] = source
            record["kind"] = kind
            record["text"] = (text or " ".join(quote.split())).strip()
            record["quote"] = quote
            if count > 1:
                record["occurrence"] = occurrence
            self._section(data, "claims", yaml).append(_block(record) if yaml is not None else record)
            return self._commit(data, yaml, before, Change(cid, f"added claim {cid}"))

    def update_claim(self, claim_id: str, *, speaker: str | None = None, kind: str | None = None,
                     text: str | None = None) -> Change:
        """Change a claim's speaker, kind or paraphrase."""
        with self.lock:
            data, yaml, before = self._read()
            claim = self._claim(data, claim_id)
            changed = []
            if speaker is not None and speaker != claim.get("speaker"):
                self._check_choice(speaker, [str(s.get("id")) for s in data.get("speakers") or []], "speaker")
                claim["speaker"] = speaker
                changed.append("speaker")
            if kind is not None and kind != claim.get("kind", "claim"):
                self._check_choice(kind, CLAIM_KINDS, "kind")
                claim["kind"] = kind
                changed.append("kind")
            if text is not None and text.strip() and text.strip() != claim.get("text"):
                claim["text"] = text.strip()
                changed.append("text")
            if not changed:
                return Change(claim_id, f"claim {claim_id} unchanged", self.problems(before))
            return self._commit(data, yaml, before,
                                Change(claim_id, f"changed the {', '.join(changed)} of claim {claim_id}"))

    def delete_claim(self, claim_id: str) -> Change:
        """Delete a claim, the relations that touch it and the arguments built on it."""
        with self.lock:
            data, yaml, before = self._read()
            claim = self._claim(data, claim_id)
            data["claims"].remove(claim)
            gone = {claim_id}
            arguments = data.get("arguments") or []
            for a in list(arguments):
                if claim_id in [str(p) for p in a.get("premises") or []] or str(a.get("conclusion")) == claim_id:
                    arguments.remove(a)
                    gone.add(str(a.get("id")))
            relations = data.get("relations") or []
            dropped = [r for r in relations if str(r.get("from")) in gone or str(r.get("to")) in gone]
            for r in dropped:
                relations.remove(r)
            extra = len(gone) - 1
            summary = f"deleted claim {claim_id}"
            if dropped or extra:
                summary += f" ({_plural(len(dropped), 'relation')}" + \
                    (f", {_plural(extra, 'argument')})" if extra else ")")
            return self._commit(data, yaml, before, Change(claim_id, summary))

    # -- relations -----------------------------------------------------------
    def add_relation(self, from_id: str, to_id: str, rtype: str, note: str | None = None) -> Change:
        """Add a support or attack from claim *from_id* to claim or argument *to_id*."""
        with self.lock:
            data, yaml, before = self._read()
            self._check_choice(rtype, RELATION_TYPES, "relation type")
            ids = self._ids(data)
            for x in (from_id, to_id):
                if x not in ids:
                    raise EditError(f"unknown claim {x!r}", hint=did_you_mean(x, ids))
            if from_id == to_id:
                raise EditError("a claim cannot support or attack itself")
            for r in data.get("relations") or []:
                if str(r.get("from")) == from_id and str(r.get("to")) == to_id:
                    raise EditError(f"there is already a relation from {from_id} to {to_id}",
                                    hint="delete it first to change its type")
            record: dict[str, Any] = {"from": from_id, "to": to_id, "type": rtype}
            if note:
                record["note"] = note
            self._section(data, "relations", yaml).append(_flow(record) if yaml is not None else record)
            return self._commit(data, yaml, before, Change(f"{from_id}->{to_id}",
                                                           f"added {rtype} {from_id} -> {to_id}"))

    def delete_relation(self, from_id: str, to_id: str) -> Change:
        """Delete the relation from *from_id* to *to_id*."""
        with self.lock:
            data, yaml, before = self._read()
            relations = data.get("relations") or []
            for r in relations:
                if str(r.get("from")) == from_id and str(r.get("to")) == to_id:
                    relations.remove(r)
                    return self._commit(data, yaml, before, Change(f"{from_id}->{to_id}",
                                                                   f"deleted the relation {from_id} -> {to_id}"))
            raise EditError(f"no relation from {from_id!r} to {to_id!r}")


def _lf_offsets(text: str, offset: int) -> int:
    """The offset in *text* of the character at *offset* of *text* with ``\\r\\n`` and ``\\r`` read as ``\\n``."""
    if "\r" not in text:
        return offset
    i = seen = 0
    while i < len(text) and seen < offset:
        i += 2 if text.startswith("\r\n", i) else 1
        seen += 1
    return i


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")

