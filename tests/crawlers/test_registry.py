"""The source registry: templates, credentials from the environment, and the bundled samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawlers.registry import RegistryError, load_registry, load_sources, select_sources
from samples.dataset import DATA_DIR

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


def schedule_registry(tmp_path: Path, lines: str) -> Path:
    path = write_registry(tmp_path, {"name": "a"})
    text = path.read_text(encoding="utf-8").replace('name = "a"\n', f'name = "a"\n{lines}\n')
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("every", "seconds", "written"),
    [('"30s"', 30, "30s"), ('"90m"', 5400, "90m"), ('"6h"', 21600, "6h"), ('" 2d "', 172800, "2d")],
)
def test_every_says_how_often_a_source_is_crawled_in_s_m_h_or_d(tmp_path, every, seconds, written):
    source = load_registry(schedule_registry(tmp_path, f"every = {every}"))["a"]
    assert source.every.total_seconds() == seconds
    assert source.schedule_text == written


def test_a_source_without_every_is_crawled_daily_at_no_set_time(tmp_path):
    source = load_registry(write_registry(tmp_path, {"name": "a"}))["a"]
    assert (source.every.total_seconds(), source.at, source.schedule_text) == (86400, None, "1d")


@pytest.mark.parametrize("at", ['"03:00"', "03:00:00"])  # a string or a TOML local time
def test_at_pins_the_runs_to_a_time_of_day(tmp_path, at):
    source = load_registry(schedule_registry(tmp_path, f'every = "12h"\nat = {at}'))["a"]
    assert (source.at.hour, source.at.minute) == (3, 0)
    assert source.schedule_text == "12h o 03:00"


@pytest.mark.parametrize(
    "lines",
    ['every = "6"', 'every = "0h"', 'every = "6 godzin"', 'every = "1.5h"', "every = 6",
     'at = "25:00"', 'at = "3"'],
)  # fmt: skip
def test_an_unreadable_schedule_stops_the_registry_with_the_source_named(tmp_path, lines):
    with pytest.raises(RegistryError, match=r"^a: nieprawidłow"):
        load_registry(schedule_registry(tmp_path, lines))


def test_a_real_deployment_can_switch_the_sample_sources_off(monkeypatch):
    assert any(s.enabled for s in load_registry().values() if s.sample)
    monkeypatch.setenv("LLL_SAMPLE_SOURCES", "off")
    registry = load_registry()
    assert not any(s.enabled for s in registry.values() if s.sample)
    assert registry["sample-bur"].enabled is False and registry["zrk"].enabled is False
