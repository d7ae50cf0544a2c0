"""What citizens and the public see: idempotent submission, the timeline, published answers."""
import hashlib
import hmac
import json
from collections.abc import Sequence

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError

from portal.domain.errors import Conflict
from portal.domain.intake import KeyToRemember, Receipt, receive
from portal.domain.lifecycle import PUBLISHED_STATUSES
from portal.domain.petitions import SECRET_ALPHABET, SECRET_LENGTH, PetitionDraft
from portal.models import IdempotencyKey, Petition, PetitionEvent


def derived_secret(app_secret: str, idempotency_key: str) -> str:
    """The tracking secret of a submission with an idempotency key, recomputable on retry,
    so a client that lost the first answer gets the same secret without us storing it in clear."""
    digest = hmac.new(app_secret.encode(), b"tracking-secret:" + idempotency_key.encode(), hashlib.sha256).digest()
    return "".join(SECRET_ALPHABET[byte % len(SECRET_ALPHABET)] for byte in digest[:SECRET_LENGTH])


def draft_fingerprint(draft: PetitionDraft) -> str:
    # vars(), not dataclasses.asdict(): the draft is flat, so asdict's deep copy would only add work to every
    # submission.
    fields = vars(draft)
    if fields.get("dialogue_session_id") is None:
        # No channel with an idempotency key records a dialogue session: leaving the empty field out keeps the
        # fingerprints of keys stored before the field existed, so their retries still match.
        fields = {name: value for name, value in fields.items() if name != "dialogue_session_id"}
    return hashlib.sha256(json.dumps(fields, sort_keys=True, default=str).encode()).hexdigest()


def submit_once(session, draft: PetitionDraft, idempotency_key: str, *, app_secret: str, actor=None,
                code_prefix: str = "PA", photos: Sequence[bytes] = (), storage=None) -> Receipt:
    """Receive (for the intake worker, with its `photos` kept in `storage`) and commit; the same key and body again
    returns the same receipt, never a second petition nor a second copy of its photos. The caller routes it
    (`route_if_inline`)."""
    fingerprint = draft_fingerprint(draft)
    secret = derived_secret(app_secret, idempotency_key)
    # Optimistic: a retry is rare, so store first and let the key's primary key catch it (no look-up before).
    try:
        # The key is stored before the photos: a repeat fails on it, before a photo is written.
        receipt = receive(session, draft, actor, photos=photos, storage=storage, secret=secret,
                          code_prefix=code_prefix, remember=KeyToRemember(idempotency_key, fingerprint))
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
    # NULLs come first in descending order; without it the scan would walk past every unpublished petition first.
    return (session.query(Petition)
            .filter(Petition.published_at.isnot(None), Petition.status.in_(PUBLISHED_STATUSES),
                    Petition.consent_public.is_(True))
            .order_by(Petition.published_at.desc()).offset(offset).limit(limit).all())


def public_text(petition: Petition) -> str:
    """What the public may read of the petition: the content the head approved at publication, nothing else."""
    return petition.public_content or ""
