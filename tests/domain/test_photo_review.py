"""The head decides, photo by photo, what the public sees: a blurred copy, never the original, and only the head."""
import io
import json
import random
from statistics import pvariance

import pytest
from PIL import Image

from portal.domain import photo_review, workflow
from portal.domain.errors import Forbidden, ValidationFailed
from portal.domain.media import attach_photo
from portal.media_storage import LocalStorage
from portal.models import AuditEntry, PetitionEvent

SIZE = (400, 300)
FACE = (0.25, 0.2, 0.3, 0.4)  # x, y, w, h as fractions of the picture
ANSWER = "<p>Sở đã cho vá ổ gà và kẻ lại vạch sơn đoạn gần chợ, cảm ơn ông/bà đã phản ánh.</p>"


def detailed_photo() -> bytes:
    """Fine random detail everywhere, like the characters of a plate: a blur shows as lost variance."""
    rng = random.Random(18)
    image = Image.new("RGB", SIZE)
    image.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256))
                   for _ in range(SIZE[0] * SIZE[1])])
    out = io.BytesIO()
    image.save(out, format="PNG")  # kept as PNG: lossless, so "unchanged" can be checked exactly
    return out.getvalue()


@pytest.fixture
def storage(tmp_path):
    return LocalStorage(tmp_path / "media")


@pytest.fixture
def photo(db, storage, petition_factory):
    petition = petition_factory(category="giao-thong")  # assigned to SO-XD
    attached = attach_photo(db.session, storage, petition, detailed_photo())
    db.session.commit()
    return attached


def pixels(storage, key, box):
    image = Image.open(io.BytesIO(storage.read(key))).convert("L")
    return list(image.crop(box).getdata())


def test_only_a_head_of_the_petitions_agency_or_an_administrator_may_publish(db, storage, photo, make_user):
    for user in (make_user("agency_officer", "SO-XD"), make_user("agency_head", "SO-YT"),
                 make_user("coordinator", "VP-UBND"), make_user("committee")):
        with pytest.raises(Forbidden) as refused:
            photo_review.publish_photo(db.session, storage, photo, user, [])
        assert refused.value.code == "not_the_head", user.role
    assert not photo.published and photo.public_key is None
    photo_review.publish_photo(db.session, storage, photo, make_user("admin"), [])
    assert photo.published


def test_a_blurred_region_is_smudged_to_near_uniform_while_the_rest_and_the_original_stay_as_they_were(
        db, storage, photo, make_user):
    original_bytes = storage.read(photo.storage_key)
    head = make_user("agency_head", "SO-XD")
    photo_review.publish_photo(db.session, storage, photo, head, [FACE])
    db.session.commit()
    assert storage.read(photo.storage_key) == original_bytes
    assert photo.published and photo.blurred_regions == 1 and photo.published_by_id == head.id
    assert photo.public_key not in (photo.storage_key, photo.thumbnail_key)
    inside = (110, 70, 210, 170)  # well inside the region (100..220, 60..180)
    before, after = pixels(storage, photo.storage_key, inside), pixels(storage, photo.public_key, inside)
    assert pvariance(before) > 2000  # random detail
    assert pvariance(after) < 100  # a smudge: nothing left to read
    assert sum(a != b for a, b in zip(before, after)) > 0.9 * len(before)
    for outside in ((0, 0, 400, 55), (0, 185, 400, 300), (0, 0, 95, 300), (225, 0, 400, 300)):
        assert pixels(storage, photo.public_key, outside) == pixels(storage, photo.storage_key, outside), outside
    assert max(Image.open(io.BytesIO(storage.read(photo.public_thumbnail_key))).size) <= 320


def test_a_jpeg_is_blurred_inside_the_region_and_unchanged_outside_within_jpeg_noise(db, storage, petition_factory,
                                                                                      make_user):
    out = io.BytesIO()
    Image.open(io.BytesIO(detailed_photo())).save(out, format="JPEG", quality=95)
    photo = attach_photo(db.session, storage, petition_factory(category="giao-thong"), out.getvalue())
    photo_review.publish_photo(db.session, storage, photo, make_user("agency_head", "SO-XD"), [FACE])
    outside = (0, 200, 400, 300)
    before, after = pixels(storage, photo.storage_key, outside), pixels(storage, photo.public_key, outside)
    assert sum(abs(a - b) for a, b in zip(before, after)) / len(before) < 8  # re-encoding noise only
    assert pvariance(pixels(storage, photo.public_key, (110, 70, 210, 170))) < 100


def test_publishing_again_with_other_regions_replaces_the_rendition_and_unpublishing_removes_it(
        db, storage, photo, make_user):
    head = make_user("agency_head", "SO-XD")
    photo_review.publish_photo(db.session, storage, photo, head, [FACE])
    first = (photo.public_key, photo.public_thumbnail_key)
    photo_review.publish_photo(db.session, storage, photo, head, [FACE, (0.7, 0.7, 0.2, 0.2)])
    assert photo.blurred_regions == 2 and photo.public_key != first[0]
    for key in first:
        with pytest.raises(FileNotFoundError):
            storage.read(key)
    second = (photo.public_key, photo.public_thumbnail_key)
    photo_review.unpublish_photo(db.session, storage, photo, head)
    db.session.commit()
    assert not photo.published and photo.public_key is None and photo.public_thumbnail_key is None
    assert photo.published_at is None and photo.blurred_regions == 0
    for key in second:
        with pytest.raises(FileNotFoundError):
            storage.read(key)
    assert storage.read(photo.storage_key) and storage.read(photo.thumbnail_key)  # the original stays


def test_each_decision_writes_a_staff_timeline_event_and_an_audit_entry(db, storage, photo, make_user):
    head = make_user("agency_head", "SO-XD")
    photo_review.publish_photo(db.session, storage, photo, head, [FACE])
    photo_review.unpublish_photo(db.session, storage, photo, head)
    db.session.commit()
    decisions = ("photo_published", "photo_unpublished")
    events = db.session.query(PetitionEvent).filter(PetitionEvent.kind.in_(decisions)).order_by(PetitionEvent.id)
    assert [(e.kind, e.actor_id, e.public) for e in events] == [("photo_published", head.id, False),
                                                                ("photo_unpublished", head.id, False)]
    assert "Ảnh 1 được công bố cùng câu trả lời, che mờ 1 vùng." == events.first().note
    entries = db.session.query(AuditEntry).filter_by(object_type="petition_photo").order_by(AuditEntry.id).all()
    assert [(e.object_id, e.actor_id, e.actor_label) for e in entries] == [(str(photo.id), head.id, head.email)] * 2
    assert json.loads(entries[0].changes)["published"] == [False, True]
    assert json.loads(entries[1].changes)["blurred_regions"] == [1, 0]


def test_the_public_sees_a_published_photo_only_once_the_answer_is_published(db, storage, photo, make_user):
    from portal.models import Petition

    petition, head = db.session.get(Petition, photo.petition_id), make_user("agency_head", "SO-XD")
    photo_review.publish_photo(db.session, storage, photo, head, [])
    assert photo_review.public_photos(db.session, petition) == []
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), ANSWER)
    workflow.approve_answer(db.session, petition, head)
    assert photo_review.public_photos(db.session, petition) == [photo]


def test_a_photo_whose_original_is_gone_is_refused_with_a_conflict_and_stays_unpublished(db, storage, photo,
                                                                                        make_user):
    from portal.domain.errors import Conflict

    storage.delete(photo.storage_key)
    with pytest.raises(Conflict) as refused:
        photo_review.publish_photo(db.session, storage, photo, make_user("agency_head", "SO-XD"), [FACE])
    assert refused.value.code == "photo_unreadable" and not photo.published and photo.public_key is None


@pytest.mark.parametrize("text", [
    "not json", '{"x": 0.1}', "[[0.1, 0.2, 0.3]]", '[["a", 0, 0.5, 0.5]]', "[[0.8, 0.1, 0.5, 0.5]]",
    "[[-0.1, 0, 0.5, 0.5]]", "[[0.1, 0.1, 0, 0.5]]", "[[0.1, 0.1, NaN, 0.5]]", "[[true, 0, 0.5, 0.5]]",
    json.dumps([[0.0, 0.0, 0.05, 0.05]] * 11),
])
def test_regions_outside_the_picture_malformed_or_too_many_are_refused_in_both_languages(text):
    with pytest.raises(ValidationFailed) as refused:
        photo_review.parse_regions(text)
    assert refused.value.field == "regions" and refused.value.status == 422
    assert "vùng" in refused.value.message("vi") and "region" in refused.value.message("en")


def test_regions_are_read_as_fractions_and_empty_means_none():
    assert photo_review.parse_regions("") == ()
    assert photo_review.parse_regions("[[0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1]]") == (
        photo_review.Region(0.1, 0.2, 0.3, 0.4), photo_review.Region(0.0, 0.0, 1.0, 1.0))
