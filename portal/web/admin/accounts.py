"""Staff accounts, for administrators: create (the new user sets a password through a one-time link), edit name,
e-mail, role and agency, disable or enable, send a new set-password link; and which agencies have a single head who
may approve their own answers. Every change lands in the audit trail (portal/domain/audit.py)."""
from flask import abort, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from portal.domain import accounts, admin
from portal.domain.errors import DomainError
from portal.extensions import db
from portal.models import Agency, User
from portal.web.admin import bp
from portal.web.admin.forms import AccountEditForm, AccountForm, agency_choices, role_choices, role_label
from portal.web.errors import current_language
from portal.web.security import role_required


def with_choices(form: AccountForm) -> AccountForm:
    form.role.choices = role_choices()
    form.agency.choices = [("", "—")] + agency_choices()
    return form


def no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def show_link_once(user: User, token: str, status: int = 200):
    """The link is e-mailed and shown on this page only: never in a flash message, a cookie or a log."""
    link = url_for("auth.set_password", token=token, _external=True)
    return no_store(make_response(render_template("admin/account_link.html", user=user, link=link), status))


def queue_link(user: User) -> str:
    from flask import current_app

    hours = current_app.config["PASSWORD_LINK_HOURS"]
    token = accounts.issue_password_link(db.session, user, hours=hours)
    accounts.queue_password_link_mail(db.session, user, url_for("auth.set_password", token=token, _external=True),
                                      hours)
    return token


def show_on_field(form, error: DomainError) -> None:
    """A domain error shown under the field it names (the e-mail when it names none)."""
    target = getattr(form, error.field or "", None) or form.email
    target.errors = list(target.errors) + [error.message(current_language())]


@bp.route("/tai-khoan", methods=["GET", "POST"])
@role_required("admin")
def accounts_list():
    """Every account with its role and agency, and the form for a new one."""
    form = with_choices(AccountForm(prefix="user"))  # the same fields as the form on the administration page
    if form.validate_on_submit():
        try:
            user = accounts.create_account(db.session, form.email.data, form.full_name.data, form.role.data,
                                           form.agency.data, actor=current_user)
            token = queue_link(user)
        except DomainError as error:
            db.session.rollback()
            show_on_field(form, error)
        else:
            db.session.commit()
            return show_link_once(user, token, 201)
    users = db.session.query(User).order_by(User.active.desc(), User.role, User.email).all()
    agencies = db.session.query(Agency).order_by(Agency.name).all()
    return no_store(make_response(render_template("admin/accounts.html", form=form, users=users, agencies=agencies,
                                                  role_label=role_label, toggle=FlaskForm()),
                                  422 if form.errors else 200))


@bp.route("/tai-khoan/<int:user_id>", methods=["GET", "POST"])
@role_required("admin")
def account_edit(user_id):
    """Change an account; a new role or agency, or disabling it, ends its sessions at once."""
    user = db.session.get(User, user_id) or abort(404)
    form = with_choices(AccountEditForm(obj=user))
    if not form.is_submitted():
        form.agency.data = user.agency.code if user.agency else ""
    if form.validate_on_submit():
        try:
            accounts.update_account(db.session, user, email=form.email.data, full_name=form.full_name.data,
                                    role=form.role.data, agency_code=form.agency.data, active=form.active.data,
                                    actor=current_user)
        except DomainError as error:
            db.session.rollback()
            show_on_field(form, error)
        else:
            db.session.commit()
            flash(_("Đã lưu tài khoản %(email)s.", email=user.email))
            return redirect(url_for("admin.accounts_list"))
    return no_store(make_response(render_template("admin/account.html", form=form, user=user, reset=FlaskForm()),
                                  422 if form.errors else 200))


@bp.post("/tai-khoan/<int:user_id>/dat-lai-mat-khau")
@role_required("admin")
def account_reset(user_id):
    """A new set-password link: the old password stops working and the account's sessions end."""
    FlaskForm().validate_on_submit() or abort(400)
    user = db.session.get(User, user_id) or abort(404)
    accounts.reset_password(user, actor=current_user)
    token = queue_link(user)
    db.session.commit()
    return show_link_once(user, token)


@bp.post("/co-quan/<code>/mot-nguoi-duyet")
@role_required("admin")
def agency_single_approver(code):
    """Mark (or unmark) a one-person agency, whose head may approve an answer they wrote (recorded each time)."""
    FlaskForm().validate_on_submit() or abort(400)
    agency = db.session.query(Agency).filter_by(code=code[:32]).first() or abort(404)
    admin.toggle_single_approver(db.session, agency, actor=current_user)
    db.session.commit()
    flash(_("Đã cập nhật quy tắc duyệt của %(agency)s.", agency=agency.name))
    return redirect(url_for("admin.accounts_list") + "#four-eyes")
