"""Qualification pages (`web.routes.qualifications`) and the offer page's link to them."""

from __future__ import annotations

MESSAGES = {
    "pl": {
        "quals.nav": "Kwalifikacje",
        "quals.title": "Kwalifikacje",
        "quals.intro": (
            "Kwalifikacje, które zna katalog: kwalifikacje w zawodach (np. MEC.08) i inne, do "
            "których przygotowują oferty. Przy każdej znajdziesz kursy w regionie i miejsce, gdzie "
            "można ją potwierdzić."
        ),
        "quals.filter": "Znajdź kwalifikację",
        "quals.filter.text": "Kod lub nazwa kwalifikacji",
        "quals.filter.text.hint": "Np. MEC.08 albo rachunkowość",
        "quals.filter.occupation": "Zawód, który chcesz zdobyć",
        "quals.filter.occupation.hint": "Np. mechanik, kucharz, technik logistyk",
        "quals.filter.submit": "Pokaż kwalifikacje",
        "quals.filter.clear": "Pokaż wszystkie",
        "quals.count": "Pokazano {shown} z {total} kwalifikacji.",
        "quals.none": "Żadna kwalifikacja nie pasuje. Spróbuj innego słowa.",
        "quals.kind.vocational": "Kwalifikacje w zawodach",
        "quals.kind.other": "Inne kwalifikacje",
        "quals.kind.vocational.one": "kwalifikacja w zawodzie",
        "quals.kind.market": "Kwalifikacje wolnorynkowe",
        "quals.kind.sector": "Kwalifikacje sektorowe",
        "quals.kind.craft": "Kwalifikacje rzemieślnicze",
        "quals.kind.regulated": "Kwalifikacje uregulowane",
        "quals.kind.market.one": (
            "kwalifikacja wolnorynkowa (rynkowa) w Zintegrowanym Systemie Kwalifikacji"
        ),
        "quals.kind.sector.one": "kwalifikacja sektorowa w Zintegrowanym Systemie Kwalifikacji",
        "quals.kind.craft.one": "kwalifikacja rzemieślnicza (egzamin w izbie rzemieślniczej)",
        "quals.kind.regulated.one": "kwalifikacja uregulowana przepisami prawa",
        "quals.kind.from_zrk": "Rodzaj według wpisu w Zintegrowanym Rejestrze Kwalifikacji.",
        "quals.kind.other.one": "inna kwalifikacja (rynkowa, uregulowana lub inna)",
        "quals.kind.other.note": (
            "Rodzaju tej kwalifikacji (rynkowa, uregulowana) katalog nie ustalił – sprawdź ją w "
            "Zintegrowanym Rejestrze Kwalifikacji."
        ),
        "quals.offers": "ofert: {n}",
        "quals.no_name": "nazwa nieustalona",
        "quals.back": "Wszystkie kwalifikacje",
        "quals.facts": "Najważniejsze informacje",
        "quals.code": "Kod",
        "quals.kind": "Rodzaj",
        "quals.prk": "Poziom Polskiej Ramy Kwalifikacji",
        "quals.prk.value": "{level} z 8",
        "quals.prk.unknown": "nieustalony – sprawdź w Zintegrowanym Rejestrze Kwalifikacji",
        "quals.prk.heading": "Co oznacza poziom {level}?",
        "quals.prk.explain": (
            "Polska Rama Kwalifikacji ma 8 poziomów: od 1 (najprostsze umiejętności) do 8 "
            "(doktorat). Na poziomie {level} są na przykład:"
        ),
        "quals.prk.school": (
            "Poziom tej kwalifikacji ustaliliśmy z typu szkoły, która jej uczy ({school})."
        ),
        "quals.prk.inferred": "Poziomu nie odczytaliśmy z rejestru; wiążący poziom podaje:",
        "quals.zrk": "Zintegrowany Rejestr Kwalifikacji",
        "quals.occupations": "Zawody",
        "quals.occupations.intro": "Ta kwalifikacja należy do zawodów:",
        "quals.occupations.codes": "Kwalifikacje tego zawodu:",
        "quals.occupations.none": "Katalog nie zna zawodu, do którego należy ta kwalifikacja.",
        "quals.courses": "Kursy w regionie, które do niej przygotowują",
        "quals.courses.none": "W katalogu nie ma teraz opublikowanych kursów z tym kodem.",
        "quals.search": "Szukaj ofert z kodem {code}",
        "quals.search.occupation": "Szukaj kursów ze słowem „{occupation}”",
        "quals.validation": "Gdzie można ją potwierdzić",
        "quals.validation.exam": (
            "Kwalifikację w zawodzie potwierdza egzamin zawodowy. Dla województwa lubuskiego "
            "przeprowadza go:"
        ),
        "quals.validation.source": "źródło informacji",
        "quals.validation.offers": "Walidacja i egzaminy w katalogu",
        "quals.validation.other": (
            "Instytucje certyfikujące tę kwalifikację podaje Zintegrowany Rejestr Kwalifikacji."
        ),
        "quals.validation.none": "W katalogu nie ma teraz ofert walidacji z tym kodem.",
        "quals.provider": "organizator",
        "offer.prepares_for": "Przygotowuje do kwalifikacji",
    },
    "en": {
        "quals.nav": "Qualifications",
        "quals.title": "Qualifications",
        "quals.intro": (
            "Qualifications the catalogue knows: qualifications in a profession (e.g. MEC.08) and "
            "others that offers prepare for. Each shows the courses in the region and where it can "
            "be validated."
        ),
        "quals.filter": "Find a qualification",
        "quals.filter.text": "Code or name of the qualification",
        "quals.filter.text.hint": "E.g. MEC.08 or accounting (names are in Polish)",
        "quals.filter.occupation": "The occupation you want",
        "quals.filter.occupation.hint": "E.g. mechanik, kucharz (occupation names are in Polish)",
        "quals.filter.submit": "Show qualifications",
        "quals.filter.clear": "Show all",
        "quals.count": "Showing {shown} of {total} qualifications.",
        "quals.none": "No qualification matches. Try another word.",
        "quals.kind.vocational": "Qualifications in a profession",
        "quals.kind.other": "Other qualifications",
        "quals.kind.vocational.one": "qualification in a profession",
        "quals.kind.market": "Free-market qualifications",
        "quals.kind.sector": "Sector qualifications",
        "quals.kind.craft": "Craft qualifications",
        "quals.kind.regulated": "Regulated qualifications",
        "quals.kind.market.one": (
            "free-market (market) qualification of the Integrated Qualifications System"
        ),
        "quals.kind.sector.one": "sector qualification of the Integrated Qualifications System",
        "quals.kind.craft.one": "craft qualification (examined by a chamber of crafts)",
        "quals.kind.regulated.one": "qualification regulated by law",
        "quals.kind.from_zrk": "The kind as the Integrated Qualifications Register records it.",
        "quals.kind.other.one": "other qualification (market, regulated or other)",
        "quals.kind.other.note": (
            "The catalogue does not know the kind of this qualification (market, regulated): "
            "check it in the Integrated Qualifications Register."
        ),
        "quals.offers": "offers: {n}",
        "quals.no_name": "name not known",
        "quals.back": "All qualifications",
        "quals.facts": "Key facts",
        "quals.code": "Code",
        "quals.kind": "Kind",
        "quals.prk": "Polish Qualifications Framework level",
        "quals.prk.value": "{level} of 8",
        "quals.prk.unknown": "not known – check the Integrated Qualifications Register",
        "quals.prk.heading": "What does level {level} mean?",
        "quals.prk.explain": (
            "The Polish Qualifications Framework has 8 levels, from 1 (the simplest skills) to 8 "
            "(a doctorate). Level {level} includes, for example:"
        ),
        "quals.prk.school": (
            "We read the level of this qualification from the type of school teaching it "
            "({school})."
        ),
        "quals.prk.inferred": "The level was not read from the register; the binding one is in the",
        "quals.zrk": "Integrated Qualifications Register (ZRK)",
        "quals.occupations": "Occupations",
        "quals.occupations.intro": "This qualification belongs to the occupations:",
        "quals.occupations.codes": "Qualifications of this occupation:",
        "quals.occupations.none": (
            "The catalogue does not know the occupation of this qualification."
        ),
        "quals.courses": "Courses in the region preparing for it",
        "quals.courses.none": "The catalogue has no published course with this code now.",
        "quals.search": "Search offers with the code {code}",
        "quals.search.occupation": "Search courses with the word “{occupation}”",
        "quals.validation": "Where it can be validated",
        "quals.validation.exam": (
            "A qualification in a profession is confirmed by the vocational examination. For the "
            "Lubuskie region it is held by:"
        ),
        "quals.validation.source": "source of this information",
        "quals.validation.offers": "Validation and examinations in the catalogue",
        "quals.validation.other": (
            "The institutions certifying this qualification are listed by the Integrated "
            "Qualifications Register."
        ),
        "quals.validation.none": "The catalogue has no validation offer with this code now.",
        "quals.provider": "provider",
        "offer.prepares_for": "Prepares for the qualification",
    },
}
