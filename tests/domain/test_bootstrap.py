"""What `flask bootstrap` does to a database (the command's output is in tests/test_cli_bootstrap.py)."""
from portal.domain.bootstrap import bootstrap
from portal.models import Petition, User


def test_demo_data_goes_only_into_an_empty_database_and_only_when_wanted(db, make_user):
    refused = bootstrap(db.session, demo_wanted=False)
    assert (refused.demo, refused.demo_refused, refused.taxonomy_added) == (None, "not_wanted", 0)  # loaded by `db`
    make_user("admin")  # a database with one account is not empty, even without petitions
    kept = bootstrap(db.session, demo_wanted=True)
    assert (kept.demo, kept.demo_refused) == (None, "has_data")
    assert db.session.query(User).count() == 1 and db.session.query(Petition).count() == 0


def test_an_empty_database_gets_the_demo_when_wanted(db):
    report = bootstrap(db.session, demo_wanted=True)
    db.session.commit()
    assert report.demo_refused is None and report.rollups_rebuilt_from is None
    assert report.demo.petitions == db.session.query(Petition).count() > 0
    assert {email for email, _, _ in report.demo.accounts} == {email for (email,) in db.session.query(User.email)}
