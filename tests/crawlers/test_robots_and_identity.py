"""robots.txt and who the crawler says it is: a page robots.txt forbids is not a page that
is gone, and the user agent of a crawl of real sources links a public page about the robot."""

from __future__ import annotations

from pathlib import Path

import pytest

from catalogue.models import OfferStatus
from crawlers.run import crawl
from crawlers.settings import CrawlerSettings, user_agent_problem
from crawlers.summary import RunSummary
from samples.faults import Fault
from tests.crawlers.conftest import FAST

# What the crawl does over HTTP, not the database: SQLite only (decision 0010).
pytestmark = pytest.mark.crawl_not_database

PAGES = "/uczelnia-przyklad/oferta/"


def forbid(server, *paths: str) -> None:
    body = "User-agent: *\n" + "".join(f"Disallow: {path}\n" for path in paths)
    server.faults.add(Fault("/robots.txt", status=200, body=body, content_type="text/plain"))


def test_an_offer_whose_page_robots_txt_now_forbids_is_kept_and_the_run_says_so(
    crawl_fixtures, server, catalogue
):
    first = crawl_fixtures("fixture-jsonld")
    assert (first.status, first.new) == ("success", 2)
    forbid(server, f"{PAGES}kurs-python.html")

    second = crawl_fixtures("fixture-jsonld")

    assert not [s for s in server.requests.all()[-5:] if s.path.endswith("kurs-python.html")]
    assert (second.status, second.withdrawn) == ("success", 0)
    offers = catalogue.offers("fixture-jsonld").values()
    assert [o.status for o in offers] == [OfferStatus.active, OfferStatus.active]
    assert second.notes == [
        "robots.txt zabrania 1 stron(y); zachowano 1 ofert(y) z tych stron "
        "(blokada to nie brak oferty)"
    ]
    (_, run) = catalogue.runs("fixture-jsonld")
    assert run.notes == second.notes


def test_an_offer_that_is_really_gone_is_still_withdrawn_beside_a_forbidden_page(
    crawl_fixtures, server, catalogue
):
    crawl_fixtures("fixture-jsonld")
    forbid(server, "/admin/")
    sitemap = f"{PAGES}sitemap.xml"
    only = f"<url><loc>{server.base_url}{PAGES}podyplomowe-logistyka.html</loc></url>"
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{only}</urlset>'
    server.faults.add(Fault(sitemap, status=200, body=body, content_type="application/xml"))

    second = crawl_fixtures("fixture-jsonld")

    assert (second.status, second.withdrawn) == ("success", 1)
    assert second.notes == []


PRETEND_PUBLIC = """
[[sources]]
name = "pretend-public"
title = "Źródło nieprzykładowe"
spider = "sample_jsonld"
url = "{base}/uczelnia-przyklad/oferta/"
start_urls = ["{base}/uczelnia-przyklad/oferta/sitemap.xml"]
"""


def crawl_real_source(server, database_url: str, tmp_path: Path) -> RunSummary:
    registry = tmp_path / "sources.toml"
    registry.write_text(PRETEND_PUBLIC.format(base=server.base_url), encoding="utf-8")
    (summary,) = crawl(
        ["pretend-public"],
        database_url,
        settings={**FAST, "LLL_ALLOW_LOOPBACK": False},  # as for every real source
        registry_path=registry,
    )
    return summary


def test_a_crawl_of_real_sources_refuses_to_start_while_its_user_agent_links_127_0_0_1(
    server, database_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("PUBLIC_URL", "http://127.0.0.1:8000")  # the default
    monkeypatch.delenv("LLL_USER_AGENT", raising=False)

    summary = crawl_real_source(server, database_url, tmp_path)

    assert summary.status == "failed"
    assert summary.errors == [
        "agent użytkownika robota wskazuje http://127.0.0.1:8000/o-robocie, adres niepubliczny: "
        "ustaw PUBLIC_URL na publiczny adres katalogu (lub LLL_USER_AGENT), zanim robot "
        "odwiedzi prawdziwe źródła"
    ]
    assert server.requests.all() == []


def test_with_a_public_public_url_the_user_agent_links_it_and_the_crawl_may_start(
    server, database_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("PUBLIC_URL", "https://kursy.lubuskie.example.pl")
    monkeypatch.delenv("LLL_USER_AGENT", raising=False)

    summary = crawl_real_source(server, database_url, tmp_path)

    assert not [e for e in summary.errors if "agent użytkownika" in e]
    # It then goes no further only because this "real" source lives on 127.0.0.1.
    assert any("adres pętli zwrotnej 127.0.0.1" in e for e in summary.errors)


def test_a_user_agent_must_link_a_page_on_a_public_host():
    public = CrawlerSettings(user_agent="").user_agent_for("https://kursy.lubuskie.example.pl/")
    assert "(+https://kursy.lubuskie.example.pl/o-robocie;" in public
    assert user_agent_problem(public) is None
    for public_url in ("http://127.0.0.1:8000", "http://localhost:8000", "http://10.0.0.5",
                       "http://katalog", "http://katalog.local"):  # fmt: skip
        assert user_agent_problem(CrawlerSettings(user_agent="").user_agent_for(public_url))
    assert user_agent_problem("LubuskieLLLBot/0.1") is not None
