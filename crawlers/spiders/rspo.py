"""RSPO, the register of schools and educational institutions (CIE): the occupations that the
region's continuing-education centres teach, one offer per (centre, occupation).

The API `https://api.rspo.gov.pl/api/placowki/` (since 15.01.2026) needs HTTP Basic
credentials granted on request [R]; it pages by `page` + `pageSize` and answers a bare JSON
array [R], read to the first short page. The region comes from the registry's start URL
(`wojewodztwo_kod_teryt=08`); the centre types are the spider's own filter, one list per type
(whether the API takes several `typ_podmiotu_id` at once is not known). `ksztalcenieZawodowe`
is read as a map code -> occupation or as a list [I]. Centres that teach no occupation give no
offer (counted). Pages are assumed to count from 1 [R, from the old API]; a 0-based API would
silently skip the first page, so check this first against the live API.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from catalogue.normalise.text import fold_words
from crawlers.items import RawOffer, Rejected
from crawlers.spiders.base.common import FieldSpec, pick
from crawlers.spiders.base.register_api import RegisterApiSpider

# RSPO's own word (the field `ksztalcenieZawodowe`); the normaliser reads it as a KKZ
# (`catalogue.normalise.kinds.EXACT_KIND_WORDS`).
KIND = "kształcenie zawodowe"
# RSPO's `typ_podmiotu_id`: 46 PKU ze szkołami, 74 PKU bez szkół, 96 CKZ, 45 CKP, 47 ośrodek
# dokształcania i doskonalenia zawodowego, 75/83 niepubliczne placówki kształcenia
# ustawicznego i praktycznego, 19 szkoła policealna.
CONTINUING_EDUCATION_TYPES = ("46", "74", "96", "45", "47", "75", "83", "19")


def occupations(record: dict[str, Any]) -> list[tuple[str | None, str]]:
    """(code, occupation) pairs of `ksztalcenieZawodowe`: a map, or a list of names/objects."""
    taught = record.get("ksztalcenieZawodowe")
    if isinstance(taught, dict):
        pairs = list(taught.items())
    elif isinstance(taught, list):
        pairs = [
            (item.get("kod") or item.get("symbol"), item.get("nazwa"))
            if isinstance(item, dict)
            else (None, item)
            for item in taught
        ]
    else:
        pairs = []
    return [
        (str(code) if code not in (None, "") else None, str(name).strip())
        for code, name in pairs
        if isinstance(name, str) and name.strip()
    ]


def street_address(record: dict[str, Any]) -> str | None:
    number = "/".join(str(n) for n in (record.get("numerBudynku"), record.get("numerLokalu")) if n)
    street = " ".join(str(p) for p in (record.get("ulica"), number) if p)
    town = " ".join(str(p) for p in (record.get("kodPocztowy"), record.get("poczta")) if p)
    return ", ".join(p for p in (street, town) if p) or None


class RspoSpider(RegisterApiSpider):
    name = "rspo"
    paging = "page"
    page_param = "page"
    size_param = "pageSize"
    list_key = ""
    next_key = ""
    fixed_params = {  # noqa: RUF012
        "zlikwidowana": "false",
        "typ_podmiotu_id": CONTINUING_EDUCATION_TYPES,
    }
    id_field = "numerRspo"
    url_template = "https://rspo.gov.pl/institutions/{id}"  # [I]: the registry may set another
    provider_fields: dict[str, FieldSpec] = {  # noqa: RUF012
        "provider_name": "nazwa",
        "provider_id": lambda r: str(r["numerRspo"]),
        "provider_url": "stronaInternetowa",
        "provider_town": "miejscowosc",
        "category": "typ.nazwa",
    }
    extras_fields: dict[str, FieldSpec] = {  # noqa: RUF012
        "numerRspo": "numerRspo",
        "typ_id": "typ.id",
        "regon": "regon",
        "statusPublicznoPrawny": "statusPublicznoPrawny.nazwa",
        "adres": street_address,
        "kodPocztowy": "kodPocztowy",
        "wojewodztwoKodTERYT": "wojewodztwoKodTERYT",
        "powiatKodTERYT": "powiatKodTERYT",
        "gminaKodTERYT": "gminaKodTERYT",
        "miejscowoscKodTERYT": "miejscowoscKodTERYT",
        "geolokalizacja": "geolokalizacja",
        "email": "email",
        "telefon": "telefon",
    }

    def skip_reason(self, record: dict[str, Any]) -> str | None:
        return None if occupations(record) else "placówka bez kształcenia zawodowego"

    def parse_record(self, record: dict[str, Any], extra: Any) -> Iterator[RawOffer | Rejected]:
        provider = {name: pick(record, spec) for name, spec in self.provider_fields.items()}
        extras = {name: pick(record, spec) for name, spec in self.extras_fields.items()}
        extras = {k: v for k, v in extras.items() if v not in (None, "", [], {})}
        for code, occupation in occupations(record):
            key = code or "-".join(fold_words(occupation))
            yield RawOffer(
                source=self.source_name,
                external_id=f"{record['numerRspo']}-{key}",
                url=self.url_template.format(id=record["numerRspo"]),
                title=f"Kształcenie w zawodzie {occupation}",
                kind=KIND,
                occupation=occupation,
                extras={**extras, "kodZawodu": code} if code else extras,
                **provider,
            )
