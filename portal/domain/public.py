"""What citizens and the public see: idempotent submission, the timeline, published answers."""
import dataclasses
import hashlib
import hmac
import json

from sqlalchemy.exc import IntegrityError

from portal.domain.errors import Conflict
from portal.domain.petitions import SECRET_ALPHABET, SECRET_LENGTH, PetitionDraft, submit_petition
from portal.models import IdempotencyKey, Petition, PetitionEvent


def derived_secret(app_secret: str, idempotency_key: str) -> str:
    """The tracking secret of a submission with an idempotency key, recomputable on retry,
    so a client that lost the first answer gets the same secret without us storing it in clear."""
    digest = hmac.new(app_secret.encode(), b"tracking-secret:" + idempotency_key.encode(), hashlib.sha256).digest()
    return "".join(SECRET_ALPHABET[byte % len(SECRET_ALPHABET)] for byte in digest[:SECRET_LENGTH])


def draft_fingerprint(draft: PetitionDraft) -> str:
    return hashlib.sha256(json.dumps(dataclasses.asdict(draft), sort_keys=True, default=str).encode()).hexdigest()


def submit_once(session, draft: PetitionDraft, idempotency_key: str, *, app_secret: str, actor=None,
                code_prefix: str = "PA") -> tuple[str, str]:
    """Submit and commit; the same key and body again returns the same (code, secret), never a second petition."""
    fingerprint = draft_fingerprint(draft)
    existing = session.get(IdempotencyKey, idempotency_key)
    if existing is None:
        secret = derived_secret(app_secret, idempotency_key)
        petition, secret = submit_petition(session, draft, actor=actor, secret=secret, code_prefix=code_prefix)
        session.add(IdempotencyKey(key=idempotency_key, request_hash=fingerprint, petition_id=petition.id,
                                   response_json=json.dumps({"code": petition.code})))
        code = petition.code  # read before the commit expires it: no reload just for the code
        try:
            session.commit()
            return code, secret
        except IntegrityError:
            # A concurrent retry with the same key won the race: answer with its petition.
            session.rollback()
            existing = session.get(IdempotencyKey, idempotency_key)
            if existing is None:
                raise
    if existing.request_hash != fingerprint:
        raise Conflict("Khoá chống gửi trùng (Idempotency-Key) này đã được dùng cho một nội dung khác.",
                       "This Idempotency-Key was already used with a different request.", code="idempotency_mismatch")
    petition = session.get(Petition, existing.petition_id)
    return petition.code, derived_secret(app_secret, idempotency_key)


def tracking_timeline(petition: Petition) -> list[PetitionEvent]:
    """Events the citizen may see, oldest first."""
    return petition.events.filter_by(public=True).order_by(PetitionEvent.at, PetitionEvent.id).all()


def latest_published(session, limit: int = 10, offset: int = 0) -> list[Petition]:
    return (session.query(Petition)
            .filter(Petition.status.in_(("published", "closed")), Petition.consent_public.is_(True))
            .order_by(Petition.published_at.desc()).offset(offset).limit(limit).all())


def public_text(petition: Petition) -> str:
    """What the public may read of the petition: the text staff approved, else a fresh redaction."""
    from portal.text.redact import redact

    return petition.public_content if petition.public_content is not None else redact(petition.content)
