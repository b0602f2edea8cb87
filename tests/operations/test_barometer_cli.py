"""`lll barometer import FILE`: the example file is imported and said in numbers; a file with
other columns exits 1 naming them, storing nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select
from typer.testing import CliRunner

from catalogue.barometer import DATA_DIR
from catalogue.barometer_tables import BarometerForecast, BarometerImport
from catalogue.db import get_engine
from lll.cli import app
from lll.settings import get_settings


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'catalogue.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()  # read again, with this database
    yield url
    get_settings.cache_clear()


def test_lll_imports_the_barometer_and_refuses_other_columns(url: str, tmp_path: Path) -> None:
    example = DATA_DIR / "barometr" / "przyklad.csv"
    done = CliRunner().invoke(app, ["barometer", "import", str(example)])
    assert done.exit_code == 0, done.output
    assert "(2026): 18 wierszy zapisanych, 0 odrzuconych" in done.output
    wrong = tmp_path / "zly.csv"
    wrong.write_text("rok;powiat;zawód;prognoza;uwagi\n2026;żarski;spawacze;deficyt;\n")
    refused = CliRunner().invoke(app, ["barometer", "import", str(wrong)])
    assert refused.exit_code == 1
    assert "brak kolumn: „województwo”; nieoczekiwane kolumny: „uwagi”" in refused.output
    engine = get_engine(url)
    with Session(engine) as db:
        assert len(db.exec(select(BarometerForecast)).all()) == 18
        assert [i.via for i in db.exec(select(BarometerImport)).all()] == ["lll"]
    engine.dispose()
