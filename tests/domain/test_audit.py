"""The audit trail names who made each change: the actor a domain action declares for its transaction
(audit.acting_as), or the system when nobody is declared."""
import json

from portal.domain import audit
from portal.models import ApiKey, AuditEntry, Category


def category(db) -> Category:
    return db.session.query(Category).filter_by(code="y-te").one()


def category_changes(db) -> list[tuple]:
    entries = (db.session.query(AuditEntry).filter_by(object_type="category", action="update")
               .order_by(AuditEntry.id))
    return [(json.loads(entry.changes)["deadline_days"][1], entry.actor_id, entry.actor_label) for entry in entries]


def test_the_declared_actor_names_the_changes_of_that_transaction_only(db, make_user):
    admin = make_user("admin")
    audit.acting_as(db.session, admin)
    category(db).deadline_days = 8
    db.session.commit()
    category(db).deadline_days = 9  # the next unit of work declared nobody
    db.session.commit()
    audit.acting_as(db.session, admin)
    category(db).deadline_days = 7
    db.session.rollback()
    category(db).deadline_days = 6  # nor after a rollback
    db.session.commit()
    assert category_changes(db) == [(8, admin.id, admin.email), (9, None, "hệ thống"), (6, None, "hệ thống")]


def test_a_savepoint_inside_the_transaction_keeps_its_actor(db, make_user):
    admin = make_user("admin")
    audit.acting_as(db.session, admin)
    with db.session.begin_nested():
        category(db).deadline_days = 8
    category(db).deadline_days = 9
    db.session.commit()
    assert category_changes(db) == [(8, admin.id, admin.email), (9, admin.id, admin.email)]


def test_declaring_nobody_is_the_system(db, make_user):
    audit.acting_as(db.session, None)
    category(db).deadline_days = 8
    db.session.commit()
    assert category_changes(db) == [(8, None, "hệ thống")]


def test_a_change_made_by_a_command_is_the_systems(db, runner):
    result = runner.invoke(args=["api-keys", "create", "--name", "tich-hop", "--role", "integration"])
    assert result.exit_code == 0, result.output
    key = db.session.query(ApiKey).filter_by(name="tich-hop").one()
    entry = db.session.query(AuditEntry).filter_by(object_type="api_key", object_id=str(key.id)).one()
    assert (entry.action, entry.actor_id, entry.actor_label) == ("create", None, "hệ thống")
    assert json.loads(entry.changes)["key_hash"] == [None, "***"]
