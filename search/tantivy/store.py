"""The folder of the embedded index: generations, the CURRENT pointer, readers and the writer.

Layout of `root`:

    CURRENT              the name of the live generation, replaced atomically (os.replace)
    write.lock           held (flock) by whichever process writes
    v1-20260301T120000-…  one tantivy index per generation

`rebuild` fills a new generation and then points CURRENT at it, so a reader sees the old index or
the new one, never a half-built one. Readers never lock: before each search they compare the
pointer and the live generation's `meta.json` (rewritten by tantivy on every commit) with what
they loaded, and reload only when either changed: a few `stat` calls per search.

A generation's files are checked before it is opened or reloaded, and `stat`ed before each
search (`search.tantivy.integrity`): a damaged generation is not searched (a truncated mapped
file would kill the process with SIGBUS). `problem` then says why, searches raise
`SearchUnavailable` (the web answers 503), and the index writer rebuilds it
(`operations.indexing.ensure_index`).
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy

from search.interface import SearchUnavailable
from search.tantivy.integrity import DamagedIndex, SegmentFiles
from search.tantivy.schema import SCHEMA_VERSION, build_schema

log = logging.getLogger(__name__)

POINTER = "CURRENT"
LOCK = "write.lock"
WRITER_HEAP = 50_000_000  # bytes; tantivy needs at least 15 MB per thread
REBUILD_THREADS = 2
_GENERATION = re.compile(r"v\d+-\d{8}T\d{6}-")

Signature = tuple[int, int, int] | None


class UnusableIndex(SearchUnavailable):
    """The live generation is damaged or outdated: only `rebuild` can fix it."""


class OutdatedIndex(UnusableIndex):
    """The live index was built with another schema version."""


class IndexStore:
    """The live generation of one index folder, shared by the threads of one process."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.schema = build_schema()
        self._lock = threading.Lock()  # guards the fields below
        self._write_lock = threading.Lock()  # one writer at a time in this process
        self._index: tantivy.Index | None = None
        self._generation: str | None = None
        self._pointer_sig: Signature = None
        self._meta_sig: Signature = None
        self._files = SegmentFiles()
        # One searcher object per version, shared by the searches of that version: what is
        # kept per searcher (`search.tantivy.facet_bitmaps`) is then kept per commit.
        self._searcher: tantivy.Searcher | None = None
        self._searcher_of: tuple[tantivy.Index | None, Hashable] = (None, None)
        # Why the live generation cannot be searched (damaged, another schema), or None.
        self.problem: str | None = None

    def searcher(self) -> tantivy.Searcher | None:
        """A searcher over the latest commit of the live generation, or None without an index."""
        return self.snapshot()[0]

    def snapshot(self) -> tuple[tantivy.Searcher | None, Hashable]:
        """`searcher()` and the version of the index it searches: the version changes with
        every commit, rebuild or reload, so answers computed on one can be kept until then."""
        with self._lock:
            self._refresh()
            if self._index is None:
                return None, None
            version = (self._generation, self._meta_sig)
            index, of = self._searcher_of
            if self._searcher is None or index is not self._index or of != version:
                self._searcher, self._searcher_of = self._index.searcher(), (self._index, version)
            return self._searcher, version

    @contextmanager
    def writing(self) -> Iterator[tantivy.IndexWriter]:
        """A writer on the live generation (created if there is none), committed on success."""
        with self._write_lock, _file_lock(self.root / LOCK):
            index = self._live_index_for_writing()
            writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
            try:
                yield writer
            except BaseException:
                writer.rollback()
                raise
            else:
                writer.commit()
            finally:
                # Waiting consumes the writer, which releases tantivy's lock right away.
                writer.wait_merging_threads()
            with self._lock:
                self._refresh(force=True)

    def replace(self, fill: Callable[[tantivy.IndexWriter], None]) -> None:
        """Build a new generation with `fill`, switch CURRENT to it, remove the others.

        Searches in this process go on over the live generation while the new one is filled.
        """
        with self._write_lock, _file_lock(self.root / LOCK):
            index, name = self._create_generation()
            try:
                writer = index.writer(WRITER_HEAP * REBUILD_THREADS, REBUILD_THREADS)
                try:
                    fill(writer)
                    writer.commit()
                finally:
                    writer.wait_merging_threads()
            except BaseException:
                shutil.rmtree(self.root / name, ignore_errors=True)
                raise
            with self._lock:
                self._point_to(name)
                self._refresh(force=True)
            self._remove_generations(keep=name)

    def _live_index_for_writing(self) -> tantivy.Index:
        with self._lock:
            self._refresh()
            if self._index is None:
                if self._generation is not None:
                    raise UnusableIndex(self.problem or f"{self._generation}: run a full reindex")
                self._index, self._generation = self._create_generation()
                self._point_to(self._generation)
            return self._index

    def _refresh(self, force: bool = False) -> None:
        pointer_sig = _signature(self.root / POINTER)
        if force or pointer_sig != self._pointer_sig:
            self._open_pointed(pointer_sig)
            return
        if self._index is not None and self._generation is not None:
            meta_sig = _signature(self.root / self._generation / "meta.json")
            try:
                if meta_sig is not None and meta_sig != self._meta_sig:
                    self._files.verify(self.root / self._generation)
                    if _reload(self._index):
                        self._meta_sig = meta_sig
                self._files.check()
            except DamagedIndex as error:
                self._damaged(self._generation, error)

    def _open_pointed(self, pointer_sig: Signature) -> None:
        name = _read_pointer(self.root / POINTER)
        if name is None:
            self._index, self._generation, self._pointer_sig = None, None, pointer_sig
            self.problem = None  # no index at all: empty, as before the first rebuild
            self._files.forget()
            return
        path = self.root / name
        if name == self._generation and self._index is not None:
            self._pointer_sig = pointer_sig
            self._meta_sig = _signature(path / "meta.json")
            try:
                self._files.verify(path)
            except DamagedIndex as error:
                self._damaged(name, error)
                return
            _reload(self._index)
            return
        if not name.startswith(_version_prefix()):
            log.warning("index %s has another schema version: run a full reindex", path)
            self._index, self._generation, self._pointer_sig = None, name, pointer_sig
            self.problem = f"index {name} has another schema version"
            return
        self._open_generation(name, pointer_sig)

    def _open_generation(self, name: str, pointer_sig: Signature) -> None:
        path = self.root / name
        files = SegmentFiles()
        try:
            files.verify(path)
            index = _open_index(path)
        except (DamagedIndex, OSError, ValueError) as error:
            if path.is_dir():
                self._generation, self._pointer_sig = name, pointer_sig
                self._damaged(name, error)
            else:
                # A rebuild in another process removed it between our reading CURRENT and
                # opening it: keep what we have, the next search reads the new pointer.
                log.warning("index generation %s vanished while opening it", path)
            return
        self._index, self._generation, self._pointer_sig = index, name, pointer_sig
        self._meta_sig = _signature(path / "meta.json")
        self._files, self.problem = files, None

    def _damaged(self, name: str, error: Exception) -> None:
        """Stop searching the generation `name`: its files are no longer what was written."""
        self.problem = f"index {name} is damaged: {error}"
        log.error("%s; it is not searched until it is rebuilt", self.problem)
        self._index = None
        self._files.forget()

    def _create_generation(self) -> tuple[tantivy.Index, str]:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        name = f"{_version_prefix()}{stamp}-{os.getpid()}-{secrets.token_hex(3)}"
        path = self.root / name
        path.mkdir(parents=True)
        index = tantivy.Index(self.schema, path=str(path), reuse=False)
        index.config_reader("manual")
        return index, name

    def _point_to(self, name: str) -> None:
        temporary = self.root / f"{POINTER}.{os.getpid()}.tmp"
        with temporary.open("w", encoding="utf-8") as f:
            f.write(name)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, self.root / POINTER)

    def _remove_generations(self, keep: str) -> None:
        # Readers in other processes may still search an old generation: their files stay
        # readable (open and mapped) until they reload, on POSIX systems.
        for path in self.root.iterdir():
            if path.is_dir() and path.name != keep and _GENERATION.match(path.name):
                shutil.rmtree(path, ignore_errors=True)


def _version_prefix() -> str:
    return f"v{SCHEMA_VERSION}-"


def _open_index(path: Path) -> tantivy.Index:
    index = tantivy.Index.open(str(path))
    index.config_reader("manual")
    index.reload()
    return index


def _reload(index: tantivy.Index) -> bool:
    try:
        index.reload()
    except ValueError as error:  # its folder was removed by a rebuild in another process
        log.warning("could not reload the index: %s", error)
        return False
    return True


def _read_pointer(path: Path) -> str | None:
    try:
        name = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    return name or None


def _signature(path: Path) -> Signature:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Serialise writers across processes (a crawler's updates and a CLI rebuild)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
