"""A proof of work on the anonymous forms (send a petition, rate an answer, "tôi cũng gặp"), instead of a CAPTCHA:
the ALTCHA protocol (version 1), made and checked by the `altcha` library, with no outside service.

The server hands the page a challenge: a random salt carrying its expiry, the SHA-256 of the salt followed by a
secret number at most `max_number`, and an HMAC of that hash with the app's secret, so nobody can make challenges of
their own. The browser (static/js/pow.js) tries 0, 1, 2… until the hash matches and sends the number back with the
challenge. One citizen pays that search once per form; a farm posting thousands of times pays it each time. Each
answer is accepted once: its challenge is remembered (SpentProof) until it expires, in the same unit of work as the
post it allowed, so a refused or failed post spends nothing.

A post without any proof (a browser without JavaScript) is not refused here: the pages put it under a stricter rate
limit instead (portal/web/public/proof.py), so that no citizen is ever locked out.
"""
import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Mapping

from altcha import create_challenge_v1, verify_solution_v1
from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from portal.domain.errors import ValidationFailed
from portal.models import SpentProof

ALGORITHM = "SHA-256"
MAX_PAYLOAD = 2048  # a real answer is about 300 characters of base64


class ProofRefused(ValidationFailed):
    code = "proof_refused"


@dataclass(frozen=True)
class ProofSettings:
    max_number: int  # the difficulty: the browser tries half of it on average; 0 turns the proof off
    minutes: int  # how long a challenge may wait in a page before it is answered

    @classmethod
    def from_config(cls, config: Mapping) -> "ProofSettings":
        return cls(max_number=int(config["POW_MAX_NUMBER"]), minutes=int(config["POW_CHALLENGE_MINUTES"]))

    @property
    def enabled(self) -> bool:
        return self.max_number > 0


def new_challenge(secret: str, settings: ProofSettings, now: datetime) -> dict:
    """A fresh challenge for one form, as the browser's solver reads it (ALTCHA's JSON names)."""
    expires = (now + timedelta(minutes=settings.minutes)).replace(tzinfo=timezone.utc)
    challenge = create_challenge_v1(algorithm=ALGORITHM, max_number=settings.max_number, hmac_key=secret,
                                    expires=expires)
    return challenge.to_dict()


def spend_proof(session, payload: str, secret: str, now: datetime) -> None:
    """Accept the browser's answer once, or raise ProofRefused with a message that tells the citizen what to do.
    The answer is remembered in `session`'s transaction: it is spent when the post it came with commits."""
    answer = decoded(payload)
    expires_at = expiry_of(answer)
    if expires_at is None or expires_at <= now:
        raise refused("Phiên xác minh của biểu mẫu đã hết hạn.", "The form's check has expired.")
    valid, _error = verify_solution_v1(answer, secret, check_expires=False)
    if not valid or answer["algorithm"] != ALGORITHM:
        raise refused("Không xác minh được biểu mẫu.", "The form's check could not be verified.")
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # A concurrent request with the same answer waits for this one's commit, then inserts nothing: refused.
    statement = (insert(SpentProof).values(challenge=answer["challenge"], expires_at=expires_at)
                 .on_conflict_do_nothing().returning(SpentProof.challenge))
    if session.execute(statement).first() is None:
        raise refused("Biểu mẫu này đã được gửi rồi.", "This form was already sent.")


def refused(message_vi: str, message_en: str) -> ProofRefused:
    return ProofRefused(f"{message_vi} Vui lòng tải lại trang rồi gửi lại.",
                        f"{message_en} Please reload the page and send it again.", field="proof")


def decoded(payload: str) -> dict:
    """The answer's fields, or ProofRefused for anything that is not one."""
    try:
        answer = json.loads(base64.b64decode(payload[:MAX_PAYLOAD], validate=True))
    except (ValueError, binascii.Error, RecursionError):
        answer = None
    fields = {"algorithm": str, "challenge": str, "number": int, "salt": str, "signature": str}
    if not isinstance(answer, dict) or not all(isinstance(answer.get(name), kind) for name, kind in fields.items()):
        raise refused("Không xác minh được biểu mẫu.", "The form's check could not be verified.")
    return answer


def expiry_of(answer: dict) -> datetime | None:
    """The expiry the salt carries (signed with it), as naive UTC like every stored moment."""
    from urllib.parse import parse_qs

    query = answer["salt"].split("?", 1)[1] if "?" in answer["salt"] else ""
    try:
        moment = int(parse_qs(query)["expires"][0])
        return datetime.fromtimestamp(moment, timezone.utc).replace(tzinfo=None)
    except (KeyError, ValueError, OverflowError, OSError):
        return None


def forget_spent(session, now: datetime) -> int:
    """Drop the answers whose challenges have expired: an expired challenge is refused anyway (the sweep)."""
    return session.execute(delete(SpentProof).where(SpentProof.expires_at <= now)).rowcount
