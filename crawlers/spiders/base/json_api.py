"""Base spider for a paginated JSON API with a login that returns a bearer token."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

from scrapy import Request
from scrapy.http import JsonRequest, Response
from w3lib.url import add_or_replace_parameter

from crawlers.items import CrawlError, RawEdition, RawOffer, Rejected
from crawlers.spiders.base.common import FieldSpec, SourceSpider, pick


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

    Pages are read one after another, stopping when `total_key` records have arrived or a page
    is empty. A 401 logs in again once and repeats the page; a second 401 is an error.
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
    _received = 0

    async def start(self) -> AsyncIterator[Request]:
        if self.login_url:
            yield self.login_request(self.first_page, relogged=False)
        else:
            yield self.page_request(self.first_page, relogged=False)

    def login_body(self) -> dict[str, Any]:
        return {"nazwaUzytkownika": self.login, "kluczAutoryzacyjny": self.api_key}

    def token_from(self, payload: Any) -> str | None:
        token = payload.get("token") if isinstance(payload, dict) else None
        return token if isinstance(token, str) and token else None

    def login_request(self, page: int, relogged: bool) -> Request:
        return JsonRequest(
            str(self.login_url),
            data=self.login_body(),
            callback=self.after_login,
            errback=self.on_request_error,
            cb_kwargs={"page": page, "relogged": relogged},
            dont_filter=True,
        )

    def after_login(self, response: Response, page: int, relogged: bool) -> Iterator[Any]:
        try:
            self.token = self.token_from(json.loads(response.text))
        except ValueError:
            self.token = None
        if self.token is None:
            yield CrawlError(f"logowanie bez tokenu w odpowiedzi: {response.url}")
            return
        yield self.page_request(page, relogged)

    def page_request(self, page: int, relogged: bool) -> Request:
        url = add_or_replace_parameter(self.start_urls[0], self.page_param, str(page))
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return Request(
            url,
            headers=headers,
            callback=self.parse_page,
            errback=self.on_request_error,
            cb_kwargs={"page": page, "relogged": relogged},
            meta={"handle_httpstatus_list": [401] if self.login_url else []},
            dont_filter=relogged,  # the same page again, with a fresh token
        )

    def parse_page(self, response: Response, page: int, relogged: bool) -> Iterator[Any]:
        if response.status == 401:
            if relogged:
                yield CrawlError(f"HTTP 401 po ponownym zalogowaniu: {response.url}")
            else:
                yield self.login_request(page, relogged=True)
            return
        try:
            payload = json.loads(response.text)
        except ValueError as exc:
            yield CrawlError(f"niepoprawny JSON ({exc}): {response.url}")
            return
        records = payload.get(self.list_key) if isinstance(payload, dict) else None
        if not isinstance(records, list):
            yield CrawlError(f"brak listy {self.list_key!r} w odpowiedzi: {response.url}")
            return
        for record in records:
            yield self.record_item(record)
        self._received += len(records)
        total = payload.get(self.total_key)
        done = not records or (isinstance(total, int) and self._received >= total)
        if not done and page - self.first_page + 1 < self.max_pages:
            yield self.page_request(page + 1, relogged=False)

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
