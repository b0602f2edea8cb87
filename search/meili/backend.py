"""The Meilisearch backend: `SearchBackend` on one index of a Meilisearch server.

Writes wait for their task, so what `index()` returns from is searchable. `rebuild()` fills a
fresh index `{uid}_new_{time}` with the settings and every document, then swaps it with the
live one in one atomic task (`POST /swap-indexes`, docs: reference/api/indexes/swap-indexes)
and deletes the old one: searches see the old index or the new one, never half of one.
A search is translated by `search.meili.query` and read back by `search.meili.results`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

import httpx

from search.conditions import AnyOf, Within
from search.geo import keys_within
from search.interface import MAX_QUERY_LENGTH, Query, Results, Suggestion
from search.meili import results
from search.meili.client import MeiliClient, MeiliError
from search.meili.documents import POINT_KEYS, to_meili
from search.meili.filters import NOTHING, expression, quote
from search.meili.query import (
    Ask,
    Page,
    federated_body,
    multi_search_body,
    plan,
    search_body,
    sort_params,
)
from search.meili.settings import MAX_TOTAL_HITS, index_settings
from search.meili.suggest import suggest_body, suggestions
from search.meili.text import query_text
from search.query_checks import check_query
from search.query_text import AnalysedQuery, SynonymSpan, Unit, analyse_query

BATCH = 5_000  # documents per request (Meilisearch accepts 100 MB; an offer is ~2 kB)
NOT_FOUND = "index_not_found"
# A place named in the text narrows like a filter that no facet leaves out.
TEXT_PLACE = "text place"


class MeiliBackend:
    """`SearchBackend` on the Meilisearch index `uid` at `url`; `key` is sent as a Bearer token.

    `transport` replaces the network (tests pass an `httpx.MockTransport`).
    """

    def __init__(
        self,
        url: str,
        key: str | None = None,
        uid: str = "offers",
        *,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.uid = uid
        self.client = MeiliClient(url, key, transport=transport)
        self._ready = False  # the index exists and has our settings

    # -- writes ---------------------------------------------------------------------------

    def index(self, documents: Iterable[dict[str, Any]]) -> None:
        # Convert everything first: a bad document fails the call before anything is sent.
        latest = {doc["id"]: to_meili(doc) for doc in documents}
        if not latest:
            return
        self._ensure_index()
        self._add(self.uid, list(latest.values()))

    def delete(self, ids: Iterable[int]) -> None:
        unique = sorted({int(i) for i in ids})
        if not unique:
            return
        try:
            self.client.run("POST", f"/indexes/{self.uid}/documents/delete-batch", unique)
        except MeiliError as error:
            if error.code != NOT_FOUND:  # nothing indexed yet: nothing to delete
                raise

    def rebuild(self, documents: Iterable[dict[str, Any]]) -> None:
        latest = {doc["id"]: to_meili(doc) for doc in documents}  # a repeated id keeps its last
        fresh = f"{self.uid}_new_{time.time_ns()}"
        self._create(fresh)
        try:
            self.client.run("PATCH", f"/indexes/{fresh}/settings", index_settings())
            self._add(fresh, list(latest.values()))
            if not self._exists(self.uid):
                self._create(self.uid)  # the first rebuild swaps with an empty index
            self.client.run("POST", "/swap-indexes", [{"indexes": [self.uid, fresh]}])
            self._ready = True
        finally:
            # After the swap `fresh` names the old index; before it, the unfinished new one.
            self.client.run("DELETE", f"/indexes/{fresh}")

    def count(self) -> int:
        try:
            stats = self.client.request("GET", f"/indexes/{self.uid}/stats")
        except MeiliError as error:
            if error.code == NOT_FOUND:
                return 0
            raise
        return int(stats.get("numberOfDocuments") or 0)

    # -- search ---------------------------------------------------------------------------

    def search(self, query: Query) -> Results:
        started = time.perf_counter()
        checked = check_query(query)
        today, chosen, near, facets = (
            checked.today,
            checked.conditions,
            checked.near,
            checked.facets,
        )
        page, per_page = checked.page, checked.per_page
        analysed = analyse_query(query.text[:MAX_QUERY_LENGTH])
        terms = list(analysed.terms)
        if analysed.powiats:  # "informatyka zielona góra": offers held in that powiat
            chosen[TEXT_PLACE] = AnyOf("powiat", analysed.powiats)
        point = (near.lat, near.lon) if near is not None else None
        try:
            expressions = {name: expression(c, self._within) for name, c in chosen.items()}
            asks, where = plan(expressions, facets, today, self._within)
            paging = Page(page, per_page, sort_params(query.sort, point))
            answers = self._answers(analysed, asks, paging)
        except MeiliError as error:
            if error.code != NOT_FOUND:
                raise
            empty: dict[str, dict[str, int]] = {name: {} for name in facets}
            return Results([], 0, empty, page, per_page, _ms(started))
        main = answers[0]
        hits = results.hits(main, terms, query.sort == "relevance", point)
        counts = results.facet_counts(facets, answers, where)
        found = Results(hits, results.total(main), counts, page, per_page, _ms(started))
        found.places = [p.name for p in analysed.places]
        return found

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        text = text[:MAX_QUERY_LENGTH]
        body = suggest_body(self.uid, text, limit)
        if body is None:
            return []
        try:
            answer = self.client.request("POST", "/multi-search", body)
        except MeiliError as error:
            if error.code != NOT_FOUND:
                raise
            return []
        return suggestions(text, answer, limit)

    def _answers(self, analysed: AnalysedQuery, asks: list[Ask], paging: Page) -> list[Any]:
        """The answers to the asks, in order: every word required, else (several words, no
        offer with all of them) any word, as federated searches."""
        if (paging.number - 1) * paging.size >= MAX_TOTAL_HITS:  # Meilisearch pages no further
            paging = Page(1, 0, paging.sort)
        answers = self._ask(query_text(list(analysed.terms)), asks, paging)
        if results.total(answers[0]) or analysed.required <= 1:
            return answers
        words = unit_queries(analysed.units)
        bodies = [federated_body(self.uid, words, ask, paging) for ask in asks]
        return [self.client.request("POST", "/multi-search", body) for body in bodies]

    def _ask(self, q: str, asks: list[Ask], paging: Page) -> list[dict[str, Any]]:
        if len(asks) == 1:
            body = search_body(q, asks[0], paging)
            return [self.client.request("POST", f"/indexes/{self.uid}/search", body)]
        body = multi_search_body(self.uid, q, asks, paging)
        return list(self.client.request("POST", "/multi-search", body)["results"])

    def _within(self, condition: Within) -> str:
        """A distance condition, exactly (see `search.geo`): the indexed places within reach,
        read from the facet of point keys, as a list of keys."""
        body = {"q": "", "hitsPerPage": 0, "facets": [POINT_KEYS]}
        answer = self.client.request("POST", f"/indexes/{self.uid}/search", body)
        known = results.distribution(answer, POINT_KEYS)
        near = keys_within(known, condition.lat, condition.lon, condition.km)
        if not near:
            return NOTHING
        return f"{POINT_KEYS} IN [{', '.join(quote(key) for key in sorted(near))}]"

    # -- index management -------------------------------------------------------------------

    def _ensure_index(self) -> None:
        if self._ready:
            return
        if not self._exists(self.uid):
            self._create(self.uid)
        self.client.run("PATCH", f"/indexes/{self.uid}/settings", index_settings())
        self._ready = True

    def _exists(self, uid: str) -> bool:
        try:
            self.client.request("GET", f"/indexes/{uid}")
        except MeiliError as error:
            if error.code == NOT_FOUND:
                return False
            raise
        return True

    def _create(self, uid: str) -> None:
        try:
            self.client.run("POST", "/indexes", {"uid": uid, "primaryKey": "id"})
        except MeiliError as error:
            if error.code != "index_already_exists":  # another process was quicker
                raise

    def _add(self, uid: str, documents: list[dict[str, Any]]) -> None:
        # Enqueue every batch, then wait: Meilisearch may index several batches together.
        path = f"/indexes/{uid}/documents"
        tasks = [
            self.client.request("POST", path, documents[i : i + BATCH], primaryKey="id")
            for i in range(0, len(documents), BATCH)
        ]
        for task in tasks:
            self.client.wait(task)


def unit_queries(units: Iterable[Unit]) -> list[str]:
    """One `q` per word that counts, a synonym phrase as one (`prawo jazda`, for which
    Meilisearch's synonyms find "kat. B" too), as the embedded backend's units."""
    queries = []
    for unit in units:
        if isinstance(unit, SynonymSpan):
            queries.append(query_text(list(unit.terms)))
        elif not unit.stopword:
            queries.append(query_text([unit]))
    return list(dict.fromkeys(q for q in queries if q.strip()))


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
