"""POST /api/v1/petitions/{code}/photos, the photos in the tracking JSON, the signed and the public photo URLs, and
Open311's media_url: photos reach the agency, their metadata never does, and no one reads a photo by guessing."""
import io
import shutil
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import ExifTags, Image

from portal.domain import media
from portal.media_storage import storage_for
from portal.models import PetitionEvent, PetitionPhoto
from tests.api.conftest import bearer
from tests.api.test_petitions_api import validate
from tests.domain.test_media import camera_exif, photo


@pytest.fixture(autouse=True)
def storage(app):
    """The application's media storage, emptied: petition codes start again at 1 in every test."""
    storage = storage_for(app)
    shutil.rmtree(storage.root, ignore_errors=True)
    return storage


def upload(client, petition, data: bytes, filename="anh.jpg", headers=None, secret=None):
    headers = {"X-Tracking-Secret": petition.plain_secret if secret is None else secret, **(headers or {})}
    return client.post(f"/api/v1/petitions/{petition.code}/photos", headers=headers,
                       data={"photo": (io.BytesIO(data), filename)}, content_type="multipart/form-data")


def stored_files(db, storage) -> list[bytes]:
    files = []
    for row in db.session.query(PetitionPhoto):
        files += [storage.read(row.storage_key), storage.read(row.thumbnail_key)]
    return files


def public_path(app, stored, variant="full") -> str:
    with app.test_request_context():
        return media.public_url(stored, variant)


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def test_the_sender_adds_a_photo_and_gets_its_size_and_signed_urls(client, db, petition_factory):
    petition = petition_factory()
    answer = validate(upload(client, petition, photo(size=(3000, 1500), exif=camera_exif())),
                      "/petitions/{code}/photos", "post", 201)
    assert (answer["width"], answer["height"]) == (2048, 1024)
    stored = db.session.get(PetitionPhoto, answer["id"])
    assert stored.petition_id == petition.id and not stored.published and stored.uploaded_by_label == "người dân"
    full = client.get(path_of(answer["url"]))
    assert full.status_code == 200 and full.mimetype == "image/jpeg"
    assert Image.open(io.BytesIO(full.data)).size == (2048, 1024)
    assert full.headers["X-Content-Type-Options"] == "nosniff" and full.headers["Cache-Control"].startswith("private")
    thumbnail = client.get(path_of(answer["thumbnail_url"]))
    assert max(Image.open(io.BytesIO(thumbnail.data)).size) == media.THUMBNAIL_SIDE
    event = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, kind=media.PHOTO_EVENT).one()
    assert event.actor_label == "Người gửi" and event.to_status is None and not event.public


def test_the_stored_file_has_no_exif_and_no_gps(client, db, petition_factory, storage):
    original = photo(exif=camera_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload carries a position
    petition = petition_factory()
    assert upload(client, petition, original).status_code == 201
    for data in stored_files(db, storage):
        kept = Image.open(io.BytesIO(data))
        assert dict(kept.getexif()) == {} and kept.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
        assert b"GPS" not in data and "Máy ảnh".encode() not in data


@pytest.mark.parametrize("data, filename, status, code", [
    (b"<!doctype html><html><script>alert(1)</script></html>", "anh.jpg", 422, "not_an_image"),
    (b"\xff\xd8\xff\xe0" + b"\x00" * 500, "anh.jpg", 422, "not_an_image"),
    (b"%PDF-1.7\n1 0 obj", "anh.png", 422, "not_an_image"),
])
def test_a_file_that_is_not_an_image_is_refused_in_the_senders_language_and_nothing_is_stored(
        client, db, petition_factory, storage, data, filename, status, code):
    petition = petition_factory()
    refused = upload(client, petition, data, filename)
    english = upload(client, petition, data, filename, headers={"Accept-Language": "en"})
    assert refused.status_code == english.status_code == status
    assert refused.get_json()["error"]["code"] == code and "không phải ảnh" in refused.get_json()["error"]["message"]
    assert "not a readable" in english.get_json()["error"]["message"]
    assert db.session.query(PetitionPhoto).count() == 0
    assert not (storage.root / petition.code.lower()).exists()


def test_a_file_over_10_mb_is_a_413_and_nothing_is_stored(client, db, petition_factory, storage):
    petition = petition_factory()
    just_over = upload(client, petition, photo() + b"\x00" * media.MAX_BYTES)  # the body fits, the image does not
    far_over = upload(client, petition, b"\x00" * (media.MAX_BYTES * 2))  # the body is refused unread
    assert just_over.status_code == far_over.status_code == 413
    assert "10 MB" in just_over.get_json()["error"]["message"]
    assert db.session.query(PetitionPhoto).count() == 0 and not (storage.root / petition.code.lower()).exists()


def test_a_missing_photo_field_is_a_422(client, petition_factory):
    petition = petition_factory()
    response = client.post(f"/api/v1/petitions/{petition.code}/photos",
                           headers={"X-Tracking-Secret": petition.plain_secret}, data={"anh": "x"})
    assert response.status_code == 422 and response.get_json()["error"]["code"] == "validation_failed"


def test_a_wrong_or_missing_secret_answers_like_an_unknown_code(client, db, petition_factory):
    petition = petition_factory()
    wrong = upload(client, petition, photo(), secret="SAI-MAT-MA")
    missing = client.post(f"/api/v1/petitions/{petition.code}/photos",
                          data={"photo": (io.BytesIO(photo()), "anh.jpg")}, content_type="multipart/form-data")
    unknown = client.post("/api/v1/petitions/PA-2026-999999/photos",
                          headers={"X-Tracking-Secret": petition.plain_secret},
                          data={"photo": (io.BytesIO(photo()), "anh.jpg")}, content_type="multipart/form-data")
    assert wrong.status_code == missing.status_code == unknown.status_code == 404
    assert wrong.get_json() == unknown.get_json()
    assert db.session.query(PetitionPhoto).count() == 0


def test_after_seven_days_the_sender_is_told_the_window_closed(client, db, petition_factory, monkeypatch):
    petition = petition_factory()
    monkeypatch.setattr(media, "utcnow", lambda: petition.created_at + media.SENDER_WINDOW + timedelta(minutes=1))
    late = upload(client, petition, photo(), headers={"Accept-Language": "en"})
    assert late.status_code == 403 and late.get_json()["error"]["code"] == "photo_window_closed"
    assert "within 7 days" in late.get_json()["error"]["message"]
    assert db.session.query(PetitionPhoto).count() == 0
    monkeypatch.setattr(media, "utcnow", lambda: petition.created_at + media.SENDER_WINDOW - timedelta(minutes=1))
    assert upload(client, petition, photo()).status_code == 201


def test_the_sixth_photo_is_a_409(client, db, petition_factory):
    petition = petition_factory()
    assert [upload(client, petition, photo()).status_code for _ in range(media.MAX_PHOTOS)] == [201] * media.MAX_PHOTOS
    sixth = upload(client, petition, photo())
    assert sixth.status_code == 409 and sixth.get_json()["error"]["code"] == "too_many_photos"
    assert db.session.query(PetitionPhoto).count() == media.MAX_PHOTOS


def test_staff_keys_add_photos_in_their_scope_only(client, db, petition_factory, api_key):
    petition = petition_factory(category="giao-thong")  # SO-XD's
    own = upload(client, petition, photo(), secret="", headers=bearer(api_key("agency_officer", "SO-XD")))
    other = upload(client, petition, photo(), secret="", headers=bearer(api_key("agency_officer", "SO-YT")))
    committee = upload(client, petition, photo(), secret="", headers=bearer(api_key("committee")))
    assert (own.status_code, other.status_code, committee.status_code) == (201, 404, 403)
    assert db.session.get(PetitionPhoto, own.get_json()["id"]).uploaded_by_label.startswith("API: ")


def test_uploads_are_rate_limited(client, petition_factory):
    petition = petition_factory()
    statuses = [upload(client, petition, b"not a photo").status_code for _ in range(12)]
    assert statuses[-1] == 429


def test_the_tracking_json_lists_signed_urls_of_the_photos(client, petition_factory):
    petition = petition_factory()
    upload(client, petition, photo())
    upload(client, petition, photo(image_format="PNG"))
    tracked = validate(client.get(f"/api/v1/petitions/{petition.code}",
                                  headers={"X-Tracking-Secret": petition.plain_secret}),
                       "/petitions/{code}", "get", 200)
    assert len(tracked["photos"]) == 2
    assert [client.get(path_of(p["thumbnail_url"])).mimetype for p in tracked["photos"]] == ["image/jpeg", "image/png"]


def test_a_tampered_signature_another_photo_another_variant_or_an_expired_link_is_a_404(client, petition_factory,
                                                                                      monkeypatch):
    petition = petition_factory()
    first, second = (upload(client, petition, photo()).get_json() for _ in range(2))
    url = urlsplit(first["url"])
    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    signature = query["sig"]
    tampered = signature[:-1] + ("0" if signature[-1] != "0" else "1")
    for path, args in [(url.path, {**query, "sig": tampered}),
                       (url.path.replace(str(first["id"]), str(second["id"])), query),
                       (url.path.replace("/full", "/thumb"), query),
                       (url.path, {**query, "exp": str(int(query["exp"]) + 600)}),
                       (url.path, {"exp": query["exp"]}),
                       (url.path.replace("/full", "/goc"), query)]:
        assert client.get(path, query_string=args).status_code == 404, (path, args)
    assert client.get(url.path, query_string=query).status_code == 200
    later = media.utcnow() + timedelta(seconds=int(query["exp"]) - media.epoch_now() + 1)
    monkeypatch.setattr(media, "utcnow", lambda: later)
    assert client.get(url.path, query_string=query).status_code == 404


def publish_with_photo(client, db, petition, api_key, storage):
    """The agency answers and the head approves; the head publishes the photo's rendition (as photo_review does)."""
    stored = db.session.query(PetitionPhoto).filter_by(petition_id=petition.id).first()
    officer, head = api_key("agency_officer", "SO-XD"), api_key("agency_head", "SO-XD")
    client.post(f"/api/v1/petitions/{petition.code}/answer", headers=bearer(officer),
                json={"content": "Đã kiểm tra hiện trường và vá ổ gà."})
    assert client.post(f"/api/v1/petitions/{petition.code}/approve", headers=bearer(head)).status_code == 200
    stored.public_key = stored.storage_key.replace(".jpg", "-public.jpg")
    stored.public_thumbnail_key = stored.storage_key.replace(".jpg", "-public-thumb.jpg")
    storage.save(stored.public_key, storage.read(stored.storage_key))
    storage.save(stored.public_thumbnail_key, storage.read(stored.thumbnail_key))
    stored.published = True
    db.session.commit()
    return stored


def test_the_public_url_answers_only_once_the_photo_and_the_answer_are_published(app, client, db, petition_factory,
                                                                                  api_key, storage):
    petition = petition_factory(category="giao-thong")
    upload(client, petition, photo())
    stored = db.session.query(PetitionPhoto).one()
    public = public_path(app, stored)
    assert client.get(public).status_code == 404  # neither published
    stored.published, stored.public_key = True, stored.storage_key
    db.session.commit()
    assert client.get(public).status_code == 404  # the photo is, the answer is not
    stored.published, stored.public_key = False, None
    db.session.commit()
    publish_with_photo(client, db, petition, api_key, storage)
    shown = client.get(public)
    assert shown.status_code == 200 and shown.mimetype == "image/jpeg"
    assert shown.headers["Cache-Control"].startswith("public") and shown.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get(public_path(app, stored, "thumb")).status_code == 200
    petition.consent_public = False  # a sender who did not consent: nothing of the petition is public
    db.session.commit()
    assert client.get(public).status_code == 404


def test_open311_media_url_is_the_first_published_photo(app, client, db, petition_factory, api_key, storage):
    petition = petition_factory(category="giao-thong")
    upload(client, petition, photo())
    upload(client, petition, photo())
    stored = publish_with_photo(client, db, petition, api_key, storage)
    other = petition_factory(category="giao-thong")
    shown = client.get(f"/open311/v2/requests/{petition.code}.json").get_json()[0]
    assert shown["media_url"] == "http://localhost" + public_path(app, stored)
    assert client.get(path_of(shown["media_url"])).status_code == 200
    listed = {r["service_request_id"]: r["media_url"] for r in client.get("/open311/v2/requests.json").get_json()}
    assert listed[petition.code] == shown["media_url"] and other.code not in listed
    assert f"<media_url>{shown['media_url']}</media_url>" in client.get(
        f"/open311/v2/requests/{petition.code}.xml").get_data(as_text=True)


def test_open311_media_url_stays_null_without_a_published_photo(client, db, petition_factory, api_key, storage):
    petition = petition_factory(category="giao-thong")
    upload(client, petition, photo())
    publish_with_photo(client, db, petition, api_key, storage).published = False
    db.session.commit()
    assert client.get(f"/open311/v2/requests/{petition.code}.json").get_json()[0]["media_url"] is None
