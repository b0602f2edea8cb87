"""The BUR spider and its recordings against the real shape of the BUR API.

`recorded/bur/real/` holds what a real `GET /usluga` record showed (see SOURCE.md there): the
key paths with the JSON types seen over 100 real records, and one real record's skeleton
(keys, nesting, ids, numbers, dates and statuses as they were; free texts replaced).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from catalogue.models import DeliveryForm, OfferKind
from catalogue.normalise import normalise
from crawlers.items import RawOffer
from crawlers.spiders.bur import BurSpider
from tests.crawlers.key_paths import Traced, key_paths
from tests.crawlers.recorded import RECORDED

FOLDER = RECORDED / "bur"
REAL = FOLDER / "real"
# Seen in public client code only (no real schedule answer is public): bur/SOURCE.md.
DOCUMENTED_SCHEDULE_ENTRY = {
    "id", "data", "godzinaRozpoczecia", "godzinaZakonczenia", "temat", "typAktywnosci",
}  # fmt: skip


def read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


REAL_PATHS: dict[str, set[str]] = {
    path: set(types.split("|")) for path, types in read(REAL / "usluga-sciezki.json").items()
}
SKELETON: dict[str, Any] = read(REAL / "usluga-22634-szkielet.json")


def spider() -> BurSpider:
    return BurSpider(source_name="bur-test", login="login", api_key="klucz")


def paths_read(record: dict[str, Any]) -> set[str]:
    """The key paths the spider reads when it turns the record into its item or request."""
    log: set[str] = set()
    results = list(spider().record_items(Traced(record, log)))
    assert results and not any(type(r).__name__ == "Rejected" for r in results), results
    return log


def test_the_real_record_skeleton_has_exactly_the_real_key_paths():
    assert set(key_paths(SKELETON)) <= set(REAL_PATHS)
    assert {p for p in REAL_PATHS if "." not in p} == set(SKELETON)


def test_every_field_the_bur_spider_reads_exists_in_the_real_record():
    finished = paths_read(SKELETON)
    live = paths_read({**SKELETON, "status": "OPUBLIKOWANA"})  # also asks for its schedule
    assert sorted((finished | live) - set(REAL_PATHS)) == []


def test_the_bur_spider_reads_the_real_record_into_an_offer():
    (item,) = spider().record_items(SKELETON)
    assert isinstance(item, RawOffer)
    assert (item.external_id, item.status) == ("22634", "ZREALIZOWANA")
    assert (item.kind, item.form, item.category, item.subcategory) == ("145", "1", "469", "471")
    assert item.duration_hours == 16
    (edition,) = item.editions
    assert (edition.price, edition.price_in_grosze) == (204600, True)
    assert edition.start == "2017-01-23T00:00:00+01:00"
    assert (edition.town, edition.seats) == ("Łódź", 15)
    assert item.extras["cenaNettoZaGodzine"] == 12500


def test_the_normaliser_understands_the_real_record_by_its_ids():
    (item,) = spider().record_items(SKELETON)
    # Before the service ended: only its status ZREALIZOWANA keeps it off the live catalogue.
    result = normalise(item, date(2017, 1, 1))
    assert (result.offer.kind, result.offer.form) == (OfferKind.training, DeliveryForm.on_site)
    assert result.evidence["kind"] == "rodzaj usługi BUR 145"
    assert result.evidence["isced_code"].startswith("podkategoria BUR 471 ")
    assert result.offer.isced_code == "0411"
    assert result.editions[0].price_grosze == 204600
    assert not result.live


def test_a_schedule_entry_is_read_only_through_documented_fields():
    log: set[str] = set()
    entry = Traced({key: None for key in DOCUMENTED_SCHEDULE_ENTRY}, log)
    (item,) = spider().record_items(SKELETON)
    assert isinstance(item, RawOffer)
    spider().with_follow_up(item, [entry])
    assert log <= DOCUMENTED_SCHEDULE_ENTRY


def recorded_services() -> list[dict[str, Any]]:
    pages = sorted(FOLDER.glob("usluga-strona-*.json"))
    return [record for page in pages for record in read(page)["lista"]]


def test_every_recorded_service_has_the_real_keys_with_the_real_types():
    real_keys = {p for p in REAL_PATHS if "." not in p}
    wrong: list[tuple[str, str, set[str]]] = []
    for record in recorded_services():
        assert set(record) == real_keys, (record["id"], set(record) ^ real_keys)
        for path, types in key_paths(record).items():
            # A value the real sample had only as null may be anything; any value may be null.
            seen = REAL_PATHS.get(path)
            if seen is None or not (types - {"null"} <= seen or seen == {"null"}):
                wrong.append((f"{record['id']}: {path}", "|".join(sorted(types)), seen or set()))
    assert wrong == []


def test_recorded_statuses_include_the_real_ones():
    statuses = {record["status"] for record in recorded_services()}
    assert {"ZREALIZOWANA", "ODWOLANA", "OPUBLIKOWANA"} <= statuses


def test_every_recorded_schedule_entry_has_the_documented_keys():
    for page in sorted((FOLDER / "harmonogram").glob("*.json")):
        for entry in read(page)["lista"]:
            assert set(entry) == DOCUMENTED_SCHEDULE_ENTRY, page.name
