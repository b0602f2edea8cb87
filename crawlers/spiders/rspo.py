"""RSPO, the register of schools and educational institutions (CIE): the occupations that the
region's continuing-education centres teach, one offer per (centre, occupation).

As CIE's OpenAPI v1.2.0 states it (tests/crawlers/recorded/rspo/openapi-v1.2.0.yaml, checked
by tests/crawlers/test_rspo_openapi.py): `GET https://api.rspo.gov.pl/api/placowki/` (since
15.01.2026; the old api-rspo.men.gov.pl was switched off on 2.03.2026) behind HTTP Basic
credentials granted on request; pages `page` (from 1) + `pageSize`; a bare JSON array of
`PlacowkaDTO` without a total, read to the first short page. The region comes from the
registry's start URL (`wojewodztwo_kod_teryt=08`); the centre types are the spider's own
filter, one list per type (`typ_podmiotu_id` is a single integer in the spec). The occupations
taught are `ksztalcenieZawodowe`, a list of `{id, nazwa}`. Centres that teach no occupation give
no offer (counted).
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
    """(id, occupation) pairs of `ksztalcenieZawodowe`, a list of `KsztalcenieDTO {id, nazwa}`
    (the id is RSPO's own; whether it is the occupation's classification symbol is unknown)."""
    taught = record.get("ksztalcenieZawodowe")
    items = [item for item in taught if isinstance(item, dict)] if isinstance(taught, list) else []
    pairs = [(item.get("id"), item.get("nazwa")) for item in items]
    return [
        (str(code) if code not in (None, "") else None, name.strip())
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
                extras={**extras, "idZawodu": code} if code else extras,
                **provider,
            )
