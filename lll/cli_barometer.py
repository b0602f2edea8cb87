"""`lll barometer import FILE`: the occupational barometer (Barometr zawodów) imported from the
file the office receives (CSV or XLSX, docs/barometer.md), as on /koordynator/barometr.

lll barometer import barometr-2026.xlsx
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from lll.settings import get_settings

app = typer.Typer(help="Barometr zawodów / Occupational barometer.", no_args_is_help=True)
SHOWN_REJECTIONS = 50


@app.command("import")
def import_file(
    path: Annotated[Path, typer.Argument(help="The barometer's file (CSV or XLSX).")],
) -> None:
    """Import the barometer's forecasts, replacing those of the year(s) the file holds."""
    from sqlmodel import Session

    from catalogue.barometer import BarometerFileError
    from catalogue.db import create_all, get_engine
    from operations.barometer import import_barometer

    try:
        data = path.read_bytes()
    except OSError as exc:
        typer.echo(f"Nie można odczytać pliku {path}: {exc.strerror}", err=True)
        raise typer.Exit(code=1) from None
    engine = get_engine(get_settings().catalogue.database_url)
    create_all(engine)
    with Session(engine) as db:
        try:
            result = import_barometer(db, data, path.name, via="lll")
        except BarometerFileError as exc:
            typer.echo(str(exc), err=True)
            raise typer.Exit(code=1) from None
    years = ", ".join(map(str, result.years))
    typer.echo(
        f"Zaimportowano barometr zawodów ({years}): {result.kept} wierszy zapisanych, "
        f"{len(result.rejected)} odrzuconych, {result.skipped} innych województw pominiętych; "
        f"zastąpiono {result.replaced} wcześniejszych."
    )
    for rejection in result.rejected[:SHOWN_REJECTIONS]:
        typer.echo(f"  wiersz {rejection.line}: {rejection.reason}")
    if len(result.rejected) > SHOWN_REJECTIONS:
        typer.echo(f"  … i {len(result.rejected) - SHOWN_REJECTIONS} kolejnych odrzuconych.")
