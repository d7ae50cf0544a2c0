"""Photos and a map pin on the three intake forms (the citizen's, the hotline console, a dialogue's petition): every
photo is cleaned before anything is stored, a bad one refuses the whole submission and keeps nothing, and the pin
must lie in Vietnam, as in the API and Open311."""
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from portal.domain import dialogue as dialogues
from portal.models import Petition, PetitionPhoto
from portal.models.base import utcnow
from tests.conftest import VALID_CONTENT, form_post

VIENTIANE, BANGKOK, HOANG_SA = ("17.97", "102.6"), ("13.75", "100.5"), ("16.5", "112.0")


def jpeg_with_gps(colour="red") -> bytes:
    """A photo as a phone takes it: a JPEG whose EXIF holds where it was taken."""
    image = Image.new("RGB", (64, 48), colour)
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (16.0, 3.0, 15.84), 3: "E", 4: (108.0, 12.0, 7.92)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


HTML_NAMED_JPG = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


def files(*contents, name="anh.jpg"):
    return [(io.BytesIO(data), name) for data in contents]


def submit(client, photos=(), **overrides):
    data = {"content": VALID_CONTENT, "title": "Ổ gà", "category": "", "province_code": "48", "ward_code": "20257",
            "address": "Trước số 12 Núi Thành", "reporter_name": "Lê Văn Dân", "reporter_phone": "",
            "reporter_email": "", "consent_public": "y", "lat": "", "lng": ""}
    data.update(overrides)
    if photos:
        data["photo"] = list(photos)
    return form_post(client, "/gui-phan-anh", data, content_type="multipart/form-data")


@pytest.fixture
def media_files(app):
    root = Path(app.config["MEDIA_STORAGE_URI"][len("file://"):])
    return lambda: sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_the_web_form_keeps_a_photo_without_its_gps_position(client, db, app, media_files):
    response = submit(client, files(jpeg_with_gps()))
    assert response.status_code == 302
    photo = db.session.query(PetitionPhoto).one()
    stored = next(p for p in media_files() if p.name == Path(photo.storage_key).name).read_bytes()
    assert Image.open(io.BytesIO(stored)).getexif() == {}
    assert b"Exif" not in stored


def test_an_html_file_named_jpg_is_refused_and_nothing_is_stored(client, db, media_files):
    before = media_files()
    response = submit(client, files(jpeg_with_gps(), HTML_NAMED_JPG))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Ảnh thứ 2: Tệp này không phải ảnh" in page
    assert "vui lòng chọn lại ảnh" in page
    # What the sender typed is still there; only the file field has to be filled again.
    assert VALID_CONTENT in page and 'value="Trước số 12 Núi Thành"' in page
    assert db.session.query(Petition).count() == 0 and db.session.query(PetitionPhoto).count() == 0
    assert media_files() == before


def test_an_html_file_is_refused_in_english_for_an_english_reader(client, db):
    client.get("/?lang=en")
    response = submit(client, files(HTML_NAMED_JPG))
    assert response.status_code == 422
    assert "This file is not a readable" in response.get_data(as_text=True)


def test_six_photos_are_refused(client, db, media_files):
    before = media_files()
    response = submit(client, files(*[jpeg_with_gps()] * 6))
    assert response.status_code == 422
    assert "Mỗi phản ánh có tối đa 5 ảnh; bạn đã chọn 6 ảnh." in response.get_data(as_text=True)
    assert db.session.query(Petition).count() == 0 and media_files() == before


def test_a_repeated_submission_keeps_its_photos_once(client, db, media_files):
    before = len(media_files())
    page = client.get("/gui-phan-anh").get_data(as_text=True)
    token = re.search(r'name="submission_token"[^>]*value="([^"]*)"', page).group(1)
    for _ in range(2):
        response = submit(client, files(jpeg_with_gps("red"), jpeg_with_gps("blue")), submission_token=token)
        assert response.status_code == 302
    assert db.session.query(Petition).count() == 1
    assert db.session.query(PetitionPhoto).count() == 2
    assert len(media_files()) == before + 4  # two pictures and their thumbnails


def test_a_pin_is_kept_with_the_petition(client, db):
    assert submit(client, lat="16,0544", lng="108.2022").status_code == 302
    petition = db.session.query(Petition).one()
    assert (petition.lat, petition.lng) == (16.0544, 108.2022)


@pytest.mark.parametrize("where", [VIENTIANE, BANGKOK], ids=["Vientiane", "Bangkok"])
def test_a_pin_outside_vietnam_is_refused_beside_the_coordinates(client, db, where):
    response = submit(client, lat=where[0], lng=where[1])
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'id="lat-error">Vị trí này nằm ngoài lãnh thổ và vùng biển Việt Nam', page)
    assert db.session.query(Petition).count() == 0


def test_a_pin_on_hoang_sa_is_accepted(client, db):
    assert submit(client, lat=HOANG_SA[0], lng=HOANG_SA[1]).status_code == 302
    assert db.session.query(Petition).one().lat == 16.5


def test_half_a_pin_is_refused(client, db):
    response = submit(client, lat="16.05")
    assert response.status_code == 422
    assert "Cần cả vĩ độ và kinh độ, hoặc bỏ trống cả hai." in response.get_data(as_text=True)


def test_the_form_offers_the_photo_field_and_the_map_pin(client):
    page = client.get("/gui-phan-anh").get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page
    assert re.search(r'<input[^>]*accept="image/jpeg,image/png,image/webp,image/heic,image/heif"[^>]*multiple', page)
    assert "data-pin-map" in page
    assert '<label for="lat">Vĩ độ</label>' in page and '<label for="lng">Kinh độ</label>' in page
    assert "js/pin.js" in page and "js/photo-picker.js" in page and "vendor/leaflet/leaflet.js" in page


def test_the_hotline_console_keeps_a_callers_photo_and_pin(client, db, login_as):
    operator = login_as("operator")
    response = form_post(client, "/tong-dai/", {
        "summary": "Người gọi báo cây đổ chắn ngang đường Núi Thành, xe máy không qua được.", "caller_name": "",
        "caller_phone": "", "province_code": "48", "ward_code": "20257", "address": "Núi Thành", "category": "",
        "checked": "1", "lat": "16.0544", "lng": "108.2022", "photo": files(jpeg_with_gps())},
        content_type="multipart/form-data")
    assert response.status_code == 200 and "PA-" in response.get_data(as_text=True)
    petition = db.session.query(Petition).one()
    assert (petition.channel, petition.lat, petition.lng) == ("hotline", 16.0544, 108.2022)
    assert db.session.query(PetitionPhoto).one().uploaded_by_id == operator.id


def test_the_hotline_console_refuses_a_bad_photo_beside_the_field(client, db, login_as):
    login_as("operator")
    response = form_post(client, "/tong-dai/", {
        "summary": "Người gọi báo cây đổ chắn ngang đường Núi Thành, xe máy không qua được.", "caller_name": "",
        "caller_phone": "", "province_code": "48", "ward_code": "20257", "address": "Núi Thành", "category": "",
        "checked": "1", "photo": files(HTML_NAMED_JPG)}, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'id="photo-error">Tệp này không phải ảnh', page) and "cây đổ chắn ngang" in page
    assert db.session.query(Petition).count() == 0


def held_session(db):
    item = dialogues.create_session(db.session, leader_name="Nguyễn Văn An", leader_office="Chủ tịch UBND phường",
                                    level="commune", held_at=utcnow() - timedelta(days=1), venue="Nhà văn hoá tổ 5",
                                    participants=60, topics="", conclusion_days=3)
    dialogues.mark_held(item)
    db.session.commit()
    return item


def test_a_dialogue_petition_keeps_the_photo_handed_in_and_its_pin(client, db, login_as):
    item = held_session(db)
    login_as("secretariat")
    response = form_post(client, f"/doi-thoai/{item.id}/kien-nghi", {
        "content": "Đường vào tổ 5 bị ngập sâu mỗi khi mưa lớn, đề nghị nạo vét cống.", "category": "",
        "province_code": "48", "ward_code": "20257", "address": "Kiệt 12", "lat": "16.0544", "lng": "108.2022",
        "photo": files(jpeg_with_gps(), jpeg_with_gps("green"))},
        page_url=f"/doi-thoai/{item.id}", content_type="multipart/form-data")
    assert response.status_code == 302
    petition = db.session.query(Petition).filter_by(dialogue_session_id=item.id).one()
    assert petition.lat == 16.0544
    assert db.session.query(PetitionPhoto).filter_by(petition_id=petition.id).count() == 2


def test_a_dialogue_petition_with_a_pin_abroad_keeps_what_was_typed(client, db, login_as):
    item = held_session(db)
    login_as("secretariat")
    response = form_post(client, f"/doi-thoai/{item.id}/kien-nghi", {
        "content": "Đường vào tổ 5 bị ngập sâu mỗi khi mưa lớn, đề nghị nạo vét cống.", "category": "",
        "province_code": "48", "ward_code": "20257", "address": "Kiệt 12", "lat": VIENTIANE[0], "lng": VIENTIANE[1]},
        page_url=f"/doi-thoai/{item.id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "nằm ngoài lãnh thổ" in page and "bị ngập sâu mỗi khi mưa lớn" in page
    assert db.session.query(Petition).count() == 0


def test_the_nearest_ward_is_offered_for_a_pin(client):
    found = client.get("/dia-ban/xa-gan-nhat.json?lat=16.0458&lng=108.2125").get_json()
    assert found == {"ward": {"province_code": "48", "province_name": "Thành phố Đà Nẵng", "ward_code": "20257",
                              "ward_name": "Phường Hòa Cường"}}
    abroad = client.get("/dia-ban/xa-gan-nhat.json?lat=17.97&lng=102.6")
    assert abroad.status_code == 422 and "ngoài lãnh thổ" in abroad.get_json()["error"]["message"]
    assert client.get("/dia-ban/xa-gan-nhat.json?lat=abc&lng=1&lang=en").status_code == 422


@pytest.mark.parametrize("where", [VIENTIANE, BANGKOK], ids=["Vientiane", "Bangkok"])
def test_the_api_and_open311_refuse_the_same_places(client, db, where):
    from portal.domain.api_keys import create_key

    _, key = create_key(db.session, "integrator", "integration", None)
    db.session.commit()
    api = client.post("/api/v1/petitions", json={"content": VALID_CONTENT, "location": {
        "lat": float(where[0]), "lng": float(where[1])}})
    assert api.status_code == 422 and "ngoài lãnh thổ" in api.get_json()["error"]["message"]
    open311 = client.post("/open311/v2/requests.json", data={
        "api_key": key, "service_code": "giao-thong", "description": VALID_CONTENT,
        "lat": where[0], "long": where[1]})
    assert open311.status_code == 422 and "ngoài lãnh thổ" in open311.get_json()[0]["description"]
    assert db.session.query(Petition).count() == 0


def test_a_request_over_the_size_limit_gets_the_portals_page_in_the_users_language(client, db):
    too_big = b"\xff\xd8\xff" + b"0" * (53 * 1024 * 1024)  # over 52 MB: five photos of 10 MB and the fields
    response = submit(client, files(too_big))
    assert response.status_code == 413
    assert "Dữ liệu hoặc tệp gửi lên quá lớn" in response.get_data(as_text=True)
    client.get("/?lang=en")
    assert "The request or file is too large" in submit(client, files(too_big)).get_data(as_text=True)
    assert db.session.query(Petition).count() == 0
