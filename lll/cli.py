"""`lll`: crawl sources, rebuild the index, serve the site, or do all of it (`lll demo`)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from catalogue.db import create_all, get_engine
from catalogue.settings import Settings, get_settings

app = typer.Typer(
    help="Katalog kształcenia ustawicznego Lubuskiego / Lubuskie LLL catalogue.",
    no_args_is_help=True,
)
console = Console()


def _prepared(settings: Settings):
    engine = get_engine(settings.database_url)
    create_all(engine)
    return engine


@app.command()
def crawl(
    sources: Annotated[list[str] | None, typer.Argument(help="Source names (all if none).")] = None,
    progress: Annotated[bool, typer.Option(help="Show live progress.")] = True,
) -> None:
    """Crawl sources into the catalogue and bring the index up to date."""
    summaries = _crawl_and_sync(sources or None, progress=progress)
    if any(s.status == "failed" for s in summaries):
        raise typer.Exit(code=1)


def _crawl_and_sync(names: list[str] | None, progress: bool, base_url: str | None = None):
    from crawlers.run import crawl as run_crawl
    from search.backends import get_backend
    from search.sync import drain_outbox

    settings = get_settings()
    engine = _prepared(settings)
    summaries = run_crawl(names, settings.database_url, base_url=base_url, progress=progress)
    backend = get_backend(settings)
    while drain_outbox(engine, backend):
        pass
    _print_summaries(summaries)
    return summaries


@app.command()
def reindex() -> None:
    """Rebuild the search index from the catalogue and swap it in atomically."""
    from search.backends import get_backend
    from search.sync import reindex as rebuild

    settings = get_settings()
    count = rebuild(_prepared(settings), get_backend(settings))
    console.print(f"Zindeksowano {count} ofert.")


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
) -> None:
    """Serve the website and the API."""
    import uvicorn

    from web.app import create_app

    settings = get_settings()
    _prepared(settings)
    console.print(f"Serwis działa na http://{host}:{port}")
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


@app.command()
def demo(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
) -> None:
    """Crawl the bundled sample sources over HTTP, index them and serve the site."""
    from crawlers.registry import load_sources
    from crawlers.run import start_sample_server

    names = [s.name for s in load_sources() if s.enabled and s.sample]
    # The sample sites stay up while the catalogue is served, so "Zobacz u źródła" links work.
    server = start_sample_server()
    console.print(f"Przykładowe źródła działają na {server.base_url}")
    try:
        _crawl_and_sync(names, progress=True, base_url=server.base_url)
        reindex()
        serve(host=host, port=port)
    finally:
        server.stop()


@app.command()
def sources() -> None:
    """List the sources with their last crawl run."""
    from catalogue.runs import last_runs
    from crawlers.registry import load_sources

    runs = last_runs(_prepared(get_settings()))
    table = Table(box=None)
    table.add_column("źródło", no_wrap=True)
    for header in ("wł.", "ostatnio (UTC)", "status", "n/zm/bz/o"):
        table.add_column(header, no_wrap=True)
    for source in load_sources():
        run = runs.get(source.name)
        when = run.started_at.strftime("%Y-%m-%d %H:%M") if run else "—"
        counts = f"{run.new}/{run.updated}/{run.unchanged}/{run.rejected}" if run else "—"
        table.add_row(
            source.name,
            "tak" if source.enabled else "nie",
            when,
            run.status if run else "—",
            counts,
        )
    console.print(table)


def _print_summaries(summaries) -> None:
    table = Table(box=None)
    table.add_column("źródło", no_wrap=True)
    table.add_column("status", no_wrap=True)
    for header in ("widz.", "nowe", "zm.", "bez zm.", "odrz.", "wyc.", "s"):
        table.add_column(header, justify="right")
    for s in summaries:
        counts = (s.seen, s.new, s.updated, s.unchanged, s.rejected, s.withdrawn)
        table.add_row(s.source, s.status, *map(str, counts), f"{s.seconds:.1f}")
    console.print(table)


if __name__ == "__main__":
    app()
