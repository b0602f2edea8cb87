"""Backends under test and a small catalogue of realistic Lubuskie offers.

Every backend in BACKENDS runs the contract suite (`test_search_contract.py`). A Meilisearch
backend is added here as one more factory (skipped where no server is configured).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from search.embedded import EmbeddedBackend
from search.interface import SearchBackend

BackendFactory = Callable[[Path], SearchBackend]

# name -> factory building a backend on a folder; a second call on the same folder acts like
# another process opening the same index.
BACKENDS: dict[str, BackendFactory] = {
    "embedded": EmbeddedBackend,
}


@pytest.fixture(params=sorted(BACKENDS))
def open_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], SearchBackend]:
    factory = BACKENDS[request.param]
    return lambda: factory(tmp_path / "index")


@pytest.fixture
def backend(open_backend: Callable[[], SearchBackend]) -> SearchBackend:
    return open_backend()


@pytest.fixture
def catalogue(backend: SearchBackend) -> SearchBackend:
    backend.index(OFFERS)
    return backend


def offer(
    id: int,
    title: str,
    description: str = "",
    *,
    provider: str = "",
    kind: str = "course",
    isced_broad: str = "",
    prk_level: int | None = None,
    form: str = "on_site",
    powiat: tuple[str, ...] = (),
    towns: tuple[str, ...] = (),
    price_min_grosze: int | None = None,
    next_start: str | None = None,
    qualification_code: str = "",
    qualification_name: str = "",
) -> dict[str, Any]:
    """A search document shaped like `search.documents.offer_document` returns it."""
    powiats = sorted(powiat) + (["online"] if form in ("online", "blended") else [])
    return {
        "id": id,
        "title": title,
        "description": description,
        "provider": provider,
        "qualification_code": qualification_code,
        "qualification_name": qualification_name,
        "occupation": "",
        "kind": kind,
        "isced_broad": isced_broad,
        "isced_narrow": isced_broad + "1" if isced_broad else "",
        "prk_level": str(prk_level) if prk_level else "",
        "form": form,
        "powiat": powiats,
        "towns": sorted(towns),
        "is_free": price_min_grosze == 0,
        "price_min_grosze": price_min_grosze,
        "next_start": next_start,
        "last_verified": "2026-02-01T08:00:00",
        "url": f"https://example.org/oferta/{id}",
    }


ZG, GW = ("0862",), ("0861",)
OFFERS = [
    offer(1, "Księgowość od podstaw – kurs z certyfikatem",
          "Ewidencja księgowa, podatki, kadry i płace dla osób bez doświadczenia.",
          provider="Centrum Kształcenia Ustawicznego w Zielonej Górze", isced_broad="04",
          powiat=ZG, towns=("Zielona Góra",), price_min_grosze=180000, next_start="2026-03-02"),
    offer(2, "Kurs spawania metodą MAG (135)",
          "Spawanie blach i rur w osłonie gazów aktywnych. Egzamin przed komisją Instytutu "
          "Spawalnictwa.", provider="Zakład Doskonalenia Zawodowego", kind="training",
          isced_broad="07", prk_level=3, powiat=GW, towns=("Gorzów Wielkopolski",),
          price_min_grosze=250000, next_start="2026-04-10"),
    offer(3, "Samodzielna księgowa – kurs kompleksowy",
          "Dla kandydatów na stanowisko księgowej: pełna księgowość, sprawozdania, JPK.",
          provider="Akademia Finansów", kind="course", isced_broad="04", prk_level=5,
          form="online", price_min_grosze=99000, next_start="2026-02-20"),
    offer(4, "Operator wózków widłowych z wymianą butli gazowej",
          "Przygotowanie do egzaminu UDT na wózki jezdniowe podnośnikowe.",
          provider="Ośrodek Szkoleniowy Lider", kind="training", isced_broad="07",
          powiat=("0811",), towns=("Żary",), price_min_grosze=70000, next_start="2026-03-15"),
    offer(5, "Wózki widłowe – uprawnienia UDT dla bezrobotnych",
          "Szkolenie finansowane przez Powiatowy Urząd Pracy w Zielonej Górze.",
          provider="PUP Zielona Góra", kind="training", isced_broad="07",
          powiat=ZG, towns=("Zielona Góra",), price_min_grosze=0),
    offer(6, "Programowanie w Pythonie",
          "Podstawy programowania: zmienne, pętle, funkcje, praca z plikami.",
          provider="Uniwersytet Zielonogórski", kind="elearning", isced_broad="06",
          form="online", price_min_grosze=45000, next_start="2026-05-04"),
    offer(7, "Technik mechanik – kwalifikacja MEC.08",
          "Kwalifikacyjny kurs zawodowy: organizacja i nadzorowanie procesów produkcji maszyn.",
          provider="CKZiU nr 1 w Zielonej Górze", kind="kkz", isced_broad="07", prk_level=4,
          form="blended", powiat=ZG, towns=("Zielona Góra",), price_min_grosze=0,
          next_start="2026-09-01", qualification_code="MEC.08",
          qualification_name="Organizacja i nadzorowanie procesów produkcji maszyn"),
    offer(8, "Opiekunka osoby starszej",
          "Kurs dla opiekunek: pielęgnacja, pierwsza pomoc, komunikacja z podopiecznym.",
          provider="Fundacja Razem", kind="course", isced_broad="09", prk_level=3,
          powiat=("0809", "0862"), towns=("Sulechów", "Zielona Góra"), next_start="2026-03-20"),
    offer(9, "Studia podyplomowe: Rachunkowość i finanse przedsiębiorstw",
          "Dla księgowych i analityków: sprawozdawczość, controlling, podatki.",
          provider="Akademia im. Jakuba z Paradyża", kind="postgraduate", isced_broad="04",
          prk_level=7, form="blended", powiat=GW, towns=("Gorzów Wielkopolski",),
          price_min_grosze=520000, next_start="2026-10-01"),
    offer(10, "Język angielski w pracy biurowej",
          "Warsztaty konwersacyjne w małych grupach, poziom B1.",
          provider="Szkoła Językowa Lingua", kind="workshop", isced_broad="02",
          powiat=("0802",), towns=("Gubin",), price_min_grosze=60000, next_start="2026-03-09"),
    offer(11, "Walidacja: Prowadzenie szkoleń <BHP> & ochrona ppoż.",
          "Egzamin potwierdzający kwalifikację rynkową; <script>alert('x')</script> w opisie.",
          provider="Instytut Certyfikacji", kind="validation", isced_broad="10", prk_level=5,
          powiat=ZG, towns=("Zielona Góra",), price_min_grosze=150000),
    offer(12, "Szkoła fryzjerstwa – kurs dla dorosłych",
          "Strzyżenie, koloryzacja i stylizacja. Zajęcia w salonie szkoleniowym.",
          provider="Salon Fryzjerski Łucja", kind="course", isced_broad="10", prk_level=3,
          powiat=("0804",), towns=("Nowa Sól",), price_min_grosze=320000, next_start="2026-04-01"),
]  # fmt: skip
