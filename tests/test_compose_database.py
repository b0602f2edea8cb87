"""compose.yaml's PostgreSQL is the one the tests run on: same dialect and driver, installed by
the extra its services install."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from sqlalchemy.engine import make_url

from tests.postgres_support import DRIVER

ROOT = Path(__file__).resolve().parent.parent


def compose_services() -> dict[str, dict]:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))["services"]


def extras() -> dict[str, list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {
        name: [Requirement(line) for line in lines]
        for name, lines in project["optional-dependencies"].items()
    }


def database_urls() -> dict[str, str]:
    """DATABASE_URL of each service that has one, with `${VARIABLE}` filled in."""
    return {
        name: re.sub(r"\$\{[^}]*\}", "secret", service["environment"]["DATABASE_URL"])
        for name, service in compose_services().items()
        if "DATABASE_URL" in service.get("environment", {})
    }


def test_every_compose_service_reaches_the_database_through_the_tested_driver():
    urls = database_urls()
    assert set(urls) == {"web", "scheduler"}
    for url in urls.values():
        assert make_url(url).drivername == DRIVER


def test_the_services_image_installs_the_locked_extra_that_provides_that_driver():
    driver_module = make_url(f"{DRIVER}://").get_dialect().import_dbapi().__name__
    providing = {r.name for r in extras()["postgres"]}
    assert driver_module in providing
    for name in database_urls():
        assert compose_services()[name]["build"] == "."  # the Dockerfile
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "-r requirements/production.txt" in dockerfile
    production = (ROOT / "requirements" / "production.txt").read_text(encoding="utf-8")
    for requirement in extras()["postgres"]:
        pinned = re.search(rf"^{requirement.name}==(\S+)", production, re.MULTILINE)
        assert pinned and requirement.specifier.contains(pinned.group(1)), requirement
        for extra in requirement.extras:  # psycopg[binary] is psycopg-binary
            assert re.search(rf"^{requirement.name}-{extra}==", production, re.MULTILINE)


def test_the_tests_install_the_same_driver_as_production():
    def driver(extra: str) -> Requirement:
        return next(r for r in extras()[extra] if r.name == "psycopg")

    assert driver("test").extras == driver("postgres").extras == {"binary"}
    assert driver("test").specifier == driver("postgres").specifier
