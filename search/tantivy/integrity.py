"""Whole segment files before tantivy maps them, and unchanged ones while it does.

tantivy maps segment files into memory. Reading a mapped page past the end of a file that was
truncated afterwards raises SIGBUS, which kills the process (no Python exception can catch it);
a file damaged before it is opened gives wrong answers or a panic. So, before a generation is
opened or reloaded, every file of every segment its `meta.json` names is checked against the
footer tantivy writes at the end of each file (`{"version": …, "crc": N}`, its length as u32,
the magic 1337), whose CRC-32 covers the rest of the file. Segment files are never changed once
written, so each is read once, and afterwards only `stat`ed before each search: a file that is
still there with another size, inode or mtime was damaged under us. A file that is gone was
removed by tantivy after a merge; the pages we mapped stay readable.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from pathlib import Path

FOOTER_MAGIC = 1337
FOOTER_TAIL = struct.Struct("<II")  # the footer's length, the magic number
# Files every segment of our schema has (positions, fieldnorms and fast fields included).
REQUIRED = ("idx", "term", "pos", "store", "fast", "fieldnorm")
CHUNK = 1 << 20

FileSignature = tuple[int, int, int]  # inode, size, mtime in ns


class DamagedIndex(Exception):
    """A file of the index is missing, truncated or does not match its checksum."""


class SegmentFiles:
    """The checked files of one generation and their signatures."""

    def __init__(self) -> None:
        self._files: dict[Path, FileSignature] = {}

    def verify(self, generation: Path) -> None:
        """Check the files `meta.json` names that were not checked yet; raise `DamagedIndex`."""
        live = _live_files(generation)
        checked: dict[Path, FileSignature] = {}
        for path in live:
            signature = _signature(path)
            if signature is None:
                raise DamagedIndex(f"{path.name} is missing")
            if self._files.get(path) != signature:
                _check_footer(path)
            checked[path] = signature
        self._files = checked

    def check(self) -> None:
        """A few `stat` calls: raise `DamagedIndex` if a checked file changed since."""
        for path, signature in self._files.items():
            now = _signature(path)
            if now is not None and now != signature:
                raise DamagedIndex(f"{path.name} changed after it was written")

    def forget(self) -> None:
        self._files = {}


def _live_files(generation: Path) -> list[Path]:
    try:
        meta = json.loads((generation / "meta.json").read_bytes())
    except (OSError, ValueError) as error:
        raise DamagedIndex(f"meta.json cannot be read: {error}") from error
    files = []
    for segment in meta.get("segments", []):
        stem = str(segment["segment_id"]).replace("-", "")
        files += [generation / f"{stem}.{extension}" for extension in REQUIRED]
        deletes = segment.get("deletes")
        if deletes:
            files.append(generation / f"{stem}.{deletes['opstamp']}.del")
    return files


def _check_footer(path: Path) -> None:
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size < FOOTER_TAIL.size:
                raise DamagedIndex(f"{path.name} is truncated ({size} bytes)")
            f.seek(size - FOOTER_TAIL.size)
            length, magic = FOOTER_TAIL.unpack(f.read(FOOTER_TAIL.size))
            body = size - FOOTER_TAIL.size - length
            if magic != FOOTER_MAGIC or body < 0:
                raise DamagedIndex(f"{path.name} is truncated or overwritten (no footer)")
            f.seek(body)
            expected = json.loads(f.read(length))["crc"]
            f.seek(0)
            crc, left = 0, body
            while left > 0:
                chunk = f.read(min(CHUNK, left))
                if not chunk:
                    raise DamagedIndex(f"{path.name} shrank while it was read")
                crc, left = zlib.crc32(chunk, crc), left - len(chunk)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise DamagedIndex(f"{path.name} cannot be read: {error}") from error
    if crc != expected:
        raise DamagedIndex(f"{path.name} does not match its checksum")


def _signature(path: Path) -> FileSignature | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)
