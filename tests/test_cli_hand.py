"""A CLI that fits the hand: completion, usage errors that name the fix, uncontested's
two lists, chain on a thesis, render to stdout, plurals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data" / "good"
EXE = str(Path(sys.executable).parent / "argmap")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_completion_options_and_completing_commands():
    assert "--install-completion" in run("--help").stdout
    shown = run("--show-completion", "bash")
    assert shown.returncode == 0 and "_ARGMAP_COMPLETE" in shown.stdout
    done = run(env={"_ARGMAP_COMPLETE": "complete_bash", "COMP_WORDS": "argmap ch", "COMP_CWORD": "1"})
    assert set(done.stdout.split()) == {"check", "chain"}


def test_a_map_given_positionally_to_a_claim_command_suggests_m():
    done = run("show", "A1", "debate.yaml")
    assert done.returncode == 2 and "write -m debate.yaml" in done.stderr
    other = run("show", "A1", "B1")
    assert other.returncode == 2 and "-m" not in other.stderr.split("Error:")[1]


def test_uncontested_semantics_lists_survivors_and_the_fallen(cli):
    result = cli("uncontested", str(DATA / "debate.yaml"), "--semantics", "GR")
    assert result.exit_code == 0
    out = result.stdout
    assert "claims are unattacked" in out
    assert "survive every attack under GR" in out or "no attacked claim survives under GR" in out
    assert "fall under GR" in out or "falls under GR" in out
    blocks = out.split("\n\n")
    ids = [set(line.split()[0] for line in b.splitlines()[3:] if line.strip()) for b in blocks]
    assert all(not (a & b) for i, a in enumerate(ids) for b in ids[i + 1:])   # no claim twice


def test_uncontested_json_has_the_lists(cli):
    import json

    data = json.loads(cli("uncontested", str(DATA / "debate.yaml"), "-s", "GR", "--json").stdout)
    everyone = {c["id"] for c in data["surviving"]} | {c["id"] for c in data["falling"]}
    assert {c["id"] for c in data["attacked_surviving"]} <= {c["id"] for c in data["surviving"]}
    assert len(everyone) == len(data["surviving"]) + len(data["falling"])


def test_chain_from_a_lone_thesis_says_it_is_one(cli, tmp_path):
    (tmp_path / "m.yaml").write_text("argmap: 1\nspeakers: [{id: a}]\nclaims:\n"
                                     "  - {id: T, speaker: a, kind: thesis, text: t}\n", encoding="utf-8")
    result = cli("chain", "T", "-m", str(tmp_path / "m.yaml"))
    assert result.exit_code == 0 and "T is a thesis itself" in result.stdout


def test_render_to_stdout():
    done = run("render", str(DATA / "debate.yaml"), "-o", "-", "-f", "dot")
    assert done.returncode == 0 and done.stdout.startswith("digraph") and not Path("-").exists()
    assert run("render", str(DATA / "debate.yaml"), "-o", "-", "--watch").returncode == 2


def test_check_counts_in_words(cli, tmp_path):
    (tmp_path / "m.yaml").write_text("argmap: 1\nspeakers: [{id: a}]\nclaims:\n"
                                     "  - {id: T, speaker: a, text: t}\n", encoding="utf-8")
    out = cli("check", str(tmp_path / "m.yaml")).stdout
    assert "ok (1 claim, 0 relations, 1 speaker; 0 quotes located)" in out


def test_help_metavars_read_like_other_tools(cli):
    import typer.main

    from argmap.cli import app

    for name in typer.main.get_command(app).commands:
        text = cli(name, "--help").stdout
        usage = text.splitlines()[0]
        assert "{" not in usage, usage                      # required arguments without Typer's braces
        for odd in ("<str>", "<int range>", "<path>", "<integer>", "<text>", "<gr|"):
            assert odd not in text, (name, odd)
    status = cli("status", "--help").stdout
    assert "-s, --semantics [GR|CO|PR|ST|SST|ID]" in status and "-c, --claim ID" in status
    assert "--max-depth N" in cli("why", "--help").stdout
    assert cli("status", "-s", "pr", "--json").exit_code == 0   # any case is accepted


def test_check_lists_problems_in_file_order_and_names_the_kinds(cli, tmp_path):
    import re

    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nspeakers:\n  - {id: ann}\nclaims:\n"
                   "  - {id: A1, speaker: bob, text: x, kind: conclusion}\n"
                   "  - {id: A1, speaker: ann, text: z, colour: red}\n"
                   "relations:\n  - {from: A1, to: A9, type: attacks}\n", encoding="utf-8")
    result = cli("check", bad)
    assert result.exit_code == 1
    places = [(int(m.group(1)), int(m.group(2)))
              for m in re.finditer(r"^.*bad\.yaml:(\d+):(\d+): ", result.stderr, flags=re.M)]
    assert len(places) >= 5 and places == sorted(places)
    assert "kinds: thesis, claim, premise, fact, concession, rebuttal" in result.stderr


def test_compare_lists_each_support_once_and_counts_the_shared_ground(cli):
    import re

    out = cli("compare").stdout   # the shipped map: supports both ways
    pairs = re.findall(r"^  (\w+) <- ([\w, ]+):", out, flags=re.M)
    listed = [(a, b) for a, bs in pairs for b in bs.split(", ")]
    assert len(listed) == len(set(listed))                       # no pair printed twice
    assert "Commenter's claims that Essay author supports" in out
    shared = int(re.search(r"Shared ground: (\d+) support", out).group(1))
    supports = sum(int(n) for n in re.findall(r"claims that [\w ]+ supports \((\d+)\)", out))
    assert 0 < shared <= supports


def test_counts_in_words_across_commands(cli, tmp_path):
    one = tmp_path / "one.yaml"
    one.write_text("argmap: 1\nspeakers: [{id: a}]\nclaims:\n  - {id: T, speaker: a, kind: thesis, text: t}\n",
                   encoding="utf-8")
    assert cli("status", one).stdout.startswith("1 claim under GR")
    assert "1 of 1 claim is unattacked" in cli("uncontested", one, "-s", "GR").stdout
    assert "no claim falls under GR" in cli("uncontested", one, "-s", "GR").stdout


def test_explain_counts_a_long_witness_extension_and_lists_a_short_one(cli):
    import json

    out = cli("explain", "E44", "-s", "PR").stdout.splitlines()
    assert out[1].startswith("Labels from one preferred extension: ") and "--json lists them" in " ".join(out[:3])
    assert any(line.startswith("E44 [in]") for line in out[1:4])      # the tree comes at once
    data = json.loads(cli("explain", "E44", "-s", "PR", "--json").stdout)
    assert len(data["extension"]) > 12 and "E44" in data["extension"]
    small = cli("explain", "A1", "-m", DATA / "debate.yaml", "-s", "PR").stdout.splitlines()
    assert small[1].startswith("Labels from the preferred extension {") and small[1].rstrip().endswith("}.")
