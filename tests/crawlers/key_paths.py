"""Which key paths of a JSON record code reads, and which key paths a record has.

A record is wrapped in `Traced` dicts that note each key asked for with `get`, `[]` or `in`
("adres.nazwaMiejscowosci"; items of a list are "listaProjektow[].nazwa"). Used to check that
a spider reads only fields the real source has.
"""

from __future__ import annotations

from typing import Any

JSON_TYPES = {
    type(None): "null",
    bool: "boolean",
    int: "integer",
    float: "number",
    str: "string",
    list: "array",
    dict: "object",
}


class Traced(dict[str, Any]):
    """A dict that notes in `log` the full path of every key it is asked for."""

    def __init__(self, data: dict[str, Any], log: set[str], prefix: str = "") -> None:
        super().__init__({key: traced(value, log, f"{prefix}{key}") for key, value in data.items()})
        self.log, self.prefix = log, prefix

    def get(self, key: Any, default: Any = None) -> Any:
        self.log.add(f"{self.prefix}{key}")
        return super().get(key, default)

    def __getitem__(self, key: Any) -> Any:
        self.log.add(f"{self.prefix}{key}")
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.log.add(f"{self.prefix}{key}")
        return super().__contains__(key)


def traced(value: Any, log: set[str], path: str) -> Any:
    if isinstance(value, dict):
        return Traced(value, log, f"{path}.")
    if isinstance(value, list):
        return [traced(item, log, f"{path}[]") for item in value]
    return value


def key_paths(value: Any, prefix: str = "") -> dict[str, set[str]]:
    """Every key path of a JSON value with the JSON types seen at it."""
    found: dict[str, set[str]] = {}
    items: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        items = [(f"{prefix}{key}", item) for key, item in value.items()]
    elif isinstance(value, list):
        items = [(f"{prefix.rstrip('.')}[]", item) for item in value]
    for path, item in items:
        if isinstance(value, dict):
            found.setdefault(path, set()).add(JSON_TYPES[type(item)])
        for sub, types in key_paths(item, f"{path}.").items():
            found.setdefault(sub, set()).update(types)
    return found
