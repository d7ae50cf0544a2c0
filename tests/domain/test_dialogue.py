from datetime import date, datetime, timedelta

import pytest

from portal.domain import dialogue as dialogues
from portal.domain.errors import Conflict, ValidationFailed
from portal.domain.intake import route_pending
from portal.domain.petitions import PetitionDraft
from portal.models import Petition
from tests.conftest import VALID_CONTENT


def new_session(db, held_at, days=3, working=False):
    return dialogues.create_session(db.session, leader_name="Nguyễn Văn Chủ Tịch", leader_office="Chủ tịch UBND tỉnh",
                                    level="province", held_at=held_at, venue="Hội trường UBND", participants=120,
                                    topics="Đất đai, môi trường", conclusion_days=days, working_days=working)


def test_conclusion_is_due_three_calendar_days_after(db):
    item = new_session(db, datetime(2026, 11, 27, 2, 0))  # Friday 09:00 local
    assert item.conclusion_due_date == date(2026, 11, 30)
    assert new_session(db, datetime(2026, 11, 27, 2, 0), working=True).conclusion_due_date == date(2026, 12, 2)


def test_a_future_session_cannot_be_marked_held(db):
    item = new_session(db, datetime.now() + timedelta(days=2))
    with pytest.raises(ValidationFailed) as raised:
        dialogues.mark_held(item)
    assert "tương lai" in raised.value.message_vi and item.status == "planned"


def test_conclusion_cannot_precede_the_session_and_late_ones_are_flagged(db):
    item = new_session(db, datetime(2026, 11, 2, 2, 0))
    dialogues.mark_held(item, now=datetime(2026, 11, 2, 9, 0))
    with pytest.raises(ValidationFailed):
        dialogues.publish_conclusion(item, "Kết luận: giao Sở Xây dựng sửa đường trong tháng.", now=datetime(2026, 11, 1))
    late = dialogues.publish_conclusion(item, "Kết luận: giao Sở Xây dựng sửa đường trong tháng.",
                                        now=datetime(2026, 11, 6, 3, 0))
    assert late and item.status == "concluded"


def test_conclusion_needs_the_session_held_first(db):
    item = new_session(db, datetime(2026, 11, 2, 2, 0))
    with pytest.raises(Conflict):
        dialogues.publish_conclusion(item, "Kết luận đủ dài để được chấp nhận ở đây.", now=datetime(2026, 11, 3))


def test_minutes_split_into_numbered_items_or_paragraphs():
    numbered = "Biên bản\n1. Ông A kiến nghị sửa đường liên thôn bị hư hỏng nặng.\n2) Bà B đề nghị làm rõ việc thu " \
               "hồi đất dự án khu dân cư.\n   tiếp tục dòng hai\n- Cử tri C phản ánh rác thải tồn đọng ở chợ."
    items = dialogues.split_minutes(numbered)
    assert len(items) == 3 and items[1].endswith("tiếp tục dòng hai")
    paragraphs = "Kiến nghị thứ nhất về đường sá xuống cấp.\n\nKiến nghị thứ hai về nước sạch nông thôn."
    assert len(dialogues.split_minutes(paragraphs)) == 2


def test_petitions_raised_are_followed_up(db):
    item = new_session(db, datetime(2026, 11, 2, 2, 0))
    dialogues.mark_held(item, now=datetime(2026, 11, 3))
    db.session.flush()
    receipt = dialogues.record_petition(db.session, item, PetitionDraft(content=VALID_CONTENT,
                                                                        category_code="giao-thong"))
    db.session.commit()
    route_pending(db.session, ids=[receipt.petition_id])
    petition = db.session.get(Petition, receipt.petition_id)
    follow = dialogues.follow_up(item, today=petition.due_date + timedelta(days=1))
    assert petition.channel == "dialogue" and follow["total"] == 1 and follow["overdue"] == 1


CLOSINGS = [
    "Buổi đối thoại kết thúc lúc 11 giờ 30 cùng ngày.",
    "Chủ tọa cảm ơn bà con đã tham dự và tuyên bố kết thúc buổi đối thoại.",
    "Đồng chí Chủ tịch UBND phường, chủ trì buổi đối thoại, cảm ơn các đại biểu.",
    "Xin trân trọng cảm ơn bà con cử tri.",
    "Biên bản được thông qua lúc 11 giờ 45, các thành viên cùng ký.",
    "Hội nghị bế mạc lúc 16 giờ.",
]


@pytest.mark.parametrize("closing", CLOSINGS)
def test_the_closing_of_the_minutes_is_not_attached_to_the_last_petition(closing):
    minutes = ("BIÊN BẢN BUỔI ĐỐI THOẠI TRỰC TIẾP\nChủ trì: ông Nguyễn Văn An, Chủ tịch UBND phường.\n"
               "1. Bà Lê Thị B kiến nghị nạo vét cống thoát nước tổ 5, mưa lớn là ngập.\n"
               f"2. Ông Trần C phản ánh đèn đường kiệt 42 Lê Duẩn tắt hơn hai tuần.\n{closing}\n"
               "Thư ký                Chủ tọa\n(đã ký)               (đã ký)")
    items = dialogues.split_minutes(minutes)
    assert items == ["Bà Lê Thị B kiến nghị nạo vét cống thoát nước tổ 5, mưa lớn là ngập.",
                     "Ông Trần C phản ánh đèn đường kiệt 42 Lê Duẩn tắt hơn hai tuần."]


def test_a_closing_sentence_on_the_last_petitions_line_is_cut_off():
    minutes = ("1. Bà Lê Thị B kiến nghị nạo vét cống thoát nước tổ 5, mưa lớn là ngập.\n"
               "2. Ông Trần C phản ánh đèn đường kiệt 42 Lê Duẩn tắt hơn hai tuần. Buổi đối thoại kết thúc lúc 11 giờ.")
    assert dialogues.split_minutes(minutes)[-1] == "Ông Trần C phản ánh đèn đường kiệt 42 Lê Duẩn tắt hơn hai tuần."


def test_the_closing_paragraph_of_unnumbered_minutes_is_no_petition():
    minutes = ("Kiến nghị thứ nhất về đường sá xuống cấp ở thôn Phú Sơn.\n\n"
               "Kiến nghị thứ hai về nước sạch nông thôn chưa đến thôn.\n\n"
               "Chủ tọa cảm ơn bà con và kết thúc buổi đối thoại lúc 11 giờ.")
    assert dialogues.split_minutes(minutes) == ["Kiến nghị thứ nhất về đường sá xuống cấp ở thôn Phú Sơn.",
                                                "Kiến nghị thứ hai về nước sạch nông thôn chưa đến thôn."]


def test_a_petition_that_thanks_someone_is_still_a_petition():
    minutes = ("1. Ông D cảm ơn phường đã sửa đường, đề nghị làm thêm mương thoát nước kiệt 12.\n"
               "2. Bà E kiến nghị cấp lại giấy chứng nhận quyền sử dụng đất bị thất lạc.")
    assert len(dialogues.split_minutes(minutes)) == 2


def test_a_numbered_petition_from_a_chair_of_something_else_is_kept():
    minutes = ("1. Ông D, chủ trì tổ dân phố 3, cảm ơn phường và đề nghị làm thêm mương thoát nước kiệt 12.\n"
               "2. Bà E kiến nghị cấp lại giấy chứng nhận quyền sử dụng đất bị thất lạc.")
    assert len(dialogues.split_minutes(minutes)) == 2
