""""Tôi cũng gặp vấn đề này" on a published petition's page (domain/support.py): a form that works without
JavaScript (post, then back to the page), and in place with it (static/js/support.js asks for JSON)."""
import secrets

from flask import current_app, flash, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer

from portal.domain.calendar import utcnow
from portal.domain.errors import DomainError
from portal.domain.support import (
    SUPPORT_DAYS,
    Supporter,
    add_support,
    has_supported,
    identify_supporter,
    takes_support,
)
from portal.extensions import db, limiter
from portal.web.errors import current_language
from portal.web.public import bp, public_post_limit
from portal.web.public.proof import spend_request_proof, unproven_limit

SUPPORTER_COOKIE = "supporter"
bp.add_app_template_global(takes_support, "takes_support")


def _cookies() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="supporter-cookie")


def cookie_token() -> str:
    """The browser's own random token, from its signed cookie; empty when it has none (or a forged one)."""
    try:
        return str(_cookies().loads(request.cookies.get(SUPPORTER_COOKIE, "")))
    except BadSignature:
        return ""


def browser_supporter(token: str) -> Supporter:
    return identify_supporter(current_app.config["SECRET_KEY"], cookie_token=token)


@bp.app_template_global()
def supported_here(petition) -> bool:
    """Whether this browser has supported the petition already (within 30 days): the page's button then says so."""
    token = cookie_token()
    return bool(token) and has_supported(db.session, petition, browser_supporter(token), utcnow())


@bp.post("/p/<code>/ung-ho")
@limiter.limit(public_post_limit)
@unproven_limit
def support(code):
    """Count this browser's "tôi cũng gặp" once in 30 days (the CSRF token is checked before, as on every post)."""
    wants_json = request.accept_mimetypes.best == "application/json"
    token = cookie_token() or secrets.token_urlsafe(18)
    try:
        spend_request_proof(db.session)
        result = add_support(db.session, code, browser_supporter(token), utcnow())
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        if wants_json:
            return jsonify(error={"code": error.code, "message": error.message(current_language())}), error.status
        if error.status == 404:
            raise
        flash(error.message(current_language()), "error")
        return redirect(url_for("public.published", code=code) + "#ung-ho")
    if wants_json:
        response = jsonify(supporters=result.supporters, counted=result.counted)
    else:
        flash(_("Cảm ơn bạn. Ý kiến “tôi cũng gặp” của bạn đã được ghi nhận.") if result.counted
              else _("Bạn đã ủng hộ phản ánh này rồi."), "success")
        response = redirect(url_for("public.published", code=code) + "#ung-ho")
    response.set_cookie(SUPPORTER_COOKIE, _cookies().dumps(token), max_age=SUPPORT_DAYS * 86400, httponly=True,
                        samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response
