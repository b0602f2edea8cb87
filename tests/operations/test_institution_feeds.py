"""Feeds an institution registers: the address check (no private, loopback, link-local or
metadata address, after resolving the name), the `Source` rows they become, and how the crawler
registry reads them back (`crawlers.registry.database_sources`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from typer.testing import CliRunner

from catalogue.accounts import Approval
from catalogue.db import get_engine
from catalogue.models import Institution, Offer, OfferKind, OfferStatus
from crawlers.registry import database_sources, load_registry, select_sources
from lll.cli import app
from lll.settings import get_settings
from operations.institution_feeds import (
    FeedKind,
    FeedRefused,
    check_feed_url,
    delete_feed,
    get_feed,
    list_feeds,
    register_feed,
    set_enabled,
)

PUBLIC = "93.184.215.14"  # a public address: a literal needs no DNS


def add_institution(
    db: Session, name: str, approval: Approval | None = Approval.approved
) -> Institution:
    """A registered institution (approved unless said otherwise)."""
    institution = Institution(
        name=name,
        key=name.lower(),
        town="Zielona Góra",
        approval=approval,
        registered_at=datetime.now(UTC),
    )
    db.add(institution)
    db.commit()
    db.refresh(institution)
    return institution


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = get_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


def problems(url: str, kind: FeedKind = FeedKind.file, **options: object) -> list[str]:
    return [problem.code for problem in check_feed_url(url, kind, **options)[1]]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/oferta.csv",
        "http://169.254.169.254/latest/meta-data/",
        "http://192.168.1.10/oferta.csv",
        "http://100.64.0.1/oferta.csv",  # shared address space
        "http://[fd00:ec2::254]/oferta.csv",
        "http://[::ffff:10.0.0.1]/oferta.csv",  # IPv4-mapped
        "http://0.0.0.0/oferta.csv",
        "http://127.0.0.1:8000/oferta.csv",
        "http://localhost:8000/oferta.csv",  # a name resolving to 127.0.0.1 (/etc/hosts)
    ],
)
def test_private_loopback_and_metadata_addresses_are_refused(url: str) -> None:
    assert problems(url) == ["url_private"]


def test_a_name_is_refused_when_any_address_it_resolves_to_is_private() -> None:
    def dns(host: str, port: int) -> list[str]:  # a name with a public and a private address
        assert (host, port) == ("szkola.example.pl", 443)
        return [PUBLIC, "10.1.2.3"]

    assert problems("https://szkola.example.pl/oferta.csv", resolve=dns) == ["url_private"]
    assert problems("https://szkola.example.pl/oferta.csv", resolve=lambda h, p: [PUBLIC]) == []


def test_loopback_only_with_the_test_setting() -> None:
    assert problems("http://localhost:8000/oferta.csv", allow_loopback=True) == []
    assert problems("http://10.0.0.1/oferta.csv", allow_loopback=True) == ["url_private"]


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("", "url_missing"),
        ("ftp://93.184.215.14/oferta.csv", "url_scheme"),
        ("file:///etc/passwd", "url_scheme"),
        ("javascript:alert(1)", "url_scheme"),
        ("https://", "url_invalid"),
        ("https://szkoła .pl/a.csv", "url_invalid"),
        ("http://[::1/a.csv", "url_invalid"),
        (f"https://jan:tajne@{PUBLIC}/oferta.csv", "url_credentials"),
        ("https://nie-ma-takiej-nazwy.invalid/oferta.csv", "url_unresolved"),
        (f"https://{PUBLIC}/sitemap.xml", "file_is_sitemap"),
    ],
)
def test_addresses_that_are_not_a_public_http_file_are_refused(url: str, code: str) -> None:
    assert problems(url) == [code]


def test_a_site_is_its_sitemap_and_its_home_page_stands_for_sitemap_xml() -> None:
    assert check_feed_url(f"https://{PUBLIC}", FeedKind.site) == (
        f"https://{PUBLIC}/sitemap.xml",
        [],
    )
    assert check_feed_url(f"https://{PUBLIC}/robots.txt", FeedKind.site)[1] == []
    assert problems(f"https://{PUBLIC}/kursy.html", FeedKind.site) == ["site_path"]


def test_a_feed_becomes_a_source_of_its_institution_named_by_its_number(db: Session) -> None:
    school = add_institution(db, "Szkoła Feedowa")
    first = register_feed(db, school, url=f"https://{PUBLIC}/oferta.csv", kind="file", every="1d")
    second = register_feed(db, school, url=f"https://{PUBLIC}", kind="site", every="7d")

    assert (first.name, first.institution_id, first.every, first.enabled) == (
        f"feed-{school.id}-1", school.id, "1d", True,
    )  # fmt: skip
    assert (second.name, second.feed_url) == (
        f"feed-{school.id}-2",
        f"https://{PUBLIC}/sitemap.xml",
    )
    assert [(view.source.name, view.kind, view.last_run) for view in list_feeds(db, school)] == [
        (first.name, FeedKind.file, None),
        (second.name, FeedKind.site, None),
    ]


def test_a_form_with_problems_creates_nothing_and_says_each(db: Session) -> None:
    school = add_institution(db, "Szkoła Błędna")
    register_feed(db, school, url=f"https://{PUBLIC}/oferta.csv", kind="file")
    with pytest.raises(FeedRefused) as refused:
        register_feed(db, school, url=f"https://{PUBLIC}/oferta.csv", kind="file", every="1m")
    assert {(p.field, p.code) for p in refused.value.problems} == {
        ("every", "every_invalid"),
        ("url", "url_duplicate"),
    }
    with pytest.raises(FeedRefused) as refused:
        register_feed(db, school, url="http://10.0.0.1/a.csv", kind="rss")
    assert [(p.field, p.code) for p in refused.value.problems] == [("kind", "kind_invalid")]
    assert len(list_feeds(db, school)) == 1


def test_another_institutions_feed_is_not_found(db: Session) -> None:
    a, b = add_institution(db, "Instytucja A kanału"), add_institution(db, "Instytucja B kanału")
    feed = register_feed(db, a, url=f"https://{PUBLIC}/a.csv", kind="file")
    assert feed.id is not None
    assert get_feed(db, a.id, feed.id) == feed
    assert get_feed(db, b.id, feed.id) is None
    assert get_feed(db, None, feed.id) is None


def test_deleting_a_feed_withdraws_its_offers_and_keeps_its_number_used(db: Session) -> None:
    school = add_institution(db, "Szkoła Usuwająca")
    feed = register_feed(db, school, url=f"https://{PUBLIC}/a.csv", kind="file")
    offer = Offer(source_id=feed.id, external_id="1", url=f"https://{PUBLIC}/a.csv#1",
                  title="Kurs", kind=OfferKind.course, content_hash="x")  # fmt: skip
    db.add(offer)
    db.commit()

    assert delete_feed(db, feed) == 1

    assert db.exec(select(Offer.status).where(Offer.id == offer.id)).one() == (
        OfferStatus.withdrawn
    )
    assert list_feeds(db, school) == []
    again = register_feed(db, school, url=f"https://{PUBLIC}/a.csv", kind="file")
    assert again.name == f"feed-{school.id}-2"


def test_the_registry_reads_feeds_as_sources_held_to_their_host_and_limits(
    db: Session, engine: Engine
) -> None:
    school = add_institution(db, "Szkoła Rejestrowa")
    pending = add_institution(db, "Szkoła Oczekująca", approval=Approval.pending)
    feed = register_feed(db, school, url=f"https://{PUBLIC}/dane/oferta.xlsx", kind="file")
    site = register_feed(db, school, url=f"https://{PUBLIC}/mapa.xml", kind="site", every="6h")
    waiting = register_feed(db, pending, url=f"https://{PUBLIC}/b.csv", kind="file")
    off = register_feed(db, school, url=f"https://{PUBLIC}/c.csv", kind="file")
    set_enabled(db, off, False)

    sources = {source.name: source for source in database_sources(engine)}

    assert {name: s.enabled for name, s in sources.items()} == {
        feed.name: True, site.name: True, waiting.name: False, off.name: False,
    }  # fmt: skip
    config = sources[feed.name]
    assert (config.spider, sources[site.name].spider) == ("feed", "schema_org")
    assert sources[site.name].every.total_seconds() == 6 * 3600
    kwargs = config.spider_kwargs(None, environ={})
    assert kwargs["allowed_domains"] == [PUBLIC]
    assert kwargs["start_urls"] == [f"https://{PUBLIC}/dane/oferta.xlsx"]
    assert kwargs["provider_name"] == "Szkoła Rejestrowa"
    assert config.crawl_settings["REDIRECT_MAX_TIMES"] == 3
    assert config.crawl_settings["DOWNLOAD_TIMEOUT"] <= 60
    assert config.crawl_settings["DOWNLOAD_MAXSIZE"] > 0
    assert "LLL_ALLOW_LOOPBACK" not in config.crawl_settings
    assert database_sources(engine, allow_loopback=True)[0].crawl_settings["LLL_ALLOW_LOOPBACK"]
    # `lll crawl <name>` and `lll sources` see them beside the file's sources.
    registry = load_registry(engine=engine)
    assert [s.name for s in select_sources(registry, [feed.name])] == [feed.name]
    assert "sample-bur" in registry
    assert set(sources) <= set(registry)


def test_a_catalogue_without_tables_lists_no_feeds(tmp_path) -> None:
    engine = get_engine(f"sqlite:///{tmp_path / 'pusty.sqlite3'}")
    assert database_sources(engine) == []
    engine.dispose()


def test_lll_sources_lists_the_registered_feeds(
    db: Session, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    school = add_institution(db, "Szkoła z listy źródeł")
    feed = register_feed(db, school, url=f"https://{PUBLIC}/a.csv", kind="file", every="12h")
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()  # read again, with this database (another test may have read)
    try:
        # A narrow terminal width: rows go whole to a file or a pipe all the same.
        result = CliRunner().invoke(app, ["sources"], env={"COLUMNS": "80"})
    finally:
        get_settings.cache_clear()

    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if feed.name in line]
    assert "12h" in line
