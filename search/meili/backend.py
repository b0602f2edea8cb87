"""The Meilisearch backend: `SearchBackend` on one index of a Meilisearch server.

It talks through the official client (`meilisearch`), which sends the requests, the key and
the task polls; `search.meili.errors` turns its errors into `SearchUnavailable`.
Writes wait for their task, so what `index()` returns from is searchable. `rebuild()` fills a
fresh index `{uid}_new_{time}` with the settings and every document, then swaps it with the
live one in one atomic task (`POST /swap-indexes`, docs: reference/api/indexes/swap-indexes)
and deletes the old one: searches see the old index or the new one, never half of one.
A search is translated by `search.meili.query` and read back by `search.meili.results`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from meilisearch import Client
from meilisearch.errors import MeilisearchApiError
from meilisearch.models.task import TaskInfo

from search.conditions import AnyOf, Within
from search.filters import conditions
from search.geo import keys_within
from search.interface import MAX_QUERY_LENGTH, IndexVersion, Query, Results, Suggestion
from search.meili import results
from search.meili.documents import POINT_KEYS, to_meili
from search.meili.errors import MeiliError, finished, translated
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
from search.query_terms import QueryTerm
from search.query_text import AnalysedQuery, SynonymSpan, Unit, analyse_query
from search.relaxing import FULL, relaxed_results, words_relaxed
from search.understanding import merged_filters

BATCH = 5_000  # documents per request (Meilisearch accepts 100 MB; an offer is ~2 kB)
NOT_FOUND = "index_not_found"
# Searches answer in milliseconds; a request still unanswered after this is a server in trouble.
REQUEST_TIMEOUT = 10  # seconds (the client takes whole seconds)
TASK_TIMEOUT = 300.0  # seconds a write may take (indexing 100 000 offers takes about a minute)
# A place named in the text narrows like a filter that no facet leaves out.
TEXT_PLACE = "text place"


class MeiliBackend:
    """`SearchBackend` on the Meilisearch index `uid` at `url`, with the API key `key`.

    `timeout` bounds each request (seconds), `task_timeout` each write's wait for its task.
    """

    def __init__(
        self,
        url: str,
        key: str | None = None,
        uid: str = "offers",
        *,
        timeout: int = REQUEST_TIMEOUT,
        task_timeout: float = TASK_TIMEOUT,
    ) -> None:
        self.uid = uid
        # The client joins `url + "/" + path`: a trailing slash would double it.
        self.client = Client(url.rstrip("/"), key, timeout=timeout)
        self.task_timeout = task_timeout
        self._ready = False  # the index exists and has our settings

    # -- writes ---------------------------------------------------------------------------

    @translated
    def index(self, documents: Iterable[dict[str, Any]]) -> None:
        # Convert everything first: a bad document fails the call before anything is sent.
        latest = {doc["id"]: to_meili(doc) for doc in documents}
        if not latest:
            return
        self._ensure_index()
        self._add(self.uid, list(latest.values()))

    @translated
    def delete(self, ids: Iterable[int]) -> None:
        unique = sorted({int(i) for i in ids})
        if not unique:
            return
        # By filter (`id` is filterable): the client deprecates deleting by a list of ids.
        where = f"id IN [{', '.join(str(i) for i in unique)}]"
        try:
            self._wait(self.client.index(self.uid).delete_documents(filter=where))
        except MeiliError as error:
            if error.code != NOT_FOUND:  # nothing indexed yet: nothing to delete
                raise

    @translated
    def rebuild(self, documents: Iterable[dict[str, Any]]) -> None:
        latest = {doc["id"]: to_meili(doc) for doc in documents}  # a repeated id keeps its last
        fresh = f"{self.uid}_new_{time.time_ns()}"
        self._create(fresh)
        try:
            self._wait(self.client.index(fresh).update_settings(index_settings()))
            self._add(fresh, list(latest.values()))
            if not self._exists(self.uid):
                self._create(self.uid)  # the first rebuild swaps with an empty index
            self._wait(self.client.swap_indexes([{"indexes": [self.uid, fresh]}]))
            self._ready = True
        finally:
            # After the swap `fresh` names the old index; before it, the unfinished new one.
            self._wait(self.client.delete_index(fresh))

    @translated
    def count(self) -> int:
        try:
            stats = self.client.index(self.uid).get_stats()
        except MeilisearchApiError as error:
            if error.code == NOT_FOUND:
                return 0
            raise
        return stats.number_of_documents

    @translated
    def version(self) -> IndexVersion:
        try:
            index = self.client.get_raw_index(self.uid)
        except MeilisearchApiError as error:
            if error.code == NOT_FOUND:
                return IndexVersion(tag="empty")
            raise
        # The index's uid changes with no rebuild (a swap keeps it): its creation and last
        # update together tell a swapped-in index and every write apart.
        created, updated = str(index.get("createdAt", "")), str(index.get("updatedAt", ""))
        return IndexVersion(tag=f"{created}/{updated}", committed_at=_moment(updated))

    # -- search ---------------------------------------------------------------------------

    @translated
    def search(self, query: Query) -> Results:
        started = time.perf_counter()
        found = relaxed_results(self._strict, query, self._strict(query))
        found.took_ms = _ms(started)
        return found

    def _strict(self, query: Query, need: str = FULL) -> Results:
        """The query's answer without relaxing its place or help (`search.relaxing`); always
        whole, whatever `need` says is enough."""
        started = time.perf_counter()
        checked = check_query(query)
        today, chosen, near, facets = (
            checked.today,
            checked.conditions,
            checked.near,
            checked.facets,
        )
        page, per_page = checked.page, checked.per_page
        analysed = analyse_query(query.text[:MAX_QUERY_LENGTH], query.literal)
        # The filters the words mean ("darmowe": free), where the person chose none of theirs.
        understood = merged_filters(query.filters, analysed.reading.filters)
        for name, condition in conditions(understood, today).items():
            chosen.setdefault(name, condition)
        terms = list(analysed.terms)
        if analysed.powiats:  # "informatyka zielona góra": offers held in that powiat
            chosen[TEXT_PLACE] = AnyOf("powiat", analysed.powiats)
        point = (near.lat, near.lon) if near is not None else None
        try:
            expressions = {name: expression(c, self._within) for name, c in chosen.items()}
            asks, where = plan(expressions, facets, today, self._within)
            paging = Page(page, per_page, sort_params(query.sort, point))
            answers, partial = self._answers(analysed, asks, paging)
        except MeilisearchApiError as error:
            if error.code != NOT_FOUND:
                raise
            empty: dict[str, dict[str, int]] = {name: {} for name in facets}
            return Results([], 0, empty, page, per_page, _ms(started))
        main = answers[0]
        hits = results.hits(main, terms, query.sort == "relevance", point)
        counts = results.facet_counts(facets, answers, where)
        found = Results(hits, results.total(main), counts, page, per_page, _ms(started))
        found.places = [p.name for p in analysed.places]
        found.understood = analysed.reading.understood(query.filters)
        if partial and found.total:
            found.matched_all_words, found.relaxed = False, [words_relaxed(analysed)]
        return found

    @translated
    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        text = text[:MAX_QUERY_LENGTH]
        body = suggest_body(self.uid, text, limit)
        if body is None:
            return []
        try:
            answer = self.client.multi_search(body["queries"])
        except MeilisearchApiError as error:
            if error.code != NOT_FOUND:
                raise
            return []
        return suggestions(text, answer, limit)

    def _answers(
        self, analysed: AnalysedQuery, asks: list[Ask], paging: Page
    ) -> tuple[list[Any], bool]:
        """The answers to the asks, in order: every word required, else (several words, no
        offer with all of them) any word that counts, as federated searches; and whether
        they are the latter."""
        if (paging.number - 1) * paging.size >= MAX_TOTAL_HITS:  # Meilisearch pages no further
            paging = Page(1, 0, paging.sort)
        answers = self._ask(query_text(list(analysed.terms)), asks, paging)
        if results.total(answers[0]) or analysed.required <= 1:
            return answers, False
        words = unit_queries(analysed.units)
        if len(words) < 2:  # one query: the strict one again ("prawo jazda b")
            return answers, False
        bodies = [federated_body(self.uid, words, ask, paging) for ask in asks]
        return [self.client.multi_search(b["queries"], b["federation"]) for b in bodies], True

    def _ask(self, q: str, asks: list[Ask], paging: Page) -> list[dict[str, Any]]:
        if len(asks) == 1:
            body = search_body(q, asks[0], paging)
            return [self.client.index(self.uid).search(q, body)]
        body = multi_search_body(self.uid, q, asks, paging)
        return list(self.client.multi_search(body["queries"])["results"])

    def _within(self, condition: Within) -> str:
        """A distance condition, exactly (see `search.geo`): the indexed places within reach,
        read from the facet of point keys, as a list of keys."""
        answer = self.client.index(self.uid).search("", {"hitsPerPage": 0, "facets": [POINT_KEYS]})
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
        self._wait(self.client.index(self.uid).update_settings(index_settings()))
        self._ready = True

    def _exists(self, uid: str) -> bool:
        try:
            self.client.get_raw_index(uid)
        except MeilisearchApiError as error:
            if error.code == NOT_FOUND:
                return False
            raise
        return True

    def _create(self, uid: str) -> None:
        try:
            self._wait(self.client.create_index(uid, {"primaryKey": "id"}))
        except MeiliError as error:
            if error.code != "index_already_exists":  # another process was quicker
                raise

    def _add(self, uid: str, documents: list[dict[str, Any]]) -> None:
        # Enqueue every batch, then wait: Meilisearch may index several batches together.
        index = self.client.index(uid)
        tasks = [
            index.add_documents(documents[i : i + BATCH], primary_key="id")
            for i in range(0, len(documents), BATCH)
        ]
        for task in tasks:
            self._wait(task)

    def _wait(self, task: TaskInfo) -> None:
        finished(self.client, task, self.task_timeout)


def unit_queries(units: Iterable[Unit]) -> list[str]:
    """One `q` per word that counts, a synonym phrase as one (`prawo jazda`, for which
    Meilisearch's synonyms find "kat. B" too), as the embedded backend's units. A licence
    category is in every one of them, never dropped (`prawo jazda b`); none without another
    word."""
    units = list(units)
    categories = [u for u in units if isinstance(u, QueryTerm) and u.category]
    queries = []
    for unit in units:
        if isinstance(unit, SynonymSpan):
            queries.append(query_text([*unit.terms, *categories]))
        elif not (unit.optional or unit.category):
            queries.append(query_text([unit, *categories]))
    return list(dict.fromkeys(q for q in queries if q.strip()))


def _moment(text: str) -> datetime | None:
    """An RFC 3339 time of Meilisearch ("2026-12-08T00:10:50.123456789Z") in UTC, or None."""
    head, _, fraction = text.rstrip("Z").partition(".")
    try:
        moment = datetime.fromisoformat(head)
    except ValueError:
        return None
    micro = int((fraction + "000000")[:6]) if fraction.isdigit() else 0
    return moment.replace(microsecond=micro, tzinfo=UTC)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)
