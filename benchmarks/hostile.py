"""Attack every reader and writer of argmap as a hostile user would, and tabulate what happens.

Each case builds its files in a fresh temporary folder and runs the real command line
(``python -m argmap ...``) in a child process with a hard time limit and a memory
limit, so that no case can hang or exhaust the machine. The outcome of each case is
one of:

``pass``
    the contract holds: exit 0 with a sound result, or exit 1 with located
    ``file:line:col: message`` lines and no traceback; and nothing was clobbered;
``traceback``
    another exception escaped (a traceback on stderr, a MemoryError);
``hang``
    the CPU-time limit (``--timeout``, default 8 s; a blocked process is stopped after
    four times that in wall time) or the memory limit (2 GiB) stopped it;
``lost``
    it exited, but data was lost: a file was clobbered, a temporary file was left
    behind, an export does not load where it was written, a lossy conversion said
    nothing;
``unsafe``
    terminal control sequences from the map reached the terminal raw;
``accepted``
    a bomb or an invalid file was accepted (exit 0) where an error was due.

Usage::

    python benchmarks/hostile.py                # the table, one line per case
    python benchmarks/hostile.py --only why     # cases whose name contains "why"
    python benchmarks/hostile.py --markdown     # the summary table in Markdown
    python benchmarks/hostile.py --ratios       # worst hostile input per class vs a
                                                # valid file of the same size

Run it once, not in a loop: it starts one Python process per case (about 45 of them).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
MEMORY_LIMIT = 2 << 30  # bytes of address space per child
CONTROL = ("\x1b", "\x9b", "\x9d", "\x07", "\x08")


# -- building blocks -----------------------------------------------------------------------

def claim(cid: str, text: str | None = None, speaker: str = "s", **extra: object) -> dict:
    """One claim record of a native map."""
    d = {"id": cid, "speaker": speaker, "text": text if text is not None else f"claim {cid}"}
    d.update(extra)
    return d


def native(claims: list[dict], relations: list[dict] | None = None, sources: list[dict] | None = None,
           speakers: list[dict] | None = None, title: str = "t") -> str:
    """A native map as JSON text (which is also YAML)."""
    data: dict = {"argmap": 1, "title": title}
    if sources:
        data["sources"] = sources
    data["speakers"] = speakers or [{"id": "s", "name": "S"}]
    data["claims"] = claims
    data["relations"] = relations or []
    return json.dumps(data, ensure_ascii=False)


def rel(a: str, b: str, t: str = "support", **extra: object) -> dict:
    """One relation record."""
    d = {"from": a, "to": b, "type": t}
    d.update(extra)
    return d


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """Write *text* to *folder*/*name* (folders created) and return the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def small_map(folder: Path, name: str = "map.yaml", comment: bool = False) -> Path:
    """A sound two-claim map with one source text."""
    write(folder, "sources/text.txt", "The street needs a crossing. Cars are slow here.\n")
    head = "# a comment the author wants to keep\n" if comment else ""
    return write(folder, name, head + (
        "argmap: 1\ntitle: t\nsources:\n  - {id: src, file: sources/text.txt}\n"
        "speakers:\n  - {id: s, name: S}\n"
        "claims:\n"
        "  - {id: A, speaker: s, kind: thesis, text: a crossing, quote: The street needs a crossing.}\n"
        "  - {id: B, speaker: s, text: slow cars, quote: Cars are slow here.}\n"
        "relations:\n  - {from: B, to: A, type: attack}\n"))


# -- cases --------------------------------------------------------------------------------

@dataclass
class Outcome:
    """What one run of one case gave."""

    verdict: str
    seconds: float
    cpu: float
    detail: str = ""


@dataclass
class Case:
    """A hostile input, the commands run on it, and the check of what they left."""

    cls: str
    name: str
    build: Callable[[Path], list[list[str]]]
    check: Callable[[Path, list[subprocess.CompletedProcess]], str | None] | None = None
    expect: str = "error"  # "error", "ok" or "any"
    owner: str = "H13"
    notes: str = ""
    valid: Callable[[Path, int], list[list[str]]] | None = None  # a valid input of the same size
    env: dict[str, str] = field(default_factory=dict)


CASES: list[Case] = []


def case(cls: str, name: str, **kw: object) -> Callable:
    """Register the decorated builder as a case."""
    def deco(build: Callable[[Path], list[list[str]]]) -> Callable:
        CASES.append(Case(cls, name, build, **kw))  # type: ignore[arg-type]
        return build
    return deco


def valid_map_of_size(folder: Path, size: int, name: str = "valid.yaml") -> Path:
    """A sound native map of about *size* bytes (claims in a support chain)."""
    claims, relations = [], []
    i = 0
    text = native([claim("C0")])
    while len(text) < size:
        i += 1
        claims.append(claim(f"C{i}", f"a valid claim number {i} with some words"))
        if i > 1:
            relations.append(rel(f"C{i}", f"C{i - 1}", "support" if i % 3 else "attack"))
        if i % 50 == 0 or len(text) + 120 * 50 > size:
            text = native(claims, relations)
    return write(folder, name, text)


def valid_check(folder: Path, size: int) -> list[list[str]]:
    """Commands: ``check`` on a valid map of *size* bytes."""
    return [["check", str(valid_map_of_size(folder, size))]]


# Bombs ----------------------------------------------------------------------------------

@case("bombs", "yaml-alias-bomb", valid=valid_check,
      notes="nine levels of ten aliases, 428 bytes")
def _(d: Path) -> list[list[str]]:
    lines = ["argmap: 1", 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for k in range(1, 9):
        lines.append(f"l{k}: &l{k} [" + ",".join([f"*l{k - 1}"] * 9) + "]")
    lines.append("speakers: [{id: s}]\nclaims: []\n")
    return [["check", str(write(d, "bomb.yaml", "\n".join(lines)))]]


@case("bombs", "yaml-bigint-aliases", valid=valid_check, notes="aliases of a 4,299-digit integer")
def _(d: Path) -> list[list[str]]:
    lines = ["argmap: 1", "n: &n " + "7" * 4299]
    lines.append("a: &a [" + ",".join(["*n"] * 10) + "]")
    for k, prev in enumerate("bcdefg"):
        lines.append(f"{prev}: &{prev} [" + ",".join([f"*{chr(ord(prev) - 1)}"] * 10) + "]")
    lines.append("speakers: [{id: s}]\nclaims: []\n")
    return [["check", str(write(d, "bigint.yaml", "\n".join(lines)))]]


@case("bombs", "yaml-long-scalar-aliases", valid=valid_check,
      notes="a 100 KB claim text repeated through aliases in 2,000 claims")
def _(d: Path) -> list[list[str]]:
    lines = ["argmap: 1", "speakers: [{id: s}]", "claims:",
             "  - {id: C0, speaker: s, text: &t " + "x" * 100_000 + "}"]
    lines += [f"  - {{id: C{i}, speaker: s, text: *t}}" for i in range(1, 2000)]
    return [["check", str(write(d, "long.yaml", "\n".join(lines) + "\n"))]]


@case("bombs", "yaml-deep-nesting", valid=valid_check, notes="100,000 nested flow lists")
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "deep.yaml", "argmap: 1\nx: " + "[" * 100_000 + "]" * 100_000 + "\n"))]]


@case("bombs", "json-deep-nesting", valid=valid_check, notes="100,000 nested JSON lists")
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "deep.json", '{"argmap": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}"))]]


@case("bombs", "argdown-data-bomb", owner="H11", notes="alias bomb in inline {data}")
def _(d: Path) -> list[list[str]]:
    levels = ['a0: &a0 [x,x,x,x,x,x,x,x,x]'] + [
        f"a{k}: &a{k} [" + ",".join([f"*a{k - 1}"] * 9) + "]" for k in range(1, 9)]
    return [["convert", str(write(d, "bomb.argdown", "[A]: text {speaker: s, " + ", ".join(levels)
                                        + ", tags: *a8}\n")), "--to", "json"]]


@case("bombs", "argdown-frontmatter-bomb", owner="H11", notes="alias bomb in the frontmatter")
def _(d: Path) -> list[list[str]]:
    levels = ['a0: &a0 [x,x,x,x,x,x,x,x,x]'] + [
        f"a{k}: &a{k} [" + ",".join([f"*a{k - 1}"] * 9) + "]" for k in range(1, 9)]
    return [["convert", str(write(d, "front.argdown", "===\n" + "\n".join(levels) + "\nspeakers: *a8\n===\n\n[A]: text\n")),
             "--to", "json"]]


# Tracebacks ----------------------------------------------------------------------------

@case("tracebacks", "json-5000-digit-number", valid=valid_check)
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "big.json", '{"argmap": ' + "9" * 5000 + "}"))]]


@case("tracebacks", "json-5000-digit-float", valid=valid_check)
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "bigf.json", '{"argmap": 1.' + "9" * 5000 + "e99999}"))]]


@case("tracebacks", "json-lone-surrogate",
      check=lambda d, procs: None if procs[0].returncode == 1 else "a lone surrogate was accepted")
def _(d: Path) -> list[list[str]]:
    text = native([claim("A", "x")]).replace('"x"', '"bad \\ud800 text"')
    path = write(d, "sur.json", text)
    return [["check", str(path)], ["convert", str(path), "--to", "yaml"]]


def valid_af(folder: Path, size: int, command: str = "check") -> list[list[str]]:
    """Commands: *command* on a valid ICCMA file of about *size* bytes (a chain of attacks)."""
    lines, k = [], 1
    while sum(len(x) + 1 for x in lines) < size:
        lines.append(f"{k + 1} {k}")
        k += 1
    path = write(folder, "valid.af", f"p af {k}\n" + "\n".join(lines) + "\n")
    return [[command, str(path)] if command == "check" else [command, "-s", "GR", str(path)]]


@case("tracebacks", "iccma-5000-digit-argument", valid=valid_af)
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "big.af", "p af 3\n1 " + "9" * 5000 + "\n"))]]


@case("tracebacks", "iccma-5000-digit-header")
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "bighead.af", "p af " + "9" * 5000 + "\n"))]]


@case("tracebacks", "iccma-header-10^12", valid=valid_af)
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "tera.af", "p af 1000000000000\n1 2\n"))]]


@case("tracebacks", "iccma-header-10^12-extensions",
      valid=lambda d, size: valid_af(d, size, "extensions"))
def _(d: Path) -> list[list[str]]:
    return [["extensions", "-s", "GR", str(write(d, "tera.af", "p af 1000000000000\n1 2\n"))]]


@case("tracebacks", "iccma-header-2^31")
def _(d: Path) -> list[list[str]]:
    return [["extensions", "-s", "GR", str(write(d, "int32.af", "p af 2147483648\n1 2\n"))]]


@case("tracebacks", "apx-10^5-arguments-one-line", expect="any")
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "wide.apx", "".join(f"arg(a{i})." for i in range(100_000)) + "\n"))]]


@case("tracebacks", "tgf-5000-digit-ids", expect="any")
def _(d: Path) -> list[list[str]]:
    big = "9" * 5000
    return [["check", str(write(d, "big.tgf", f"{big}\n1\n#\n{big} 1\n"))]]


@case("tracebacks", "source-path-with-NUL")
def _(d: Path) -> list[list[str]]:
    text = native([claim("A", "a", source="s", quote="a")], sources=[{"id": "s", "file": "a\u0000b.txt"}])
    return [["check", str(write(d, "nul.json", text))]]


@case("tracebacks", "source-symlink-loop")
def _(d: Path) -> list[list[str]]:
    os.symlink("loop.txt", d / "loop.txt")
    text = native([claim("A", "a", source="s", quote="a")], sources=[{"id": "s", "file": "loop.txt"}])
    return [["check", str(write(d, "loop.json", text))]]


@case("tracebacks", "aif-argmap-block-wrong-types", owner="H11")
def _(d: Path) -> list[list[str]]:
    data = {"nodes": [{"nodeID": "1", "type": "I", "text": "a"}], "edges": [], "locutions": [],
            "argmap": {"speakers": 5, "title": ["x"], "sources": "no"}}
    return [["check", str(write(d, "bad.aif.json", json.dumps(data)))]]


def _support_chain(n: int, attack_at_end: bool = False) -> str:
    claims = [claim(f"C{i}") for i in range(n)]
    relations = [rel(f"C{i + 1}", f"C{i}") for i in range(n - 1)]
    if attack_at_end:
        claims.append(claim("X"))
        relations.append(rel("X", "C0", "attack"))
    return native(claims, relations)


@case("tracebacks", "why-1100-support-chain", expect="ok",
      valid=lambda d, size: [["why", "C1", "-m", str(valid_map_of_size(d, size, "v.json"))]])
def _(d: Path) -> list[list[str]]:
    return [["why", "C0", "-m", str(write(d, "chain.json", _support_chain(1100)))]]


@case("tracebacks", "why-1100-support-chain-json", expect="ok")
def _(d: Path) -> list[list[str]]:
    return [["why", "C0", "--json", "-m", str(write(d, "chain.json", _support_chain(1100)))]]


@case("tracebacks", "deductive-20000-support-chain", expect="ok",
      valid=lambda d, size: [["status", "--support", "deductive", str(valid_map_of_size(d, size, "v.json"))]])
def _(d: Path) -> list[list[str]]:
    return [["status", "--support", "deductive", str(write(d, "chain.json", _support_chain(20000, True)))]]


# Hangs ---------------------------------------------------------------------------------

@case("hangs", "source-is-a-fifo")
def _(d: Path) -> list[list[str]]:
    os.mkfifo(d / "pipe.txt")
    text = native([claim("A", "a", source="s", quote="a")], sources=[{"id": "s", "file": "pipe.txt"}])
    return [["check", str(write(d, "fifo.json", text))]]


def _ladder(levels: int, width: int) -> str:
    """*levels* layers of *width* claims, each supporting every claim of the next layer."""
    claims = [claim("T", kind="thesis")]
    relations = []
    prev = ["T"]
    for k in range(levels):
        layer = [f"L{k}_{j}" for j in range(width)]
        claims += [claim(c) for c in layer]
        relations += [rel(c, p) for c in layer for p in prev]
        prev = layer
    return native(claims, relations)


@case("hangs", "why-2^32-paths", expect="ok", notes="32 layers of 2 claims, 9.5 KB",
      valid=lambda d, size: [["why", "C1", "-m", str(valid_map_of_size(d, size, "v.json"))]])
def _(d: Path) -> list[list[str]]:
    return [["why", "T", "-m", str(write(d, "ladder.json", _ladder(32, 2)))]]


@case("hangs", "chain-6^12-paths", expect="ok", notes="12 layers of 6 claims",
      valid=lambda d, size: [["chain", "C40", "C1", "-m", str(valid_map_of_size(d, size, "v.json"))]])
def _(d: Path) -> list[list[str]]:
    return [["chain", "L11_0", "T", "-m", str(write(d, "ladder.json", _ladder(12, 6)))]]


@case("hangs", "chain-no-path-dense", expect="ok", notes="dense map, target unreachable")
def _(d: Path) -> list[list[str]]:
    text = _ladder(12, 6)
    data = json.loads(text)
    data["claims"].append(claim("Z"))
    return [["chain", "L11_0", "Z", "-m", str(write(d, "ladder.json", json.dumps(data)))]]


@case("hangs", "render-dense-framework", expect="any", notes="300 claims, 9,000 attacks",
      env={"ARGMAP_RENDER_TIMEOUT": "3"},
      valid=lambda d, size: [["render", str(valid_map_of_size(d, size, "v.json")), "-o", str(d / "v.svg")]])
def _(d: Path) -> list[list[str]]:
    import random

    rng = random.Random(1)
    ids = [f"C{i}" for i in range(300)]
    pairs = set()
    while len(pairs) < 9000:
        a, b = rng.sample(ids, 2)
        pairs.add((a, b))
    text = native([claim(c) for c in ids], [rel(a, b, "attack") for a, b in sorted(pairs)])
    return [["render", str(write(d, "dense.json", text)), "-o", str(d / "dense.svg")]]


# Quadratic work -------------------------------------------------------------------------

@case("quadratic", "argdown-continuation-lines", owner="H11", expect="any", notes="190 KB")
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "cont.argdown", "[A]: start\n" + "  more words here\n" * 10_500))]]


@case("quadratic", "argdown-unclosed-tags", owner="H11", expect="any", notes="80 KB of '#('")
def _(d: Path) -> list[list[str]]:
    return [["check", str(write(d, "tags.argdown", "[A]: x " + "#(" * 40_000 + "\n"))]]


@case("quadratic", "did-you-mean-3000-unknown-ids", valid=valid_check)
def _(d: Path) -> list[list[str]]:
    claims = [claim(f"C{i}") for i in range(3000)]
    relations = [rel(f"D{i}", f"C{i}") for i in range(3000)]
    return [["check", str(write(d, "unknown.json", native(claims, relations)))]]


@case("quadratic", "quotes-in-1MB-source", owner="H14", expect="ok", valid=valid_check)
def _(d: Path) -> list[list[str]]:
    words = [f"w{i}" for i in range(200_000)]
    write(d, "src.txt", " ".join(words))
    claims = [claim(f"C{i}", source="s", quote=f"w{199_000 + i} w{199_001 + i}") for i in range(0, 1000, 1)]
    return [["check", str(write(d, "quotes.json", native(claims, sources=[{"id": "s", "file": "src.txt"}])))]]


@case("quadratic", "near-miss-quotes-in-10MB-source", owner="H14", expect="error")
def _(d: Path) -> list[list[str]]:
    write(d, "src.txt", "word  " * 1_700_000)
    claims = [claim(f"C{i}", source="s", quote=f"missing {i}") for i in range(50)]
    return [["check", str(write(d, "near.json", native(claims, sources=[{"id": "s", "file": "src.txt"}])))]]


# Clobbering ----------------------------------------------------------------------------

def _unchanged(name: str) -> Callable[[Path, list], str | None]:
    def check(d: Path, procs: list) -> str | None:
        before = (d / f".{name}.orig").read_bytes()
        after = (d / name).read_bytes() if (d / name).is_file() else b""
        return None if before == after else f"{name} was overwritten"
    return check


def _keep(d: Path, path: Path) -> None:
    shutil.copyfile(path, d / f".{path.name}.orig")


@case("clobbering", "render-onto-the-map", check=_unchanged("map.yaml"))
def _(d: Path) -> list[list[str]]:
    path = small_map(d)
    _keep(d, path)
    return [["render", str(path), "-o", str(path), "--format", "svg"]]


@case("clobbering", "html-onto-a-source-text", check=lambda d, p: None if
      (d / "sources/text.txt").read_text() == "The street needs a crossing. Cars are slow here.\n"
      else "the source text was overwritten")
def _(d: Path) -> list[list[str]]:
    path = small_map(d)
    return [["html", str(path), "-o", str(d / "sources/text.txt")]]


@case("clobbering", "convert-onto-the-map", check=_unchanged("map.yaml"))
def _(d: Path) -> list[list[str]]:
    path = small_map(d, comment=True)
    _keep(d, path)
    return [["convert", str(path), "-o", str(path)]]


def _fifo_check(d: Path, procs: list) -> str | None:
    if not stat.S_ISFIFO((d / "out.json").lstat().st_mode):
        return "the FIFO was replaced by a regular file"
    if b'"argmap": 1' not in _FIFO_READ.get(str(d), b""):
        return "the reader at the other end of the FIFO got nothing"
    return None


_FIFO_READ: dict[str, bytes] = {}


@case("clobbering", "output-is-a-fifo", expect="any", check=_fifo_check,
      notes="a reader (as in `argmap convert -o pipe & cat pipe`) waits at the other end")
def _(d: Path) -> list[list[str]]:
    import threading

    os.mkfifo(d / "out.json")

    def reader() -> None:
        with open(d / "out.json", "rb") as handle:
            _FIFO_READ[str(d)] = handle.read()

    threading.Thread(target=reader, daemon=True).start()
    return [["convert", str(small_map(d)), "-o", str(d / "out.json"), "--to", "json"]]


@case("clobbering", "output-is-a-character-device", expect="any",
      check=lambda d, p: None if stat.S_ISCHR((d / "null.json").lstat().st_mode)
      else "the device node was replaced by a regular file")
def _(d: Path) -> list[list[str]]:
    try:
        os.mknod(d / "null.json", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        os.symlink("/dev/null", d / "null.json")  # not root: the same class through a link
    return [["convert", str(small_map(d)), "-o", str(d / "null.json")]]


@case("clobbering", "output-is-a-link-to-stdout", expect="any",
      check=lambda d, p: None if (d / "out.json").is_symlink()
      else "the link to /dev/stdout was replaced by a regular file")
def _(d: Path) -> list[list[str]]:
    os.symlink("/proc/self/fd/1", d / "out.json")
    return [["convert", str(small_map(d)), "-o", str(d / "out.json")]]


_SIGNAL_CHILD = """
import os, signal, sys
import argmap.formats as f
sys.path.insert(0, '.')
real = os.fdopen
def dying(*a, **k):
    os.kill(os.getpid(), signal.SIGTERM)
    return real(*a, **k)
os.fdopen = dying
try:
    from argmap import _files
    _files.os.fdopen = dying
except ImportError:
    pass
writer = getattr(f, 'atomic_write', None)
if writer is None:
    from argmap._files import atomic_write as writer
writer(sys.argv[1], 'x' * 1000)
"""


@case("clobbering", "signal-during-a-write", expect="any",
      check=lambda d, p: (lambda left: None if not left else f"temporary file left behind: {left[0]}")(
          [q.name for q in (d / "out").iterdir() if q.name != "target.yaml"]))
def _(d: Path) -> list[list[str]]:
    (d / "out").mkdir()
    write(d, "child.py", _SIGNAL_CHILD)
    return [["@python", str(d / "child.py"), str(d / "out" / "target.yaml")]]


# Silent loss ---------------------------------------------------------------------------

def _argdown_roundtrip(text: str) -> Callable[[Path], list[list[str]]]:
    def build(d: Path) -> list[list[str]]:
        path = write(d, "m.json", native([claim("A", text), claim("B", "plain")], [rel("B", "A")]))
        return [["convert", str(path), "--to", "argdown", "--strict", "-o", str(d / "m.argdown")],
                ["convert", str(d / "m.argdown"), "--to", "json", "-o", str(d / "back.json")]]
    return build


def _same_text(text: str) -> Callable[[Path, list], str | None]:
    def check(d: Path, procs: list) -> str | None:
        if procs[0].returncode != 0:
            return None  # refused (--strict): nothing lost
        if not (d / "back.json").exists():
            return "the written Argdown does not read back"
        back = json.loads((d / "back.json").read_text())["claims"][0]["text"]
        return None if back == text else f"text {text!r} came back as {back!r} with exit 0"
    return check


for _label, _text in (("NUL-only-text", "\x00"), ("CR-in-text", "one\rtwo"),
                      ("U+2028-in-text", "one\u2028two"), ("tab-in-text", "one\ttwo")):
    CASES.append(Case("silent loss", f"argdown-strict-{_label}", _argdown_roundtrip(_text),
                      check=_same_text(_text), expect="any"))


# Terminal injection -------------------------------------------------------------------

def _no_control(d: Path, procs: list) -> str | None:
    for p in procs:
        for stream in (p.stdout, p.stderr):
            for ch in CONTROL:
                if ch in stream:
                    return f"raw {ch!r} printed"
    return None


_EVIL = "\x1b[2J\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07hidden\x1b[8m text\x9b31m"


@case("terminal", "escapes-in-claim-text", expect="ok", check=_no_control)
def _(d: Path) -> list[list[str]]:
    path = write(d, "m.json", native([claim("A", _EVIL, kind="thesis"), claim("B", "b")], [rel("B", "A", note=_EVIL)]))
    return [["show", "A", "-m", str(path)], ["show", "-m", str(path)], ["why", "A", "-m", str(path)]]


@case("terminal", "escapes-in-speaker-and-note", expect="ok", check=_no_control)
def _(d: Path) -> list[list[str]]:
    path = write(d, "m.json", native([claim("A", "a", kind="thesis"), claim("B", "b")],
                                     [rel("B", "A", "attack", note=_EVIL)], speakers=[{"id": "s", "name": _EVIL}]))
    return [["show", "A", "-m", str(path)], ["status", str(path)]]


@case("terminal", "escapes-in-error-message", check=_no_control)
def _(d: Path) -> list[list[str]]:
    path = write(d, "m.json", native([claim("A", "a")], [rel("\x1b]52;c;ZXZpbA==\x07", "A")]))
    return [["check", str(path)]]


@case("terminal", "escapes-in-json-output", expect="ok", check=_no_control)
def _(d: Path) -> list[list[str]]:
    path = write(d, "m.json", native([claim("A", "a\x9b31m", kind="thesis")]))
    return [["show", "-m", str(path), "--json"]]


# Exports that travel --------------------------------------------------------------------

def _export(to: str, suffix: str, move: bool = False) -> Callable[[Path], list[list[str]]]:
    def build(d: Path) -> list[list[str]]:
        path = small_map(d)
        out = d / "elsewhere" / "deeper" / f"x{suffix}"
        out.parent.mkdir(parents=True)
        cmds = [["convert", str(path), "--to", to, "-o", str(out)]]
        if move:
            cmds.append(["@move", str(d / "elsewhere"), str(d / "moved")])
            out = d / "moved" / "deeper" / f"x{suffix}"
        cmds.append(["check", str(out)])
        return cmds
    return build


def _all_ok(d: Path, procs: list) -> str | None:
    bad = [p for p in procs if p.returncode != 0]
    return None if not bad else "the export does not load: " + bad[0].stderr.strip().splitlines()[-1][:160]


for _to, _suffix in (("yaml", ".yaml"), ("json", ".json"), ("argdown", ".argdown"), ("aif", ".aif.json")):
    CASES.append(Case("exports", f"convert-to-{_to}-elsewhere", _export(_to, _suffix), check=_all_ok, expect="any"))
CASES.append(Case("exports", "convert-to-yaml-elsewhere-then-move", _export("yaml", ".yaml", True),
                  check=_all_ok, expect="any"))


# -- running -----------------------------------------------------------------------------

def _limits(timeout: float) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        cpu = max(1, int(round(timeout)))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        os.setsid()
    return apply


def run_one(argv: list[str], cwd: Path, timeout: float,
            extra_env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess, float, float, bool]:
    """Run one command; return (process, wall seconds, CPU seconds, timed out)."""
    if argv[0] == "@move":
        shutil.move(argv[1], argv[2])
        return subprocess.CompletedProcess(argv, 0, "", ""), 0.0, 0.0, False
    cmd = [PYTHON, argv[1], *argv[2:]] if argv[0] == "@python" else [PYTHON, "-m", "argmap", *argv]
    env = dict(os.environ, COLUMNS="80", PYTHONDONTWRITEBYTECODE="1", **(extra_env or {}))
    env.pop("ARGMAP_MAP", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=_limits(timeout), env=env)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=4 * timeout + 10)  # CPU time is the limit; wall time
        # only guards against a process that blocks (a FIFO) on a loaded machine
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    done = subprocess.CompletedProcess(cmd, proc.returncode, out.decode("utf-8", "replace"),
                                       err.decode("utf-8", "replace"))
    return done, wall, cpu, timed_out


def _located(stderr: str) -> bool:
    lines = [line for line in stderr.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("argmap") or ":" in line for line in lines)


def evaluate(c: Case, timeout: float) -> Outcome:
    """Run case *c* in a fresh folder and classify what happened."""
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        d = Path(tmp)
        commands = c.build(d)
        procs, wall, cpu_total = [], 0.0, 0.0
        for argv in commands:
            proc, seconds, cpu, timed_out = run_one(argv, d, timeout, c.env)
            cpu_total += cpu
            wall += seconds
            procs.append(proc)
            text = proc.stderr
            if timed_out or proc.returncode in (-signal.SIGKILL, -signal.SIGXCPU):
                return Outcome("hang", wall, cpu_total, f"stopped after {seconds:.1f} s")
            if "Traceback" in text or "MemoryError" in text or (proc.returncode not in (0, 1, 2)
                                                                and argv[0] != "@python"):
                last = text.strip().splitlines()[-1] if text.strip() else f"exit {proc.returncode}"
                if "MemoryError" in text:
                    return Outcome("hang", wall, cpu_total, "memory limit: " + last[:120])
                return Outcome("traceback", wall, cpu_total, last[:160])
        lost = c.check(d, procs) if c.check else None
        if lost:
            verdict = "unsafe" if c.cls == "terminal" else "lost"
            return Outcome(verdict, wall, cpu_total, lost)
        first = procs[0]
        if c.expect == "error" and first.returncode == 0:
            return Outcome("accepted", wall, cpu_total, "accepted (exit 0) where an error was due")
        if c.expect == "ok" and first.returncode != 0:
            return Outcome("traceback" if not _located(first.stderr) else "pass", wall, cpu_total,
                           first.stderr.strip().splitlines()[-1][:160] if first.stderr.strip() else "")
        for p in procs:
            if p.returncode == 1 and not _located(p.stderr):
                return Outcome("traceback", wall, cpu_total, "unlocated error: " + p.stderr.strip()[:120])
        tail = first.stderr.strip().splitlines()[-1][:160] if first.stderr.strip() else f"exit {first.returncode}"
        return Outcome("pass", wall, cpu_total, tail)


VERDICTS = ("pass", "traceback", "hang", "lost", "unsafe", "accepted")


def _size(folder: Path) -> int:
    total = 0
    for p in folder.rglob("*"):
        try:
            if p.is_file() and not p.is_symlink() and p.name != "child.py":
                total += p.stat().st_size
        except OSError:
            continue
    return total


def ratio(c: Case, timeout: float) -> tuple[int, float, float, str]:
    """(bytes, hostile CPU s, valid CPU s, verdict) for case *c* and a valid input of its size."""
    assert c.valid is not None
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        d = Path(tmp)
        commands = c.build(d)
        size = _size(d)
        cpu, verdict = 0.0, "pass"
        for argv in commands:
            proc, _, used, timed_out = run_one(argv, d, timeout, c.env)
            cpu += used
            if timed_out or proc.returncode < 0 or "Traceback" in proc.stderr:
                verdict = "hang" if timed_out or proc.returncode < 0 else "traceback"
    with tempfile.TemporaryDirectory(prefix="valid-") as tmp:
        d = Path(tmp)
        valid_cpu = 0.0
        for argv in c.valid(d, size):
            proc, _, used, _ = run_one(argv, d, timeout, c.env)
            valid_cpu += used
            if proc.returncode not in (0, 1):
                raise RuntimeError(f"the valid input of {c.name} failed: {proc.stderr[-300:]}")
    return size, cpu, valid_cpu, verdict


def ratios(chosen: list[Case], timeout: float) -> str:
    """The Markdown table of hostile/valid CPU time, one row per case with a valid counterpart."""
    lines = ["| class | case | bytes | hostile CPU s | valid CPU s | ratio |",
             "|---|---|---:|---:|---:|---:|"]
    worst: dict[str, tuple[float, str]] = {}
    for c in chosen:
        if c.valid is None:
            continue
        size, cpu, valid_cpu, verdict = ratio(c, timeout)
        r = cpu / valid_cpu if valid_cpu else float("inf")
        shown = f"{r:.2f}" if verdict == "pass" else f"≥ {r:.1f} ({verdict})"
        lines.append(f"| {c.cls} | {c.name} | {size:,} | {cpu:.2f} | {valid_cpu:.2f} | {shown} |")
        print(lines[-1], file=sys.stderr, flush=True)
        if r > worst.get(c.cls, (-1.0, ""))[0]:
            worst[c.cls] = (r, c.name)
    lines += ["", "| class | worst case | ratio |", "|---|---|---:|"]
    lines += [f"| {cls} | {name} | {r:.2f} |" for cls, (r, name) in worst.items()]
    return "\n".join(lines)


def summary(results: list[tuple[Case, Outcome]]) -> str:
    """The Markdown table: per class, cases tried and how many ended in each verdict."""
    classes: dict[str, dict[str, int]] = {}
    for c, o in results:
        row = classes.setdefault(c.cls, dict.fromkeys(VERDICTS, 0))
        row[o.verdict] += 1
    head = ("| class | cases | clean (pass) | tracebacks | hangs | data lost | unsafe output "
            "| bad input accepted |")
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|"]
    total = dict.fromkeys(VERDICTS, 0)
    for cls, row in classes.items():
        n = sum(row.values())
        lines.append(f"| {cls} | {n} | " + " | ".join(str(row[v]) for v in VERDICTS) + " |")
        for v in VERDICTS:
            total[v] += row[v]
    lines.append(f"| **all** | **{sum(total.values())}** | " + " | ".join(f"**{total[v]}**" for v in VERDICTS) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the cases and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--timeout", type=float, default=8.0,
                    help="CPU seconds per command (default 8); a command blocked without using CPU "
                    "is stopped after 4 times that plus 10 s of wall time")
    ap.add_argument("--markdown", action="store_true", help="also print the per-case table in Markdown")
    ap.add_argument("--json", dest="json_out", help="write the results as JSON here")
    ap.add_argument("--ratios", action="store_true",
                    help="CPU time of each hostile input against a valid file of the same size")
    args = ap.parse_args(argv)
    chosen = [c for c in CASES if not args.only or args.only in c.name or args.only == c.cls]
    if args.ratios:
        print(ratios(chosen, args.timeout))
        return 0
    results = []
    for c in chosen:
        o = evaluate(c, args.timeout)
        results.append((c, o))
        print(f"{c.cls:12s} {c.name:40s} {o.verdict:9s} {o.seconds:6.2f}s  {o.detail[:90]}", flush=True)
    print()
    print(summary(results))
    if args.markdown:
        print()
        print("| class | case | owner | verdict | seconds | detail |")
        print("|---|---|---|---|---:|---|")
        for c, o in results:
            detail = o.detail.replace("|", "\\|").replace("\n", " ")[:100]
            print(f"| {c.cls} | {c.name} | {c.owner} | {o.verdict} | {o.seconds:.2f} | {detail} |")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(
            [{"class": c.cls, "case": c.name, "owner": c.owner, "verdict": o.verdict,
              "seconds": round(o.seconds, 3), "detail": o.detail} for c, o in results], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
