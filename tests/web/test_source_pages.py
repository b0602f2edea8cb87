"""The sources watched, as pages (`/koordynator/zrodla…`, `/panel/zrodla/<id>/przebiegi…`) in the
real app over a real SQLite file with real crawl runs: the coordinator's list puts a source whose
rejections jumped first and says so in words; a run's page shows each rejected item's reason and
raw payload as escaped text (a `<script>` in it stays text), folds a long payload and pages many;
an institution sees its own feed's runs and nobody else's (404)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy.engine import Engine
from sqlmodel import Session, select
from starlette.responses import Response
from typer.testing import CliRunner

from catalogue.accounts import Account, LoginSession, Role
from catalogue.db import get_engine
from catalogue.models import Source
from catalogue.store import CrawlRecorder
from lll.cli import app as lll
from lll.settings import get_settings
from tests.app_settings import app_settings
from tests.operations.test_source_watch import offer, record
from tests.postgres_support import Databases
from tests.web.test_panel_feeds import member_session
from web.app import create_app
from web.auth import SESSION_COOKIE, start_session

pytestmark = pytest.mark.pages_not_database  # SQLite only (tests/conftest.py)

HOSTILE = "<script>alert('odrzucona')</script>"
LONG_DESCRIPTION = "Opis bardzo długi. " * 120


@dataclass
class Site:
    engine: Engine
    url: str
    client: TestClient
    cookies: dict[str, str]  # who -> session cookie
    feed_a: int
    feed_b: int
    run_a: int  # A's run with 60 rejected items
    run_b: int

    def get(self, who: str, path: str) -> Response:
        self.client.cookies.clear()
        if who != "anonymous":
            self.client.cookies.set(SESSION_COOKIE, self.cookies[who])
        return self.client.get(path)  # type: ignore[return-value]


def _feed(engine: Engine, institution_id: int, n: int) -> int:
    with Session(engine) as db:
        source = Source(
            name=f"feed-{institution_id}-{n}",
            title=f"Plik ofert instytucji {institution_id}",
            url=f"https://93.184.215.14/oferty-{institution_id}.csv",
            institution_id=institution_id,
            feed_url=f"https://93.184.215.14/oferty-{institution_id}.csv",
            every="1d",
        )
        db.add(source)
        db.commit()
        return source.id or 0


def _coordinator(engine: Engine) -> str:
    with Session(engine) as db:
        account = Account(email="koordynator@zrodla.example.org", password_hash="-",
                          role=Role.coordinator, email_confirmed_at=datetime.now(UTC))  # fmt: skip
        db.add(account)
        db.commit()
        signed_in = Response()
        start_session(signed_in, db, account)
        assert db.exec(select(LoginSession).where(LoginSession.account_id == account.id)).one()
    return signed_in.headers["set-cookie"].split(";", 1)[0].split("=", 1)[1]


def _troubled_run(engine: Engine, name: str) -> int:
    """A run of 2 offers and 60 rejected items: the first hostile, the second long."""
    recorder = CrawlRecorder(engine, name)
    run_id = recorder.start()
    for n in range(2):
        recorder.add(offer(name, n))
    recorder.reject("tytuł zawiera znacznik <b>", {"tytul": HOSTILE, "cena": 100}, "wiersz-1")
    recorder.reject("opis za długi", {"opis": LONG_DESCRIPTION}, None)
    for n in range(3, 61):
        recorder.reject(f"brak daty rozpoczęcia {n}", {"wiersz": n}, f"wiersz-{n}")
    recorder.error("wiersz 70: nieznana kolumna <xyz>")
    recorder.finish(complete=True)
    return run_id


@pytest.fixture(scope="module")
def site(databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root: Path = tmp_path_factory.mktemp("source-pages")
    url = databases.create(root)
    engine = get_engine(url)
    a, cookie_a, _ = member_session(engine, "Szkoła A przebiegów")
    b, cookie_b, _ = member_session(engine, "Szkoła B przebiegów")
    feed_a, feed_b = _feed(engine, a, 1), _feed(engine, b, 1)
    for _ in range(3):  # three clean runs, then the troubled one
        record(engine, f"feed-{a}-1", 3, 0)
    run_a = _troubled_run(engine, f"feed-{a}-1")
    run_b = record(engine, f"feed-{b}-1", 2, 1)
    cookies = {"member_a": cookie_a, "member_b": cookie_b, "coordinator": _coordinator(engine)}
    app = create_app(app_settings(url, root / "index"))
    with TestClient(app, follow_redirects=False) as client:
        yield Site(engine, url, client, cookies, feed_a, feed_b, run_a, run_b)
    engine.dispose()
    databases.drop(url)


def test_the_coordinators_list_puts_the_jump_first_and_says_it_in_words(site: Site) -> None:
    page = site.get("coordinator", "/koordynator/zrodla")
    assert page.status_code == 200
    assert "Źródła wymagające uwagi:" in page.text
    rows = page.text.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr")[1:]
    alarmed = ['class="source-alarmed"' in row for row in rows]
    assert alarmed == sorted(alarmed, reverse=True)  # the alarmed first
    (row_a,) = [row for row in rows if f'/koordynator/zrodla/{site.feed_a}"' in row]
    assert 'class="source-alarmed"' in row_a
    assert "Uwaga:" in row_a and "skok odrzuceń: ostatni przebieg odrzucił 97%" in row_a
    # the last run's seen, new, changed, unchanged, rejected and withdrawn
    assert "<td>62</td><td>0</td><td>0</td><td>2</td><td>60</td><td>0</td>" in row_a
    (row_b,) = [row for row in rows if f'/koordynator/zrodla/{site.feed_b}"' in row]
    assert "source-alarmed" not in row_b and "w porządku" in row_b
    # the sources of sources.toml are listed too (never crawled here)
    assert "<code>sample-bur</code>" in page.text
    assert site.get("member_a", "/koordynator/zrodla").status_code == 403


def test_a_sources_page_lists_its_runs_with_their_counts(site: Site) -> None:
    page = site.get("coordinator", f"/koordynator/zrodla/{site.feed_a}")
    assert page.status_code == 200
    assert page.text.count(f'href="/koordynator/zrodla/{site.feed_a}/przebiegi/') == 4
    assert "60 (97%) <strong>skok odrzuceń</strong>" in page.text
    assert site.get("coordinator", f"/koordynator/zrodla/{site.feed_a}?strona=2").status_code == 404
    assert site.get("coordinator", "/koordynator/zrodla/999999").status_code == 404


def test_a_runs_page_shows_each_reason_and_payload_escaped_folds_the_long_and_pages(
    site: Site,
) -> None:
    path = f"/koordynator/zrodla/{site.feed_a}/przebiegi/{site.run_a}"
    page = site.get("coordinator", path)
    assert page.status_code == 200
    text = page.text
    assert "<script>alert" not in text
    assert str(escape(f'"tytul": "{HOSTILE}"')) in text
    assert "tytuł zawiera znacznik &lt;b&gt;" in text
    assert "wiersz 70: nieznana kolumna &lt;xyz&gt;" in text  # the run's errors
    assert "Odrzucone pozycje: 60" in text
    hostile, long = text.split('<li class="rejection">')[1:3]
    assert "<details>" not in hostile and '<pre class="payload">{\n  &#34;cena&#34;: 100' in hostile
    assert "<details>" in long and "<summary>Pokaż dane, jak je podało źródło" in long
    assert "Pozycja bez identyfikatora" in long
    assert text.count('<li class="rejection">') == 50
    second = site.get("coordinator", f"{path}?strona=2")
    assert second.status_code == 200 and second.text.count('<li class="rejection">') == 10
    assert "brak daty rozpoczęcia 60" in second.text and 'start="51"' in second.text
    assert site.get("coordinator", f"{path}?strona=3").status_code == 404
    assert site.get("coordinator", f"{path}?strona=x").status_code == 404
    # a run is reached only through its own source
    other = f"/koordynator/zrodla/{site.feed_b}/przebiegi/{site.run_a}"
    assert site.get("coordinator", other).status_code == 404


def test_an_institution_sees_its_own_feeds_runs_and_nobody_elses(site: Site) -> None:
    feeds = site.get("member_a", "/panel/zrodla")
    assert f'href="/panel/zrodla/{site.feed_a}/przebiegi"' in feeds.text
    # its list of feeds says the alarm too, in words
    assert '<tr class="source-alarmed">' in feeds.text
    assert "Uwaga:</strong> skok odrzuceń: ostatni przebieg odrzucił 97%" in feeds.text
    feeds_b = site.get("member_b", "/panel/zrodla")
    assert "source-alarmed" not in feeds_b.text and "Uwaga:" not in feeds_b.text
    runs = site.get("member_a", f"/panel/zrodla/{site.feed_a}/przebiegi")
    assert runs.status_code == 200
    assert f'href="/panel/zrodla/{site.feed_a}/przebiegi/{site.run_a}"' in runs.text
    assert "skok odrzuceń" in runs.text
    run = site.get("member_a", f"/panel/zrodla/{site.feed_a}/przebiegi/{site.run_a}")
    assert run.status_code == 200 and "tytuł zawiera znacznik &lt;b&gt;" in run.text
    assert "<script>alert" not in run.text
    for path in (
        f"/panel/zrodla/{site.feed_b}/przebiegi",  # B's feed
        f"/panel/zrodla/{site.feed_b}/przebiegi/{site.run_b}",  # B's run
        f"/panel/zrodla/{site.feed_a}/przebiegi/{site.run_b}",  # B's run under A's feed
    ):
        assert site.get("member_a", path).status_code == 404, path
    assert site.get("member_b", f"/panel/zrodla/{site.feed_a}/przebiegi").status_code == 404
    assert site.get("coordinator", f"/panel/zrodla/{site.feed_a}/przebiegi").status_code == 403
    assert site.get("anonymous", f"/panel/zrodla/{site.feed_a}/przebiegi").status_code == 303


def test_lll_sources_says_what_the_coordinators_list_says(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", site.url)
    get_settings.cache_clear()  # read again, with this database (another test may have read)
    try:
        # A narrow terminal width: rows go whole to a file or a pipe all the same.
        result = CliRunner().invoke(lll, ["sources"], env={"COLUMNS": "80"})
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.output.splitlines() if line.strip()}
    with Session(site.engine) as db:
        a, b = (db.get(Source, feed) for feed in (site.feed_a, site.feed_b))
        assert a is not None and b is not None
    assert "skok odrzuceń 97% (zwykle 0%)" in lines[a.name]
    assert "skok" not in lines[b.name] and "za długo" not in lines[b.name]
