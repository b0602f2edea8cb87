"""Crawls against a server that misbehaves: a run is complete only when nothing went wrong,
and only a complete, successful run withdraws what its source no longer lists."""

from __future__ import annotations

import json
import math
from pathlib import Path

from catalogue.models import OfferStatus
from catalogue.settings import CatalogueSettings
from crawlers.run import crawl
from crawlers.settings import CrawlerSettings
from samples.faults import Fault

LIST = "/bur/api/usluga"
LOGIN = "/bur/api/autoryzacja/logowanie"


def storable_bur_ids(data_dir: Path) -> list[str]:
    records = json.loads((data_dir / "bur_uslugi.json").read_text(encoding="utf-8"))
    return [str(r["id"]) for r in records if isinstance(r, dict) and r.get("id") and r.get("tytul")]


def bur_page_count(data_dir: Path) -> int:
    return math.ceil(len(json.loads((data_dir / "bur_uslugi.json").read_text("utf-8"))) / 25)


def test_a_500_on_page_two_leaves_the_run_partial_and_withdraws_nothing(
    crawl_fixtures, server, catalogue, fixture_data
):
    assert bur_page_count(fixture_data) >= 2
    first = crawl_fixtures("fixture-bur")
    before = catalogue.offers("fixture-bur")
    server.faults.add(Fault(LIST, query={"strona": "2"}, status=500))

    second = crawl_fixtures("fixture-bur")

    assert (first.status, second.status) == ("success", "partial")
    assert any("HTTP 500" in error for error in second.errors)
    after = catalogue.offers("fixture-bur")
    assert set(after) == set(before) == set(storable_bur_ids(fixture_data))
    assert all(offer.status == OfferStatus.active for offer in after.values())
    assert second.withdrawn == 0
    assert second.unchanged == second.seen - second.rejected > 0  # page one, untouched


def test_a_page_that_is_not_json_means_the_run_is_not_a_success(crawl_fixtures, server):
    server.faults.add(Fault(LIST, query={"strona": "2"}, status=200, body="<html>Przerwa</html>"))
    summary = crawl_fixtures("fixture-bur")
    assert summary.status != "success"
    assert any("niepoprawny JSON" in error for error in summary.errors)


def test_an_expired_token_logs_in_again_once_and_the_crawl_goes_on(
    crawl_fixtures, server, catalogue, fixture_data
):
    server.faults.add(Fault(LIST, query={"strona": "2"}, status=401, body='{"kod": 401}', times=1))
    summary = crawl_fixtures("fixture-bur")
    assert summary.status == "success"
    assert len(server.requests.all(LOGIN)) == 2
    assert set(catalogue.offers("fixture-bur")) == set(storable_bur_ids(fixture_data))


def test_a_401_right_after_logging_in_again_fails_the_page(crawl_fixtures, server):
    server.faults.add(Fault(LIST, query={"strona": "2"}, status=401, body='{"kod": 401}'))
    summary = crawl_fixtures("fixture-bur")
    assert summary.status == "partial"
    assert len(server.requests.all(LOGIN)) == 2  # once at the start, once more: no loop


def test_wrong_credentials_fail_the_run_with_nothing_stored(crawl_fixtures, catalogue, monkeypatch):
    monkeypatch.setenv("FIXTURE_BUR_API_KEY", "zły-klucz")
    summary = crawl_fixtures("fixture-bur")
    assert summary.status == "failed"
    assert any("HTTP 401" in error for error in summary.errors)
    assert catalogue.offers("fixture-bur") == {}
    assert catalogue.runs("fixture-bur")[-1].status == "failed"


def test_a_429_is_retried_after_the_pause_the_server_asks_for(crawl_fixtures, server):
    server.faults.add(
        Fault(LIST, query={"strona": "2"}, status=429, headers={"Retry-After": "1"}, times=1)
    )
    summary = crawl_fixtures("fixture-bur")
    assert summary.status == "success"
    asked = [s for s in server.requests.all(LIST) if s.query.get("strona") == "2"]
    assert [s.status for s in asked] == [429, 200]
    assert asked[1].at - asked[0].at >= 0.9


def test_an_offer_gone_from_a_complete_run_is_withdrawn(crawl_fixtures, catalogue, fixture_data):
    crawl_fixtures("fixture-kkz")
    gone = remove_first_kkz_course(fixture_data)

    summary = crawl_fixtures("fixture-kkz")

    assert summary.status == "success"
    assert summary.withdrawn == 1
    offers = catalogue.offers("fixture-kkz")
    withdrawn = [o for o in offers.values() if o.status == OfferStatus.withdrawn]
    assert [o.external_id for o in withdrawn] == [f"/kkz/fixture/kursy/{gone}.html"]
    assert withdrawn[0].id in summary.changed_ids


def test_an_offer_gone_from_a_partial_run_stays(crawl_fixtures, server, catalogue, fixture_data):
    crawl_fixtures("fixture-kkz")
    remove_first_kkz_course(fixture_data)
    courses = json.loads((fixture_data / "kkz_fixture.json").read_text("utf-8"))["courses"]
    server.faults.add(Fault(f"/kkz/fixture/kursy/{courses[-1]['slug']}.html", status=503))

    summary = crawl_fixtures("fixture-kkz")

    assert summary.status == "partial"
    assert summary.withdrawn == 0
    offers = catalogue.offers("fixture-kkz")
    assert all(o.status == OfferStatus.active for o in offers.values())
    assert len(offers) == len(courses) + 1


def remove_first_kkz_course(data_dir: Path) -> str:
    path = data_dir / "kkz_fixture.json"
    site = json.loads(path.read_text(encoding="utf-8"))
    gone = site["courses"].pop(0)
    path.write_text(json.dumps(site, ensure_ascii=False), encoding="utf-8")
    return gone["slug"]


def test_a_missing_credential_is_recorded_as_a_failed_run(tmp_path, database_url):
    registry = tmp_path / "sources.toml"
    registry.write_text(
        '[[sources]]\nname = "no-key"\ntitle = "Bez klucza"\nspider = "sample_bur"\n'
        'url = "{base_url}/bur/"\nstart_urls = ["{base_url}/bur/api/usluga"]\n'
        '[sources.credentials]\napi_key = { env = "LLL_TEST_UNSET_KEY" }\n',
        encoding="utf-8",
    )
    (summary,) = crawl(
        ["no-key"], database_url, base_url="http://127.0.0.1:9",
        registry_path=registry,
    )  # fmt: skip
    assert summary.status == "failed"
    assert "LLL_TEST_UNSET_KEY" in summary.errors[0]


def test_the_crawler_says_who_it_is_and_skips_what_robots_txt_forbids(crawl_fixtures, server):
    sitemap = "/uczelnia-przyklad/oferta/sitemap.xml"
    listed = [f"{server.base_url}/admin/oferta-wewnetrzna.html"] + [
        f"{server.base_url}/uczelnia-przyklad/oferta/{slug}.html"
        for slug in ("kurs-python", "podyplomowe-logistyka")
    ]
    urls = "".join(f"<url><loc>{url}</loc></url>" for url in listed)
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    server.faults.add(Fault(sitemap, status=200, body=body, content_type="application/xml"))

    summary = crawl_fixtures("fixture-jsonld")

    assert (summary.status, summary.new) == ("success", 2)
    assert server.requests.all()[0].path == "/robots.txt"
    assert not [s for s in server.requests.all() if s.path.startswith("/admin")]
    (user_agent,) = {s.user_agent for s in server.requests.all()}
    assert user_agent == CrawlerSettings().user_agent_for(CatalogueSettings().public_url)
    assert user_agent.isascii()
