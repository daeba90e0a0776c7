"""Extensions as a stream: the lazy product over components, --limit with --count,
Ctrl-C keeping what was found, and the progress hook."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap import progress
from argmap.af import AF
from argmap.cli import app
from argmap.semantics import count, extensions, is_preferred, is_stable, tasks

runner = CliRunner()


def pairs(k: int) -> AF:
    """k independent mutual attacks: 2^k stable/preferred extensions, k components."""
    names = [f"a{i}" for i in range(k)] + [f"b{i}" for i in range(k)]
    att = [(f"a{i}", f"b{i}") for i in range(k)] + [(f"b{i}", f"a{i}") for i in range(k)]
    return AF.from_pairs(names, att)


def write_af(path: Path, af: AF) -> Path:
    index = {name: i + 1 for i, name in enumerate(af.names)}
    lines = [f"p af {af.n}"] + [f"{index[a]} {index[b]}" for a, b in af.pairs()]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_lazy_product_matches_itertools() -> None:
    data = [list("abc"), list("xy"), list("12")]
    got = list(tasks.lazy_product([iter(d) for d in data]))
    assert got == list(itertools.product(*data))


def test_lazy_product_reads_only_what_it_needs() -> None:
    reads = []

    def stream(tag: str, k: int):  # noqa: ANN202
        for i in range(k):
            reads.append((tag, i))
            yield i

    gen = tasks.lazy_product([stream("a", 1000), stream("b", 1000)])
    assert next(gen) == (0, 0)
    assert reads == [("a", 0), ("b", 0)]


def test_first_extension_without_enumerating_everything() -> None:
    # 2^40 extensions: anything that enumerated a component's product first would hang
    af = pairs(40)
    first = next(extensions(af, "PR"))
    assert is_preferred(af, first)
    five = list(itertools.islice(extensions(af, "ST"), 5))
    assert len(set(five)) == 5 and all(is_stable(af, e) for e in five)


def test_count_with_limit() -> None:
    af = pairs(30)
    assert count(af, "ST", limit=7) == 7
    assert count(af, "PR", limit=0) == 0
    assert count(pairs(3), "ST", limit=100) == 8
    odd = AF.from_pairs("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    assert count(odd, "ST", limit=5) == 0
    with pytest.raises(Exception, match="negative"):
        count(af, "ST", limit=-1)


def test_large_components_stream_lazily() -> None:
    # components above the eager size stay generators; the product still comes out right
    big = 70  # > tasks._EAGER_ARGUMENTS
    names = [str(i) for i in range(2 * big)]
    att = []
    for base in (0, big):  # two even cycles of 70 arguments: 2 stable extensions each
        att += [(str(base + i), str(base + (i + 1) % big)) for i in range(big)]
    af = AF.from_pairs(names, att)
    exts = list(extensions(af, "ST"))
    assert len(exts) == 4 == len(set(exts)) == count(af, "ST")


def test_cli_count_and_limit_together(tmp_path: Path) -> None:
    path = write_af(tmp_path / "pairs.af", pairs(20))
    r = runner.invoke(app, ["extensions", str(path), "-s", "ST", "--count", "--limit", "5"])
    assert r.exit_code == 0
    assert r.stdout.strip() == "5"
    assert "stopped counting at --limit 5" in r.stderr
    r = runner.invoke(app, ["extensions", str(path), "-s", "ST", "--count", "--limit", "5",
                            "--json"])
    assert json.loads(r.stdout) == {"semantics": "ST", "support": "none", "count": 5,
                                    "limit": 5}
    r = runner.invoke(app, ["extensions", str(path), "-s", "PR", "--limit", "3", "--json"])
    assert len(json.loads(r.stdout)["extensions"]) == 3
    small = write_af(tmp_path / "small.af", pairs(2))
    r = runner.invoke(app, ["extensions", str(small), "-s", "ST", "--count", "--limit", "10"])
    assert r.stdout.strip() == "4" and r.stderr == ""


def test_cli_interrupt_keeps_what_was_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    path = write_af(tmp_path / "pairs.af", pairs(10))
    import argmap.evaluation.extensions as evaluation

    real = evaluation._af_extensions

    def interrupted(af, sem, map_order):  # noqa: ANN001, ANN202
        gen = real(af, sem, map_order)
        yield next(gen)
        yield next(gen)
        raise KeyboardInterrupt

    monkeypatch.setattr(evaluation, "_af_extensions", interrupted)
    r = runner.invoke(app, ["extensions", str(path), "-s", "ST"])
    assert r.exit_code == 130
    assert len([line for line in r.stdout.splitlines() if line.strip()[:1].isdigit()]) == 2
    assert "interrupted after 2 extensions" in r.stderr
    r = runner.invoke(app, ["extensions", str(path), "-s", "ST", "--json"])
    assert r.exit_code == 130
    data = json.loads(r.stdout)
    assert len(data["extensions"]) == 2 and data["interrupted"] is True


def test_progress_hook_sees_the_solver() -> None:
    states = []

    class Collect:
        def update(self, state: progress.Progress) -> None:
            states.append((state.phase, state.sat_calls))

    af = AF.from_pairs("abcd", [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c"), ("a", "c")])
    with progress.listening(Collect()) as state:
        list(extensions(af, "PR"))
    assert state.sat_calls > 0
    assert any(phase.startswith("SAT search") for phase, _ in states)
    assert progress.current() is None  # nothing listens outside the block


def test_no_progress_in_json_or_pipes(tmp_path: Path) -> None:
    from argmap.cli._progress import wanted

    assert wanted(as_json=True) is False
    path = write_af(tmp_path / "pairs.af", pairs(3))
    r = runner.invoke(app, ["extensions", str(path), "-s", "PR", "--json"])
    assert r.stderr == ""  # CliRunner's stderr is not a terminal: nothing drawn
