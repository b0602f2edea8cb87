"""The source's kind word and the title -> `OfferKind`.

The source's own word decides first (BUR "Usługa szkoleniowa", podrodzaj 147 "Studia
podyplomowe", 148 "Egzamin"); the title only when the kind word says nothing. Rules are tried
in order, so "Studia podyplomowe" is never read as degree studies and a KKZ exam course is a KKZ.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from catalogue.models import OfferKind
from catalogue.normalise.qualifications import find_code
from catalogue.normalise.text import any_term, as_text, fold, fold_words, term_matches

# BUR's ids of rodzaj/podrodzaj usługi: 144 and 145 "Usługa szkoleniowa", 146 "Usługa o
# charakterze zawodowym", 147 "Studia podyplomowe", 148 "Egzamin".
BUR_KIND_IDS = {
    "144": OfferKind.training,
    "145": OfferKind.training,
    "146": OfferKind.training,
    "147": OfferKind.postgraduate,
    "148": OfferKind.validation,
}
# Whole kind words of a source that no title rule may use: RSPO's "kształcenie zawodowe"
# (teaching an occupation at a continuing-education centre) is the nearest to a KKZ, but a
# title "… w Centrum Kształcenia Zawodowego" says nothing of the kind.
EXACT_KIND_WORDS = {"ksztalcenie zawodowe": OfferKind.kkz}
RULES: tuple[tuple[OfferKind, tuple[str, ...]], ...] = (
    (OfferKind.postgraduate, ("studia podyplomow", "studiow podyplomow", "podyplomow")),
    (
        OfferKind.validation,
        (
            "walidac",
            "potwierdzen kwalifikac",
            "potwierdzania kwalifikac",
            "egzamin=",
            "egzaminy=",
            "egzamin potwierdzaj",
            "certyfikacj",
            # ZRK qualifications are gained by validation; crafts and OKE by an exam alone.
            "kwalifikacj rynkow",
            "kwalifikacj wolnorynkow",
            "kwalifikacj sektorow",
            "kwalifikacj rzemieslnicz",
            "eksternistyczn",
            "egzamin czeladnicz",
            "egzamin mistrzowsk",
            "potwierdzan efektow uczenia",
            "potwierdzanie efektow uczenia",
            "uznawan efektow uczenia",
        ),
    ),
    (
        OfferKind.kkz,
        (
            "kkz=",
            "kwalifikacyjn kurs zawodow",
            "kwalifikacyjnego kursu zawodow",
            "kwalifikacyjne kursy zawodow",
        ),
    ),
    (
        OfferKind.studies,
        (
            "studia i stopnia",
            "studia ii stopnia",
            "studia pierwszego stopnia",
            "studia drugiego stopnia",
            "jednolite magistersk",
            "studia licencjack",
            "studia inzyniersk",
            "studia magistersk",
            "studia doktoransk",
            "szkola doktorsk",
            "kierunek studiow",
        ),
    ),
    (
        OfferKind.elearning,
        ("e learning", "elearning", "kurs online asynchron", "kurs e learning", "kurs elearning"),
    ),
    (OfferKind.workshop, ("warsztat",)),
    (
        OfferKind.training,
        (
            "szkolen",
            "usluga szkoleniow",
            "usluga rozwojow",
            "usluga o charakterze zawodow",
            "training=",
        ),
    ),
    (OfferKind.course, ("kurs", "kursy=", "course=")),
)
# In titles "egzamin" often means a course that ends with one ("kurs ... z egzaminem"), so a
# title says validation only when it opens with the word or names validation outright, and
# only before any word of learning: "Kurs Excel zakończony walidacją" is a course.
_TITLE_VALIDATION = (
    "walidac", "potwierdzen kwalifikac", "egzamin potwierdzaj", "egzamin czeladnicz",
    "egzamin mistrzowsk", "egzamin eksternistyczn", "potwierdzan efektow uczenia",
    "potwierdzanie efektow uczenia", "uznawan efektow uczenia",
)  # fmt: skip
# The kinds a title names by a plain noun; the first such noun is the head of the title
# ("Kurs prawa jazdy kat. B – Ośrodek Szkolenia Kierowców" is a course).
_NOUN_KINDS = (OfferKind.workshop, OfferKind.training, OfferKind.course)
_LEARNING_WORDS = ("kurs", "szkolen", "warsztat", "studia=")


@dataclass(frozen=True)
class Kind:
    kind: OfferKind
    evidence: str


# Words that say "some learning offer" without saying which: schema.org's "Course", BUR's
# "Usługa szkoleniowa". A title that names a kind ("… – warsztaty", "kurs e-learningowy",
# "Kurs spawania") then decides: it is how the provider itself calls the offer.
GENERIC_KINDS = frozenset({OfferKind.course, OfferKind.training, OfferKind.other})


def resolve_kind(kind_word: Any, title: Any) -> Kind:
    """The offer kind, with the words that decided it; `other` when nothing does."""
    stated = _from_kind_word(as_text(kind_word))
    if stated is not None and stated.kind not in GENERIC_KINDS:
        return stated
    from_title = _from_title(as_text(title) or "")
    if stated is None or from_title.kind is not OfferKind.other:
        return from_title
    return stated


def _from_kind_word(word: str | None) -> Kind | None:
    if not word:
        return None
    if word in BUR_KIND_IDS:
        return Kind(BUR_KIND_IDS[word], f"rodzaj usługi BUR {word}")
    exact = EXACT_KIND_WORDS.get(" ".join(fold(word).split()))
    if exact is not None:
        return Kind(exact, f"rodzaj wg źródła: {word}")
    for kind, terms in RULES:
        if any_term(terms, word):
            return Kind(kind, f"rodzaj wg źródła: {word}")
    return None


def _from_title(title: str) -> Kind:
    folded = fold(title)
    for kind, terms in RULES:
        if kind in _NOUN_KINDS:
            return _first_noun_kind(title)
        if kind is OfferKind.kkz and find_code(title):
            # A qualification code in a course title is a KKZ ("ślusarz – MEC.08 …").
            return Kind(OfferKind.kkz, f"tytuł: kod kwalifikacji zawodowej {find_code(title)}")
        if kind is OfferKind.validation:
            term = _title_validation(title)
            if not term and folded.startswith("egzamin"):
                term = "egzamin"
        else:
            term = any_term(terms, title)
        if term:
            return Kind(kind, f"tytuł: {term.strip('=')}")
    return Kind(OfferKind.other, "brak słowa określającego rodzaj")


def _title_validation(title: str) -> str | None:
    words = fold_words(title)
    term = any_term(_TITLE_VALIDATION, title)
    if term is None:
        return None
    at = min(term_matches(term, words))
    learning = [p for t in _LEARNING_WORDS for p in term_matches(t, words)]
    return term if not learning or at < min(learning) else None


def _first_noun_kind(title: str) -> Kind:
    words = fold_words(title)
    found = [
        (min(hits), kind, term)
        for kind, terms in RULES
        if kind in _NOUN_KINDS
        for term in terms
        if (hits := term_matches(term, words))
    ]
    if not found:
        return Kind(OfferKind.other, "brak słowa określającego rodzaj")
    _, kind, term = min(found, key=lambda item: item[0])
    return Kind(kind, f"tytuł: {term.strip('=')}")
