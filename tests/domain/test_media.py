"""Photos are kept only as Pillow re-encodes them: read from their bytes, upright, small enough, without metadata."""
import io
from types import SimpleNamespace

import pytest
from PIL import ExifTags, Image

from portal.domain.errors import ValidationFailed
from portal.domain.media import MAX_BYTES, MAX_SIDE, THUMBNAIL_SIDE, clean_image, sniffed_format
from portal.media_storage import LocalStorage, S3Storage, storage_for, storage_from_uri

GPS = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (16.0, 4.0, 6.25),
       ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (108.0, 13.0, 16.5)}


def photo(size=(64, 48), image_format="JPEG", exif=None, **options) -> bytes:
    """Left half red, right half blue: which way up it is can be read from the pixels."""
    image = Image.new("RGB", size, "red")
    image.paste("blue", (size[0] // 2, 0, size[0], size[1]))
    out = io.BytesIO()
    image.save(out, format=image_format, **({"exif": exif} if exif is not None else {}), **options)
    return out.getvalue()


def camera_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Máy ảnh thử"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    return exif


def test_a_jpeg_with_its_gps_position_is_kept_without_any_exif_xmp_or_comment():
    original = photo(exif=camera_exif(), comment=b"chup tai nha so 12", xmp=b"<x:xmpmeta>vi tri</x:xmpmeta>")
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test photo has one
    cleaned = clean_image(original)
    stored = Image.open(io.BytesIO(cleaned.data))
    assert stored.format == "JPEG" and cleaned.content_type == "image/jpeg"
    assert dict(stored.getexif()) == {} and stored.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert "exif" not in stored.info and "comment" not in stored.info and "xmp" not in stored.info
    for trace in (b"Exif", b"GPS", "Máy ảnh".encode(), b"chup tai nha", b"xmpmeta"):
        assert trace not in cleaned.data and trace not in cleaned.thumbnail


def test_a_png_keeps_its_pixels_and_loses_its_text_chunks():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Nguyễn Văn Bình, 0905123456")
    cleaned = clean_image(photo(image_format="PNG", pnginfo=info))
    stored = Image.open(io.BytesIO(cleaned.data))
    assert stored.format == "PNG" and stored.text == {} and b"0905123456" not in cleaned.data
    assert stored.convert("RGB").getpixel((0, 0)) == (255, 0, 0)


def test_a_photo_taken_sideways_is_stored_upright():
    # Orientation 6: the camera stored it turned; a viewer turns it 90° clockwise. Stored that way round, the red
    # half (left in the stored pixels) comes out on top.
    cleaned = clean_image(photo(size=(64, 48), exif=camera_exif(orientation=6)))
    stored = Image.open(io.BytesIO(cleaned.data)).convert("RGB")
    assert (cleaned.width, cleaned.height) == stored.size == (48, 64)
    top, bottom = stored.getpixel((24, 4)), stored.getpixel((24, 60))
    assert top[0] > 200 and top[2] < 60 and bottom[2] > 200 and bottom[0] < 60


def test_a_large_photo_is_shrunk_to_the_long_side_limit_with_a_small_thumbnail():
    cleaned = clean_image(photo(size=(4000, 1000), quality=30))
    assert (cleaned.width, cleaned.height) == (MAX_SIDE, MAX_SIDE // 4)
    assert max(Image.open(io.BytesIO(cleaned.thumbnail)).size) == THUMBNAIL_SIDE


def test_webp_is_read_and_written_as_webp():
    cleaned = clean_image(photo(image_format="WEBP"))
    assert sniffed_format(cleaned.data) == "WEBP" and cleaned.extension == "webp"


@pytest.mark.parametrize("data", [
    b"<!doctype html><html><script>alert(1)</script></html>",  # an HTML page named photo.jpg
    b"%PDF-1.7\n1 0 obj",
    b"\xff\xd8\xff\xe0" + b"\x00" * 200,  # starts like a JPEG, is not one
    b"\x89PNG\r\n\x1a\n" + b"truncated",
    b"",
])
def test_anything_that_is_not_a_readable_image_is_refused_in_vietnamese_and_english(data):
    with pytest.raises(ValidationFailed) as refused:
        clean_image(data)
    assert refused.value.code == "not_an_image" and refused.value.field == "photo"
    assert "không phải ảnh" in refused.value.message("vi") and "not a readable" in refused.value.message("en")


def test_a_file_over_10_mb_is_refused_before_it_is_read_as_too_large():
    with pytest.raises(ValidationFailed) as refused:
        clean_image(photo() + b"\x00" * MAX_BYTES)
    assert refused.value.code == "image_too_large" and "10 MB" in refused.value.message("vi")
    assert refused.value.status == 413


def test_local_storage_writes_whole_files_and_refuses_keys_that_leave_its_folder(tmp_path):
    storage = LocalStorage(tmp_path / "media")
    storage.save("pa-2026-000001/1.jpg", b"jpeg bytes")
    assert storage.read("pa-2026-000001/1.jpg") == b"jpeg bytes"
    assert [p.name for p in (tmp_path / "media" / "pa-2026-000001").iterdir()] == ["1.jpg"]  # no temporary left
    storage.delete("pa-2026-000001/1.jpg")
    assert not (tmp_path / "media" / "pa-2026-000001" / "1.jpg").exists()
    for key in ("../secret_key", "/etc/passwd", "a/../../b", "Ảnh.jpg", ".hidden", "a//b"):
        with pytest.raises(ValueError):
            storage.save(key, b"x")


def test_photos_are_kept_under_instance_by_default_in_one_store_per_application(tmp_path):
    application = SimpleNamespace(config={"MEDIA_STORAGE_URI": ""}, instance_path=str(tmp_path), extensions={})
    storage = storage_for(application)
    assert isinstance(storage, LocalStorage) and storage.root == tmp_path / "media"
    assert storage_for(application) is storage


def test_the_storage_uri_names_a_folder_or_a_bucket_and_nothing_else(tmp_path, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "thu")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "thu")
    assert storage_from_uri(f"file://{tmp_path}/anh", tmp_path).root == tmp_path / "anh"
    bucket = storage_from_uri("s3://anh-phan-anh/cong/?endpoint_url=http://127.0.0.1:9000&region=ap-southeast-1",
                              tmp_path)
    assert isinstance(bucket, S3Storage) and (bucket.bucket, bucket._name("pa-1/a.jpg")) == ("anh-phan-anh",
                                                                                            "cong/pa-1/a.jpg")
    assert bucket.client.meta.endpoint_url == "http://127.0.0.1:9000"
    assert bucket.client.meta.region_name == "ap-southeast-1"
    for uri in ("ftp://host/anh", "s3://", "s3://bucket?secret=x", "instance/media"):
        with pytest.raises(ValueError):
            storage_from_uri(uri, tmp_path)


def test_a_petition_keeps_up_to_five_cleaned_photos_unpublished_and_refuses_the_sixth(db, app, petition_factory,
                                                                                     tmp_path):
    from portal.domain.errors import Conflict
    from portal.domain.media import MAX_PHOTOS, attach_photo
    from portal.models import PetitionPhoto

    petition, storage = petition_factory(), LocalStorage(tmp_path / "media")
    photos = [attach_photo(db.session, storage, petition, photo(exif=camera_exif())) for _ in range(MAX_PHOTOS)]
    db.session.commit()
    stored = storage.read(photos[0].storage_key)
    assert b"GPS" not in stored and Image.open(io.BytesIO(stored)).size == (photos[0].width, photos[0].height)
    assert max(Image.open(io.BytesIO(storage.read(photos[0].thumbnail_key))).size) <= THUMBNAIL_SIDE
    assert not any(p.published for p in photos) and photos[0].uploaded_by_label == "người dân"
    assert len({p.storage_key for p in photos}) == MAX_PHOTOS
    with pytest.raises(Conflict):
        attach_photo(db.session, storage, petition, photo())
    assert db.session.query(PetitionPhoto).count() == MAX_PHOTOS


def test_a_refused_file_leaves_neither_a_row_nor_a_file(db, petition_factory, tmp_path):
    from portal.domain.media import attach_photo
    from portal.models import PetitionPhoto

    storage = LocalStorage(tmp_path / "media")
    with pytest.raises(ValidationFailed):
        attach_photo(db.session, storage, petition_factory(), b"<html>not a photo</html>")
    assert db.session.query(PetitionPhoto).count() == 0 and not (tmp_path / "media").exists()


def heic_photo(size=(64, 48)) -> bytes:
    image = Image.new("RGB", size, "red")
    image.paste("blue", (size[0] // 2, 0, size[0], size[1]))
    out = io.BytesIO()
    image.save(out, format="HEIF", exif=camera_exif().tobytes())
    return out.getvalue()


def test_a_heic_photo_from_a_phone_is_kept_as_a_jpeg_without_its_exif():
    original = heic_photo()
    assert original[4:12] == b"ftypheic" and sniffed_format(original) == "HEIF"
    cleaned = clean_image(original)
    stored = Image.open(io.BytesIO(cleaned.data))
    assert stored.format == "JPEG" and (cleaned.content_type, cleaned.extension) == ("image/jpeg", "jpg")
    assert (cleaned.width, cleaned.height) == (64, 48) and dict(stored.getexif()) == {}
    assert b"GPS" not in cleaned.data and "Máy ảnh".encode() not in cleaned.data
    left, right = stored.convert("RGB").getpixel((4, 24)), stored.convert("RGB").getpixel((60, 24))
    assert left[0] > 200 and right[2] > 200


@pytest.mark.parametrize("brand", [b"heix", b"mif1"])
def test_the_other_heic_brands_are_recognised_from_their_bytes(brand):
    assert sniffed_format(b"\x00\x00\x00\x18ftyp" + brand + b"\x00" * 8) == "HEIF"
    assert sniffed_format(b"\x00\x00\x00\x18ftypisom" + b"\x00" * 8) is None  # an MP4 video is not a photo


def test_a_form_cleans_every_file_first_so_one_bad_file_stores_none(db, petition_factory, tmp_path):
    from portal.domain.media import attach_clean_photo
    from portal.models import PetitionPhoto

    storage, petition = LocalStorage(tmp_path / "media"), petition_factory()
    with pytest.raises(ValidationFailed):
        images = [clean_image(data) for data in (photo(), b"<html>not a photo</html>")]
    images = [clean_image(data) for data in (photo(), photo(image_format="PNG"))]
    photos = [attach_clean_photo(db.session, storage, petition, image) for image in images]
    db.session.commit()
    assert [p.content_type for p in db.session.query(PetitionPhoto).order_by(PetitionPhoto.id)] == [
        "image/jpeg", "image/png"]
    assert storage.read(photos[1].storage_key) == images[1].data


def test_a_photo_attached_through_the_intake_receipt_goes_to_its_petition_with_an_event(db, tmp_path):
    from portal.domain.intake import receive
    from portal.domain.media import PHOTO_EVENT, attach_photo
    from portal.domain.petitions import PetitionDraft
    from portal.models import PetitionEvent, User
    from tests.conftest import VALID_CONTENT

    operator = User(email="tongdai@test.gov.vn", full_name="Lê Thị Tổng Đài", role="operator", password_hash="x")
    db.session.add(operator)
    receipt = receive(db.session, PetitionDraft(content=VALID_CONTENT, channel="hotline", category_code="giao-thong",
                                                province_code="48", ward_code="20257"), operator)
    stored = attach_photo(db.session, LocalStorage(tmp_path / "media"), receipt, photo(), operator)
    db.session.commit()
    assert stored.petition_id == receipt.petition_id and stored.uploaded_by_label == "Lê Thị Tổng Đài"
    event = db.session.query(PetitionEvent).filter_by(petition_id=receipt.petition_id, kind=PHOTO_EVENT).one()
    assert event.actor_id == operator.id and event.to_status is None


def test_signed_urls_name_the_photo_and_variant_expire_and_cannot_be_forged(app, db, petition_factory, tmp_path,
                                                                          monkeypatch):
    from urllib.parse import parse_qs, urlsplit

    from portal.domain import media
    from portal.domain.errors import NotFound

    stored = media.attach_photo(db.session, LocalStorage(tmp_path / "media"), petition_factory(), photo())
    db.session.commit()
    with app.test_request_context():
        url = urlsplit(media.signed_url(stored, "thumb", ttl=60))
        assert media.signed_url(stored, "thumb", ttl=60) == f"{url.path}?{url.query}"  # the same link a while
    args = {name: values[0] for name, values in parse_qs(url.query).items()}
    assert url.path == f"/anh/{stored.id}/thumb" and int(args["exp"]) % media.EXPIRY_STEP == 0
    assert 60 <= int(args["exp"]) - media.epoch_now() <= 60 + media.EXPIRY_STEP
    found, key = media.photo_for_signature(db.session, stored.id, "thumb", args["exp"], args["sig"], "test-secret-key")
    assert (found.id, key) == (stored.id, stored.thumbnail_key)
    for attempt in [(stored.id, "full", args["exp"], args["sig"], "test-secret-key"),
                    (stored.id, "thumb", args["exp"], args["sig"], "another-secret-key"),
                    (stored.id, "thumb", "1" + args["exp"], args["sig"], "test-secret-key"),
                    (stored.id, "thumb", "-1", args["sig"], "test-secret-key"),
                    (stored.id, "thumb", args["exp"], "ảnh", "test-secret-key")]:
        with pytest.raises(NotFound):
            media.photo_for_signature(db.session, *attempt)
    monkeypatch.setattr(media, "epoch_now", lambda: int(args["exp"]) + 1)
    with pytest.raises(NotFound):
        media.photo_for_signature(db.session, stored.id, "thumb", args["exp"], args["sig"], "test-secret-key")


def published_photos_of(db, petition, storage, count=2):
    """Photos of the petition, each with a public rendition as the head's publication writes it."""
    from portal.domain.media import attach_photo

    photos = [attach_photo(db.session, storage, petition, photo()) for _ in range(count)]
    for stored in photos:
        stored.published = True
        stored.public_key = stored.storage_key.replace(".jpg", "-cong-khai.jpg")
        stored.public_thumbnail_key = stored.storage_key.replace(".jpg", "-cong-khai-thumb.jpg")
        storage.save(stored.public_key, b"public")
        storage.save(stored.public_thumbnail_key, b"public thumb")
    db.session.commit()
    return photos


def every_file(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_the_senders_erasure_deletes_the_photos_files_and_rows(db, petition_factory, tmp_path):
    import json

    from portal.domain.retention import erase_on_request
    from portal.models import AuditEntry, PetitionPhoto

    storage = LocalStorage(tmp_path / "media")
    petition, kept = petition_factory(), petition_factory()
    published_photos_of(db, petition, storage)
    published_photos_of(db, kept, storage, count=1)
    assert len(every_file(tmp_path / "media")) == 12
    erase_on_request(db.session, petition, storage)
    db.session.commit()
    assert db.session.query(PetitionPhoto).filter_by(petition_id=petition.id).count() == 0
    assert every_file(tmp_path / "media" / petition.code.lower()) == []
    assert len(every_file(tmp_path / "media" / kept.code.lower())) == 4  # another petition's photos stay
    trail = db.session.query(AuditEntry).filter_by(object_id=petition.code).order_by(AuditEntry.id.desc()).first()
    assert json.loads(trail.changes)["photos"] == [2, 0]


def test_retention_deletes_the_photos_of_petitions_past_the_period(db, petition_factory, tmp_path):
    from datetime import timedelta

    from portal.domain.calendar import utcnow
    from portal.domain.retention import sweep_retention
    from portal.models import PetitionPhoto

    storage = LocalStorage(tmp_path / "media")
    petition = petition_factory()
    published_photos_of(db, petition, storage, count=1)
    petition.status, petition.closed_at = "withdrawn", utcnow() - timedelta(days=800)
    db.session.commit()
    assert sweep_retention(db.session, utcnow(), 24, storage=storage) == 1
    assert db.session.query(PetitionPhoto).count() == 0 and every_file(tmp_path / "media") == []


def test_erasing_a_petition_with_photos_needs_the_media_storage(db, petition_factory, tmp_path):
    from portal.domain.retention import erase_contact
    from portal.models import PetitionPhoto

    petition = petition_factory()
    published_photos_of(db, petition, LocalStorage(tmp_path / "media"), count=1)
    with pytest.raises(ValueError):
        erase_contact(db.session, petition, reason="sender")
    db.session.rollback()
    assert db.session.query(PetitionPhoto).count() == 1
    assert erase_contact(db.session, petition_factory(), reason="sender")  # without photos, no storage is needed


@pytest.fixture(scope="module")
def s3_endpoint():
    """A real S3-compatible server over HTTP (moto's), on a free port, for the module's tests."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, tmp_path):
    """A new, empty bucket, reached through FLASK_MEDIA_STORAGE_URI's form."""
    import uuid

    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "thu-nghiem")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "thu-nghiem")
    name = f"anh-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="ap-southeast-1").create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": "ap-southeast-1"})
    return storage_from_uri(f"s3://{name}/portal?endpoint_url={s3_endpoint}&region=ap-southeast-1", tmp_path)


def test_an_s3_bucket_stores_reads_and_deletes_like_the_local_folder(bucket):
    bucket.save("pa-2026-000001/1.jpg", b"jpeg bytes")
    assert bucket.read("pa-2026-000001/1.jpg") == b"jpeg bytes"
    listed = bucket.client.list_objects_v2(Bucket=bucket.bucket)["Contents"]
    assert [item["Key"] for item in listed] == ["portal/pa-2026-000001/1.jpg"]
    bucket.delete("pa-2026-000001/1.jpg")
    bucket.delete("pa-2026-000001/1.jpg")  # deleting twice is no error, as on disk
    with pytest.raises(FileNotFoundError):
        bucket.read("pa-2026-000001/1.jpg")
    with pytest.raises(ValueError):
        bucket.save("../secret_key", b"x")


def test_photos_attached_and_erased_through_an_s3_bucket(db, bucket, petition_factory):
    from portal.domain.media import attach_photo
    from portal.domain.retention import erase_on_request

    petition = petition_factory()
    stored = attach_photo(db.session, bucket, petition, photo(exif=camera_exif()))
    db.session.commit()
    kept = Image.open(io.BytesIO(bucket.read(stored.storage_key)))
    assert dict(kept.getexif()) == {} and kept.size == (stored.width, stored.height)
    erase_on_request(db.session, petition, bucket)
    db.session.commit()
    assert bucket.client.list_objects_v2(Bucket=bucket.bucket).get("Contents", []) == []
