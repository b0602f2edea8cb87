"""Offers for the meaning of query words (`search.understanding`): fields, kinds, levels,
audiences, prices and forms, filed as the normaliser files them (ISCED-F detailed codes)."""

from __future__ import annotations

from tests.search.search_support import offer

ZG, GW = ("0862",), ("0861",)
MEANING_OFFERS = [
    offer(101, "Pielęgnacja terenów zielonych – kurs", "Cięcie drzew i krzewów, trawniki.",
          isced_broad="08", isced_code="0812", powiat=ZG, towns=("Zielona Góra",),
          price_min_grosze=90000, next_start="2026-04-01"),
    offer(102, "Kurs ogrodnika", "Uprawa warzyw i kwiatów.", isced_broad="08",
          isced_code="0812", powiat=GW, towns=("Gorzów Wielkopolski",), price_min_grosze=0,
          next_start="2026-05-01"),
    offer(103, "Hodowla bydła mlecznego", "Żywienie i rozród.", isced_broad="08",
          isced_code="0811", powiat=ZG, price_min_grosze=50000),
    offer(104, "Budownictwo", "Studia pierwszego stopnia na Wydziale Budownictwa.",
          kind="studies", prk_level=6, isced_broad="07", isced_code="0732", powiat=ZG,
          towns=("Zielona Góra",), price_min_grosze=0, next_start="2026-10-01"),
    offer(105, "Mechatronika", "Studia inżynierskie, 7 semestrów.", kind="studies",
          prk_level=6, isced_broad="07", isced_code="0714", powiat=GW, price_min_grosze=0,
          next_start="2026-10-01"),
    offer(106, "Pedagogika przedszkolna", "Studia licencjackie dla przyszłych wychowawców.",
          kind="studies", prk_level=6, isced_broad="01", isced_code="0112", powiat=ZG,
          price_min_grosze=0, next_start="2026-10-01"),
    offer(107, "Zarządzanie", "Studia magisterskie II stopnia.", kind="studies", prk_level=7,
          isced_broad="04", isced_code="0413", powiat=ZG, price_min_grosze=400000,
          next_start="2026-10-01"),
    offer(108, "Rachunkowość budżetowa", "Ewidencja w jednostkach sektora finansów publicznych.",
          kind="training", isced_broad="04", isced_code="0411", form="online",
          price_min_grosze=60000, next_start="2026-03-10"),
    offer(109, "Spawanie metodą TIG (141)", "Kurs dla osób bez doświadczenia.",
          isced_broad="07", isced_code="0715", powiat=ZG, price_min_grosze=300000,
          next_start="2026-04-20", audience="Osoby bezrobotne zarejestrowane w PUP"),
    offer(110, "Excel w szkole", "Arkusz kalkulacyjny na lekcjach matematyki.",
          isced_broad="01", isced_code="0114", form="online", price_min_grosze=0,
          audience="nauczyciele szkół podstawowych"),
    offer(111, "Przedsiębiorczość kobiet", "Własna firma krok po kroku.", isced_broad="04",
          isced_code="0413", powiat=GW, price_min_grosze=0, audience="kobiety"),
    offer(112, "Angielski w weekendy", "Zajęcia w soboty i niedziele, poziom A2.",
          isced_broad="02", isced_code="0231", powiat=ZG, price_min_grosze=80000),
    offer(113, "Kurs murarz-tynkarz", "Murowanie i tynkowanie.", isced_broad="07",
          isced_code="0732", powiat=GW, price_min_grosze=200000, next_start="2026-06-01"),
    offer(114, "Robotyka dla młodzieży", "Warsztaty z programowania robotów.",
          kind="workshop", isced_broad="07", isced_code="0714", powiat=ZG, price_min_grosze=0,
          audience="młodzież w wieku 14–18 lat"),
]  # fmt: skip
