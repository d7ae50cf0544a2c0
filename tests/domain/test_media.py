"""Photos are kept only as Pillow re-encodes them: read from their bytes, upright, small enough, without metadata."""
import io

import pytest
from PIL import ExifTags, Image

from portal.domain.errors import ValidationFailed
from portal.domain.media import MAX_BYTES, MAX_SIDE, THUMBNAIL_SIDE, clean_image, sniffed_format
from portal.media_storage import LocalStorage, storage_for

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


def test_a_file_over_10_mb_is_refused_before_it_is_read():
    with pytest.raises(ValidationFailed) as refused:
        clean_image(photo() + b"\x00" * MAX_BYTES)
    assert refused.value.code == "image_too_large" and "10 MB" in refused.value.message("vi")


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


def test_photos_are_kept_under_instance_by_default(app):
    storage = storage_for(app)
    assert isinstance(storage, LocalStorage) and str(storage.root).startswith(app.instance_path)


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
