from portal.extensions import db


class SpentProof(db.Model):
    """A proof of work (domain/proof_of_work.py) already used: its challenge, kept until the challenge expires, so the
    same answer is accepted once."""

    challenge = db.Column(db.String(128), primary_key=True)
    expires_at = db.Column(db.DateTime, nullable=False, index=True)
