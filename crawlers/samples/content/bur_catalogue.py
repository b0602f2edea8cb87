"""BUR dictionaries (categories, subcategories, kinds, forms) and the shape of a subject block.

Category, kind and form ids are BUR's own (research/sources.md §1). Of the subcategories only
467, 577, 578 and 582 are known BUR ids; the others are invented for the sample and listed in
`crawlers/samples/data/README.md` with the ISCED-F broad field each one stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES = {
    412: "Prawo i administracja",
    444: "Języki",
    454: "Techniczne",
    469: "Finanse i bankowość",
    479: "Informatyka i telekomunikacja",
    489: "Ekologia i rolnictwo",
    505: "Inne",
    506: "Prawo jazdy",
    546: "Zdrowie i medycyna",
    555: "Styl życia",
    559: "Biznes",
    568: "Transport i motoryzacja",
}

# subcategory id: (name, category id, ISCED-F broad field it stands for)
SUBCATEGORIES: dict[int, tuple[str, int, str]] = {
    413: ("Prawo pracy", 412, "04"),
    414: ("Administracja publiczna", 412, "04"),
    415: ("Ochrona danych osobowych", 412, "04"),
    416: ("Archiwistyka i zarządzanie dokumentacją", 412, "03"),
    445: ("Język angielski", 444, "02"),
    446: ("Język niemiecki", 444, "02"),
    458: ("Elektryka i energetyka", 454, "07"),
    460: ("Budownictwo", 454, "07"),
    463: ("Urządzenia transportu bliskiego", 454, "10"),
    467: ("Metalurgia i spawalnictwo", 454, "07"),
    470: ("Rachunkowość i księgowość", 469, "04"),
    471: ("Kadry i płace", 469, "04"),
    480: ("Programowanie", 479, "06"),
    481: ("Aplikacje biurowe", 479, "06"),
    482: ("Analiza i wizualizacja danych", 479, "06"),
    483: ("Sieci i cyberbezpieczeństwo", 479, "06"),
    484: ("Statystyka", 479, "05"),
    490: ("Rolnictwo i ogrodnictwo", 489, "08"),
    491: ("Ochrona środowiska", 489, "05"),
    492: ("Leśnictwo", 489, "08"),
    510: ("Kompetencje cyfrowe", 505, "06"),
    511: ("Rozwój osobisty i planowanie kariery", 505, "00"),
    564: ("Bezpieczeństwo i higiena pracy", 505, "10"),
    577: ("Gastronomia", 505, "10"),
    578: ("Edukacja", 505, "01"),
    507: ("Prawo jazdy kat. C i C+E", 506, "10"),
    547: ("Opiekuństwo", 546, "09"),
    548: ("Pierwsza pomoc", 546, "09"),
    549: ("Fizjoterapia i masaż", 546, "09"),
    556: ("Fryzjerstwo i kosmetyka", 555, "10"),
    557: ("Florystyka", 555, "08"),
    560: ("Zarządzanie i przywództwo", 559, "04"),
    561: ("Marketing i sprzedaż", 559, "04"),
    570: ("Logistyka i magazynowanie", 568, "10"),
    571: ("Mechanika pojazdów", 568, "07"),
    582: ("Kwalifikacje na przewóz osób lub rzeczy", 568, "10"),
}

RODZAJ = (144, "Usługa szkoleniowa")
PODRODZAJE = {
    145: "Usługa szkoleniowa",
    146: "Usługa o charakterze zawodowym",
    147: "Studia podyplomowe",
    148: "Egzamin",
}
FORMS = {
    1: "stacjonarna",
    2: "zdalna w czasie rzeczywistym",
    3: "zdalna",
    4: "mieszana (stacjonarna + zdalna w czasie rzeczywistym)",
    5: "mieszana (stacjonarna + zdalna)",
    6: "mieszana (zdalna + zdalna w czasie rzeczywistym)",
}
REMOTE_FORMS = {2, 3, 6}  # no venue: BUR gives no address

KFS = "KFS"
FEL = "Fundusze Europejskie dla Lubuskiego 2021-2027"


@dataclass(frozen=True)
class Run:
    """One published edition of a subject: where, how, when, and in which state."""

    place: str | None  # a key of bur_places.PLACES / OTHER_VOIVODESHIPS, None when remote
    form: int
    start: str  # ISO date; moved to the first day that fits the subject's schedule pattern
    status: str = "OPUBLIKOWANA"
    provider: str | None = None  # overrides the subject's provider
    funding: tuple[str, ...] | None = None  # None: chosen deterministically


@dataclass(frozen=True)
class Subject:
    """A hand-written service: its texts, classification and price, and its editions."""

    key: str
    title: str
    sub: int
    kind: int  # podrodzaj: 145, 146, 147 or 148
    hours: int
    price: int  # zł brutto per participant; 0 for a free service
    provider: str
    cel: str
    efekty: tuple[str, ...]
    tematy: tuple[str, ...]
    grupa: str
    runs: tuple[Run, ...]
    warunki: str = ""
    inne: tuple[str, ...] = ()
    seats: tuple[int, int] = (5, 12)
    pattern: str = "dni"  # dni, popoludnia, weekendy, studia, elearning, egzamin
    whole_group_price: bool = False
    extra: dict[str, object] = field(default_factory=dict)
