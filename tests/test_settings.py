"""Every environment variable is read by one settings class, documented in the README, and used.

The settings classes are read, not listed by hand: a field added to any of them without a line
in the README's table, or a table line without a field behind it, fails here.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from pydantic import AliasChoices
from pydantic_settings import BaseSettings

from catalogue.settings import CatalogueSettings
from crawlers.registry import REGISTRY_FILE, load_registry
from lll.settings import LAYER_SETTINGS, Settings
from search.settings import SearchSettings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGES = ("catalogue", "crawlers", "search", "operations", "web", "lll")


def env_names(settings_class: type[BaseSettings]) -> dict[str, str]:
    """Environment variable -> field name, as pydantic-settings reads them."""
    prefix = settings_class.model_config.get("env_prefix", "")
    names = {}
    for field_name, field in settings_class.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            alias = alias.choices[0]
        names[str(alias) if alias else f"{prefix}{field_name}".upper()] = field_name
    return names


def every_variable() -> dict[str, tuple[type[BaseSettings], str]]:
    found: dict[str, tuple[type[BaseSettings], str]] = {}
    for settings_class in LAYER_SETTINGS:
        for env, field_name in env_names(settings_class).items():
            assert env not in found, f"{env} is read by two settings classes"
            found[env] = (settings_class, field_name)
    return found


def readme_table() -> set[str]:
    section = README.split("### Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z0-9_]+)` \|", section, flags=re.MULTILINE))


def credential_variables() -> set[str]:
    with REGISTRY_FILE.open("rb") as handle:
        sources = tomllib.load(handle)["sources"]
    return {spec["env"] for source in sources for spec in source.get("credentials", {}).values()}


def test_the_layers_settings_are_composed_once():
    settings = Settings()
    s = settings
    parts = (s.catalogue, s.search, s.crawlers, s.accounts, s.web)
    assert [type(part) for part in parts] == list(LAYER_SETTINGS)


def test_every_setting_has_a_line_in_the_readme_and_every_line_a_setting():
    assert readme_table() == set(every_variable())


def test_every_source_credential_is_named_in_the_readme():
    missing = {env for env in credential_variables() if f"`{env}`" not in README}
    assert missing == set()


@pytest.mark.parametrize("env", sorted(every_variable()))
def test_every_setting_is_read_somewhere(env: str):
    settings_class, field_name = every_variable()[env]
    used = re.compile(rf"\.{field_name}\b")  # an attribute read; its declaration has no dot
    readers = [
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if used.search(path.read_text(encoding="utf-8"))
    ]
    assert readers, f"nothing reads {settings_class.__name__}.{field_name} ({env})"


def test_the_environment_reaches_the_settings(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATABASE_URL", "sqlite:///elsewhere.sqlite3")
    monkeypatch.setenv("MEILI_URL", "http://127.0.0.1:7700")
    monkeypatch.setenv("SEARCH_BACKEND", "meilisearch")
    monkeypatch.setenv("LLL_SAMPLE_SOURCES", "off")
    settings = Settings()
    assert settings.catalogue == CatalogueSettings(database_url="sqlite:///elsewhere.sqlite3")
    assert settings.search.meili_url == "http://127.0.0.1:7700"
    assert settings.search.backend == "meilisearch"
    assert settings.crawlers.sample_sources is False
    assert SearchSettings(meili_url="http://x").meili_url == "http://x"  # by field name too


def test_a_source_credential_may_come_from_the_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / ".env").write_text("BUR_LOGIN=z-pliku\nBUR_API_KEY=klucz\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BUR_LOGIN", raising=False)
    monkeypatch.setenv("BUR_API_KEY", "ze-srodowiska")  # the environment wins, as for settings
    bur = load_registry()["bur"]
    kwargs = bur.spider_kwargs(base_url=None)
    assert (kwargs["login"], kwargs["api_key"]) == ("z-pliku", "ze-srodowiska")
