"""The ICCMA 2023 solver interface: problems, answers and their output lines.

ICCMA 2023 (the International Competition on Computational Models of
Argumentation) runs every solver as ``solver -p TASK -f FILE [-a ARG]`` and reads
its answer from stdout:

* ``SE-σ`` (some extension): ``w a1 a2 …`` (the extension's arguments), or ``NO``
  when there is none (stable semantics on an odd cycle);
* ``DC-σ`` (credulous acceptance of ``ARG``): ``YES`` followed by a witness line
  ``w …`` (an extension containing ``ARG``), or ``NO``;
* ``DS-σ`` (skeptical acceptance): ``YES``, or ``NO`` followed by a
  counter-example line ``w …`` (an extension lacking ``ARG``).

``solver --problems`` lists the tasks as ``[DC-CO,DC-ST,…]`` and
``solver --formats`` the input formats as ``[i23,…]``. argmap answers DC, DS and SE
for complete, preferred, stable, semi-stable, ideal and grounded semantics (no
stage semantics). :func:`answer` computes one task; :func:`lines` prints it.

Examples
--------
>>> from argmap.af import AF
>>> af = AF.from_pairs(["1", "2", "3"], [("1", "2"), ("2", "1"), ("2", "3")])
>>> lines(answer(af, "DC-PR", "3"))
['YES', 'w 1 3']
>>> lines(answer(af, "DS-PR", "3"))
['NO', 'w 2']
>>> lines(answer(AF.from_pairs("abc", [("a", "b"), ("b", "c"), ("c", "a")]), "SE-ST"))
['NO']
"""

from __future__ import annotations

from dataclasses import dataclass

from ..af import AF
from ..errors import QueryError, did_you_mean
from ..vocabulary import parse_semantics
from ._core import arg_index
from .tasks import credulous, names, one_extension, skeptical

__all__ = ["PROBLEMS", "FORMATS", "Answer", "answer", "lines", "parse_problem"]

_SEMANTICS = ("CO", "PR", "ST", "SST", "ID", "GR")
#: The tasks argmap solves, by ICCMA name.
PROBLEMS: tuple[str, ...] = tuple(f"{kind}-{sem}" for kind in ("DC", "DS", "SE")
                                  for sem in _SEMANTICS)
#: Input formats: ICCMA 2023 (``i23``, ``p af N``), ASPARTIX (``apx``), trivial graph (``tgf``).
FORMATS: tuple[str, ...] = ("i23", "apx", "tgf")


@dataclass(frozen=True)
class Answer:
    """The answer to one ICCMA task.

    Attributes
    ----------
    task : str
        ``SE-PR``, ``DC-ST``, …
    verdict : str
        ``"w"`` for an extension (SE), ``"YES"`` or ``"NO"``.
    certificate : list of str or None
        The extension printed on the ``w`` line: the SE extension, the DC witness
        or the DS counter-example; ``None`` when the rules print none.
    """

    task: str
    verdict: str
    certificate: list[str] | None


def parse_problem(task: str) -> tuple[str, str]:
    """Split an ICCMA task name into (kind, semantics); raise QueryError if unsupported.

    Examples
    --------
    >>> parse_problem("dc-pr")
    ('DC', 'PR')
    """
    name = task.strip().upper()
    if name not in PROBLEMS:
        raise QueryError(f"unsupported problem {task!r}",
                         hint=did_you_mean(name, list(PROBLEMS))
                         or "see `argmap iccma --problems`")
    kind, sem = name.split("-", 1)
    return kind, sem


def answer(af: AF, task: str, arg: str | None = None) -> Answer:
    """Solve the ICCMA *task* on *af*; *arg* names the query argument of DC and DS.

    Raises
    ------
    QueryError
        For an unsupported task, a missing query argument (DC/DS), a query argument
        given to SE, or an argument the framework does not have.
    """
    kind, sem_code = parse_problem(task)
    sem = parse_semantics(sem_code)
    name = f"{kind}-{sem_code}"
    if kind == "SE":
        if arg is not None:
            raise QueryError(f"{name} takes no query argument (-a)")
        ext = one_extension(af, sem)
        return Answer(name, "NO", None) if ext is None else Answer(name, "w", names(af, ext))
    if arg is None:
        raise QueryError(f"{name} needs a query argument", hint="give it with -a ARG")
    q = arg_index(af, arg)
    if kind == "DC":
        yes, witness = credulous(af, sem, q)
        return Answer(name, "YES", names(af, witness)) if yes else Answer(name, "NO", None)
    yes, counter = skeptical(af, sem, q)
    return Answer(name, "YES", None) if yes else Answer(name, "NO", names(af, counter))


def lines(result: Answer) -> list[str]:
    """The stdout lines of *result* in the ICCMA 2023 output format.

    Examples
    --------
    >>> lines(Answer("SE-PR", "w", []))
    ['w']
    >>> lines(Answer("DS-ST", "NO", ["2", "5"]))
    ['NO', 'w 2 5']
    """
    if result.verdict == "w":
        return [" ".join(["w", *(result.certificate or [])])]
    out = [result.verdict]
    if result.certificate is not None:
        out.append(" ".join(["w", *result.certificate]))
    return out
