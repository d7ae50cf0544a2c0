from portal.extensions import db
from portal.models.base import utcnow


class Rating(db.Model):
    """A citizen's SIPAS-style rating of a published answer: one per petition, changeable for 7 days."""

    id = db.Column(db.Integer, primary_key=True)
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"), nullable=False, unique=True)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), index=True)
    access = db.Column(db.SmallInteger, nullable=False)  # tiếp cận dịch vụ
    procedure = db.Column(db.SmallInteger, nullable=False)  # thủ tục, quy trình xử lý
    staff = db.Column(db.SmallInteger, nullable=False)  # công chức
    result = db.Column(db.SmallInteger, nullable=False)  # kết quả
    feedback = db.Column(db.SmallInteger, nullable=False)  # tiếp nhận và phản hồi
    resolved = db.Column(db.Boolean, nullable=False)
    comment = db.Column(db.Text, nullable=False, default="")
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow, index=True)
    updated_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    petition = db.relationship("Petition", backref=db.backref("rating", uselist=False))


class LabelledExample(db.Model):
    """A text with its right category, from a coordinator's correction: training data for the classifier."""

    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.Text, nullable=False)
    category = db.Column(db.String(64), nullable=False)
    source = db.Column(db.String(32), nullable=False, default="coordinator")
    petition_id = db.Column(db.Integer, db.ForeignKey("petition.id"))
    created_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)


class Explanation(db.Model):
    """Báo cáo giải trình: what an agency below the 75% line owes the committee for a period."""

    id = db.Column(db.Integer, primary_key=True)
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False, index=True)
    period_from = db.Column(db.Date, nullable=False)
    period_to = db.Column(db.Date, nullable=False)
    body = db.Column(db.Text, nullable=False)
    filed_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    filed_at = db.Column(db.DateTime, nullable=False, default=utcnow)

    agency = db.relationship("Agency")
