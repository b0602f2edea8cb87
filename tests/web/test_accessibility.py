"""Every page passes axe-core's WCAG 2.1 A and AA rules in a real Chromium, at a desktop's and a
phone's size, in Polish and in English.

The app here runs on a copy of the web tests' catalogue, to which the signed-in pages' people and
institution A's things are added (`test_authorisation.build_world`). The signed-in pages checked
are every page of the authorisation table someone may see, each as the first of A's member, the
coordinator and the adviser who sees it: a new route gets its axe check with its table row.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, BrowserContext, Page
from sqlalchemy.engine import Engine
from sqlmodel import Session

from catalogue.accounts import Account, EmailToken, Role
from catalogue.db import get_engine
from catalogue.search_alerts import SearchAlert
from operations.accounts import digest
from operations.mailbox import Mailbox
from tests.app_settings import app_settings
from tests.mail_support import settings_with_mail
from tests.postgres_support import Databases
from tests.web.authorisation_table import (
    ACTORS,
    FORBIDDEN,
    NOT_FOUND,
    ONLY_A_PAGE,
    ONLY_MEMBERS_PAGE,
    PREFIXES,
    SEE,
    TABLE,
    Row,
)
from tests.web.axe_support import (
    assert_fits_the_width,
    assert_keyboard_reaches_everything,
    assert_no_axe_violations,
)
from tests.web.test_authorisation import World, build_world, fill, routes
from tests.web.test_browser import CHROMIUM, base_url, browser  # noqa: F401
from tests.web.test_providers import institution_id
from tests.web.web_support import CKZIU_ZG, Catalogue
from web.app import create_app
from web.auth import SESSION_COOKIE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.pages_not_database,  # SQLite only (tests/conftest.py)
    # Polish, the site's language, at desktop and phone sizes; English at desktop size.
    pytest.mark.english_at_desktop_size,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed (make browser)"),
]

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}

# name -> path; `{mag}` (any sample key) is that offer's id, `{ckziu}` its provider's id.
PUBLIC_PAGES = {
    "search-empty": "/",
    "search-results": "/?q=kurs",
    "search-filtered": "/?q=kurs&kind=kkz&form=on_site&town=Zielona+G%C3%B3ra&radius=25",
    "search-nothing-found": "/?q=zzzyxq",
    "search-corrected-input": "/?q=kurs&page=abc&sort=nonsense",
    "search-second-page": "/?q=kurs&per_page=1&page=2",
    "search-chips": "/?q=kurs&funding=free&form=on_site&near=%C5%BBary&radius_km=50",
    "search-understood": "/?q=darmowe+kursy+budowlane+zdalnie",  # chips of understood words
    "search-some-words": "/?q=spawanie+aluminium",  # not every word matched (issue 13)
    "search-outside-place": "/?q=spawanie+%C5%BCary",  # the nearest outside the place
    "search-help": "/?q=murarz&form=online",  # nothing: drop a filter, related qualifications
    "search-help-nearest": "/?q=murarz&near=Zielona+G%C3%B3ra&radius_km=10",  # the nearest
    "offer": "/oferty/{mag}",
    "not-found": "/nie-ma-takiej-strony",
    "offer-not-found": "/oferty/999999",
    "robot": "/o-robocie",
    "qualifications": "/kwalifikacje?zawod=mechanik",
    "qualification": "/kwalifikacje/MEC.08",
    "funding": "/finansowanie",
    "funding-answered": "/finansowanie?oferta={mag}&sytuacja=working&pracodawca=tak&wiek=50_plus",
    "funding-incomplete": "/finansowanie?sytuacja=working",
    "compare": "/porownaj?o={mag}&o={mec08}&o={bud12}&o={eka07}&z=%C5%BBary",
    "compare-refused": "/porownaj?o={mag}",
    "provider": "/instytucje/{ckziu}",
    # A plan with items, and its share link: tests/web/test_plan_browser.py (both sizes).
    "plan-empty": "/plan",
    "alert-new": "/alerty/nowy?q=spawanie&kind=course",
    "alert-sent": "/alerty/wyslano",
    "reuse": "/dane",  # issue 14: exports, data dictionary and licence
}


# Pages for nobody signed in (registration, sign-in...): checked once their route exists.
ANONYMOUS_PAGES = [
    "/rejestracja",
    "/rejestracja/wyslano",
    "/rejestracja/doradca",
    "/potwierdz/{token}",
    "/logowanie",
    "/haslo",
    "/haslo/{token}",
]
# Who looks at a signed-in page: the first of these the table lets see it.
VIEWERS = ("member_a", "coordinator", "adviser", "member_b")


@dataclass
class Site:
    app: FastAPI
    engine: Engine


@pytest.fixture(scope="module")
def site(
    catalogue: Catalogue, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("a11y")
    database_url = databases.copy(catalogue.database_url, root)
    engine = get_engine(database_url)
    with Mailbox(root / "mail") as mailbox:
        base = app_settings(database_url, catalogue.index_dir, sample_data=True)
        yield Site(create_app(settings_with_mail(database_url, mailbox, base)), engine)
    engine.dispose()


@pytest.fixture(scope="module")
def app(site: Site) -> FastAPI:
    """The app `base_url` serves: this module's own, on its copy of the catalogue."""
    return site.app


@pytest.fixture(scope="module")
def world(site: Site) -> World:
    return build_world(site.engine)


def signed_in_pages() -> list[tuple[str, Row, int]]:
    """(viewer, row, status) for every page of the table someone signed in may see, and two
    refusals: another role's page (403), another institution's offer (404)."""
    pages = [
        ("adviser", Row("GET", "/panel", ONLY_MEMBERS_PAGE), FORBIDDEN),
        ("member_b", Row("GET", "/panel/oferty/{offer_id}", ONLY_A_PAGE, "draft"), NOT_FOUND),
    ]
    for row in TABLE:
        if row.method != "GET" or not row.path.startswith(PREFIXES):
            continue
        if row.path.startswith("/api/") or "." in row.path.rsplit("/", 1)[-1]:
            continue  # the API, and files to download
        seen = dict(zip(ACTORS, row.expect, strict=True))
        viewer = next((actor for actor in VIEWERS if seen[actor] == SEE), None)
        if viewer is not None:
            pages.append((viewer, row, SEE))
    return pages


SIGNED_IN = signed_in_pages()

# Pages whose data table is wider than a phone and makes the whole page scroll sideways: the
# table belongs in its own scrolling region (<div class="table-scroll" role="region"
# aria-labelledby="…" tabindex="0">, as on the offer page). Reported; the check tolerates them
# until then.
WIDE_TABLES: dict[str, str] = {}  # route -> a table known to overflow a phone (none now)


def fits(page: Page, route: str, where: str) -> None:
    """The page fits a phone's width, or it is one of the WIDE_TABLES (then: expected to fail)."""
    try:
        assert_fits_the_width(page, where)
    except AssertionError:
        if route in WIDE_TABLES:
            pytest.xfail(f"{route}: {WIDE_TABLES[route]} is not in a scrolling region yet")
        raise


def browser_as(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    world: World,
    viewer: str,
    viewport: str,
) -> BrowserContext:
    """A browser of the viewport's size, signed in as `viewer` (unless "anonymous")."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="pl-PL")  # type: ignore[arg-type]
    if viewer != "anonymous":
        session = world.cookies[viewer][SESSION_COOKIE]
        context.add_cookies([{"name": SESSION_COOKIE, "value": session, "url": base_url}])
    return context


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=list(VIEWPORTS))
def page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:  # noqa: F811
    viewport = VIEWPORTS[request.param]
    opened = browser.new_page(viewport=viewport, locale="pl-PL")  # type: ignore[arg-type]
    yield opened
    opened.close()


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("name", list(PUBLIC_PAGES))
def test_a_public_page_has_no_axe_violations(
    page: Page,
    base_url: str,  # noqa: F811
    catalogue: Catalogue,
    name: str,
    lang: str,
) -> None:
    ckziu = institution_id(catalogue.database_url, CKZIU_ZG)
    path = PUBLIC_PAGES[name].format(**catalogue.ids, ckziu=ckziu)
    if lang == "en":
        path += ("&" if "?" in path else "?") + "lang=en"
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.lang") == lang
    assert_no_axe_violations(page, f"{name} ({path})")
    if page.viewport_size and page.viewport_size["width"] == VIEWPORTS["phone"]["width"]:
        assert_fits_the_width(page, path)


def test_the_search_page_with_its_suggestions_open_has_no_axe_violations(
    page: Page,
    base_url: str,  # noqa: F811
) -> None:
    page.goto(base_url + "/")
    box = page.get_by_role("combobox", name="Czego chcesz się nauczyć?")
    box.press_sequentially("spaw", delay=20)
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    page.keyboard.press("ArrowDown")
    assert_no_axe_violations(page, "search page with suggestions open")


BROKEN = {
    "axe": (
        '<input id="unlabelled" type="text">',
        assert_no_axe_violations,
        "label (critical) #unlabelled",
    ),
    "keyboard": (
        '<div inert><a id="unreachable" href="/o-robocie">robot</a></div>',
        assert_keyboard_reaches_everything,
        "not reached by Tab: a#unreachable robot",
    ),
}


@pytest.mark.parametrize("broken", list(BROKEN))
def test_the_checks_fail_on_a_page_that_breaks_a_rule(
    page: Page,
    base_url: str,  # noqa: F811
    broken: str,
) -> None:
    """Each check can fail: an input without a label, a link Tab never reaches."""
    html, check, said = BROKEN[broken]
    page.goto(base_url + "/")
    page.evaluate(
        "html => document.querySelector('main').insertAdjacentHTML('beforeend', html)", html
    )
    with pytest.raises(AssertionError) as failure:
        check(page)
    assert said in str(failure.value)


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(
    ("viewer", "row", "status"),
    SIGNED_IN,
    ids=[f"{viewer} {row.name} {status}" for viewer, row, status in SIGNED_IN],
)
def test_a_signed_in_page_has_no_axe_violations(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    world: World,
    viewport: str,
    viewer: str,
    row: Row,
    status: int,
    lang: str,
) -> None:
    context = browser_as(browser, base_url, world, viewer, viewport)
    page = context.new_page()
    path = fill(row.path, world, row)
    path += ("&" if "?" in path else "?") + f"lang={lang}"
    answer = page.goto(base_url + path)
    assert answer is not None and answer.status == status, (
        f"{viewer} {path}: {answer and answer.status}"
    )
    assert_no_axe_violations(page, f"{path} as {viewer} ({viewport})")
    if viewport == "phone":
        fits(page, row.route, f"{path} as {viewer}")
    context.close()


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_a_page_for_nobody_signed_in_has_no_axe_violations(
    page: Page,
    base_url: str,  # noqa: F811
    site: Site,
    path: str,
) -> None:
    assert ("GET", path) in routes(site.app), f"{path} is listed but not served"
    for lang in ("pl", "en"):
        page.goto(f"{base_url}{path.format(token='niewazny-link')}?lang={lang}")
        assert_no_axe_violations(page, f"{path} ({lang})")


@pytest.mark.parametrize("word", ["potwierdz", "wypisz"])
def test_an_alert_s_link_page_has_no_axe_violations(
    page: Page,
    base_url: str,  # noqa: F811
    site: Site,
    word: str,
) -> None:
    """The pages a search alert's mail links to (confirm, unsubscribe), with a real link."""
    token = secrets.token_urlsafe(32)
    with Session(site.engine) as db:
        db.add(SearchAlert(email=f"{word}.{token[:8]}@example.org", search="q=spawanie&kind=course",
                           confirm_hash=digest(token), unsubscribe_hash=digest(token)))  # fmt: skip
        db.commit()
    for lang in ("pl", "en"):
        answer = page.goto(f"{base_url}/alerty/{word}/{token}?lang={lang}")
        assert answer is not None and answer.status == 200
        assert_no_axe_violations(page, f"/alerty/{word}/… ({lang})")
        if page.viewport_size and page.viewport_size["width"] == VIEWPORTS["phone"]["width"]:
            assert_fits_the_width(page, f"/alerty/{word}/…")


def test_the_address_confirmation_page_has_no_axe_violations(
    page: Page,
    base_url: str,  # noqa: F811
    site: Site,
) -> None:
    """The page an account's confirmation link opens, with a real link: one button."""
    token = secrets.token_urlsafe(32)
    with Session(site.engine) as db:
        account = Account(email=f"nowy.{token[:8]}@example.org", password_hash="-",
                          role=Role.coordinator)  # fmt: skip
        db.add(account)
        db.flush()
        assert account.id is not None
        expires = datetime.now(UTC) + timedelta(days=1)
        db.add(EmailToken(token_hash=digest(token), account_id=account.id, purpose="confirm",
                          expires_at=expires))  # fmt: skip
        db.commit()
    for lang in ("pl", "en"):
        answer = page.goto(f"{base_url}/potwierdz/{token}?lang={lang}")
        assert answer is not None and answer.status == 200
        assert page.locator("form[action^='/potwierdz/'] button").count() == 1
        assert_no_axe_violations(page, f"/potwierdz/… ({lang})")
        if page.viewport_size and page.viewport_size["width"] == VIEWPORTS["phone"]["width"]:
            assert_fits_the_width(page, "/potwierdz/…")


@dataclass(frozen=True)
class Submission:
    """A form sent from a page, and what to type first: the answer shows errors or results."""

    viewer: str  # "anonymous" or an actor of the world
    path: str  # `{published}` / `{review}`: A's offer in that state
    button: str  # CSS of the submit button pressed
    shows: str  # CSS of what the answer must show: the errors, the result
    fill: tuple[tuple[str, str], ...] = ()  # (CSS of a field, what to type)
    file: tuple[str, str, str] | None = None  # (CSS of a file field, file name, content)

    @property
    def name(self) -> str:
        typed = " typed" if self.fill else (f" {self.file[2][:12]!r}" if self.file else "")
        return f"{self.viewer} {self.path} {self.button}{typed}"


INVALID = "[aria-invalid=true]"
SUBMISSIONS = [
    Submission("anonymous", "/rejestracja", "form[action*='/rejestracja'] [type=submit]", INVALID),
    Submission(
        "anonymous",
        "/logowanie",
        "form[action*='/logowanie'] [type=submit]",
        "#signin-problem",
        (("[name=email]", "nikt@example.org"), ("[name=password]", "złe hasło do konta")),
    ),
    Submission(
        "anonymous",
        "/haslo",
        "form[action*='/haslo'] [type=submit]",
        "main [role=status], main .notice",
        (("[name=email]", "nikt@example.org"),),
    ),
    Submission("member_a", "/panel/oferty/nowa", "button[value=check]", INVALID),
    Submission(
        "member_a",
        "/panel/oferty/nowa",
        "button[value=check]",
        "button[value=submit]",
        (
            ("[name=id_oferty]", "kurs-axe"),
            ("[name=tytul]", "Kurs spawania MAG"),
            ("[name=url]", "https://a.example.org/mag"),
            ("[name=e0-miejscowosc]", "Nowa Sól"),
            ("[name=e0-data_rozpoczecia]", "2031-03-01"),
        ),
    ),
    Submission(
        "member_a", "/panel/oferty/{published}", "button[value=more]", "[name=e3-miejscowosc]"
    ),
    Submission("member_a", "/panel/zrodla", "form[action$='/panel/zrodla'] [type=submit]", INVALID),
    Submission("member_a", "/panel/tokeny", "form[action$='/panel/tokeny'] [type=submit]", INVALID),
    Submission(
        "member_a",
        "/panel/tokeny",
        "form[action$='/panel/tokeny'] [type=submit]",
        "#token-created",
        (("[name=name]", "Program do testów dostępności"),),
    ),
    Submission(
        "member_a",
        "/panel/import",
        "form[action$='/panel/import'] [type=submit]",
        "table.upload-problems",
        file=("#upload-file", "oferty.csv", "id_oferty,tytul,url\nX-1,Kurs,nie-adres\n"),
    ),
    Submission(
        "member_a",
        "/panel/import",
        "form[action$='/panel/import'] [type=submit]",
        "[role=alert]",
        file=("#upload-file", "oferty.csv", "to nie jest plik z ofertami"),
    ),
    Submission(
        "anonymous",
        "/alerty/nowy",
        "form[action*='/alerty'] [type=submit]",
        INVALID,
        (("[name=email]", "nie-adres"),),
    ),
    Submission("coordinator", "/koordynator/instytucje", "button[value=refuse]", INVALID),
    Submission(
        "anonymous",
        "/rejestracja/doradca",
        "form[action*='/rejestracja/doradca'] [type=submit]",
        INVALID,
    ),
    Submission("coordinator", "/koordynator/doradcy", "button[value=refuse]", INVALID),
    Submission(
        "coordinator", "/koordynator/oferty", "form[action$='/odeslij'] [type=submit]", INVALID
    ),
    # issue 14: the barometer's import refusing a file with other columns (its result page with
    # rejected rows: tests/web/test_barometer_browser.py, both sizes)
    Submission(
        "coordinator",
        "/koordynator/barometr",
        "form[action$='/koordynator/barometr'] [type=submit]",
        "[role=alert]",
        file=("#barometer-file", "barometr.csv", "rok;powiat;zawód;ocena\n2026;żarski;x;y\n"),
    ),
]


@pytest.mark.parametrize("submission", SUBMISSIONS, ids=[s.name for s in SUBMISSIONS])
def test_a_form_answered_with_its_errors_or_results_has_no_axe_violations(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    site: Site,
    world: World,
    viewport: str,
    submission: Submission,
) -> None:
    route = submission.path.split("{")[0].rstrip("/") or submission.path
    assert any(path.startswith(route) for _, path in routes(site.app)), submission.path
    context = browser_as(browser, base_url, world, submission.viewer, viewport)
    page = context.new_page()
    offers = {state: offer.id for state, offer in world.offers.items()}
    page.goto(base_url + submission.path.format(**offers))
    for field, text in submission.fill:
        page.locator(field).first.fill(text)
    if submission.file:
        field, name, content = submission.file
        upload = {"name": name, "mimeType": "text/csv", "buffer": content.encode()}
        page.locator(field).set_input_files(files=[upload])
    with page.expect_navigation():
        page.locator(submission.button).first.click()
    assert page.locator(submission.shows).count() > 0, f"{submission.name}: no {submission.shows}"
    assert_no_axe_violations(page, f"{submission.name} ({viewport})")
    if viewport == "phone":
        fits(page, submission.path, submission.name)
    context.close()


# Public pages and every page someone signed in sees (an offer's page once, as published).
KEYBOARD_PAGES = [
    ("anonymous", Row("GET", "/?q=kurs", (SEE,) * 5)),
    ("anonymous", Row("GET", "/oferty/{offer_id}", (SEE,) * 5)),
    ("anonymous", Row("GET", "/rejestracja", (SEE,) * 5)),
    ("anonymous", Row("GET", "/logowanie", (SEE,) * 5)),
    *[
        (viewer, row)
        for viewer, row, status in SIGNED_IN
        if status == SEE and row.target == "published"
    ],
]


@pytest.mark.parametrize(
    ("viewer", "row"),
    KEYBOARD_PAGES,
    ids=[f"{viewer} {row.path}" for viewer, row in KEYBOARD_PAGES],
)
def test_the_keyboard_reaches_everything_on_a_page(
    browser: Browser,  # noqa: F811
    base_url: str,  # noqa: F811
    world: World,
    viewer: str,
    row: Row,
) -> None:
    context = browser_as(browser, base_url, world, viewer, "desktop")
    page = context.new_page()
    path = fill(row.path, world, row)
    page.goto(base_url + path)
    assert_keyboard_reaches_everything(page, f"{path} as {viewer}")
    context.close()
