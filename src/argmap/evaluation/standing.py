"""Two speakers' standing: which of each one's claims stand with and without the other's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import ArgumentMap
from ..vocabulary import parse_support
from ._bridge import IN, acceptance, evaluate, semantics_code

__all__ = ["Standing", "compare_standing", "format_standing"]


@dataclass(frozen=True)
class Standing:
    """Which of two speakers' claims stand, with and without the other speaker's claims.

    "Stand" means ``in`` under GR and skeptically accepted under the others. A
    speaker's claims here are the claims they assert (their position): a claim they
    only ask or challenge is not listed, though it stays in the map (and is removed with
    the rest of their claims when the other speaker stands alone).

    Attributes
    ----------
    a, b : str
        Speaker ids.
    semantics, support : str
    together : dict
        ``speaker -> claim ids`` that stand in the whole map.
    alone : dict
        ``speaker -> claim ids`` that stand once the other speaker's claims (and the
        relations touching them) are removed.
    lost : dict
        ``speaker -> claim ids`` that stand alone but not together: what the other
        speaker's claims knock down.
    gained : dict
        ``speaker -> claim ids`` that stand together but not alone: what the other
        speaker's claims rescue.
    """

    a: str
    b: str
    semantics: str
    support: str
    together: dict[str, list[str]]
    alone: dict[str, list[str]]
    lost: dict[str, list[str]]
    gained: dict[str, list[str]]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"speakers": [self.a, self.b], "semantics": self.semantics,
                "support": self.support, "together": self.together, "alone": self.alone,
                "lost": self.lost, "gained": self.gained}


def _standing(amap: ArgumentMap, sem: str, support: str, keep: list[str]) -> set[str]:
    ev = evaluate(amap, support, keep)
    if sem == "GR":
        return {cid for cid, lab in zip(ev.compiled.claim_ids, ev.label) if lab == IN}
    cred, skep = acceptance(ev, sem)
    return {cid for cid, c, s in zip(ev.compiled.claim_ids, cred, skep) if c and s}


def compare_standing(amap: ArgumentMap, speaker_a: str, speaker_b: str, semantics: str = "GR",
                     support: str = "none") -> Standing:
    """Each speaker's standing claims with and without the other speaker's claims.

    For an essay (*speaker_a*) and a comment on it (*speaker_b*), ``lost[a]`` is
    what the comment changes in the essay's standing. Only asserted claims are a
    speaker's position (docs/evaluation.md, "Questions and challenges").

    Raises
    ------
    QueryError
        For an unknown speaker.
    UsageError
        For an unknown semantics or support reading.

    See Also
    --------
    format_standing : the text form.
    argmap.queries.compare : the structural comparison of two speakers.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("e", "Essay"), Speaker("c", "Comment")],
    ...     claims=[Claim("E1", "e", "thesis"), Claim("C1", "c", "objection")],
    ...     relations=[Relation("C1", "E1", "attack")])
    >>> s = compare_standing(m, "e", "c")
    >>> s.together, s.lost
    ({'e': [], 'c': ['C1']}, {'e': ['E1'], 'c': []})
    """
    sem = semantics_code(semantics)
    reading = parse_support(support).value
    amap.speaker(speaker_a)
    amap.speaker(speaker_b)
    every = [c.id for c in amap.claims]
    whole = _standing(amap, sem, support, every)
    by = {s: [c.id for c in amap.claims if c.speaker == s] for s in (speaker_a, speaker_b)}
    held = {s: [c.id for c in amap.claims if c.speaker == s and c.asserted] for s in (speaker_a, speaker_b)}
    together: dict[str, list[str]] = {}
    alone: dict[str, list[str]] = {}
    for s, other in ((speaker_a, speaker_b), (speaker_b, speaker_a)):
        removed = set(by[other])
        kept = [cid for cid in every if cid not in removed]
        solo = _standing(amap, sem, support, kept)
        together[s] = [cid for cid in held[s] if cid in whole]
        alone[s] = [cid for cid in held[s] if cid in solo]
    lost = {s: [c for c in alone[s] if c not in set(together[s])] for s in together}
    gained = {s: [c for c in together[s] if c not in set(alone[s])] for s in together}
    return Standing(speaker_a, speaker_b, sem, reading, together, alone, lost, gained)


def format_standing(standing: Standing, amap: ArgumentMap, width: int = 80) -> str:
    """The standing comparison as readable text.

    Examples
    --------
    >>> from argmap.model import ArgumentMap, Claim, Relation, Speaker
    >>> m = ArgumentMap(speakers=[Speaker("e", "Essay"), Speaker("c", "Comment")],
    ...     claims=[Claim("E1", "e", "thesis"), Claim("C1", "c", "objection")],
    ...     relations=[Relation("C1", "E1", "attack")])
    >>> print(format_standing(compare_standing(m, "e", "c"), m))
    Standing under GR (support reading: none); "stand" = in
    Essay: 0 of 1 claims stand with Comment's claims, 1 without.
      knocked down by Comment: E1
    Comment: 1 of 1 claims stand with Essay's claims, 1 without.
    """
    import textwrap

    name = {s.id: s.name for s in amap.speakers}
    word = "in" if standing.semantics == "GR" else "skeptically accepted"
    lines = [f"Standing under {standing.semantics} (support reading: {standing.support}); "
             f"\"stand\" = {word}"]
    for s, other in ((standing.a, standing.b), (standing.b, standing.a)):
        total = sum(1 for c in amap.claims if c.speaker == s and c.asserted)
        asked = sum(1 for c in amap.claims if c.speaker == s and not c.asserted)
        note = f" ({asked} question{'s' if asked != 1 else ''} not counted)" if asked else ""
        lines.append(f"{name[s]}: {len(standing.together[s])} of {total} claims stand with "
                     f"{name[other]}'s claims, {len(standing.alone[s])} without{note}.")
        for key, what in (("lost", f"knocked down by {name[other]}"),
                          ("gained", f"rescued by {name[other]}")):
            items = getattr(standing, key)[s]
            if items:
                lines += textwrap.wrap(f"{what}: " + ", ".join(items), width,
                                       initial_indent="  ", subsequent_indent="    ")
    return "\n".join(lines)
