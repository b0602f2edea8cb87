"""The tables of the occupational barometer (Barometr zawodów) the coordinator imports.

One `BarometerForecast` per year, powiat and occupation: the barometer's forecast for that
occupation in that powiat, read as shortage, balance or surplus (`catalogue.barometer`), with
the barometer's own word kept beside it ("deficyt", "równowaga", "nadwyżka"). Each import of a
file is recorded in a `BarometerImport` (when, which file, how many rows were kept, rejected and
skipped); an import replaces every forecast of its year, in one transaction
(`operations.barometer`), so the forecasts of a year always come from one file.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from catalogue.models import utcnow

OCCUPATION_MAX = 200  # characters of the barometer's name of an occupation
LABEL_MAX = 40  # characters of the barometer's forecast word
FILENAME_MAX = 255


class BarometerImport(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    filename: str = Field(max_length=FILENAME_MAX)
    imported_at: datetime = Field(default_factory=utcnow)
    via: str = Field(max_length=10)  # "panel" or "lll"
    kept: int = 0  # rows stored
    rejected: int = 0  # malformed rows, each reported with its line
    skipped: int = 0  # rows of other voivodeships


class BarometerForecast(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("year", "powiat_teryt", "occupation", name="uq_barometer_forecast"),
    )

    id: int | None = Field(default=None, primary_key=True)
    import_id: int = Field(foreign_key="barometerimport.id", index=True, ondelete="CASCADE")
    year: int = Field(index=True)
    powiat_teryt: str = Field(max_length=4, index=True)  # "0861"
    occupation: str = Field(max_length=OCCUPATION_MAX)  # the barometer's name: "spawacze"
    forecast: str = Field(max_length=10)  # "shortage", "balance" or "surplus"
    label: str = Field(max_length=LABEL_MAX)  # the file's word: "deficyt", "duży deficyt"
