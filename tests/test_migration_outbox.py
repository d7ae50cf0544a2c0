"""Migration 0018 moves the e-mail queue (outbound_mail) into the outbox: what waited still goes, what was sent
stays sent; its downgrade gives the e-mail back."""
import json

from sqlalchemy import inspect, text


def test_0018_carries_queued_and_sent_mail_into_the_outbox_and_back(db, petition_factory):
    from flask_migrate import downgrade, upgrade

    petition_factory(category="giao-thong", reporter_email="an@example.com")  # queues the "assigned" notice
    db.session.execute(text("UPDATE outbox_message SET status = 'sent', sent_at = created_at, attempts = 1 "
                            "WHERE recipient = 'an@example.com'"))
    db.session.commit()
    db.session.remove()
    downgrade(revision="0017")
    with db.engine.begin() as connection:
        assert "outbox_message" not in inspect(connection).get_table_names()
        mails = connection.execute(text("SELECT to_address, subject, sent_at, attempts FROM outbound_mail")).all()
        assert [(m.to_address, m.sent_at is not None, m.attempts) for m in mails] == [("an@example.com", True, 1)]
        connection.execute(text("INSERT INTO outbound_mail (to_address, subject, body, dedupe_key, created_at, "
                                "attempts) VALUES ('binh@example.com', 'Chờ gửi', 'Nội dung', 'digest:9:x', "
                                "CURRENT_TIMESTAMP, 2)"))
    upgrade()
    rows = db.session.execute(text("SELECT channel, recipient, payload, status, attempts, dedupe_key, delivery_id "
                                   "FROM outbox_message ORDER BY id")).all()
    assert [(r.channel, r.recipient, r.status, r.attempts) for r in rows] == [
        ("email", "an@example.com", "sent", 1), ("email", "binh@example.com", "pending", 2)]
    assert json.loads(rows[1].payload) == {"subject": "Chờ gửi", "body": "Nội dung"}
    assert rows[1].dedupe_key == "digest:9:x" and len({r.delivery_id for r in rows}) == 2
