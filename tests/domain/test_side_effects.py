"""What every flush and commit of the application's session also writes (portal/domain/side_effects.py): rollups and
audit entries, from db.session and from new_session(), and from no other session."""
from datetime import timedelta

from sqlalchemy import func
from sqlalchemy.orm import Session

from portal.domain import side_effects
from portal.domain.calendar import local_date
from portal.extensions import PortalSession, new_session
from portal.models import AuditEntry, Category, DailyFigure, Petition


def received_by_day(db) -> dict:
    rows = db.session.query(DailyFigure.day, func.sum(DailyFigure.received)).group_by(DailyFigure.day).all()
    return {day: received for day, received in rows if received}


def category_updates(db) -> int:
    return db.session.query(AuditEntry).filter_by(object_type="category", action="update").count()


def backdate_and_edit(session, code: str) -> None:
    """A change the rollups count (the day a petition came in) and one the trail records (a category's deadline)."""
    petition = session.query(Petition).filter_by(code=code).one()
    petition.created_at = petition.created_at - timedelta(days=40)
    session.query(Category).filter_by(code="y-te").one().deadline_days = 9
    session.commit()


def test_a_plain_sqlalchemy_session_writes_no_rollups_and_no_audit_entries(db, petition_factory):
    petition = petition_factory()
    before = received_by_day(db)
    assert before == {local_date(petition.created_at): 1}
    with Session(db.engine) as plain:
        backdate_and_edit(plain, petition.code)
    db.session.expire_all()
    assert received_by_day(db) == before
    assert category_updates(db) == 0


def test_the_applications_sessions_write_rollups_and_audit_entries(db, petition_factory):
    petition = petition_factory()
    received = local_date(petition.created_at)
    with new_session() as other:
        assert isinstance(other, PortalSession)
        backdate_and_edit(other, petition.code)
    db.session.expire_all()
    assert received_by_day(db) == {local_date(petition.created_at): 1}
    assert local_date(petition.created_at) == received - timedelta(days=40)
    assert category_updates(db) == 1


def test_registering_again_writes_each_side_effect_once(db, petition_factory):
    side_effects.register(PortalSession)  # as every further create_app does
    petition = petition_factory()
    backdate_and_edit(db.session, petition.code)
    assert received_by_day(db) == {local_date(petition.created_at): 1}
    assert category_updates(db) == 1
