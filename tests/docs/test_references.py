"""Comments, docstrings and Markdown point only at what is in the repository.

Research notes, design notes and style anchors live outside it, where a reader of the
repository cannot open them: a reference to them fails, and the comment should state the fact
it stood for or point at an in-repo document. A path or module that names a repository file
must exist; files move, and this test notices the comment left behind.
"""

from __future__ import annotations

import ast
import io
import os
import re
import tokenize
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = (".py", ".md", ".toml")
SKIPPED_DIRS = {"var", "node_modules", "__pycache__"}  # besides .venv, .git and other dot-dirs
# The top-level folders a reference may start with. The ones present are added at test time;
# these stay listed so that a reference into a folder that moved away is still checked.
ROOTS = {"benchmarks", "catalogue", "crawlers", "docs", "lll", "operations", "samples", "search"}
ROOTS |= {"tests", "web"}
# `search.py` is a file name, not the module `search.py`.
EXTENSIONS = {"csv", "html", "json", "md", "py", "sqlite3", "toml", "txt", "xlsx", "yaml"}
# A note outside the repository: the research notes by path or by section sign, or anything in
# the shared folder beside the checkout.
OUTSIDE = re.compile(r"\bresearch(?:/| §)|\.\./shared\b|\bshared/research\b")
DOCSTRING_HOLDERS = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
# (file, reference) that looks like a repository path or module but is not one, with the reason.
ALLOWED: dict[tuple[str, str], str] = {
    ("docs/decisions/0008-application-layer-and-the-index-writer.md", "crawlers.schedule"): (
        "the scheduler's module before it moved, which job stores written then still name"
    ),
}


def skipped(dirname: str) -> bool:
    return dirname.startswith(".") or dirname in SKIPPED_DIRS or dirname.endswith(".egg-info")


def roots() -> str:
    present = {p.name for p in ROOT.iterdir() if p.is_dir() and not skipped(p.name)}
    return "|".join(sorted(ROOTS | present))


def documented_files() -> Iterator[Path]:
    for folder, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if not skipped(d))
        yield from (Path(folder) / name for name in sorted(filenames) if name.endswith(SUFFIXES))


def prose(path: Path) -> Iterator[tuple[int, str]]:
    """(first line, text) of what a reader reads as words: a Python file's comments and
    docstrings; a Markdown or TOML file whole (TOML values are names and URLs, which the
    patterns below do not match)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        yield 1, text
        return
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type == tokenize.COMMENT:
            yield token.start[0], token.string
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, DOCSTRING_HOLDERS) and (doc := ast.get_docstring(node, clean=False)):
            yield node.body[0].lineno, doc


@cache
def all_prose() -> list[tuple[str, int, str]]:
    """(file, line, text) of the whole repository's prose, read once for every test here."""
    return [
        (str(path.relative_to(ROOT)), line, text)
        for path in documented_files()
        for line, text in prose(path)
    ]


def references(pattern: re.Pattern[str]) -> Iterator[tuple[str, str]]:
    """("file:line", match) for every match of `pattern` in the repository's prose."""
    for path, line, text in all_prose():
        for found in pattern.finditer(text):
            where = f"{path}:{line + text.count(chr(10), 0, found.start())}"
            yield where, found.group(found.lastindex or 0)


def allowed(where: str, reference: str) -> bool:
    return (where.split(":")[0], reference) in ALLOWED


def exists(path: Path) -> bool:
    """A file, or a folder with more in it than bytecode (a moved package leaves that behind)."""
    if path.is_file():
        return True
    return path.is_dir() and any(child.name != "__pycache__" for child in path.iterdir())


def path_exists(reference: str, where: str) -> bool:
    """`crawlers/spiders/base/`, `tests/crawlers/recorded/<source>/README.md` (any source),
    `tests/crawlers/recorded/{zrk,ris}/` (each of them): from the repository's root, or from the
    referring file's folder."""
    alternatives = re.search(r"\{([^}]*,[^}]*)\}", reference)
    if alternatives:
        return all(
            path_exists(reference.replace(alternatives[0], name.strip(), 1), where)
            for name in alternatives[1].split(",")
        )
    pattern = re.sub(r"<[^>]*>|\{[^}]*\}", "*", reference.rstrip("/"))
    base = (ROOT / where.split(":")[0]).parent
    # `docs/decisions/0004` names `docs/decisions/0004-meilisearch-parity.md` by its number.
    patterns = (pattern, f"{pattern}-*") if re.search(r"/\d+$", pattern) else (pattern,)
    return any(
        exists(match) for folder in (ROOT, base) for p in patterns for match in folder.glob(p)
    )


def module_exists(reference: str) -> bool:
    """`catalogue.feeds.columns`, `catalogue.store.withdrawal_doubt`: the first name after the
    package is a module or a package; what follows may be an attribute."""
    top, first, *_ = reference.split(".")
    return first in EXTENSIONS or any(
        (exists(candidate) and candidate.suffix == ".py") or (candidate / "__init__.py").is_file()
        for candidate in (ROOT / top / f"{first}.py", ROOT / top / first)
    )


def test_nothing_points_at_notes_outside_the_repository():
    found = [f"{where}: {text}" for where, text in references(OUTSIDE)]
    assert not found, "\n".join(found)


def test_the_repository_paths_named_in_prose_exist():
    # Not after a word, slash, dot or dash: `https://host/search/`, `.venv/bin/lll` are not ours.
    part = r"(?:[\w./<>*-]|\{[^}\s]*\})"  # `{zrk,ris}` is one part
    pattern = re.compile(rf"(?<![\w/.~-])((?:{roots()})/{part}*(?<![.,:-]))")
    missing = [
        f"{where}: {reference}"
        for where, reference in references(pattern)
        if not allowed(where, reference) and not path_exists(reference, where)
    ]
    assert not missing, "\n".join(missing)


def test_the_modules_named_in_prose_exist():
    packages = "|".join(name for name in sorted(ROOTS) if (ROOT / name / "__init__.py").is_file())
    pattern = re.compile(rf"(?<![\w/.-])((?:{packages})(?:\.[A-Za-z_]\w*)+)")
    missing = [
        f"{where}: {reference}"
        for where, reference in references(pattern)
        if not allowed(where, reference) and not module_exists(reference)
    ]
    assert not missing, "\n".join(missing)
