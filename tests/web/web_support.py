"""Realistic Lubuskie offers for the web tests (dates are days from today), and page helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from parsel import Selector

TODAY = date.today()
LAST_VERIFIED = datetime.combine(TODAY - timedelta(days=2), time(9, 30), tzinfo=UTC)


@dataclass
class Catalogue:
    database_url: str
    index_dir: Path
    ids: dict[str, int]  # sample key -> offer id

    def offer(self, key: str) -> dict[str, Any]:
        return next(o for o in OFFERS if o["key"] == key)


CKZIU_ZG = "Centrum Kształcenia Zawodowego i Ustawicznego w Zielonej Górze"
CKU_GORZOW = "Centrum Kształcenia Ustawicznego w Gorzowie Wielkopolskim"
UZ = "Uniwersytet Zielonogórski"

# The sample tables read best one record per few lines; the formatter would give each key its own.
# fmt: off
QUALIFICATIONS: list[dict[str, Any]] = [
    {"code": "MEC.08", "name": "Wykonywanie i naprawa elementów maszyn, urządzeń i narzędzi",
     "occupation": "ślusarz", "prk_level": 3, "isced_code": "0715"},
    {"code": "BUD.12", "name": "Wykonywanie robót murarskich i tynkarskich",
     "occupation": "murarz-tynkarz", "prk_level": 3, "isced_code": "0732"},
    {"code": "EKA.07", "name": "Prowadzenie rachunkowości",
     "occupation": "technik rachunkowości", "prk_level": 4, "isced_code": "0411"},
    {"code": "MED.10", "name": "Świadczenie usług w zakresie masażu",
     "occupation": "technik masażysta", "prk_level": 4, "isced_code": "0915"},
]


def edition(start: int | None, town: str | None, powiat: str | None, price: int | None,
            **more: Any) -> dict[str, Any]:
    return {"start": start, "town": town, "powiat": powiat, "price": price, **more}


OFFERS: list[dict[str, Any]] = [
    {"key": "mag", "title": "Kurs spawania metodą MAG (135)", "kind": "course",
     "isced": "0715", "form": "on_site", "provider": CKZIU_ZG, "hours": 146,
     "funding": "Możliwe dofinansowanie z Krajowego Funduszu Szkoleniowego",
     "audience": "Osoby dorosłe, także bez doświadczenia w spawaniu",
     "description": "Kurs przygotowuje do egzaminu spawacza według PN-EN ISO 9606-1. "
     "Zajęcia praktyczne w spawalni: spawanie blach i rur spoinami pachwinowymi.\n\n"
     "Egzamin przed komisją Instytutu Spawalnictwa.",
     "editions": [
         edition(20, "Zielona Góra", "0862", 245000, end=60, enrol=14, seats=12,
                 address="ul. Botaniczna 50", postcode="65-392"),
         edition(75, "Nowa Sól", "0804", 245000, end=115, seats=10),
     ]},
    {"key": "mec08", "title": "Ślusarz – kwalifikacyjny kurs zawodowy MEC.08", "kind": "kkz",
     "isced": "0715", "prk": 3, "form": "on_site", "provider": CKU_GORZOW, "qual": "MEC.08",
     "hours": 500, "funding": "Bezpłatny – finansowany z budżetu państwa",
     "description": "Obróbka ręczna i maszynowa, montaż i naprawa maszyn, a także spawanie "
     "gazowe w podstawowym zakresie. Kurs kończy się egzaminem zawodowym OKE.",
     "editions": [edition(30, "Gorzów Wielkopolski", "0861", 0, seats=25)]},
    {"key": "bud12", "title": "Murarz-tynkarz – KKZ BUD.12", "kind": "kkz", "isced": "0732",
     "prk": 3, "form": "on_site", "provider": "Centrum Kształcenia Zawodowego w Żarach",
     "qual": "BUD.12", "description": "Roboty murowe, tynki i wylewki.",
     "editions": [edition(45, "Żary", "0811", 0)]},
    {"key": "eka07", "title": "Technik rachunkowości – KKZ EKA.07", "kind": "kkz",
     "isced": "0411", "prk": 4, "form": "blended", "provider": CKU_GORZOW, "qual": "EKA.07",
     "description": "Ewidencja księgowa, sprawozdania finansowe i rozliczenia podatkowe. "
     "Zajęcia online z konsultacjami w Gorzowie.",
     "editions": [edition(12, "Gorzów Wielkopolski", "0861", 0, form="blended")]},
    {"key": "pm", "title": "Studia podyplomowe: Zarządzanie projektami", "kind": "postgraduate",
     "isced": "0413", "prk": 7, "form": "on_site", "provider": UZ, "hours": 180,
     "description": "Metodyki PRINCE2 i Scrum, budżet projektu, zarządzanie zespołem.",
     "editions": [edition(50, "Zielona Góra", "0862", 580000, end=280)]},
    {"key": "de", "title": "Język niemiecki w pracy – kurs A2", "kind": "course",
     "isced": "0231", "form": "online", "provider": "Fundacja Pogranicze Języków",
     "language": "de", "description": "Rozmowy z klientem i współpracownikami po niemiecku.",
     "editions": [edition(10, None, None, 120000, form="online", seats=15)]},
    {"key": "udt", "title": "Kurs operatora wózków jezdniowych z egzaminem UDT", "kind": "course",
     "isced": "1041", "form": "on_site", "provider": "Ośrodek Szkoleniowy Kadry w Nowej Soli",
     "description": "Wózki widłowe z napędem silnikowym, wymiana butli gazowej.",
     "editions": [edition(8, "Nowa Sól", "0804", 95000)]},
    {"key": "excel", "title": "Excel dla zaawansowanych", "kind": "training", "isced": "0611",
     "form": "online", "provider": "Lubuska Akademia Kompetencji",
     "description": "Tabele przestawne, Power Query i makra w pracy biurowej.",
     "editions": [edition(5, None, None, 39000, form="online")]},
    {"key": "python", "title": "Programowanie w Pythonie od podstaw", "kind": "course",
     "isced": "0613", "form": "blended", "provider": "Lubuska Akademia Kompetencji",
     "description": "Zmienne, pętle, funkcje i pierwsza aplikacja internetowa.",
     "editions": [edition(40, "Zielona Góra", "0862", 320000, form="blended")]},
    {"key": "senior", "title": "Opiekun osoby starszej", "kind": "course", "isced": "0921",
     "form": "on_site", "provider": "Powiatowy Urząd Pracy w Świebodzinie",
     "audience": "Osoby bezrobotne zarejestrowane w PUP",
     "description": "Pielęgnacja, pierwsza pomoc i wsparcie w codziennym życiu seniora.",
     "editions": [edition(25, "Świebodzin", "0808", 0)]},
    {"key": "waiter", "title": "Kurs kelnerski z elementami baristyki", "kind": "course",
     "isced": "1013", "form": "on_site", "provider": "Szkoła Gastronomiczna w Słubicach",
     "description": "Obsługa gości, przygotowanie kawy i podstawy sommelierstwa.",
     "editions": [edition(18, "Słubice", "0805", 110000)]},
    {"key": "trainer", "title": "Walidacja kwalifikacji: Przygotowywanie i prowadzenie szkoleń",
     "kind": "validation", "isced": "0111", "prk": 5, "form": "on_site", "provider": UZ,
     "description": "Potwierdzenie kompetencji trenera bez udziału w kursie.",
     "editions": [edition(60, "Zielona Góra", "0862", 90000)]},
    {"key": "digital", "title": "Warsztaty kompetencji cyfrowych dla seniorów", "kind": "workshop",
     "isced": "0611", "form": "on_site", "provider": "Miejska Biblioteka Publiczna w Żaganiu",
     "description": "Smartfon, bankowość internetowa i bezpieczeństwo w sieci.",
     "editions": [edition(15, "Żagań", "0810", 0)]},
    {"key": "firstaid", "title": "Kurs pierwszej pomocy przedmedycznej", "kind": "course",
     "isced": "1022", "form": "on_site", "provider": "Ratownictwo Odra Krosno",
     "description": "Resuscytacja, AED i postępowanie przy urazach.",
     "editions": [edition(22, "Krosno Odrzańskie", "0802", 18000)]},
    {"key": "massage", "title": "Technik masażysta – KKZ MED.10", "kind": "kkz", "isced": "0915",
     "prk": 4, "form": "on_site", "provider": CKZIU_ZG, "qual": "MED.10", "withdrawn": True,
     "description": "Masaż klasyczny, sportowy i leczniczy.",
     "editions": [edition(35, "Zielona Góra", "0862", 0)]},
    {"key": "bookkeeping", "title": "Podstawy księgowości – kurs e-learningowy",
     "kind": "elearning", "isced": "0411", "form": "online",
     "provider": "Lubuska Akademia Kompetencji",
     "description": "Samodzielna nauka w dowolnym tempie: bilans, konta i dekretacja.",
     "editions": []},
]
# fmt: on


def html(client: TestClient, url: str, status: int = 200, **kwargs: Any) -> Selector:
    """GET a page, check its status, and return it parsed for CSS/XPath queries."""
    response = client.get(url, **kwargs)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return Selector(text=response.text)


def active(predicate: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
    """The sample offers that are searchable (not withdrawn) and match a predicate."""
    return [o for o in OFFERS if not o.get("withdrawn") and predicate(o)]
