from portal.extensions import db


class WorkerHeartbeat(db.Model):
    """When each intake worker (one row per host and process name) last showed it was alive: /readyz reads it."""

    name = db.Column(db.String(200), primary_key=True)
    beat_at = db.Column(db.DateTime, nullable=False)
