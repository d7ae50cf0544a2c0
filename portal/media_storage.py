"""Where photos are kept: one small interface, a local folder under instance/ by default.

Keys are made by the portal (never from a sender's file name): lowercase letters, digits, "-", "_", "." and "/"
between parts. Several app servers need a shared store; an S3-compatible one can stand behind the same three methods
(FLASK_MEDIA_STORAGE_URI, issue 18) without the callers changing.
"""
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

KEY = re.compile(r"^[a-z0-9][a-z0-9_.-]*(/[a-z0-9][a-z0-9_.-]*)*$")


class MediaStorage(Protocol):
    def save(self, key: str, data: bytes) -> None: ...

    def read(self, key: str) -> bytes: ...

    def delete(self, key: str) -> None: ...


class LocalStorage:
    """Files in a folder readable by the portal's user alone, each written whole or not at all."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    def save(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A reader never sees half a photo: write beside it, then rename over it (atomic on one file system).
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".saving-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def read(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        if len(key) > 200 or not KEY.match(key) or ".." in key:
            raise ValueError(f"not a media key: {key!r}")
        return self.root / key


def storage_for(app) -> MediaStorage:
    """The store the configuration names: MEDIA_STORAGE_URI "" (the default) is instance/media."""
    uri = app.config.get("MEDIA_STORAGE_URI", "")
    if uri in ("", None):
        return LocalStorage(Path(app.instance_path) / "media")
    if uri.startswith("file://"):
        return LocalStorage(uri[len("file://"):])
    raise ValueError(f"MEDIA_STORAGE_URI: no storage for {uri!r} (file:///path, or empty for instance/media)")
