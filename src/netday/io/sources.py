"""Getting text out of files people hand us, with errors that say what to do.

Every reader goes through here, so every bad file fails the same way: before anything
is written, naming the file and, where it helps, the line.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from netday.errors import NetdayError

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Far above any real export (20,000 connections are about 3 MB); refusing larger files
keeps a wrong pick (a video, a disk image) from eating memory."""


class BadInput(NetdayError):
    """A file that cannot be imported; nothing has been written."""


def check_size(name: str, size: int) -> None:
    if size == 0:
        raise BadInput(f"{name}: the file is empty")
    if size > MAX_FILE_BYTES:
        raise BadInput(
            f"{name}: the file is {size / 1024 / 1024:.0f} MB; netday reads files up to "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB (is this the right file?)"
        )


def read_bytes(path: Path) -> bytes:
    try:
        check_size(str(path), path.stat().st_size)
        return path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInput(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise BadInput(f"{path}: permission denied") from None


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
