"""A town, a postcode and an address -> a Lubuskie place (gmina and powiat TERYT, coordinates).

Accepts any case, no diacritics, abbreviations ("Gorzów Wlkp.", "G. Wlkp.", "ZG"), a postcode
before the town ("65-001 Zielona Góra") and whole addresses ("ul. Podgórna 50, 65-246 Zielona
Góra"). Lubuskie postcodes start with 65-69: a postcode from elsewhere means the place is
outside the region even when a Lubuskie town has the same name (Świdnica, Dąbie, Kłodawa).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from catalogue.normalise.taxonomy import Place, places_by_name
from catalogue.normalise.text import as_text, fold_words

LUBUSKIE_POSTCODE_PREFIXES = ("65", "66", "67", "68", "69")
_POSTCODE = re.compile(r"(?<!\d)(\d{2})\s?-\s?(\d{3})(?!\d)")
_STREET_WORDS = {"ul", "al", "pl", "os", "ulica", "aleja", "plac", "osiedle", "nr"}
_TRAILING_FILLER = {"woj", "wojewodztwo", "lubuskie", "polska", "poland", "pl"}
_CONNECTORS = {"k", "kolo", "obok", "gm", "gmina", "pow", "powiat", "woj", "ul", "al", "nr"}
_LONGEST_NAME = 4  # words in the longest place name or alias ("Kostrzyn n Odra ...")


@dataclass(frozen=True)
class PlaceMatch:
    place: Place | None
    town: str | None  # the source's town, or the place's name when only an address named it
    postcode: str | None
    evidence: str


def find_postcode(*texts: Any) -> str | None:
    """The first postcode ("65-246") in the texts."""
    for text in texts:
        match = _POSTCODE.search(as_text(text) or "")
        if match:
            return f"{match.group(1)}-{match.group(2)}"
    return None


def resolve_place(town: Any = None, address: Any = None, postcode: Any = None) -> PlaceMatch:
    """The Lubuskie place a town/address/postcode names; `place` is None when none is known."""
    town_text, address_text = as_text(town), as_text(address)
    code = find_postcode(postcode, address_text, town_text)
    if code and not code.startswith(LUBUSKIE_POSTCODE_PREFIXES):
        return PlaceMatch(None, town_text, code, f"kod pocztowy {code} spoza lubuskiego")
    for label, text in (("miejscowość", town_text), ("adres", address_text)):
        place = _match_text(text)
        if place is not None:
            how = _describe(place, label, text)
            return PlaceMatch(place, town_text or place.name, code, how)
    return PlaceMatch(None, town_text, code, f"nieznana miejscowość: {town_text or address_text}")


def _describe(place: Place, label: str, text: str | None) -> str:
    how = f"{label} „{text}” -> {place.name} (gmina {place.gmina_teryt})"
    if place.source.startswith(("gmina-seat", "powiat-seat")):
        seat = place.source.split(":", 1)[1]
        how += f"; współrzędne siedziby {seat}, brak własnych współrzędnych miejscowości"
    return how


def _match_text(text: str | None) -> Place | None:
    if not text:
        return None
    index = places_by_name()
    whole = " ".join(fold_words(text))
    if whole in index:
        return index[whole]
    # Inside an address the town follows the postcode, usually after the last comma.
    for part in reversed(re.split(r"[,;\n]", _POSTCODE.sub(",", text))):
        words = [w for w in fold_words(part) if w not in _STREET_WORDS]
        while words and words[-1] in _TRAILING_FILLER:
            words.pop()
        found = _run_at_end(words) or _run_at_start(words)
        if found is not None:
            return found
    return None


def _run_at_end(words: list[str]) -> Place | None:
    """A known name ending the part: "… 65-246 Zielona Góra" (never just its first word,
    so "Sucha Beskidzka" is not the village Sucha)."""
    index = places_by_name()
    for size in range(min(_LONGEST_NAME, len(words)), 0, -1):
        key = " ".join(words[len(words) - size :])
        if key in index and not key.isdigit():
            return index[key]
    return None


def _run_at_start(words: list[str]) -> Place | None:
    """A known name opening the part when a connector follows: "Drzonków k. Zielonej Góry"."""
    index = places_by_name()
    for size in range(min(_LONGEST_NAME, len(words) - 1), 0, -1):
        key = " ".join(words[:size])
        follower = words[size]
        if key in index and (follower in _CONNECTORS or follower.isdigit()):
            return index[key]
    return None
