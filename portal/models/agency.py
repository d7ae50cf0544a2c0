from portal.extensions import db


class Agency(db.Model):
    """A body that answers petitions: a department (sở), the police, a commune."""

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(32), unique=True, nullable=False)
    name = db.Column(db.String(255), nullable=False)
    description = db.Column(db.String(500), nullable=False, default="")
    email = db.Column(db.String(255))
    parent_id = db.Column(db.Integer, db.ForeignKey("agency.id"))
    active = db.Column(db.Boolean, nullable=False, default=True)
    # A one-person agency: its head may approve an answer they wrote themselves (each time recorded on the petition).
    single_approver = db.Column(db.Boolean, nullable=False, default=False, server_default=db.false())

    parent = db.relationship("Agency", remote_side=[id])

    def __repr__(self):
        return f"<Agency {self.code}>"


class Category(db.Model):
    """A petition category; its code is a contract (API, classifier labels, exports)."""

    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(64), unique=True, nullable=False)
    name = db.Column(db.String(255), nullable=False)
    name_en = db.Column(db.String(255), nullable=False, default="")
    covers = db.Column(db.Text, nullable=False, default="")
    default_agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False)
    deadline_days = db.Column(db.Integer, nullable=False, default=10)

    default_agency = db.relationship("Agency")

    def __repr__(self):
        return f"<Category {self.code}>"


class RoutingRule(db.Model):
    """Admin-editable: petitions of a category (optionally in a province or ward) go to an agency."""

    id = db.Column(db.Integer, primary_key=True)
    category_id = db.Column(db.Integer, db.ForeignKey("category.id"), nullable=False)
    province_code = db.Column(db.String(16))
    ward_code = db.Column(db.String(16))
    agency_id = db.Column(db.Integer, db.ForeignKey("agency.id"), nullable=False)

    category = db.relationship("Category")
    agency = db.relationship("Agency")


class CalendarDay(db.Model):
    """A day the government moved: an extra day off ('off') or a make-up working day ('work')."""

    day = db.Column(db.Date, primary_key=True)
    kind = db.Column(db.String(8), nullable=False)  # 'off' or 'work'
    note = db.Column(db.String(255), nullable=False, default="")
