"""Support ("tôi cũng gặp vấn đề này"): anyone may say a public petition's problem is theirs too; the agency sees
how many did, in its inbox and the coordinator's triage.

A client counts once per petition for 30 days. Who the client is: the phone number they give, else the browser's
signed cookie (the web page), else their address (the API without a phone). Only a keyed hash of it is stored,
an HMAC with the app's secret, so the table holds no phone number or address; the hash is cleared 30 days on by
the sweep (`forget_supporters`), after which the same client may support again. The row, and the count, stay.

`petition.supporters` is kept equal to the rows in the same unit of work: one row and one increment, or neither.
The unique (petition, client) constraint decides between two requests of one client at once.
"""
import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from portal.domain.errors import Conflict, ValidationFailed
from portal.domain.lifecycle import FINAL_STATUSES
from portal.domain.petitions import normalize_phone, published_petition
from portal.models import Petition, PetitionSupport

SUPPORT_DAYS = 30


@dataclass(frozen=True)
class Supporter:
    kind: str  # "phone", "cookie" or "address"
    key: str  # HMAC-SHA256 (hex) of the kind and value with the app's secret


@dataclass(frozen=True)
class SupportResult:
    supporters: int
    counted: bool  # False: this client had already supported it within 30 days


def identify_supporter(app_secret: str, *, phone: str = "", cookie_token: str = "", address: str = "") -> Supporter:
    """Who supports, as a keyed hash: the phone when given, else the browser's cookie, else the address."""
    if phone:
        try:
            kind, value = "phone", normalize_phone(phone)
        except ValidationFailed as error:
            raise ValidationFailed(error.message_vi, error.message_en, field="phone") from None
    elif cookie_token:
        kind, value = "cookie", cookie_token
    else:
        kind, value = "address", address or "unknown"
    digest = hmac.new(app_secret.encode(), f"support:{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return Supporter(kind, digest)


def takes_support(petition: Petition) -> bool:
    """A public petition takes support until it ends (closed; rejected, withdrawn and merged ones are never public)."""
    return petition.status not in FINAL_STATUSES


def supportable_petition(session, code: str) -> Petition:
    """A public petition that still takes support: 404 unless public, 409 once it has ended."""
    petition = published_petition(session, code)
    if not takes_support(petition):
        raise Conflict("Phản ánh này đã kết thúc nên không nhận thêm ý kiến “tôi cũng gặp”.",
                       "This petition has ended and no longer takes support.", code="support_closed")
    return petition


def add_support(session, code: str, supporter: Supporter, now: datetime) -> SupportResult:
    """Count the client's support once within 30 days; the caller commits."""
    petition = supportable_petition(session, code)
    # A key older than 30 days is forgotten now if the sweep has not yet done it: the client counts again.
    session.execute(update(PetitionSupport)
                    .where(PetitionSupport.petition_id == petition.id, PetitionSupport.client_key == supporter.key,
                           PetitionSupport.created_at < now - timedelta(days=SUPPORT_DAYS))
                    .values(client_key=None).execution_options(synchronize_session=False))
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # A concurrent request of the same client waits for this one's commit, then inserts nothing.
    row = session.execute(insert(PetitionSupport)
                          .values(petition_id=petition.id, client_key=supporter.key, client_kind=supporter.kind,
                                  created_at=now)
                          .on_conflict_do_nothing().returning(PetitionSupport.id)).first()
    if row is not None:
        # In SQL, not in Python: concurrent supporters of one petition each add one. Neither the petition's version
        # (staff editing it are not disturbed) nor its updated_at change.
        session.execute(update(Petition).where(Petition.id == petition.id)
                        .values(supporters=Petition.supporters + 1, updated_at=Petition.updated_at)
                        .execution_options(synchronize_session=False))
    session.expire(petition, ["supporters"])
    count = session.execute(select(Petition.supporters).where(Petition.id == petition.id)).scalar_one()
    return SupportResult(count, counted=row is not None)


def has_supported(session, petition: Petition, supporter: Supporter, now: datetime) -> bool:
    """Whether this client's support of the petition still counts as theirs (within 30 days)."""
    return session.execute(select(PetitionSupport.id).where(
        PetitionSupport.petition_id == petition.id, PetitionSupport.client_key == supporter.key,
        PetitionSupport.created_at >= now - timedelta(days=SUPPORT_DAYS))).first() is not None


def forget_supporters(session, now: datetime) -> int:
    """Clear the keyed hashes older than 30 days (the sweep): who supported is not kept longer than it is needed."""
    return session.execute(update(PetitionSupport)
                           .where(PetitionSupport.client_key.isnot(None),
                                  PetitionSupport.created_at < now - timedelta(days=SUPPORT_DAYS))
                           .values(client_key=None).execution_options(synchronize_session=False)).rowcount
