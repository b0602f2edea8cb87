"""The source registry: templates, credentials from the environment, and the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.registry import RegistryError, load_registry, load_sources, select_sources
from crawlers.samples.dataset import DATA_DIR

ENTRY = """
[[sources]]
name = "{name}"
title = "Źródło"
spider = "sample_bur"
url = "{{base_url}}/bur/"
start_urls = ["{{base_url}}/bur/api/usluga?idWojewodztwa=4"]
sample = {sample}
enabled = {enabled}

[sources.credentials]
api_key = {{ env = "TEST_BUR_API_KEY"{default} }}

[sources.args]
url_template = "{{base_url}}/bur/wyszukiwarka/uslugi/podglad?id={{id}}"
"""


def write_registry(tmp_path: Path, *entries: dict) -> Path:
    defaults = {"sample": "true", "enabled": "true", "default": ""}
    text = "".join(ENTRY.format(**{**defaults, **entry}) for entry in entries)
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_templates_are_filled_with_the_sample_servers_address(tmp_path, monkeypatch):
    monkeypatch.setenv("TEST_BUR_API_KEY", "klucz")
    source = load_registry(write_registry(tmp_path, {"name": "a"}))["a"]
    kwargs = source.spider_kwargs("http://127.0.0.1:9999/")
    assert kwargs["start_urls"] == ["http://127.0.0.1:9999/bur/api/usluga?idWojewodztwa=4"]
    assert kwargs["url_template"].format(id=7) == (
        "http://127.0.0.1:9999/bur/wyszukiwarka/uslugi/podglad?id=7"
    )
    assert kwargs["api_key"] == "klucz"
    assert kwargs["source_name"] == "a"


def test_a_missing_credential_stops_the_source_with_the_variable_named(tmp_path, monkeypatch):
    monkeypatch.delenv("TEST_BUR_API_KEY", raising=False)
    source = load_registry(write_registry(tmp_path, {"name": "a"}))["a"]
    with pytest.raises(RegistryError, match="TEST_BUR_API_KEY"):
        source.spider_kwargs("http://127.0.0.1:9999")


def test_a_sample_source_falls_back_to_its_sample_credential(tmp_path, monkeypatch):
    monkeypatch.delenv("TEST_BUR_API_KEY", raising=False)
    path = write_registry(tmp_path, {"name": "a", "default": ', default = "demo"'})
    assert load_registry(path)["a"].spider_kwargs("http://x")["api_key"] == "demo"


def test_only_sample_sources_may_carry_default_credentials(tmp_path):
    path = write_registry(tmp_path, {"name": "a", "sample": "false", "default": ', default = "x"'})
    with pytest.raises(RegistryError, match="przykładowe"):
        load_registry(path)


def test_without_names_only_enabled_sources_are_chosen_and_unknown_names_fail(tmp_path):
    path = write_registry(tmp_path, {"name": "on"}, {"name": "off", "enabled": "false"})
    registry = load_registry(path)
    assert [s.name for s in load_sources(path)] == ["on", "off"]
    assert [s.name for s in select_sources(registry, None)] == ["on"]
    assert [s.name for s in select_sources(registry, ["off"])] == ["off"]
    with pytest.raises(RegistryError, match="nieznane"):
        select_sources(registry, ["nie-ma"])


def test_every_bundled_sample_file_has_its_source_and_every_sample_source_its_file():
    registry = load_registry()
    expected = {"sample-bur"} if (DATA_DIR / "bur_uslugi.json").exists() else set()
    expected |= {f"sample-kkz-{p.stem.removeprefix('kkz_')}" for p in DATA_DIR.glob("kkz_*.json")}
    expected |= {
        f"sample-jsonld-{p.stem.removeprefix('jsonld_')}" for p in DATA_DIR.glob("jsonld_*.json")
    }
    assert expected, "the bundled sample data is missing"
    assert {name for name, s in registry.items() if s.sample} == expected
