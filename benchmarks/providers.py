"""Who offers the benchmark's courses: about four hundred providers of a dozen sorts.

Each sort names its providers in its own way (a language school, a driving school, a public
continuing-education centre in a powiat town, a university) and teaches some subjects. A few
large providers publish many offers and most publish a handful, as in the real registers.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from benchmarks.vocabulary import Place, Subject, places

BRANDS = (
    "Progres", "Horyzont", "Kompas", "Edukator", "Lider", "Impuls", "Perspektywa", "Optima",
    "Wiedza", "Sukces", "Nova", "Delta", "Vector", "Atut", "Meritum", "Profit", "Ekspert",
    "Spektrum", "Bona", "Lubtech", "Winnica", "Odra", "Bóbr", "Nysa", "Warta", "Łużyce",
    "Pomost", "Krok", "Start", "Kariera", "Etap", "Zenit", "Alfa", "Omega", "Fach", "Kadra",
    "Mistrz", "Pro-Skills", "Eduka", "Akant", "Sigma", "Prima", "Orion", "Vademecum", "Klucz",
    "Most", "Rozwój", "Cel", "Szansa", "Kwant", "Iskra", "Elan", "Twoja Przyszłość", "Lubuszanin",
    "Dąb", "Jantar", "Port", "Focus", "Merito", "Solid", "Tandem", "Artes", "Quality", "Polaris",
)  # fmt: skip


@dataclass(frozen=True)
class Provider:
    name: str
    home: Place
    sort: str


@dataclass(frozen=True)
class Sort:
    """A sort of provider: how many there are, how they are named and what they teach."""

    name: str
    count: int
    weight: float  # how likely it is to publish an offer of a subject it teaches
    patterns: tuple[str, ...]  # "{brand}", "{town}"
    # (subject, kind letter) -> whether it teaches it (or a factor of its weight for it)
    teaches: Callable[[Subject, str], float]
    towns_only: bool = False  # named after their town: one per town at most


def _starts(subject: Subject, *prefixes: str) -> bool:
    return subject.isced.startswith(prefixes)


SORTS = (
    Sort("university", 6, 5.0, ("Uniwersytet Zielonogórski",
                           "Akademia im. Jakuba z Paradyża w Gorzowie Wielkopolskim",
                           "Wyższa Szkoła {brand}", "Collegium {brand} – filia {town}"),
         lambda s, k: k in "ps"),
    Sort("ckziu", 14, 3.0, ("Centrum Kształcenia Zawodowego i Ustawicznego – {town}",),
         lambda s, k: 1.0 if k in "kv" else 0.1 * (k == "c" and "practical" in s.tags),
         towns_only=True),
    Sort("zdz", 8, 0.4, ("Zakład Doskonalenia Zawodowego – Ośrodek {town}",),
         lambda s, k: k in "kctv" and _starts(s, "04", "06", "07", "09", "10"), towns_only=True),
    Sort("odn", 4, 3.0, ("Ośrodek Doskonalenia Nauczycieli – {town}",),
         lambda s, k: _starts(s, "01") and k in "ctwe", towns_only=True),
    Sort("language", 40, 4.0, ("Szkoła Językowa {brand}", "{brand} Language School",
                          "Centrum Językowe {brand}"), lambda s, k: _starts(s, "023")),
    Sort("driving", 40, 6.0, ("Ośrodek Szkolenia Kierowców {brand}", "OSK {brand}",
                         "Szkoła Jazdy {brand}"),
         lambda s, k: "driving" in s.tags or s.nominative.startswith(("ADR", "Tachograf"))),
    Sort("medical", 12, 1.5, ("Szkoła Policealna Medyczna {brand}", "Centrum Medyczne {brand}",
                         "Okręgowa Izba Pielęgniarek i Położnych – {town}"),
         lambda s, k: _starts(s, "09") and k in "ctwe"),
    Sort("beauty", 25, 3.0, ("Akademia Urody {brand}", "Studio Szkoleniowe {brand}"),
         lambda s, k: _starts(s, "1012")),
    Sort("culture", 30, 0.4, ("Miejski Ośrodek Kultury – {town}", "Biblioteka Publiczna – {town}",
                         "Uniwersytet Trzeciego Wieku – {town}"),
         lambda s, k: k == "w" or "hobby" in s.tags or s.nominative.startswith("Smartfon"),
         towns_only=True),
    Sort("ngo", 40, 0.4, ("Fundacja {brand}", "Stowarzyszenie {brand}"),
         lambda s, k: _starts(s, "003", "0922", "0921", "0923", "0611", "052") and k in "ctwe"),
    Sort("it", 15, 1.5, ("Akademia IT {brand}", "{brand} Code School"),
         lambda s, k: _starts(s, "06", "0542", "0414") and k in "ce"),
    Sort("agri", 3, 2.0, ("Lubuski Ośrodek Doradztwa Rolniczego – {town}",),
         lambda s, k: _starts(s, "08"), towns_only=True),
    Sort("training", 170, 1.0, ("Centrum Szkoleń {brand}", "Ośrodek Szkoleniowy {brand}",
                           "Akademia Rozwoju {brand}", "{brand} Szkolenia sp. z o.o.",
                           "Instytut Szkoleń {brand}", "Lubuskie Centrum Szkoleń {brand}"),
         lambda s, k: k in "ctwev"),
)  # fmt: skip


@cache
def providers(seed: int = 1) -> dict[str, tuple[Provider, ...]]:
    """Providers by sort, the same for a given seed."""
    rng = random.Random(f"providers:{seed}")
    towns = [p for p in places() if p.weight >= 1]
    weights = [p.weight for p in towns]
    found: dict[str, tuple[Provider, ...]] = {}
    names: set[str] = set()
    for sort in SORTS:
        made: list[Provider] = []
        for i in range(sort.count * 20):  # enough draws to find unique names
            if len(made) == sort.count:
                break
            pattern = sort.patterns[i % len(sort.patterns)]
            if sort.towns_only:  # the public centres stand in the powiat towns
                home = rng.choices(towns, [w if w >= 6 else 0.3 for w in weights])[0]
            else:
                home = rng.choices(towns, weights)[0]
            name = pattern.format(brand=rng.choice(BRANDS), town=home.name)
            if name not in names:
                names.add(name)
                made.append(Provider(name, home, sort.name))
        found[sort.name] = tuple(made)
    return found


def choose_provider(rng: random.Random, subject: Subject, kind: str) -> Provider:
    """A provider that teaches this subject; a few big ones are chosen far more often."""
    sorts = [sort for sort in SORTS if sort.teaches(subject, kind)]
    weights = [sort.weight * sort.teaches(subject, kind) for sort in sorts]
    sort = rng.choices(sorts, weights)[0] if sorts else SORTS[-1]
    members = providers()[sort.name]
    return rng.choices(members, cum_weights=_ranks(len(members)))[0]


@cache
def _ranks(count: int) -> list[float]:
    """Cumulative weights 1/rank^0.8: in a sort of 170, the largest publishes about a tenth."""
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += rank**-0.8
        cumulative.append(total)
    return cumulative
