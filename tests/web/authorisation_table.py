"""Who may do what to institution A's things: the table `test_authorisation.py` walks.

One row per route (and per kind of A's offer where the route takes one): the answer each of five
people gets — nobody signed in, a member of institution A, a member of institution B, an adviser
and the coordinator. Paths are the app's route paths; their parameters are filled with A's
objects: `{offer_id}` / `{external_id}` with A's offer in the row's state (`draft`, `review`,
`published`, `archived`; `crawled`: a crawled offer of a provider record linked to A),
`{token_id}`, `{upload_id}`, `{feed_id}` / `{source_id}` with A's own, `{institution_id}` with
an institution awaiting approval, `{account_id}` with an adviser's account awaiting it,
`{kind}` with `csv`; `{n}` (in a form or a body too) is the world's number. API paths
(`/api/v1/institution/...`) are called with A's or B's API token as `Authorization: Bearer`;
the adviser and the coordinator, who have none, send their session cookie, which the API does
not take.

Every route of the app under `PREFIXES` must have a row (a new route without one fails the
test), and every row must be a route. Another institution's object answers 404, never 403
(decision 0014: its existence is not told); a page asks the anonymous to sign in (303), the API
answers 401.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PREFIXES = ("/panel", "/koordynator", "/api/v1/institution", "/konto", "/doradca", "/skierowanie")
ACTORS = ("anonymous", "member_a", "member_b", "adviser", "coordinator")
OFFER_STATES = ("draft", "review", "published", "archived")

SEE = 200  # answered with the page or the data
GONE = 303  # redirected: to sign in (anonymous), or after a change (a form that worked)
UNAUTHENTICATED = 401
FORBIDDEN = 403
NOT_FOUND = 404
INVALID = 422


@dataclass(frozen=True)
class Row:
    method: str
    path: str
    # anonymous, member of A, member of B, adviser, coordinator
    expect: tuple[int, int, int, int, int]
    target: str = "published"  # the state of A's offer that fills {offer_id} / {external_id}
    form: dict[str, str] = field(default_factory=dict)  # sent with a POST (plus the CSRF token)
    json: dict[str, Any] | None = None  # sent as the body of an API write
    files: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (file, content)
    # A known hole, left for its owner to close: the row is expected to fail (strictly: once
    # the hole is closed, the row fails until this is emptied).
    gap: str = ""

    @property
    def route(self) -> str:
        """The route's path (the row's path without its query)."""
        return self.path.split("?", 1)[0]

    @property
    def name(self) -> str:
        offer = "{offer_id}" in self.path or "{external_id}" in self.path
        return f"{self.method} {self.path}" + (f" [{self.target}]" if offer else "")


def every_state(
    method: str, path: str, expect: dict[str, tuple[int, int, int, int, int]], **more: Any
) -> list[Row]:
    """One row per state of A's offer, each with its own answers."""
    return [Row(method, path, expect[state], target=state, **more) for state in OFFER_STATES]


# Anonymous, member A, member B, adviser, coordinator.
ONLY_MEMBERS_PAGE = (GONE, SEE, SEE, FORBIDDEN, FORBIDDEN)  # a member's own list or form
ONLY_A_PAGE = (GONE, SEE, NOT_FOUND, FORBIDDEN, FORBIDDEN)  # A's object, a page
ONLY_A_CHANGE = (UNAUTHENTICATED, GONE, NOT_FOUND, FORBIDDEN, FORBIDDEN)  # A's object, a form
COORDINATOR_PAGE = (GONE, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEE)
SIGNED_IN_PAGE = (GONE, SEE, SEE, SEE, SEE)  # anyone's own account
NOBODY_SEES = (NOT_FOUND,) * 5

# The public pages of A's offers: what is not published is nobody's to see there (the panel
# shows it to A and the moderation queue to the coordinator).
PUBLIC_OFFER: dict[str, tuple[int, int, int, int, int]] = {
    "draft": NOBODY_SEES,
    "review": NOBODY_SEES,
    "published": (SEE,) * 5,
    "archived": (SEE,) * 5,  # kept in the catalogue, out of search: the page says so
}

PUBLIC_ROWS: list[Row] = [
    Row("GET", path, PUBLIC_OFFER[state], target=state)
    for path in (
        "/oferty/{offer_id}",
        "/api/v1/offers/{offer_id}",
        "/api/v1/offers/{offer_id}/elm.jsonld",  # issue 14: the offer in ELM 3
    )
    for state in OFFER_STATES
]

# The write API: a token reaches only its own institution's offers. B's token writing A's
# external id writes B's own offer of that id (201), never A's.
API = "/api/v1/institution"
API_NOBODY = (UNAUTHENTICATED, UNAUTHENTICATED)  # no token; the adviser's or coordinator's cookie
API_OFFER_BODY: dict[str, Any] = {
    "title": "Kurs A poprawiony przez API",
    "url": "https://a.example.org/oferty/api",
    "kind": "kurs",
    "editions": [{"start": "2027-03-15", "town": "Nowa Sól", "price": "1200"}],
}
API_ROWS: list[Row] = [
    Row("GET", f"{API}/offers", (UNAUTHENTICATED, SEE, SEE, *API_NOBODY)),
    *every_state(
        "GET",
        f"{API}/offers/{{external_id}}",
        dict.fromkeys(OFFER_STATES, (UNAUTHENTICATED, SEE, NOT_FOUND, *API_NOBODY)),
    ),
    *every_state(
        "PUT",
        f"{API}/offers/{{external_id}}?draft=true",
        dict.fromkeys(OFFER_STATES, (UNAUTHENTICATED, SEE, 201, *API_NOBODY)),
        json=API_OFFER_BODY,
    ),
    Row(
        "POST",
        f"{API}/offers?draft=true",
        (UNAUTHENTICATED, 409, 201, *API_NOBODY),
        json={**API_OFFER_BODY, "external_id": "published-{n}"},  # A's published offer's id
    ),
    *every_state(
        "DELETE",
        f"{API}/offers/{{external_id}}",
        dict.fromkeys(OFFER_STATES, (UNAUTHENTICATED, SEE, NOT_FOUND, *API_NOBODY)),
    ),
]

# The panel's feeds (H5): A's feed is A's alone.
FEEDS = "/panel/zrodla"
FEED_ROWS: list[Row] = [
    Row("GET", FEEDS, ONLY_MEMBERS_PAGE),
    # Registering one: B registers its own; the address is a public one (no name to resolve).
    Row(
        "POST",
        FEEDS,
        (UNAUTHENTICATED, GONE, GONE, FORBIDDEN, FORBIDDEN),
        form={"url": "https://93.184.215.14/oferty-{n}.csv", "kind": "file", "every": "1d"},
    ),
    Row("GET", f"{FEEDS}/{{feed_id}}/usun", ONLY_A_PAGE),
    Row("POST", f"{FEEDS}/{{feed_id}}/usun", ONLY_A_CHANGE),
    Row("POST", f"{FEEDS}/{{feed_id}}/wlacz", ONLY_A_CHANGE),
    Row("POST", f"{FEEDS}/{{feed_id}}/wylacz", ONLY_A_CHANGE),
    # issue 14: sources watched (web/routes/panel_feed_runs.py, coordinator_sources.py): A's
    # feed's runs and a run with its rejected items are A's and the coordinator's alone.
    Row("GET", f"{FEEDS}/{{feed_id}}/przebiegi", ONLY_A_PAGE),
    Row("GET", f"{FEEDS}/{{feed_id}}/przebiegi/{{run_id}}", ONLY_A_PAGE),
    Row("GET", "/koordynator/zrodla", COORDINATOR_PAGE),
    Row("GET", "/koordynator/zrodla/{source_id}", COORDINATOR_PAGE),
    Row("GET", "/koordynator/zrodla/{source_id}/przebiegi/{run_id}", COORDINATOR_PAGE),
]

# The panel (H2): A's offers, their form and history, A's alone; B sees its own panel.
OFFER_FORM = {"id_oferty": "nowa-{n}", "tytul": "Kurs nowy", "url": "https://a.example.org/n",
              "action": "check"}  # fmt: skip
EDIT_FORM = {"tytul": "Kurs A poprawiony", "url": "https://a.example.org/p", "action": "check"}
PANEL_ROWS: list[Row] = [
    Row("GET", "/panel", ONLY_MEMBERS_PAGE),
    Row("GET", "/panel/oferty/nowa", ONLY_MEMBERS_PAGE),
    Row(
        "POST",
        "/panel/oferty/nowa",
        (UNAUTHENTICATED, SEE, SEE, FORBIDDEN, FORBIDDEN),
        form=OFFER_FORM,
    ),
    *every_state("GET", "/panel/oferty/{offer_id}", dict.fromkeys(OFFER_STATES, ONLY_A_PAGE)),
    *every_state(
        "POST",
        "/panel/oferty/{offer_id}",
        dict.fromkeys(OFFER_STATES, (UNAUTHENTICATED, SEE, NOT_FOUND, FORBIDDEN, FORBIDDEN)),
        form=EDIT_FORM,
    ),
    *every_state(
        "POST",
        "/panel/oferty/{offer_id}/archiwizuj",
        dict.fromkeys(OFFER_STATES, ONLY_A_CHANGE),
    ),
    *every_state(
        "POST",
        "/panel/oferty/{offer_id}/przywroc",
        dict.fromkeys(OFFER_STATES, ONLY_A_CHANGE),
    ),
]

# API tokens (H4): listed, made and revoked by their institution only.
TOKENS = "/panel/tokeny"
TOKEN_ROWS: list[Row] = [
    Row("GET", TOKENS, ONLY_MEMBERS_PAGE),
    Row(
        "POST",
        TOKENS,
        (UNAUTHENTICATED, SEE, SEE, FORBIDDEN, FORBIDDEN),
        form={"name": "Nowy program {n}"},
    ),
    Row("POST", f"{TOKENS}/{{token_id}}/uniewaznij", ONLY_A_CHANGE),
]

# Uploads (H3): A's file, its check, its problems and its publishing are A's alone.
UPLOADS = "/panel/import"
UPLOAD_ROWS: list[Row] = [
    Row("GET", UPLOADS, ONLY_MEMBERS_PAGE),
    Row(
        "POST",
        UPLOADS,
        (UNAUTHENTICATED, GONE, GONE, FORBIDDEN, FORBIDDEN),
        files={
            "plik": (
                "oferty-{n}.csv",
                "id_oferty;tytul;url\nplik-{n};Kurs;https://b.example.org/\n",
            )
        },
    ),
    Row("GET", f"{UPLOADS}/szablon.xlsx", ONLY_MEMBERS_PAGE),
    Row("GET", f"{UPLOADS}/{{upload_id}}", ONLY_A_PAGE),
    Row("GET", f"{UPLOADS}/{{upload_id}}/problemy.{{kind}}", ONLY_A_PAGE),
    Row("POST", f"{UPLOADS}/{{upload_id}}/publikuj", ONLY_A_CHANGE),
    Row("POST", f"{UPLOADS}/{{upload_id}}/odrzuc", ONLY_A_CHANGE),
]

# The coordinator (H1, H2): a pending institution's decision, the review queue.
COORDINATOR_CHANGE = (UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, GONE)
IN_REVIEW_ONLY = {
    state: COORDINATOR_CHANGE if state == "review" else (*COORDINATOR_CHANGE[:4], NOT_FOUND)
    for state in OFFER_STATES
}
COORDINATOR_ROWS: list[Row] = [
    Row("GET", "/koordynator/instytucje", COORDINATOR_PAGE),
    Row(
        "POST",
        "/koordynator/instytucje/{institution_id}",
        COORDINATOR_CHANGE,
        form={"decision": "approve"},
    ),
    # An adviser's request for an account (`{account_id}`: the world's, its address confirmed).
    Row("GET", "/koordynator/doradcy", COORDINATOR_PAGE),
    Row(
        "POST",
        "/koordynator/doradcy/{account_id}",
        COORDINATOR_CHANGE,
        form={"decision": "approve"},
    ),
    Row("GET", "/koordynator/oferty", COORDINATOR_PAGE),
    *every_state("POST", "/koordynator/oferty/{offer_id}/zatwierdz", IN_REVIEW_ONLY),
    *every_state(
        "POST",
        "/koordynator/oferty/{offer_id}/odeslij",
        IN_REVIEW_ONLY,
        form={"reason": "Proszę uzupełnić terminy."},
    ),
]

# A crawled offer of a provider record linked to A (`crawled`): A sees it in its panel's list,
# but nobody edits, archives or reviews it through the panel or the API. A's PUT or B's of its
# external id writes their own offer (201), and the crawled one stays as it was.
NOT_THROUGH_THE_PANEL = (GONE, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN)
NOT_CHANGED = (UNAUTHENTICATED, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN)
NOT_THROUGH_THE_API = (UNAUTHENTICATED, NOT_FOUND, NOT_FOUND, *API_NOBODY)
NOT_REVIEWED = (UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, NOT_FOUND)
CRAWLED_ROWS: list[Row] = [
    Row("GET", "/oferty/{offer_id}", (SEE,) * 5, target="crawled"),
    Row("GET", "/panel/oferty/{offer_id}", NOT_THROUGH_THE_PANEL, target="crawled"),
    Row("POST", "/panel/oferty/{offer_id}", NOT_CHANGED, target="crawled", form=EDIT_FORM),
    Row("POST", "/panel/oferty/{offer_id}/archiwizuj", NOT_CHANGED, target="crawled"),
    Row("POST", "/panel/oferty/{offer_id}/przywroc", NOT_CHANGED, target="crawled"),
    Row("GET", f"{API}/offers/{{external_id}}", NOT_THROUGH_THE_API, target="crawled"),
    Row("DELETE", f"{API}/offers/{{external_id}}", NOT_THROUGH_THE_API, target="crawled"),
    Row(
        "PUT",
        f"{API}/offers/{{external_id}}?draft=true",
        (UNAUTHENTICATED, 201, 201, *API_NOBODY),
        target="crawled",
        json=API_OFFER_BODY,
    ),
    Row("POST", "/koordynator/oferty/{offer_id}/zatwierdz", NOT_REVIEWED, target="crawled"),
    Row(
        "POST",
        "/koordynator/oferty/{offer_id}/odeslij",
        NOT_REVIEWED,
        target="crawled",
        form={"reason": "Proszę uzupełnić terminy."},
    ),
]

# One's own account (H1): anyone signed in.
ACCOUNT_ROWS: list[Row] = [
    Row("GET", "/konto", SIGNED_IN_PAGE),
    Row("POST", "/konto/wyloguj-wszedzie", (UNAUTHENTICATED, GONE, GONE, GONE, GONE)),
]

# A career adviser's client shortlists (issue 12): the adviser's own only. `{shortlist_id}` and
# `{item_id}` are the world's adviser's shortlist and its item (A's published offer); `{key}`
# is its referral's live read-only key (anyone with the link sees the copy). Another adviser's
# shortlist answers 404 (tests/web/test_adviser.py).
ADVISER_PAGE = (GONE, FORBIDDEN, FORBIDDEN, SEE, FORBIDDEN)
ADVISER_CHANGE = (UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, GONE, FORBIDDEN)
ADVISER_ROWS: list[Row] = [
    Row("GET", "/doradca", ADVISER_PAGE),
    Row("POST", "/doradca/listy", ADVISER_CHANGE, form={"label": "CAZ/{n}/2027"}),
    Row("GET", "/doradca/listy/{shortlist_id}", ADVISER_PAGE),
    Row("POST", "/doradca/listy/{shortlist_id}/usun", ADVISER_CHANGE),
    Row("GET", "/doradca/dodaj?oferta={offer_id}", ADVISER_PAGE),
    Row(
        "POST",
        "/doradca/dodaj",
        ADVISER_CHANGE,
        form={"shortlist": "{shortlist_id}", "offer": "{offer_id}"},
    ),
    Row("POST", "/doradca/pozycje/{item_id}", ADVISER_CHANGE, form={"action": "note", "note": "x"}),
    Row("POST", "/doradca/listy/{shortlist_id}/udostepnij", ADVISER_CHANGE),
    Row("GET", "/doradca/listy/{shortlist_id}/skierowanie", ADVISER_PAGE),
    Row("GET", "/doradca/listy/{shortlist_id}/skierowanie.pdf", ADVISER_PAGE),
    Row("GET", "/skierowanie/{key}", (SEE,) * 5),
    Row("GET", "/skierowanie/{key}.pdf", (SEE,) * 5),
    Row("GET", "/koordynator/wyniki-skierowan", COORDINATOR_PAGE),
    # issue 14: the region at a glance (web/routes/coordinator_region.py)
    Row("GET", "/koordynator/region", COORDINATOR_PAGE),
    Row("GET", "/koordynator/region/mapa", COORDINATOR_PAGE),
    *(
        Row("GET", f"/koordynator/region/{name}.csv", COORDINATOR_PAGE)
        for name in ("obszary", "dziedziny", "poziomy", "rodzaje", "formy", "ceny", "powiaty")
    ),
    Row("GET", "/koordynator/region/miesiace.csv", COORDINATOR_PAGE),
    Row("GET", "/koordynator/region/mapa.csv", COORDINATOR_PAGE),
    # issue 14: the barometer and the gaps per powiat (web/routes/coordinator_gaps.py); the
    # import answers with its result page (200), not a redirect
    Row("GET", "/koordynator/barometr", COORDINATOR_PAGE),
    Row(
        "POST",
        "/koordynator/barometr",
        (UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, FORBIDDEN, SEE),
        files={
            "plik": (
                "barometr-{n}.csv",
                "rok;województwo;powiat;zawód;prognoza\n2026;lubuskie;żarski;spawacze;deficyt\n",
            )
        },
    ),
    Row("GET", "/koordynator/luki", COORDINATOR_PAGE),
    Row("GET", "/koordynator/luki?powiat=0811", COORDINATOR_PAGE),
]

TABLE: list[Row] = [
    *PUBLIC_ROWS,
    *API_ROWS,
    *FEED_ROWS,
    *PANEL_ROWS,
    *TOKEN_ROWS,
    *UPLOAD_ROWS,
    *COORDINATOR_ROWS,
    *CRAWLED_ROWS,
    *ACCOUNT_ROWS,
    *ADVISER_ROWS,
]
