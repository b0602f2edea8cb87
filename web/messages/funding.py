"""'Czy można to sfinansować?' (`web.routes.funding`) and the offer page's link to it."""

from __future__ import annotations

MESSAGES = {
    "pl": {
        "fund.title": "Czy można to sfinansować?",
        "fund.intro": (
            "Odpowiedz na trzy pytania, a pokażemy, jakie wsparcie w opłaceniu kursu może Ci "
            "przysługiwać i kogo o nie zapytać. Nie zapisujemy Twoich odpowiedzi."
        ),
        "fund.for_offer": "Dotyczy oferty:",
        "fund.form": "Twoja sytuacja",
        "fund.status": "Czym się teraz zajmujesz?",
        "fund.status.working": "Pracuję",
        "fund.status.unemployed": (
            "Jestem bezrobotny/bezrobotna i zarejestrowany/a w urzędzie pracy"
        ),
        "fund.status.other": "Inna sytuacja (np. uczę się, jestem na emeryturze)",
        "fund.employer": "Czy masz pracodawcę, który mógłby złożyć wniosek o pieniądze na kurs?",
        "fund.employer.yes": "Tak",
        "fund.employer.no": "Nie albo nie wiem",
        "fund.age": "Ile masz lat?",
        "fund.age.under_25": "mniej niż 25",
        "fund.age.25_49": "od 25 do 49",
        "fund.age.50_plus": "50 lub więcej",
        "fund.submit": "Pokaż możliwe wsparcie",
        "fund.incomplete": "Odpowiedz na pytanie o swoją sytuację i o wiek.",
        "fund.results": "Co może Ci przysługiwać",
        "fund.not_promise": (
            "To nie jest decyzja ani obietnica: o wsparciu decyduje instytucja, do której się "
            "zgłosisz, według swoich zasad i pieniędzy, jakie ma w danym roku."
        ),
        "fund.what": "Na czym to polega",
        "fund.next": "Co zrobić",
        "fund.ask": "Kogo zapytać",
        "fund.offer.named": "Źródło tej oferty podaje takie finansowanie.",
        "fund.offer.not_named": (
            "Źródło tej oferty nie podaje takiego finansowania – zapytaj organizatora."
        ),
        "fund.search": "Zobacz oferty z takim finansowaniem",
        "fund.legal": "Podstawa prawna",
        "fund.offer.free": "Według źródła ta oferta ma bezpłatną edycję albo jest bezpłatna.",
        "fund.none": (
            "Nie znaleźliśmy drogi finansowania dla tej sytuacji – zapytaj w urzędzie pracy."
        ),
        "fund.back_offer": "Wróć do oferty",
        "offer.funding.link": "Czy można to sfinansować?",
    },
    "en": {
        "fund.title": "Can this be paid for?",
        "fund.intro": (
            "Answer three questions and we will show what help with paying for a course may be "
            "open to you and whom to ask. We do not keep your answers."
        ),
        "fund.for_offer": "For the offer:",
        "fund.form": "Your situation",
        "fund.status": "What do you do now?",
        "fund.status.working": "I work",
        "fund.status.unemployed": "I am unemployed and registered at the labour office",
        "fund.status.other": "Something else (e.g. studying, retired)",
        "fund.employer": "Do you have an employer who could apply for money for the course?",
        "fund.employer.yes": "Yes",
        "fund.employer.no": "No, or I do not know",
        "fund.age": "How old are you?",
        "fund.age.under_25": "under 25",
        "fund.age.25_49": "25 to 49",
        "fund.age.50_plus": "50 or over",
        "fund.submit": "Show possible help",
        "fund.incomplete": "Answer the questions about your situation and your age.",
        "fund.results": "What may be open to you",
        "fund.not_promise": (
            "This is neither a decision nor a promise: the institution you apply to decides, by "
            "its own rules and the money it has that year."
        ),
        "fund.what": "What it is",
        "fund.next": "What to do",
        "fund.ask": "Whom to ask",
        "fund.offer.named": "This offer's source names this kind of funding.",
        "fund.offer.not_named": (
            "This offer's source does not name this kind of funding: ask the provider."
        ),
        "fund.search": "See offers with this funding",
        "fund.legal": "Legal basis",
        "fund.offer.free": "By its source, this offer is free or has a free edition.",
        "fund.none": "We found no funding route for this situation: ask at the labour office.",
        "fund.back_offer": "Back to the offer",
        "offer.funding.link": "Can this be paid for?",
    },
}
