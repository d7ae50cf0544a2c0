"""The photos of an item: shown to the staff who see it, decided on by the head, one by one (issue 18)."""
from flask import abort, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.domain import media, photo_review
from portal.domain.errors import DomainError
from portal.extensions import db
from portal.media_storage import storage_for
from portal.models import Petition, PetitionPhoto
from portal.web.agency import bp
from portal.web.agency import forms
from portal.web.agency.routes import petition_for, render_item
from portal.web.errors import current_language
from portal.web.security import role_required


def photo_cards(petition: Petition, user) -> list[dict]:
    """What the item page shows of each photo: signed links to the picture and its thumbnail, and, for the head, the
    form deciding whether it is published."""
    reviewer = photo_review.may_review(petition, user)
    return [{"photo": photo, "number": number, "full_url": media.signed_url(photo, "full"),
             "thumb_url": media.signed_url(photo, "thumb"),
             "public_full_url": media.signed_url(photo, "public-full") if photo.public_key else None,
             "public_thumb_url": media.signed_url(photo, "public-thumb") if photo.public_key else None,
             "form": forms.PhotoDecisionForm(prefix=f"photo{photo.id}", publish=photo.published) if reviewer else None}
            for number, photo in enumerate(media.photos_of(db.session, petition), start=1)]


def photo_and_petition(photo_id: int) -> tuple[PetitionPhoto, Petition]:
    """The photo, if the signed-in user may see its petition (404 otherwise, as for the item itself)."""
    photo = db.session.get(PetitionPhoto, photo_id) or abort(404)
    return photo, petition_for(db.session.get(Petition, photo.petition_id).code)


@bp.post("/anh/<int:photo_id>/cong-bo")
@role_required("agency_head")
def decide_photo(photo_id):
    """The head publishes the photo with the answer, blurred where they drew, or keeps it for staff only."""
    photo, petition = photo_and_petition(photo_id)
    form = forms.PhotoDecisionForm(prefix=f"photo{photo.id}")
    try:
        if not form.validate_on_submit():
            raise photo_review.bad_regions()
        photo_review.decide(db.session, storage_for(current_app), photo, current_user, publish=form.publish.data,
                            regions=photo_review.parse_regions(form.regions.data))
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(error.message(current_language()), "error")
        return render_item(petition_for(petition.code), error.status)
    number = photo_review.photo_number(db.session, photo)
    flash(_("Ảnh %(number)d sẽ được công khai cùng câu trả lời.", number=number) if photo.published
          else _("Ảnh %(number)d chỉ dành cho cán bộ xem.", number=number))
    return redirect(url_for("agency.item", code=petition.code, _anchor=f"photo-{photo.id}"))
