"""The official client's errors and failed tasks as the backend's errors (`SearchUnavailable`).

The `meilisearch` client raises `MeilisearchApiError` for an error answer (with Meilisearch's
error `code`), `MeilisearchCommunicationError` when the server cannot be reached and
`MeilisearchTimeoutError` when it does not answer in time. Every write is a task: the client
returns once it is enqueued, and `wait_for_task` returns it once it has `succeeded`, `failed`
or been `canceled` (docs: reference/api/tasks). What the web sees of all this is one
`SearchUnavailable`, as from the embedded backend.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from meilisearch import Client
from meilisearch.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchTimeoutError,
)
from meilisearch.models.task import Task, TaskInfo

from search.interface import SearchUnavailable

P = ParamSpec("P")
R = TypeVar("R")


class MeiliError(SearchUnavailable):
    """Meilisearch answered with an error or failed a task; `code` is its error code
    (`index_not_found` …), `status` the HTTP status of a refused request (0 for a task)."""

    def __init__(self, message: str, code: str = "", status: int = 0) -> None:
        super().__init__(message)
        self.code, self.status = code, status


def translated(method: Callable[P, R]) -> Callable[P, R]:
    """`method` raising only `SearchUnavailable` (or `MeiliError`) for the client's errors."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except MeilisearchApiError as error:
            raise refused(error) from error
        except MeilisearchTimeoutError as error:
            message = f"Meilisearch did not answer in time: {error.message}"
            raise SearchUnavailable(message) from error
        except MeilisearchCommunicationError as error:
            raise SearchUnavailable(f"Meilisearch is unreachable: {error.message}") from error

    return call


def refused(error: MeilisearchApiError) -> MeiliError:
    return MeiliError(
        f"Meilisearch refused a request ({error.status_code}): {error.message}",
        code=error.code or "",
        status=error.status_code,
    )


def finished(client: Client, enqueued: TaskInfo, timeout: float) -> Task:
    """The task once it has succeeded; `MeiliError` if it failed or was canceled,
    `SearchUnavailable` if it is still waiting or processing after `timeout` seconds."""
    try:
        task = client.wait_for_task(enqueued.task_uid, timeout_in_ms=int(timeout * 1000))
    except MeilisearchTimeoutError as error:
        raise SearchUnavailable(
            f"Meilisearch task {enqueued.task_uid} ({enqueued.type}) did not finish within "
            f"{timeout:g} s"
        ) from error
    if task.status != "succeeded":
        failure = task.error or {}
        message = failure.get("message") or f"task {task.uid} was {task.status}"
        raise MeiliError(
            f"Meilisearch task {task.uid} ({task.type}) {task.status}: {message}",
            code=failure.get("code") or task.status,
        )
    return task
