"""ZRK, the Integrated Qualifications Register (IBE): where a qualification can be validated.

One offer per (qualification, certifying institution in the region): "this qualification can
be validated and certified here, by this institution". Read from the JSON API
`https://zrk-api.ibe.edu.pl/pl/v1/qualifications/` (DRF-style paging [R]); each qualification's
detail lists its certifying institutions. Field names and the detail's shape are inferred [I]:
they are declared below, so a verified name changes one line (see
tests/crawlers/recorded/zrk/README.md).

Left out, counted in the crawl stats rather than rejected:
- qualifications of categories not validated by certifying institutions (degrees, school
  certificates, postgraduate studies, vocational qualifications examined by the OKE);
- qualifications none of whose institutions has an address in the region. An institution
  outside the region that validates remotely (`remote_field`) still gives an offer, with the
  form "zdalna": the catalogue shows online offers to every place.
An institution without a readable voivodeship is rejected: a renamed field must not pass for
"outside the region".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from catalogue.normalise.text import fold, fold_words
from crawlers.items import RawOffer, Rejected
from crawlers.spiders.base.common import FieldSpec, pick
from crawlers.spiders.base.register_api import RegisterApiSpider

KIND = "walidacja i certyfikowanie"  # the ZSK's own terms; kinds.py reads "walidac" as validation


class ZrkSpider(RegisterApiSpider):
    name = "zrk"
    paging = "offset"
    page_param = "offset"
    size_param = "limit"
    list_key = "results"
    next_key = "next"
    fixed_params = {"status": "2"}  # noqa: RUF012  "aktualnie można uzyskać" [R]
    url_template = "https://kwalifikacje.gov.pl/k?id_kw={id}"  # the public card [V]
    region = "lubuskie"  # the registry may set another voivodeship
    # Folded prefixes of the categories whose qualifications certifying institutions validate;
    # "rynkow" is the name before the 2024 split into wolnorynkowe and sektorowe.
    categories = ("wolnorynkow", "sektorow", "rynkow", "rzemiesln")
    category_field = "category.name"
    institutions_field = "certifying_institutions"
    voivodeship_field = "address.voivodeship"
    remote_field = "remote_validation"
    qualification_fields: dict[str, FieldSpec] = {  # noqa: RUF012
        "title": "name",
        "description": "description",
        # The register's id, not its "code": stable, and the normaliser knows it as a ZRK id.
        "qualification_code": lambda q: f"ZRK-{q['id']}" if q.get("id") is not None else None,
        "qualification_name": "name",
        "level": "prk_level",
        "isced": "isced.code",
        "category": "category.name",
        "status": "status.name",
        "audience": "target_groups",
    }
    institution_fields: dict[str, FieldSpec] = {  # noqa: RUF012
        "provider_name": "name",
        "provider_id": lambda ic: str(ic["id"]) if ic.get("id") is not None else None,
        "provider_url": "website",
        "provider_town": "address.city",
    }
    extras_fields = (
        "id",
        "code",
        "category.name",  # the qualification pages read its kind from it
        "type.name",
        "document_name",
        "workload_hours",
        "included_date",
    )

    def skip_reason(self, record: dict[str, Any]) -> str | None:
        category = fold(pick(record, self.category_field))
        if not any(category.startswith(prefix) for prefix in self.categories):
            return "kategoria bez instytucji certyfikujących"
        return None

    def detail_url(self, record: dict[str, Any]) -> str | None:
        return self.endpoint(f"{record['id']}/")

    def parse_record(self, record: dict[str, Any], detail: Any) -> Iterator[RawOffer | Rejected]:
        institutions = pick(detail, self.institutions_field)
        if not isinstance(institutions, list):
            yield self.reject("brak listy instytucji certyfikujących", detail, record["id"])
            return
        offers = 0
        for ic in institutions:
            voivodeship = fold(pick(ic, self.voivodeship_field)) if isinstance(ic, dict) else ""
            if not voivodeship:
                payload = {"kwalifikacja": record, "instytucja": ic}
                yield self.reject("instytucja certyfikująca bez województwa", payload, record["id"])
            elif voivodeship == fold(self.region) or ic.get(self.remote_field) is True:
                offers += 1
                yield self.offer(record["id"], detail, ic, voivodeship != fold(self.region))
        if not offers:
            self.count("brak instytucji certyfikującej w regionie")

    def offer(self, qid: Any, detail: dict[str, Any], ic: dict[str, Any], remote: bool) -> RawOffer:
        values = {name: pick(detail, spec) for name, spec in self.qualification_fields.items()}
        values.update({name: pick(ic, spec) for name, spec in self.institution_fields.items()})
        extras = {path: pick(detail, path) for path in self.extras_fields}
        extras["certifying_institution"] = ic
        return RawOffer(
            source=self.source_name,
            external_id=f"{qid}-{ic.get('id') or '-'.join(fold_words(ic.get('name')))}",
            url=self.url_template.format(id=qid),
            kind=KIND,
            form="zdalna" if remote else None,
            extras={k: v for k, v in extras.items() if v not in (None, "", [])},
            **values,
        )
