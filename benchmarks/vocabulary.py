"""The subjects the benchmark's offers and queries are made of.

Three sources, about six hundred subjects across every ISCED-F broad field:

- `data/subjects.csv`: hand-written course subjects (welding methods, accounting, driving
  categories, UDT operators, care, beauty, teacher training, postgraduate fields, ...), each with
  its detailed ISCED-F code, the kinds of offer it comes as (`c` course, `t` training, `w`
  workshop, `e` e-learning, `p` postgraduate, `s` degree studies, `v` validation), its name in
  the nominative ("Spawanie metodą TIG (141)") and the genitive that follows "Kurs"
  ("spawania metodą TIG"), what residents type to find it, and topics for descriptions;
- foreign languages at each CEFR level, for business, conversation and certificate exams;
- the vocational qualifications (KKZ) of `catalogue/data/vocational_qualifications.csv`, with
  their real codes, occupations and PRK levels.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from catalogue.settings import PROJECT_ROOT

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_DATA = PROJECT_ROOT / "catalogue" / "data"

# Qualifications whose row leaves the ISCED code empty: the field their code prefix belongs to.
QUALIFICATION_FIELDS = {
    "BUD": "0732", "EKA": "0411", "ELE": "0713", "ELM": "0714", "FRK": "1012", "HAN": "0416",
    "HGT": "1013", "INF": "0612", "MEC": "0715", "MED": "0913", "MOD": "0723", "MOT": "0716",
    "OGR": "0214", "SPC": "0721", "SPL": "1041", "TKO": "0716", "TLO": "0716",
}  # fmt: skip


@dataclass(frozen=True)
class Qualified:
    """A vocational qualification a KKZ leads to (becomes a catalogue `Qualification`)."""

    code: str
    name: str
    occupation: str
    prk_level: int


@dataclass(frozen=True)
class Subject:
    isced: str  # detailed ISCED-F code, e.g. "0715"
    kinds: str  # letters of the kinds it comes as, the most common first
    nominative: str
    genitive: str  # "" when "Kurs …" does not read well (postgraduate fields)
    queries: tuple[str, ...]  # what a resident types to find it
    topics: tuple[str, ...]
    qualification: Qualified | None = None
    language: str | None = None  # ISO code of the language taught
    tags: tuple[str, ...] = field(default=())  # "practical", "hobby", "driving", ...

    @property
    def broad(self) -> str:
        return self.isced[:2]

    @property
    def narrow(self) -> str:
        return self.isced[:3]


@cache
def subjects() -> tuple[Subject, ...]:
    """Every subject, in a fixed order (the generator's choices depend on it)."""
    return (*_csv_subjects(), *_language_subjects(), *_qualification_subjects())


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|") if part.strip())


def _tags(isced: str, nominative: str) -> tuple[str, ...]:
    tags = []
    if isced.startswith(("071", "072", "073", "1012", "1013", "1041", "0811", "0821")):
        tags.append("practical")  # hands-on: held on site
    if nominative.startswith(("Prawo jazdy", "Kwalifikacja wstępna", "Instruktor nauki jazdy")):
        tags.append("driving")
    if isced.startswith(("021", "0222", "1014", "1015")) or nominative.startswith("Smartfon"):
        tags.append("hobby")
    return tuple(tags)


def _csv_subjects() -> list[Subject]:
    with (DATA_DIR / "subjects.csv").open(encoding="utf-8", newline="") as f:
        return [
            Subject(
                isced=row["isced"],
                kinds=row["kinds"],
                nominative=row["nominative"],
                genitive=row["genitive"],
                queries=_split(row["queries"]),
                topics=_split(row["topics"]),
                tags=_tags(row["isced"], row["nominative"]),
            )
            for row in csv.DictReader(f)
        ]


# code, adjective (nominative, genitive, locative) and the certificate exams of the language
LANGUAGES = (
    ("en", "angielski", "angielskiego", "angielskim", "FCE i CAE"),
    ("de", "niemiecki", "niemieckiego", "niemieckim", "Goethe-Zertifikat"),
    ("es", "hiszpański", "hiszpańskiego", "hiszpańskim", "DELE"),
    ("fr", "francuski", "francuskiego", "francuskim", "DELF"),
    ("it", "włoski", "włoskiego", "włoskim", "CELI"),
    ("ru", "rosyjski", "rosyjskiego", "rosyjskim", "TORFL"),
    ("uk", "ukraiński", "ukraińskiego", "ukraińskim", ""),
    ("no", "norweski", "norweskiego", "norweskim", "Norskprøve"),
    ("sv", "szwedzki", "szwedzkiego", "szwedzkim", ""),
    ("nl", "niderlandzki", "niderlandzkiego", "niderlandzkim", ""),
    ("zh", "chiński", "chińskiego", "chińskim", "HSK"),
)
LEVELS = {
    "A1": ("przedstawianie się", "liczby i daty", "zakupy i zamawianie", "podstawowa gramatyka"),
    "A2": ("opis dnia codziennego", "czas przeszły", "podróże", "rozmowy telefoniczne"),
    "B1": ("rozmowy w pracy", "rozumienie ze słuchu", "pisanie e-maili", "czasy przeszłe"),
    "B2": ("dyskusje", "słownictwo specjalistyczne", "wypowiedź pisemna", "idiomy"),
    "C1": ("debaty", "język akademicki", "niuanse gramatyczne", "prezentacje"),
}


def _language_subjects() -> list[Subject]:
    found = []
    for code, adjective, genitive, locative, exam in LANGUAGES:
        typed = (adjective, f"język {adjective}", f"kurs {genitive}")
        for level, topics in LEVELS.items():
            found.append(Subject(
                "0231", "ce", f"Język {adjective} – poziom {level}",
                f"języka {genitive} na poziomie {level}",
                (*typed, f"{adjective} {level.lower()}"), topics, language=code,
            ))  # fmt: skip
        found.append(Subject(
            "0231", "ct", f"Język {adjective} w biznesie", f"języka {genitive} w biznesie",
            (f"{adjective} biznesowy", f"{adjective} w pracy"),
            ("korespondencja handlowa", "negocjacje", "prezentacje", "spotkania"), language=code,
        ))  # fmt: skip
        found.append(Subject(
            "0231", "cw", f"Konwersacje w języku {locative}",
            f"konwersacji w języku {locative}", (f"konwersacje {adjective}", adjective),
            ("swobodna rozmowa", "wymowa", "słownictwo codzienne"), language=code,
        ))  # fmt: skip
        if exam:
            found.append(Subject(
                "0231", "c", f"Przygotowanie do egzaminu {exam}",
                f"przygotowania do egzaminu {exam}", (f"egzamin {adjective}", exam.lower()),
                ("arkusze egzaminacyjne", "strategie egzaminacyjne", "egzamin próbny"),
                language=code,
            ))  # fmt: skip
    for level in ("A1", "A2", "B1", "B2"):
        found.append(Subject(
            "0231", "c", f"Język polski dla cudzoziemców – poziom {level}",
            f"języka polskiego dla cudzoziemców na poziomie {level}",
            ("polski dla cudzoziemców", "język polski dla obcokrajowców", "polish"),
            LEVELS[level], language="pl",
        ))  # fmt: skip
    return found


def _qualification_subjects() -> list[Subject]:
    found = []
    with (CATALOGUE_DATA / "vocational_qualifications.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, name = row["code"], row["name"].strip()
            if not name:
                continue  # a row the reference file could not fill: nothing to call the course
            occupations = _split(row["occupations"])
            occupation = occupations[0] if occupations else ""
            default_level = 4 if occupation.startswith("technik") or not occupation else 3
            level = int(row["prk_level"]) if row["prk_level"] else default_level
            isced = row["isced_code"] or QUALIFICATION_FIELDS.get(code[:3], "0799")
            typed = (code, f"kwalifikacja {code}", *(f"kkz {o}" for o in occupations), *occupations)
            found.append(Subject(
                isced, "k", name, "", typed, (name.lower(), *occupations),
                qualification=Qualified(code, name, occupation, level),
            ))  # fmt: skip
    return found


@dataclass(frozen=True)
class Place:
    name: str
    gmina_teryt: str
    powiat_teryt: str
    lat: float
    lon: float
    weight: float  # how many offers are held there, relatively


@cache
def places() -> tuple[Place, ...]:
    """Every place of `catalogue/data/places.csv`, and one for each gmina it has no place for."""
    with (CATALOGUE_DATA / "lubuskie_powiaty.csv").open(encoding="utf-8") as f:
        gminas = list(csv.DictReader(f))
    seats = {row["seat"] for row in gminas}
    with (CATALOGUE_DATA / "places.csv").open(encoding="utf-8") as f:
        rows = [row for row in csv.DictReader(f) if row["kind"] in ("gmina-seat", "village")]
    found = [_place(row, seats) for row in rows]
    covered = {place.gmina_teryt for place in found}
    by_name = {place.name: place for place in found}
    for gmina in gminas:
        if gmina["gmina_teryt"] not in covered:
            # A rural gmina named after the town it surrounds ("Żary" gmina wiejska).
            near = by_name.get(gmina["gmina_name"])
            lat, lon = (near.lat, near.lon) if near else (gmina["seat_lat"], gmina["seat_lon"])
            found.append(Place(gmina["gmina_name"], gmina["gmina_teryt"], gmina["powiat_teryt"],
                               float(lat), float(lon), 0.5))  # fmt: skip
    return tuple(found)


def _place(row: dict[str, str], seats: set[str]) -> Place:
    if row["powiat_teryt"] in ("0861", "0862"):
        weight = 60.0  # Gorzów Wielkopolski and Zielona Góra hold most of the offers
    elif row["name"] in seats:
        weight = 6.0
    else:
        weight = 1.0 if row["kind"] == "gmina-seat" else 0.2
    if row["kind"] == "village" and row["powiat_teryt"] == "0862":
        weight = 0.2  # the villages within Zielona Góra's city limits
    return Place(row["name"], row["gmina_teryt"], row["powiat_teryt"],
                 float(row["lat"]), float(row["lon"]), weight)  # fmt: skip
