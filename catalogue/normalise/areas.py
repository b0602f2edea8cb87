"""ZSU 2030 area of impact (1-8) by named rules over kind, audience, provider, funding and subject.

Each rule is one `AreaRule` declaration; `RULES` tries them in order of precedence and the
first that matches decides. The evidence names the rule and what matched, e.g.
"ZSU3: doskonalenie nauczycieli (adresaci: nauczyciel)". The areas are those of the detailed
part of the Integrated Skills Strategy 2030 (`catalogue/data/zsu2030_areas.csv`).

Precedence, and why:
1. ZSU8 validation and recognition: confirming what someone already knows is area 8 whoever
   they are (a teacher's market-qualification validation is still validation).
2. ZSU6 career guidance: guidance services and the training of counsellors, also when the
   learners are teachers ("Doradztwo zawodowe – studia podyplomowe dla nauczycieli").
3. ZSU7 employers' cooperation with education (dual learning, industry skills centres, adult
   apprenticeships, employers' tutors of apprentices): the offer exists because an employer and
   a school work together, also when its learners are instructors or a KKZ's students.
4. ZSU2 school leadership, then ZSU3 teaching staff (teachers, trainers, instructors, teacher
   training fields ISCED 0112-0114): who is taught decides before who pays, so a KFS-funded
   course for a school's teachers is 3 and "Zarządzanie oświatą" for teachers is 2.
5. ZSU1 formal vocational and second-chance education (KKZ, KUZ, adult schools): it leads to a
   state qualification in the school system, so employer funding does not move it to area 5.
6. ZSU5 workplace learning stated by funding (KFS, employer), audience (employees, firms) or a
   mandatory update (periodic OHS, driver periodic training, re-certification).
7. ZSU4 learning outside formal education: civic, cultural, hobby and senior learning (UTW,
   libraries, culture centres, "dla mieszkańców").
8. ZSU5 BUR development services: BUR is the register of services subsidised for firms and their
   staff, so what is still unassigned there is workplace learning.
9. ZSU1 degree and postgraduate studies: they build adults' vocational skills; area 7 is
   employers' cooperation with education, not higher education as such.
10. ZSU1 any other course, training, workshop or e-learning with a subject: adults' basic,
    transversal and vocational skills.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalogue.models import OfferKind
from catalogue.normalise.text import any_term


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


# Polish labels of the fields a rule reads, for the evidence.
FIELD_LABELS = {
    "title": "tytuł",
    "audience": "adresaci",
    "provider": "organizator",
    "funding": "finansowanie",
    "description": "opis",
    "source": "źródło",
    "kind_word": "rodzaj wg źródła",
}


@dataclass(frozen=True)
class AreaRule:
    """A named rule: the offer matches when its kind is one of `kinds`, its ISCED code starts
    with one of `isced_prefixes` (for a kind in `kinds_for_subject`) or a field holds a term."""

    name: str  # "ZSU3: doskonalenie nauczycieli", shown in the evidence
    area: int
    kinds: frozenset[OfferKind] = frozenset()
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (field of AreaInput, folded terms)
    isced_prefixes: tuple[str, ...] = ()
    kinds_for_subject: frozenset[OfferKind] = frozenset()

    def match(self, offer: AreaInput) -> str | None:
        """What made the rule apply, in Polish, or None."""
        if offer.kind in self.kinds:
            return f"rodzaj: {offer.kind.value}"
        for field, terms in self.terms:
            if term := any_term(terms, getattr(offer, field)):
                return f"{FIELD_LABELS[field]}: {term.strip('=')}"
        code = offer.isced_code or ""
        if offer.kind in self.kinds_for_subject and code.startswith(self.isced_prefixes):
            return f"dziedzina ISCED {code}"
        return None


VALIDATION = AreaRule(
    "ZSU8: walidacja i uznawanie kwalifikacji",
    8,
    kinds=frozenset({OfferKind.validation}),
    terms=(
        # Not "walidacja" alone: "Kurs Excel zakończony walidacją" is a course (its kind says
        # so); a title that is validation is read as such by `kinds`.
        ("title", ("potwierdzan efektow uczenia", "potwierdzanie efektow uczenia",
                   "uznawan kwalifikac", "uznawanie kwalifikac", "uznawan efektow",
                   "nostryfikac", "eksternistyczn")),
    ),
)  # fmt: skip
GUIDANCE_TERMS = (
    "doradztw zawodow", "doradca zawodow", "doradcy zawodow", "doradcow zawodow",
    "poradnictw zawodow", "bilans kompetencj", "planowan kariery", "planowanie kariery",
    "zarzadzan kariera", "zarzadzanie kariera", "orientacj zawodow", "preorientacj",
    "coaching kariery", "aktywizac zawodow", "poszukiw prac", "poszukiwani prac", "cv=",
    "rozmow kwalifikac", "rozmowy kwalifikac", "list motywac",
)  # fmt: skip
CAREER_GUIDANCE = AreaRule(
    "ZSU6: doradztwo zawodowe",
    6,
    terms=(("title", GUIDANCE_TERMS), ("audience", ("doradc zawodow", "doradcy zawodow"))),
)
LEADERSHIP_TERMS = (
    "zarzadzan oswiat", "zarzadzanie oswiata", "dyrektor szkol", "dyrektorow szkol",
    "dyrektorzy szkol", "dyrektor placowk", "dyrektorow placowek", "dyrektorzy placowek",
    "wicedyrektor", "kadra kierownicz oswiat", "kadry kierowniczej oswiat",
    "zarzadzan placowk oswiat", "zarzadzanie placowka oswiat", "zarzadzanie szkola",
    "przywodztw edukac", "przywodztwo w edukac", "nadzor pedagogiczn", "organ prowadzac",
    "zarzadzan uczelni", "zarzadzanie uczelnia",
)  # fmt: skip
SCHOOL_LEADERSHIP = AreaRule(
    "ZSU2: kadra zarządzająca oświatą",
    2,
    terms=(("title", LEADERSHIP_TERMS), ("audience", LEADERSHIP_TERMS)),
)
TEACHER_PROVIDERS = (
    "osrodek doskonalenia nauczycieli", "osrodka doskonalenia nauczycieli", "odn=", "wom=",
    "rodn=", "osrodek metodyczn", "centrum doskonalenia nauczycieli", "cdn=",
    "centrum edukacji nauczycieli", "cen=",
)  # fmt: skip
TEACHER_AUDIENCE = (
    "nauczyciel", "kadra pedagogiczn", "kadry pedagogiczn", "pracownicy pedagogiczn",
    "pedagog", "pedagodz", "wychowawc",
    "rad pedagogiczn", "rady pedagogiczn", "kadra dydaktyczn", "instruktor praktycznej nauki",
    "instruktorzy praktycznej nauki", "instruktorow praktycznej nauki", "nauczycieli akademick",
    "trenerzy=", "trenerow=",
)  # fmt: skip
TEACHER_TITLE = (
    "dla nauczycieli", "nauczycieli", "nauczyciel", "rad pedagogiczn", "rady pedagogiczn",
    "przygotowan pedagogiczn", "przygotowanie pedagogiczn", "kwalifikacj pedagogiczn",
    "oligofrenopedagog", "surdopedagog", "tyflopedagog", "instruktor praktycznej nauki",
    "instruktorow praktycznej nauki", "kurs pedagogiczn", "dydaktyk akademick", "dla trenerow",
)  # fmt: skip
TEACHER_TRAINING = AreaRule(
    "ZSU3: doskonalenie nauczycieli",
    3,
    terms=(
        ("provider", TEACHER_PROVIDERS),
        ("audience", TEACHER_AUDIENCE),
        ("title", TEACHER_TITLE),
    ),
    # Teacher training fields (ISCED 0112-0114, not 0111 education science) prepare and
    # develop teaching staff: "Pedagogika przedszkolna i wczesnoszkolna" is 3, "Pedagogika" 1.
    isced_prefixes=("0112", "0113", "0114"),
    kinds_for_subject=frozenset(OfferKind),
)
COOPERATION_TERMS = (
    "ksztalcen dualn", "ksztalcenie dualn", "dualn", "branzow centrum umiejetnosci",
    "branzowe centrum umiejetnosci", "bcu=", "przygotowan zawodow doroslych",
    "przygotowanie zawodowe doroslych", "klasa patronack", "klasy patronack",
    "opiekun praktyk", "opiekunow praktyk",
)  # fmt: skip
# Not "staż u pracodawcy": vocational teachers' placements at employers are area 3.
EMPLOYER_COOPERATION = AreaRule(
    "ZSU7: współpraca pracodawców z edukacją",
    7,
    terms=(
        ("title", COOPERATION_TERMS),
        ("provider", ("branzow centrum umiejetnosci", "branzowe centrum umiejetnosci", "bcu=")),
        ("description", ("ksztalcen dualn", "ksztalcenie dualn", "branzow centrum umiejetnosci",
                         "branzowe centrum umiejetnosci")),
    ),
)  # fmt: skip
FORMAL_VOCATIONAL = AreaRule(
    "ZSU1: formalne kształcenie zawodowe i szkoły dla dorosłych",
    1,
    kinds=frozenset({OfferKind.kkz}),
    terms=(
        ("title", ("kurs umiejetnosci zawodow", "kursy umiejetnosci zawodow", "kuz=",
                   "szkol policealn", "szkola policealn", "branzowa szkola", "branzowej szkoly",
                   "branzowe szkoly", "szkola branzowa",
                   "liceum ogolnoksztalcac dla doroslych", "liceum dla doroslych",
                   "szkola podstawowa dla doroslych")),
    ),
)  # fmt: skip
WORKPLACE_FUNDING = ("kfs=", "krajow fundusz szkoleniow", "krajowego funduszu szkoleniow",
                     "pracodawc", "srodk pracodawc", "srodkow pracodawc")  # fmt: skip
WORKPLACE_AUDIENCE = (
    "pracownik", "pracownicy", "pracodawc", "kadra zarzadzajac", "kadry zarzadzajac",
    "kadra kierownicz", "menedzer", "przedsiebiorc", "wlasciciel firm", "wlascicieli firm",
    "firm=", "firmy=", "msp=",
)  # fmt: skip
WORKPLACE_TITLE = (
    "dla pracodawcow", "dla pracownikow", "pracownikow firm", "dla firm", "dla przedsiebiorc",
    "dla kadry zarzadzajac", "dla kadry kierownicz", "dla menedzer", "szkolenie okresow",
    "szkolenia okresow", "bhp okresow", "okresowe bhp", "szkolenie wstepn bhp",
    "kwalifikacja okresow", "kwalifikacji okresow", "recertyfikac", "szkolenie zamknie",
    "szkolenia zamknie", "szkolenie wewnetrzn", "szkolenie dedykowan",
)  # fmt: skip
WORKPLACE = AreaRule(
    "ZSU5: uczenie się w miejscu pracy",
    5,
    terms=(
        ("funding", WORKPLACE_FUNDING),
        ("audience", WORKPLACE_AUDIENCE),
        ("title", WORKPLACE_TITLE),
    ),
)
NON_FORMAL_PLACES = (
    "uniwersytet trzeciego wieku", "uniwersytetu trzeciego wieku", "utw=", "dom kultury",
    "domu kultury", "osrodek kultury", "osrodka kultury", "centrum kultury",
    "klub seniora", "muzeum", "kolo gospodyn", "kola gospodyn", "dom seniora",
)  # fmt: skip
NON_FORMAL_WORDS = (
    "hobby", "hobbyst", "amator", "wyklad otwart", "wyklady otwart", "dla seniorow",
    "dla senior", "seniora", "seniorzy", "seniorow", "seniorek", "60+", "dla mieszkancow",
    "mieszkancy", "mieszkancow",
    # Not "dla dzieci"/"dla młodzieży": children's basic skills are area 1 too.
    "dla rodzicow", "rodzice", "dzieci i rodzic", "opiekun rodzinn",
    "edukacj obywatelsk", "edukacja obywatelsk", "aktywnosc obywatelsk", "partycypac",
    "budzet obywatelsk", "wolontariusz", "wolontariat", "rekodziel", "decoupage", "wikliniar",
    "warsztaty ceramiczn", "kulinarn", "joga", "szach", "teatraln", "spiew", "taniec", "tanca",
    "tance", "taneczn", "gitar", "pianin", "fortepian", "ukulele", "perkusj", "skrzypc",
    "dzialkowc", "klub dyskusyjn", "klub ksiazki", "w bibliotece", "spacer",
    "kolo zainteresowan",
)  # fmt: skip
NON_FORMAL = AreaRule(
    "ZSU4: uczenie się poza edukacją formalną",
    4,
    terms=(
        # "bibliotek" only as the provider: "Biblioteka Pandas w Pythonie" is a library of code.
        ("provider", ("bibliotek", *NON_FORMAL_PLACES)),
        ("title", NON_FORMAL_PLACES + NON_FORMAL_WORDS),
        ("audience", NON_FORMAL_WORDS),
    ),
)
BUR_SERVICE = AreaRule(
    "ZSU5: usługa rozwojowa z BUR",
    5,
    terms=(("source", ("bur=",)), ("kind_word", ("usluga rozwojow",))),
)
HIGHER_EDUCATION = AreaRule(
    "ZSU1: studia wyższe i podyplomowe",
    1,
    kinds=frozenset({OfferKind.studies, OfferKind.postgraduate}),
)
ADULT_SKILLS = AreaRule(
    "ZSU1: umiejętności podstawowe, przekrojowe i zawodowe dorosłych",
    1,
    kinds=frozenset(
        {OfferKind.course, OfferKind.training, OfferKind.workshop, OfferKind.elearning}
    ),
    isced_prefixes=("0", "1"),  # any ISCED-F code: the offer teaches a known subject
    kinds_for_subject=frozenset(OfferKind),
)

RULES: tuple[AreaRule, ...] = (
    VALIDATION,
    CAREER_GUIDANCE,
    EMPLOYER_COOPERATION,
    SCHOOL_LEADERSHIP,
    TEACHER_TRAINING,
    FORMAL_VOCATIONAL,
    WORKPLACE,
    NON_FORMAL,
    BUR_SERVICE,
    HIGHER_EDUCATION,
    ADULT_SKILLS,
)


def resolve_area(offer: AreaInput) -> tuple[int, str] | None:
    """(area, "rule name (what matched)") from the first rule that applies, or None."""
    for rule in RULES:
        why = rule.match(offer)
        if why is not None:
            return rule.area, f"{rule.name} ({why})"
    return None
