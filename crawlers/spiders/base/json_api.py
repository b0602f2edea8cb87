"""Base spider for a paginated JSON API with a login that returns a bearer token."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from scrapy import Request
from scrapy.http import JsonRequest, Response
from twisted.python.failure import Failure
from w3lib.url import add_or_replace_parameter

from crawlers.items import CrawlError, RawEdition, RawOffer, Rejected
from crawlers.spiders.base.common import FieldSpec, SourceSpider, describe_failure, pick


@dataclass
class Listing:
    """One paged list being read: the main list, or the follow-up list of one record's item.

    A follow-up's item (`owner`) waits here until the list's last page has arrived.
    """

    url: str  # without the page parameter
    owner: RawOffer | None = None
    entries: list[Any] = field(default_factory=list)
    received: int = 0


@dataclass
class PageRef:
    """A page to request again once a login under way has brought a fresh token."""

    listing: Listing
    page: int


class JsonApiSpider(SourceSpider):
    """Reads a JSON API page by page, each page `{"strona", "wszystkieElementy", "lista", …}`.

    Set:
    - `start_urls`: one list endpoint with its fixed filters, e.g. `.../usluga?idWojewodztwa=4`;
    - `login_url`, `login`, `api_key` if the API needs a token (`None` login_url: no login);
    - `id_field` and `url_template` (`"...podglad?id={id}"`: the public page of a record);
    - `offer_fields` / `edition_fields`: RawOffer / RawEdition field -> FieldSpec (a dotted path,
      a tuple of paths joined with spaces, or a function of the record); `extras_fields`: paths
      copied into `extras` under their own names; `edition_defaults`, e.g. price_in_grosze.
    - `page_param`, `first_page`, `list_key`, `total_key` if the envelope differs.

    Override `parse_record(record)` (returning a RawOffer, a Rejected or None) for what the
    declarations cannot say; `login_body()` and `token_from(payload)` for another login shape.
    For a per-record list read through the same envelope (a schedule, say), override
    `follow_up_url(record, item)` and `with_follow_up(item, entries)`: the item is then yielded
    only once that list is read; when one of its pages fails, with a CrawlError and marked
    `incomplete` (stored if new, while a version stored earlier is kept as it was).

    Pages are read one after another, stopping when `total_key` records have arrived or a page
    is empty; an empty page before the total, or more than `max_pages`, is a CrawlError.
    A 401 logs in again once and repeats the page; a 401 right after that is an error. Pages
    that meet a 401 while a login is under way wait for its token. A page that cannot
    be fetched (even one robots.txt forbids) is a CrawlError: the run is then not complete.
    """

    login_url: str | None = None
    login: str | None = None
    api_key: str | None = None
    page_param = "strona"
    first_page = 1
    list_key = "lista"
    total_key = "wszystkieElementy"
    max_pages = 10_000  # a guard against an API that repeats its last page forever
    id_field = "id"
    url_template = ""
    offer_fields: dict[str, FieldSpec] = {}  # noqa: RUF012  (declarations, never mutated)
    edition_fields: dict[str, FieldSpec] = {}  # noqa: RUF012
    edition_defaults: dict[str, Any] = {}  # noqa: RUF012
    extras_fields: tuple[str, ...] = ()

    token: str | None = None
    _logins = 0  # logins completed: a request remembers which one its token came from
    _waiting: list[PageRef] | None = None  # not None while a login is under way

    async def start(self) -> AsyncIterator[Request]:
        listing = Listing(self.start_urls[0])
        if self.login_url:
            self._waiting = [PageRef(listing, self.first_page)]
            yield self.login_request()
        else:
            yield self.page_request(listing, self.first_page, relogged=False)

    # --- hooks ---------------------------------------------------------------------------

    def login_body(self) -> dict[str, Any]:
        return {"nazwaUzytkownika": self.login, "kluczAutoryzacyjny": self.api_key}

    def token_from(self, payload: Any) -> str | None:
        token = payload.get("token") if isinstance(payload, dict) else None
        return token if isinstance(token, str) and token else None

    def follow_up_url(self, record: dict[str, Any], item: RawOffer) -> str | None:
        """A list to read (page by page) before the record's item is yielded; None: no list."""
        return None

    def with_follow_up(self, item: RawOffer, entries: list[Any]) -> RawOffer:
        """The item with its follow-up list's entries (all pages, in order) kept."""
        return item

    # --- login ---------------------------------------------------------------------------

    def login_request(self) -> Request:
        return JsonRequest(
            str(self.login_url),
            data=self.login_body(),
            callback=self.after_login,
            errback=self.login_failed,
            dont_filter=True,
        )

    def after_login(self, response: Response) -> Iterator[Any]:
        try:
            self.token = self.token_from(json.loads(response.text))
        except ValueError:
            self.token = None
        if self.token is None:
            yield from self.release_waiting(f"logowanie bez tokenu w odpowiedzi: {response.url}")
            return
        self._logins += 1
        relogged = self._logins > 1
        waiting, self._waiting = self._waiting or [], None
        for ref in waiting:
            yield self.page_request(ref.listing, ref.page, relogged)

    def login_failed(self, failure: Failure) -> Iterator[Any]:
        yield from self.release_waiting(describe_failure(failure))

    def release_waiting(self, message: str) -> Iterator[Any]:
        """No token: every page waiting for one gives up (their follow-up items go out bare)."""
        waiting, self._waiting = self._waiting or [], None
        yield CrawlError(message)
        for ref in waiting:
            if ref.listing.owner is not None:
                yield ref.listing.owner

    def after_unauthorised(
        self, listing: Listing, page: int, relogged: bool, login_no: int, url: str
    ) -> Iterator[Any]:
        if relogged:
            yield from self.give_up(listing, f"HTTP 401 po ponownym zalogowaniu: {url}")
        elif login_no < self._logins:  # another page has already logged in again
            yield self.page_request(listing, page, relogged=True)
        elif self._waiting is not None:
            self._waiting.append(PageRef(listing, page))
        else:
            self._waiting = [PageRef(listing, page)]
            yield self.login_request()

    # --- pages ---------------------------------------------------------------------------

    def page_request(self, listing: Listing, page: int, relogged: bool) -> Request:
        url = add_or_replace_parameter(listing.url, self.page_param, str(page))
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return Request(
            url,
            headers=headers,
            callback=self.parse_page,
            errback=self.page_failed,
            cb_kwargs={"listing": listing, "page": page, "relogged": relogged},
            meta={
                "handle_httpstatus_list": [401] if self.login_url else [],
                "login_no": self._logins,
            },
            # Follow-ups first: their items are held until their lists are read.
            priority=1 if listing.owner is not None else 0,
            dont_filter=relogged,  # the same page again, with a fresh token
        )

    def page_failed(self, failure: Failure) -> Iterator[Any]:
        # Even a page robots.txt forbids is an error here: an API page left unread must not
        # let the run pass as complete (and withdraw what that page would have listed).
        yield CrawlError(describe_failure(failure))
        # Scrapy sets `request` on an errback's Failure; Twisted's type hints do not know it.
        owner = failure.request.cb_kwargs["listing"].owner  # type: ignore[attr-defined]
        if owner is not None:
            yield replace(owner, incomplete=True)

    def give_up(self, listing: Listing, message: str) -> Iterator[Any]:
        yield CrawlError(message)
        if listing.owner is not None:
            yield replace(listing.owner, incomplete=True)

    def parse_page(
        self, response: Response, listing: Listing, page: int, relogged: bool
    ) -> Iterator[Any]:
        if response.status == 401:
            login_no = response.meta.get("login_no", 0)
            yield from self.after_unauthorised(listing, page, relogged, login_no, response.url)
            return
        payload, problem = self.read_page(response)
        if problem is not None:
            yield from self.give_up(listing, problem)
            return
        records = payload[self.list_key]
        listing.received += len(records)
        if listing.owner is None:
            for record in records:
                yield from self.record_items(record)
        else:
            listing.entries.extend(records)
        total = payload.get(self.total_key)
        done = not records or (isinstance(total, int) and listing.received >= total)
        if not records and isinstance(total, int) and listing.received < total:
            # An empty page before the promised total is a fault, not the end of the list.
            yield from self.give_up(
                listing,
                f"pusta strona przed końcem listy ({listing.received} z {total}): {response.url}",
            )
        elif not done and page - self.first_page + 1 >= self.max_pages:
            yield from self.give_up(listing, f"przekroczono {self.max_pages} stron: {response.url}")
        elif not done:
            yield self.page_request(listing, page + 1, relogged=False)
        elif listing.owner is not None:
            yield from self.finish_follow_up(listing)

    def read_page(self, response: Response) -> tuple[dict[str, Any], str | None]:
        """The page's payload, or the reason it cannot be read."""
        try:
            payload = json.loads(response.text)
        except ValueError as exc:
            return {}, f"niepoprawny JSON ({exc}): {response.url}"
        if not isinstance(payload, dict) or not isinstance(payload.get(self.list_key), list):
            return {}, f"brak listy {self.list_key!r} w odpowiedzi: {response.url}"
        return payload, None

    def finish_follow_up(self, listing: Listing) -> Iterator[Any]:
        assert listing.owner is not None
        try:
            yield self.with_follow_up(listing.owner, listing.entries)
        except Exception as exc:  # a bad entry must not lose the offer
            yield CrawlError(f"nie można odczytać listy {listing.url}: {exc!r}")
            yield replace(listing.owner, incomplete=True)

    # --- records -------------------------------------------------------------------------

    def record_items(self, record: Any) -> Iterator[Any]:
        """The record's item, or the first page of its follow-up list (which yields the item)."""
        item = self.record_item(record)
        if item is None:
            return
        url = self.follow_up_url(record, item) if isinstance(item, RawOffer) else None
        if url is None:
            yield item
        else:
            assert isinstance(item, RawOffer)
            yield self.page_request(Listing(url, owner=item), self.first_page, relogged=False)

    def record_item(self, record: Any) -> RawOffer | Rejected | None:
        if not isinstance(record, dict):
            return self.reject("rekord nie jest obiektem JSON", record)
        try:
            item = self.parse_record(record)
        except Exception as exc:  # one odd record must not stop the crawl
            return self.reject(
                f"nie można odczytać rekordu: {exc!r}", record, record.get(self.id_field)
            )
        return self.checked(item, record)

    def parse_record(self, record: dict[str, Any]) -> RawOffer | Rejected | None:
        record_id = record.get(self.id_field)
        if record_id in (None, ""):
            return self.reject(f"rekord bez pola {self.id_field}", record)
        values = {name: pick(record, spec) for name, spec in self.offer_fields.items()}
        edition = {name: pick(record, spec) for name, spec in self.edition_fields.items()}
        extras = {path: pick(record, path) for path in self.extras_fields}
        return RawOffer(
            source=self.source_name,
            external_id=str(record_id),
            url=self.url_template.format(id=record_id),
            editions=[RawEdition(**self.edition_defaults, **edition)] if edition else [],
            extras={k: v for k, v in extras.items() if v not in (None, "", [])},
            **values,
        )
