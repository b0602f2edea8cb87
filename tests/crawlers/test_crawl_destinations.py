"""A crawl goes only where its source said it would: to the hosts of its registry URLs, and
never to a private, loopback, link-local or metadata address, whatever a sitemap, a redirect
or a name's DNS answer points at (server-side request forgery)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.middlewares import forbidden_address, on_domains
from crawlers.registry import load_registry
from crawlers.run import crawl
from samples.faults import Fault
from tests.crawlers.conftest import FAST

SITEMAP = "/uczelnia-przyklad/oferta/sitemap.xml"
PAGES = "/uczelnia-przyklad/oferta/"


def sitemap_listing(*urls: str) -> Fault:
    entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    return Fault(SITEMAP, status=200, body=body, content_type="application/xml")


def test_sitemap_entries_on_other_hosts_are_neither_fetched_nor_stored_but_counted(
    crawl_fixtures, server, catalogue
):
    port = server.base_url.rsplit(":", 1)[1]
    server.faults.add(
        sitemap_listing(
            f"http://localhost:{port}{PAGES}kurs-python.html",  # the same server, another name
            f"http://127.0.0.2:{port}{PAGES}kurs-python.html",
            "file:///etc/passwd",  # never fetched (nor even requested: no http(s))
            f"{server.base_url}{PAGES}podyplomowe-logistyka.html",
        )
    )

    summary = crawl_fixtures("fixture-jsonld")

    assert not [s for s in server.requests.all() if s.path.endswith("kurs-python.html")]
    offers = catalogue.offers("fixture-jsonld")
    assert [offer.url for offer in offers.values()] == [
        f"{server.base_url}{PAGES}podyplomowe-logistyka.html"
    ]
    assert summary.status == "partial"  # a page left unread: nothing may be withdrawn
    assert "2 żądań poza domenami źródła odrzucono (nic z nich nie pobrano)" in summary.errors


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.7/admin",
        "http://[fd00:ec2::254]/",
    ],
)
def test_a_redirect_to_a_private_or_metadata_address_is_not_followed(
    crawl_fixtures, server, catalogue, target
):
    page = f"{PAGES}kurs-python.html"
    server.faults.add(Fault(page, status=302, body="", headers={"Location": target}))

    summary = crawl_fixtures("fixture-jsonld")

    assert summary.status == "partial"
    assert any("poza domenami źródła" in error for error in summary.errors)
    assert all(not offer.url.endswith("kurs-python.html") for offer in catalogue.offers(
        "fixture-jsonld").values())  # fmt: skip


def test_a_source_whose_host_resolves_to_a_loopback_address_is_refused_before_any_request(
    server, database_url, catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PUBLIC_URL", "https://kursy.lubuskie.example.pl")  # a real crawl's
    local = server.base_url.replace("127.0.0.1", "localhost")
    registry = tmp_path / "sources.toml"
    registry.write_text(
        f"""
[[sources]]
name = "pretend-public"
title = "Strona, której nazwa wskazuje na ten serwer"
spider = "sample_jsonld"
url = "{local}{PAGES}"
start_urls = ["{local}{SITEMAP}"]
""",
        encoding="utf-8",
    )

    (summary,) = crawl(
        ["pretend-public"],
        database_url,
        settings={**FAST, "LLL_ALLOW_LOOPBACK": False},
        registry_path=registry,
    )

    assert server.requests.all() == []  # not even robots.txt
    assert catalogue.offers("pretend-public") == {}
    assert summary.status == "failed"
    assert any("adres pętli zwrotnej 127.0.0.1" in error for error in summary.errors)
    assert "1 żądań do adresów niepublicznych odrzucono (nic nie pobrano)" in summary.errors


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.0.0.2",
        "::1",
        "::ffff:127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "100.64.0.1",  # carrier-grade NAT, also Alibaba's metadata 100.100.100.200
        "169.254.169.254",  # the cloud metadata service
        "fd00:ec2::254",  # AWS's metadata service over IPv6
        "fe80::1",
        "224.0.0.1",
        "0.0.0.0",
        "240.0.0.1",
    ],
)
def test_private_loopback_link_local_multicast_and_reserved_addresses_are_refused(address):
    assert forbidden_address(address) is not None


def test_loopback_is_allowed_only_when_the_crawl_allows_it_and_public_addresses_always():
    assert forbidden_address("127.0.0.1", allow_loopback=True) is None
    assert forbidden_address("10.0.0.1", allow_loopback=True) is not None
    assert forbidden_address("91.198.174.192") is None
    assert forbidden_address("2001:4860:4860::8888") is None


def test_a_host_is_on_a_declared_domain_or_a_subdomain_of_one_and_nowhere_else():
    domains = ["uslugirozwojowe.parp.gov.pl"]
    assert on_domains("uslugirozwojowe.parp.gov.pl", domains)
    assert on_domains("api.uslugirozwojowe.parp.gov.pl", domains)
    assert not on_domains("parp.gov.pl", domains)
    assert not on_domains("eviluslugirozwojowe.parp.gov.pl", domains)
    assert not on_domains("anything.example", [])


def test_every_registry_source_declares_the_hosts_of_its_urls_and_only_sample_ones_loopback():
    for source in load_registry(sample_sources=True).values():
        kwargs = source.spider_kwargs("http://127.0.0.1:8000", environ={
            c.env: "x" for c in source.credentials.values()})  # fmt: skip
        domains = kwargs["allowed_domains"]
        assert domains, source.name
        for url in [kwargs["source_url"], *kwargs["start_urls"]]:
            assert any(url.split("/")[2].split(":")[0] == d for d in domains), (source.name, url)
        assert source.crawl_settings.get("LLL_ALLOW_LOOPBACK", False) is source.sample
    bur = load_registry(sample_sources=True)["bur"].spider_kwargs(None, environ={
        "BUR_LOGIN": "x", "BUR_API_KEY": "x", "BUR_PASSWORD": "x"})  # fmt: skip
    assert bur["allowed_domains"] == ["uslugirozwojowe.parp.gov.pl"]
