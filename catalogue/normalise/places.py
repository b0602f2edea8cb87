"""A town, a postcode and an address -> a Lubuskie place (gmina and powiat TERYT, coordinates).

Accepts any case, no diacritics, abbreviations ("Gorzów Wlkp.", "G. Wlkp.", "ZG"), inflected
names ("w Zielonej Górze", "w Żarach", "z Gorzowa Wielkopolskiego"), a postcode before the
town ("65-001 Zielona Góra") and whole addresses ("ul. Podgórna 50, 65-246 Zielona Góra").
Lubuskie postcodes start with 65-69 (but 67-2xx is Głogów, Lower Silesia): a postcode from
elsewhere means the place is outside the region even when a Lubuskie town has the same name
(Świdnica, Dąbie, Kłodawa). A misspelt town is placed by its postcode (`postcodes.csv`).
Online words ("online", "zdalnie", "platforma Zoom") mark an online place, or a blended one
next to a town ("Zielona Góra / online"). Big towns outside the region are named as such.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from catalogue.models import DeliveryForm
from catalogue.normalise.taxonomy import DATA_DIR, Place, places_by_name
from catalogue.normalise.text import as_text, fold, fold_words

LUBUSKIE_POSTCODE_PREFIXES = ("65", "66", "67", "68", "69")
_POSTCODE = re.compile(r"(?<!\d)(\d{2})\s?-\s?(\d{3})(?!\d)")
_PARTS = re.compile(r"[,;\n()+&]|\s/\s?|/\s|\s[-–]\s")  # "Zielona Góra / online", not "n/Odrą"
_STREET_WORDS = {"ul", "al", "pl", "os", "ulica", "aleja", "plac", "osiedle", "nr"}
_TRAILING_FILLER = {"woj", "wojewodztwo", "lubuskie", "polska", "poland", "pl"}
_NEAR = {"k", "kolo", "obok"}
_CONNECTORS = _NEAR | {"gm", "gmina", "pow", "powiat", "woj", "ul", "al", "nr"}
_LONGEST_NAME = 4  # words in the longest place name or alias ("Kostrzyn n Odra ...")

# Word prefixes after folding and gluing hyphens ("e-learning" -> "elearning").
ONLINE_TERMS = (
    "online", "zdaln", "elearning", "zoom", "teams", "webinar", "internet", "wirtualn",
    "clickmeeting", "moodle", "platform", "meet",
)  # fmt: skip
# Polish case endings a place name word takes after its stem ("Żar|ach", "Gorzow|ie",
# "Zielon|ej Gór|ze"). No "ow": it would make "Janów" an inflection of "Jany".
_ENDINGS = frozenset(
    ("", "a", "e", "i", "y", "u", "ie", "iu", "ach", "ami", "om", "ej", "ich", "im", "ym",
     "ego", "iego", "emu", "em", "owi", "mi")
)  # fmt: skip
# Stem-final consonant changes before the locative "-e" ("Gór|a" -> "Górz|e", "Cybink|a" ->
# "Cybinc|e", "Babimost" -> "Babimości|e") and the mobile "e" ("Bogdaniec" -> "Bogdańc|u").
_ALTERNATIONS = (
    ("st", "sci"), ("k", "c"), ("g", "dz"), ("r", "rz"), ("d", "dz"), ("t", "ci"),
    ("ch", "sz"), ("iec", "c"), ("ec", "c"), ("ek", "k"),
)  # fmt: skip
_MIN_STEM = 4  # a shorter stem ("Żar-y", "Jan-y") inflects only through aliases
# Towns outside the voivodeship that offers name (voivodeship capitals, neighbouring towns,
# German towns across the Odra and Nysa): recognised, so they are not "unknown".
OUTSIDE_PLACES = (
    "Warszawa", "Kraków", "Łódź", "Wrocław", "Poznań", "Gdańsk", "Szczecin", "Bydgoszcz",
    "Toruń", "Lublin", "Białystok", "Katowice", "Kielce", "Olsztyn", "Opole", "Rzeszów",
    "Legnica", "Głogów", "Lubin", "Bolesławiec", "Leszno", "Piła", "Wolsztyn", "Nowy Tomyśl",
    "Zbąszyń", "Międzychód", "Myślibórz", "Gryfino", "Chojna", "Berlin",
    "Frankfurt nad Odrą", "Frankfurt (Oder)", "Frankfurt Oder", "Cottbus", "Chociebuż",
    "Guben", "Forst", "Eisenhüttenstadt", "Drezno", "Dresden", "Poczdam", "Potsdam", "Lipsk",
    "Niemcy", "Deutschland", "Germany",
)  # fmt: skip


@dataclass(frozen=True)
class PlaceMatch:
    place: Place | None
    town: str | None  # the source's town, or the place's name when only an address named it
    postcode: str | None
    evidence: str
    form: DeliveryForm | None = None  # online or blended when the place text says so
    outside: bool = False  # the place is known to lie outside Lubuskie


def find_postcode(*texts: Any) -> str | None:
    """The first postcode ("65-246") in the texts."""
    for text in texts:
        match = _POSTCODE.search(as_text(text) or "")
        if match:
            return f"{match.group(1)}-{match.group(2)}"
    return None


def online_words(*texts: Any) -> list[str]:
    """The online words in the texts ("platforma Zoom" -> ["platforma", "zoom"])."""
    found = []
    for text in texts:
        for word in fold_words(fold(text).replace("-", "")):
            if word.startswith(ONLINE_TERMS):
                found.append(word)
    return found


def resolve_place(town: Any = None, address: Any = None, postcode: Any = None) -> PlaceMatch:
    """The Lubuskie place a town/address/postcode names; `place` is None when none is known."""
    town_text, address_text = as_text(town), as_text(address)
    code = find_postcode(postcode, address_text, town_text)
    if code and not _is_lubuskie_postcode(code):
        how = f"kod pocztowy {code} spoza lubuskiego"
        return PlaceMatch(None, town_text, code, how, outside=True)
    online = online_words(town_text, address_text)
    for label, text in (("miejscowość", town_text), ("adres", address_text)):
        place = _match_text(text)
        if place is not None:
            how, form = _describe(place, label, text), None
            if online:
                how, form = how + f"; także online („{' '.join(online)}”)", DeliveryForm.blended
            return PlaceMatch(place, town_text or place.name, code, how, form)
    if online:
        how = f"miejsce online („{town_text or address_text}”): bez miejscowości"
        return PlaceMatch(None, town_text, code, how, DeliveryForm.online)
    return _not_in_table(town_text, address_text, code)


def _not_in_table(town: str | None, address: str | None, code: str | None) -> PlaceMatch:
    outside = _match_outside(town) or _match_outside(address)
    if outside:
        how = f"„{town or address}” – {outside}, poza województwem lubuskim"
        return PlaceMatch(None, town, code, how, outside=True)
    by_code = postcode_place(code) if code else None
    if by_code is not None:
        how = f"kod pocztowy {code} -> {by_code.name} (gmina {by_code.gmina_teryt})"
        how += f"; nierozpoznana miejscowość: {town}" if town else ""
        return PlaceMatch(by_code, town or by_code.name, code, how)
    return PlaceMatch(None, town, code, f"nieznana miejscowość: {town or address}")


def _describe(place: Place, label: str, text: str | None) -> str:
    how = f"{label} „{text}” -> {place.name} (gmina {place.gmina_teryt})"
    if place.source.startswith(("gmina-seat", "powiat-seat")):
        seat = place.source.split(":", 1)[1]
        how += f"; współrzędne siedziby {seat}, brak własnych współrzędnych miejscowości"
    return how


def _match_text(text: str | None) -> Place | None:
    if not text:
        return None
    found = _lookup(fold_words(text))
    if found is not None:
        return found
    # Inside an address the town follows the postcode, usually after the last comma.
    for part in reversed(_PARTS.split(_POSTCODE.sub(",", text))):
        words = [w for w in fold_words(part) if w not in _STREET_WORDS]
        while words and words[-1] in _TRAILING_FILLER:
            words.pop()
        found = _run_at_end(words) or _run_at_start(words)
        if found is not None:
            return found
    return None


def _run_at_end(words: list[str]) -> Place | None:
    """A known name ending the part: "… 65-246 Zielona Góra" (never just its first word,
    so "Sucha Beskidzka" is not the village Sucha), unless it follows "k." (near)."""
    for size in range(min(_LONGEST_NAME, len(words)), 0, -1):
        start = len(words) - size
        if start and words[start - 1] in _NEAR:
            continue  # "Drzonków k. Zielonej Góry" is in Drzonków
        found = _lookup(words[start:])
        if found is not None:
            return found
    return None


def _run_at_start(words: list[str]) -> Place | None:
    """A known name opening the part when a connector follows: "Drzonków k. Zielonej Góry"."""
    for size in range(min(_LONGEST_NAME, len(words) - 1), 0, -1):
        follower = words[size]
        found = _lookup(words[:size])
        if found is not None and (follower in _CONNECTORS or follower.isdigit()):
            return found
    return None


def _lookup(words: list[str]) -> Place | None:
    """The place named by exactly these folded words, in any case ending."""
    if not words or any(w.isdigit() for w in words):
        return None
    key = " ".join(words)
    exact = places_by_name().get(key)
    if exact is not None:
        return exact
    for stems, place in _inflected_index().get((len(words), words[0][:2]), ()):
        if all(_inflects(word, options) for word, options in zip(words, stems, strict=True)):
            return place
    return None


def _inflects(word: str, stems: tuple[str, ...]) -> bool:
    return any(word.startswith(s) and word[len(s) :] in _ENDINGS for s in stems)


@cache
def _inflected_index() -> dict[tuple[int, str], list[tuple[tuple[tuple[str, ...], ...], Place]]]:
    """(word count, first two letters) -> (stems of each word, place), names before aliases."""
    index: dict[tuple[int, str], list[tuple[tuple[tuple[str, ...], ...], Place]]] = {}
    for key, place in places_by_name().items():
        words = key.split()
        stems = tuple(_stems(w, single=len(words) == 1) for w in words)
        if all(stems):
            index.setdefault((len(words), words[0][:2]), []).append((stems, place))
    return index


def _stems(word: str, single: bool) -> tuple[str, ...]:
    """The stems a name word inflects from: "gora" -> ("gor", "gorz"); () when too short."""
    stem = word.rstrip("aeiouy")
    if len(stem) < (_MIN_STEM if single else 3) or len(word) < 3:
        return (word,) if not single else ()
    stems = [stem]
    for old, new in _ALTERNATIONS:
        if stem.endswith(old):
            stems.append(stem[: -len(old)] + new)
    return tuple(stems)


def _match_outside(text: str | None) -> str | None:
    if not text:
        return None
    words = fold_words(text)
    for name in OUTSIDE_PLACES:
        name_words = fold_words(name)
        stems = [_stems(w, single=False) or (w,) for w in name_words]
        for start in range(len(words) - len(name_words) + 1):
            window = words[start : start + len(name_words)]
            if all(_inflects(w, s) for w, s in zip(window, stems, strict=True)):
                return name
    return None


def _is_lubuskie_postcode(code: str) -> bool:
    region = _postcode_row(code)
    if region is not None:
        return region[1] == "lubuskie"
    return code.startswith(LUBUSKIE_POSTCODE_PREFIXES)


def postcode_place(code: str) -> Place | None:
    """The Lubuskie town whose postcode (or postcode range) `postcodes.csv` gives."""
    row = _postcode_row(code)
    if row is None or not row[0]:
        return None
    return places_by_name().get(" ".join(fold_words(row[0])))


def _postcode_row(code: str) -> tuple[str, str] | None:
    """(town, region) of the longest matching prefix in `postcodes.csv`."""
    table = _postcodes()
    for size in range(len(code), 1, -1):
        if code[:size] in table:
            return table[code[:size]]
    return None


@cache
def _postcodes() -> dict[str, tuple[str, str]]:
    with (DATA_DIR / "postcodes.csv").open(encoding="utf-8", newline="") as handle:
        return {row["postcode"]: (row["town"], row["region"]) for row in csv.DictReader(handle)}
