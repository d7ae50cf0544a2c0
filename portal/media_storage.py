"""Where photos are kept: one small interface, a local folder under instance/ by default, or an S3-compatible bucket
when several app servers must see the same files (FLASK_MEDIA_STORAGE_URI, README "Photos: where they are stored").

Keys are made by the portal (never from a sender's file name): lowercase letters, digits, "-", "_", "." and "/"
between parts. Reading a key that is not there raises FileNotFoundError, whichever the store.
"""
import os
import re
import tempfile
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

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
        return self.root / checked_key(key)


class S3Storage:
    """Objects in an S3-compatible bucket (AWS, MinIO, Ceph, a cloud provider's object store) under a prefix, through
    boto3. Credentials come from boto3's usual places (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the
    environment, a profile, an instance role), never from the URI, which appears in settings and logs."""

    def __init__(self, bucket: str, prefix: str = "", *, endpoint_url: str | None = None, region: str | None = None):
        import boto3

        self.bucket, self.prefix = bucket, prefix.strip("/")
        self.client = boto3.client("s3", endpoint_url=endpoint_url, region_name=region)

    def save(self, key: str, data: bytes) -> None:
        # One PUT: S3 stores an object whole or not at all, so a reader never sees half a photo.
        self.client.put_object(Bucket=self.bucket, Key=self._name(key), Body=data)

    def read(self, key: str) -> bytes:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=self._name(key))["Body"].read()
        except self.client.exceptions.NoSuchKey:
            raise FileNotFoundError(key) from None

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self._name(key))  # no error for a missing key

    def _name(self, key: str) -> str:
        key = checked_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key


def checked_key(key: str) -> str:
    if len(key) > 200 or not KEY.match(key) or ".." in key:
        raise ValueError(f"not a media key: {key!r}")
    return key


def storage_for(app) -> MediaStorage:
    """The application's one store, made once from MEDIA_STORAGE_URI and kept on app.extensions."""
    if "media_storage" not in app.extensions:
        app.extensions["media_storage"] = storage_from_uri(app.config.get("MEDIA_STORAGE_URI") or "",
                                                           Path(app.instance_path) / "media")
    return app.extensions["media_storage"]


def storage_from_uri(uri: str, default_root: Path) -> MediaStorage:
    """"" is `default_root` (instance/media); file:///path a folder; s3://bucket/prefix?endpoint_url=...&region=...
    a bucket (endpoint_url for a store other than AWS)."""
    parts = urlsplit(uri)
    if uri == "":
        return LocalStorage(default_root)
    if parts.scheme == "file":
        return LocalStorage(parts.path)
    if parts.scheme == "s3" and parts.netloc:
        options = {name: values[-1] for name, values in parse_qs(parts.query).items()}
        unknown = set(options) - {"endpoint_url", "region"}
        if unknown:
            raise ValueError(f"MEDIA_STORAGE_URI: unknown options {sorted(unknown)} (endpoint_url, region)")
        return S3Storage(parts.netloc, parts.path, endpoint_url=options.get("endpoint_url"),
                         region=options.get("region"))
    raise ValueError(f"MEDIA_STORAGE_URI: no storage for {uri!r} (empty for instance/media, file:///path, "
                     "or s3://bucket/prefix?endpoint_url=...&region=...)")
