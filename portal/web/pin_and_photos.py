"""What the three intake forms share (the citizen's, the hotline console, a petition raised at a dialogue): photos
and a map pin. The fields only carry what was sent; the rules are the domain's (intake.cleaned_photos,
places.checked_coordinates), so every channel refuses the same things."""
from flask import request
from flask_babel import lazy_gettext as _l
from flask_wtf.file import MultipleFileField
from wtforms import StringField
from wtforms.validators import Length, Optional

from portal.domain import media
from portal.domain.errors import DomainError

ACCEPTED_TYPES = "image/jpeg,image/png,image/webp,image/heic,image/heif"


class PinAndPhotos:
    """Mixed into an intake form (before FlaskForm)."""

    photo = MultipleFileField(_l("Ảnh (không bắt buộc)"))
    lat = StringField(_l("Vĩ độ"), validators=[Optional(), Length(max=32)])
    lng = StringField(_l("Kinh độ"), validators=[Optional(), Length(max=32)])


def uploaded_photos(form) -> list[bytes]:
    """The bytes of every file sent in the photo field. A file input left empty still sends one part without a
    name: not a photo. Each is read to one byte past the limit, so that clean_image can say it is too large."""
    return [upload.read(media.MAX_BYTES + 1) for upload in request.files.getlist(form.photo.name)
            if upload and upload.filename]


def coordinates(form) -> tuple[str | None, str | None]:
    """The pin as typed or placed; checked by the domain with the rest of the draft."""
    return form.lat.data or None, form.lng.data or None


def show_on_field(form, error: DomainError, language: str) -> bool:
    """Put a domain error beside the field it names, when the form has that field; False when it has not."""
    target = getattr(form, error.field or "", None)
    if target is None or not hasattr(target, "errors"):
        return False
    target.errors = list(target.errors) + [error.message(language)]
    return True
