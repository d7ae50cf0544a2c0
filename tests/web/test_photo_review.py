"""The photos of an item: staff who see the petition see them; the head publishes them one by one, blurred where
drawn; the public sees only the published ones, and only once the answer is published."""
import io
import re

import pytest
from PIL import Image

from portal.domain import workflow
from portal.domain.media import attach_photo
from portal.media_storage import storage_for
from portal.models import PetitionPhoto
from tests.conftest import form_post, login

ANSWER = "<p>Sở đã cho vá ổ gà và kẻ lại vạch sơn đoạn gần chợ, cảm ơn ông/bà đã phản ánh.</p>"


def picture(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 90), colour).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def item(app, db, petition_factory):
    """A petition of SO-XD with two photos the sender attached."""
    petition = petition_factory(category="giao-thong")
    for colour in ("red", "blue"):
        attach_photo(db.session, storage_for(app), petition, picture(colour))
    db.session.commit()
    petition.photos = (db.session.query(PetitionPhoto).filter_by(petition_id=petition.id)
                       .order_by(PetitionPhoto.id).all())
    return petition


def page_of(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def links(html: str, pattern: str) -> list[str]:
    return [link.replace("&amp;", "&") for link in re.findall(pattern, html)]


def decide(client, petition, photo, **fields):
    data = {f"photo{photo.id}-{name}": value for name, value in fields.items()}
    return form_post(client, f"/co-quan/anh/{photo.id}/cong-bo", data, page_url=f"/co-quan/phan-anh/{petition.code}")


def test_the_officer_sees_every_photo_with_alt_text_and_a_signed_link_but_no_publishing_form(client, item,
                                                                                            make_user):
    login(client, make_user("agency_officer", "SO-XD"))
    html = page_of(client, f"/co-quan/phan-anh/{item.code}")
    for number in (1, 2):
        assert f'alt="Ảnh {number} của phản ánh {item.code}"' in html
    thumbnails = links(html, r'<img src="(/anh/\d+/thumb\?[^"]+)"')
    assert len(thumbnails) == 2 and "người dân" in html and "Chỉ cán bộ xem" in html
    response = client.get(thumbnails[0])
    assert response.status_code == 200 and response.mimetype == "image/jpeg"
    assert "Lưu quyết định về ảnh" not in html and "photo-blur.js" not in html


def test_the_head_publishes_a_photo_through_the_form_with_a_blurred_region_and_sees_the_public_copy(
        app, client, db, item, make_user):
    login(client, make_user("agency_head", "SO-XD"))
    html = page_of(client, f"/co-quan/phan-anh/{item.code}")
    assert "Công bố ảnh này cùng câu trả lời" in html and "photo-blur.js" in html
    assert "không vẽ được vùng che mờ: ảnh sẽ được công bố nguyên vẹn" in html  # what a browser without JS says
    first, second = item.photos
    response = decide(client, item, first, publish="y", regions="[[0.1, 0.1, 0.4, 0.5]]")
    assert response.status_code == 302 and response.location.endswith(f"#photo-{first.id}")
    db.session.refresh(first), db.session.refresh(second)
    assert first.published and first.blurred_regions == 1 and not second.published
    html = page_of(client, f"/co-quan/phan-anh/{item.code}")
    assert "Ảnh 1 sẽ được công khai cùng câu trả lời." in html and "che mờ 1 vùng" in html
    preview_url = re.search(r'class="photo-preview" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "variant=" not in preview_url and "/public-full?" in preview_url  # a signed link: the one file road
    preview = client.get(preview_url)
    assert preview.status_code == 200 and preview.data == storage_for(app).read(first.public_key)
    assert "Công bố ảnh cùng câu trả lời" in html  # the staff timeline


def test_a_plain_form_without_regions_publishes_the_photo_whole_and_unticking_withdraws_it(client, db, item,
                                                                                          make_user):
    login(client, make_user("agency_head", "SO-XD"))
    photo = item.photos[0]
    assert decide(client, item, photo, publish="y", regions="").status_code == 302
    db.session.refresh(photo)
    assert photo.published and photo.blurred_regions == 0
    assert decide(client, item, photo, regions="").status_code == 302
    db.session.refresh(photo)
    assert not photo.published and photo.public_key is None


def test_regions_outside_the_picture_are_refused_with_a_422_in_the_users_language(client, db, item, make_user):
    login(client, make_user("agency_head", "SO-XD"))
    photo = item.photos[0]
    response = decide(client, item, photo, publish="y", regions="[[0.9, 0.1, 0.5, 0.5]]")
    assert response.status_code == 422
    assert "Vùng che mờ không hợp lệ" in response.get_data(as_text=True)
    client.set_cookie("lang", "en")
    response = decide(client, item, photo, publish="y", regions="[[0.9, 0.1, 0.5, 0.5]]")
    assert response.status_code == 422 and "A blurred region is not valid" in response.get_data(as_text=True)
    db.session.refresh(photo)
    assert not photo.published and photo.public_key is None


def test_an_officer_gets_403_and_another_agencys_head_404_and_nothing_is_published(app, client, db, item,
                                                                                  make_user):
    photo = item.photos[0]
    login(client, make_user("agency_officer", "SO-XD"))
    assert decide(client, item, photo, publish="y").status_code == 403
    other_head = app.test_client()
    login(other_head, make_user("agency_head", "SO-YT"))
    response = form_post(other_head, f"/co-quan/anh/{photo.id}/cong-bo", {f"photo{photo.id}-publish": "y"},
                         page_url="/co-quan/")
    assert response.status_code == 404
    assert other_head.get(f"/co-quan/phan-anh/{item.code}").status_code == 404
    db.session.refresh(photo)
    assert not photo.published


def test_the_public_page_shows_only_the_published_photo_and_only_after_the_answer_is_published(
        client, db, item, make_user):
    head = make_user("agency_head", "SO-XD")
    first, second = item.photos
    login(client, head)
    decide(client, item, first, publish="y")
    public = client.application.test_client()
    assert public.get(f"/p/{item.code}").status_code == 404  # no answer yet: nothing public at all
    workflow.submit_answer(db.session, item, make_user("agency_officer", "SO-XD"), ANSWER)
    workflow.approve_answer(db.session, item, head)
    db.session.commit()
    html = page_of(public, f"/p/{item.code}")
    assert f'alt="Ảnh 1 của phản ánh {item.code}"' in html and "Ảnh 2 của" not in html
    db.session.refresh(first)
    version = first.public_key.rsplit("/", 1)[-1].split(".")[0][-12:]  # a re-published copy gets a new URL
    assert links(html, r'<img src="([^"]+)"') == [f"/anh/cong-khai/{first.id}/thumb?v={version}"]
    assert public.get(f"/anh/cong-khai/{first.id}/full").status_code == 200
    assert public.get(f"/anh/cong-khai/{second.id}/full").status_code == 404


def test_a_petition_without_a_published_photo_shows_no_photo_block_to_the_public(client, db, item, make_user):
    head = make_user("agency_head", "SO-XD")
    workflow.submit_answer(db.session, item, make_user("agency_officer", "SO-XD"), ANSWER)
    workflow.approve_answer(db.session, item, head)
    db.session.commit()
    html = page_of(client, f"/p/{item.code}")
    assert "photos-h" not in html and "/anh/" not in html


def test_the_committee_sees_the_photos_read_only(client, item, make_user):
    login(client, make_user("committee"))
    html = page_of(client, f"/ban-dan-van/phan-anh/{item.code}")
    assert f'alt="Ảnh 2 của phản ánh {item.code}"' in html and "Lưu quyết định về ảnh" not in html


def test_the_audit_trail_names_the_head_and_the_decision(app, client, db, item, make_user):
    head = make_user("agency_head", "SO-XD")
    login(client, head)
    decide(client, item, item.photos[0], publish="y", regions="[[0.1, 0.1, 0.4, 0.5]]")
    admin = app.test_client()
    login(admin, make_user("admin"))
    html = page_of(admin, "/quan-tri/nhat-ky?loai=petition_photo")
    assert f"Ảnh phản ánh #{item.photos[0].id}" in html and head.email in html
    assert "Số vùng che mờ" in html and "Công bố" in html
