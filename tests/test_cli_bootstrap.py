"""`flask bootstrap` is what `make run` does after migrating."""
from portal.domain.lifecycle import STATUSES
from portal.models import Petition, User
from portal.models.user import ROLES


def test_bootstrap_loads_demo_into_an_empty_database_once(runner, db):
    first = runner.invoke(args=["bootstrap"])
    assert first.exit_code == 0, first.output
    assert "Demo accounts" in first.output
    assert {role for (role,) in db.session.query(User.role)} == set(ROLES)
    petitions = db.session.query(Petition).count()
    assert petitions >= 24
    statuses = {status for (status,) in db.session.query(Petition.status)}
    assert statuses >= set(STATUSES) - {"merged"}
    second = runner.invoke(args=["bootstrap"])
    assert "demo data not loaded" in second.output
    assert db.session.query(Petition).count() == petitions


def test_demo_passwords_are_generated_not_constant(runner, db):
    output = runner.invoke(args=["seed-demo", "--copies", "1"]).output
    line = next(line for line in output.splitlines() if line.startswith("admin@demo.gov.vn"))
    password = line.split()[-1]
    admin = db.session.query(User).filter_by(email="admin@demo.gov.vn").one()
    assert admin.check_password(password)
    assert admin.password_hash != password and len(password) >= 12


def test_bootstrap_fills_the_rollups_of_an_older_database(runner, db):
    from sqlalchemy import delete

    from portal.domain.rollups import TABLES, snapshot

    assert runner.invoke(args=["seed-demo", "--copies", "1"]).exit_code == 0
    kept = snapshot(db.session)
    for model in TABLES.values():  # as a database migrated from before the rollups existed
        db.session.execute(delete(model))
    db.session.commit()
    output = runner.invoke(args=["bootstrap"]).output
    assert "Rollups rebuilt from" in output
    assert snapshot(db.session) == kept and kept
