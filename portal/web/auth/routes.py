"""Staff sign-in and sign-out, changing one's password, and setting it through a one-time link."""
from urllib.parse import urlsplit

from flask import current_app, flash, make_response, redirect, render_template, request, session, url_for
from flask_babel import _
from flask_login import current_user, login_required, logout_user

from portal.domain import accounts
from portal.domain.accounts import SignInFailed, authenticate
from portal.domain.errors import DomainError
from portal.extensions import db, limiter
from portal.web.auth import bp
from portal.web.auth.forms import ChangePasswordForm, LoginForm, NewPasswordForm
from portal.web.auth.sessions import sign_in_backoff, start_session
from portal.web.errors import current_language


HOME_BY_ROLE = {
    "operator": "intake.console",
    "secretariat": "dialogue.sessions",
    "coordinator": "agency.triage",
    "agency_officer": "agency.inbox",
    "agency_head": "agency.inbox",
    "committee": "committee.dashboard",
    "admin": "admin.index",
}


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: '//evil.example' and 'https://…' are refused (no open redirect)."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


def home_for(user) -> str:
    endpoint = HOME_BY_ROLE.get(user.role, "public.home")
    return url_for(endpoint) if endpoint in current_app.view_functions else url_for("public.home")


@bp.route("/", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    """Sign in; staff land on the page of their role."""
    form = LoginForm()
    error, status = None, 200
    if form.validate_on_submit():
        try:
            user = authenticate(db.session, form.email.data, form.password.data, sign_in_backoff(form.email.data),
                                lock_minutes=current_app.config["LOGIN_LOCK_MINUTES"])
        except SignInFailed as failure:
            error, status = failure.message(current_language()), failure.status
        else:
            start_session(user)
            return redirect(safe_next(request.args.get("next")) or home_for(user))
    status = 422 if form.errors else status
    return render_template("auth/login.html", form=form, error=error), status


@bp.route("/thoat", methods=["POST"])
@login_required
def logout():
    """Sign out everywhere: every session of the account ends, copies of its cookie included."""
    accounts.end_all_sessions(current_user)
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("Bạn đã đăng xuất."))
    return redirect(url_for("public.home"))


def no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def form_errors_from(form, error: DomainError) -> None:
    target = getattr(form, error.field or "", None) or form.new_password
    target.errors = list(target.errors) + [error.message(current_language())]


@bp.route("/mat-khau", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
@login_required
def change_password():
    """Change one's password after giving the current one again; the account's other sessions end."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.current_password.data, form.new_password.data)
        except DomainError as error:
            db.session.rollback()
            form_errors_from(form, error)
        else:
            db.session.commit()
            start_session(current_user._get_current_object())
            flash(_("Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc."))
            return redirect(home_for(current_user))
    return render_template("auth/password.html", form=form), 422 if form.errors else 200


@bp.route("/dat-mat-khau/<token>", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def set_password(token):
    """The one-time link of a new account or of a reset: choose a password, then sign in."""
    accounts.password_link(db.session, token[:100])  # a used, expired or wrong link is a 404 page
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            accounts.set_password_with_link(db.session, token[:100], form.new_password.data)
        except DomainError as error:
            db.session.rollback()
            form_errors_from(form, error)
        else:
            db.session.commit()
            session.clear()
            flash(_("Đã đặt mật khẩu. Mời đăng nhập."))
            return redirect(url_for("auth.login"))
    response = make_response(render_template("auth/set_password.html", form=form), 422 if form.errors else 200)
    return no_store(response)


@bp.route("/tai-khoan")
@login_required
def me():
    return redirect(home_for(current_user))
