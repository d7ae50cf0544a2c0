"""The public calendar of leaders' reception days and dialogues (/lich-tiep-dan), its iCalendar feed, and the form
to send a question before a session (domain/dialogue.ask_ahead)."""
from datetime import datetime

from flask import Response, abort, current_app, redirect, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.domain import dialogue as dialogues
from portal.domain import leaders, places
from portal.domain.calendar import utcnow
from portal.domain.errors import DomainError
from portal.domain.intake import route_if_inline
from portal.domain.petitions import CONTENT_MAX, CONTENT_MIN, PetitionDraft
from portal.extensions import db, limiter
from portal.models import DialogueSession
from portal.web.errors import current_language
from portal.web.public import bp, public_post_limit
from portal.web.public.proof import spend_request_proof, unproven_limit

LEVEL_FILTERS = {"province": _l("Cấp tỉnh"), "commune": _l("Cấp xã")}
KIND_NAMES = {"dialogue": _l("Đối thoại trực tiếp"), "reception": _l("Tiếp công dân định kỳ")}


class QuestionForm(FlaskForm):
    """A question for the leader, sent before the session; it is a petition like any other."""

    content = TextAreaField(
        _l("Câu hỏi, kiến nghị của bạn"),
        validators=[DataRequired(_l("Vui lòng nhập câu hỏi.")),
                    Length(min=CONTENT_MIN, max=CONTENT_MAX,
                           message=_l("Nội dung cần từ %(low)s đến %(high)s ký tự.", low=CONTENT_MIN,
                                      high=CONTENT_MAX))])
    ward_code = SelectField(_l("Xã, phường nơi xảy ra (nếu có)"), validate_choice=False)
    address = StringField(_l("Địa chỉ, địa điểm cụ thể"), validators=[Optional(), Length(max=500)])
    reporter_name = StringField(_l("Họ và tên"), validators=[Optional(), Length(max=255)])
    reporter_phone = StringField(_l("Số điện thoại"), validators=[Optional(), Length(max=32)])
    reporter_email = StringField(_l("Thư điện tử"), validators=[Optional(), Length(max=255)])
    consent_public = BooleanField(_l("Tôi đồng ý công khai câu hỏi và câu trả lời (đã ẩn thông tin cá nhân)"),
                                  default=True)


@bp.route("/lich-tiep-dan")
def calendar():
    """Upcoming reception days and dialogues, filtered by level (cap) and target group (nhom)."""
    level = request.args.get("cap", "") if request.args.get("cap") in LEVEL_FILTERS else ""
    groups = leaders.target_groups()
    group = request.args.get("nhom", "") if request.args.get("nhom") in groups else ""
    items = leaders.upcoming(db.session, utcnow(), level=level, target_group=group)
    return render_template("public/calendar.html", items=items, level=level, group=group, groups=groups,
                           levels=LEVEL_FILTERS, kinds=KIND_NAMES)


def planned_or_404(session_id: int) -> DialogueSession:
    item = db.session.get(DialogueSession, session_id)
    if item is None or item.status != "planned":
        abort(404)
    return item


@bp.route("/lich-tiep-dan/<int:session_id>/cau-hoi", methods=["GET", "POST"])
@limiter.limit(public_post_limit, methods=["POST"])
@unproven_limit
def ask_question(session_id):
    """"Gửi câu hỏi trước": the question reaches the responsible agency at once, which prepares the answer."""
    item = planned_or_404(session_id)
    form = QuestionForm()
    province = current_app.config["PROVINCE_CODE"]
    form.ward_code.choices = [("", _l("— Không chọn —"))] + places.wards_of(province)
    error = None
    if form.validate_on_submit():
        draft = PetitionDraft(content=form.content.data, province_code=province,
                              ward_code=form.ward_code.data or "", address=form.address.data or "",
                              reporter_name=form.reporter_name.data or "",
                              reporter_phone=form.reporter_phone.data or "",
                              reporter_email=form.reporter_email.data or "",
                              consent_public=bool(form.consent_public.data))
        try:
            spend_request_proof(db.session)
            receipt = dialogues.ask_ahead(db.session, item, draft, utcnow())
            db.session.commit()
        except DomainError as error_raised:
            db.session.rollback()
            error = error_raised.message(current_language())
            field = getattr(form, error_raised.field or "", None) if error_raised.field else None
            if field is not None and hasattr(field, "errors"):
                field.errors = list(field.errors) + [error]
        else:
            route_if_inline(db.session, receipt, current_app.config["INTAKE_ROUTING"])
            session["submitted"] = {"code": receipt.code, "secret": receipt.secret}
            return redirect(url_for("public.submitted"))
    status = 422 if form.errors or error else 200
    return render_template("public/calendar_question.html", item=item, form=form, error=error,
                           kinds=KIND_NAMES, groups=leaders.target_groups()), status


@bp.route("/lich-tiep-dan.ics")
def calendar_feed():
    """The same upcoming sessions as an iCalendar feed (RFC 5545), for a phone's or office's calendar."""
    items = leaders.upcoming(db.session, utcnow(), limit=500)
    body = ical_feed(items, host=request.host, page_url=url_for("public.calendar", _external=True))
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": "inline; filename=lich-tiep-dan.ics"})


def ical_text(value: str) -> str:
    """RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks escaped."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def ical_line(line: str) -> str:
    """A content line folded at 75 octets (§3.1), never inside a UTF-8 character."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def ical_time(moment: datetime) -> str:
    """A naive UTC moment in UTC form (…Z): no VTIMEZONE needed, every calendar shows it in its own zone."""
    return moment.strftime("%Y%m%dT%H%M%SZ")


def ical_feed(items: list[DialogueSession], *, host: str, page_url: str) -> str:
    groups = leaders.target_groups()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cong phan anh kien nghi//Lich tiep dan//VI",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + ical_text(str(_l("Lịch tiếp dân, đối thoại"))),
             "X-WR-TIMEZONE:Asia/Ho_Chi_Minh"]
    for item in items:
        kind = str(KIND_NAMES.get(item.kind, item.kind))
        description = [f"{item.leader_name}, {item.leader_office}"]
        if item.target_group:
            description.append(str(_l("Nhóm đối tượng")) + ": " + groups.get(item.target_group, item.target_group))
        if item.topics:
            description.append(str(_l("Chủ đề")) + ": " + item.topics)
        description.append(str(_l("Gửi câu hỏi trước")) + ": " + page_url + f"/{item.id}/cau-hoi")
        lines += ["BEGIN:VEVENT", f"UID:dialogue-session-{item.id}@{host}", "DTSTAMP:" + ical_time(item.created_at),
                  "DTSTART:" + ical_time(item.held_at),
                  "SUMMARY:" + ical_text(f"{kind}: {item.leader_name}, {item.leader_office}"),
                  "LOCATION:" + ical_text(item.venue), "DESCRIPTION:" + ical_text("\n".join(description)),
                  "URL:" + page_url, "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(ical_line(line) + "\r\n" for line in lines)
