"""Getting text out of files people hand us, with errors that say what to do.

Every reader goes through here, so every bad file fails the same way: before anything
is written, naming the file and, where it helps, the line. Only regular files are
opened (a pipe would block for ever, a device would never end), and never more than
`netday.limits.FILE_BYTES` of one is read, whatever its size claims.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, BinaryIO

from netday.errors import NetdayError
from netday.limits import FILE_BYTES, FOLDER_ENTRIES

CHUNK = 1024 * 1024


class BadInput(NetdayError):
    """A file that cannot be imported; nothing has been written."""


def too_big(name: str, size: int | None = None) -> BadInput:
    """The one refusal for a file over FILE_BYTES (size None: it grew or lied while read)."""
    said = f"the file is {size / 1024 / 1024:.0f} MB; " if size is not None else ""
    return BadInput(
        f"{name}: {said}netday reads files up to {FILE_BYTES >> 20} MB (is this the right file?)"
    )


def check_size(name: str, size: int) -> None:
    if size == 0:
        raise BadInput(f"{name}: the file is empty")
    if size > FILE_BYTES:
        raise too_big(name, size)


@contextmanager
def _os_errors(path: Path) -> Iterator[None]:
    """A file the system will not give us, said in one line naming it."""
    try:
        yield
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except PermissionError:
        raise BadInput(f"{path}: permission denied") from None
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _stat(path: Path) -> os.stat_result:
    with _os_errors(path):
        return path.stat()


def _refuse_special(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise BadInput(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise BadInput(
            f"{path}: not a regular file (a pipe, socket or device); netday reads files only"
        )


def is_folder(path: Path) -> bool:
    """True for a folder, False for a regular file; BadInput for anything else or nothing."""
    mode = _stat(path).st_mode
    if stat.S_ISDIR(mode):
        return True
    _refuse_special(path, mode)
    return False


def open_file(path: Path) -> BinaryIO:
    """A regular file opened for reading, its size checked; BadInput for anything else.

    The file is opened without blocking and checked again once open, so a pipe put in
    its place between the two looks cannot hang netday.
    """
    _refuse_special(path, _stat(path).st_mode)
    with _os_errors(path):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        opened = os.fstat(fd)
        _refuse_special(path, opened.st_mode)
        check_size(str(path), opened.st_size)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_bounded(name: str, stream: IO[bytes], limit: int = FILE_BYTES) -> bytes:
    """At most `limit` bytes of a stream; more than that is refused, whatever a header said."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(min(CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise too_big(name)
    return b"".join(chunks)


def read_bytes(path: Path) -> bytes:
    with open_file(path) as stream:
        data = read_bounded(str(path), stream)
    if not data:
        raise BadInput(f"{path}: the file is empty")
    return data


def walk(folder: Path) -> Iterator[Path]:
    """Every entry below `folder` (symbolic links to folders not followed), in a stable
    order; a folder of more than FOLDER_ENTRIES entries is refused, so pointing netday
    at a home folder fails at once instead of walking the disk."""
    seen = 0
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        seen += len(dirs) + len(files)
        if seen > FOLDER_ENTRIES:
            raise BadInput(
                f"{folder}: holds more than {FOLDER_ENTRIES:,} files and folders; "
                "choose the export's own folder"
            )
        for name in sorted(files):
            yield Path(root) / name


def decode(name: str, data: bytes, fallback: str | None = None) -> str:
    """UTF-8 (a byte-order mark is dropped); `fallback` is tried for legacy files.

    A file that is neither says where the first bad byte is, by line.
    """
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise BadInput(f"{name}: this is a binary file, not text")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise BadInput(f"{name}: looks like UTF-16 but does not decode as it") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fallback:
            try:
                return data.decode(fallback)
            except UnicodeDecodeError:
                pass
        line = data.count(b"\n", 0, exc.start) + 1
        raise BadInput(
            f"{name}:{line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
            "export the file again as UTF-8"
        ) from None
