"""`flask backup` and `flask restore`: a real round trip through the database in use (SQLite or PostgreSQL)."""
import pytest
from sqlalchemy import delete, func, inspect, select, update

from portal import backup
from portal.models import Petition, PetitionEvent
from tests.conftest import BACKEND

SUFFIX = ".sqlite3" if BACKEND == "sqlite" else ".dump"


def _counts(db) -> dict[str, int]:
    present = set(inspect(db.engine).get_table_names())
    return {table.name: db.session.scalar(select(func.count()).select_from(table))
            for table in db.metadata.sorted_tables if table.name in present}


def _sample(db) -> list[tuple]:
    """Each petition's code, content, status and number of events, by code."""
    events = (select(PetitionEvent.petition_id, func.count().label("n"))
              .group_by(PetitionEvent.petition_id).subquery())
    rows = db.session.execute(
        select(Petition.code, Petition.content, Petition.status, events.c.n)
        .outerjoin(events, events.c.petition_id == Petition.id).order_by(Petition.code))
    return [tuple(row) for row in rows]


def _snapshot(db):
    db.session.remove()  # read what is committed, and hold no locks that restore would wait on
    return _counts(db), _sample(db)


@pytest.fixture
def petitions(petition_factory):
    """The ids of four petitions, each with its events."""
    return [petition_factory(content=f"Phản ánh số {n}: cống thoát nước trên đường Lê Duẩn bị tắc, nước tràn lên "
                                     f"vỉa hè nhiều ngày, đề nghị nạo vét.").id for n in range(4)]


def _delete_petition(db, petition_id):
    """Delete a petition and every row that refers to it (events, assignments ...)."""
    for table in db.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == "petition" and table.name != "petition":
                db.session.execute(delete(table).where(key.parent == petition_id))
    db.session.execute(delete(Petition).where(Petition.id == petition_id))
    db.session.commit()


def test_backup_then_restore_brings_back_every_row(runner, db, petitions, petition_factory, tmp_path):
    before_counts, before_sample = _snapshot(db)
    assert before_counts["petition"] == 4 and before_counts["petition_event"] >= 4
    assert all(events >= 1 for *_, events in before_sample)

    result = runner.invoke(args=["backup", str(tmp_path / f"copy{SUFFIX}")])
    assert result.exit_code == 0, result.output
    assert f"copy{SUFFIX}" in result.output
    assert any(line.split() == ["petition", "4"] for line in result.output.splitlines()), result.output
    assert (tmp_path / f"copy{SUFFIX}").stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [f"copy{SUFFIX}"]  # no partial file left behind

    # Change the data every way: delete, edit, add.
    _delete_petition(db, petitions[0])
    db.session.execute(update(Petition).where(Petition.id == petitions[1]).values(content="Đã sửa sau sao lưu."))
    db.session.commit()
    petition_factory()
    petition_factory(category="moi-truong")
    changed_counts, changed_sample = _snapshot(db)
    assert changed_counts != before_counts and changed_sample != before_sample

    result = runner.invoke(args=["restore", str(tmp_path / f"copy{SUFFIX}"), "--yes"])
    assert result.exit_code == 0, result.output
    assert "restored" in result.output

    after_counts, after_sample = _snapshot(db)
    assert after_counts == before_counts
    assert after_sample == before_sample
    # The id sequences came back too: a new petition gets a fresh id and code.
    newest = petition_factory()
    assert newest.id > max(petitions)
    assert db.session.query(Petition).count() == 5


def test_backup_without_path_goes_to_instance_backups(runner, app, db, petitions, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    result = runner.invoke(args=["backup"])
    assert result.exit_code == 0, result.output
    written = list((tmp_path / "backups").iterdir())
    assert len(written) == 1
    assert written[0].name.startswith("portal-") and written[0].suffix == SUFFIX
    assert str(written[0]) in result.output


def test_restore_refuses_without_yes_and_changes_nothing(runner, db, petitions, tmp_path):
    path = tmp_path / f"copy{SUFFIX}"
    assert runner.invoke(args=["backup", str(path)]).exit_code == 0
    _delete_petition(db, petitions[0])
    before = _snapshot(db)

    result = runner.invoke(args=["restore", str(path)])
    assert result.exit_code != 0
    assert "overwrites" in result.output and "--yes" in result.output
    assert _snapshot(db) == before


def test_restore_of_a_missing_file_is_a_clear_error(runner, db, petitions, tmp_path):
    before = _snapshot(db)
    result = runner.invoke(args=["restore", str(tmp_path / "nowhere.dump"), "--yes"])
    assert result.exit_code == 1
    assert "Backup file not found" in result.output and "nowhere.dump" in result.output
    assert _snapshot(db) == before


def test_restore_of_a_file_that_is_not_a_backup_changes_nothing(runner, db, petitions, tmp_path):
    path = tmp_path / f"garbage{SUFFIX}"
    path.write_text("không phải bản sao lưu\n" * 200)
    before = _snapshot(db)
    result = runner.invoke(args=["restore", str(path), "--yes"])
    assert result.exit_code == 1
    assert "Error:" in result.output and ("pg_restore failed" in result.output or "SQLite" in result.output)
    assert _snapshot(db) == before


def test_pg_dump_failure_reports_its_stderr_and_leaves_no_file(tmp_path):
    try:
        backup._find_pg_tool("pg_dump")
    except backup.BackupError:
        pytest.skip("PostgreSQL client tools are not installed")
    target = tmp_path / "out.dump"
    with pytest.raises(backup.BackupError) as failure:
        backup.backup_database("postgresql+psycopg://nobody:secret@127.0.0.1:1/nothing", str(target))
    message = str(failure.value)
    assert message.startswith("pg_dump failed") and "127.0.0.1" in message
    assert "secret" not in message
    assert list(tmp_path.iterdir()) == []


def test_missing_pg_tool_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(backup, "PG_BIN_GLOB", str(tmp_path / "postgresql" / "*" / "bin"))
    with pytest.raises(backup.BackupError, match="pg_restore not found"):
        backup._find_pg_tool("pg_restore")


def test_newest_postgresql_bin_directory_wins(tmp_path, monkeypatch):
    for version in ("9.6", "15", "16"):
        tool = tmp_path / "postgresql" / version / "bin" / "pg_dump"
        tool.parent.mkdir(parents=True)
        tool.write_text("#!/bin/sh\n")
        tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(backup, "PG_BIN_GLOB", str(tmp_path / "postgresql" / "*" / "bin"))
    assert backup._find_pg_tool("pg_dump") == str(tmp_path / "postgresql" / "16" / "bin" / "pg_dump")
