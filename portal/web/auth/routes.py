"""Staff sign-in and sign-out."""
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from portal.domain.accounts import SignInFailed, authenticate
from portal.extensions import db, limiter

bp = Blueprint("auth", __name__, url_prefix="/dang-nhap")

HOME_BY_ROLE = {
    "operator": "intake.console",
    "secretariat": "dialogue.sessions",
    "coordinator": "agency.triage",
    "agency_officer": "agency.inbox",
    "agency_head": "agency.inbox",
    "committee": "committee.dashboard",
    "admin": "admin.index",
}


class LoginForm(FlaskForm):
    email = StringField("Thư điện tử", validators=[DataRequired("Vui lòng nhập thư điện tử."), Length(max=255)])
    password = PasswordField("Mật khẩu", validators=[DataRequired("Vui lòng nhập mật khẩu."), Length(max=200)])


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
    error = None
    if form.validate_on_submit():
        try:
            user = authenticate(db.session, form.email.data, form.password.data,
                                max_failures=current_app.config["LOGIN_MAX_FAILURES"],
                                lock_minutes=current_app.config["LOGIN_LOCK_MINUTES"])
        except SignInFailed as failure:
            db.session.commit()  # keep the failure count
            error = failure.message_vi
        else:
            db.session.commit()
            session.clear()  # a fresh session: no fixation
            login_user(user)
            return redirect(safe_next(request.args.get("next")) or home_for(user))
    status = 401 if error else (422 if form.errors else 200)
    return render_template("auth/login.html", form=form, error=error), status


@bp.route("/thoat", methods=["POST"])
@login_required
def logout():
    logout_user()
    session.clear()
    flash("Bạn đã đăng xuất.")
    return redirect(url_for("public.home"))


@bp.route("/tai-khoan")
@login_required
def me():
    return redirect(home_for(current_user))
