"""schema.org microdata -> the node shape of JSON-LD, so that `schema_org` maps both.

extruct's MicrodataExtractor gives an item as

    {"type": "http://schema.org/Course", "id": "...",
     "properties": {"name": "Spawanie MAG", "hasCourseInstance": [{"type": ..., ...}, ...]}}

(a property stated twice is a list; a nested item is an item). `to_node` turns that into

    {"@type": "Course", "@id": "...", "name": "Spawanie MAG", "hasCourseInstance": [{...}, ...]}

Values stay strings, as microdata has no numbers; an item without properties
(`<span itemprop="location" itemscope itemtype=".../Place">Sulęcin</span>`) keeps its text as
`@value`, which `schema_org.text` reads. An `itemprop` outside any `itemscope` belongs to no
item, so extruct never reports it.
"""

from __future__ import annotations

import re
from typing import Any

from extruct.w3cmicrodata import MicrodataExtractor

SCHEMA_ORG = re.compile(r"^https?://schema\.org/", re.IGNORECASE)


class _Extractor(MicrodataExtractor):
    """extruct's extractor, reading a `<time>` without `datetime` by its text as the HTML
    standard says (extruct gives ""): CMS templates write
    `<time itemprop="startDate">14.11.2026</time>`."""

    def _extract_property_value(self, node: Any, *args: Any, **kwargs: Any) -> Any:
        if node.tag == "time" and node.get("datetime") is None and node.get("itemscope") is None:
            return self._extract_textContent(node)
        return super()._extract_property_value(node, *args, **kwargs)


def items(root: Any, base_url: str) -> list[dict[str, Any]]:
    """The top-level microdata items of a parsed page (an lxml element, e.g. a Scrapy
    response's `selector.root`); relative links are resolved against `base_url`."""
    return list(_Extractor().extract_items(root, base_url))


def nodes(root: Any, base_url: str) -> list[dict[str, Any]]:
    """The page's microdata items as JSON-LD-shaped nodes."""
    return [to_node(item) for item in items(root, base_url)]


def to_node(item: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = {}
    types = [SCHEMA_ORG.sub("", t) for t in _as_list(item.get("type"))]
    if types:
        node["@type"] = types[0] if len(types) == 1 else types
    if item.get("id"):
        node["@id"] = item["id"]
    for name, value in (item.get("properties") or {}).items():
        node[name] = to_value(value)
    if not item.get("properties") and item.get("value"):
        node["@value"] = to_value(item["value"])
    return node


def to_value(value: Any) -> Any:
    if isinstance(value, list):
        return [to_value(v) for v in value]
    if isinstance(value, dict):
        return to_node(value)
    return value.strip() if isinstance(value, str) else value


def _as_list(value: Any) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
