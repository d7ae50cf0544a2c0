"""flask load-taxonomy, seed-demo, bootstrap, api-keys, metrics rebuild."""
import os

import click
from flask import current_app

from portal.extensions import db


@click.command("load-taxonomy")
def load_taxonomy_command():
    """Insert the default agencies and categories that are missing."""
    from portal.domain.taxonomy import load_taxonomy

    added = load_taxonomy(db.session)
    db.session.commit()
    click.echo(f"Taxonomy: {added} rows added.")


@click.command("seed-demo")
def seed_demo_command():
    """Demo accounts (passwords printed once) and petitions in every state."""
    from portal.domain.bootstrap import seed_demo

    demo = seed_demo(db.session)
    db.session.commit()
    _print_demo(demo)


@click.command("bootstrap")
def bootstrap_command():
    """What `make run` does after migrating: taxonomy always; demo data only into an empty database, and only the
    embedded SQLite one unless PORTAL_DEMO=1 asks (a production PostgreSQL never gets demo accounts by accident)."""
    from portal.domain.bootstrap import bootstrap

    report = bootstrap(db.session, demo_wanted())
    db.session.commit()
    click.echo(f"Taxonomy: {report.taxonomy_added} rows added.")
    if report.rollups_rebuilt_from is not None:  # a database from before the rollups existed
        click.echo(f"Rollups rebuilt from {report.rollups_rebuilt_from} petitions.")
    if report.demo is not None:
        _print_demo(report.demo)
    elif report.demo_refused == "has_data":
        click.echo("Database already has data: demo data not loaded.")
    else:
        click.echo("Demo data not loaded: set PORTAL_DEMO=1 to load it into this database.")


def demo_wanted() -> bool:
    """PORTAL_DEMO=1 or 0 decides; without it, only the embedded SQLite database of `make run` gets demo data."""
    from portal.config import default_database_url

    choice = os.environ.get("PORTAL_DEMO", "").strip()
    if choice in ("0", "1"):
        return choice == "1"
    return current_app.config["SQLALCHEMY_DATABASE_URI"] == default_database_url(current_app.instance_path)


def _print_demo(demo) -> None:
    path = current_app.instance_path + "/demo-accounts.txt"
    lines = [f"{email:32} {role:16} {password}" for email, role, password in demo.accounts]
    banner = ["", "Demo accounts (passwords shown once; also kept in instance/demo-accounts.txt, never committed):",
              *lines, ""]
    click.echo("\n".join(banner))
    write_private_file(path, "\n".join(lines) + "\n")
    click.echo(f"{demo.petitions} demo petitions created.")


def write_private_file(path: str, text: str) -> None:
    """A file only its owner may read (0600): it holds passwords."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # also when the file was there before with wider rights
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)


@click.group("api-keys")
def api_keys_group():
    """Create and revoke API keys."""


@api_keys_group.command("create")
@click.option("--name", required=True)
@click.option("--role", required=True, help="A user role, or integration.")
@click.option("--agency", "agency_code", default=None, help="Agency code, for agency roles.")
def create_api_key(name, role, agency_code):
    """Print the new key alone on the last line (it is stored hashed and cannot be shown again)."""
    from portal.domain.api_keys import create_key
    from portal.domain.errors import DomainError

    try:
        _, raw_key = create_key(db.session, name, role, agency_code)
    except DomainError as error:
        raise click.ClickException(error.message_vi) from None
    db.session.commit()
    click.echo(f"Khoá API “{name}” ({role}) đã tạo. Lưu lại ngay, khoá không hiển thị lại:")
    click.echo(raw_key)


@api_keys_group.command("revoke")
@click.argument("name")
def revoke_api_key(name):
    from portal.domain.api_keys import revoke_key
    from portal.domain.errors import DomainError

    try:
        revoke_key(db.session, name)
    except DomainError as error:
        raise click.ClickException(error.message_vi) from None
    db.session.commit()
    click.echo(f"Đã thu hồi khoá “{name}”.")


@click.group("metrics")
def metrics_group():
    """The daily rollups behind every figure."""


@metrics_group.command("rebuild")
def rebuild_metrics_command():
    """Recompute the rollups from the archive (after a restore or a load that bypassed the application)."""
    from portal.domain.rollups import rebuild

    petitions = rebuild(db.session)
    db.session.commit()
    click.echo(f"Rollups rebuilt from {petitions} petitions.")

