"""Regenerate the Argdown CLI's readings of argmap's Argdown syntax fixtures.

Run by hand, with the Argdown CLI installed (``npm install -g @argdown/cli``; the
fixtures were made with 1.7.5)::

    python scripts/argdown_cli_fixtures.py [tests/data/argdown-syntax]

For each ``NAME.argdown`` in the folder it runs ``argdown json NAME.argdown TMPDIR`` and
writes ``NAME.argdown-cli.json``: the CLI's export trimmed to the fields the tests read
(statements: title, tags, members' title, text, role, start line and whether a reference;
arguments: title, members' start lines and texts, the structure's statements with role,
data and inference rules/data; relations: ends, their types, relation type, conclusion
index). A file the CLI rejects is reported and gets no reading.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_MEMBER = ("title", "text", "isReference", "startLine", "role")
_RELATION = ("from", "fromType", "to", "toType", "relationType", "conclusionIndex")


def trim(export: dict[str, Any]) -> dict[str, Any]:
    """The fields of an ``argdown json`` export that the tests compare with argmap."""
    out: dict[str, Any] = {"statements": {}, "arguments": {}, "relations": []}
    for key, ec in export["statements"].items():
        out["statements"][key] = {"title": ec.get("title"), "tags": ec.get("tags", []),
                                  "members": [{k: m[k] for k in _MEMBER if k in m} for m in ec.get("members", [])]}
    for key, arg in export["arguments"].items():
        rec: dict[str, Any] = {"title": arg.get("title"),
                               "members": [{k: m[k] for k in ("startLine", "text") if k in m}
                                           for m in arg.get("members", [])]}
        if arg.get("pcs"):
            rec["pcs"] = []
            for s in arg["pcs"]:
                item = {k: s[k] for k in ("title", "role", "data") if k in s}
                if s.get("inference"):
                    item["inference"] = {k: s["inference"][k] for k in ("inferenceRules", "data")
                                         if k in s["inference"]}
                rec["pcs"].append(item)
        out["arguments"][key] = rec
    out["relations"] = [{k: r[k] for k in _RELATION if k in r} for r in export["relations"]]
    return out


def main(folder: Path) -> int:
    """Regenerate every reading in *folder*; return the number of files the CLI rejects."""
    rejected = 0
    for path in sorted(folder.glob("*.argdown")):
        with tempfile.TemporaryDirectory() as tmp:
            run = subprocess.run(["argdown", "json", path.name, tmp], cwd=folder,
                                 capture_output=True, text=True, check=False)
            made = Path(tmp) / (path.stem + ".json")
            if not made.exists():
                rejected += 1
                print(f"{path.name}: rejected by the Argdown CLI\n{run.stdout}{run.stderr}", file=sys.stderr)
                continue
            export = json.loads(made.read_text(encoding="utf-8"))
        target = path.with_name(path.name + "-cli.json")
        target.write_text(json.dumps(trim(export), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return rejected


if __name__ == "__main__":
    here = Path(__file__).resolve().parent.parent
    sys.exit(1 if main(Path(sys.argv[1]) if len(sys.argv) > 1 else here / "tests/data/argdown-syntax") else 0)
