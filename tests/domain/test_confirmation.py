"""The expected answer date the confirmation page promises."""
from portal.domain.calendar import due_date_for
from portal.domain.confirmation import expected_answer


def test_an_assigned_petition_promises_its_due_date(db, petition_factory):
    petition = petition_factory(category="ha-tang-do-thi")
    expected = expected_answer(db.session, petition.code)
    assert (expected.due_date, expected.working_days, expected.estimated) == (petition.due_date, 7, False)


def test_a_petition_waiting_for_the_coordinator_promises_only_the_longest_time(db, petition_factory):
    petition = petition_factory(category="ha-tang-do-thi", triage=True)
    expected = expected_answer(db.session, petition.code)
    assert petition.due_date is None
    assert expected.estimated and not expected.category_known and expected.working_days == 15
    assert expected.due_date == due_date_for(petition.created_at, 15)


def test_a_petition_waiting_for_routing_estimates_from_its_category(db, petition_factory):
    petition = petition_factory(category="ha-tang-do-thi")
    petition.due_date, petition.intake_step = None, "route"  # as the intake worker finds it
    db.session.commit()
    expected = expected_answer(db.session, petition.code)
    assert expected.estimated and expected.category_known and expected.working_days == 7
    assert expected_answer(db.session, "PA-0000-000000") is None
