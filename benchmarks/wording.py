"""Titles and descriptions of generated offers, in the patterns real sources use.

Titles: "Kurs spawania metodą TIG", "Szkolenie: Kadry i płace", "Excel – kurs z egzaminem",
"Studia podyplomowe: Logopedia", "Technik logistyk – SPL.01 Obsługa magazynów", sometimes with
the town or the edition year. Descriptions: an opening, the programme (the subject's topics),
who it is for, what it ends with and how it runs, a few hundred characters in all.
"""

from __future__ import annotations

import random

from benchmarks.vocabulary import Subject

# kind letter -> title patterns; {nom} the nominative, {gen} the genitive after "Kurs"
TITLES = {
    "c": ("Kurs {gen}", "{nom} – kurs z egzaminem", "{nom} od podstaw",
          "Kurs {gen} dla początkujących", "{nom} – kurs dla zaawansowanych",
          "Kurs {gen} z certyfikatem", "{nom} – kurs weekendowy", "{nom}"),
    "t": ("Szkolenie: {nom}", "{nom} – szkolenie praktyczne", "Szkolenie z zakresu {gen}",
          "{nom} – szkolenie dla pracowników", "{nom}"),
    "w": ("Warsztaty: {nom}", "{nom} – warsztaty praktyczne", "Warsztaty z zakresu {gen}"),
    "e": ("Kurs online: {nom}", "{nom} – kurs e-learningowy", "E-learning: {nom}"),
    "p": ("Studia podyplomowe: {nom}", "{nom} – studia podyplomowe", "Studia podyplomowe {nom}"),
    "s": ("{nom} – studia I stopnia", "{nom} – studia II stopnia"),
    "v": ("Walidacja kwalifikacji: {nom}", "Egzamin: {nom}", "{nom} – walidacja i certyfikacja"),
    "k": ("{occupation} – {code} {nom}", "Kwalifikacyjny kurs zawodowy {code} {nom}",
          "KKZ {code}: {nom}", "Kwalifikacyjny kurs zawodowy – {occupation} ({code})"),
}  # fmt: skip
KIND_WORDS = ("Kurs", "Szkolenie", "Studia", "Warsztaty", "Przygotowanie")
LEVEL_WORDS = ("poziom", "podstaw", "początkując", "zaawansowan")
SUFFIXES = (" – {town}", " – edycja {year}", " ({town})", " – nabór {year}",
            " – zajęcia popołudniowe")  # fmt: skip

OPENINGS = {
    "c": ("Zapraszamy na kurs „{nom}”.", "Kurs przygotowuje do samodzielnej pracy.",
          "Praktyczny kurs prowadzony przez doświadczonych instruktorów."),
    "t": ("Szkolenie „{nom}” łączy teorię z ćwiczeniami.", "Zapraszamy na szkolenie otwarte.",
          "Szkolenie prowadzą praktycy z wieloletnim doświadczeniem."),
    "w": ("Warsztaty w małych grupach, z dużą ilością ćwiczeń.", "Zapraszamy na warsztaty."),
    "e": ("Kurs online: materiały wideo, ćwiczenia i testy dostępne przez całą dobę.",),
    "p": ("Studia podyplomowe „{nom}” trwają dwa semestry.",
          "Dwusemestralne studia podyplomowe dla absolwentów studiów wyższych."),
    "s": ("Studia na kierunku „{nom}” w trybie niestacjonarnym.",),
    "v": ("Walidacja efektów uczenia się i certyfikacja kwalifikacji rynkowej.",),
    "k": ("Kwalifikacyjny kurs zawodowy dla osób dorosłych, zgodny z podstawą programową.",
          "Bezpłatny kwalifikacyjny kurs zawodowy przygotowujący do egzaminu zawodowego."),
}  # fmt: skip
AUDIENCES = (
    "Oferta skierowana jest do osób bezrobotnych i poszukujących pracy.",
    "Zapraszamy pracowników firm i osoby prowadzące działalność gospodarczą.",
    "Zajęcia dla osób dorosłych, bez wymagań wstępnych.",
    "Udział mogą wziąć osoby pełnoletnie z co najmniej podstawowym wykształceniem.",
    "Oferta dla osób powyżej 50. roku życia chcących wrócić na rynek pracy.",
    "Zajęcia przeznaczone dla kadry kierowniczej i specjalistów.",
    "Program dostosowany do potrzeb osób z niepełnosprawnościami.",
)
ENDINGS = {
    "c": ("Kurs kończy się egzaminem wewnętrznym i zaświadczeniem zgodnym z rozporządzeniem.",
          "Po zdaniu egzaminu uczestnicy otrzymują certyfikat."),
    "t": ("Uczestnicy otrzymują zaświadczenie o ukończeniu szkolenia.",
          "Szkolenie kończy się testem wiedzy i certyfikatem."),
    "w": ("Każdy uczestnik zabiera do domu wykonaną pracę.",),
    "e": ("Po ukończeniu wszystkich modułów można pobrać certyfikat.",),
    "p": ("Absolwenci otrzymują świadectwo ukończenia studiów podyplomowych.",),
    "s": ("Absolwenci uzyskują tytuł zawodowy.",),
    "v": ("Pozytywny wynik walidacji daje certyfikat wpisany do Zintegrowanego Rejestru "
          "Kwalifikacji.",),
    "k": ("Kurs kończy się egzaminem zawodowym przeprowadzanym przez Okręgową Komisję "
          "Egzaminacyjną.",),
}  # fmt: skip
LOGISTICS = (
    "Zajęcia odbywają się w soboty i niedziele.", "Zajęcia w dni robocze po południu.",
    "Grupy do 12 osób.", "Materiały szkoleniowe i catering w cenie.",
    "Zajęcia praktyczne w nowoczesnej pracowni.", "Liczba miejsc ograniczona.",
    "Możliwość płatności w ratach.",
)  # fmt: skip


def title(rng: random.Random, subject: Subject, kind: str, town: str, year: int) -> str:
    """A title for an offer of this subject and kind letter (`o`, other, reads like a course)."""
    kind = "c" if kind == "o" else kind
    if subject.nominative.startswith(KIND_WORDS) and kind not in "kps":
        text = subject.nominative  # "Szkolenie okresowe kierowców" needs no "Szkolenie:"
    else:
        patterns = [p for p in TITLES[kind] if subject.genitive or "{gen}" not in p]
        if any(word in subject.nominative for word in LEVEL_WORDS):
            # "Księgowość od podstaw" is not also "dla zaawansowanych"
            patterns = [p for p in patterns if not any(word in p for word in LEVEL_WORDS)]
        qualification = subject.qualification
        if qualification and not qualification.occupation:
            patterns = [p for p in patterns if "{occupation}" not in p]
        occupation = qualification.occupation.capitalize() if qualification else ""
        text = rng.choice(patterns).format(
            nom=subject.nominative,
            gen=subject.genitive,
            code=qualification.code if qualification else "",
            occupation=occupation,
        )
    if rng.random() < 0.15:
        text += rng.choice(SUFFIXES).format(town=town, year=year)
    return text


def description(rng: random.Random, subject: Subject, kind: str, town: str) -> str:
    """A few sentences: opening, programme, audience, ending, logistics and place."""
    kind = "c" if kind == "o" else kind
    topics = list(subject.topics)
    rng.shuffle(topics)
    programme = topics[:4] or [subject.nominative.lower()]
    listed = ", ".join(programme[:-1]) + (" oraz " if len(programme) > 1 else "") + programme[-1]
    parts = [
        rng.choice(OPENINGS[kind]).format(nom=subject.nominative),
        f"Program obejmuje: {listed}.",
        rng.choice(AUDIENCES),
        rng.choice(ENDINGS[kind]),
        *rng.sample(LOGISTICS, 2),
    ]
    if subject.qualification:
        q = subject.qualification
        parts.insert(1, f"Kwalifikacja {q.code} „{q.name}” (poziom {q.prk_level} PRK).")
    if town:
        parts.append(f"Miejsce zajęć: {town}.")
    return " ".join(parts)
