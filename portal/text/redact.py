"""Redaction of personal data before anything is published.

Exact patterns first (e-mail, phone, ID numbers, plates, house numbers), then names: underthesea's
NER (offline) and rules for "ông/bà/anh/chị + Name" and "tôi là Name". Officials named in their office
("Chủ tịch UBND phường Trần Văn Bình"), agencies, dates, amounts and document numbers
("Thông báo số 495/TB-UBND") stay. Placeholders say what was removed, so the text still reads.
"""
import re
from dataclasses import dataclass

PLACEHOLDERS = {
    "email": "[thư điện tử]",
    "phone": "[số điện thoại]",
    "id_number": "[số CCCD/CMND]",
    "plate": "[biển số xe]",
    "house": "[số nhà]",
    "name": "[họ tên]",
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Mobile and landline: 0905 123 456, 0905.123.456, +84 905 123 456, 84905123456, (024) 3825 1234.
_PHONE = re.compile(r"(?<![\w/])(?:(?:\+84|84|0)(?:[\s.\-]?\d){8,10}|\(0\d{2,3}\)(?:[\s.\-]?\d){7,8})(?![\w/])")
_ID_NUMBER = re.compile(r"(?<![\w/.,])(?:\d{12}|\d{9})(?![\w/.,])")
# 43A-123.45, 51F1-234.56, 29H 123.45, 30K12345
_PLATE = re.compile(r"(?<![\w/])\d{2}[A-ZĐ]{1,2}\d?[\s\-.]?\d{3}\.?\d{1,2}(?![\w/])")
_HOUSE = re.compile(
    r"(?:(?<=\bsố nhà )|(?<=\bnhà số )|(?<=\bSố nhà )|(?<=\bNhà số ))\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*"
    r"|\b\d+[A-Za-z]?(?:/\d+[A-Za-z]?)+(?=\s+(?:đường|phố|kiệt|hẻm|ngõ|ngách|[A-ZĐ]))"
    r"|(?<=\bsố )\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*(?=\s+(?:đường|phố|kiệt|hẻm|ngõ|ngách))")
HONORIFICS = r"(?:ông|bà|anh|chị|cháu|cô|chú|bác|cụ|em|Ông|Bà|Anh|Chị|Cháu|Cô|Chú|Bác|Cụ|Em)"
_CAPITALISED = r"[A-ZÀ-ỸĐ][a-zà-ỹđ]+"
_HONORIFIC_NAME = re.compile(rf"(?<!\w)({HONORIFICS}|tôi là|tên là|tôi tên|Tôi là|Tôi tên)\s+({_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}})")
# Officials acting in office keep their names: the title comes shortly before the name.
_OFFICE = re.compile(r"(?:Chủ tịch|Phó Chủ tịch|Giám đốc|Phó Giám đốc|Bí thư|Trưởng phòng|Phó Trưởng phòng|"
                     r"Chánh Văn phòng|Trưởng Công an|Trưởng ban|Thứ trưởng|Bộ trưởng|Đại biểu)[^.;\n]{0,40}$")
# Names that are places (street, ward, school...) are not people.
_PLACE_WORD = re.compile(r"(?:đường|phố|kiệt|hẻm|ngõ|cầu|chợ|trường|phường|xã|thôn|quận|huyện|tỉnh|thành phố|"
                         r"bệnh viện|công viên|khu|ngã tư|ngã ba)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    """One piece of personal data found in a text: text[start:end] is of `kind` (a key of PLACEHOLDERS)."""
    start: int
    end: int
    kind: str

    @property
    def placeholder(self) -> str:
        return PLACEHOLDERS[self.kind]


def find_spans(text: str, use_ner: bool = True) -> list[Span]:
    """Every personal-data span of the text, in order, not overlapping."""
    if not text:
        return []
    found: list[Span] = []
    for kind, pattern in (("email", _EMAIL), ("plate", _PLATE), ("phone", _PHONE), ("id_number", _ID_NUMBER),
                          ("house", _HOUSE)):
        found += [Span(m.start(), m.end(), kind) for m in pattern.finditer(text)]
    for name in _names(text, use_ner):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if _replacement(m, text) != m.group(0):
                found.append(Span(m.start(), m.end(), "name"))
    return _without_overlaps(found)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def apply_spans(text: str, spans: list[Span]) -> str:
    """The text with each span replaced by its placeholder."""
    out, at = [], 0
    for span in spans:
        out += [text[at:span.start], span.placeholder]
        at = span.end
    out.append(text[at:])
    return "".join(out)


def redact(text: str, use_ner: bool = True) -> str:
    """The text with personal data replaced by placeholders."""
    return apply_spans(text, find_spans(text, use_ner)) if text else ""


def _names(text: str, use_ner: bool) -> set[str]:
    found = set(_rule_names(text)) | (set(_ner_names(text)) if use_ner else set())
    # Acronyms (UBND, CCCD) are not people.
    return {name for name in found if any(c.islower() for c in name)}


def replace_names(text: str, names: set[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", lambda m: _replacement(m, text), text)
    return text


def _replacement(match: re.Match, text: str) -> str:
    before = match.string[max(0, match.start() - 60):match.start()]
    if _OFFICE.search(before) or _PLACE_WORD.search(before):
        return match.group(0)
    return PLACEHOLDERS["name"]


def _rule_names(text: str) -> list[str]:
    return [m.group(2) for m in _HONORIFIC_NAME.finditer(text)]


def _ner_names(text: str) -> list[str]:
    """People's names found by underthesea's named-entity recogniser (a model shipped with the package)."""
    from underthesea import ner

    names, current = [], []
    for token in ner(text[:5000]):
        word, tag = token[0], token[-1]
        if tag == "B-PER":
            if current:
                names.append(" ".join(current))
            current = [word]
        elif tag == "I-PER" and current:
            current.append(word)
        else:
            if current:
                names.append(" ".join(current))
            current = []
    if current:
        names.append(" ".join(current))
    return [n for n in names if len(n) > 1 and not n.startswith("[")]


def redact_html(html: str) -> str:
    """Redact the text of sanitised HTML; tags carry no personal data of their own."""
    return redact(html)


def redaction_preview(petition) -> dict:
    """What staff see, and may edit, before publishing."""
    from portal.domain.petitions import published_answer  # noqa: F401

    submitted = petition.answers.filter_by(state="submitted").first()
    return {"public_content": redact(petition.content),
            "published_html": redact_html(submitted.body_html) if submitted else ""}
