"""The README against what it describes: its `lll` commands against the CLI, its source table
against `crawlers/sources.toml` and the spiders. Both sides are read at test time, so a command
or a source added without its line in the README fails here."""

from __future__ import annotations

import importlib
import inspect
import re
from functools import cache
from pathlib import Path
from typing import Any

import typer.main
from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from crawlers.registry import SourceConfig, load_sources
from lll.cli import app
from tests.docs.markdown import code_blocks, section, tables

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
NONE = "–"  # what the table writes for "nothing needed"


@cache
def cli_commands() -> dict[str, Any]:
    """The `lll` app's visible commands, by name, as Click sees them."""
    group = typer.main.get_command(app)
    return {name: command for name, command in group.commands.items() if not command.hidden}


def command_lines() -> list[str]:
    """The lines of the README's command list, `.venv/bin/lll crawl sample-bur   # …`."""
    block = code_blocks(section(README, "The `lll` command"))[0]
    lines = [line.split("#")[0].split() for line in block.splitlines() if line.strip()]
    assert all(line[0] == ".venv/bin/lll" for line in lines), block
    return [" ".join(line[1:]) for line in lines]


def test_the_readme_lists_every_lll_command_and_no_other():
    documented = {line.split()[0] for line in command_lines()}
    registered = set(cli_commands())
    assert not registered - documented, f"not in the README: {sorted(registered - documented)}"
    assert not documented - registered, f"not in the CLI: {sorted(documented - registered)}"


def test_the_options_in_the_readmes_command_list_exist():
    for line in command_lines():
        name, *words = line.split()
        command = cli_commands()[name]
        if hasattr(command, "commands"):  # `lll user create …`: the subcommand's options
            subcommand, *words = words
            assert subcommand in command.commands, f"lll {name} has no command {subcommand}"
            command = command.commands[subcommand]
        options = {opt for param in command.params for opt in param.opts}
        for word in words:
            if word.startswith("-"):
                assert word in options, f"lll {name} has no option {word}"


def test_every_lll_command_the_readme_mentions_exists():
    mentioned = set(re.findall(r"\blll ([a-z][\w-]*)", README))
    assert mentioned <= set(cli_commands()), mentioned - set(cli_commands())


# --- The source table ------------------------------------------------------------------------


@cache
def spider_classes() -> dict[str, type]:
    """Every spider a source may name, found as a crawl finds them (the README says where)."""
    loader = SpiderLoader.from_settings(Settings({"SPIDER_MODULES": ["crawlers.spiders"]}))
    return {name: loader.load(name) for name in loader.list()}


def source_rows() -> list[dict[str, str]]:
    (rows,) = tables(section(README, "Sources"))
    return rows


def spider_cell(row: dict[str, str]) -> tuple[str, bool]:
    """ "`bur`" -> ("bur", False), a spider; "`kkz_list` base" -> ("kkz_list", True), a module
    of crawlers/spiders/base/ that a source's own spider subclasses."""
    found = re.fullmatch(r"`(\w+)`( base)?", row["Spider"])
    assert found, f"unreadable spider cell {row['Spider']!r}"
    return found[1], bool(found[2])


def base_classes(module: str) -> set[type]:
    """The classes `crawlers/spiders/base/<module>.py` declares."""
    base = importlib.import_module(f"crawlers.spiders.base.{module}")
    return {
        c for _, c in inspect.getmembers(base, inspect.isclass) if c.__module__ == base.__name__
    }


def row_covers(row: dict[str, str], spider: str) -> bool:
    """Whether the row names the spider, or a base module one of whose classes it subclasses."""
    name, is_base = spider_cell(row)
    if not is_base:
        return name == spider
    return spider in spider_classes() and bool(
        base_classes(name) & set(spider_classes()[spider].__mro__)
    )


def needs(row: dict[str, str]) -> set[str]:
    return set() if row["Needs"] == NONE else set(re.findall(r"`(\w+)`", row["Needs"]))


def real_sources() -> list[SourceConfig]:
    return [source for source in load_sources() if not source.sample]


def test_each_spider_in_the_source_table_exists():
    for row in source_rows():
        name, is_base = spider_cell(row)
        if is_base:
            assert base_classes(name), f"crawlers/spiders/base/{name}.py declares no class"
        else:
            assert name in spider_classes(), f"no spider named {name!r}"


def test_each_real_source_has_its_row_in_the_source_table():
    for source in real_sources():
        assert source.spider in spider_classes(), f"{source.name}: no spider {source.spider!r}"
        covering = [row for row in source_rows() if row_covers(row, source.spider)]
        assert covering, f"{source.name}: spider {source.spider!r} is not in the README's table"


def test_the_source_tables_credentials_are_the_registrys():
    for row in source_rows():
        registered = {
            credential.env
            for source in real_sources()
            if row_covers(row, source.spider)
            for credential in source.credentials.values()
        }
        assert needs(row) == registered, row["Source"]
