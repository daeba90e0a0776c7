"""From an argument map to an abstract argumentation framework, under a support reading.

Claims become arguments (numbered in map order, named by claim id) and attacks
become attacks. Supports are not part of Dung's (1995) frameworks; a *support
reading* says what they mean for acceptability, by adding the attacks they induce
(Cayrol & Lagasquie-Schiex 2013, "Bipolarity in argumentation graphs: towards a
better understanding", IJAR 54(7); Nouioua & Risch 2010, 2011):

``none``
    Supports are ignored; only the map's attacks count.
``deductive``
    "A supports B": accepting A commits to B (Boella et al. 2010; Cayrol &
    Lagasquie-Schiex 2013). Added: *supported* attacks (A supports* X, X attacks
    C ⇒ A attacks C), *mediated* attacks (C attacks X, A supports* X ⇒ C attacks A)
    and their combination, *super-mediated* (A supports* X, X attacks Y,
    B supports* Y ⇒ A attacks B).
``necessary``
    "A supports B": B cannot stand without A (Nouioua & Risch 2010, "Bipolar
    argumentation frameworks with specialized supports", ICTAI; 2011,
    "Argumentation frameworks with necessities", SUM). Added: *secondary* attacks
    (C attacks A, A supports* B ⇒ C attacks B), *extended* attacks (A supports* B,
    A attacks C ⇒ B attacks C) and their combination, *extended-secondary*.

``supports*`` is a chain of one or more supports. The closure under both rules of
a reading is exactly "one direct attack with a support chain (possibly empty) at
each end", so it is computed in one pass: for every direct attack ``X → Y``, a
breadth-first search along supports from ``X`` and from ``Y`` (visited sets make it
cycle-safe). Each derived attack keeps the shortest chain that produces it (ties:
map order) in ``AF.meta["derived"]``: ``(attacker, attacked) -> Derived(kind,
chain)``, the chain listing claim ids from attacker to attacked with one map
relation between neighbours. A derived attack may be a self-attack (a claim that
supports an attacker of itself defeats itself under the deductive reading).

Examples
--------
>>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
>>> m = ArgumentMap(speakers=[Speaker("s", "S")],
...     claims=[Claim(i, "s", i) for i in ("A", "X", "C")],
...     relations=[Relation("A", "X", "support"), Relation("C", "X", "attack")])
>>> compile_map(m, "deductive").derived
{('C', 'A'): Derived(kind='mediated', chain=('C', 'X', 'A'))}
>>> compile_map(m, "necessary").derived
{}
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from .model import ArgumentMap
from .vocabulary import SupportReading, parse_support

if TYPE_CHECKING:  # pragma: no cover
    from .af import AF

__all__ = ["Derived", "Compiled", "compile_map", "to_af"]


class Derived(NamedTuple):
    """Why an attack that the map does not state holds under a support reading.

    Attributes
    ----------
    kind : str
        ``supported``, ``mediated`` or ``super-mediated`` (deductive);
        ``secondary``, ``extended`` or ``extended-secondary`` (necessary).
    chain : tuple of str
        Claim ids from the attacker to the attacked claim; each neighbouring pair is
        joined by one relation of the map (a support, in either direction, or the
        one direct attack).
    """

    kind: str
    chain: tuple[str, ...]


@dataclass(frozen=True)
class Compiled:
    """A map's attack graph under a support reading, in plain Python (no numpy).

    Attributes
    ----------
    ids : tuple of str
        The claim ids, in map order (argument ``i`` is ``ids[i]``).
    attacks : tuple of (int, int)
        Direct attacks first (map order), then derived ones; no duplicates.
    derived : dict
        ``(attacker id, attacked id) -> Derived`` for every attack the map does not
        state itself.
    support : SupportReading
    """

    ids: tuple[str, ...]
    attacks: tuple[tuple[int, int], ...]
    derived: dict[tuple[str, str], Derived]
    support: SupportReading

    def to_af(self) -> AF:
        """The :class:`~argmap.af.AF` (imports numpy); ``meta`` holds ``derived`` and ``support``."""
        import numpy as np

        from .af import AF

        src = np.fromiter((a for a, _ in self.attacks), dtype=np.int32, count=len(self.attacks))
        dst = np.fromiter((b for _, b in self.attacks), dtype=np.int32, count=len(self.attacks))
        return AF(self.ids, src, dst, {"derived": dict(self.derived), "support": self.support.value})


class _Chain(Sequence[str]):
    """A derived attack's chain, kept as two ends of breadth-first search trees.

    ``(a, …, x)`` follows *tree_a* from *a* back to its root *x* (the attacker of
    the direct attack), then ``(y, …, b)`` follows *tree_b* from *b* back to its root
    *y*, reversed. Storing the two ends instead of the tuple keeps a reading's
    derived attacks in memory linear in the map: a chain of 20 000 supports below
    one attack derives 20 000 attacks whose chains, written out, would hold 2·10⁸
    ids. The tuple is built on each access (O(length)); a chain compares equal to
    the tuple it stands for.
    """

    __slots__ = ("_a", "_tree_a", "_b", "_tree_b", "_len")

    def __init__(self, a: str, tree_a: dict[str, tuple[str | None, int]], b: str,
                 tree_b: dict[str, tuple[str | None, int]]) -> None:
        self._a, self._tree_a, self._b, self._tree_b = a, tree_a, b, tree_b
        self._len = tree_a[a][1] + tree_b[b][1] + 2

    def _tuple(self) -> tuple[str, ...]:
        head: list[str] = []
        node: str | None = self._a
        while node is not None:
            head.append(node)
            node = self._tree_a[node][0]
        tail: list[str] = []
        node = self._b
        while node is not None:
            tail.append(node)
            node = self._tree_b[node][0]
        return tuple(head) + tuple(reversed(tail))

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN204
        return self._tuple()[i]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tuple())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (_Chain, tuple, list)):
            return len(self) == len(other) and self._tuple() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __repr__(self) -> str:
        return repr(self._tuple())


def _support_tree(start: str, step: dict[str, list[str]]) -> dict[str, tuple[str | None, int]]:
    """Breadth-first search along *step* from *start* (cycle-safe): ``node -> (parent, depth)``.

    Following parents from a node back to *start* gives a shortest support path, in
    memory linear in the nodes reached (the paths themselves would be quadratic).
    """
    tree: dict[str, tuple[str | None, int]] = {start: (None, 0)}
    queue = deque([start])
    while queue:
        x = queue.popleft()
        depth = tree[x][1] + 1
        for y in step.get(x, ()):
            if y not in tree:
                tree[y] = (x, depth)
                queue.append(y)
    return tree


_KINDS = {
    SupportReading.deductive: ("supported", "mediated", "super-mediated"),
    SupportReading.necessary: ("extended", "secondary", "extended-secondary"),
}


def compile_map(amap: ArgumentMap, support: str | SupportReading = "none", *,
                claims: Iterable[str] | None = None) -> Compiled:
    """The attack graph of *amap* under a support reading (pure Python).

    Parameters
    ----------
    amap : ArgumentMap
    support : {"none", "deductive", "necessary"}
    claims : iterable of str, optional
        Keep only these claims (and the relations among them); default all.

    Returns
    -------
    Compiled

    Raises
    ------
    UsageError
        For an unknown support reading.
    QueryError
        For an unknown claim id.

    Notes
    -----
    Time ``O(a · (n + s) + d)`` for ``a`` attacks, ``s`` supports and ``d``
    derived attacks (a breadth-first search along supports at both ends of each
    attack). References: C. Cayrol and M.-C. Lagasquie-Schiex (2013), Bipolarity in
    argumentation graphs: towards a better understanding, IJAR 54(7) 876-899;
    F. Nouioua and V. Risch (2010), Bipolar argumentation frameworks with
    specialized supports, ICTAI; (2011) Argumentation frameworks with necessities,
    SUM, LNCS 6929.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim(i, "s", i) for i in ("A", "B", "C")],
    ...     relations=[Relation("A", "B", "support"), Relation("C", "A", "attack")])
    >>> compile_map(m, "necessary").derived
    {('C', 'B'): Derived(kind='secondary', chain=('C', 'A', 'B'))}
    """
    reading = parse_support(support)
    if claims is None:
        ids = tuple(c.id for c in amap.claims)
    else:
        wanted = set(claims)
        for cid in wanted:
            amap.claim(cid)
        ids = tuple(c.id for c in amap.claims if c.id in wanted)
    index = {cid: i for i, cid in enumerate(ids)}
    direct: list[tuple[str, str]] = []
    forward: dict[str, list[str]] = {}
    backward: dict[str, list[str]] = {}
    for r in amap.relations:
        if r.from_id not in index or r.to_id not in index:
            continue
        if r.type == "attack":
            direct.append((r.from_id, r.to_id))
        else:
            forward.setdefault(r.from_id, []).append(r.to_id)
            backward.setdefault(r.to_id, []).append(r.from_id)
    seen = set(direct)
    derived: dict[tuple[str, str], Derived] = {}
    if reading is not SupportReading.none and forward:
        # deductive: attackers' supporters and the attacked claim's supporters;
        # necessary: what the attacker and the attacked claim support
        step = backward if reading is SupportReading.deductive else forward
        one_end, other_end, both = _KINDS[reading]
        cache: dict[str, dict[str, tuple[str | None, int]]] = {}
        for x, y in direct:
            px = cache.get(x) or cache.setdefault(x, _support_tree(x, step))
            py = cache.get(y) or cache.setdefault(y, _support_tree(y, step))
            for a, (_, depth_a) in px.items():
                for b, (_, depth_b) in py.items():
                    if (a, b) in seen and (a, b) not in derived:
                        continue
                    old = derived.get((a, b))
                    if old is not None and len(old.chain) <= depth_a + depth_b + 2:
                        continue
                    kind = both if a != x and b != y else (one_end if a != x else other_end)
                    derived[(a, b)] = Derived(kind, _Chain(a, px, b, py))  # type: ignore[arg-type]
                    seen.add((a, b))
    attacks = [(index[a], index[b]) for a, b in direct]
    attacks += [(index[a], index[b]) for a, b in derived]
    return Compiled(ids, tuple(attacks), derived, reading)


def to_af(amap: ArgumentMap, support: str | SupportReading = "none", *,
          claims: Iterable[str] | None = None) -> AF:
    """The :class:`~argmap.af.AF` of *amap* under a support reading.

    Arguments are the claims in map order (names = claim ids); ``AF.meta`` has
    ``"support"`` (the reading) and ``"derived"`` (``(attacker, attacked) ->
    Derived(kind, chain)``). See :func:`compile_map` for parameters and complexity.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("s", "S")],
    ...     claims=[Claim(i, "s", i) for i in ("A", "X", "C")],
    ...     relations=[Relation("A", "X", "support"), Relation("X", "C", "attack")])
    >>> af = to_af(m, "deductive")
    >>> af.pairs()
    [('X', 'C'), ('A', 'C')]
    >>> af.meta["derived"][("A", "C")].kind
    'supported'
    """
    return compile_map(amap, support, claims=claims).to_af()
