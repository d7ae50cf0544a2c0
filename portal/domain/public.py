"""What citizens and the public see: idempotent submission, the timeline, published answers."""
import hashlib
import hmac
import json

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from portal.domain.errors import Conflict
from portal.domain.intake import KeyToRemember, Receipt, accept_petition
from portal.domain.petitions import SECRET_ALPHABET, SECRET_LENGTH, PetitionDraft
from portal.models import IdempotencyKey, Petition, PetitionEvent


def derived_secret(app_secret: str, idempotency_key: str) -> str:
    """The tracking secret of a submission with an idempotency key, recomputable on retry,
    so a client that lost the first answer gets the same secret without us storing it in clear."""
    digest = hmac.new(app_secret.encode(), b"tracking-secret:" + idempotency_key.encode(), hashlib.sha256).digest()
    return "".join(SECRET_ALPHABET[byte % len(SECRET_ALPHABET)] for byte in digest[:SECRET_LENGTH])


def draft_fingerprint(draft: PetitionDraft) -> str:
    # vars(), not dataclasses.asdict(): the draft is flat, and asdict's deep copy showed in the profile.
    return hashlib.sha256(json.dumps(vars(draft), sort_keys=True, default=str).encode()).hexdigest()


def submit_once(session, draft: PetitionDraft, idempotency_key: str, *, app_secret: str, actor=None,
                code_prefix: str = "PA") -> Receipt:
    """Accept (for the intake worker) and commit; the same key and body again returns the same receipt,
    never a second petition."""
    fingerprint = draft_fingerprint(draft)
    secret = derived_secret(app_secret, idempotency_key)
    # Optimistic: a retry is rare, so store first and let the key's primary key catch it (no look-up before).
    try:
        receipt = accept_petition(session, draft, actor=actor, secret=secret, code_prefix=code_prefix,
                                  remember=KeyToRemember(idempotency_key, fingerprint))
        session.commit()
        return receipt
    except IntegrityError:
        # The key was used before (or a concurrent retry won the race): this copy is undone, answer with the first.
        session.rollback()
        existing = session.execute(_KEY_BY_NAME, {"name": idempotency_key}).first()
        if existing is None:
            raise
    if existing.request_hash != fingerprint:
        raise Conflict("Khoá chống gửi trùng (Idempotency-Key) này đã được dùng cho một nội dung khác.",
                       "This Idempotency-Key was already used with a different request.", code="idempotency_mismatch")
    code = json.loads(existing.response_json)["code"]
    return Receipt(existing.petition_id, code, secret, new=False)


_keys = IdempotencyKey.__table__
_KEY_BY_NAME = select(_keys.c.request_hash, _keys.c.petition_id, _keys.c.response_json).where(
    _keys.c.key == bindparam("name"))


def tracking_timeline(petition: Petition) -> list[PetitionEvent]:
    """Events the citizen may see, oldest first."""
    return petition.events.filter_by(public=True).order_by(PetitionEvent.at, PetitionEvent.id).all()


def latest_published(session, limit: int = 10, offset: int = 0) -> list[Petition]:
    # "published_at IS NOT NULL" lets PostgreSQL start its backward index scan past the unpublished items, whose
    # NULLs come first in descending order: at a million petitions, 0.2 ms instead of 330 ms.
    return (session.query(Petition)
            .filter(Petition.published_at.isnot(None), Petition.status.in_(("published", "closed")),
                    Petition.consent_public.is_(True))
            .order_by(Petition.published_at.desc()).offset(offset).limit(limit).all())


def public_text(petition: Petition) -> str:
    """What the public may read of the petition: the content the head approved at publication, nothing else."""
    return petition.public_content or ""
