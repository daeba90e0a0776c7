"""Argdown writing: a map as Argdown that the Argdown tools read with the same statements,
arguments and relations (see the package docstring)."""

from __future__ import annotations

import json
import re
from itertools import repeat
from operator import itemgetter
from typing import Any

from ..._jsondump import interleave, uniform
from ...errors import ConversionError
from ...model import ArgumentMap, Claim, Relation
from ._scan import SHORTCODES

__all__ = ["dumps", "losses"]

_ESCAPE = re.compile(r"([\\\[\]<>{}#@*_`])|(/(?=[/*]))")


#: Shortcodes as they appear in a text: escaping their first character keeps them as written
#: (the Argdown CLI reads ``\\.^.`` as ``.^.``).
_CODES = re.compile("|".join(re.escape(f"{d}{k}{d}") for k in sorted(SHORTCODES, key=len, reverse=True)
                             for d in ".:"))


def _escape(text: str) -> str:
    text = _ESCAPE.sub(lambda m: "\\" + m.group(0), " ".join(text.split("\n")).strip())
    return _CODES.sub(lambda m: "\\" + m.group(0), text) if _CODES.search(text) else text


_PLAIN = re.compile(r"[A-Za-z][\w\-. ]*")
_YAML_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"})
_encode_string = json.encoder.encode_basestring  # what json.dumps(s, ensure_ascii=False) writes for a str


def _flow(value: Any) -> str:
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value == value.strip() and not _yaml_special(value):
            return value
        return _encode_string(value)
    if isinstance(value, dict):
        return "{" + ", ".join([f"{_flow(k)}: {_flow(v)}" for k, v in value.items()]) + "}"
    return json.dumps(value, ensure_ascii=False)


def _yaml_special(value: str) -> bool:
    return value.lower() in _YAML_WORDS


_BAD_TITLE = {"claim": re.compile(r"[\[\]\n\\]"), "argument": re.compile(r"[<>\n\\]")}


def _title(cid: str, what: str = "claim") -> str:
    if not cid or cid != cid.strip() or _BAD_TITLE[what].search(cid):
        brackets = "[ ]" if what == "claim" else "< >"
        raise ConversionError(f"{what} id {cid!r} cannot be an Argdown title",
                              hint=f"Argdown titles cannot hold {brackets} \\ or line breaks, "
                              "nor start or end with a space")
    return cid


def _tag(tag: str) -> str:
    if _TAG.fullmatch(tag):
        return "#" + tag
    if ")" in tag or "\n" in tag:
        raise ConversionError(f"tag {tag!r} cannot be written in Argdown", hint="Argdown tags cannot hold ')'")
    return f"#({tag})"


def _relation_line(amap: ArgumentMap, r: Any) -> str:
    if amap.has_argument(r.to_id):
        symbol = "_>" if r.note == "undercut" else "->"
        return f"    {symbol} <{_title(r.to_id, 'argument')}>"
    return f"    {'+>' if r.type == 'support' else '->'} [{_title(r.to_id)}]"


def dumps(amap: ArgumentMap) -> str:
    """Write *amap* as Argdown.

    The output has a frontmatter (title, speakers, sources), one section per
    speaker, and each claim as a titled statement with its data and its outgoing
    relations; then each argument as an Argdown argument with its premise–conclusion
    structure. What it cannot hold is listed by :func:`losses`.

    Raises
    ------
    ConversionError
        If a claim or argument id or a tag cannot be written in Argdown syntax.
    """
    import yaml

    front: dict[str, Any] = {"title": amap.title,
                             "speakers": {s.id: s.name for s in amap.speakers}}
    if amap.sources:
        front["sources"] = [{k: v for k, v in (("id", s.id), ("file", s.file), ("sha256", s.sha256),
                                                ("title", s.title)) if v is not None} for s in amap.sources]
    front["selection"] = {"excludeDisconnected": False}
    parts = ["===\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000) + "===\n"]
    by_speaker: dict[str, list[Claim]] = {s.id: [] for s in amap.speakers}
    for c in amap.claims:
        by_speaker[c.speaker].append(c)
    if not _writable(amap):
        _first_problem(amap, by_speaker)  # raises what the claim-by-claim writing met first
    relation_lines = _relation_lines(amap)
    noted: dict[str, list[Relation]] = {}  # the relations with a note or speaker, by source claim
    for r in amap.relations:
        if r.note is not None or r.speaker is not None:
            noted.setdefault(r.from_id, []).append(r)
    for speaker in amap.speakers:
        parts.append(f"# {_escape(speaker.name)} {{speaker: {_flow(speaker.id)}}}\n")
        claims = by_speaker[speaker.id]
        if claims:
            parts.append(_claims(claims, relation_lines, noted))
    if amap.arguments:
        parts.append("# Arguments\n")
    for a in amap.arguments:
        head = f"<{_title(a.id, 'argument')}>"
        if a.note is not None:
            head += f": {_escape(a.note)}"
        if a.speaker is not None:
            head += f" {_flow({'speaker': a.speaker})}"
        lines = [f"({i}) [{_title(p)}]" for i, p in enumerate(a.premises, start=1)]
        lines.append(f"-- {_escape(a.scheme)} --" if a.scheme else "----")
        lines.append(f"({len(a.premises) + 1}) [{_title(a.conclusion)}]")
        parts.append(head + "\n\n" + "\n".join(lines) + "\n")
    return "\n".join(parts)


def _writable(amap: ArgumentMap) -> bool:
    """Whether every claim and argument id can be an Argdown title and every tag written (checked in bulk)."""
    ids = [c.id for c in amap.claims]
    args = [a.id for a in amap.arguments]
    # a title's bad characters are single characters: a NUL cannot join two into one
    return (all(ids) and all(args) and ids == [i.strip() for i in ids] and args == [i.strip() for i in args]
            and not _BAD_TITLE["claim"].search("\x00".join(ids))
            and not _BAD_TITLE["argument"].search("\x00".join(args))
            and all(_TAG.fullmatch(t) or not (")" in t or "\n" in t) for c in amap.claims if c.tags for t in c.tags))


def _first_problem(amap: ArgumentMap, by_speaker: dict[str, list[Claim]]) -> None:
    """Raise the first :class:`ConversionError` of the claims and arguments, in the order they are written."""
    for speaker in amap.speakers:
        for c in by_speaker[speaker.id]:
            for t in c.tags:
                _tag(t)
            _title(c.id)
            for r in amap.outgoing(c.id):
                _relation_line(amap, r)
    for a in amap.arguments:
        _title(a.id, "argument")
        for p in (*a.premises, a.conclusion):
            _title(p)


def _relation_lines(amap: ArgumentMap) -> dict[str, str]:
    """Each claim's relation lines (:func:`_relation_line`, each after a line break), their targets' titles checked."""
    arguments = {a.id for a in amap.arguments}
    lines: dict[str, str] = {}
    get = lines.get
    for r in amap.relations:
        if r.to_id in arguments:
            line = f"\n    {'_>' if r.note == 'undercut' else '->'} <{r.to_id}>"
        else:
            line = f"\n    {'+>' if r.type == 'support' else '->'} [{r.to_id}]"
        lines[r.from_id] = get(r.from_id, "") + line
    return lines


def _claims(claims: list[Claim], lines: dict[str, str], noted: dict[str, list[Relation]]) -> str:
    """The blocks of *claims* (one speaker's, ids and tags already checked), a blank line between two.

    Each block is ``[id]: text #tags {data}`` and its relation *lines*; the relations in
    *noted* give the data's ``relations``. The texts are escaped and the data's strings
    decided plain or quoted a column at a time (see :func:`_escaped` and :func:`_flows`).
    """
    n = len(claims)
    ids = [c.id for c in claims]
    cells: list[str | list[str]] = ["\n[", ids, "]: ", _escaped([c.text for c in claims])]
    if any(c.tags for c in claims):
        cells.append(["".join(" " + _tag(t) for t in c.tags) for c in claims])
    cells += (" {speaker: ", _flows([c.speaker for c in claims]))
    cells += _slot("kind", [None if c.kind == "claim" else c.kind for c in claims])
    for key in ("source", "quote"):
        cells += _slot(key, [getattr(c, key) for c in claims])
    if any(c.occurrence is not None for c in claims):
        cells.append(["" if c.occurrence is None else ", occurrence: " + json.dumps(c.occurrence) for c in claims])
    cells += _slot("act", [c.act for c in claims])
    if any(c.silence for c in claims):
        cells.append(["" if not c.silence else ", silence: " + _flow_dict(dict(c.silence)) for c in claims])
    if noted:
        extra = []
        for cid in ids:
            info = {r.to_id: {k: v for k, v in (("note", r.note), ("speaker", r.speaker)) if v is not None}
                    for r in noted.get(cid, ())}
            extra.append(", relations: " + _flow_dict(info) if info else "")
        cells.append(extra)
    cells += ("}", list(map(lines.get, ids, repeat(""))), "\n")
    pieces = interleave(n, cells)
    pieces[0] = pieces[0][1:]  # no blank line before the first block
    return "".join(pieces)


def _slot(key: str, values: list[str | None]) -> list[str | list[str]]:
    """The cells of an optional field: ``", key: value"``, nothing where the value is None (no cell when it
    always is; the key a constant cell when it never is)."""
    missing = values.count(None)
    if missing == len(values):
        return []
    lead = f", {key}: "
    if not missing:
        return [lead, uniform(_flows(values))]
    written = iter(_flows([v for v in values if v is not None]))
    return [["" if v is None else lead + next(written) for v in values]]


def _flow_dict(value: dict[str, Any]) -> str:
    return "{" + ", ".join([f"{_flow_dict(k) if isinstance(k, dict) else _flow(k)}: "
                            f"{_flow_dict(v) if isinstance(v, dict) else _flow(v)}" for k, v in value.items()]) + "}"


def _escaped(texts: list[str]) -> list[str]:
    """``[_escape(t) for t in texts]``, escaping the joined column with one substitution.

    The escapes are of single characters, a ``/`` before ``/`` or ``*``, and shortcodes,
    none of which holds or crosses a line break: joined by line breaks, the texts
    escape as they would one by one, except those that hold a line break or begin or
    end with white space (they are stripped and joined first), which go one by one.
    """
    if not texts:
        return []
    odd = [i for i, t in enumerate(texts) if not t or t[0].isspace() or t[-1].isspace() or "\n" in t]
    plain = list(texts)
    for i in odd:
        plain[i] = ""
    joined = "\n".join(plain)
    if "//" in joined or "/*" in joined or any(ch in joined for ch in _ESCAPED):  # else there is nothing to escape
        joined = _ESCAPE.sub(r"\\\g<0>", joined)
    if _CODES.search(joined):
        joined = _CODES.sub(r"\\\g<0>", joined)
    out = joined.split("\n")
    for i in odd:
        out[i] = _escape(texts[i])
    return out


def _flows(values: list[Any]) -> list[str]:
    """``[_flow(v) for v in values]`` for strings, plain ones found by one search over the joined column."""
    if not values:
        return []
    if set(map(type, values)) != {str}:
        return [_flow(v) for v in values]
    distinct = set(values)
    if len(distinct) * 4 < len(values):  # speakers, kinds, sources repeat: each decided once
        written = {v: _flow(v) for v in distinct}
        return [written[v] for v in values]
    # a plain value is a letter, then word characters, "-", "." or spaces, not a space at the end,
    # and no YAML word; joined by "a", a bad character is always in one of the values
    if min(map(len, values)) and _ASCII_LETTERS.issuperset(map(itemgetter(0), values)) \
            and " " not in set(map(itemgetter(-1), values)) and _plain_characters("a".join(values)) \
            and (min(map(len, values)) > _LONGEST_WORD or _YAML_WORDS.isdisjoint(map(str.lower, values))):
        return values
    return [_flow(v) for v in values]


def _plain_characters(text: str) -> bool:
    """Whether every character of *text* is a word character, ``-``, ``.`` or a space (``not _NOT_PLAIN.search``).

    An ASCII text is checked by deleting those bytes (one C pass; a regular expression
    reads a character at a time).

    >>> _plain_characters("Point 1 says-so."), _plain_characters("a: b"), _plain_characters("é ü")
    (True, False, True)
    """
    if text.isascii():
        return not text.encode("ascii").translate(None, _PLAIN_ASCII)
    return not _NOT_PLAIN.search(text)


_TAG = re.compile(r"[\w\-]+")
_NOT_PLAIN = re.compile(r"[^\w\-. ]")
#: The ASCII characters _NOT_PLAIN lets through: word characters (of an ASCII text), "-", "." and the space.
_PLAIN_ASCII = bytes(c for c in range(128) if not _NOT_PLAIN.match(chr(c)))
#: The characters _ESCAPE escapes wherever they are (a "/" only before "/" or "*").
_ESCAPED = "\\[]<>{}#@*_`"
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LONGEST_WORD = 5


def losses(amap: ArgumentMap) -> list[str]:
    """What Argdown output cannot hold of *amap*: line breaks and control characters in texts.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("a", "Ann")], claims=[Claim("A1", "a", "two\\nlines")])
    >>> losses(m)
    ['1 claim text with line breaks (written on one line)']
    """
    out = []
    texts = [c.text for c in amap.claims]
    if "\n" in " ".join(texts):
        broken = sum(1 for t in texts if "\n" in t or t != t.strip())
    else:
        broken = sum(map(str.__ne__, texts, map(str.strip, texts)))
    broken += sum(1 for a in amap.arguments for t in (a.note, a.scheme)
                  if t is not None and ("\n" in t or t != t.strip()))
    if broken:
        out.append(f"{broken} claim text{'s' if broken != 1 else ''} with line breaks "
                   "(written on one line)")
    odd = sum(1 for t in texts if _UNKEPT.search(t)) if _UNKEPT.search(" ".join(texts)) else 0
    odd += sum(1 for r in amap.relations if r.note and _UNKEPT.search(r.note))
    if odd:
        out.append(f"{odd} claim text{'s' if odd != 1 else ''} or note{'s' if odd != 1 else ''} with "
                   "characters Argdown text cannot keep (NUL, CR, tab, other control characters, "
                   "U+2028/U+2029: changed to spaces or dropped)")
    return out


#: Characters the Argdown reader does not give back as written: it drops NUL, reads
#: CR, vertical tab, form feed, U+0085 and U+2028/9 as line breaks, expands tabs.
_UNKEPT = re.compile("[\x00-\x08\t\x0b-\x1f\x7f-\x9f\u2028\u2029]")
