from portal.extensions import db
from portal.models.base import utcnow


class PetitionPhoto(db.Model):
    """A photo of a petition as domain/media.py re-encoded it; the picture and its thumbnail are files in the media
    storage (portal/media_storage.py) under the keys kept here. Never public unless the agency head publishes it."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, index=True)
    storage_key = db.Column(db.String(200), nullable=False, unique=True)
    thumbnail_key = db.Column(db.String(200), nullable=False)
    content_type = db.Column(db.String(32), nullable=False)
    width = db.Column(db.Integer, nullable=False)
    height = db.Column(db.Integer, nullable=False)
    byte_size = db.Column(db.Integer, nullable=False)
    published = db.Column(db.Boolean, nullable=False, default=False, server_default=db.false())
    # Set by the head who publishes the photo: the public rendition (a copy, blurred where the head drew regions) is
    # a file of its own, so the original the agency works from is never altered and never served to the public.
    public_key = db.Column(db.String(200))
    public_thumbnail_key = db.Column(db.String(200))
    blurred_regions = db.Column(db.Integer, nullable=False, default=0, server_default="0")
    published_at = db.Column(db.DateTime)
    published_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    uploaded_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    uploaded_by_label = db.Column(db.String(255), nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
