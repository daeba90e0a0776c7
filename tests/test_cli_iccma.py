"""`argmap iccma`: the ICCMA 2023 solver interface, checked against the corpus answers.

The instances and their ``*.answers.txt`` (agreed by two independent reasoners) are in
``tests/data/iccma/`` (see the README there). Every printed certificate is checked with
argmap's predicates, and every verdict against the reference answer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.cli import app
from argmap.formats import read_af
from argmap.semantics import is_complete, is_preferred, is_stable

runner = CliRunner()
DATA = Path(__file__).parent / "data" / "iccma"
# the corpus files with DC/DS answers, and with a known stable-extension count
ANSWERED = sorted(p for p in DATA.glob("*/*") if p.suffix in {".af", ".apx", ".tgf", ".dl"}
                  and "[DC-PR" in p.with_name(p.name + ".answers.txt").read_text())


def invoke(*args: object):  # noqa: ANN201 - click Result
    return runner.invoke(app, [str(a) for a in args])


def fmt_of(path: Path) -> list[str]:
    return ["-fo", "apx"] if path.suffix == ".dl" else []


def certificate(af, line: str) -> frozenset[int]:  # noqa: ANN001
    assert line.startswith("w")
    index = af.index()
    return frozenset(index[name] for name in line.split()[1:])


def answers(path: Path) -> str:
    return path.with_name(path.name + ".answers.txt").read_text()


@pytest.mark.parametrize("path", ANSWERED, ids=[p.name for p in ANSWERED])
def test_corpus_answers(path: Path) -> None:
    af = read_af(path, "apx" if path.suffix == ".dl" else None)
    text = answers(path)
    for task, arg, want in re.findall(r"\[(DC|DS)-PR (\S+)\] (YES|NO)", text):
        r = invoke("iccma", "-p", f"{task}-PR", "-f", path, "-a", arg, *fmt_of(path))
        assert r.exit_code == 0, r.output
        out = r.stdout.splitlines()
        assert out[0] == want
        q = af.index()[arg]
        if task == "DC" and want == "YES":
            ext = certificate(af, out[1])
            assert q in ext and is_preferred(af, ext)
        elif task == "DS" and want == "NO":
            ext = certificate(af, out[1])
            assert q not in ext and is_preferred(af, ext)
        else:
            assert len(out) == 1
    stable = re.search(r"\[EE-ST\] count=(\d+)", text)
    r = invoke("iccma", "-p", "SE-ST", "-f", path, *fmt_of(path))
    assert r.exit_code == 0, r.output
    if stable and int(stable.group(1)) == 0:
        assert r.stdout.strip() == "NO"
    else:
        assert is_stable(af, certificate(af, r.stdout.strip()))
    r = invoke("iccma", "-p", "SE-PR", "-f", path, *fmt_of(path))
    assert is_preferred(af, certificate(af, r.stdout.strip()))
    r = invoke("iccma", "-p", "SE-CO", "-f", path, *fmt_of(path))
    assert is_complete(af, certificate(af, r.stdout.strip()))


def test_grounded_matches_the_corpus() -> None:
    path = DATA / "admbuster" / "admbuster_1000.af"
    want = re.search(r"\[EE-GR\][^\n]*\n([^\n]*)", answers(path)).group(1)
    r = invoke("iccma", "-p", "SE-GR", "-f", path)
    assert r.exit_code == 0
    assert r.stdout.strip() == "w " + want


def test_interface_listings() -> None:
    r = invoke("iccma", "--problems")
    assert r.exit_code == 0
    listed = r.stdout.strip()
    assert listed.startswith("[") and listed.endswith("]")
    tasks = listed[1:-1].split(",")
    assert {"SE-PR", "DC-ST", "DS-PR", "SE-ST", "DC-CO", "DS-SST", "SE-ID"} <= set(tasks)
    r = invoke("iccma", "--formats")
    assert r.stdout.strip().startswith("[i23")
    r = invoke("iccma")
    assert r.exit_code == 0 and r.stdout.startswith("argmap ")


def test_odd_cycle_and_empty(tmp_path: Path) -> None:
    odd = tmp_path / "odd.af"
    odd.write_text("p af 3\n1 2\n2 3\n3 1\n")
    assert invoke("iccma", "-p", "SE-ST", "-f", odd).stdout == "NO\n"
    assert invoke("iccma", "-p", "DC-ST", "-f", odd, "-a", "1").stdout == "NO\n"
    assert invoke("iccma", "-p", "DS-ST", "-f", odd, "-a", "1").stdout == "YES\n"
    assert invoke("iccma", "-p", "SE-PR", "-f", odd).stdout == "w\n"
    # a file named without a known suffix is read as ICCMA 2023, as harnesses name them
    other = tmp_path / "instance.txt"
    other.write_text("p af 2\n1 2\n")
    assert invoke("iccma", "-p", "SE-GR", "-f", other).stdout == "w 1\n"


@pytest.mark.parametrize("args, message", [
    (["-p", "XX-PR"], "unsupported problem"),
    (["-p", "DC-PR"], "needs a query argument"),
    (["-p", "SE-PR", "-a", "1"], "takes no query argument"),
    (["-p", "DC-PR", "-a", "99"], "no argument '99'"),
    (["-p", "SE-PR", "--no-file"], None),
])
def test_bad_input(tmp_path: Path, args: list[str], message: str | None) -> None:
    af = tmp_path / "ok.af"
    af.write_text("p af 2\n1 2\n")
    if "--no-file" in args:
        r = invoke("iccma", "-p", "SE-PR")
        assert r.exit_code == 1 and "no framework file" in r.stderr
        return
    r = invoke("iccma", *args, "-f", af)
    assert r.exit_code == 1
    assert message in r.stderr
    assert "Traceback" not in r.output
    assert r.stdout == ""


def test_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.af"
    bad.write_text("p af 2\n1 x\n")
    r = invoke("iccma", "-p", "SE-PR", "-f", bad)
    assert r.exit_code == 1
    assert re.match(rf"{re.escape(str(bad))}:2:\d+: ", r.stderr)
    r = invoke("iccma", "-p", "SE-PR", "-f", tmp_path / "missing.af")
    assert r.exit_code == 1 and "missing.af" in r.stderr
    r = invoke("iccma", "-p", "SE-PR", "-f", bad, "-fo", "nope")
    assert r.exit_code == 1 and "unknown format 'nope'" in r.stderr


def test_help() -> None:
    r = invoke("iccma", "--help")
    assert r.exit_code == 0
    for word in ("-p", "-f", "-a", "--problems", "--formats", "ICCMA"):
        assert word in r.stdout


# -- the lean start-up path (argmap.cli._lean): same answers and messages as the Typer app --

def _lean_run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int | None, str, str]:
    from argmap.cli._lean import lean

    status = lean(args)
    out = capsys.readouterr()
    return status, out.out, out.err


def _lean_cases(tmp_path: Path) -> list[list[str]]:
    good = tmp_path / "ok.af"
    good.write_text("p af 3\n1 2\n2 1\n2 3\n")
    bad = tmp_path / "bad.af"
    bad.write_text("p af 2\n1 x\n")
    odd = tmp_path / "odd.txt"
    odd.write_text("p af 3\n1 2\n2 3\n3 1\n")
    apx = DATA / "probo-examples" / "ex1.apx"
    return [
        ["iccma", "--problems"], ["iccma", "--formats"], ["iccma"],
        ["iccma", "-p", "SE-PR", "-f", str(good)],
        ["iccma", "--problem=DC-PR", "--file", str(good), "-a", "3"],
        ["iccma", "-p", "ds-pr", "-f", str(good), "--argument=3"],
        ["iccma", "-p", "SE-ST", "-f", str(odd)],
        ["iccma", "-p", "SE-GR", "-f", str(apx), "-fo", "apx"],
        ["iccma", "-p", "SE-XX", "-f", str(good)],
        ["iccma", "-p", "SE-PR", "-f", str(bad)],
        ["iccma", "-p", "SE-PR", "-f", str(tmp_path / "missing.af")],
        ["iccma", "-p", "DC-PR", "-f", str(good)],
        ["iccma", "-p", "DC-PR", "-f", str(good), "-a", "9"],
        ["iccma", "-p", "SE-PR", "-f", str(good), "-a", "1"],
    ]


def test_lean_path_answers_as_the_typer_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for args in _lean_cases(tmp_path):
        status, out, err = _lean_run(capsys, args)
        assert status is not None, args
        r = invoke(*args)
        assert (status, out, err) == (r.exit_code, r.stdout, r.stderr), args
        if status:
            assert err.startswith(("argmap: ", str(tmp_path))) and "Traceback" not in err


@pytest.mark.parametrize("args", [
    ["iccma", "--help"], ["iccma", "-h"], ["iccma", "-p"], ["iccma", "-p", "SE-PR", "-f"],
    ["iccma", "-p", "SE-PR"], ["iccma", "-f", "x.af"], ["iccma", "--bogus"],
    ["iccma", "-p", "SE-PR", "-p", "SE-ST", "-f", "x.af"], ["iccma", "x.af"],
    ["iccma", "-a", "-1", "-p", "DC-PR", "-f", "x.af"], ["check"], [],
])
def test_lean_path_leaves_the_rest_to_typer(args: list[str]) -> None:
    """Help, unknown or repeated options and missing values get the Typer app's messages."""
    from argmap.cli._lean import lean, parse

    assert lean(args) is None
    assert parse(args) is None or ("problem" in parse(args)) != ("file" in parse(args))


def test_lean_path_imports_no_typer_rich_or_networkx(tmp_path: Path) -> None:
    import subprocess
    import sys

    good = tmp_path / "ok.af"
    good.write_text("p af 3\n1 2\n2 1\n2 3\n")
    code = ("import sys; sys.argv = ['argmap', 'iccma', '-p', 'DS-PR', '-f', sys.argv[1], '-a', '3']\n"
            "from argmap.cli import main\nmain()\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'typer', 'click', 'rich', 'networkx'}))")
    r = subprocess.run([sys.executable, "-c", code, str(good)], capture_output=True, text=True, check=True)
    assert r.stdout.splitlines() == ["NO", "w 2", "[]"]
