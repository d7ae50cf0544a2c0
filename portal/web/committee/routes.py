"""The mass mobilization committee's dashboard (Ban Dân vận): who answers, who is late, who owes an explanation."""
import csv
import io
from datetime import date, timedelta
from urllib.parse import parse_qsl, urlencode

from flask import Response, abort, current_app, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook

from portal.domain import metrics
from portal.domain.calendar import local_today
from portal.domain.dialogue import follow_up_table
from portal.domain.explanations import explanations_filed, previous_month
from portal.domain.spreadsheet import safe_row
from portal.domain.errors import ValidationFailed
from portal.extensions import db
from portal.models import CHANNELS, Agency, Category, DialogueSession, Petition
from portal.web.committee import bp
from portal.web.committee.charts import on_time_bars_svg, trend_svg
from portal.web.committee.leaders import dashboard_block
from portal.web.inputs import date_arg, int_arg
from portal.web.security import role_required

COLUMNS = [("rank", "Hạng"), ("rank_change", "Tăng/tụt bậc"), ("code", "Mã"), ("name", "Cơ quan"),
           ("received", "Tiếp nhận"), ("answered", "Đã trả lời"), ("on_time", "Đúng hạn"), ("overdue", "Quá hạn"),
           ("response_rate", "Tỷ lệ trả lời (%)"), ("rejected", "Từ chối"), ("on_time_rate", "Tỷ lệ đúng hạn (%)"),
           ("satisfaction_index", "Chỉ số hài lòng (%)"), ("ratings", "Số đánh giá"), ("reopened", "Mở lại"),
           ("reopen_rate", "Tỷ lệ mở lại (%)"), ("below_threshold", "Dưới 75%")]
# Each figure a drill-down lists: its name on the page and what it counts, as portal/domain/metrics.py defines it.
FIGURES = {
    "received": (_l("Tiếp nhận"), _l("Phản ánh gửi đến trong kỳ.")),
    "answered": (_l("Đã trả lời"), _l("Phản ánh được công khai câu trả lời trong kỳ, dù tiếp nhận từ lúc nào.")),
    "on_time": (_l("Đúng hạn"), _l("Phản ánh được công khai câu trả lời trong kỳ, không muộn hơn hạn xử lý.")),
    "overdue": (_l("Quá hạn"), _l(
        "Phản ánh chưa có câu trả lời khi hết ngày cuối kỳ mà hạn xử lý đã đến (trước hoặc đúng ngày cuối kỳ), dù "
        "tiếp nhận từ tháng nào; cộng với phản ánh được trả lời trong kỳ nhưng trễ hạn.")),
    "open_overdue": (_l("Đang quá hạn"), _l(
        "Phản ánh chưa có câu trả lời khi hết ngày cuối kỳ mà hạn xử lý đã đến (trước hoặc đúng ngày cuối kỳ), dù "
        "tiếp nhận từ tháng nào.")),
}
# The dashboard's own filters: what a drill-down carries back to it.
DASHBOARD_FILTERS = ("from", "to", "agency", "category", "channel")


def selected_period() -> tuple[date, date]:
    today = local_today()
    first, last = date_arg("from", today.replace(day=1)), date_arg("to", today)
    if first > last or (last - first).days > 3660:
        raise ValidationFailed("Khoảng thời gian không hợp lệ.", "Invalid period.")
    return first, last


def selected_filters() -> metrics.Filters:
    category = db.session.query(Category).filter_by(code=request.args.get("category", "")).first()
    channel = request.args.get("channel") if request.args.get("channel") in CHANNELS else None
    return metrics.Filters(category_id=category.id if category else None, channel=channel)


def dashboard_data():
    first, last = selected_period()
    filters = selected_filters()
    ranking = metrics.agency_ranking(db.session, first, last, filters=filters,
                                     min_sample=current_app.config["SATISFACTION_MIN_SAMPLE"])
    agency_code = request.args.get("agency", "")
    if agency_code:
        ranking["agencies"] = [row for row in ranking["agencies"] if row["code"] == agency_code]
    return first, last, filters, ranking


@bp.route("/")
@role_required("committee")
def dashboard():
    """Cards, trend, ranking with rank changes, responsibility counts, heat map; every number drills down."""
    first, last, filters, ranking = dashboard_data()
    period = metrics.Period(first, last)
    agencies = db.session.query(Agency).order_by(Agency.code).all()
    categories = db.session.query(Category).order_by(Category.name).all()
    explanation_period = previous_month(local_today())
    return render_template(
        "committee/dashboard.html", first=first, last=last, ranking=ranking, agencies=agencies, categories=categories,
        channels=CHANNELS, drill=drill_args(), figures=FIGURES,
        trend_chart=trend_svg(metrics.monthly_trend(db.session, last, filters)),
        heat=metrics.heat_map(db.session, period, filters),
        responsibility=metrics.responsibility_counts(db.session, first, last),
        explanations=explanations_filed(db.session, explanation_period), explanation_period=explanation_period,
        flagged_last_month=flagged(explanation_period), dialogues=follow_up_table(db.session, first, last),
        **dashboard_block(local_today()))


def flagged(period: tuple[date, date]) -> list[dict]:
    """Agencies below the line in a period: they owe a written explanation."""
    ranking = metrics.agency_ranking(db.session, *period, min_sample=current_app.config["SATISFACTION_MIN_SAMPLE"])
    return [row for row in ranking["agencies"] if row["below_threshold"]]


def dashboard_filters() -> dict:
    """The filters the dashboard was opened with, as its query string holds them."""
    return {key: request.args[key] for key in DASHBOARD_FILTERS if request.args.get(key)}


def drill_args() -> dict:
    """What every drill-down link of the dashboard carries: its period and filters, and the way back to it."""
    first, last = selected_period()
    args = {key: value for key, value in dashboard_filters().items() if key in ("category", "channel")}
    return {**args, "from": first.isoformat(), "to": last.isoformat(), "back": urlencode(dashboard_filters())}


def back_to_dashboard() -> str:
    """The dashboard as the user left it; only its own filters are read back from the link."""
    kept = {key: value for key, value in parse_qsl(request.args.get("back", "")) if key in DASHBOARD_FILTERS}
    if not request.args.get("back"):
        kept = {key: value for key, value in dashboard_filters().items() if key != "agency"}
    return url_for("committee.dashboard", **kept)


@bp.route("/chi-tiet")
@role_required("committee")
def drill_down():
    """The items behind one number of the dashboard, each a link to the item, and the way back."""
    first, last = selected_period()
    figure = request.args.get("figure", "received")
    common = {"first": first, "last": last, "back_url": back_to_dashboard()}
    if dialogue_id := int_arg("dialogue", 0, 0, 2**31 - 1):
        dialogue = db.session.get(DialogueSession, dialogue_id) or abort(404)
        return render_template("committee/drill_down.html", items=dialogue.petitions.order_by(Petition.id).all(),
                               figure="dialogue", dialogue=dialogue, agency=None, **common)
    if figure not in FIGURES:
        abort(404)
    agency = db.session.query(Agency).filter_by(code=request.args.get("agency", "")).first()
    filters = selected_filters()
    items = metrics.petitions_behind(db.session, metrics.Period(first, last), figure, agency.id if agency else None,
                                     filters)
    return render_template("committee/drill_down.html", items=items, figure=figure, label=FIGURES[figure][0],
                           definition=FIGURES[figure][1], agency=agency, dialogue=None,
                           category=db.session.get(Category, filters.category_id) if filters.category_id else None,
                           channel=filters.channel, **common)


@bp.route("/phan-anh/<code>")
@role_required("committee")
def item(code):
    """One petition as the committee supervises it, read-only: what was asked, who must answer by when, every
    step; the sender's contact details are not shown."""
    from portal.domain.petitions import published_answer
    from portal.models import Answer, PetitionEvent
    from flask_login import current_user

    from portal.web.agency.photos import photo_cards

    petition = db.session.query(Petition).filter_by(code=code.upper()).first() or abort(404)
    answer = published_answer(petition) or petition.answers.filter_by(state="submitted").order_by(
        Answer.id.desc()).first()
    events = petition.events.order_by(None).order_by(PetitionEvent.at, PetitionEvent.id).all()
    return render_template("committee/item.html", petition=petition, answer=answer, events=events,
                           photos=photo_cards(petition, current_user),
                           assignment=petition.assignments.filter_by(active=True).first(),
                           back_url=request.referrer if (request.referrer or "").startswith(request.host_url)
                           else url_for("committee.dashboard"))


@bp.route("/xuat/<table>.<fmt>")
@role_required("committee")
def export(table, fmt):
    """Every table as CSV or XLSX."""
    first, last, filters, ranking = dashboard_data()
    if table == "xep-hang":
        header = [label for _, label in COLUMNS]
        rows = [[row[key] for key, _ in COLUMNS] for row in ranking["agencies"]]
    elif table == "ban-do-nhiet":
        header, rows = heat_table(metrics.heat_map(db.session, metrics.Period(first, last), filters))
    elif table == "doi-thoai":
        header = ["Ngày", "Người chủ trì", "Chức vụ", "Kiến nghị", "Đã trả lời", "Đúng hạn", "Quá hạn",
                  "Hạn thông báo kết luận", "Ngày ban hành", "Kết luận trễ hạn"]
        rows = [[r["session"].held_at.date().isoformat(), r["session"].leader_name, r["session"].leader_office,
                 r["petitions"], r["answered"], r["on_time"], r["overdue"], r["session"].conclusion_due_date.isoformat(),
                 r["session"].conclusion_published_at.date().isoformat() if r["session"].conclusion_published_at else "",
                 "có" if r["conclusion_late"] else "không"] for r in follow_up_table(db.session, first, last)["rows"]]
    elif table == "xu-huong":
        trend = metrics.monthly_trend(db.session, last, filters)
        header = ["Tháng", "Tiếp nhận", "Đã trả lời", "Tỷ lệ đúng hạn (%)"]
        rows = [[m["month"], m["received"], m["answered"], m["on_time_rate"]] for m in trend]
    else:
        abort(404)
    name = f"{table}_{first.isoformat()}_{last.isoformat()}"
    if fmt == "csv":
        return csv_response(header, rows, name)
    if fmt == "xlsx":
        return xlsx_response(header, rows, name)
    abort(404)


def heat_table(heat: dict) -> tuple[list, list]:
    agencies = db.session.query(Agency).order_by(Agency.code).all()
    categories = db.session.query(Category).order_by(Category.name).all()
    header = ["Lĩnh vực"] + [a.name for a in agencies]
    return header, [[c.name] + [heat.get((c.id, a.id), 0) for a in agencies] for c in categories]


def csv_response(header, rows, name) -> Response:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 with a BOM correctly
    writer = csv.writer(buffer)
    writer.writerow(safe_row(header))
    writer.writerows(safe_row(row) for row in rows)
    return Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={name}.csv"})


def xlsx_response(header, rows, name) -> Response:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(safe_row(header))
    for row in rows:
        sheet.append(safe_row(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Response(buffer.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename={name}.xlsx"})


@bp.route("/bao-cao")
@role_required("committee")
def monthly_report():
    """A printable monthly report of a chosen month (last month by default), on the committee's letterhead."""
    today = local_today()
    first = report_month(request.args.get("month") or (today.replace(day=1) - timedelta(days=1)).strftime("%Y-%m"),
                         today)
    # The month in progress is reported up to today: an item due later this month is not overdue yet.
    last = min((first + timedelta(days=32)).replace(day=1) - timedelta(days=1), today)
    ranking = metrics.agency_ranking(db.session, first, last, min_sample=current_app.config["SATISFACTION_MIN_SAMPLE"])
    return render_template("committee/report.html", first=first, last=last, ranking=ranking,
                           responsibility=metrics.responsibility_counts(db.session, first, last),
                           explanations=explanations_filed(db.session, (first, last)),
                           chart=on_time_bars_svg(ranking["agencies"], metrics.THRESHOLD_PERCENT),
                           trend_chart=trend_svg(metrics.monthly_trend(db.session, last)),
                           letterhead=letterhead(today), latest_month=today.strftime("%Y-%m"))


def report_month(value: str, today: date) -> date:
    """The first day of a month given as YYYY-MM, from 2000 up to the month in progress."""
    try:
        first = date.fromisoformat(value.strip() + "-01")
    except ValueError:
        raise ValidationFailed("Tháng phải theo dạng YYYY-MM, ví dụ 2026-10.", "The month is YYYY-MM, e.g. 2026-10.",
                               field="month") from None
    if first.year < 2000 or first > today:
        raise ValidationFailed("Chọn một tháng từ năm 2000 đến tháng hiện tại.",
                               "Choose a month from 2000 up to the current month.", field="month")
    return first


def letterhead(today: date) -> dict:
    """The head of an administrative document: who issues it, the national motto's place and date line."""
    from portal.domain.places import province_name

    province = province_name(current_app.config["PROVINCE_CODE"])
    place = province.removeprefix("Thành phố ").removeprefix("Tỉnh ")
    party_committee = ("Thành ủy " if province.startswith("Thành phố") else "Tỉnh ủy ") + place
    return {"province": province, "place": place, "issuer": party_committee,
            "committee": current_app.config["COMMITTEE_NAME"], "today": today}
