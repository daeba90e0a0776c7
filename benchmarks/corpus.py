"""How argmap reads real Argdown and AIF files, compared with what their own tools read.

Run by hand (not part of the test suite) on the corpora of real files::

    python benchmarks/corpus.py ../shared/corpora            # the table
    python benchmarks/corpus.py ../shared/corpora -v         # and every file that misses a target
    python benchmarks/corpus.py ../shared/corpora --only argdown --argdown tests/data/argdown-syntax

``CORPORA/real-argdown/`` holds ``NAME.argdown`` files with, beside each, the Argdown CLI's
own JSON export ``NAME.argdown-cli.json`` (or ``NAME.argdown-cli.error.txt`` where that CLI
rejects the file). ``CORPORA/real-aif/`` holds AIF/xAIF JSON files.

Argdown figures (over the files the Argdown CLI reads):

* **read**: argmap reads the file (``argmap.formats.argdown.loads``, default options);
* **same relations**: every relation of the CLI's export is in argmap's map with the same
  ends and the same polarity (support and entails: ``support``; attack, undercut,
  contrary and contradictory: ``attack``; contrary and contradictory in both directions;
  an undercut or attack of a reconstructed argument ends at the argmap argument of that
  inference; a support may be held as the one-premise argument it is shorthand for), and
  argmap has no statement-to-statement relation the CLI does not have;
* **inference steps**: each conclusion of a premise–conclusion structure (an inference in the
  CLI's ``pcs``) is the conclusion of one argmap argument with the premises the structure
  names for it.

AIF figures (over all files, a file argmap refuses counting as a miss for its nodes):

* **read**: ``argmap.formats.aif.loads`` (default, lenient) returns a map;
* **linked RA**: an RA-node with two or more I-node premises is one argmap argument with
  exactly those premises and that conclusion;
* **CA on RA**: a CA-node whose conclusion is an RA-node is an attack from each of its
  premises on the argmap argument of that RA-node (an undercut);
* **named speakers**: an I-node anchored in an L-node (L → YA → I) is a claim whose speaker
  is named as the file names the L-node's author: the ``participants`` entry of its
  ``locutions`` personID, else the ``Name : words`` convention of the L-node text;
* **questions marked**: an I-node whose every anchoring illocution is a questioning is a
  claim whose ``act`` names a questioning, and which is asserted (``Claim.asserted``)
  exactly when one of those questionings is assertive or rhetorical (Inference
  Anchoring Theory: those convey the speaker's opinion; a pure question does not).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from argmap.errors import ArgmapError  # noqa: E402

POLARITY = {"support": "support", "entails": "support", "attack": "attack", "undercut": "attack",
            "contrary": "attack", "contradictory": "attack"}
SYMMETRIC = {"contrary", "contradictory"}


def _norm(text: str) -> str:
    return " ".join(str(text).split())


# -- Argdown ------------------------------------------------------------------------------


class _Ends:
    """Maps the CLI's titles onto argmap ids."""

    def __init__(self, cli: dict[str, Any], amap: Any, shift: int = 0) -> None:
        self.cli = cli
        self.shift = shift
        self.amap = amap
        self.claims = {c.id for c in amap.claims}
        self.args = {a.id for a in amap.arguments}
        self.by_text: dict[str, list[str]] = {}
        for c in amap.claims:
            self.by_text.setdefault(_norm(c.text), []).append(c.id)
        positions = getattr(amap, "positions", {}) or {}
        self.by_line: dict[int, str] = {}
        for key, (line, _col) in positions.items():
            if key and key[0] == "claims" and len(key) == 2:
                self.by_line.setdefault(line, amap.claims[key[1]].id)

    def statement(self, title: str) -> str | None:
        if title in self.claims and not title.startswith("Untitled "):
            return title
        ec = self.cli["statements"].get(title)
        if ec is None:
            return None
        for member in ec.get("members", []):
            line = member.get("startLine")
            if line is not None and line - self.shift in self.by_line:
                return self.by_line[line - self.shift]
        for member in ec.get("members", []):
            hits = self.by_text.get(_norm(member.get("text", "")), [])
            if len(hits) == 1:
                return hits[0]
        return None

    def argument(self, title: str) -> str | None:
        arg = self.cli["arguments"].get(title)
        if arg is not None and arg.get("pcs"):
            return title if title in self.args else None
        if f"{title} (argument)" in self.claims and title in self.cli["statements"]:
            return f"{title} (argument)"  # a statement has the same title
        if title in self.claims:
            return title
        if arg is None:
            return None
        for member in arg.get("members", []):
            line = member.get("startLine")
            if line is not None and line - self.shift in self.by_line:
                return self.by_line[line - self.shift]
        return None

    def end(self, title: str, kind: str, conclusion_index: int | None) -> str | None:
        if kind == "equivalence-class":
            return self.statement(title)
        if kind == "inference":
            arg = self.cli["arguments"].get(title, {})
            pcs = arg.get("pcs") or []
            if conclusion_index is None or conclusion_index >= len(pcs) - 1:
                return title if title in self.args else None
            step = f"{title} ({conclusion_index + 1})"
            return step if step in self.args else None
        return self.argument(title)


def compare_relations(cli: dict[str, Any], amap: Any, shift: int = 0) -> list[str]:
    """What differs between the CLI's relations and argmap's (empty when they agree)."""
    ends = _Ends(cli, amap, shift)
    have = {(r.from_id, r.to_id): r.type for r in amap.relations}
    held = dict(have)
    for a in amap.arguments:  # a support is the shorthand of a one-premise argument: the same inference
        if len(a.premises) == 1:
            held.setdefault((a.premises[0], a.conclusion), "support")
    problems = []
    expected: set[tuple[str, str]] = set()
    for r in cli["relations"]:
        kind = r["relationType"]
        a = ends.end(r["from"], r["fromType"], None)
        b = ends.end(r["to"], r["toType"], r.get("conclusionIndex"))
        label = f"{kind} {r['from']} -> {r['to']}"
        if a is None or b is None:
            problems.append(f"{label}: no argmap node for {'from' if a is None else 'to'}")
            continue
        pairs = [(a, b), (b, a)] if kind in SYMMETRIC else [(a, b)]
        for pair in pairs:
            expected.add(pair)
            if held.get(pair) != POLARITY[kind]:
                problems.append(f"{label}: argmap has {held.get(pair)} for {pair}")
    for pair, rtype in have.items():
        if pair not in expected and pair[1] in ends.claims:
            problems.append(f"argmap adds {rtype} {pair[0]} -> {pair[1]}")
    return problems


def compare_steps(cli: dict[str, Any], amap: Any, shift: int = 0) -> tuple[int, int, list[str]]:
    """(inference steps in the CLI's export, steps argmap holds as arguments, problems)."""
    ends = _Ends(cli, amap, shift)
    by_conclusion: dict[str, list[Any]] = {}
    for a in amap.arguments:
        by_conclusion.setdefault(a.conclusion, []).append(a)
    total = ok = 0
    problems = []
    for title, arg in cli["arguments"].items():
        pcs = arg.get("pcs") or []
        for i, s in enumerate(pcs):
            inf = s.get("inference")
            if not inf or s.get("role") not in ("main-conclusion", "intermediary-conclusion"):
                continue
            total += 1
            concl = ends.statement(s["title"])
            uses = (inf.get("data") or {}).get("uses") or (s.get("data") or {}).get("uses")
            if isinstance(uses, list) and uses and all(isinstance(u, int) and 0 < u <= i for u in uses):
                wanted = [pcs[u - 1]["title"] for u in uses]
            elif isinstance(uses, list) and uses:  # an exploded step: its pcs holds just the premises used
                wanted = [p["title"] for p in pcs[:i]]
            else:
                start = i - 1
                while start > 0 and not pcs[start].get("inference"):
                    start -= 1
                wanted = [p["title"] for p in pcs[max(start, 0):i]]
            premises = {ends.statement(t) for t in wanted}
            hits = [a for a in by_conclusion.get(concl or "", []) if set(a.premises) == premises]
            if hits:
                ok += 1
            else:
                problems.append(f"<{title}> step to ({i + 1}) [{s['title']}]: no argument with premises "
                                f"{sorted(str(p) for p in premises)}")
    return total, ok, problems


def _manifest(folder: Path, column: str) -> dict[str, str]:
    path = folder / "MANIFEST.tsv"
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    if not rows or column not in rows[0]:
        return {}
    k = rows[0].index(column)
    return {r[0]: r[k] for r in rows[1:] if len(r) > k}


class _TooSlow(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: Any) -> None:
        raise _TooSlow

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def scaling(path: Path, small: int = 120_000) -> tuple[float, float, int, int]:
    """CPU seconds to read the first *small* characters of *path* (cut at a paragraph) and the whole."""
    from argmap.formats import argdown as ad

    text = path.read_text(encoding="utf-8-sig")
    cut = text[:small]
    cut = cut[:cut.rfind("\n\n") + 1] if "\n\n" in cut else cut
    out = []
    for part in (cut, text):
        t0 = time.process_time()
        try:
            ad.loads(part)
        except ArgmapError:
            pass
        out.append(time.process_time() - t0)
    return out[0], out[1], len(cut.encode()), len(text.encode())


def argdown(folder: Path, verbose: bool, limit: int = 60) -> dict[str, Any]:
    from argmap.formats import argdown as ad

    files = sorted(folder.glob("*.argdown"))
    shifted = _manifest(folder, "reference")  # some exports were made with one line added
    cli_reads = read = same = 0
    steps_total = steps_ok = 0
    also_read = rejected_by_cli = 0
    slowest = (0.0, "")
    misses: list[str] = []
    for f in files:
        ref = f.with_name(f.name + "-cli.json")
        t0 = time.process_time()
        try:
            with _time_limit(limit):
                amap = ad.loads(f.read_text(encoding="utf-8-sig"), path=f)
            error = None
        except ArgmapError as exc:
            amap, error = None, str(exc)
        except _TooSlow:
            amap, error = None, f"gave up after {limit} s"
        took = time.process_time() - t0
        if took > slowest[0]:
            slowest = (took, f.name)
        if not ref.exists():
            rejected_by_cli += 1
            also_read += amap is not None
            continue
        cli = json.loads(ref.read_text(encoding="utf-8"))
        cli_reads += 1
        n_steps = sum(1 for a in cli["arguments"].values() for s in (a.get("pcs") or [])
                      if s.get("inference") and s.get("role") in ("main-conclusion", "intermediary-conclusion"))
        steps_total += n_steps
        if amap is None:
            misses.append(f"{f.name}: not read: {error}")
            continue
        read += 1
        shift = 1 if "blank line added after the frontmatter" in shifted.get(f.name, "") else 0
        problems = compare_relations(cli, amap, shift)
        if not problems:
            same += 1
        else:
            misses.append(f"{f.name}: relations differ: " + "; ".join(problems[:4]))
        _, ok, step_problems = compare_steps(cli, amap, shift)
        steps_ok += ok
        if step_problems:
            misses.append(f"{f.name}: " + "; ".join(step_problems[:3]))
    if verbose:
        for m in misses:
            print("  argdown:", m)
    largest = max(files, key=lambda p: p.stat().st_size)
    return {"scaling": scaling(largest), "files": len(files), "cli_reads": cli_reads, "read": read, "same": same,
            "steps_total": steps_total, "steps_ok": steps_ok, "rejected_by_cli": rejected_by_cli,
            "also_read": also_read, "slowest": slowest}


# -- AIF ------------------------------------------------------------------------------------


def _text(node: dict[str, Any]) -> str:
    t = node.get("text")
    if isinstance(t, dict):
        for key in ("txt", "text", "plain_txt"):
            if isinstance(t.get(key), str):
                return t[key]
        return ""
    return t if isinstance(t, str) else ""


_NAME = re.compile(r"^\s*([^:]{1,80}?)\s*:\s")


def _expected(doc: dict[str, Any]) -> dict[str, Any]:
    """What the file holds: linked RAs, CAs on RAs, anchored I-nodes and their speakers."""
    if "nodes" not in doc:
        for key in ("AIF", "aif"):
            if isinstance(doc.get(key), dict):
                doc = doc[key]
    nodes = {str(n.get("nodeID")): n for n in doc.get("nodes", []) if isinstance(n, dict)}
    typ = {k: n.get("type") for k, n in nodes.items()}
    ins: dict[str, list[str]] = {k: [] for k in nodes}
    outs: dict[str, list[str]] = {k: [] for k in nodes}
    for e in doc.get("edges", []):
        a, b = str(e.get("fromID")), str(e.get("toID"))
        if a in nodes and b in nodes:
            outs[a].append(b)
            ins[b].append(a)
    people = {}
    for p in doc.get("participants", []) or []:
        pid = str(p.get("participantID"))
        name = " ".join(str(p.get(k) or "").strip() for k in ("firstname", "surname")).strip()
        if name:
            people[pid] = name
    by_loc = {str(loc.get("nodeID")): str(loc.get("personID")) for loc in doc.get("locutions", []) or []}
    linked, undercuts, anchored, questioned = [], [], {}, []
    for k, t in typ.items():
        if t == "RA":
            prem = sorted(p for p in ins[k] if typ[p] == "I")
            concl = [c for c in outs[k] if typ[c] == "I"]
            if len(prem) >= 2 and len(concl) == 1:
                linked.append((k, prem, concl[0]))
        if t == "CA":
            for c in outs[k]:
                if typ[c] == "RA":
                    undercuts.append((k, sorted(p for p in ins[k] if typ[p] == "I"), c))
        if t == "I":
            acts, names = [], []
            for ya in ins[k]:
                if typ[ya] != "YA":
                    continue
                for lid in ins[ya]:
                    if typ[lid] != "L":
                        continue
                    acts.append(_text(nodes[ya]) or str(nodes[ya].get("scheme") or ""))
                    pid = by_loc.get(lid)
                    if pid in people:
                        names.append(people[pid])
                    else:
                        m = _NAME.match(_text(nodes[lid]))
                        names.append(m.group(1).strip() if m else None)
            if acts:
                anchored[k] = names
                if all("question" in a.lower() for a in acts):
                    questioned.append((k, any(w in a.lower() for a in acts
                                              for w in ("assertive", "rhetorical"))))
    return {"linked": linked, "undercuts": undercuts, "anchored": anchored, "questioned": questioned}


def aif(folder: Path, verbose: bool) -> dict[str, Any]:
    from argmap.formats import aif as af

    files = sorted(p for p in folder.glob("*.json"))
    out = {"files": len(files), "read": 0, "linked": 0, "linked_ok": 0, "undercuts": 0, "undercuts_ok": 0,
           "anchored": 0, "named": 0, "questioned": 0, "marked": 0}
    misses = []
    for f in files:
        text = f.read_text(encoding="utf-8-sig")
        try:
            exp = _expected(json.loads(text))
        except (ValueError, AttributeError):
            exp = {"linked": [], "undercuts": [], "anchored": {}, "questioned": []}
        out["linked"] += len(exp["linked"])
        out["undercuts"] += len(exp["undercuts"])
        out["anchored"] += len(exp["anchored"])
        out["questioned"] += len(exp["questioned"])
        try:
            amap = af.loads(text, path=f)
        except ArgmapError as exc:
            misses.append(f"{f.name}: not read: {exc}")
            continue
        out["read"] += 1
        args = {a.id: a for a in amap.arguments}
        rels = {(r.from_id, r.to_id): r.type for r in amap.relations}
        claims = {c.id: c for c in amap.claims}
        names = {s.id: s.name for s in amap.speakers}
        for ra, prem, concl in exp["linked"]:
            a = args.get(ra)
            if a is not None and sorted(a.premises) == prem and a.conclusion == concl:
                out["linked_ok"] += 1
            elif verbose:
                misses.append(f"{f.name}: RA {ra} {prem} -> {concl} is not one argument")
        for ca, prem, ra in exp["undercuts"]:
            if ra in args and prem and all(rels.get((p, ra)) == "attack" for p in prem):
                out["undercuts_ok"] += 1
            elif verbose:
                misses.append(f"{f.name}: CA {ca} on RA {ra} is not an undercut")
        bad_names = 0
        for nid, want in exp["anchored"].items():
            c = claims.get(nid)
            if c is not None and names.get(c.speaker) in [w for w in want if w]:
                out["named"] += 1
            else:
                bad_names += 1
        if bad_names and verbose:
            misses.append(f"{f.name}: {bad_names} anchored claims not named after their speaker")
        for nid, conveys in exp["questioned"]:
            c = claims.get(nid)
            if c is not None and c.act is not None and "question" in c.act and c.asserted == conveys:
                out["marked"] += 1
            elif verbose:
                misses.append(f"{f.name}: questioned I-node {nid} is not marked")
    if verbose:
        for m in misses:
            print("  aif:", m)
    return out


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "n/a"


def table(ad: dict[str, Any] | None, ai: dict[str, Any] | None) -> Iterable[str]:
    """The results as Markdown table rows."""
    yield "| format | figure | argmap | of | share | target |"
    yield "|---|---|---:|---:|---:|---|"
    if ad is not None:
        yield (f"| Argdown | files read, of those the Argdown CLI reads | {ad['read']} | {ad['cli_reads']} "
               f"| {_pct(ad['read'], ad['cli_reads'])} | ≥ 95% |")
        yield (f"| Argdown | same relations as the CLI, of the files read | {ad['same']} | {ad['read']} "
               f"| {_pct(ad['same'], ad['read'])} | ≥ 98% |")
        yield (f"| Argdown | inference steps held as one argument each | {ad['steps_ok']} | {ad['steps_total']} "
               f"| {_pct(ad['steps_ok'], ad['steps_total'])} | all |")
        yield (f"| Argdown | files the CLI rejects that argmap reads anyway | {ad['also_read']} "
               f"| {ad['rejected_by_cli']} | {_pct(ad['also_read'], ad['rejected_by_cli'])} | (information) |")
        yield (f"| Argdown | slowest file (CPU time) | {ad['slowest'][0]:.2f} s | | | `{ad['slowest'][1]}` |")
        t_small, t_all, n_small, n_all = ad["scaling"]
        per = (t_all / n_all) / (t_small / n_small) if t_small and n_small else float("nan")
        yield (f"| Argdown | CPU time, first {n_small // 1000} KB of the largest file / all {n_all // 1000} KB "
               f"| {t_small:.2f} s / {t_all:.2f} s | | {per:.2f} | time per KB, all vs first part "
               "(1 = linear) |")
    if ai is not None:
        yield f"| AIF | files read | {ai['read']} | {ai['files']} | {_pct(ai['read'], ai['files'])} | ≥ 98% |"
        yield (f"| AIF | RA-nodes with several premises kept as one linked argument | {ai['linked_ok']} "
               f"| {ai['linked']} | {_pct(ai['linked_ok'], ai['linked'])} | all |")
        yield (f"| AIF | CA-nodes on RA-nodes kept as undercuts | {ai['undercuts_ok']} | {ai['undercuts']} "
               f"| {_pct(ai['undercuts_ok'], ai['undercuts'])} | all |")
        yield (f"| AIF | anchored claims named after their speaker | {ai['named']} | {ai['anchored']} "
               f"| {_pct(ai['named'], ai['anchored'])} | ≥ 95% |")
        yield (f"| AIF | questioned propositions marked (act kept; pure ones not asserted) | {ai['marked']} | {ai['questioned']} "
               f"| {_pct(ai['marked'], ai['questioned'])} | all |")


def main(argv: list[str] | None = None) -> int:
    """Measure both corpora and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path, help="folder holding real-argdown/ and real-aif/")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--only", choices=["argdown", "aif"], help="measure one format")
    parser.add_argument("--limit", type=int, default=60, help="seconds per Argdown file before giving up")
    parser.add_argument("--argdown", type=Path, metavar="DIR",
                        help="measure the Argdown files of DIR instead (e.g. tests/data/argdown-syntax)")
    args = parser.parse_args(argv)
    ad = ai = None
    if args.only in (None, "argdown"):
        ad = argdown(args.argdown or args.corpora / "real-argdown", args.verbose, args.limit)
    if args.only in (None, "aif"):
        ai = aif(args.corpora / "real-aif", args.verbose)
    for row in table(ad, ai):
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
