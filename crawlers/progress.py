"""A live table of running crawls (rich): items per outcome and elapsed time, per source."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.live import Live
from rich.table import Table

# Short labels: the table must fit an 80-column terminal. ("Seen" is their sum.)
COLUMNS = (
    ("new", "nowe"),
    ("updated", "zmien."),
    ("unchanged", "bez zm."),
    ("rejected", "odrz."),
)
STATUS = {"success": "ok", "partial": "niepełny", "failed": "błąd"}


class ProgressDisplay:
    """`with ProgressDisplay(sources, enabled=True) as d: d.update(source=..., counts=...)`;
    does nothing when not enabled."""

    def __init__(self, sources: list[str], enabled: bool, console: Console | None = None) -> None:
        self.enabled = enabled
        self.rows: dict[str, dict[str, Any]] = {
            s: {"status": "czeka", "counts": {}} for s in sources
        }
        self._live = Live(self._table(), console=console, refresh_per_second=4) if enabled else None

    def __enter__(self) -> ProgressDisplay:
        if self._live is not None:
            self._live.__enter__()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        if self._live is not None:
            self._live.update(self._table())
            self._live.__exit__(*exc_info)

    def update(
        self,
        source: str,
        counts: dict[str, int],
        elapsed: float,
        status: str = "trwa",
    ) -> None:
        self.rows[source] = {"status": status, "counts": counts, "elapsed": elapsed}
        if self._live is not None:
            self._live.update(self._table())

    def _table(self) -> Table:
        table = Table(title="Pobieranie ofert", box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("źródło", no_wrap=True, min_width=max(map(len, self.rows), default=6))
        table.add_column("stan", no_wrap=True, min_width=8)
        for _, label in COLUMNS:
            table.add_column(label, justify="right")
        table.add_column("czas", justify="right")
        for source, row in self.rows.items():
            counts = row["counts"]
            elapsed = row.get("elapsed")
            table.add_row(
                source,
                STATUS.get(row["status"], row["status"]),
                *(str(counts.get(key, 0)) for key, _ in COLUMNS),
                f"{elapsed:.1f}s" if elapsed is not None else "",
            )
        return table
