"""Answer templates: the heads' page to keep their agency's, and the picks an item page offers (answer and
rejection forms), filled for the petition."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.domain import answer_templates
from portal.domain.errors import DomainError, NotFound
from portal.extensions import db
from portal.models import Category, Petition
from portal.web.agency import bp, forms
from portal.web.errors import current_language
from portal.web.helpers import category_choices
from portal.web.security import role_required


@bp.route("/mau-tra-loi", methods=["GET", "POST"], endpoint="answer_templates")
@role_required("agency_head")
def answer_templates_page():
    """The agency's templates, and a form to add one."""
    return edit_template(None)


@bp.route("/mau-tra-loi/<int:template_id>", methods=["GET", "POST"])
@role_required("agency_head")
def answer_template(template_id):
    """Change one of the agency's templates; another agency's is not found."""
    return edit_template(template_id)


@bp.post("/mau-tra-loi/<int:template_id>/xoa")
@role_required("agency_head")
def delete_answer_template(template_id):
    form = forms.VersionedForm()
    if not form.validate_on_submit():
        abort(400)
    template = managed_or_404(template_id)
    answer_templates.delete_template(db.session, current_user, template)
    db.session.commit()
    flash(_("Đã xoá mẫu trả lời."))
    return redirect(url_for("agency.answer_templates"))


def managed_or_404(template_id: int):
    try:
        return answer_templates.managed_template(db.session, current_user, template_id)
    except NotFound:
        abort(404)


def edit_template(template_id: int | None):
    template = managed_or_404(template_id) if template_id else None
    form = forms.AnswerTemplateForm()
    form.category.choices = category_choices(blank=_("Mọi lĩnh vực"))
    if request.method == "GET" and template is not None:
        form.kind.data, form.title.data, form.body.data = template.kind, template.title, template.body
        form.category.data = template.category.code if template.category else ""
    if form.validate_on_submit():
        category = db.session.query(Category).filter_by(code=form.category.data).first() if form.category.data else None
        try:
            answer_templates.save_template(db.session, current_user, kind=form.kind.data,
                                           category_id=category.id if category else None, title=form.title.data,
                                           body=form.body.data, template=template)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            getattr(form, error.field or "body").errors.append(error.message(current_language()))
        else:
            flash(_("Đã lưu mẫu trả lời."))
            return redirect(url_for("agency.answer_templates"))
    return render_template("agency/answer_templates.html", form=form, editing=template,
                           templates=answer_templates.agency_templates(db.session, current_user.agency_id),
                           placeholders=answer_templates.PLACEHOLDERS,
                           delete_form=forms.VersionedForm()), 422 if form.errors else 200


def template_picks(petition: Petition, item_forms: dict) -> dict:
    """The templates the item page offers, each with its text filled for the petition; a template chosen with
    ?template=ID (the way without JavaScript) pre-fills its form's empty textarea and opens it."""
    picks = {kind: [(t, answer_templates.fill(t.body, petition))
                    for t in answer_templates.templates_for(db.session, petition, kind)]
             for kind in ("answer", "rejection")}
    picks["chosen"], picks["open"] = None, None
    chosen = request.args.get("template", "")
    if chosen.isdigit():
        try:
            template = answer_templates.template_for_petition(db.session, petition, int(chosen))
        except NotFound:
            abort(404)
        field = item_forms["answer"].content if template.kind == "answer" else item_forms["reject"].note
        if not field.data:
            field.data = answer_templates.fill(template.body, petition)
        picks["chosen"], picks["open"] = template.id, template.kind
    return picks


@bp.app_template_filter("rejection_reason")
def rejection_reason(reason: str) -> str:
    """A rejection's reason in the page's language (the staff pages and the committee's list)."""
    from portal.domain.rejections import reason_label

    return reason_label(reason, current_language())
