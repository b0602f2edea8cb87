"""RIS, the register of training institutions (WUP / MRPiPS): the trainings of the region's
institutions, one offer per training.

API_RIS `https://storapi.praca.gov.pl/api_ris/v1` [V]: `/instytucje-szkoleniowe` with the
region filter `filter[miejsceDzialalnosci.kodWojewodztwa]` [V] (value from the STOR dictionary,
probably the TERYT "08" [I]); for each institution its trainings from `trainings_url` filtered
by the register number [I]. The manual's paging ("paczkowanie") parameters and envelope were
not seen: `page[number]` / `page[size]` and a JSON:API-like `{data, links, meta}` are inferred
[I] and declared below. RIS trainings carry no dates, so the offers have no editions; the
provider's town and address say where.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from w3lib.url import add_or_replace_parameter

from crawlers.items import RawOffer, Rejected
from crawlers.spiders.base.common import FieldSpec, pick
from crawlers.spiders.base.register_api import RegisterApiSpider


def address(record: dict[str, Any]) -> str | None:
    place = pick(record, "attributes.miejsceDzialalnosci") or {}
    number = "/".join(str(n) for n in (place.get("nrDomu"), place.get("nrLokalu")) if n)
    parts = (place.get("ulica"), number, place.get("kodPocztowy"), place.get("nazwaMiejscowosci"))
    return " ".join(str(p) for p in parts if p) or None


class RisSpider(RegisterApiSpider):
    name = "ris"
    paging = "page"
    page_param = "page[number]"
    size_param = "page[size]"
    list_key = "data"
    next_key = "links.next"
    # Main seats only: a branch shares its institution's register number, so listing branches
    # too would repeat the institution's trainings once per branch.
    fixed_params = {"filter[rodzajWyszukiwanegoObiektu]": "Instytucja"}  # noqa: RUF012
    trainings_url = ""  # the registry's: ".../api_ris/v1/szkolenia"
    url_template = "https://stor.praca.gov.pl/portal/#/ris/wyszukiwarka/szczegolyRis?id={id}"
    number_field = "attributes.numerWRejestrze"
    institution_fields: dict[str, FieldSpec] = {  # noqa: RUF012
        "provider_name": "attributes.nazwaInstytucji",
        "provider_id": "attributes.numerWRejestrze",
        "provider_url": "attributes.stronaWww",
        "provider_town": "attributes.miejsceDzialalnosci.nazwaMiejscowosci",
    }
    training_fields: dict[str, FieldSpec] = {  # noqa: RUF012
        "title": "attributes.nazwaSzkolenia",
        "category": "attributes.nazwaObszaruSzkolenia",
    }
    training_extras: dict[str, FieldSpec] = {  # noqa: RUF012
        "kodObszaruSzkolenia": "attributes.kodObszaruSzkolenia",
    }
    extras_fields: dict[str, FieldSpec] = {  # noqa: RUF012
        "numerWRejestrze": "attributes.numerWRejestrze",
        "nip": "attributes.nip",
        "regon": "attributes.regon",
        "adres": address,
        "kodPocztowy": "attributes.miejsceDzialalnosci.kodPocztowy",
        "kodPowiatu": "attributes.miejsceDzialalnosci.kodPowiatu",
        "kodGminy": "attributes.miejsceDzialalnosci.kodGminy",
        "dataWpisu": "attributes.dataWpisu",
    }

    def sublist_url(self, record: dict[str, Any]) -> str | None:
        number = pick(record, self.number_field)
        if not number:
            raise ValueError("instytucja bez numeru w rejestrze")
        return add_or_replace_parameter(self.trainings_url, "filter[numerWRejestrze]", number)

    def parse_record(self, record: dict[str, Any], trainings: Any) -> Iterator[RawOffer | Rejected]:
        if not trainings:
            self.count("instytucja bez szkoleń")
            return
        provider = {name: pick(record, spec) for name, spec in self.institution_fields.items()}
        extras = {name: pick(record, spec) for name, spec in self.extras_fields.items()}
        extras = {k: v for k, v in extras.items() if v not in (None, "")}
        for training in trainings:
            if not isinstance(training, dict) or training.get("id") in (None, ""):
                yield self.reject("szkolenie bez identyfikatora", training, record["id"])
                continue
            yield RawOffer(
                source=self.source_name,
                external_id=f"{record['id']}-{training['id']}",
                url=self.url_template.format(id=record["id"]),
                kind="szkolenie",
                **{name: pick(training, spec) for name, spec in self.training_fields.items()},
                **provider,
                extras={
                    **extras,
                    "kodObszaruSzkolenia": pick(training, "attributes.kodObszaruSzkolenia"),
                },
            )
