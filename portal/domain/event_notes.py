"""Timeline notes in English. Notes are stored as the Vietnamese sentence the staff and the citizen read; the
fixed sentences the portal itself writes are recognised here and rendered in English. What a person typed
(a reason, a call summary) is not translated: it is shown as written, after the English frame."""
import re

from portal.domain.taxonomy import english_agency_by_name

CHANNELS_EN = {"web": "the website", "hotline": "the 1022 hotline", "dialogue": "a dialogue session",
               "email": "e-mail", "api": "a partner application", "open311": "a partner application",
               "reception": "a leader's reception day"}
_DATE = r"(?P<date>\d{2}/\d{2}/\d{4})"

# (pattern of the Vietnamese note, English template); named groups carry over. Kept beside the sentences'
# authors: lifecycle, workflow, routing, overdue, duplicates, ratings (and its reopening), intake, retention.
NOTE_PATTERNS = [
    (r"Tiếp nhận qua kênh (?P<channel>\w+)\.", "Received through {channel}."),
    (r"Giao (?P<agency>.+) chủ trì giải quyết, hạn " + _DATE + r"\.", "Assigned to {agency}, due {date}."),
    (r"(?P<agency>.+) tiếp nhận xử lý\.", "{agency} has taken up the petition."),
    (r"Đã có dự thảo trả lời, chờ lãnh đạo duyệt\.", "A draft answer awaits the agency head's approval."),
    (r"Lãnh đạo cơ quan đã duyệt, trả lời được công khai\.", "The agency head approved the answer; it is published."),
    (r"Lãnh đạo yêu cầu sửa dự thảo: (?P<text>.*)", "The agency head asked for changes to the draft: {text}"),
    (r"Trả lại bộ phận điều phối\. Lý do: (?P<text>.*)", "Returned to the coordinators. Reason: {text}"),
    (r"Chuyển từ (?P<from_agency>.*) sang (?P<agency>.+?)\. Lý do: (?P<text>.*)",
     "Transferred from {from_agency} to {agency}. Reason: {text}"),
    (r"Xin gia hạn đến " + _DATE + r"\. Lý do: (?P<text>.*)", "Extension requested until {date}. Reason: {text}"),
    (r"Không đồng ý gia hạn\. Lý do: (?P<text>.*)", "Extension refused. Reason: {text}"),
    (r"Gia hạn xử lý đến " + _DATE + r"\. Lý do: (?P<text>.*)", "Deadline extended to {date}. Reason: {text}"),
    (r"Đề nghị (?P<agency>.+?) phối hợp: (?P<text>.*)", "{agency} was asked to help: {text}"),
    (r"Quá hạn trả lời \(" + _DATE + r"\)\. Cơ quan xử lý gửi văn bản xin lỗi\.",
     "Answer overdue (due {date}). The agency sends a letter of apology."),
    (r"Gộp vào phản ánh (?P<code>\S+) có cùng nội dung; kết quả xử lý của (?P=code) áp dụng cho phản ánh này\.",
     "Merged into petition {code}, which has the same content; its outcome applies to this petition."),
    (r"Người dân đã gửi đánh giá mức độ hài lòng\.", "The sender rated the answer."),
    (r"Người dân đánh giá chưa giải quyết: phản ánh được mở lại, chuyển lại (?P<agency>.+?) xử lý, hạn " + _DATE
     + r"\.", "The sender rated the answer “not resolved”: the petition is reopened and back with {agency}, due {date}."),
    (r"Người dân đánh giá chưa giải quyết: phản ánh được mở lại, chuyển lại (?P<agency>.+?) xử lý, hạn " + _DATE
     + r"\. Ý kiến của người dân: (?P<text>.*)",
     "The sender rated the answer “not resolved”: the petition is reopened and back with {agency}, due {date}. "
     "The sender's comment: {text}"),
    (r"Người dân lại đánh giá chưa giải quyết sau khi phản ánh đã được mở lại một lần: chuyển bộ phận điều phối xem "
     r"xét\.", "The sender again rated the answer “not resolved” after one reopening: sent to the coordinators."),
    (r"Người dân lại đánh giá chưa giải quyết sau khi phản ánh đã được mở lại một lần: chuyển bộ phận điều phối xem "
     r"xét\. Ý kiến của người dân: (?P<text>.*)",
     "The sender again rated the answer “not resolved” after one reopening: sent to the coordinators. "
     "The sender's comment: {text}"),
    (r"Không tự phân loại, giao việc được: chờ bộ phận điều phối xử lý\.",
     "Could not be classified or assigned automatically: waiting for the coordinators."),
    (r"Người dân gọi tổng đài 1022: (?P<text>.*)", "The sender called the 1022 hotline: {text}"),
    (r"Thông tin liên hệ của người gửi đã được ẩn danh do hết thời hạn lưu trữ \((?P<months>\d+) tháng sau khi "
     r"phản ánh kết thúc\)\.",
     "The sender's contact details were anonymised when the retention period ended ({months} months after closing)."),
    (r"Thông tin liên hệ của người gửi đã được xoá theo yêu cầu của người gửi\.",
     "The sender's contact details were erased at the sender's request."),
]
_COMPILED = [(re.compile(pattern, re.DOTALL), english) for pattern, english in NOTE_PATTERNS]


def english_note(note: str) -> str:
    """The note in English when the portal wrote it from a known sentence; otherwise the note as stored."""
    for pattern, english in _COMPILED:
        found = pattern.fullmatch(note.strip())
        if found:
            return english.format(**_english_values(found.groupdict()))
    return note


def _english_values(values: dict) -> dict:
    if "channel" in values:
        values["channel"] = CHANNELS_EN.get(values["channel"], values["channel"])
    for key in ("agency", "from_agency"):
        if values.get(key):
            values[key] = english_agency_by_name(values[key]) or values[key]
    return values
