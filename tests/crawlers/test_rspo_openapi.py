"""The RSPO spider, its registry entry and its recordings against the official RSPO API spec.

`recorded/rspo/openapi-v1.2.0.yaml` is CIE's OpenAPI 3.1 document of the API v1.2.0 (source in
README.md there): every request the spider makes must be one of its operations with its
parameters, and every field the spider reads must be in its `PlacowkaDTO`.
"""

from __future__ import annotations

import asyncio
import json
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml
from scrapy import Request

from crawlers.items import RawOffer
from crawlers.spiders.rspo import RspoSpider
from tests.crawlers.key_paths import Traced, key_paths
from tests.crawlers.recorded import RECORDED

ROOT = Path(__file__).resolve().parents[2]
FOLDER = RECORDED / "rspo"
SPEC: dict[str, Any] = yaml.safe_load((FOLDER / "openapi-v1.2.0.yaml").read_text("utf-8"))
LIST = "/api/placowki/"
OPERATION: dict[str, Any] = SPEC["paths"][LIST]["get"]
PARAMETERS = {p["name"]: p for p in OPERATION["parameters"] if p["in"] == "query"}
SCALARS = {"string": "tekst", "integer": 1, "boolean": False, "number": 1.5}


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    resolved: dict[str, Any] = SPEC
    for part in ref.removeprefix("#/").split("/"):
        resolved = resolved[part]
    return resolved


def schema_paths(schema: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Every key path of a schema with its JSON type: "geolokalizacja[].latitude": "string"."""
    found: dict[str, str] = {}
    for name, prop in resolve(schema).get("properties", {}).items():
        prop = resolve(prop)
        path = f"{prefix}{name}"
        found[path] = prop.get("type", "object")
        if found[path] == "array":
            found.update(schema_paths(prop["items"], f"{path}[]."))
        elif found[path] == "object":
            found.update(schema_paths(prop, f"{path}."))
    return found


def example(schema: dict[str, Any]) -> Any:
    """A value of the schema's shape: every property present, every array with one item."""
    schema = resolve(schema)
    kind = schema.get("type", "object")
    if kind == "array":
        return [example(schema["items"])]
    if kind == "object":
        return {name: example(prop) for name, prop in schema.get("properties", {}).items()}
    return SCALARS[kind]


PLACOWKA = SPEC["components"]["schemas"]["PlacowkaDTO"]
PLACOWKA_PATHS = schema_paths(PLACOWKA)


def spider(start_url: str = "https://api.rspo.gov.pl/api/placowki/?wojewodztwo_kod_teryt=08"):
    return RspoSpider(source_name="rspo-test", start_urls=[start_url], login="l", password="p")


def registry_start_urls() -> list[str]:
    registry = tomllib.loads((ROOT / "crawlers" / "sources.toml").read_text("utf-8"))
    (entry,) = [s for s in registry["sources"] if s["name"] == "rspo"]
    return list(entry["start_urls"])


def first_requests(rspo: RspoSpider) -> list[Request]:
    async def collect() -> list[Request]:
        return [r async for r in rspo.start() if isinstance(r, Request)]

    return asyncio.run(collect())


def assert_an_operation_of_the_spec(path: str, query: dict[str, str]) -> None:
    assert path == LIST
    assert set(query) <= set(PARAMETERS), set(query) - set(PARAMETERS)
    for name, value in query.items():
        schema = PARAMETERS[name]["schema"]
        if schema["type"] == "integer":
            assert int(value) >= schema.get("minimum", 0), (name, value)
        elif schema["type"] == "boolean":
            assert value in ("true", "false"), (name, value)


def test_the_registry_points_the_rspo_spider_at_the_api_host_of_the_spec():
    (server,) = SPEC["servers"]
    for url in registry_start_urls():
        parts = urlsplit(url)
        # The spec's generated server URL says http://; Basic auth goes over https only.
        assert (parts.scheme, parts.hostname) == ("https", urlsplit(server["url"]).hostname)
        assert_an_operation_of_the_spec(parts.path, dict(parse_qsl(parts.query)))
        assert dict(parse_qsl(parts.query)) == {"wojewodztwo_kod_teryt": "08"}  # lubuskie


def test_every_request_of_the_rspo_spider_is_an_operation_of_the_spec():
    (url,) = registry_start_urls()
    requests = first_requests(spider(url))
    assert len(requests) == len(spider().fixed_params["typ_podmiotu_id"])
    for request in requests:
        parts = urlsplit(request.url)
        query = dict(parse_qsl(parts.query))
        assert_an_operation_of_the_spec(parts.path, query)
        # Pages count from the spec's minimum; one institution type a request (an integer).
        assert int(query["page"]) == PARAMETERS["page"]["schema"]["minimum"]
        assert (request.headers.get("Authorization") or b"").startswith(b"Basic ")
    assert SPEC["components"]["securitySchemes"]["basicAuth"] == {"type": "http", "scheme": "basic"}


def test_the_spec_answers_a_bare_array_as_the_spider_reads_it():
    schema = OPERATION["responses"]["200"]["content"]["application/json"]["schema"]
    assert (schema["type"], schema["items"]) == (
        "array",
        {"$ref": "#/components/schemas/PlacowkaDTO"},
    )
    assert spider().list_key == "" and spider().next_key == ""


def test_every_field_the_rspo_spider_reads_is_in_the_placowka_schema():
    log: set[str] = set()
    record = Traced(example(PLACOWKA), log)
    rspo = spider()
    assert rspo.skip_reason(record) is None
    (offer,) = rspo.parse_record(record, None)
    assert isinstance(offer, RawOffer)
    assert sorted(log - set(PLACOWKA_PATHS)) == []


def test_an_occupation_taught_is_read_from_the_spec_shape_of_ksztalcenie_zawodowe():
    record = {**example(PLACOWKA), "numerRspo": 301009,
              "ksztalcenieZawodowe": [{"id": 532102, "nazwa": "opiekun medyczny"}]}  # fmt: skip
    (offer,) = spider().parse_record(record, None)
    assert isinstance(offer, RawOffer)
    assert (offer.external_id, offer.occupation) == ("301009-532102", "opiekun medyczny")
    assert offer.extras["idZawodu"] == "532102"


def test_every_recorded_rspo_request_is_an_operation_of_the_spec():
    exchanges = tomllib.loads((FOLDER / "exchanges.toml").read_text("utf-8"))["exchange"]
    for exchange in exchanges:
        assert_an_operation_of_the_spec(exchange["path"], exchange.get("query", {}))


def test_every_recorded_placowka_has_only_fields_of_the_schema_with_their_types():
    wrong = []
    for page in sorted(FOLDER.glob("placowki-*.json")):
        for record in json.loads(page.read_text("utf-8")):
            for path, types in key_paths(record).items():
                expected = PLACOWKA_PATHS.get(path)
                if expected is None or not types - {"null"} <= {expected}:
                    wrong.append((page.name, record.get("numerRspo"), path, types, expected))
    assert wrong == []
