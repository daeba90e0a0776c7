"""Argdown writing: a map as Argdown that the Argdown tools read with the same statements,
arguments and relations (see the package docstring)."""

from __future__ import annotations

import json
import re
from typing import Any

from ...errors import ConversionError
from ...model import ArgumentMap
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
    if re.fullmatch(r"[\w\-]+", tag):
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
    written: dict[str, str] = {}  # short strings as _flow writes them (keys, ids, kinds repeat)

    def flow(value: Any) -> str:
        if type(value) is str:
            hit = written.get(value)
            if hit is None:
                hit = _flow(value)
                if len(value) < 64:
                    written[value] = hit
            return hit
        if type(value) is dict:
            return "{" + ", ".join([f"{flow(k)}: {flow(v)}" for k, v in value.items()]) + "}"
        return _flow(value)

    by_speaker: dict[str, list[Any]] = {s.id: [] for s in amap.speakers}
    for c in amap.claims:
        by_speaker[c.speaker].append(c)
    for speaker in amap.speakers:
        claims = by_speaker[speaker.id]
        parts.append(f"# {_escape(speaker.name)} {{speaker: {_flow(speaker.id)}}}\n")
        for c in claims:
            data: dict[str, Any] = {"speaker": c.speaker}
            if c.kind != "claim":
                data["kind"] = c.kind
            for key in ("source", "quote", "occurrence", "act"):
                if getattr(c, key) is not None:
                    data[key] = getattr(c, key)
            if c.silence:
                data["silence"] = dict(c.silence)
            rels = amap.outgoing(c.id)
            extra = {}
            for r in rels:
                info = {k: v for k, v in (("note", r.note), ("speaker", r.speaker)) if v is not None}
                if info:
                    extra[r.to_id] = info
            if extra:
                data["relations"] = extra
            tags = "".join(" " + _tag(t) for t in c.tags)
            block = [f"[{_title(c.id)}]: {_escape(c.text)}{tags} {flow(data)}"]
            block.extend(_relation_line(amap, r) for r in rels)
            parts.append("\n".join(block) + "\n")
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
    broken = sum(1 for c in amap.claims if "\n" in c.text or c.text != c.text.strip())
    broken += sum(1 for a in amap.arguments for t in (a.note, a.scheme)
                  if t is not None and ("\n" in t or t != t.strip()))
    if broken:
        out.append(f"{broken} claim text{'s' if broken != 1 else ''} with line breaks "
                   "(written on one line)")
    odd = sum(1 for c in amap.claims if _UNKEPT.search(c.text))
    odd += sum(1 for r in amap.relations if r.note and _UNKEPT.search(r.note))
    if odd:
        out.append(f"{odd} claim text{'s' if odd != 1 else ''} or note{'s' if odd != 1 else ''} with "
                   "characters Argdown text cannot keep (NUL, CR, tab, other control characters, "
                   "U+2028/U+2029: changed to spaces or dropped)")
    return out


#: Characters the Argdown reader does not give back as written: it drops NUL, reads
#: CR, vertical tab, form feed, U+0085 and U+2028/9 as line breaks, expands tabs.
_UNKEPT = re.compile("[\x00-\x08\t\x0b-\x1f\x7f-\x9f\u2028\u2029]")
