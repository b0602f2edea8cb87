"""Text of the comparison page (`/porownaj`: web/routes/compare.py) and its search boxes."""

MESSAGES = {
    "pl": {
        "compare.title": "Porównanie ofert",
        "compare.caption": "Porównanie wybranych ofert: każda kolumna to jedna oferta",
        "compare.region": "Tabela porównania (przewijana w poziomie)",
        "compare.back": "Wróć do wyszukiwania",
        "compare.offer": "Oferta",
        "compare.row.price": "Cena",
        "compare.row.hours": "Liczba godzin",
        "compare.row.dates": "Terminy",
        "compare.row.deadline": "Zapisy do",
        "compare.row.place": "Miejsce",
        "compare.row.distance": "Odległość od: {place}",
        "compare.row.form": "Forma",
        "compare.row.prk": "Poziom PRK",
        "compare.row.qualification": "Kwalifikacja",
        "compare.row.funding": "Finansowanie",
        "compare.row.provider": "Organizator",
        "compare.row.verified": "Ostatnio sprawdzono",
        "compare.more_editions": "i jeszcze {n} na stronie oferty",
        "compare.no_deadline": "brak terminu w danych",
        "compare.km": "{km} km",
        "compare.no_place": "brak miejsca w danych",
        "compare.place.label": "Policz odległość od miejscowości",
        "compare.place.hint": "Np. Żary albo Zielona Góra",
        "compare.place.submit": "Policz odległość",
        "compare.place.unknown": (
            "Nie znamy miejscowości „{place}” – podaj nazwę miejscowości w lubuskiem."
        ),
        "compare.none": (
            "Nie wybrano ofert do porównania. W wynikach wyszukiwania zaznacz pole „Porównaj” "
            "przy 2–4 ofertach i wybierz przycisk „Porównaj zaznaczone”."
        ),
        "compare.too_few": "Do porównania potrzebne są co najmniej 2 różne oferty.",
        "compare.too_many": "Można porównać najwyżej 4 oferty naraz. Zaznacz mniej ofert.",
        "compare.bad_id": "„{value}” nie jest numerem oferty.",
        "compare.unknown": (
            "Tych ofert nie ma w katalogu albo nie są już opublikowane: {ids}. "
            "Wybierz inne oferty w wyszukiwarce."
        ),
        "compare.check": "Porównaj",
        "compare.submit": "Porównaj zaznaczone",
        "compare.hint": "Zaznacz 2–4 oferty polem „Porównaj” i porównaj je w jednej tabeli.",
    },
    "en": {
        "compare.title": "Compare offers",
        "compare.caption": "The chosen offers compared: each column is one offer",
        "compare.region": "Comparison table (scrolls sideways)",
        "compare.back": "Back to search",
        "compare.offer": "Offer",
        "compare.row.price": "Price",
        "compare.row.hours": "Hours",
        "compare.row.dates": "Dates",
        "compare.row.deadline": "Enrol by",
        "compare.row.place": "Place",
        "compare.row.distance": "Distance from {place}",
        "compare.row.form": "Form",
        "compare.row.prk": "PRK level",
        "compare.row.qualification": "Qualification",
        "compare.row.funding": "Funding",
        "compare.row.provider": "Provider",
        "compare.row.verified": "Last checked",
        "compare.more_editions": "and {n} more on the offer's page",
        "compare.no_deadline": "no deadline in the data",
        "compare.km": "{km} km",
        "compare.no_place": "no place in the data",
        "compare.place.label": "Measure the distance from a town",
        "compare.place.hint": "E.g. Żary or Zielona Góra",
        "compare.place.submit": "Measure distance",
        "compare.place.unknown": "We do not know the town “{place}” – name a town in Lubuskie.",
        "compare.none": (
            "No offers were chosen. In the search results, tick “Compare” on 2 to 4 offers "
            "and choose the button “Compare ticked”."
        ),
        "compare.too_few": "At least 2 different offers are needed for a comparison.",
        "compare.too_many": "At most 4 offers can be compared at once. Tick fewer offers.",
        "compare.bad_id": "“{value}” is not an offer number.",
        "compare.unknown": (
            "These offers are not in the catalogue or are no longer published: {ids}. "
            "Choose other offers in the search."
        ),
        "compare.check": "Compare",
        "compare.submit": "Compare ticked",
        "compare.hint": "Tick 2 to 4 offers with “Compare” and see them in one table.",
    },
}
