"""Alembic environment: migrations run on the engine handed over by `catalogue.db`."""

from alembic import context
from sqlmodel import SQLModel, create_engine

import catalogue.accounts  # (registers the account tables too)
import catalogue.barometer_tables  # (the occupational barometer)
import catalogue.changes  # (the log of changes re-users mirror)
import catalogue.models  # (registers the tables on SQLModel.metadata)
import catalogue.plans  # (the plan tables)
import catalogue.shortlists  # noqa: F401  (advisers' shortlists)

config = context.config
target_metadata = SQLModel.metadata


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Leave APScheduler's job table (migration 0003) out of autogenerate's comparison."""
    return not (type_ == "table" and name == "apscheduler_jobs")


def run_migrations() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        url = config.get_main_option("sqlalchemy.url")
        if url is None:
            raise RuntimeError("migrations need catalogue.db's engine or a sqlalchemy.url")
        engine = create_engine(url)
    with engine.begin() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_object,
        )
        context.run_migrations()


run_migrations()
