"""`lll`: crawl sources, rebuild the index, serve the site, or do all of it (`lll demo`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.engine import Engine

from catalogue.db import create_all, get_engine
from lll import cli_barometer, cli_users
from lll.settings import Settings, get_settings

if TYPE_CHECKING:  # imported where used: `lll --help` stays quick
    from crawlers.summary import RunSummary
    from operations.schedule import CrawlScheduler
    from operations.source_watch import WatchedSource

app = typer.Typer(
    help="Katalog kształcenia ustawicznego Lubuskiego / Lubuskie LLL catalogue.",
    no_args_is_help=True,
)
console = Console()
app.add_typer(cli_users.app, name="user")
app.add_typer(cli_barometer.app, name="barometer")


def _prepared(settings: Settings) -> Engine:
    engine = get_engine(settings.catalogue.database_url)
    create_all(engine)
    return engine


@app.command()
def crawl(
    sources: Annotated[list[str] | None, typer.Argument(help="Source names (all if none).")] = None,
    progress: Annotated[bool, typer.Option(help="Show live progress.")] = True,
) -> None:
    """Crawl sources into the catalogue and bring the index up to date."""
    from sqlalchemy.exc import SQLAlchemyError

    from catalogue.store import describe_database_error
    from crawlers.run import CatalogueUnwritable, CrawlFailed
    from operations.crawling import crawl_and_index

    try:
        outcome = crawl_and_index(get_settings(), sources or None, progress=progress)
    except CatalogueUnwritable as exc:  # the cause in one line, not a traceback per item
        typer.echo(str(exc), err=True)
        raise typer.Exit(code=1) from None
    except CrawlFailed as exc:  # its runs are recorded as failed
        typer.echo(f"Przeszukiwanie nie powiodło się: {exc}", err=True)
        raise typer.Exit(code=1) from None
    except SQLAlchemyError as exc:
        typer.echo(describe_database_error(exc), err=True)
        raise typer.Exit(code=1) from None
    _print_summaries(outcome.summaries)
    if outcome.failed:
        raise typer.Exit(code=1)


@app.command()
def reindex() -> None:
    """Rebuild the search index from the catalogue and swap it in atomically."""
    from operations.indexing import rebuild_index
    from search.backends import get_backend

    settings = get_settings()
    count = rebuild_index(_prepared(settings), get_backend(settings.search))
    console.print(f"Zindeksowano {count} ofert.")


@app.command()
def backup(
    file: Annotated[Path, typer.Argument(help="The backup file to write (replaced if present).")],
) -> None:
    """Back up the catalogue database into one file (SQLite's online backup, or pg_dump)."""
    from operations.backup import BackupError
    from operations.backup import backup as back_up

    try:
        offers = back_up(get_settings().catalogue.database_url, file)
    except BackupError as exc:
        typer.echo(f"Kopia zapasowa nie powiodła się: {exc}", err=True)
        raise typer.Exit(code=1) from None
    console.print(f"Zapisano kopię katalogu ({offers} ofert) w {file}.")


@app.command()
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by `lll backup`.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a catalogue that holds offers.")
    ] = False,
) -> None:
    """Replace the catalogue with a backup; then `lll reindex` rebuilds the index from it."""
    from operations.backup import BackupError
    from operations.backup import restore as restore_from

    try:
        offers = restore_from(get_settings().catalogue.database_url, file, force=force)
    except BackupError as exc:
        typer.echo(f"Odtworzenie nie powiodło się: {exc}", err=True)
        raise typer.Exit(code=1) from None
    console.print(f"Odtworzono katalog ({offers} ofert) z {file}.")
    console.print("Indeks wyszukiwania nie został zmieniony: przebuduj go, `lll reindex`.")


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
) -> None:
    """Serve the website and the API (they only read: the scheduler keeps the index in step)."""
    _serve(get_settings(), host, port)


def _serve(settings: Settings, host: str, port: int) -> None:
    from web.app import create_app
    from web.serving import serve

    _prepared(settings)
    settings = _with_secret_key(settings)
    console.print(f"Serwis działa na http://{host}:{port}")
    console.print(f"API: http://{host}:{port}/api/v1/offers, opis API: http://{host}:{port}/docs")
    workers = settings.web.web_workers
    # Several workers build the app from the environment, as these settings were.
    app = "lll.asgi:app" if workers > 1 else create_app(settings)
    serve(
        app, settings.web, host=host, port=port, workers=workers, factory=workers > 1,
        log_level="info",
    )  # fmt: skip


def _with_secret_key(settings: Settings) -> Settings:
    """SECRET_KEY is required where real data is served (SAMPLE_DATA=false); elsewhere one is
    made for this process and put in the environment, where its workers read the same."""
    import os
    import secrets

    if settings.accounts.secret_key:
        return settings
    if not settings.web.sample_data:
        typer.echo("Ustaw SECRET_KEY (np. `openssl rand -hex 32`): bez niego serwis nie rusza.",
                   err=True)  # fmt: skip
        raise typer.Exit(code=1)
    os.environ["SECRET_KEY"] = key = secrets.token_hex(32)
    return settings.model_copy(
        update={"accounts": settings.accounts.model_copy(update={"secret_key": key})}
    )


@contextmanager
def _demo_mail(settings: Settings, folder: Path | None = None) -> Iterator[Settings]:
    """Without SMTP_URL, e-mail goes to a local SMTP server that keeps it in var/mail."""
    import os

    from catalogue.settings import VAR_DIR
    from operations.mailbox import Mailbox

    if settings.accounts.smtp_url:
        yield settings
        return
    with Mailbox(folder or VAR_DIR / "mail") as mailbox:
        console.print(f"Poczta (SMTP {mailbox.smtp_url}) trafia do plików w {mailbox.folder}")
        os.environ["SMTP_URL"] = mailbox.smtp_url  # the workers send there too
        yield settings.model_copy(
            update={"accounts": settings.accounts.model_copy(update={"smtp_url": mailbox.smtp_url})}
        )


@app.command()
def demo(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
) -> None:
    """Crawl the bundled sample sources over HTTP, index them and serve the site, keeping the
    index in step and sending the search alerts that fall due while serving (what the
    scheduler does in production)."""
    from crawlers.registry import load_sources
    from operations.crawling import crawl_and_index
    from operations.indexing import IndexSyncer, rebuild_index
    from operations.samples import start_sample_sites
    from operations.search_alerts import AlertSender
    from search.backends import get_backend

    settings = get_settings()
    sources = load_sources(sample_sources=settings.crawlers.sample_sources)
    names = [s.name for s in sources if s.enabled and s.sample]
    # The sample sites stay up while the catalogue is served, so "Zobacz u źródła" links work.
    server = start_sample_sites()
    console.print(f"Przykładowe źródła działają na {server.base_url}")
    try:
        outcome = crawl_and_index(settings, names, progress=True, base_url=server.base_url)
        _print_summaries(outcome.summaries)
        engine, backend = _prepared(settings), get_backend(settings.search)
        console.print(f"Zindeksowano {rebuild_index(engine, backend)} ofert.")
        syncer = IndexSyncer(engine, backend).start()
        try:
            with _demo_mail(settings) as with_mail:
                # no scheduler here: the search alerts' mails are sent by a thread instead
                alerts = AlertSender(engine, backend, with_mail).start()
                try:
                    _serve(with_mail, host, port)
                finally:
                    alerts.stop()
        finally:
            syncer.stop()
    finally:
        server.stop()


@app.command()
def sources() -> None:
    """List the sources with their schedule, next run and last crawl run."""
    import contextlib

    from sqlalchemy.exc import SQLAlchemyError

    from catalogue.runs import fail_abandoned

    engine = _prepared(get_settings())
    with contextlib.suppress(SQLAlchemyError):  # a read-only catalogue can still be listed
        fail_abandoned(engine)  # runs a killed crawl left `running` are shown as failed
    _print_whole(_sources_table(engine))


WHOLE_WIDTH = 1_000  # characters a table's line may take when no terminal cuts it


def _print_whole(table: Table) -> None:
    """A table cut to the terminal's width where a person reads it, and whole where it goes to
    a file or a pipe (`lll sources | grep`): rich fits tables to 80 columns without a terminal."""
    if console.is_terminal:
        console.print(table)
    else:
        Console(width=WHOLE_WIDTH, soft_wrap=False).print(table)


def _sources_table(engine: Engine) -> Table:
    from sqlmodel import Session

    from catalogue.runs import last_runs
    from crawlers.registry import load_registry
    from operations.schedule_jobs import TIMEZONE, next_runs
    from operations.source_watch import watched_sources

    def local(moment) -> str:
        return moment.astimezone(TIMEZONE).strftime("%d.%m %H:%M") if moment else "—"

    registry = load_registry(engine=engine)  # the feeds institutions registered too
    runs, upcoming = last_runs(engine), next_runs(engine)
    with Session(engine) as session:  # the alarms of the coordinator's /koordynator/zrodla
        alarms = {watched.name: watched for watched in watched_sources(session, registry)}
    caption = "czas polski; nowe/zmienione/bez zmian/odrzucone/wycofane"
    table = Table(box=None, pad_edge=False, caption=caption)
    for header in ("źródło", "co", "następny", "ostatnio", "status", "n/zm/bz/o/w", "uwaga"):
        table.add_column(header, no_wrap=True)
    for source in registry.values():
        run = runs.get(source.name)
        counts = (run.new, run.updated, run.unchanged, run.rejected, run.withdrawn) if run else ()
        watched = alarms.get(source.name)
        table.add_row(
            source.name,
            source.schedule_text if source.enabled else "wyłączone",
            local(upcoming.get(source.name)) if source.enabled else "—",
            local(run.started_at if run else None),
            run.status if run else "—",
            "/".join(map(str, counts)) or "—",
            _alarm_text(watched),
        )
    return table


def _alarm_text(watched: WatchedSource | None) -> str:
    """What is wrong with a source, as the coordinator's list of sources says it."""
    said = []
    if watched and watched.stale:
        said.append("za długo bez udanego przebiegu")
    if watched and watched.jump:
        said.append(f"skok odrzuceń {watched.jump.share:.0%} (zwykle {watched.jump.usual:.0%})")
    return ", ".join(said)


@app.command()
def schedule(
    once: Annotated[
        bool, typer.Option("--once", help="Run the sources due now once, then exit (for cron).")
    ] = False,
    workers: Annotated[int, typer.Option(min=1, help="Crawls at the same time.")] = 4,
    limit: Annotated[str, typer.Option(help="Longest run of one source, e.g. 3h.")] = "3h",
) -> None:
    """Crawl each source on its schedule (`every` in sources.toml), index what changed and tidy
    up past editions daily, until Ctrl-C or SIGTERM."""
    from crawlers.registry import load_sources, parse_interval
    from operations.samples import start_sample_sites
    from operations.schedule import CrawlScheduler, ScheduleOptions

    try:
        run_limit = parse_interval(limit).total_seconds()
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--limit") from None
    _log_to_console()
    settings = get_settings()
    engine = _prepared(settings)
    server = None
    if any(
        s.enabled and s.sample
        for s in load_sources(sample_sources=settings.crawlers.sample_sources)
    ):
        # One sample server for every run keeps the sample offers' URLs stable.
        server = start_sample_sites()
        console.print(f"Przykładowe źródła działają na {server.base_url}")
    options = ScheduleOptions(
        base_url=server.base_url if server else None, run_limit=run_limit, workers=workers
    )
    try:
        scheduler = CrawlScheduler(settings, options)
        if once:
            due = scheduler.run_due()
            console.print(f"Wykonano: {', '.join(due) or 'nic nie było do zrobienia'}.")
        else:
            _run_until_stopped(scheduler, engine)
    finally:
        if server is not None:
            server.stop()


def _run_until_stopped(scheduler: CrawlScheduler, engine: Engine) -> None:
    import signal
    import threading

    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    scheduler.start()
    _print_whole(_sources_table(engine))
    console.print("Harmonogram działa; Ctrl-C kończy.")
    while not stop.wait(1.0):
        pass
    console.print("Zatrzymuję harmonogram; trwające przebiegi kończą się jako częściowe…")
    scheduler.shutdown()


def _log_to_console() -> None:
    import logging

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%Y-%m-%d %H:%M:%S"
    )
    for noisy in ("apscheduler", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _print_summaries(summaries: list[RunSummary]) -> None:
    table = Table(box=None)
    table.add_column("źródło", no_wrap=True)
    table.add_column("status", no_wrap=True)
    for header in ("widz.", "nowe", "zm.", "bez zm.", "odrz.", "wyc.", "s"):
        table.add_column(header, justify="right")
    for s in summaries:
        counts = (s.seen, s.new, s.updated, s.unchanged, s.rejected, s.withdrawn)
        table.add_row(s.source, s.status, *map(str, counts), f"{s.seconds:.1f}")
    console.print(table)


@app.command()
def normalise(
    file: Annotated[Path, typer.Argument(help="CSV (; or ,) or JSON lines with offers.")],
    output_format: Annotated[
        str, typer.Option("--format", help="csv or jsonl.", case_sensitive=False)
    ] = "csv",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output file.")] = None,
) -> None:
    """Normalise offers from a file and print each field with its evidence."""
    from catalogue.feeds.errors import FeedError
    from catalogue.normalise_file import normalise_records, write_records

    if output_format.lower() not in ("csv", "jsonl"):
        raise typer.BadParameter("csv albo jsonl", param_hint="--format")
    try:
        records, summary = normalise_records(file.read_bytes(), file.name)
    except (OSError, FeedError) as exc:
        typer.echo(f"Nie można odczytać {file}: {exc}", err=True)
        raise typer.Exit(code=1) from None
    text = write_records(records, output_format.lower())
    if output is None:
        typer.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
    typer.echo(str(summary), err=True)


if __name__ == "__main__":
    app()
