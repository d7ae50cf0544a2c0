"""Migration 0011 gives what was published before it a stored public title and conclusion, redacted."""
from datetime import datetime

from sqlalchemy import text

from portal.domain import workflow


def test_0011_fills_the_public_title_and_search_text_of_petitions_published_before_it(db, petition_factory,
                                                                                       make_user):
    from flask_migrate import downgrade, upgrade

    from portal.domain import dialogue as dialogues

    petition = petition_factory(title="Nguyễn Văn Bình phản ánh đèn đường hỏng", category="giao-thong")
    waiting = petition_factory(title="Trần Văn Hùng phản ánh rác", category="giao-thong")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Đã thay bóng đèn mới.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    item = dialogues.create_session(db.session, leader_name="Lê Văn Chủ Tịch", leader_office="Chủ tịch UBND tỉnh",
                                    level="province", held_at=datetime(2026, 11, 2, 2, 0), venue="Hội trường",
                                    participants=10, topics="Đường sá", conclusion_days=3, working_days=False)
    dialogues.mark_held(item, now=datetime(2026, 11, 2, 9, 0))
    dialogues.publish_conclusion(item, "Giao Sở Xây dựng trả lời bà Trần Thị Lan, điện thoại 0905 123 456.",
                                 now=datetime(2026, 11, 3, 3, 0))
    db.session.commit()
    ids = petition.id, waiting.id, item.id
    db.session.remove()
    downgrade(revision="0010")
    with db.engine.begin() as connection:  # as an older release left it: the title in no public text
        connection.execute(text("UPDATE petition SET search_public = 'pa' WHERE id = :id"), {"id": ids[0]})
    upgrade()
    rows = dict(db.session.execute(text("SELECT id, public_title FROM petition")).all())
    assert rows[ids[0]] == "[họ tên] phản ánh đèn đường hỏng" and rows[ids[1]] is None
    search = db.session.execute(text("SELECT search_public FROM petition WHERE id = :id"), {"id": ids[0]}).scalar()
    assert "phan anh den duong hong" in search and "binh" not in search
    conclusion = db.session.execute(text("SELECT public_conclusion FROM dialogue_session WHERE id = :id"),
                                    {"id": ids[2]}).scalar()
    assert "[số điện thoại]" in conclusion and "0905 123 456" not in conclusion and "Trần Thị Lan" not in conclusion
