"""Measure how readable a diagram's layout is: aspect, label size at a fitted width,
edge crossings, and the length of cross-speaker edges.

Run: ``python benchmarks/layout_measure.py [MAP] [--option key=value ...]``, or import
:func:`measure` and hand it DOT text. The layout comes from the same Graphviz that
``argmap render`` uses (:mod:`argmap.render.engine`, ``-Tjson`` output): node centres,
and each edge's spline as drawn.

What is measured
----------------
* ``width``, ``height`` (points) and ``aspect`` = width / height;
* ``fit_scale``: the zoom at which the whole picture fits a 1600 × 1000 px screen at
  96 dpi (1 pt = 4/3 px); 1.0 or more means every label is readable there at 100 %;
* ``crossings``: pairs of drawn edges (claims' relations only, legend excluded) whose
  splines intersect, counted on the Bézier curves sampled as polylines (edges that
  share an end are not counted);
* ``cross_crossings``: crossings in which at least one edge is cross-speaker;
* ``cross_mean`` / ``cross_max``: the mean and the longest spline length of the edges
  whose ends belong to different speakers (points), and ``cross_mean_diag`` the mean as
  a fraction of the picture's diagonal.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["measure", "main"]

Point = tuple[float, float]


def _bezier(points: Sequence[Point], steps: int = 8) -> list[Point]:
    """Sample a Graphviz B-spline (1 + 3k control points) into a polyline."""
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        for s in range(1, steps + 1):
            t = s / steps
            u = 1 - t
            out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                        u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def _length(line: Sequence[Point]) -> float:
    return sum(math.dist(a, b) for a, b in zip(line, line[1:]))


def _ccw(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _segments_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    d1, d2 = _ccw(r, s, p), _ccw(r, s, q)
    d3, d4 = _ccw(p, q, r), _ccw(p, q, s)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and 0 not in (d1, d2, d3, d4)


def _box(line: Sequence[Point]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in line]
    ys = [p[1] for p in line]
    return min(xs), min(ys), max(xs), max(ys)


def _lines_cross(a: Sequence[Point], b: Sequence[Point]) -> bool:
    ax0, ay0, ax1, ay1 = _box(a)
    bx0, by0, bx1, by1 = _box(b)
    if ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0:
        return False
    for p, q in zip(a, a[1:]):
        for r, s in zip(b, b[1:]):
            if _segments_cross(p, q, r, s):
                return True
    return False


def _spline(edge: dict[str, Any]) -> list[Point]:
    pos = edge.get("pos", "")
    pts: list[Point] = []
    for tok in pos.split():
        if tok.startswith(("e,", "s,")):
            continue
        x, y = tok.split(",")[:2]
        pts.append((float(x), float(y)))
    return _bezier(pts) if len(pts) >= 4 else pts


def measure(dot_text: str, speaker_of: dict[str, str] | None = None,
            screen: tuple[int, int] = (1600, 1000)) -> dict[str, float]:
    """Lay *dot_text* out with argmap's Graphviz engine and measure it (see module doc).

    *speaker_of* maps SVG ids (``claim-E1``) to speakers; default: read from the
    ``speaker-<i>`` class of each node. Junction nodes (``arg-*``) take the speaker
    of the claim at the other end of the edge.
    """
    from argmap.render.engine import render_bytes

    layout = json.loads(render_bytes(dot_text, "json"))
    x0, y0, x1, y1 = (float(v) for v in layout["bb"].split(","))
    width, height = x1 - x0, y1 - y0
    objs = layout.get("objects", [])
    by_gvid = {o["_gvid"]: o for o in objs if "_gvid" in o}
    speaker: dict[int, str] = {}
    is_claim: dict[int, bool] = {}
    for gvid, o in by_gvid.items():
        node_id = o.get("id", "")
        cls = o.get("class", "")
        is_claim[gvid] = node_id.startswith(("claim-", "arg-"))
        spk = (speaker_of or {}).get(node_id)
        if spk is None:
            spk = next((c for c in cls.split() if c.startswith("speaker-")), "")
        speaker[gvid] = spk
    edges = []
    for e in layout.get("edges", []):
        t, h = e["tail"], e["head"]
        if not (is_claim.get(t) and is_claim.get(h)):
            continue
        line = _spline(e)
        if len(line) < 2:
            continue
        edges.append((t, h, line, speaker.get(t) != speaker.get(h)
                      and bool(speaker.get(t)) and bool(speaker.get(h))))
    crossings = cross_crossings = 0
    for i in range(len(edges)):
        for j in range(i + 1, len(edges)):
            a, b = edges[i], edges[j]
            if {a[0], a[1]} & {b[0], b[1]}:
                continue
            if _lines_cross(a[2], b[2]):
                crossings += 1
                cross_crossings += a[3] or b[3]
    cross = [_length(e[2]) for e in edges if e[3]]
    diag = math.hypot(width, height)
    scale = min(screen[0] / (width * 4 / 3), screen[1] / (height * 4 / 3))
    return {
        "width": round(width), "height": round(height), "aspect": round(width / height, 2),
        "fit_scale": round(scale, 2), "edges": len(edges), "crossings": crossings,
        "cross_edges": len(cross), "cross_crossings": cross_crossings,
        "cross_mean": round(sum(cross) / len(cross)) if cross else 0,
        "cross_max": round(max(cross)) if cross else 0,
        "cross_mean_diag": round(sum(cross) / len(cross) / diag, 3) if cross else 0.0,
    }


def _parse_options(pairs: Iterable[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        out[key.replace("-", "_")] = {"true": True, "false": False}.get(value, value)
    return out


def main(argv: Sequence[str] | None = None) -> None:
    """Print the measures of one drawing of a map as JSON."""
    import argmap
    from argmap.render.dot import to_dot

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", default=None)
    parser.add_argument("--option", "-O", action="append", default=[],
                        help="a to_dot option, key=value (e.g. rankdir=LR)")
    args = parser.parse_args(argv)
    amap = argmap.load(args.map or argmap.shipped_map_path())
    dot = to_dot(amap, **_parse_options(args.option)).to_string()
    json.dump(measure(dot), sys.stdout)
    print()


if __name__ == "__main__":
    main()
