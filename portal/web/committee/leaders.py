"""The committee's supervision of the heads (Quy định 11-QĐi/TW): reception days and dialogues owed and held per
leader and period, and what is still unmet this month."""
import io
from datetime import timedelta

from flask import Response, render_template, request
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook

from portal.domain import leaders
from portal.domain.ad_hoc_reception import ad_hoc_candidates
from portal.domain.calendar import local_today, utcnow
from portal.domain.errors import ValidationFailed
from portal.domain.spreadsheet import safe_row
from portal.extensions import db
from portal.web.committee import bp
from portal.web.errors import current_language
from portal.web.inputs import date_arg, int_arg
from portal.web.security import role_required


KIND_NAMES = {"reception": _l("Tiếp công dân định kỳ"), "dialogue": _l("Đối thoại trực tiếp")}


def last_month(today):
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


@bp.route("/nguoi-dung-dau")
@role_required("committee")
def leader_compliance():
    """Per leader: required vs held in the whole months, quarters and years of the period (last month by default),
    the periods that fell short, conclusions and petitions answered on time; this month's obligations still to be
    held; and the matters that may call for an ad hoc reception."""
    today = local_today()
    default_first, default_last = last_month(today)
    first, last = date_arg("from", default_first), date_arg("to", default_last)
    if first > last or (last - first).days > 3660:
        raise ValidationFailed("Khoảng thời gian không hợp lệ.", "Invalid period.")
    return render_template("committee/leaders.html", first=first, last=last, today=today,
                           rows=leaders.compliance(db.session, first, last, today),
                           pending=leaders.month_so_far(db.session, today),
                           candidates=ad_hoc_candidates(db.session, utcnow(), today),
                           language=current_language(), place_name=leaders.place_name, kinds=KIND_NAMES)


def dashboard_block(today) -> dict:
    """What the dashboard flags: last month's leaders who fell short, this month's obligations still unmet, and how
    many matters may call for an ad hoc reception."""
    first, last = last_month(today)
    return {"leaders_missed": [row for row in leaders.compliance(db.session, first, last, today) if not row.compliant],
            "leaders_pending": leaders.month_so_far(db.session, today), "leaders_month": (first, last),
            "ad_hoc_count": len(ad_hoc_candidates(db.session, utcnow(), today)),
            "leader_kinds": KIND_NAMES, "leader_place": leaders.place_name}


@bp.route("/bao-cao-tiep-dan")
@role_required("committee")
def reception_report():
    """The periodic report of receptions and dialogues (Kết luận 215-KL/TW): month, quarter, 6 or 9 months, year;
    printable with the letterhead and signature block, or as XLSX (?fmt=xlsx)."""
    from portal.web.committee.routes import letterhead

    today = local_today()
    kind = request.args.get("ky", "thang")
    year = int_arg("nam", today.year, 2000, 2100)
    number = int_arg("so", today.month if kind == "thang" else (today.month - 1) // 3 + 1, 1, 12)
    first, last = leaders.report_period(kind, year, number)
    report = leaders.reception_report(db.session, first, last, today)
    if request.args.get("fmt") == "xlsx":
        return xlsx_response(report, f"bao-cao-tiep-dan-{first.isoformat()}-{last.isoformat()}.xlsx")
    return render_template("committee/reception_report.html", report=report, kind=kind, year=year, number=number,
                           kinds=leaders.REPORT_KINDS, letterhead=letterhead(today))


def xlsx_response(report: dict, filename: str) -> Response:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tiep dan"
    sheet.append(safe_row(["Kỳ báo cáo", f"{report['first']:%d/%m/%Y} – {report['last']:%d/%m/%Y}"]))
    sheet.append(safe_row(["Buổi tiếp công dân định kỳ", report["held"]["reception"]]))
    sheet.append(safe_row(["Buổi đối thoại trực tiếp", report["held"]["dialogue"]]))
    sheet.append(safe_row(["Lượt công dân được tiếp", report["citizens_received"]]))
    sheet.append([])
    sheet.append(safe_row(["Lĩnh vực", "Phản ánh, kiến nghị", "Đã trả lời", "Đúng hạn", "Chưa giải quyết xong",
                           "Quá hạn"]))
    for category, row in report["by_category"].items():
        sheet.append(safe_row([category, row["total"], row["answered"], row["on_time"], row["open"], row["overdue"]]))
    totals = report["totals"]
    sheet.append(safe_row(["Tổng", totals["total"], totals["answered"], totals["on_time"], totals["open"],
                           totals["overdue"]]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return Response(buffer.getvalue(), headers={"Content-Disposition": f"attachment; filename={filename}"},
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
