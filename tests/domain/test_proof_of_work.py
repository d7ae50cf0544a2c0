"""The anonymous forms' proof of work: an answer found for the server's challenge is accepted once."""
import base64
import hashlib
import json
from datetime import timedelta

import pytest
from altcha import solve_challenge_v1

from portal.domain.calendar import utcnow
from portal.domain.proof_of_work import ProofRefused, ProofSettings, forget_spent, new_challenge, spend_proof
from portal.models import SpentProof

SECRET = "test-secret-key"
EASY = ProofSettings(max_number=500, minutes=10)


def solved(challenge: dict, **changes) -> str:
    """What the browser sends: the challenge with the number it found, base64 JSON (pow.js does the same)."""
    number = solve_challenge_v1(challenge["challenge"], challenge["salt"], challenge["algorithm"],
                                challenge["maxNumber"]).number
    answer = {"algorithm": challenge["algorithm"], "challenge": challenge["challenge"], "number": number,
              "salt": challenge["salt"], "signature": challenge["signature"], **changes}
    return base64.b64encode(json.dumps(answer).encode()).decode()


def test_a_solved_challenge_passes_once_and_its_replay_is_refused(db):
    now = utcnow()
    answer = solved(new_challenge(SECRET, EASY, now))
    spend_proof(db.session, answer, SECRET, now)
    db.session.commit()
    with pytest.raises(ProofRefused, match="đã được gửi rồi"):
        spend_proof(db.session, answer, SECRET, now + timedelta(seconds=5))


def test_an_answer_is_spent_only_when_the_post_it_came_with_commits(db):
    now = utcnow()
    answer = solved(new_challenge(SECRET, EASY, now))
    spend_proof(db.session, answer, SECRET, now)
    db.session.rollback()  # the post failed: the citizen may send the same form again
    spend_proof(db.session, answer, SECRET, now)
    db.session.commit()
    assert db.session.query(SpentProof).count() == 1


def test_an_expired_challenge_is_refused(db):
    now = utcnow()
    answer = solved(new_challenge(SECRET, EASY, now))
    with pytest.raises(ProofRefused, match="hết hạn"):
        spend_proof(db.session, answer, SECRET, now + timedelta(minutes=11))


def test_a_challenge_signed_with_another_secret_or_a_wrong_number_is_refused(db):
    now = utcnow()
    forged = solved(new_challenge("someone-else's-secret", EASY, now))
    with pytest.raises(ProofRefused, match="Không xác minh được"):
        spend_proof(db.session, forged, SECRET, now)
    challenge = new_challenge(SECRET, EASY, now)
    right = json.loads(base64.b64decode(solved(challenge)))["number"]
    wrong = solved(challenge, number=right + 1)
    with pytest.raises(ProofRefused, match="Không xác minh được"):
        spend_proof(db.session, wrong, SECRET, now)


def test_a_later_expiry_cannot_be_written_into_the_salt(db):
    now = utcnow()
    challenge = new_challenge(SECRET, EASY, now)
    later = int((now + timedelta(days=365)).timestamp())
    salt = challenge["salt"].split("?")[0] + f"?expires={later}&"
    rehashed = hashlib.sha256(f"{salt}0".encode()).hexdigest()  # the old signature does not sign this hash
    answer = {"algorithm": "SHA-256", "challenge": rehashed, "number": 0, "salt": salt,
              "signature": challenge["signature"]}
    with pytest.raises(ProofRefused, match="Không xác minh được"):
        spend_proof(db.session, base64.b64encode(json.dumps(answer).encode()).decode(), SECRET,
                    now + timedelta(minutes=11))


@pytest.mark.parametrize("payload", ["", "not base64!", base64.b64encode(b"[1, 2]").decode(),
                                     base64.b64encode(b'{"number": "1"}').decode()])
def test_anything_but_an_answer_is_refused_with_a_message(db, payload):
    with pytest.raises(ProofRefused) as refused:
        spend_proof(db.session, payload, SECRET, utcnow())
    assert refused.value.status == 422 and "tải lại trang" in refused.value.message_vi


def test_spent_answers_are_forgotten_once_their_challenge_has_expired(db):
    now = utcnow()
    spend_proof(db.session, solved(new_challenge(SECRET, EASY, now)), SECRET, now)
    db.session.commit()
    assert forget_spent(db.session, now + timedelta(minutes=5)) == 0
    assert forget_spent(db.session, now + timedelta(minutes=10)) == 1
