"""The agency workspace (officers and heads) and the coordinator's triage desk."""
from datetime import date, timedelta
from pathlib import Path

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError

from portal.domain import workflow, workspace
from portal.domain.attachments import store_attachment
from portal.domain.calendar import local_today
from portal.domain.errors import DomainError
from portal.domain.intake import pending_count
from portal.domain.lifecycle import OPEN_STATUSES, STATUSES, TRIAGE_STATUSES, allowed_actions, status_label
from portal.domain.publication import publication_preview
from portal.domain.routing import DEFAULT_EXPECTED_RESULT, default_official
from portal.extensions import db
from portal.models import (
    AGENCY_ROLES,
    WORKSPACE_ROLES,
    Agency,
    Attachment,
    Category,
    ExtensionRequest,
    Petition,
    PetitionEvent,
)
from portal.web.agency import bp
from portal.web.agency import forms
from portal.web.helpers import category_choices
from portal.web.inputs import page_arg
from portal.web.security import role_required

STALE_MESSAGE = "Phản ánh vừa được người khác cập nhật. Vui lòng tải lại trang, xem thay đổi rồi thực hiện lại."


def petition_for(code: str) -> Petition:
    """The item, if the signed-in user may see it: an agency only its own; others answer 404 like a missing one."""
    petition = db.session.query(Petition).filter_by(code=code.upper()).first()
    if petition is None:
        abort(404)
    if current_user.role in AGENCY_ROLES and petition.agency_id != current_user.agency_id:
        abort(404)
    return petition


@bp.route("/")
@role_required(*WORKSPACE_ROLES)
def inbox():
    """The agency's items, with filters: due soon, overdue, status, category; the most supported first on request."""
    query = db.session.query(Petition)
    if current_user.role in AGENCY_ROLES:
        query = query.filter(Petition.agency_id == current_user.agency_id)
    today = local_today()
    due = request.args.get("due")
    if due == "soon":
        query = query.filter(Petition.status.in_(OPEN_STATUSES), Petition.due_date.between(today, today + timedelta(3)))
    elif due == "overdue":
        query = query.filter(Petition.status.in_(OPEN_STATUSES), Petition.due_date < today)
    if request.args.get("status") in STATUSES:
        query = query.filter(Petition.status == request.args["status"])
    if request.args.get("priority") == "urgent":
        query = query.filter(Petition.priority == "urgent")
    category = db.session.query(Category).filter_by(code=request.args.get("category", "")).first()
    if category:
        query = query.filter(Petition.category_id == category.id)
    tab, counts = workspace.choose_tab(request.args.get("tab"), request.args.get("status")), workspace.tab_counts(query)
    sort = request.args.get("sort") if request.args.get("sort") in workspace.SORTS else ""
    query = workspace.in_tab(query, tab, sort)
    page = page_arg()
    items = query.offset((page - 1) * 50).limit(51).all()
    return render_template("agency/inbox.html", items=items[:50], has_more=len(items) > 50, page=page, today=today,
                           tab=tab, tab_counts=counts, ages=ages_of(items[:50]), sort=sort,
                           statuses=[(s, status_label(s)) for s in STATUSES])


def ages_of(petitions: list[Petition]) -> dict:
    """How long each listed item has waited since receipt, on Vietnam's working calendar."""
    from portal.domain.calendar import age_since, load_overrides, utcnow

    now, overrides = utcnow(), load_overrides(db.session)
    return {p.id: age_since(p.created_at, now, overrides) for p in petitions}


def agency_choices(exclude_id=None):
    return [(a.code, a.name) for a in db.session.query(Agency).filter_by(active=True).order_by(Agency.name)
            if a.id != exclude_id]


@bp.route("/phan-anh/<code>")
@role_required(*WORKSPACE_ROLES)
def item(code):
    """One item: content, contact, the "5 rõ" assignment, the whole timeline, and the actions allowed now."""
    petition = petition_for(code)
    return render_item(petition)


def render_item(petition: Petition, status: int = 200, **open_forms):
    version = petition.version
    defaults = {
        "transfer": forms.TransferForm(prefix="transfer", version=version),
        "return_": forms.ReasonForm(prefix="return", version=version),
        "extension": forms.ExtensionForm(prefix="extension", version=version),
        "coordination": forms.CoordinationForm(prefix="coordination", version=version),
        "answer": forms.AnswerForm(prefix="answer", version=version),
        "approve": forms.ApproveForm(prefix="approve", version=version),
        "send_back": forms.ReasonForm(prefix="sendback", version=version),
        "accept": forms.VersionedForm(prefix="accept", version=version),
        "reject": forms.RejectForm(prefix="reject", version=version),
        "priority": forms.PriorityForm(prefix="priority", version=version,
                                       priority="normal" if petition.priority == "urgent" else "urgent"),
    }
    defaults.update(open_forms)
    from portal.domain.rejections import pending_proposal
    from portal.domain.routing import can_set_priority
    from portal.web.agency.answer_templates import template_picks

    picks = template_picks(petition, defaults)
    proposal = pending_proposal(db.session, petition)
    if proposal is not None and "reject" not in open_forms and not defaults["reject"].note.data:
        defaults["reject"].reason.data, defaults["reject"].note.data = proposal.reason, proposal.note
    for name in ("transfer", "coordination"):
        defaults[name].agency.choices = agency_choices(petition.agency_id)
    submitted = petition.answers.filter_by(state="submitted").first()
    actions = allowed_actions(petition, current_user)
    preview = approval_preview(petition, submitted, defaults["approve"]) if "approve" in actions else None
    events = petition.events.order_by(None).order_by(PetitionEvent.at, PetitionEvent.id).all()
    attachments = db.session.query(Attachment).filter_by(petition_id=petition.id).all()
    from portal.text.similar import similar_open_petitions
    from portal.web.agency.photos import photo_cards

    similar = similar_open_petitions(db.session, petition.content, petition.ward_code, exclude_id=petition.id)
    return render_template("agency/item.html", petition=petition, forms=defaults, events=events, actions=actions,
                           assignment=petition.assignments.filter_by(active=True).first(),
                           submitted=submitted, attachments=attachments, similar=similar, preview=preview,
                           photos=photo_cards(petition, current_user), picks=picks,
                           proposal=proposal, can_set_priority=can_set_priority(petition, current_user)), status


def approval_preview(petition: Petition, answer, form: forms.ApproveForm):
    """For the head: the public version rendered as the public will read it, and the form's fields filled with it;
    once the head has sent texts back to review, those texts as they would be stored."""
    if answer is None:
        return None
    sent = {name: form.given(name) for name in ("public_title", "public_content", "published_html")}
    preview = publication_preview(petition, answer, title=sent["public_title"], content=sent["public_content"],
                                  answer_html=sent["published_html"])
    form.public_title.data, form.public_content.data = preview.version.title, preview.version.content
    form.published_html.data = preview.version.answer_html
    return preview


def act(code: str, form_class, prefix: str, form_key: str, action):
    """Run one action on an item: validate the form, check the version, commit, or show the error in place."""
    petition = petition_for(code)
    form = form_class(prefix=prefix)
    if hasattr(form, "agency"):
        form.agency.choices = agency_choices(petition.agency_id)
    if not form.validate_on_submit():
        return render_item(petition, 422, **{form_key: form})
    try:
        workflow.check_version(petition, int(form.version.data or 0))
        message = action(petition, form)
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash(STALE_MESSAGE, "error")
        return redirect(url_for("agency.item", code=code))
    except DomainError as error:
        db.session.rollback()
        flash(error.message_vi, "error")
        return render_item(petition_for(code), error.status, **{form_key: form})
    flash(message)
    if petition.agency_id != current_user.agency_id and current_user.role in AGENCY_ROLES:
        return redirect(url_for("agency.inbox"))
    return redirect(url_for("agency.item", code=petition.code))


@bp.post("/phan-anh/<code>/tiep-nhan")
@role_required(*AGENCY_ROLES)
def accept(code):
    return act(code, forms.VersionedForm, "accept", "accept",
               lambda p, f: workflow.accept(db.session, p, current_user) or "Đã tiếp nhận xử lý.")


@bp.post("/phan-anh/<code>/tra-lai")
@role_required(*AGENCY_ROLES)
def return_item(code):
    return act(code, forms.ReasonForm, "return", "return_", lambda p, f: workflow.return_to_coordinator(
        db.session, p, current_user, f.reason.data) or "Đã trả lại bộ phận điều phối.")


@bp.post("/phan-anh/<code>/chuyen")
@role_required(*WORKSPACE_ROLES)
def transfer(code):
    def run(petition, form):
        target = db.session.query(Agency).filter_by(code=form.agency.data).first()
        workflow.transfer(db.session, petition, current_user, target, form.reason.data)
        return f"Đã chuyển sang {target.name}."

    return act(code, forms.TransferForm, "transfer", "transfer", run)


@bp.post("/phan-anh/<code>/gia-han")
@role_required(*AGENCY_ROLES)
def extension(code):
    return act(code, forms.ExtensionForm, "extension", "extension", lambda p, f: workflow.request_extension(
        db.session, p, current_user, f.new_due_date.data, f.reason.data) and "Đã gửi đề nghị gia hạn.")


@bp.post("/phan-anh/<code>/phoi-hop")
@role_required(*AGENCY_ROLES)
def coordination(code):
    def run(petition, form):
        target = db.session.query(Agency).filter_by(code=form.agency.data).first()
        workflow.request_coordination(db.session, petition, current_user, target, form.note.data)
        return f"Đã đề nghị {target.name} phối hợp."

    return act(code, forms.CoordinationForm, "coordination", "coordination", run)


@bp.post("/phan-anh/<code>/tra-loi")
@role_required(*AGENCY_ROLES)
def answer(code):
    def run(petition, form):
        workflow.submit_answer(db.session, petition, current_user, form.content.data)
        upload = form.attachment.data
        if upload and upload.filename:
            folder = Path(current_app.instance_path) / "uploads"
            store_attachment(db.session, petition, current_user, upload.filename,
                             upload.read(current_app.config["UPLOAD_MAX_BYTES"] + 1), folder,
                             current_app.config["UPLOAD_MAX_BYTES"])
        return "Đã gửi dự thảo trả lời để lãnh đạo duyệt."

    return act(code, forms.AnswerForm, "answer", "answer", run)


@bp.post("/phan-anh/<code>/duyet")
@role_required("agency_head")
def approve(code):
    """Publish exactly the public version the head sent; "Xem lại bản công khai" only shows it rendered again."""
    form = forms.ApproveForm(prefix="approve")
    if form.preview.data and form.validate_on_submit():
        return render_item(petition_for(code), approve=form)
    return act(code, forms.ApproveForm, "approve", "approve", lambda p, f: workflow.approve_answer(
        db.session, p, current_user, public_title=f.given("public_title"), public_content=f.given("public_content"),
        published_html=f.given("published_html")) and "Đã duyệt, câu trả lời được công khai.")


@bp.post("/phan-anh/<code>/tra-ve-du-thao")
@role_required("agency_head")
def send_back(code):
    return act(code, forms.ReasonForm, "sendback", "send_back", lambda p, f: workflow.send_back(
        db.session, p, current_user, f.reason.data) or "Đã trả dự thảo để chỉnh sửa.")


@bp.post("/phan-anh/<code>/khan-cap")
@role_required("coordinator")
def priority(code):
    """The coordinator marks the item urgent or takes the mark off; the deadline follows (routing.set_priority)."""
    from flask_babel import gettext as _

    from portal.domain.routing import set_priority

    def run(petition, form):
        set_priority(db.session, petition, form.priority.data, current_user, form.reason.data or "")
        return _("Đã đánh dấu khẩn cấp.") if form.priority.data == "urgent" else _("Đã bỏ đánh dấu khẩn cấp.")

    return act(code, forms.PriorityForm, "priority", "priority", run)


@bp.post("/phan-anh/<code>/tu-choi")
@role_required("coordinator", "agency_head")
def reject(code):
    """A coordinator rejects; an agency head's rejection goes back to the coordinator (workflow.reject)."""
    from flask_babel import gettext as _

    def run(petition, form):
        status = workflow.reject_or_propose(db.session, petition, current_user, form.reason.data, form.note.data)
        return _("Đã từ chối phản ánh; người gửi được báo lý do.") if status == "rejected" else \
            _("Đã gửi đề xuất từ chối về bộ phận điều phối.")

    return act(code, forms.RejectForm, "reject", "reject", run)


@bp.route("/tep/<int:attachment_id>")
@role_required(*WORKSPACE_ROLES)
def attachment(attachment_id):
    """An attachment, only to staff who may see its petition."""
    item = db.session.get(Attachment, attachment_id) or abort(404)
    petition_for(db.session.get(Petition, item.petition_id).code)
    path = Path(current_app.instance_path) / "uploads" / item.stored_name
    return send_file(path, mimetype=item.content_type, as_attachment=True, download_name=item.filename)


@bp.route("/dieu-phoi")
@role_required("coordinator")
def triage():
    """The coordinator's queue: new items the classifier was unsure of, returned items, extension requests."""
    # Petitions the intake worker has yet to see are only counted: most will be routed without anyone's help.
    waiting = (db.session.query(Petition).filter(Petition.status.in_(TRIAGE_STATUSES),
                                                 Petition.intake_step.is_(None))
               .order_by(Petition.created_at).limit(200).all())
    extensions = db.session.query(ExtensionRequest).filter_by(state="pending").order_by(ExtensionRequest.id).all()
    return render_template("agency/triage.html", waiting=waiting, extensions=extensions, ages=ages_of(waiting),
                           decision_form=forms.ExtensionDecisionForm(), in_intake=pending_count(db.session))


@bp.route("/dieu-phoi/<code>", methods=["GET", "POST"])
@role_required("coordinator")
def assign_item(code):
    """Assign by hand, with all five "rõ": rõ người and the deadline follow the chosen agency and category."""
    from flask_babel import get_locale

    from portal.domain.routing import assign_by_hand, assignment_defaults

    petition = petition_for(code)
    form = forms.AssignForm(version=petition.version)
    form.category.choices = category_choices()
    form.agency.choices = agency_choices()
    defaults = assignment_defaults(db.session, petition)
    if request.method == "GET":
        fill_assignment_defaults(form, petition, defaults)
    elif form.validate_on_submit():
        try:
            workflow.check_version(petition, int(form.version.data or 0))
            assign_by_hand(db.session, petition, hand_assignment(form), current_user)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            if error.field in form:
                form[error.field].errors.append(error.message(str(get_locale() or "vi")))
            else:
                flash(error.message_vi, "error")
        except StaleDataError:
            db.session.rollback()
            flash(STALE_MESSAGE, "error")
        else:
            flash(f"Đã giao {petition.code} cho {petition.agency.name}.")
            return redirect(url_for("agency.triage"))
    return render_template("agency/assign.html", petition=petition, form=form, defaults=defaults,
                           today=local_today()), 422 if form.errors else 200


def fill_assignment_defaults(form, petition: Petition, defaults: dict) -> None:
    category = petition.category
    agency = category.default_agency
    form.category.data, form.agency.data = category.code, agency.code
    form.responsible_official.data = defaults["officials"].get(agency.code) or default_official(db.session, agency)
    form.task.data = f"Xem xét, giải quyết và trả lời phản ánh {petition.code}: {petition.title or petition.content[:80]}"
    form.expected_result.data = DEFAULT_EXPECTED_RESULT
    form.due_date.data = date.fromisoformat(defaults["due_dates"][category.code])
    form.shown_agency.data, form.shown_official.data = agency.code, form.responsible_official.data
    form.shown_category.data, form.shown_due_date.data = category.code, defaults["due_dates"][category.code]


def hand_assignment(form):
    from portal.domain.routing import HandAssignment

    try:
        shown_due = date.fromisoformat(form.shown_due_date.data or "")
    except ValueError:
        shown_due = None
    return HandAssignment(category_code=form.category.data, agency_code=form.agency.data,
                          responsible_official=form.responsible_official.data, task=form.task.data,
                          due_date=form.due_date.data, expected_result=form.expected_result.data,
                          coordinating_agencies=form.coordinating_agencies.data or "",
                          shown_agency_code=form.shown_agency.data or "", shown_official=form.shown_official.data or "",
                          shown_category_code=form.shown_category.data or "", shown_due_date=shown_due)


@bp.post("/gia-han/<int:request_id>")
@role_required("coordinator")
def decide_extension(request_id):
    extension_request = db.session.get(ExtensionRequest, request_id) or abort(404)
    form = forms.ExtensionDecisionForm()
    if not form.validate_on_submit():
        flash("Cần nêu lý do quyết định.", "error")
        return redirect(url_for("agency.triage"))
    try:
        workflow.decide_extension(db.session, extension_request, current_user, grant=form.decision.data == "grant",
                                  note=form.note.data, new_due_date=form.new_due_date.data)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(error.message_vi, "error")
    else:
        flash("Đã ghi nhận quyết định gia hạn.")
    return redirect(url_for("agency.triage"))


@bp.route("/tim-kiem")
@role_required(*WORKSPACE_ROLES, "committee")
def search():
    """Search every item in the user's scope (an agency: its own)."""
    from portal.text.search import search_petitions

    query = request.args.get("q", "")[:200]
    agency_id = current_user.agency_id if current_user.role in AGENCY_ROLES else None
    results = search_petitions(db.session, query, published_only=False, agency_id=agency_id, limit=50) \
        if query.strip() else []
    return render_template("agency/search.html", query=query, results=results)


@bp.route("/phan-anh/<code>/trung-lap")
@role_required(*WORKSPACE_ROLES)
def duplicates(code):
    """Open petitions of the same ward that look like this one; another agency's show no text."""
    from portal.domain.duplicates import similar_for_viewer

    petition = petition_for(code)
    candidates = similar_for_viewer(db.session, petition, current_user)
    return render_template("agency/duplicates.html", petition=petition, candidates=candidates,
                           actions=allowed_actions(petition, current_user),
                           form=forms.VersionedForm(version=petition.version))


@bp.post("/phan-anh/<code>/gop/<main_code>")
@role_required("coordinator")
def merge(code, main_code):
    """Merge this petition into the main one; its citizen follows the main answer."""
    from portal.domain.duplicates import merge_petitions

    return act(code, forms.VersionedForm, "", "accept", lambda p, f: merge_petitions(
        db.session, p, petition_for(main_code), current_user) or f"Đã gộp vào {main_code}.")


@bp.route("/giai-trinh", methods=["GET", "POST"])
@role_required("agency_head")
def explanation():
    """The agency's figures for last month and, below the 75% line, its written explanation."""
    from portal.domain import metrics
    from portal.domain.explanations import explanations_filed, file_explanation, previous_month

    period = previous_month(local_today())
    ranking = metrics.agency_ranking(db.session, *period, min_sample=current_app.config["SATISFACTION_MIN_SAMPLE"])
    row = next((r for r in ranking["agencies"] if r["code"] == current_user.agency.code), None)
    form = forms.ExplanationForm()
    if form.validate_on_submit():
        try:
            file_explanation(db.session, current_user.agency_id, period, form.body.data, current_user)
            db.session.commit()
            flash("Đã nộp báo cáo giải trình.")
            return redirect(url_for("agency.explanation"))
        except DomainError as error:
            db.session.rollback()
            form.body.errors = [error.message_vi]
    return render_template("agency/explanation.html", row=row, period=period, form=form,
                           filed=explanations_filed(db.session, period).get(current_user.agency_id))
