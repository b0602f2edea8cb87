"""ZSU 2030 area of impact (1-8), rules v1.

Each rule is a named function returning (area, evidence) or None; `RULES` tries them in order
and the evidence names the rule. Guidance per area: `catalogue/data/zsu2030_areas.csv`.
Degree and postgraduate studies are not area 7: that area is employers' cooperation with
education (dual learning, apprenticeships, industry skills centres), not higher education as
such; studies for teachers or school leaders fall under 3 or 2, the rest build adults'
vocational skills (area 1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from catalogue.models import OfferKind
from catalogue.normalise.text import any_term, fold


@dataclass(frozen=True)
class AreaInput:
    """What the area rules look at, already normalised by earlier steps."""

    title: str
    kind: OfferKind
    source: str = ""
    description: str | None = None
    audience: str | None = None
    provider: str | None = None
    funding: str | None = None
    kind_word: str | None = None
    isced_code: str | None = None


Rule = Callable[[AreaInput], tuple[int, str] | None]


def validation_rule(offer: AreaInput) -> tuple[int, str] | None:
    if offer.kind is OfferKind.validation:
        return 8, "walidacja/egzamin potwierdzający kwalifikacje"
    return None


def career_guidance_rule(offer: AreaInput) -> tuple[int, str] | None:
    terms = ("doradztw zawodow", "doradca zawodow", "doradcy zawodow", "doradztwa zawodow",
             "bilans kompetencj", "planowan kariery", "planowania kariery")  # fmt: skip
    term = any_term(terms, offer.title)
    return (6, f"doradztwo zawodowe ({term})") if term else None


def school_leadership_rule(offer: AreaInput) -> tuple[int, str] | None:
    terms = ("zarzadzan oswiat", "zarzadzania oswiat", "dyrektor szkol", "dyrektorow szkol",
             "dyrektorow placowek", "kadra kierownicz oswiat", "zarzadzanie placowk oswiat",
             "zarzadzanie szkol", "przywodztw edukac")  # fmt: skip
    term = any_term(terms, offer.title) or any_term(terms, offer.audience)
    return (2, f"kadra zarządzająca oświatą ({term})") if term else None


def teacher_training_rule(offer: AreaInput) -> tuple[int, str] | None:
    providers = ("osrodek doskonalenia nauczycieli", "odn=", "wom=", "osrodek metodyczn",
                 "rodn=", "centrum doskonalenia nauczycieli", "cdn=")  # fmt: skip
    audience = ("nauczyciel", "kadra pedagogiczn", "pedagog", "wychowawc", "dla rad pedagog")
    if term := any_term(providers, offer.provider):
        return 3, f"placówka doskonalenia nauczycieli ({term.strip('=')})"
    if term := any_term(audience, offer.audience):
        return 3, f"adresaci: kadra ucząca ({term})"
    if term := any_term(("dla nauczycieli", "nauczycieli", "oligofrenopedagog"), offer.title):
        return 3, f"tytuł: kadra ucząca ({term})"
    return None


def kkz_rule(offer: AreaInput) -> tuple[int, str] | None:
    if offer.kind is OfferKind.kkz:
        return 1, "KKZ: umiejętności zawodowe dorosłych"
    return None


def employer_cooperation_rule(offer: AreaInput) -> tuple[int, str] | None:
    terms = ("ksztalcen dualn", "dualn=", "branzow centrum umiejetnosci", "bcu=",
             "przygotowan zawodow doroslych", "przygotowanie zawodowe doroslych",
             "praktyk u pracodawc", "staz u pracodawc")  # fmt: skip
    text = " ".join(filter(None, (offer.title, offer.description)))
    term = any_term(terms, text)
    return (7, f"współpraca z pracodawcami ({term.strip('=')})") if term else None


def workplace_rule(offer: AreaInput) -> tuple[int, str] | None:
    funding = ("kfs=", "krajow fundusz szkoleniow", "pracodawc", "dofinansowan pracodawc")
    audience = ("pracownik", "pracownicy", "pracodawc", "kadra zarzadzajaca firm", "przedsiebiorc")
    title = ("szkolenie okresowe", "szkolenia okresowe", "bhp okresow", "recertyfikac")
    if term := any_term(funding, offer.funding):
        return 5, f"finansowanie pracodawcy ({term.strip('=')})"
    if term := any_term(audience, offer.audience):
        return 5, f"adresaci: pracownicy ({term})"
    if term := any_term(title, offer.title):
        return 5, f"obowiązkowe szkolenie w miejscu pracy ({term})"
    if "bur" in fold(offer.source).split("-") or any_term(("usluga rozwojow",), offer.kind_word):
        return 5, "usługa rozwojowa z BUR (szkolenie pracowników i przedsiębiorców)"
    return None


def non_formal_rule(offer: AreaInput) -> tuple[int, str] | None:
    places = ("uniwersytet trzeciego wieku", "utw=", "bibliotek", "dom kultury", "domu kultury",
              "osrodek kultury", "centrum kultury", "klub seniora", "muzeum")  # fmt: skip
    hobby = ("hobby", "amator", "rekreac", "wyklad otwart", "dla seniorow", "dla dzieci i rodzic")
    for value in (offer.provider, offer.title, offer.audience):
        if term := any_term(places + hobby, value):
            return 4, f"edukacja pozaformalna ({term.strip('=')})"
    return None


def higher_education_rule(offer: AreaInput) -> tuple[int, str] | None:
    if offer.kind in (OfferKind.studies, OfferKind.postgraduate):
        return 1, "studia: umiejętności zawodowe dorosłych (obszar 7 to współpraca pracodawców)"
    return None


def adult_skills_rule(offer: AreaInput) -> tuple[int, str] | None:
    kinds = (OfferKind.course, OfferKind.training, OfferKind.elearning, OfferKind.workshop)
    if offer.kind in kinds or offer.isced_code:
        return 1, "kurs zawodowy, językowy lub cyfrowy dla dorosłych"
    return None


RULES: tuple[Rule, ...] = (
    validation_rule,
    career_guidance_rule,
    school_leadership_rule,
    teacher_training_rule,
    kkz_rule,
    employer_cooperation_rule,
    workplace_rule,
    non_formal_rule,
    higher_education_rule,
    adult_skills_rule,
)


def resolve_area(offer: AreaInput) -> tuple[int, str] | None:
    """(area, "rule_name: why") from the first rule that applies, or None."""
    for rule in RULES:
        found = rule(offer)
        if found is not None:
            area, why = found
            return area, f"{rule.__name__}: {why}"
    return None
