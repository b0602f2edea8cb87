"""The geometry of the region pages' charts, drawn on the server as SVG (no scripts, no tiles).

`bar_chart` lays out horizontal bars (offers and upcoming editions per row); `powiat_map`
projects the 14 powiats' boundaries (catalogue/data/region/powiaty.geojson) to SVG paths and
puts each powiat in a colour class of offers per 10,000 residents. The templates
(`web/templates/coordinator/_region.html`) draw them; each chart has its table beside it, the
accessible version of the same numbers.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from operations.region import GEOMETRY

CHART_WIDTH = 640
LABEL_WIDTH = 230  # the row's label, left of the bars
VALUE_SPACE = 60  # right of the longest bar: its number
ROW_HEIGHT = 34
BAR_HEIGHT = 12
TOP = 30  # the legend's line
LABEL_CHARS = 30

MAP_WIDTH = 560
MAP_MARGIN = 10
# Colour classes, lightest first: ColorBrewer "Blues" steps. Every powiat has a dark outline
# (3:1 against any fill and the page, WCAG 1.4.11) and its value written on it, so no reading
# depends on the colour alone; `text` is the colour that keeps 4.5:1 on each fill.
CLASS_FILLS = ("#f7f7f7", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
CLASS_TEXT = ("#111111", "#111111", "#111111", "#ffffff", "#ffffff")
CLASSES = len(CLASS_FILLS)
Point = tuple[float, float]


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    offers: int
    editions: int
    offers_width: float
    editions_width: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bar_height: int
    bars: list[Bar]
    legend: tuple[str, str]  # what the first and the second bar of each row count


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def bar_chart(rows: Sequence[tuple[str, int, int]], legend: tuple[str, str]) -> BarChart:
    """Bars for rows of (label, offers, editions), scaled to the largest number."""
    largest = max([1, *(max(offers, editions) for _, offers, editions in rows)])
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_SPACE
    bars = [
        Bar(
            _short(label),
            TOP + i * ROW_HEIGHT,
            offers,
            editions,
            round(span * offers / largest, 1),
            round(span * editions / largest, 1),
        )
        for i, (label, offers, editions) in enumerate(rows)
    ]
    height = TOP + len(rows) * ROW_HEIGHT + 6
    return BarChart(CHART_WIDTH, height, LABEL_WIDTH, BAR_HEIGHT, bars, legend)


@dataclass(frozen=True)
class PowiatShape:
    code: str
    name: str
    path: str  # SVG path data
    x: float  # where its value is written
    y: float
    value: float | None
    colour_class: int
    fill: str
    text: str


@dataclass(frozen=True)
class ColourClass:
    low: float
    high: float
    fill: str


@dataclass(frozen=True)
class PowiatMap:
    width: int
    height: int
    shapes: list[PowiatShape]
    classes: list[ColourClass]


@cache
def _features() -> list[dict[str, Any]]:
    with GEOMETRY.open(encoding="utf-8") as f:
        features: list[dict[str, Any]] = json.load(f)["features"]
    return features


def class_edges(values: Sequence[float]) -> list[float]:
    """The upper edges of the colour classes: 0 alone, then equal steps up to the largest."""
    top = max(values, default=0.0)
    step = top / (CLASSES - 1) if top > 0 else 1.0
    return [0.0, *(step * i for i in range(1, CLASSES))]


def colour_class(value: float, edges: Sequence[float]) -> int:
    if value <= 0:
        return 0
    return next((i for i, edge in enumerate(edges) if i and value <= edge + 1e-9), CLASSES - 1)


@dataclass(frozen=True)
class _Outline:
    code: str
    name: str
    path: str
    label: Point


@cache
def _outlines() -> tuple[tuple[_Outline, ...], int]:
    """The powiats projected (equirectangular, x scaled by the cosine of the middle latitude)
    with where each one's value goes, and the map's height: drawn once per process."""
    rings = [(f, f["geometry"]["coordinates"][0]) for f in _features()]
    lons = [lon for _, ring in rings for lon, _ in ring]
    lats = [lat for _, ring in rings for _, lat in ring]
    scale_x = math.cos(math.radians((min(lats) + max(lats)) / 2))
    factor = (MAP_WIDTH - 2 * MAP_MARGIN) / ((max(lons) - min(lons)) * scale_x)
    height = round((max(lats) - min(lats)) * factor + 2 * MAP_MARGIN)

    def point(lon: float, lat: float) -> Point:
        x = MAP_MARGIN + (lon - min(lons)) * scale_x * factor
        y = MAP_MARGIN + (max(lats) - lat) * factor
        return round(x, 1), round(y, 1)

    projected = [(f, [point(lon, lat) for lon, lat in ring]) for f, ring in rings]
    outlines = tuple(
        _Outline(
            feature["properties"]["teryt"],
            feature["properties"]["nazwa"],
            "M" + " L".join(f"{x},{y}" for x, y in points) + " Z",
            label_point(points, [p for f, p in projected if f is not feature]),
        )
        for feature, points in projected
    )
    return outlines, height


def powiat_map(values: Mapping[str, float], names: Mapping[str, str]) -> PowiatMap:
    """The powiats, each coloured by its value (offers per 10,000 residents; None: no population
    known), named by `names` (else by the geometry's own name)."""
    outlines, height = _outlines()
    edges = class_edges(list(values.values()))
    shapes = []
    for outline in outlines:
        value = values.get(outline.code)
        cls = colour_class(value, edges) if value is not None else 0
        x, y = outline.label
        name = names.get(outline.code, outline.name)
        shape = PowiatShape(
            outline.code, name, outline.path, x, y, value, cls, CLASS_FILLS[cls], CLASS_TEXT[cls]
        )
        shapes.append(shape)
    classes = [
        ColourClass(edges[i - 1] if i else 0.0, edges[i], CLASS_FILLS[i]) for i in range(CLASSES)
    ]
    return PowiatMap(MAP_WIDTH, height, shapes, classes)


LABEL_GRID = 20  # candidate points across a powiat's bounding box, each way


def label_point(ring: Sequence[Point], others: Sequence[Sequence[Point]]) -> Point:
    """Where a powiat's value is written: of a grid of points inside it and outside every other
    powiat (a city with powiat rights lies inside its land powiat), the one farthest from any
    edge, so that the number sits well inside and never on the city's own number."""
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    best, best_room = _centroid(ring), -1.0
    box = (min(xs), min(ys), max(xs), max(ys))
    # Only a powiat lying within this one's box (a city inside it) can hold a candidate point:
    # a neighbour shares the edges already measured.
    within = [o for o in others if _box_within(o, box)]
    edges = [*_edges(ring), *(e for other in within for e in _edges(other))]
    for i in range(1, LABEL_GRID):
        for j in range(1, LABEL_GRID):
            x = min(xs) + (max(xs) - min(xs)) * i / LABEL_GRID
            y = min(ys) + (max(ys) - min(ys)) * j / LABEL_GRID
            if not inside((x, y), ring) or any(inside((x, y), other) for other in within):
                continue
            room = min(_distance((x, y), a, b) for a, b in edges)
            if room > best_room:
                best, best_room = (round(x, 1), round(y, 1)), room
    return best


def _box_within(ring: Sequence[Point], box: tuple[float, float, float, float]) -> bool:
    return all(box[0] <= x <= box[2] and box[1] <= y <= box[3] for x, y in ring)


def _edges(ring: Sequence[Point]) -> list[tuple[Point, Point]]:
    return list(zip(ring, [*ring[1:], ring[0]], strict=True))


def inside(point: Point, ring: Sequence[Point]) -> bool:
    """Ray casting: is the point inside the polygon?"""
    x, y = point
    crossings = 0
    for (x0, y0), (x1, y1) in _edges(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            crossings += 1
    return crossings % 2 == 1


def _distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _centroid(points: Sequence[Point]) -> Point:
    """The centroid of a polygon (the shoelace formula), where its value is written."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return points[0]
    return round(cx / (3 * area), 1), round(cy / (3 * area), 1)
