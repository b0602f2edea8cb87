"""Base spider for a public register's JSON list API (ZRK, RIS, RSPO).

Three paging styles are declarations of one mechanism:

- DRF (ZRK): `paging = "offset"`, `page_param = "offset"`, `size_param = "limit"`,
  `list_key = "results"`, `next_key = "next"`;
- a bare JSON array (RSPO): `paging = "page"`, `page_param = "page"`, `size_param = "pageSize"`,
  `list_key = ""`, `next_key = ""` (the list ends at a short or empty page);
- a JSON:API-like envelope (RIS): `paging = "page"`, `page_param = "page[number]"`,
  `size_param = "page[size]"`, `list_key = "data"`, `next_key = "links.next"`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

from scrapy import Request
from scrapy.http import Response
from w3lib.http import basic_auth_header
from w3lib.url import add_or_replace_parameters

from crawlers.items import CrawlError, RawOffer, Rejected
from crawlers.spiders.base.common import SourceSpider, dig

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass
class Walk:
    """One list read page by page: the main list, or the sub-list of one record."""

    url: str  # the list URL with its fixed filters, without paging parameters
    parent: dict[str, Any] | None = None  # the record whose sub-list this is
    gathered: list[Any] = field(default_factory=list)  # a sub-list's records so far
    pages: int = 0


class RegisterApiSpider(SourceSpider):
    """Reads a register's JSON list API page by page and turns each record into items.

    Set:
    - `start_urls` (registry): list endpoints with the region's filters, e.g.
      `.../api/placowki/?wojewodztwo_kod_teryt=08`;
    - `fixed_params`: the spider's own filters, added where the start URL lacks them; a tuple
      value means one list per value (RSPO's institution types);
    - `paging` ("page" numbers pages from `first_page`; "offset" counts records from 0),
      `page_param`, `size_param`, `page_size`, `list_key`, `next_key` (see the module docstring).
      A next link only says that more pages exist: the next request is built from our own URL,
      so a proxy's `http://` link or another host never leads the crawl astray;
    - `max_pages`: a guard per list; reaching it with more pages left is a `CrawlError`;
    - `login`, `password`: HTTP Basic credentials (the registry fills them from env vars), sent
      only over HTTPS (or to this machine, for tests);
    - `url_template`: the public page of a record, e.g. `"...k?id_kw={id}"`; `id_field`.

    Override:
    - `skip_reason(record)`: why a record is not wanted (counted in the crawl stats), or None;
    - `detail_url(record)` / `sublist_url(record)`: a JSON document, or a list paged like the
      main one, to read for the record before it can become items (None: nothing to read);
    - `parse_record(record, extra)`: yields RawOffer / Rejected; `extra` is the detail document,
      the sub-list's records, or None. An exception rejects the record with its payload.

    A page that cannot be fetched, is not JSON or lacks its list is a `CrawlError`: the run is
    then not complete and withdraws nothing.
    """

    paging = "page"
    page_param = "page"
    size_param = "pageSize"
    page_size = 100
    first_page = 1
    list_key = ""
    next_key = ""
    fixed_params: dict[str, str | tuple[str, ...]] = {}  # noqa: RUF012  (never mutated)
    max_pages = 1000
    login: str | None = None
    password: str | None = None
    url_template = ""
    id_field = "id"

    async def start(self) -> AsyncIterator[Request | CrawlError]:
        for url in self.start_urls:
            if self.login and not secure(url):
                # RSPO's own spec names an http:// server; Basic auth there is a password in clear.
                yield CrawlError(f"dane logowania wysyłamy tylko przez HTTPS: {url}")
                continue
            for list_url in self.list_urls(url):
                yield self.page_request(Walk(list_url), self.first_position())

    # --- hooks ------------------------------------------------------------------------------

    def skip_reason(self, record: dict[str, Any]) -> str | None:
        return None

    def detail_url(self, record: dict[str, Any]) -> str | None:
        return None

    def sublist_url(self, record: dict[str, Any]) -> str | None:
        return None

    def parse_record(self, record: dict[str, Any], extra: Any) -> Iterable[RawOffer | Rejected]:
        raise NotImplementedError

    # --- helpers for spiders ----------------------------------------------------------------

    def endpoint(self, path: str) -> str:
        """A URL relative to the first start URL: `endpoint("41001/")`."""
        return urljoin(self.start_urls[0], path)

    def count(self, reason: str) -> None:
        """Count a record left out on purpose (not an error, not a rejection)."""
        if getattr(self, "crawler", None) is not None:
            self.crawler.stats.inc_value(f"{self.name}/skipped/{reason}")

    def record_id(self, record: Any) -> Any:
        return dig(record, self.id_field) if isinstance(record, dict) else None

    def unreadable(self, exc: Exception, payload: Any, record: Any) -> Rejected:
        return self.reject(f"nie można odczytać rekordu: {exc!r}", payload, self.record_id(record))

    # --- lists ------------------------------------------------------------------------------

    def list_urls(self, url: str) -> list[str]:
        present = {name for name, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
        params = {k: v for k, v in self.fixed_params.items() if k not in present}
        choices = [v if isinstance(v, tuple) else (v,) for v in params.values()]
        return [
            add_or_replace_parameters(url, dict(zip(params, combo, strict=True)))
            for combo in itertools.product(*choices)
        ]

    def first_position(self) -> int:
        return 0 if self.paging == "offset" else self.first_page

    def api_request(self, url: str, callback: Any, **cb_kwargs: Any) -> Request:
        headers = {"Accept": "application/json"}
        if self.login:
            headers["Authorization"] = basic_auth_header(self.login, self.password or "").decode()
        return Request(
            url, headers=headers, callback=callback, errback=self.on_request_error,
            cb_kwargs=cb_kwargs,
        )  # fmt: skip

    def page_request(self, walk: Walk, position: int) -> Request:
        paging = {self.page_param: str(position), self.size_param: str(self.page_size)}
        url = add_or_replace_parameters(walk.url, paging)
        return self.api_request(url, self.parse_page, walk=walk, position=position)

    def parse_page(self, response: Response, walk: Walk, position: int) -> Iterator[Any]:
        page = read_json(response)
        if isinstance(page, CrawlError):
            yield page
            return
        records = dig(page, self.list_key) if self.list_key else page
        if not isinstance(records, list):
            yield CrawlError(
                f"brak listy {self.list_key or 'rekordów'!r} w odpowiedzi: {response.url}"
            )
            return
        walk.pages += 1
        if walk.parent is None:
            for record in records:
                yield from self.start_record(record)
        else:
            walk.gathered.extend(records)
        if self.has_more(page, records):
            if walk.pages >= self.max_pages:
                yield CrawlError(f"przerwano listę po {walk.pages} stronach: {response.url}")
                return
            step = len(records) if self.paging == "offset" else 1
            yield self.page_request(walk, position + step)
        elif walk.parent is not None:
            yield from self.finish_record(walk.parent, walk.gathered)

    def has_more(self, page: Any, records: list[Any]) -> bool:
        if not records:
            return False
        if self.next_key:
            return bool(dig(page, self.next_key))
        return len(records) >= self.page_size

    # --- records ----------------------------------------------------------------------------

    def start_record(self, record: Any) -> Iterator[Any]:
        if not isinstance(record, dict):
            yield self.reject("rekord nie jest obiektem JSON", record)
            return
        try:
            reason = self.skip_reason(record)
            detail = None if reason else self.detail_url(record)
            sublist = None if reason or detail else self.sublist_url(record)
        except Exception as exc:  # one odd record must not stop the crawl
            yield self.reject(
                f"nie można odczytać rekordu: {exc!r}", record, self.record_id(record)
            )
            return
        if reason:
            self.count(reason)
        elif detail:
            yield self.api_request(detail, self.parse_detail, record=record)
        elif sublist:
            yield self.page_request(Walk(sublist, parent=record), self.first_position())
        else:
            yield from self.finish_record(record, None)

    def parse_detail(self, response: Response, record: dict[str, Any]) -> Iterator[Any]:
        detail = read_json(response)
        if isinstance(detail, CrawlError):
            yield detail
            return
        yield from self.finish_record(record, detail)

    def finish_record(self, record: dict[str, Any], extra: Any) -> Iterator[Any]:
        payload = record if extra is None else {"rekord": record, "szczegoly": extra}
        try:
            items = list(self.parse_record(record, extra))
        except Exception as exc:  # one odd record must not stop the crawl
            yield self.reject(
                f"nie można odczytać rekordu: {exc!r}", payload, self.record_id(record)
            )
            return
        for item in items:
            checked = self.checked(item, payload)
            if checked is not None:
                yield checked


def secure(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" or parts.hostname in LOCAL_HOSTS


def read_json(response: Response) -> Any:
    """The response's JSON, or a CrawlError saying why it is not JSON."""
    try:
        return json.loads(response.body)
    except ValueError as exc:  # UnicodeDecodeError included
        return CrawlError(f"niepoprawny JSON ({exc}): {response.url}")
