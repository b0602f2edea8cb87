"""Just enough Markdown for the docs tests: a section under a heading, its pipe tables, its
fenced code blocks."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(#+)\s+(.*)$")


def section(text: str, heading: str) -> str:
    """The lines under the heading that starts with `heading`, up to the next heading of the same
    or a higher level ("## Sources" ends at the next "## ", not at "### Schedule")."""
    lines = text.splitlines()
    for start, line in enumerate(lines):
        found = _HEADING.match(line)
        if found and found[2].startswith(heading):
            level = len(found[1])
            end = next(
                (i for i in range(start + 1, len(lines)) if _ends(lines[i], level)), len(lines)
            )
            return "\n".join(lines[start + 1 : end])
    raise AssertionError(f"no heading starting {heading!r}")


def _ends(line: str, level: int) -> bool:
    found = _HEADING.match(line)
    return bool(found) and len(found[1]) <= level


def tables(text: str) -> list[list[dict[str, str]]]:
    """Each pipe table in `text` as a list of rows, each row keyed by the header cells."""
    found: list[list[dict[str, str]]] = []
    block: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            block.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        if len(block) > 2:
            header, _rule, *rows = block
            found.append([dict(zip(header, row, strict=True)) for row in rows])
        block = []
    return found


def code_blocks(text: str) -> list[str]:
    """The contents of the fenced code blocks in `text`."""
    return re.findall(r"^```[^\n]*\n(.*?)^```", text, flags=re.M | re.S)


def code_spans(text: str) -> list[str]:
    """The `inline code` in `text`."""
    return re.findall(r"`([^`\n]+)`", text)
