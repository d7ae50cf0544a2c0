"""A sender erases their contact details from the tracking page, with code, secret and a confirmation."""
import re

from portal.domain.retention import ERASED_EVENT
from portal.models import PetitionEvent
from tests.conftest import csrf_token, form_post

CONTENT = "Tôi là Lê Văn Sáu, gọi 0912 345 678. Đường Nguyễn Văn Linh có nhiều ổ gà sâu, xe máy đi qua rất nguy hiểm."


def tracked(client, petition):
    response = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def erasure_fields(page: str) -> dict:
    form = page[page.index('action="/xoa-thong-tin-lien-he/'):]
    return {"csrf_token": csrf_token(form), "token": re.search(r'name="token"[^>]*value="([^"]+)"', form).group(1)}


def sender(petition_factory):
    return petition_factory(content=CONTENT, reporter_name="Lê Văn Sáu", reporter_phone="0912345678",
                            reporter_email="sau.le@example.com", address="số 7 kiệt 12 Hải Phòng")


def test_sender_erases_their_contact_details_from_the_tracking_page(client, db, petition_factory):
    petition = sender(petition_factory)
    page = tracked(client, petition)
    assert "Xoá thông tin liên hệ của tôi" in page
    done = client.post(f"/xoa-thong-tin-lien-he/{petition.code}", data={**erasure_fields(page), "confirm": "y"})
    assert done.status_code == 200 and "Đã xoá thông tin liên hệ" in done.get_data(as_text=True)
    db.session.refresh(petition)
    assert petition.contact_erased_at is not None
    assert (petition.reporter_name, petition.reporter_phone, petition.reporter_email, petition.address) == \
        (None, None, None, "")
    assert "Lê Văn Sáu" not in petition.content and "0912 345 678" not in petition.content
    event = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, kind=ERASED_EVENT).one()
    assert "theo yêu cầu của người gửi" in event.note and "Sáu" not in event.note
    again = tracked(client, petition)
    assert "đã được xoá khỏi phản ánh này lúc" in again and "Xoá thông tin liên hệ của tôi" not in again


def test_nothing_is_erased_without_the_confirmation(client, db, petition_factory):
    petition = sender(petition_factory)
    response = client.post(f"/xoa-thong-tin-lien-he/{petition.code}", data=erasure_fields(tracked(client, petition)))
    assert response.status_code == 422 and "ô xác nhận" in response.get_data(as_text=True)
    db.session.refresh(petition)
    assert petition.reporter_name == "Lê Văn Sáu" and petition.contact_erased_at is None


def test_erasure_needs_the_pass_from_the_tracking_page_and_a_csrf_token(client, db, petition_factory):
    petition, other = sender(petition_factory), sender(petition_factory)
    fields = erasure_fields(tracked(client, petition))
    forged = client.post(f"/xoa-thong-tin-lien-he/{other.code}", data={**fields, "confirm": "y"})
    assert forged.status_code == 404  # the pass is for another petition
    no_csrf = client.post(f"/xoa-thong-tin-lien-he/{petition.code}", data={"token": fields["token"], "confirm": "y"})
    assert no_csrf.status_code == 400  # refused by the CSRF check before the view
    for item in (petition, other):
        db.session.refresh(item)
        assert item.contact_erased_at is None


def test_erasure_page_speaks_english_to_an_english_reader(client, db, petition_factory):
    petition = sender(petition_factory)
    fields = erasure_fields(tracked(client, petition))
    client.get("/?lang=en")
    response = client.post(f"/xoa-thong-tin-lien-he/{petition.code}", data=fields)
    assert response.status_code == 422 and '<html lang="en"' in response.get_data(as_text=True)
