"""The mass mobilization committee's dashboard (Ban Dân vận): who answers, who is late, who owes an explanation."""
import csv
import io
from datetime import date, timedelta

from flask import Blueprint, Response, abort, current_app, render_template, request
from openpyxl import Workbook

from portal.domain import metrics
from portal.domain.dialogue import follow_up_table
from portal.domain.explanations import explanations_filed, previous_month
from portal.domain.errors import ValidationFailed
from portal.extensions import db
from portal.models import CHANNELS, Agency, Category, DialogueSession, Petition
from portal.web.committee.charts import trend_svg
from portal.web.security import role_required

bp = Blueprint("committee", __name__, url_prefix="/ban-dan-van")
COLUMNS = [("rank", "Hạng"), ("rank_change", "Tăng/tụt bậc"), ("code", "Mã"), ("name", "Cơ quan"),
           ("received", "Tiếp nhận"), ("answered", "Đã trả lời"), ("on_time", "Đúng hạn"), ("overdue", "Quá hạn"),
           ("response_rate", "Tỷ lệ trả lời (%)"), ("on_time_rate", "Tỷ lệ đúng hạn (%)"),
           ("satisfaction_index", "Chỉ số hài lòng (%)"), ("ratings", "Số đánh giá"), ("below_threshold", "Dưới 75%")]


def selected_period() -> tuple[date, date]:
    today = date.today()
    try:
        first = date.fromisoformat(request.args["from"]) if request.args.get("from") else today.replace(day=1)
        last = date.fromisoformat(request.args["to"]) if request.args.get("to") else today
    except ValueError:
        raise ValidationFailed("Ngày phải theo dạng YYYY-MM-DD.", "Dates must be YYYY-MM-DD.") from None
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
    explanation_period = previous_month(date.today())
    return render_template(
        "committee/dashboard.html", first=first, last=last, ranking=ranking, agencies=agencies, categories=categories,
        channels=CHANNELS, trend_chart=trend_svg(metrics.monthly_trend(db.session, last, filters)),
        heat=metrics.heat_map(db.session, period, filters),
        responsibility=metrics.responsibility_counts(db.session, first, last),
        explanations=explanations_filed(db.session, explanation_period), explanation_period=explanation_period,
        flagged_last_month=flagged(explanation_period), dialogues=follow_up_table(db.session, first, last))


def flagged(period: tuple[date, date]) -> list[dict]:
    """Agencies below the line in a period: they owe a written explanation."""
    ranking = metrics.agency_ranking(db.session, *period, min_sample=current_app.config["SATISFACTION_MIN_SAMPLE"])
    return [row for row in ranking["agencies"] if row["below_threshold"]]


@bp.route("/chi-tiet")
@role_required("committee")
def drill_down():
    """The items behind one number of the dashboard."""
    first, last = selected_period()
    figure = request.args.get("figure", "received")
    if request.args.get("dialogue", "").isdigit():
        dialogue = db.session.get(DialogueSession, int(request.args["dialogue"])) or abort(404)
        return render_template("committee/drill_down.html", items=dialogue.petitions.order_by(Petition.id).all(),
                               figure="dialogue", dialogue=dialogue, agency=None, first=first, last=last)
    if figure not in ("received", "answered", "on_time", "overdue", "open_overdue"):
        abort(404)
    agency = db.session.query(Agency).filter_by(code=request.args.get("agency", "")).first()
    items = metrics.petitions_behind(db.session, metrics.Period(first, last), figure, agency.id if agency else None,
                                     selected_filters())
    return render_template("committee/drill_down.html", items=items, figure=figure, agency=agency, first=first,
                           last=last)


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
    header = ["Lĩnh vực"] + [a.code for a in agencies]
    return header, [[c.name] + [heat.get((c.id, a.id), 0) for a in agencies] for c in categories]


def csv_response(header, rows, name) -> Response:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 with a BOM correctly
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return Response(buffer.getvalue(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={name}.csv"})


def xlsx_response(header, rows, name) -> Response:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Response(buffer.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename={name}.xlsx"})


@bp.route("/bao-cao")
@role_required("committee")
def monthly_report():
    """A printable monthly report."""
    month = request.args.get("month") or (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    try:
        first = date.fromisoformat(month + "-01")
    except ValueError:
        abort(404)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    ranking = metrics.agency_ranking(db.session, first, last, min_sample=current_app.config["SATISFACTION_MIN_SAMPLE"])
    return render_template("committee/report.html", first=first, last=last, ranking=ranking,
                           responsibility=metrics.responsibility_counts(db.session, first, last),
                           explanations=explanations_filed(db.session, (first, last)))
