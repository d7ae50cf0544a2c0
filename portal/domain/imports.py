"""Importing petitions from CSV or XLSX (communes keep spreadsheets): a dry run lists every bad row;
the import itself stores all rows or none."""
import csv
import io
from dataclasses import dataclass, field

from openpyxl import load_workbook

from portal.domain.errors import DomainError, ValidationFailed
from portal.domain.intake import Receipt, receive
from portal.domain.petitions import DEFAULT_CATEGORY, PetitionDraft, validate_draft
from portal.domain.text import clean_text
from portal.models import Petition

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
# Column names in the template, and the other spellings we accept.
COLUMNS = {
    "noi_dung": ("content", "nội dung", "noi dung"), "tieu_de": ("title", "tiêu đề"),
    "linh_vuc": ("category", "lĩnh vực"), "ma_tinh": ("province_code", "mã tỉnh"), "ma_xa": ("ward_code", "mã xã"),
    "dia_chi": ("address", "địa chỉ"), "ho_ten": ("name", "họ tên"), "dien_thoai": ("phone", "điện thoại"),
    "email": ("thư điện tử",), "kenh": ("channel", "kênh"),
}
REQUIRED = ("noi_dung",)


@dataclass
class ImportReport:
    rows: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    drafts: list[tuple[int, PetitionDraft]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.rows > 0 and not self.errors


class ImportRefused(ValidationFailed):
    code = "import_refused"


def read_table(filename: str, data: bytes) -> list[list[str]]:
    """The file's rows as text, header first; a clear refusal for what cannot be read."""
    if not data:
        raise ImportRefused("Tệp trống.", "The file is empty.")
    if len(data) > MAX_BYTES:
        raise ImportRefused(f"Tệp quá lớn (tối đa {MAX_BYTES // (1024 * 1024)} MB). Hãy chia thành nhiều tệp.",
                            "The file is too large.")
    if filename.lower().endswith(".xlsx"):
        return _read_xlsx(data)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ImportRefused("Tệp đang ở mã UTF-16. Hãy lưu lại dạng “CSV UTF-8” rồi tải lên.",
                            "The file is UTF-16; save it as CSV UTF-8.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused("Tệp không ở mã UTF-8 (có thể là Windows-1258 hoặc TCVN3). Hãy lưu lại dạng "
                            "“CSV UTF-8” rồi tải lên.", "The file is not UTF-8; save it as CSV UTF-8.") from None
    return [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]


def _read_xlsx(data: bytes) -> list[list[str]]:
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).active
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        raise ImportRefused("Không đọc được tệp Excel (.xlsx).", "The .xlsx file cannot be read.") from None
    rows = []
    for row in sheet.iter_rows(values_only=True):
        cells = ["" if value is None else str(value) for value in row]
        if any(cell.strip() for cell in cells):
            rows.append(cells)
        if len(rows) > MAX_ROWS + 1:
            break
    return rows


def header_map(header: list[str]) -> dict[str, int]:
    aliases = {alias: name for name, names in COLUMNS.items() for alias in (name, *names)}
    mapping, unknown = {}, []
    for index, title in enumerate(header):
        key = clean_text(title).lower()
        if key in aliases:
            mapping[aliases[key]] = index
        elif key:
            unknown.append(title)
    missing = [name for name in REQUIRED if name not in mapping]
    if missing or unknown:
        raise ImportRefused("Cột không đúng mẫu. " + (f"Thiếu cột: {', '.join(missing)}. " if missing else "")
                            + (f"Cột lạ: {', '.join(unknown)}. " if unknown else "")
                            + "Các cột hợp lệ: " + ", ".join(COLUMNS) + ".", "The columns do not match the template.")
    return mapping


def check_rows(session, filename: str, data: bytes) -> ImportReport:
    """The dry run: every row checked, every problem listed with its row number (the header is row 1)."""
    table = read_table(filename, data)
    if len(table) < 2:
        raise ImportRefused("Tệp không có dòng dữ liệu nào.", "The file has no data rows.")
    if len(table) > MAX_ROWS + 1:
        raise ImportRefused(f"Tối đa {MAX_ROWS} dòng mỗi lần nhập.", f"At most {MAX_ROWS} rows at a time.")
    columns = header_map(table[0])
    report, seen = ImportReport(rows=len(table) - 1), {}
    for number, row in enumerate(table[1:], start=2):
        value = lambda name: row[columns[name]].strip() if name in columns and columns[name] < len(row) else ""  # noqa: E731
        draft = PetitionDraft(content=value("noi_dung"), title=value("tieu_de"), channel=value("kenh") or "web",
                              category_code=value("linh_vuc") or DEFAULT_CATEGORY, province_code=value("ma_tinh"),
                              ward_code=value("ma_xa"), address=value("dia_chi"), reporter_name=value("ho_ten"),
                              reporter_phone=value("dien_thoai"), reporter_email=value("email"))
        try:
            validate_draft(session, draft)
        except DomainError as error:
            report.errors.append((number, error.message_vi))
            continue
        key = (draft.content, draft.ward_code)
        if key in seen:
            report.errors.append((number, f"Trùng với dòng {seen[key]}."))
        elif session.query(Petition.id).filter_by(content=draft.content, ward_code=draft.ward_code or None).first():
            report.errors.append((number, "Trùng với một phản ánh đã có trên hệ thống."))
        else:
            seen[key] = number
            report.drafts.append((number, draft))
    return report


def import_rows(session, filename: str, data: bytes, actor=None) -> list[Receipt]:
    """Receive every row, or none: any bad row refuses the whole file. The caller commits once, then routes them
    (`intake.route_if_inline`)."""
    report = check_rows(session, filename, data)
    if not report.ok:
        raise ImportRefused(f"Tệp có {len(report.errors)} dòng lỗi; chưa nhập dòng nào. Hãy sửa rồi chạy thử lại.",
                            "The file has bad rows; nothing was imported.")
    return [receive(session, draft, actor) for _, draft in report.drafts]
