"""Read the bundled sample sources into one flat list of offers, for the coverage tests.

Each source is read with the source's own words only (titles, kind labels, programme types,
forms, prices, dates), the way a careful reader of the three sites would count them.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from samples.dataset import DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
POWIATY = ROOT / "catalogue" / "data" / "lubuskie_powiaty.csv"
TODAY = date(2026, 11, 27)

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("stycznia", "styczeń"), ("lutego", "luty"), ("marca", "marzec"),
            ("kwietnia", "kwiecień"), ("maja", "maj"), ("czerwca", "czerwiec"),
            ("lipca", "lipiec"), ("sierpnia", "sierpień"), ("września", "wrzesień"),
            ("października", "październik"), ("listopada", "listopad"),
            ("grudnia", "grudzień"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
# ISCED-F broad field of each vocational branch symbol used in the KKZ pages.
BRANCH_FIELD = {
    "OGR": "08", "FRK": "10", "HAN": "04", "EKA": "04", "INF": "06", "BPO": "10",
    "SPL": "10", "MOT": "07", "BUD": "07", "ELE": "07", "ELM": "07", "HGT": "10",
    "MED": "09", "SPO": "09",
}  # fmt: skip


@dataclass
class Offer:
    source: str
    key: str
    title: str
    kind: str
    text: str = ""
    isced: str | None = None  # ISCED-F broad field
    towns: list[str] = field(default_factory=list)
    online: bool = False
    free: bool = False
    starts: list[date] = field(default_factory=list)
    dates: list[date] = field(default_factory=list)

    @property
    def past(self) -> bool:
        return max(self.dates) < TODAY


def load(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def fold(text: str) -> str:
    text = text.lower().replace("ł", "l").replace("wlkp.", "wielkopolski")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().strip()


def town_powiats() -> dict[str, str]:
    towns: dict[str, str] = {}
    with POWIATY.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            towns.setdefault(fold(row["gmina_name"]), row["powiat_teryt"])
    return towns


def polish_date(text: str) -> date:
    text = text.removeprefix("do ").removesuffix(" r.").strip()
    if match := re.fullmatch(r"(\d{1,2})\.(\d{2})\.(\d{4})", text):
        return date(int(match[3]), int(match[2]), int(match[1]))
    if match := re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", text):
        return date(int(match[3]), MONTHS[match[2]], int(match[1]))
    if match := re.fullmatch(r"(\w+) (\d{4})", text):
        return date(int(match[2]), MONTHS[match[1]], 1)
    raise ValueError(f"not a Polish date: {text!r}")


def bur_kind(record: dict[str, Any]) -> str:
    title = record["tytul"].lower()
    if record["idPodrodzajuUslugi"] == 147:
        return "postgraduate"
    if record["idPodrodzajuUslugi"] == 148:
        return "validation"
    if "warsztat" in title:
        return "workshop"
    if "e-learning" in title:
        return "elearning"
    return "course" if "kurs" in title else "training"


def subcategory_fields() -> dict[int, str]:
    """BUR subcategory id -> the ISCED-F broad field it stands for (data/bur_subcategories.csv)."""
    with (DATA_DIR / "bur_subcategories.csv").open(encoding="utf-8", newline="") as f:
        return {int(row["id"]): row["isced_broad"] for row in csv.DictReader(f)}


def bur_offers() -> list[Offer]:
    offers = []
    for record in load("bur_uslugi.json"):
        address = record["adres"]
        in_lubuskie = address is not None and address["idWojewodztwa"] == 4
        dates = [
            date.fromisoformat(record[key][:10])
            for key in (
                "dataRozpoczeciaUslugi",
                "dataZakonczeniaUslugi",
                "dataZakonczeniaRekrutacji",
            )
        ]
        offers.append(
            Offer(
                "bur", str(record["id"]), record["tytul"], bur_kind(record),
                text=record["celEdukacyjny"],
                isced=subcategory_fields()[record["idPodkategoriiUslugi"]],
                towns=[address["nazwaMiejscowosci"]] if in_lubuskie else [],
                online=record["idFormySwiadczenia"] != 1,
                free=record["cenaBruttoZaUczestnika"] == 0,
                starts=dates[:1], dates=dates,
            )
        )  # fmt: skip
    return offers


def kkz_offers() -> list[Offer]:
    offers = []
    for path in sorted(DATA_DIR.glob("kkz_*.json")):
        site = load(path.name)
        for course in site["courses"]:
            code = course["code"]
            start = polish_date(course["start"])
            town = re.search(r"\d{2}-\d{3} ([^,(]+)", course["place"])
            offers.append(
                Offer(
                    path.stem, course["slug"],
                    f"{course['occupation']} – {code or ''} {course['qualification']}",
                    "kkz" if course["kind_label"] == "Kwalifikacyjny kurs zawodowy" else "course",
                    text=course["description"],
                    isced=BRANCH_FIELD.get(code[:3]) if code else None,
                    towns=[town[1].strip()] if town else [],
                    online="online" in course["form"],
                    free=course["price"] == "bezpłatny",
                    starts=[start],
                    dates=[start, polish_date(course["recruitment_until"])],
                )
            )  # fmt: skip
    return offers


def jsonld_kind(data: dict[str, Any]) -> str:
    if data["@type"] == "EducationalOccupationalProgram":
        return "postgraduate" if "podyplomowe" in data["programType"] else "studies"
    name = data["name"].lower()
    if "e-learning" in name:
        return "elearning"
    if "warsztat" in name or "seminarium" in name:
        return "workshop"
    return "course" if "kurs" in name else "training"


def jsonld_offer(source: str, slug: str, data: dict[str, Any]) -> Offer:
    offer = Offer(source, slug, data["name"], jsonld_kind(data), text=data["description"])
    offer.free = data["offers"]["price"] == "0.00"
    offer.isced = data["about"]["termCode"][:2] if "about" in data else None
    if data["@type"] == "Course":
        for run in data["hasCourseInstance"]:
            offer.online |= run["courseMode"] in ("online", "blended")
            if run["location"]["@type"] == "Place":
                offer.towns.append(run["location"]["address"]["addressLocality"])
            offer.starts.append(date.fromisoformat(run["startDate"]))
            offer.dates += [offer.starts[-1], date.fromisoformat(run["endDate"])]
    else:
        mode = data["educationalProgramMode"]
        offer.online = "online" in mode or "hybryd" in mode
        offer.towns.append(data["provider"]["address"]["addressLocality"])
        offer.starts.append(date.fromisoformat(data["startDate"]))
        keys = ("startDate", "endDate", "applicationDeadline")
        offer.dates += [date.fromisoformat(data[key]) for key in keys if key in data]
    return offer


def jsonld_offers() -> list[Offer]:
    offers = []
    for path in sorted(DATA_DIR.glob("jsonld_*.json")):
        for page in load(path.name)["pages"]:
            if page.get("expect") != "no_offer":
                offers.append(jsonld_offer(path.stem, page["slug"], page["jsonld"]))
    return offers


def all_offers() -> list[Offer]:
    return bur_offers() + kkz_offers() + jsonld_offers()
