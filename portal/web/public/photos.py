"""The one road by which photo files leave the media storage: a signed URL (staff pages, the sender's tracking JSON,
the upload's answer) or the public URL of a published rendition. Both URLs are made by portal/domain/media.py."""
from flask import Response, current_app, request

from portal.domain import media
from portal.domain.errors import NotFound
from portal.extensions import db
from portal.media_storage import storage_for
from portal.web.public import bp

# How long shared caches may keep a public rendition: a head who withdraws a photo sees it gone within this time.
PUBLIC_MAX_AGE = 600


@bp.route("/anh/<int:photo_id>/<variant>")
def photo_file(photo_id, variant):
    """A photo or its thumbnail, for whoever holds a fresh signed link; kept by the browser alone until it expires."""
    photo, key = media.photo_for_signature(db.session, photo_id, variant, request.args.get("exp", ""),
                                           request.args.get("sig", ""), current_app.config["SECRET_KEY"])
    max_age = max(0, int(request.args["exp"]) - media.epoch_now())
    return _file(key, f"private, max-age={max_age}")


@bp.route("/anh/cong-khai/<int:photo_id>/<variant>")
def public_photo_file(photo_id, variant):
    """The published rendition of a photo, while the photo and the petition's answer are public."""
    photo, key = media.public_photo(db.session, photo_id, variant)
    return _file(key, f"public, max-age={PUBLIC_MAX_AGE}")


def _file(key: str, cache_control: str) -> Response:
    try:
        data = storage_for(current_app).read(key)
    except FileNotFoundError:  # the rows of an erasure that did not commit: the files are gone already
        raise NotFound("Không tìm thấy ảnh.", "Photo not found.") from None
    response = Response(data, mimetype=media.content_type_of(key))
    response.headers["Cache-Control"] = cache_control
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
