"""The proof of work on the anonymous forms, for the pages (domain/proof_of_work.py): the challenge a form carries
(templates/_pow.html, solved by static/js/pow.js), the stricter limit for posts that come without an answer, and
spending the answer a post came with."""
import json

from flask import current_app, request

from portal.domain.calendar import utcnow
from portal.domain.proof_of_work import ProofSettings, new_challenge, spend_proof
from portal.extensions import limiter
from portal.web.public import bp

PROOF_FIELD = "proof"


def proof_settings() -> ProofSettings:
    return ProofSettings.from_config(current_app.config)


@bp.app_template_global()
def proof_challenge() -> str | None:
    """A fresh challenge for a form, as JSON for pow.js; None when the proof is turned off."""
    settings = proof_settings()
    if not settings.enabled:
        return None
    return json.dumps(new_challenge(current_app.config["SECRET_KEY"], settings, utcnow()))


def proof_offered() -> bool:
    """Whether the post carries an answer (checked by the view), or needs none: then the stricter limit is waived."""
    return not proof_settings().enabled or bool(request.form.get(PROOF_FIELD))


def unproven_post_limit():
    return current_app.config["RATELIMIT_UNPROVEN_POST"]


# One allowance per address for every anonymous form posted without JavaScript's answer.
unproven_limit = limiter.shared_limit(unproven_post_limit, scope="unproven-post", methods=["POST"],
                                      exempt_when=proof_offered)


def spend_request_proof(session) -> None:
    """Spend the post's answer, if it carries one, in the request's unit of work; raises ProofRefused."""
    payload = request.form.get(PROOF_FIELD, "")
    if payload and proof_settings().enabled:
        spend_proof(session, payload, current_app.config["SECRET_KEY"], utcnow())
