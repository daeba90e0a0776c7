"""Argdown scanning: text to frontmatter, items and elements, in time linear in the text.

The scanner knows Argdown's lines, not argmap's model: it resolves ``@include``, reads
the frontmatter, removes comments, cuts the text into :class:`Item` s (headings,
elements with their relation symbol and indentation, premise–conclusion statements,
inference lines) and parses one element's content (title, text, tags, inline data).
:mod:`._build` turns the items into a map.

Every step is one pass over the text or over one line: continuation lines carry the
state of open ``{`` data forward instead of rescanning the paragraph, and a tag opener
``#(`` without its ``)`` is resolved with one search per line, so long paragraphs and
hostile lines cost time in proportion to their size.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from ...errors import MapFormatError
from .._tree import parse_yaml, to_python

__all__ = ["Item", "Element", "Scanner", "DATA_KEYS"]

#: The data keys argmap reads on a statement or argument; any other key is the user's.
DATA_KEYS = ("speaker", "kind", "source", "quote", "occurrence", "act", "relations", "silence")

_REL = re.compile(r"(<\+|\+>|<-|->|<_|_>|><|\+|-|_)(?=\s|$)")
_HEADING = re.compile(r"(#+)\s+")
_PCS = re.compile(r"\((\d+)\)\s*")
_LIST = re.compile(r"(?:\*|\d+\.)\s+")
_INFERENCE = re.compile(r"-{2,}")
_INCLUDE = re.compile(r"\s*@include\s*\(([^)]*)\)\s*$")
_TAG_WORD = re.compile(r"[\w\-]+")
# what matters when removing comments, outside inline data and inside it
_OUTSIDE = re.compile(r"\\.?|\{|/\*|<!--|(?<!:)//", re.DOTALL)
_TITLE_STOP = {"[": re.compile(r"[\\\n\[]"), "<": re.compile(r"[\\\n<]")}
_BRACE_CHARS = re.compile(r"[{}\\]")
_INSIDE = re.compile(r"\\|[\"'{}]|\n[ \t]*(?=\n|$)")
#: Bound on nested ``@include`` (a cycle is refused before that).
MAX_INCLUDE_DEPTH = 20
#: The shortcodes the Argdown CLI 1.7.5 turns into symbols (``.code.`` and ``:code:``), as
#: its JSON export shows them; a frontmatter ``model: {shortcodes: {...}}`` adds more.
SHORTCODES: dict[str, str] = {
    "~": "¬", "A": "∀", "E": "∃", "->": "→", "<->": "↔", "^": "∧", "v": "∨", "v_": "⊻",
    "<>": "◇", "[]": "◻", "O": "𝗢", "P": "𝗣", "+1": "👍", "up": "👍", "-1": "👎",
    "down": "👎", "y": "✔", "n": "❌", "?": "❓", "question": "❓", "star": "⭐", "heart": "❤",
    "happy": "😀", "smile": "☺", "smiley": "☺", "laugh": "😆", "lol": "😆", "rofl": "🤣",
    "joy": "😂", "love": "😍", "wink": "😉", "shush": "🤫", "meh": "😐", "eye-roll": "🙄",
    "sad": "😢", "disappointed": "😞", "scream": "😱", "think": "🤔",
}
_MARKUP = re.compile(r"[\\*_\[]")
#: Markdown inside a text: escapes, mentions and tags (kept as written), links, emphasis markers
_INLINE = re.compile(r"(\\.)|(@\[[^\]\n]*\]|@<[^>\n]*>|(?:(?<=[\s\0])|^)#(?:\([^)\n]*\)|[\w\-]+))"
                     r"|\[([^\]\n]*)\]\(([^)\s]*)\)|(\*\*|__|\*|_)")


@dataclass
class Item:
    """One logical line of an Argdown document.

    ``kind`` is ``"heading"``, ``"element"`` (a statement or argument, maybe with a
    relation ``symbol``), ``"list"`` (a Markdown list item), ``"pcs"`` (a numbered
    statement of a premise–conclusion structure, ``number``) or ``"inference"`` (an
    inference bar, its rule text in ``content``).
    """

    kind: str
    block: int
    indent: int
    content: str
    line: int
    column: int
    symbol: str | None = None
    level: int = 0
    number: int = 0


@dataclass
class Element:
    """What one element's content says: title, text, tags and data."""

    argument: bool
    title: str | None
    text: str | None
    reference: bool
    where: tuple[int, int]
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    data_at: dict[str, tuple[int, int]] = field(default_factory=dict)


class Scanner:
    """Cut one Argdown document into items (see the module docstring)."""

    def __init__(self, text: str, path: str | Path | None, warn: Any) -> None:
        self.path = str(path) if path is not None else "<string>"
        self.file = Path(path) if path is not None else None
        self.warn = warn
        self.origin: list[tuple[str, int]] = []
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines = self.include(lines, self.file, 0, set())
        self.front: dict[str, Any] = {}
        self.front_where: dict[str, tuple[int, int]] = {}
        self.links = 0  # link targets dropped from texts (the link text is kept)
        self._codes: re.Pattern[str] | None = None
        self._symbols: dict[str, str] = {}

    # locations -------------------------------------------------------------------------
    def fail(self, where: tuple[int, int] | None, message: str, hint: str | None = None) -> MapFormatError:
        """A located error; lines of included files are named in their own file."""
        if where is None:
            return MapFormatError(message, path=self.path, hint=hint)
        line, col = where
        path, real = self.origin[line - 1] if 0 < line <= len(self.origin) else (self.path, line)
        return MapFormatError(message, path=path, line=real, column=col, hint=hint)

    # @include ------------------------------------------------------------------------------
    def include(self, lines: list[str], file: Path | None, depth: int, seen: set[Path]) -> list[str]:
        out: list[str] = []
        name = str(file) if file is not None else self.path
        for i, line in enumerate(lines):
            m = _INCLUDE.match(line) if "@include" in line else None
            if m is None:
                out.append(line)
                self.origin.append((name, i + 1))
                continue
            where = (len(out) + 1, line.index("@") + 1)
            for part in (p.strip().strip("\"'") for p in m.group(1).split(",")):
                if not part:
                    continue
                if file is None:
                    self.origin.append((name, i + 1))
                    raise self.fail(where, f"@include({part}) needs the file's folder",
                                    "read the document from a file")
                target = self.confined(part, file, where, name, i + 1)
                if target in seen or depth >= MAX_INCLUDE_DEPTH:
                    self.origin.append((name, i + 1))
                    raise self.fail(where, f"@include({part}) includes itself (a cycle)",
                                    "include each file once, from outside the cycle")
                try:
                    text = target.read_bytes().decode("utf-8-sig")
                except (OSError, UnicodeDecodeError) as exc:
                    self.origin.append((name, i + 1))
                    raise self.fail(where, f"cannot read @include({part}): "
                                    f"{getattr(exc, 'strerror', None) or 'not UTF-8'}") from None
                inner = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                out.extend(self.include(inner, target, depth + 1, seen | {target}))
        return out

    def confined(self, part: str, file: Path, where: tuple[int, int], name: str, line: int) -> Path:
        base = file.parent
        posix, windows = PurePosixPath(part), PureWindowsPath(part)
        bad = posix.is_absolute() or windows.is_absolute() or ".." in posix.parts or ".." in windows.parts
        target = (base / part).resolve()
        if bad or (target != base.resolve() and base.resolve() not in target.parents):
            self.origin.append((name, line))
            raise self.fail(where, f"@include({part}) leaves the folder of {file.name}",
                            "include files from the same folder or below it")
        if not target.is_file():
            self.origin.append((name, line))
            raise self.fail(where, f"@include({part}): no such file (looked for {base / part})",
                            "paths are relative to the including file's folder")
        return target

    # frontmatter ---------------------------------------------------------------------------
    def frontmatter(self) -> None:
        lines = self.lines
        first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
        if first is None or lines[first].strip() != "===":
            return
        end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "==="), None)
        if end is None:
            raise self.fail((first + 1, 1), "the frontmatter is not closed", "end it with a line `===`")
        data = self.yaml("\n".join(lines[first + 1:end]), (first + 2, 1), "frontmatter")
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise self.fail((first + 2, 1), "the frontmatter must be a YAML mapping", "write `key: value` lines")
        self.front = data
        for i in range(first + 1, end):
            m = re.match(r"([A-Za-z_][\w-]*)\s*:", lines[i])
            if m and m.group(1) not in self.front_where:
                self.front_where[m.group(1)] = (i + 1, 1)
        for i in range(first, end + 1):
            lines[i] = ""

    def yaml(self, text: str, where: tuple[int, int], what: str) -> Any:
        """Parse YAML safely, with the shared bound on alias expansion; errors located in the file."""
        try:
            return to_python(parse_yaml(text, self.path))
        except MapFormatError as exc:
            line, col = where
            if exc.line is not None:
                col = (col + (exc.column or 1) - 1) if exc.line == 1 else (exc.column or 1)
                line += exc.line - 1
            raise self.fail((line, col), f"YAML error in {what}: {exc.message}", exc.hint) from None

    # comments ------------------------------------------------------------------------------
    def strip_comments(self) -> list[bool]:
        """Blank out ``//``, ``/* */`` and ``<!-- -->`` comments (outside inline data).

        Returns, per line, whether the line held only a comment: such a line is no
        paragraph break. One pass: a regular expression jumps from one character that
        matters to the next.
        """
        text = "\n".join(self.lines)
        pieces: list[str] = []
        pos, keep, depth, quote, prev = 0, 0, 0, "", "{"
        outside, inside = _OUTSIDE, _INSIDE
        while True:
            m = (inside if depth else outside).search(text, pos)
            if m is None:
                break
            k, tok = m.start(), m.group()
            if depth:
                before = text[pos:k].rstrip(" \t")
                if before:
                    prev = before[-1]
                pos = m.end()
                if quote:
                    if tok == "\\" and quote == '"':
                        pos = k + 2
                    elif tok == quote:
                        quote, prev = "", tok
                    continue
                if tok in "\"'" and prev in "{[,:-\n":
                    quote = tok
                elif tok == "{":
                    depth += 1
                elif tok == "}":
                    depth -= 1
                elif tok.startswith("\n") and not tok[1:].strip():
                    depth = 0  # an empty line ends any data block left open; the element reports it
                if tok != "\\" and tok.strip():
                    prev = tok[-1]
                elif tok.startswith("\n"):
                    prev = "\n"
                continue
            if tok.startswith("\\"):
                pos = m.end()
                continue
            if tok == "{":
                depth, prev, pos = 1, "{", m.end()
                continue
            if tok == "//":
                end = text.find("\n", k)
                end = len(text) if end < 0 else end
            else:
                close = "*/" if tok == "/*" else "-->"
                end = text.find(close, k + len(tok))
                if end < 0:
                    line = text.count("\n", 0, k) + 1
                    raise self.fail((line, k - (text.rfind("\n", 0, k) + 1) + 1), "comment not closed",
                                    f"end it with {close}")
                end += len(close)
            pieces.append(text[keep:k])
            pieces.append(re.sub(r"[^\n]", " ", text[k:end]))
            keep = pos = end
        pieces.append(text[keep:])
        stripped = "".join(pieces).split("\n")
        only = [bool(a.strip()) and not b.strip() for a, b in zip(self.lines, stripped)]
        self.lines = stripped
        return only

    # lines -> items ----------------------------------------------------------------------------
    def items(self) -> list[Item]:
        """The document's items in order (headings, elements, PCS statements, inferences)."""
        self.frontmatter()
        comment_only = self.strip_comments()
        lines = [ln.expandtabs(4) for ln in self.lines]
        items: list[Item] = []
        block, i, n = 0, 0, len(lines)
        starts = True  # whether this line starts a block (a heading may be indented there)
        while i < n:
            raw = lines[i]
            if comment_only[i]:
                i += 1
                continue
            if not raw.strip():
                block += 1
                i += 1
                starts = True
                continue
            indent = len(raw) - len(raw.lstrip(" "))
            body = raw[indent:]
            lineno = i + 1
            hm = _HEADING.match(body)
            opens, starts = starts, False
            if hm and (indent == 0 or opens):
                content = [body[hm.end():].rstrip()]
                i += 1
                while i < n and lines[i].strip() and not comment_only[i] and self.continues(lines[i]):
                    content.append(lines[i])
                    i += 1
                items.append(Item("heading", block, 0, "\n".join(content), lineno, indent + hm.end() + 1,
                                  level=len(hm.group(1))))
                block += 1
                continue
            im = _INFERENCE.match(body)
            if im:
                i = self.inference(lines, i, indent, block, items)
                continue
            kind, symbol, start, number = "element", None, 0, 0
            pm = _PCS.match(body)
            lm = _LIST.match(body) if pm is None else None
            rm = _REL.match(body) if pm is None and lm is None else None
            if pm:
                kind, start, number = "pcs", pm.end(), int(pm.group(1))
            elif lm:
                kind, start = "list", lm.end()
            elif rm:
                symbol, start = rm.group(1), rm.end()
                while start < len(body) and body[start] == " ":
                    start += 1
            content = [body[start:]]
            state = _braces(body[start:], (0, ""))
            column = indent + start + 1
            i += 1
            while i < n and (lines[i].strip() or state[0] or comment_only[i]):
                nxt = lines[i]
                if comment_only[i]:  # a comment inside the element (it may span lines)
                    content.append("")
                    i += 1
                    continue
                if not state[0] and not self.continues(nxt):
                    break
                content.append(nxt)
                state = _braces(nxt, state)
                i += 1
            while content and not content[-1]:
                content.pop()
            while i < n and comment_only[i]:
                i += 1
            items.append(Item(kind, block, indent, "\n".join(content), lineno, column, symbol, number=number))
        return items

    @staticmethod
    def continues(line: str) -> bool:
        """Whether *line* continues the text of the item above (rather than starting one)."""
        body = line.lstrip(" ")
        if _REL.match(body) or _PCS.match(body) or _INFERENCE.match(body) or _LIST.match(body):
            return False
        if _HEADING.match(body) and line == body:
            return False
        return not (line == body and body[:1] in ("[", "<") and re.match(r"[\[<][^\]>\n]*[\]>]:", body))

    def inference(self, lines: list[str], i: int, indent: int, block: int, items: list[Item]) -> int:
        """Read one inference (``----``, ``-- rules --``, or rules between two ``--`` lines)."""
        body = lines[i][indent:].rstrip()
        lineno = i + 1
        inner = body.strip("-").strip()
        if inner:  # -- rule, rule {data} --
            items.append(Item("inference", block, indent, inner, lineno, indent + 1))
            return i + 1
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if not nxt or _PCS.match(nxt) or _REL.match(nxt):  # a bar without rules
            items.append(Item("inference", block, indent, "", lineno, indent + 1))
            return i + 1
        content: list[str] = []
        j = i + 1
        while j < len(lines):
            stripped = lines[j].strip()
            if stripped and _INFERENCE.fullmatch(stripped):
                items.append(Item("inference", block, indent, "\n".join(content), lineno, indent + 1))
                return j + 1
            if not stripped or _PCS.match(stripped):
                break
            content.append(lines[j])
            j += 1
        raise self.fail((lineno, indent + 1), "inference not closed",
                        "end the inference rules with a line of dashes, e.g. `--`")

    # one element ---------------------------------------------------------------------------------
    def element(self, item: Item) -> Element:
        """Title, text, tags and data of an element (or of a heading or PCS statement)."""
        content, line, col = item.content, item.line, item.column
        data, data_at, rest = self.data(content, (line, col))
        tags: list[str] = []
        model = self.front.get("model")
        rest = _strip_tags(rest, tags, keep_inner=not (isinstance(model, dict) and model.get("removeTagsFromText")))
        lead = len(rest) - len(rest.lstrip())
        stripped = rest.lstrip()
        where = _where_in(content, lead, (line, col))
        argument = stripped.startswith("<")
        m = _title_at(stripped)
        if m is None:
            text = self.text(stripped)
            return Element(False, None, text or None, False, where, tags, data, data_at)
        title, end = m
        after = stripped[end:]
        if after.startswith(":"):
            return Element(argument, title, self.text(after[1:]) or None, False, where, tags, data, data_at)
        extra = clean(after)
        if extra:
            self.warn(where, f"text after the reference {show(title, argument)} is not kept: "
                      f"{_short(extra)!r}", f"to define it, write {show(title, argument)}: text")
        return Element(argument, title, None, True, where, tags, data, data_at)

    def text(self, raw: str) -> str:
        """An element's text as the Argdown CLI gives it: lines joined, emphasis markers
        (``*``, ``**``, ``_``, ``__``) removed where they pair up, a link ``[text](url)``
        read as its text, shortcodes (``.^.``, ``:+1:``) turned into their symbols; mentions,
        tags inside the text and escaped characters kept as written."""
        text = re.sub(r"[ \t]*\0+[ \t]*", " ", raw)
        text = self.shortcodes(" ".join(part.strip() for part in text.split("\n") if part.strip()))
        if not _MARKUP.search(text):
            return text.strip()  # nothing to resolve: no escape, link or emphasis marker
        pieces: list[str] = []
        markers: dict[str, list[int]] = {}
        pos = 0
        for m in _INLINE.finditer(text):
            pieces.append(text[pos:m.start()])
            pos = m.end()
            if m.group(3) is not None:  # a link: its text
                self.links += 1
                pieces.append(m.group(3))
            elif m.group(5) is not None:
                markers.setdefault(m.group(5), []).append(len(pieces))
                pieces.append(m.group(5))
            else:
                pieces.append(m.group(0))
        pieces.append(text[pos:])
        for found in markers.values():
            if len(found) % 2 == 0:  # each opened range closed: Argdown reads them as emphasis
                for k in found:
                    pieces[k] = ""
        return _unescape("".join(pieces)).strip()

    def shortcodes(self, text: str) -> str:
        """*text* with ``.code.`` and ``:code:`` replaced by their symbols (not across an
        escaped character: ``\\.v.`` stays as written)."""
        if "." not in text and ":" not in text:
            return text
        if self._codes is None:
            symbols = {f"{d}{k}{d}": v for k, v in SHORTCODES.items() for d in ".:"}
            symbols[":smile:"] = "☺\ufe0f"
            model = self.front.get("model")
            extra = model.get("shortcodes") if isinstance(model, dict) else None
            if isinstance(extra, dict):
                for code, spec in extra.items():
                    value = spec.get("unicode") if isinstance(spec, dict) else None
                    if isinstance(code, str) and code and isinstance(value, str):
                        symbols[code] = value
            self._symbols = symbols
            self._codes = re.compile(r"\\.|" + "|".join(re.escape(c) for c in sorted(symbols, key=len, reverse=True)))
        return self._codes.sub(lambda m: self._symbols.get(m.group(0), m.group(0)), text)

    def data(self, content: str, where: tuple[int, int]
             ) -> tuple[dict[str, Any], dict[str, tuple[int, int]], str]:
        """The inline ``{yaml}`` data of *content*, and *content* with it blanked out."""
        data: dict[str, Any] = {}
        data_at: dict[str, tuple[int, int]] = {}
        pieces: list[str] = []
        pos = 0
        while True:
            start = _find_unescaped(content, "{", pos)
            if start < 0:
                break
            end = _match_brace(content, start)
            at = _where_in(content, start, where)
            if end < 0:
                raise self.fail(at, "data `{` is not closed", "end the YAML data with `}`")
            chunk = content[start:end + 1]
            inner = chunk[1:-1]
            if inner.lstrip(" ").startswith("\n"):
                value = self.yaml(textwrap.dedent(inner.lstrip(" ")[1:]), (at[0] + 1, 1), "data")
            else:
                value = self.yaml(chunk, at, "data")
            if value is None:
                value = {}
            if not isinstance(value, dict):
                raise self.fail(at, "data must be a YAML mapping", "write {key: value}")
            for key in value:
                if not isinstance(key, str):
                    raise self.fail(at, f"data key {key!r} is not a string")
                if key in data:
                    raise self.fail(at, f"data key {key!r} given twice")
            data.update(value)
            data_at.update({key: at for key in value})
            pieces.append(content[pos:start])
            pieces.append("\0" * (end + 1 - start))
            pos = end + 1
        pieces.append(content[pos:])
        return data, data_at, "".join(pieces)


def show(title: str, argument: bool) -> str:
    """``<title>`` or ``[title]``."""
    return f"<{title}>" if argument else f"[{title}]"


def clean(text: str) -> str:
    """An element's text: lines joined by single spaces, blanked parts and escapes removed."""
    text = re.sub(r"[ \t]*\0+[ \t]*", " ", text)
    return _unescape(" ".join(part.strip() for part in text.split("\n") if part.strip()))


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _title_at(text: str) -> tuple[str, int] | None:
    """``(title, end)`` of a ``[title]`` or ``<title>`` at the start of *text*."""
    if not text or text[0] not in "[<":
        return None
    close = "]" if text[0] == "[" else ">"
    end = text.find(close, 1)
    if end > 0 and not _TITLE_STOP[text[0]].search(text, 1, end):
        title = text[1:end].strip()
        return (title, end + 1) if title else None
    i = 1
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "\n" or ch in "[<" and ch == text[0]:
            return None
        if ch == close:
            title = _unescape(text[1:i]).strip()
            return (title, i + 1) if title else None
        i += 1
    return None


def _strip_tags(text: str, tags: list[str], keep_inner: bool = False) -> str:
    """Remove ``#tag`` and ``#(tag words)`` from *text* (appending them to *tags*), in one pass.

    With *keep_inner*, a tag followed by more text stays in the text as written (as the
    Argdown CLI keeps it); only the tags at the end of the text are removed.
    """
    out: list[str] = []
    pos, n = 0, len(text)
    close = -2  # position of the next ')' at or after pos, or -1 when there is none
    line_end = -2
    while True:
        k = text.find("#", pos)
        if k < 0:
            break
        if k > 0 and not text[k - 1].isspace() and text[k - 1] != "\0":
            out.append(text[pos:k + 1])
            pos = k + 1
            continue
        if text.startswith("#(", k):
            if close != -1 and close < k + 2:
                close = text.find(")", k + 2)
            if line_end != -1 and line_end < k:
                line_end = text.find("\n", k)
            if close >= 0 and (line_end < 0 or close < line_end):
                tags.append(text[k + 2:close].strip())
                out.append(text[pos:k])
                out.append("\0" * (close + 1 - k))
                pos = close + 1
                continue
            out.append(text[pos:k + 1])
            pos = k + 1
            continue
        m = _TAG_WORD.match(text, k + 1)
        if m:
            tags.append(m.group(0))
            out.append(text[pos:k])
            out.append("\0" * (m.end() - k))
            pos = m.end()
        else:
            out.append(text[pos:k + 1])
            pos = k + 1
    out.append(text[pos:n])
    if not keep_inner or not tags:
        return "".join(out)
    # restore every tag that is followed by text; keep blanked only the trailing run
    joined = "".join(out)
    last = len(joined.rstrip(" \t\n\0"))
    restored: list[str] = []
    start = 0
    for m in re.finditer(r"\0+", joined[:last]):
        restored.append(joined[start:m.start()])
        piece = text[m.start():m.end()]
        restored.append(piece if piece.startswith("#") else m.group(0))
        start = m.end()
    restored.append(joined[start:])
    return "".join(restored)


def _where_in(content: str, offset: int, where: tuple[int, int]) -> tuple[int, int]:
    nl = content.count("\n", 0, offset)
    if nl == 0:
        return where[0], where[1] + offset
    return where[0] + nl, offset - content.rfind("\n", 0, offset)


def _find_unescaped(text: str, ch: str, pos: int) -> int:
    while True:
        k = text.find(ch, pos)
        if k < 0:
            return -1
        slashes = 0
        j = k - 1
        while j >= 0 and text[j] == "\\":
            slashes += 1
            j -= 1
        if slashes % 2 == 0:
            return k
        pos = k + 1


def _match_brace(text: str, start: int) -> int:
    depth, quote, prev = 0, "", "{"
    i = start
    while i < len(text):
        ch = text[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch in "\"'" and prev in "{[,:-\n":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        if not ch.isspace() or ch == "\n":
            prev = ch
        i += 1
    return -1


def _braces(line: str, state: tuple[int, str]) -> tuple[int, str]:
    """Carry the state of inline data (open ``{`` depth, open quote) over one more line."""
    depth, quote = state
    if not depth and not _BRACE_CHARS.search(line):
        return state
    i, n = 0, len(line)
    prev = "\n"
    while i < n:
        ch = line[i]
        if quote:
            if ch == "\\" and quote == '"':
                i += 2
                continue
            if ch == quote:
                quote = ""
        elif ch == "\\" and not depth:
            i += 2
            continue
        elif depth and ch in "\"'" and prev in "{[,:-\n":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
        if not ch.isspace():
            prev = ch
        i += 1
    return depth, (quote if depth else "")

