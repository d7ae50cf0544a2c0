"""`flask bootstrap` is what `make run` does after migrating."""
from portal.domain.lifecycle import STATUSES
from portal.models import Petition, User
from portal.models.user import ROLES


def test_bootstrap_loads_demo_into_an_empty_database_once(runner, db, monkeypatch):
    monkeypatch.setenv("PORTAL_DEMO", "1")
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


def test_bootstrap_loads_no_demo_accounts_into_a_database_other_than_the_embedded_one(runner, db, monkeypatch):
    monkeypatch.delenv("PORTAL_DEMO", raising=False)
    result = runner.invoke(args=["bootstrap"])
    assert result.exit_code == 0, result.output
    assert "PORTAL_DEMO=1" in result.output
    assert db.session.query(User).count() == 0 and db.session.query(Petition).count() == 0


def test_seed_demo_writes_generated_passwords_into_a_file_only_its_owner_reads(runner, app, db):
    import os
    import stat

    path = os.path.join(app.instance_path, "demo-accounts.txt")
    with open(path, "w") as handle:  # left by an older version, readable by all
        handle.write("old\n")
    os.chmod(path, 0o644)
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "admin@demo.gov.vn" in open(path).read()
    line = next(line for line in result.output.splitlines() if line.startswith("admin@demo.gov.vn"))
    password = line.split()[-1]
    admin = db.session.query(User).filter_by(email="admin@demo.gov.vn").one()
    assert admin.check_password(password)
    assert admin.password_hash != password and len(password) >= 12
    assert password in open(path).read()


def test_bootstrap_fills_the_rollups_of_an_older_database(runner, db):
    from sqlalchemy import delete

    from portal.domain.rollups import TABLES
    from tests.oracles import snapshot

    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    kept = snapshot(db.session)
    for model in TABLES.values():  # as a database migrated from before the rollups existed
        db.session.execute(delete(model))
    db.session.commit()
    output = runner.invoke(args=["bootstrap"]).output
    assert "Rollups rebuilt from" in output
    assert snapshot(db.session) == kept and kept


def test_seed_synthetic_writes_petitions_with_their_events_assignments_and_ratings(app, db, capsys):
    from sqlalchemy import func

    from bench.seed_synthetic import main as seed_synthetic
    from portal.models import Answer, Assignment, PetitionEvent, Rating

    seed_synthetic(["--count", "1200", "--seed", "3"], app=app)
    output = capsys.readouterr().out
    assert "rows/s" in output and "petitions/s" in output
    assert db.session.query(Petition).count() == 1200
    published = db.session.query(Petition).filter(Petition.published_at.isnot(None)).count()
    # received, assigned, taken up, answered, published: at least five steps for each published petition
    assert db.session.query(PetitionEvent).count() >= 2 * 1200 + 3 * published
    assert db.session.query(Assignment).filter_by(active=True).count() == 1200
    assert db.session.query(Answer).filter_by(state="approved").count() == published
    assert 0 < db.session.query(Rating).count() < published
    # Each petition's timeline reads in order, and codes follow the ids.
    sample = db.session.query(Petition).order_by(Petition.id).offset(600).first()
    assert [e.to_status for e in sample.events][:2] == ["received", "assigned"]
    assert sample.code.endswith(f"{sample.id:06d}")
    assert db.session.query(func.count(func.distinct(Petition.code))).scalar() == 1200
