"""Offers for the honesty tests (issue 13): many courses in Zielona Góra, none about welding;
welding in Żary and Gorzów; driving licences of categories B and C; a forklift course and a
warehouse course that mentions forklifts."""

from __future__ import annotations

from typing import Any

from tests.search.search_support import offer

ZG, ZARY, GW, NS = "0862", "0811", "0861", "0804"
POINTS = {  # the normaliser's points of the towns
    "Zielona Góra": (51.9392, 15.5039),
    "Żary": (51.6358, 15.1383),
    "Gorzów Wielkopolski": (52.7319, 15.2394),
    "Nowa Sól": (51.8058, 15.7164),
}
POWIATS = {"Zielona Góra": ZG, "Żary": ZARY, "Gorzów Wielkopolski": GW, "Nowa Sól": NS}
WELDING_CODE, WELDING_NAME = "SP.MAG", "Spawanie blach metodą MAG (135)"


def held(id: int, title: str, description: str, town: str, **more: Any) -> dict[str, Any]:
    return offer(id, title, description, towns=(town,), powiat=(POWIATS[town],),
                 points=(POINTS[town],), **more)  # fmt: skip


HONESTY_OFFERS = [
    held(1, "Kurs księgowości", "Podstawy rachunkowości.", "Zielona Góra",
         next_start="2026-03-02"),
    held(2, "Kurs florystyki", "Bukiety i wieńce.", "Zielona Góra", next_start="2026-03-03"),
    held(3, "Szkolenie okresowe BHP", "Dla pracowników biurowych; kurs jednodniowy.",
         "Zielona Góra"),
    held(4, "Kurs pierwszej pomocy", "Zajęcia praktyczne.", "Zielona Góra"),
    held(5, "Kurs spawania metodą MAG", "Spawanie blach i rur; egzamin.", "Żary",
         next_start="2026-04-10", price_min_grosze=250000, qualification_code=WELDING_CODE,
         qualification_name=WELDING_NAME),
    held(6, "Spawacz TIG – szkolenie", "Spawanie stali nierdzewnej.", "Gorzów Wielkopolski",
         next_start="2026-05-04", price_min_grosze=300000, qualification_code=WELDING_CODE,
         qualification_name=WELDING_NAME),
    held(7, "Prawo jazdy kat. B", "Nauka jazdy samochodem osobowym.", "Gorzów Wielkopolski",
         next_start="2026-02-10"),
    held(8, "Prawo jazdy kategorii C", "Dla przyszłych kierowców ciężarówek.",
         "Gorzów Wielkopolski", next_start="2026-06-01"),
    held(9, "Kurs na kat. C z kwalifikacją wstępną", "Ciężarówki; prawo jazdy.",
         "Gorzów Wielkopolski", next_start="2026-06-02"),
    held(10, "Operator wózków widłowych", "Egzamin UDT.", "Nowa Sól", next_start="2026-03-15"),
    held(11, "Magazynier – logistyka magazynu", "Praca w magazynie; wózki widłowe w praktyce.",
         "Nowa Sól", next_start="2026-03-16"),
]  # fmt: skip
WELDING = {5, 6}
