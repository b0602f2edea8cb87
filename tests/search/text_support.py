"""Offers for the Polish-text, synonym and place tests: one subject per offer, known places."""

from __future__ import annotations

from typing import Any

from tests.search.search_support import offer

ZG, GW, ZARY, NS, SULECHOW = "0862", "0861", "0811", "0804", "0809"


def held(id: int, title: str, description: str, town: str, powiat: str, **more: Any) -> dict:
    return offer(id, title, description, towns=(town,), powiat=(powiat,), **more)


TEXT_OFFERS = [
    held(1, "Kurs księgowości", "Podstawy rachunkowości małej firmy.", "Zielona Góra", ZG,
         next_start="2026-03-02"),
    held(2, "Operator wózków widłowych", "Przygotowanie do egzaminu UDT.", "Żary", ZARY,
         next_start="2026-03-15"),
    held(3, "Wózki jezdniowe podnośnikowe – szkolenie", "Obsługa i konserwacja.", "Nowa Sól", NS,
         next_start="2026-04-01"),
    held(4, "Suwnice i podesty ruchome", "Szkolenie z egzaminem UDT.", "Żary", ZARY),
    held(5, "Kurs na kat. B", "Nauka jazdy samochodem osobowym.", "Gorzów Wielkopolski", GW,
         next_start="2026-02-10"),
    held(6, "Prawo jazdy kategorii C", "Dla przyszłych kierowców ciężarówek.",
         "Gorzów Wielkopolski", GW, next_start="2026-06-01"),
    held(7, "Spawacz – metoda TIG", "Egzamin przed komisją.", "Żary", ZARY,
         next_start="2026-05-04"),
    held(8, "Kurs spawalniczy MAG", "Blachy i rury.", "Gorzów Wielkopolski", GW,
         next_start="2026-03-20"),
    held(9, "Opiekun osób starszych", "Pielęgnacja i pierwsza pomoc.", "Zielona Góra", ZG),
    held(10, "Szkolenie okresowe bezpieczeństwa i higieny pracy", "Dla pracowników biurowych.",
         "Zielona Góra", ZG),
    held(11, "Łódź żaglowa – patent żeglarza jachtowego", "Zajęcia na jeziorze.", "Sulechów",
         SULECHOW),
    offer(12, "Programowanie w Pythonie", "Podstawy programowania.", form="online",
          kind="elearning"),
    held(13, "Informatyka w biznesie – studia podyplomowe", "Systemy ERP.", "Zielona Góra", ZG,
         kind="postgraduate"),
    held(14, "Kwalifikacyjny kurs zawodowy EKA.04", "Prowadzenie dokumentacji w jednostce.",
         "Gorzów Wielkopolski", GW, kind="kkz", qualification_code="EKA.04",
         qualification_name="Prowadzenie dokumentacji w jednostce organizacyjnej"),
    held(15, "Uprawnienia SEP do 1 kV", "Eksploatacja urządzeń.", "Nowa Sól", NS),
    held(16, "Kadry i płace w praktyce", "Listy płac, umowy.", "Zielona Góra", ZG),
    held(17, "Język angielski – poziom B1", "Konwersacje.", "Żary", ZARY, kind="course"),
    held(18, "Rachunkowość budżetowa", "Dla jednostek sektora finansów publicznych.",
         "Gorzów Wielkopolski", GW),
    held(19, "Kat i jego ofiara – warsztaty teatralne", "Scena B, wejście od podwórza.",
         "Zielona Góra", ZG, kind="workshop"),
    offer(20, "Informatyka dla każdego", "Komputer od podstaw.", form="online"),
    held(21, "Przewóz osób – kwalifikacja wstępna", "Dla kierowców autobusów.", "Zielona Góra",
         ZG),
    held(22, "Florystyka od podstaw", "Bukiety okolicznościowe.", "Zielona Góra", ZG,
         next_start="2026-04-20"),
    offer(23, "Python dla analityków danych", "Pandas i wykresy.", form="online"),
]  # fmt: skip
