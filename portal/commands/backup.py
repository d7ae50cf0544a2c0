"""flask backup / flask restore: thin shells around portal.backup."""
import click
from flask import current_app

from portal.backup import BackupError, backup_database, default_backup_path, restore_database, row_counts
from portal.extensions import db


def _database_url() -> str:
    # The engine's URL, not the config string: Flask-SQLAlchemy resolves relative SQLite paths against instance/.
    return db.engine.url.render_as_string(hide_password=False)


@click.command("backup")
@click.argument("path", required=False, type=click.Path(dir_okay=False))
def backup_command(path):
    """Copy the whole database to PATH (default instance/backups/portal-YYYYMMDD-HHMMSS.sqlite3 or .dump)."""
    url = _database_url()
    target = path or default_backup_path(current_app.instance_path + "/backups", url)
    try:
        written = backup_database(url, str(target))
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Backup written: {written}")
    echo_row_counts()


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="Confirm that the database will be overwritten.")
def restore_command(path, yes):
    """Replace the whole database with the backup at PATH. Stop the app first."""
    if not yes:
        raise click.ClickException("restore overwrites every table of the database with the backup's content; "
                               "stop the app, then run again with --yes.")
    # Our own pooled connections would hold locks that pg_restore --clean waits on.
    db.session.remove()
    db.engine.dispose()
    try:
        restore_database(_database_url(), path)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    finally:
        db.engine.dispose()  # connections opened after the restore must not reuse plans for dropped tables
    click.echo(f"Database restored from {path}.")
    echo_row_counts()


def echo_row_counts() -> None:
    for table, count in sorted(row_counts(db.session, db.metadata).items()):
        click.echo(f"  {table:24} {count}")
