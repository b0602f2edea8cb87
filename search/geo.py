"""Distances for the distance filter and sort: points, point keys, and where a person is.

Exact distance without a geo index. Every edition held somewhere has a point (the coordinates
the normaliser gave its place); a search document lists them in `points`. Each distinct point
is also indexed as a *point key*, a string such as `142.51234:195.45678` (latitude + 90 and
longitude + 180, fixed width, so that keys sort by latitude). To find the offers within
`km` of a point a backend:

1. lists the point keys its index holds in the latitude band the circle can reach
   (`band_prefixes`: key prefixes of 0.1° or 1° of latitude, a bounding-box pre-filter that
   needs no document to be read),
2. keeps those whose haversine distance is at most `km` (`keys_within`), exactly,
3. matches documents having one of those keys (a term-set query; Meilisearch: `geo IN [...]`
   on a filterable list of keys, the candidate keys coming from its facet distribution).

Points come from the place table (about a hundred gmina seats and towns), so step 2 measures a
few dozen points, whatever the number of offers. Sorting by distance works on the same keys:
keys by distance, then the offers having the nearest key first (`search.tantivy.sort`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from catalogue.normalise.places import resolve_place

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
KM_PER_DEGREE_LAT = math.pi * EARTH_RADIUS_KM / 180  # 111.2 km
PRECISION = 5  # decimals of a degree kept in a point key: about a metre
MAX_BANDS = 24  # beyond this many 0.1° bands, whole degrees; beyond that many, every key
_POINT = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class Located:
    """A point a person asked for, with the name to show."""

    lat: float
    lon: float
    name: str


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (Zielona Góra – Gorzów Wlkp. ≈ 91 km)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def point_key(lat: float, lon: float) -> str:
    """The indexed key of a point: `52.5123, 15.4568` -> `142.51230:195.45680`."""
    return f"{lat + 90:0{PRECISION + 4}.{PRECISION}f}:{lon + 180:0{PRECISION + 4}.{PRECISION}f}"


def key_point(key: str) -> tuple[float, float]:
    """The point of a key (the inverse of `point_key`)."""
    lat, lon = key.split(":")
    return round(float(lat) - 90, PRECISION), round(float(lon) - 180, PRECISION)


def band_prefixes(lat: float, km: float) -> list[str]:
    """Key prefixes covering every latitude within `km` of `lat` ("" means every key)."""
    reach = km / KM_PER_DEGREE_LAT
    low, high = max(lat - reach, -90.0) + 90, min(lat + reach, 90.0) + 90
    # Bands of 0.1° ("142.5": 52.5°-52.6°), else of 1° ("142"); one more band on each side
    # absorbs floating-point error at a band's edge.
    for per_degree, fmt in ((10, "{:05.1f}"), (1, "{:03.0f}")):
        first, last = math.floor(low * per_degree) - 1, math.floor(high * per_degree) + 1
        if last - first < MAX_BANDS:
            return [fmt.format(n / per_degree) for n in range(max(first, 0), last + 1)]
    return [""]


def keys_within(keys: Iterable[str], lat: float, lon: float, km: float) -> list[str]:
    """The keys whose point is at most `km` away from (lat, lon)."""
    return [key for key in keys if haversine_km(lat, lon, *key_point(key)) <= km]


def nearest_km(points: Sequence[Sequence[float]], lat: float, lon: float) -> float | None:
    """The distance to the nearest of the points, or None without points."""
    return min((haversine_km(lat, lon, p[0], p[1]) for p in points), default=None)


def locate(text: str) -> Located | None:
    """A point from "52.51,15.45" or the name of a Lubuskie town ("zielona gora", "Gorzów
    Wlkp."), through the normaliser's place table; None when neither."""
    match = _POINT.match(text)
    if match:
        lat, lon = float(match.group(1)), float(match.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return Located(lat, lon, f"{lat:.5g}, {lon:.5g}")
        return None
    place = resolve_place(town=text).place
    return Located(place.lat, place.lon, place.name) if place is not None else None
