"""Backing up and restoring the whole database: pg_dump/pg_restore on PostgreSQL, SQLite's online backup API
on SQLite. Plain functions of a database URL, so they run the same from the CLI, cron or a test."""
import glob
import os
import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url

from portal.domain.calendar import local_now

# Debian installs the client tools per server version, off PATH.
PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
# Fail instead of waiting for ever when a running app holds locks on the tables being dropped.
PG_RESTORE_LOCK_TIMEOUT = "60s"


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why (and includes the tool's stderr)."""


def is_sqlite(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "sqlite"


def default_backup_path(backups_dir: str, database_url: str) -> Path:
    suffix = ".sqlite3" if is_sqlite(database_url) else ".dump"
    return Path(backups_dir) / f"portal-{local_now():%Y%m%d-%H%M%S}{suffix}"


def backup_database(database_url: str, target_path: str) -> Path:
    """Write a consistent copy of the database to target_path, which appears only once complete."""
    target = Path(target_path).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target then renamed: a failed backup never leaves a truncated file that looks valid.
    fd, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
    os.close(fd)
    try:
        if is_sqlite(database_url):
            _sqlite_backup(_sqlite_path(database_url), partial)
        else:
            _run_pg_tool("pg_dump", database_url, ["--format=custom", "--no-owner", f"--file={partial}"])
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return target


def row_counts(session, metadata) -> dict[str, int]:
    """Rows in each table of `metadata` that exists in the database: what a backup or restore prints."""
    present = set(inspect(session.get_bind()).get_table_names())
    return {table.name: session.scalar(select(func.count()).select_from(table))
            for table in metadata.sorted_tables if table.name in present}


def restore_database(database_url: str, source_path: str) -> None:
    """Replace the database's content with a backup made by backup_database(). Close other connections first."""
    source = Path(source_path)
    if not source.is_file():
        raise BackupError(f"Backup file not found: {source}")
    if is_sqlite(database_url):
        _sqlite_restore(str(source.resolve()), _sqlite_path(database_url))
    else:
        _run_pg_tool("pg_restore", database_url,
                     ["--clean", "--if-exists", "--no-owner", "--single-transaction", str(source.resolve())],
                     extra_env={"PGOPTIONS": f"-c lock_timeout={PG_RESTORE_LOCK_TIMEOUT}"})


def _sqlite_path(database_url: str) -> str:
    path = make_url(database_url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        raise BackupError(f"Not a SQLite database file: {database_url}")
    return path


def _sqlite_backup(database_path: str, target_path: str) -> None:
    if not os.path.isfile(database_path):
        raise BackupError(f"Database file not found: {database_path}")
    source = sqlite3.connect(database_path, timeout=30)
    target = sqlite3.connect(target_path)
    try:
        source.backup(target)
        # The copy inherits WAL mode; a standalone file is easier to move and open without its -wal/-shm.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as error:
        raise BackupError(f"SQLite backup failed: {error}") from error
    finally:
        target.close()
        source.close()


def _sqlite_restore(source_path: str, database_path: str) -> None:
    source = sqlite3.connect(f"{Path(source_path).as_uri()}?mode=ro", uri=True)  # read-only: never alter the backup
    target = sqlite3.connect(database_path, timeout=30)
    try:
        # Refuse anything that is not one of our databases before the target is touched.
        _check_sqlite_backup(source, source_path)
        # One step (pages=-1): the target is rewritten in a single transaction, so readers see all or nothing.
        source.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite restore failed: {error}") from error
    finally:
        target.close()
        source.close()


def _check_sqlite_backup(connection: sqlite3.Connection, path: str) -> None:
    try:
        connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a backup of this portal's SQLite database ({error})") from error


def _run_pg_tool(tool: str, database_url: str, args: list[str], extra_env: dict | None = None) -> None:
    url = make_url(database_url)
    # libpq does not know SQLAlchemy's "+psycopg"; the password goes in the environment, not on the command line.
    libpq_url = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    env = {**os.environ, **(extra_env or {})}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    command = [_find_pg_tool(tool), f"--dbname={libpq_url}", *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed (exit {result.returncode}): {result.stderr.strip()}")


def _find_pg_tool(tool: str) -> str:
    found = shutil.which(tool)
    if found:
        return found
    # Newest version first: a client may dump an older server, never a newer one.
    for directory in sorted(glob.glob(PG_BIN_GLOB), key=_version_key, reverse=True):
        candidate = os.path.join(directory, tool)
        if os.access(candidate, os.X_OK):
            return candidate
    raise BackupError(f"{tool} not found on PATH nor in {PG_BIN_GLOB}: install the PostgreSQL client tools "
                      "(apt-get install postgresql-client)")


def _version_key(directory: str) -> tuple:
    version = Path(directory).parent.name
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))
