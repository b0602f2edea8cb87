"""robots.txt and who the crawler says it is: a page robots.txt forbids is not a page that
is gone, and the user agent of a crawl of real sources links a public page about the robot."""

from __future__ import annotations

from catalogue.models import OfferStatus
from samples.faults import Fault

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
