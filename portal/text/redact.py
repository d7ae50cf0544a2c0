"""Redaction of personal data before anything is published.

Numbers first, on a view of the text where fullwidth digits and other compatibility forms are folded
(NFKC) and spans are mapped back onto the original: e-mail addresses, vehicle plates, phone and ID numbers
whatever punctuation surrounds them ("CCCD 001099012345.", "sdt0912345678", "(+84) 912 345 678"), house and
apartment numbers. Then people's names: runs of capitalised words led by a Vietnamese surname, names after
cue words ("công dân", "bệnh nhân", "hộ ông", "người phản ánh:", "tôi là", "ông/bà/anh/chị" + Name),
surnames and given names from portal/text/names.py where capitals cannot tell (CAPITALS, no diacritics,
lower case), and underthesea's NER. Officials named in their office ("Chủ tịch UBND phường Trần Văn Bình"),
streets, schools and wards named after people ("đường Lê Lợi"), agencies, dates, amounts and document numbers
("Thông báo số 495/TB-UBND") stay. Placeholders say what was removed, so the text still reads.

`flask redact evaluate FILE.jsonl` measures it on a labelled corpus (portal/text/redaction_corpus.py).
"""
import html as html_lib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from portal.text import names as lexicon
from portal.text.normalize import strip_accents

PLACEHOLDERS = {
    "email": "[thư điện tử]",
    "phone": "[số điện thoại]",
    "id_number": "[số CCCD/CMND]",
    "plate": "[biển số xe]",
    "address": "[địa chỉ]",
    "other": "[thông tin cá nhân]",
    "name": "[họ tên]",
}


@dataclass(frozen=True)
class Span:
    """One piece of personal data found in a text: text[start:end] is of `kind` (a key of PLACEHOLDERS)."""
    start: int
    end: int
    kind: str

    @property
    def placeholder(self) -> str:
        return PLACEHOLDERS[self.kind]


class _View:
    """The text as the rules read it: NFKC per character cluster (fullwidth digits become digits), and a
    folded copy of the same length (lower case, no diacritics) for case- and accent-blind cues."""

    def __init__(self, text: str):
        chars, origin = [], []
        at = 0
        while at < len(text):
            end = at + 1
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            for char in unicodedata.normalize("NFKC", text[at:end]):
                chars.append(char)
                origin.append((at, end))
            at = end
        self.text = "".join(chars)
        self.origin = origin
        self.folded = "".join(_fold_char(c) for c in self.text)
        # Typed with diacritics: then an unaccented lower-case word is the ordinary word it spells ("trong").
        self.accented = self.folded != self.text.lower()

    def span(self, start: int, end: int, kind: str) -> Span:
        """A span of the original text from one of this view."""
        return Span(self.origin[start][0], self.origin[end - 1][1], kind)


def _fold_char(char: str) -> str:
    if char in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", char.lower())[:1]
    return base if len(char.lower()) == 1 and base else char


def find_spans(text: str, use_ner: bool = True) -> list[Span]:
    """Every personal-data span of the text, in order, not overlapping."""
    if not text or not text.strip():
        return []
    view = _View(text)
    found = _emails(view) + _plates(view) + _numbers(view) + _addresses(view)
    found += _names(view, [s for s in found], use_ner)
    return _without_overlaps(found)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Spans found first (exact patterns) win over later ones that overlap them."""
    kept: list[Span] = []
    for span in spans:
        if span.end > span.start and not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


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


# --- numbers ---------------------------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+\s?(?:@|\((?:at|a)\)|\[(?:at|a)\])\s?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# 43A-123.45, 51F1-234.56, 29H 123.45, 30K12345, 59-X1 123.45, 30K-1234
_PLATE = re.compile(r"(?<![\w/.,])\d{2}\s?-?\s?[A-Z]{1,2}\d?(?:\s?[\-.]\s?|\s)?"
                    r"(?:\d{3}\.\d{2}|\d{3}\s\d{2}|\d{4,5})(?![\w/]|[.,]\d)",
                    re.IGNORECASE)
# Digits in groups with any punctuation between them; a "+84"/"(84)" country code in front.
_DIGITS = re.compile(r"(?:\(\s?\+?\s?84\s?\)|\+\s?84)?[\s.\-]*\d+(?:(?:[ .\-]|\.\s|\s-\s|\)\s?|\s\()?\d+)*")
_PHONE_CUE = re.compile(r"(?:sdt|dt|d\.t|dien thoai|goi|so may|lien he|lien lac|zalo|tel|phone|hotline|mobile|di dong|"
                        r"sđt|đt)\W{0,3}(?:\w+\W{1,3}){0,2}$")
_ID_CUE = re.compile(r"(?:cccd|cmnd|can cuoc|chung minh|dinh danh|cmt|cc)\W{0,3}(?:\w+\W{1,3}){0,3}$")
_OTHER_CUE = re.compile(r"(?:tai khoan|stk|tk|bhxh|bhyt|so the|ma so thue|mst|ho chieu|passport|so so)\W{0,3}"
                        r"(?:\w+\W{1,3}){0,3}$")
_CODE_CUE = re.compile(r"(?:ma ho so|so ho so|ma so ho so|ma phan anh|ma tra cuu|so bien nhan|ma giao dich|so van ban|"
                       r"ma don|so don|ma bien nhan|so hieu)\W{0,3}(?:\w+\W{1,3}){0,2}$")
_AMOUNT_AFTER = re.compile(r"\s?(?:dong|d\b|vnd|trieu|ty|nghin|ngan|usd|m2|m3|m\b|km|kg|tan|ha\b|nguoi|ho\b|lit|%)")
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
# Health-insurance card, passport: capital letters, or any case after their name.
_OTHER_CODE = re.compile(r"(?<![\w])(?:[A-Z]{2}\d{13}|[A-Z]\d{7,8}"
                         r"|(?i:(?<=bhyt )|(?<=ho chieu )|(?<=passport ))(?i:[a-z]{1,2}\d{7,13}))(?![\w])")


def _emails(view: _View) -> list[Span]:
    return [view.span(m.start(), m.end(), "email") for m in _EMAIL.finditer(view.text)]


def _plates(view: _View) -> list[Span]:
    spans = []
    for m in _PLATE.finditer(view.text):
        value = m.group(0)
        # "2026 ngày", "15 m 300": a plate has its series letter right after the province digits.
        if re.match(r"\d{2}\s?-?\s?[A-Za-z]{1,2}\d?", value) and not re.match(r"\d{2}\s[A-Za-z]{2,}", value):
            spans.append(view.span(m.start(), m.end(), "plate"))
    return spans


def _numbers(view: _View) -> list[Span]:
    spans = []
    for m in _DIGITS.finditer(view.text):
        start, end = m.start(), m.end()
        while start < end and not (view.text[start].isdigit() or view.text[start] in "+("):
            start += 1
        digits = re.sub(r"\D", "", view.text[start:end])
        kind = _number_kind(view, start, end, digits)
        if kind:
            spans.append(view.span(start, end, kind))
    probe = "".join(f.upper() if o.isupper() else f for o, f in zip(view.text, view.folded))
    spans += [view.span(m.start(), m.end(), "other") for m in _OTHER_CODE.finditer(probe)]
    return spans


def _number_kind(view: _View, start: int, end: int, digits: str) -> str | None:
    """What a run of digits is, from its length, its shape and the words around it."""
    text, before, after = view.text, view.folded[max(0, start - 40):start], view.folded[end:end + 12]
    if len(digits) < 7 or (start and text[start - 1] == "/") or text[end:end + 1] == "/":
        return None  # 12/3/2026, 1234/QĐ-UBND
    if re.match(r"[\w]", text[end:end + 1]) and not text[end:end + 1].isdigit():
        return None  # 2026-260312-0045A, a code
    if start and text[start - 1].isalpha() and not re.search(r"(?:sdt|dt|cccd|cmnd|so|tel|stk)$", before):
        return None  # H17.22-260312: part of a dossier code
    if re.search(r"[A-Za-z][\-.]$", text[max(0, start - 2):start]) and not _ID_CUE.search(before):
        return None  # PA-2026-000123, a petition's code
    value = text[start:end]
    if _THOUSANDS.fullmatch(value.strip()) and not _ID_CUE.search(before):
        return None  # 150.000.000 (đồng)
    if _AMOUNT_AFTER.match(after) and not (_ID_CUE.search(before) or _PHONE_CUE.search(before)):
        return None
    international = value.lstrip("( ").startswith(("+84", "84")) and "+" in value or value.startswith("(84")
    if re.search(r"(?:ma so thue|mst|ma so doanh nghiep) (?:cua )?(?:cong ty|doanh nghiep|don vi|to chuc)", before):
        return None  # a company's tax code is public
    if _CODE_CUE.search(before):
        return None  # a dossier's or a document's number
    if _OTHER_CUE.search(before):
        return "other"
    if international or (digits.startswith("84") and len(digits) == 11):
        return "phone"
    if digits.startswith("0") and len(digits) in (10, 11):
        return "phone"
    if len(digits) == 12 or (len(digits) == 9 and not _PHONE_CUE.search(before)):
        return "id_number"
    if len(digits) == 9 or (len(digits) in (7, 8) and _PHONE_CUE.search(before)):
        return "phone"
    if len(digits) >= 10:
        return "other"
    return None


# --- house and apartment numbers -------------------------------------------------------------------------

_STREET_WORDS = r"(?:duong|pho|kiet|hem|ngo|ngach|to\s+\d|to dan pho|khu pho|thon|ap|quoc lo|tinh lo)"
_HOUSE_NUMBER = r"\d+[a-z]?(?:/\d+[a-z]?)*"
_BUILDING = r"(?:\s*,?\s*(?:toa nha|toa|nha|block|lo|day)\s+(?=[a-z0-9]{1,5}\b)[a-z]{0,3}\d{0,3}[a-z]?\d?\b)?"
_STREET_AFTER = rf"(?=\s*,?\s+(?:{_STREET_WORDS}\s|(?-i:[A-Z])))"
_SLASHED = r"\d+[a-z]?(?:/\d+[a-z]?)+"
# One group per way of writing an address; the group is what is hidden: the house number, with the words that
# make it one when they are there ("số nhà 45", "căn hộ 1205 tòa A2", "số 8"), never the street.
_ADDRESS = re.compile(
    rf"\b(?:dia chi(?:\s+(?:lien he|lien lac|thuong tru|tam tru|nha toi|cua toi|nha))?|dc|d/c)\s*:?\s*"
    rf"({_HOUSE_NUMBER})(?![\w/])"
    rf"|\b((?:so nha|nha so)\s*:?\s*{_HOUSE_NUMBER})(?![\w/])"
    rf"|\b((?:can ho|can so|can)\s+(?:so\s+)?[a-z]{{0,2}}-?\d+[a-z]?(?:[-.]\d+)?{_BUILDING}"
    rf"|phong\s+(?=\d{{3}})\d+[a-z]?{_BUILDING})(?![\w/])"
    rf"|\b(lo\s+(?:dat\s+)?(?:so\s+)?[a-z]{{1,2}}\d*[-.]?\d+)(?![\w/])"
    rf"|(?<![\w/])(K{_SLASHED})(?![\w/])"
    rf"|\b(so\s*:?\s+{_HOUSE_NUMBER}){_STREET_AFTER}"
    rf"|\b(so\s+{_SLASHED})(?=\s+[a-z])"
    rf"|\b(?:nha|o|tai|truoc|sau|canh|nha minh|nha toi|nha em)\s*:?\s+({_HOUSE_NUMBER}){_STREET_AFTER}"
    rf"|\b(?:nha|o|tai)\s+({_SLASHED})(?=\s+[a-z])"
    rf"|(?<![\w/.])({_SLASHED}){_STREET_AFTER}"
    rf"|(?<=\w, )({_HOUSE_NUMBER})(?=\s+(?-i:[A-Z]))"
    rf"|(?<=\()({_HOUSE_NUMBER})(?=\s+(?-i:[A-Z]))"
    rf"|\b(?:nha|o|tai|truoc)\s+({_HOUSE_NUMBER})(?=\s+(?-i:[a-z]+\s+[a-z]+))",
    re.IGNORECASE)
_LOWER_STREET_GROUP = 13  # "o 18a hai ba trung": in lower case, the street is known by its words being a name
_STREET_GROUPS = range(6, 14)  # groups that stand on the street name after them


def _street_name_follows(view: "_View", end: int) -> bool:
    """Two words of a person's name after the number: "18a hai ba trung", "5 le loi"."""
    following = view.folded[end:end + 40].split()[:2]
    return len(following) == 2 and all(w in lexicon.SYLLABLE_FOLDED or w in ("ba", "hai") for w in following) \
        and following[0] in lexicon.SURNAME_FOLDED | {"hai", "ba", "ly"}
# After a house number, words that say it is a quantity, a date or a document, not a place.
_NOT_STREET = re.compile(r"\s*,?\s+(?:ubnd|so|phuong|xa|quan|huyen|tinh|quyet|thong|nghi|cong van|ke hoach|dieu|luat|"
                         r"tang|nguoi|ho|ngay|thang|nam|gio|lan|m2|m|km|cay|o ga|to ban do|thua|dong|trieu|ty|tuoi|"
                         r"can|phong|chiec|xe|hs|ho so|don|cai|tuan|phut)\b")
_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")
_FULL_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d{2}")


def _addresses(view: _View) -> list[Span]:
    spans = []
    # Matching on the folded view, but capital letters (street names) are read on the original one.
    probe = "".join(f.upper() if o.isupper() else f for o, f in zip(view.text, view.folded))
    for m in _ADDRESS.finditer(probe):
        group = next(g for g in range(1, 14) if m.group(g))
        start, end = m.start(group), m.end(group)
        number = re.search(r"\d.*", m.group(group)).group(0)
        if _FULL_DATE.fullmatch(number):
            continue
        if group == _LOWER_STREET_GROUP and not _street_name_follows(view, end):
            continue
        if group in _STREET_GROUPS and (_NOT_STREET.match(view.folded, end) or _DATE.fullmatch(number) and re.search(
                r"(?:ngay|thang|tu|den|hom|truoc|sau)\s*$", view.folded[max(0, start - 12):start])):
            continue
        spans.append(view.span(start, end, "address"))
    return spans


# --- names -----------------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:['’]\w+)*")
HONORIFICS = {"ong", "ba", "anh", "chi", "co", "chu", "bac", "cu", "em", "chau", "di", "thim", "me", "bo", "ong ba"}
# Cues after which a capitalised word is a person even without a surname ("anh Tuấn", "người phản ánh: Lan").
_CUES = re.compile(
    r"(?:\b(?:toi|minh|em|con|chau)\s+(?:la|ten la|ten)|\bten\s+(?:toi\s+)?la|\bho\s+(?:va\s+)?ten|\bcong dan|"
    r"\bbenh nhan|"
    r"\bnguoi\s+(?:phan anh|kien nghi|goi|gui|bao tin|bao|lien he|nhan|khieu nai|to cao|dai dien)|\bgia dinh|"
    r"\bkh\b|\bkhach hang|\bcd\b|\bphu huynh|\bhoc sinh|\bsinh vien|\bchu\s+(?:xe|ho|nha|phuong tien|so huu)|"
    r"\b(?:vo|chong|con|me|bo|ba|cha)\s+(?:toi|minh|em)(?:\s+la)?|\btoi|\bnguoi benh|\bnan nhan|\bdong su|"
    r"\blien he|\blien lac|\bnguoi nha|\bxung la|\bgoi la|\bten (?:la|goi)|\bten|\bky ten|\bnguoi (?:viet|lam) don)"
    r"[ \t]*[:\-]?[ \t]*$")
# A title in office before the name: the official keeps it ("Giám đốc Sở Y tế Nguyễn Văn An").
_OFFICE_TITLES = (r"(?:pho\s+)?(?:chu tich|giam doc|bi thu|truong phong|chanh van phong|truong cong an|truong ban|"
                  r"thu truong|bo truong|dai bieu|chanh thanh tra|hieu truong|truong thon|truong khu pho|to truong|"
                  r"truong doan|chu nhiem|dong chi|chanh|can bo|cong chuc|chuyen vien|lanh dao|chanh an|vien truong|"
                  r"tong giam doc|truong tram|doi truong|truong (?:ban|phong|dai|doan|tram|khoa)|thu ky|"
                  r"phat ngon vien)")
_OFFICE = re.compile(rf"\b({_OFFICE_TITLES})\b(?=[^.;:!?\n]{{0,60}}$)")
_SIGNATURE = re.compile(rf"\b{_OFFICE_TITLES}[ \t]*\n[ \t]*(?:\(da ky\)[ \t]*\n?[ \t]*)?$")
_SPEAKING_FOR = re.compile(r"\b(?:dai dien|thay mat|lanh dao)\s[^.;:!?\n]{2,50},\s*(?:ong|ba|dong chi)\s+$")
_OFFICE_AFTER = re.compile(r"\s*[,(\-–]\s*(?:nguyen\s+)?(?:pho\s+)?(?:cong chuc|vien chuc|thu ky|bo truong|"
                           r"tong giam doc|chu tich|giam doc|bi thu|truong phong|chanh van phong|truong cong an|"
                           r"truong ban|hieu truong|truong thon|to truong|can bo|chuyen vien|lanh dao|thu truong|"
                           r"dai bieu|truong khu pho|chanh thanh tra|doi truong|chu nhiem)")
# Names that are places: a street, ward, school... named after a person.
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:duong|pho|kiet|hem|ngo|ngach|truong|phuong|xa|thon|ap|quan|huyen|tinh|thanh pho|tp|buon|plei|bon|"
    r"soc|phum|xom|khom|ban|lang|"
    r"benh vien|cong vien|khu|nga tu|nga ba|nga nam|giao lo|nut giao|thpt|thcs|tieu hoc|mam non|pthcs|"
    r"dai lo|quang truong|tuong dai|chua|nha van hoa|khu pho|to dan pho|san van dong|"
    r"tuyen|hoc vien|dai hoc|cao dang|trung tam|chung cu|khu do thi|toa nha|bai bien|nui|"
    r"giai thuong|tuyen duong|cong ty|tap doan|doanh nghiep|cua hang|khach san|nha hang|sieu thi|"
    r"doc|cuoi|goc|ngan hang|chi nhanh|ben xe|ben|toa|block|karaoke|quan an|quan ca phe|ca phe|cafe|tiem|hieu thuoc|"
    r"nha thuoc|salon|spa|thuong hieu|nhan hieu|co so|xuong|nha may|hop tac xa|htx|ho kinh doanh|quan com|"
    r"quan an|quan nhau|quan bun|quan pho|quan nuoc|nha xe|hang xe|phong kham|phong tap|tiem vang)\s*\.?\s*"
    r"|\b(?:cong ty|tap doan|ngan hang|doanh nghiep|truong|benh vien)(?:\s+(?:tnhh|cp|co phan|mtv|tm|dv|xd|"
    r"thuong mai|dich vu|dau tu|xay dung|thpt|thcs|dh|cd|dhqg|quoc te|da khoa|tu thuc))+\s+"
    r"|\d+[a-z]?(?:/\d+[a-z]?)*[ \t]+)$")
# Words that name a place only with their diacritics: "chợ Hàn" but "cho Nguyễn Văn An".
_PLACE_BEFORE_ACCENTED = re.compile(
    r"(?<!gia )\b(?:chợ|cầu|đền|đình|hồ|sông|bến|lăng|làng|đoạn|đầu|trên|giải|đường|phố)\s+$")
# "ngã tư Nguyễn Văn Linh - Lê Đình Lý": the second street of a junction.
_JUNCTION = re.compile(r"(?:nga tu|nga ba|nga nam|giao lo|nut giao|doan)\s+[\w ]{3,40}\s[-–]\s$")
# Well-known people and places that streets, wards and schools are named after, when no honorific says
# that a person is meant.
_PUBLIC_NAMES = {
    "le loi", "tran hung dao", "nguyen hue", "hai ba trung", "ly thuong kiet", "nguyen trai", "phan chu trinh",
    "quang trung", "le duan", "nguyen van linh", "hoang dieu", "tran phu", "ngo quyen", "bach dang",
    "nguyen thi minh khai", "vo van kiet", "hung vuong", "dien bien phu", "ton duc thang", "ha huy tap",
    "nguyen chi thanh", "le van hien", "ong ich khiem", "pham van dong", "huynh thuc khang", "ho chi minh",
    "vo nguyen giap", "phan boi chau", "le thanh tong", "nguyen du", "le hong phong", "truong chinh",
    "nguyen tat thanh", "ly thai to", "dinh tien hoang", "hoang van thu", "le quy don", "tran cao van",
    "phan dinh phung", "vo thi sau", "le thi rieng", "tran thi ly", "nguyen khuyen", "kim dong", "ho xuan huong",
    "ha noi", "da nang", "hai phong", "can tho", "quang nam", "quang ngai", "quang tri", "quang binh",
    "lam dong", "cao bang", "ha giang", "ha tinh", "ha nam", "thai nguyen", "thai binh", "dong nai",
    "dong thap", "ninh binh", "ninh thuan", "hoa binh", "hung yen", "vinh long", "lao cai", "lai chau",
    "tay ninh", "kien giang", "an giang", "tien giang", "hau giang", "bac giang", "ba ria", "vung tau",
    "khanh hoa", "phu yen", "binh dinh", "gia lai", "kon tum", "dak lak", "long an", "ca mau", "tra vinh",
    "soc trang", "bac lieu", "ben tre", "binh duong", "binh phuoc", "binh thuan", "dien bien", "son la",
    "yen bai", "tuyen quang", "phu tho", "vinh phuc", "bac ninh", "hai duong", "nam dinh", "thanh hoa",
    "nghe an", "thua thien hue", "hue", "lang son", "quang ninh", "ha long", "hoi an", "son tra", "ngu hanh son",
    "hoa khanh", "muong thanh", "vietcombank", "vietinbank", "agribank", "bidv", "ho guom", "ho tay",
    "ha dong", "ha tien", "hoang mai", "long bien", "hong bang", "le chan", "lam ha", "cao loc", "phan rang",
    "phan thiet", "mai chau", "dong hoi", "dong ha", "dong xoai", "vu ban", "ly nhan", "ly son", "chu lai",
    "ngo gia tu", "ton that thuyet", "chu van an", "trinh cong son", "bach mai", "cho ray", "kim ma",
    "nguyen thi dinh", "vo chi cong", "nguyen tri phuong", "le van luong", "le thanh nghi", "ham nghi",
}
# Capitalised words that are not names even after a surname-like word.
_STOP_WORDS = {
    "so", "phuong", "xa", "quan", "huyen", "tinh", "ubnd", "duong", "pho", "to", "khu", "thon", "ap", "chu",
    "pho", "giam", "truong", "bi", "ban", "doi", "benh", "kinh", "cam", "ngay", "thang", "theo", "can",
    "nha", "tai", "o", "toi", "em", "con", "chi", "anh", "ong", "ba", "bac", "cu", "chau", "co", "dong", "cong",
    "trung", "uy", "tp", "thpt", "thcs", "hd", "cv", "qd", "tb", "kh", "cd", "sdt", "dt", "cccd", "cmnd", "email",
    "va", "voi", "la", "cua", "da", "se", "dang", "khong", "nhung", "neu", "vi", "de", "khi", "thi", "ma",
    "nguoi", "xin", "gui", "tra", "loi", "ve", "viec", "noi", "dung", "dia", "chi", "ho", "ten", "dien", "thoai",
    "km", "quoc", "lo", "ql", "tl", "dt", "nd", "cp", "bhxh", "bhyt", "gcn", "stk", "vn", "viet", "nam",
    "hoi", "dap", "phan", "anh", "kien", "nghi", "van", "ban", "cong", "an", "so", "te",
    "phong", "truong", "benh", "vien", "cuc", "tong", "hoc", "khoa", "zalo", "facebook", "gmail", "viber",
}


# Capitalised words that end a name: "Nguyễn Văn An Phường Hòa Cường" is a name, then a place.
_NOT_IN_NAMES = {"số", "sở", "phường", "xã", "quận", "huyện", "tỉnh", "ubnd", "đường", "phố", "thôn", "ấp", "tp",
                 "thpt", "thcs", "cccd", "cmnd", "sđt", "đt", "kh", "cd", "email", "tổ", "khu", "ngõ", "kiệt", "hẻm",
                 "công", "chủ", "giám", "trưởng", "bí", "phó", "ban", "đội", "ngày", "xin", "kính", "cảm", "sdt", "dt"}
_NOT_IN_NAMES_FOLDED = {strip_accents(w) for w in _NOT_IN_NAMES}


def _ends_name(word: "_Word") -> bool:
    if word.accented:
        return word.text.lower() in _NOT_IN_NAMES
    return word.folded in _NOT_IN_NAMES_FOLDED


@dataclass
class _Word:
    start: int
    end: int
    text: str
    folded: str

    @property
    def style(self) -> str:
        if "'" in self.text or "’" in self.text:  # H'Luân, Ksor H'Mai: each part capitalised
            parts = [_Word(0, 0, part, "").style for part in re.split(r"['’]", self.text) if part]
            return "title" if parts and all(p == "title" for p in parts) else "other"
        letters = [c for c in self.text if c.isalpha()]
        if not letters:
            return "other"
        if all(c.isupper() for c in letters):
            return "upper" if len(letters) > 1 else "title"
        if letters[0].isupper() and all(c.islower() for c in letters[1:]):
            return "title"
        return "lower" if all(c.islower() for c in letters) else "other"

    @property
    def accented(self) -> bool:
        return self.text.lower() != self.folded


def _is_surname(word: _Word) -> bool:
    if word.accented:
        return word.text.lower() in lexicon.SURNAME_SET
    return word.folded in lexicon.SURNAME_FOLDED


def _is_name_syllable(word: _Word, strict: bool = False) -> bool:
    """strict: the text has diacritics, so a word typed without them is the ordinary word it spells ("TRONG")."""
    if word.accented or strict:
        return word.text.lower() in lexicon.SYLLABLE_SET
    return word.folded in lexicon.SYLLABLE_FOLDED


def _words(view: _View) -> list[_Word]:
    return [_Word(m.start(), m.end(), m.group(0), view.folded[m.start():m.end()])
            for m in _WORD.finditer(view.text) if not m.group(0).isdigit()]


def _names(view: _View, taken: list[Span], use_ner: bool) -> list[Span]:
    words = _words(view)
    mostly_upper = sum(c.isupper() for c in view.text) > 0.6 * max(1, sum(c.isalpha() for c in view.text))
    found = [span for span in taken if span.kind in _CONTACT_KINDS]
    contacts = _Contacts({span.start for span in found}, {span.end for span in found})
    candidates, covered = [], -1
    for index in range(len(words)):
        if index <= covered:
            continue
        run = _run_from(view, words, index, mostly_upper, contacts)
        if run:
            candidates.append(run)
            covered = run[1]
    if use_ner:
        candidates += _ner_runs(view, words)
    spans, claimed_until = [], -1
    for first, last in sorted(candidates, key=lambda r: (words[r[0]].start, -r[1])):
        start, end = words[first].start, words[last].end
        if start < claimed_until or not _is_person(view, words, first, last, contacts):
            continue
        spans.append(Span(view.origin[start][0], view.origin[end - 1][1], "name"))
        claimed_until = end
    return spans


_CONTACT_KINDS = ("phone", "id_number", "email")
# Cues strong enough to name a person in lower case: "tên", "tôi là", "người gửi:".
_STRONG_CUE = re.compile(r"(?:\bten|\b(?:toi|minh|em) la|\bnguoi (?:gui|phan anh|goi|bao tin|lien he)\s*:|\bho ten\s*:|"
                         r"\b(?:kh|cd)\s*:)[ \t]*:?[ \t]*$")
_ORG_WORDS = {"thpt", "thcs", "ubnd", "hdnd", "tnhh", "cp", "mtv", "dh", "bv", "ttyt", "pthcs", "gtvt", "xd"}


@dataclass(frozen=True)
class _Contacts:
    """Where phone numbers, IDs and e-mail addresses start and end (in the original text): a word right next to
    one is a name ("Huy, 0905 123 456"; "sdt 0905 123 456 - Cuong - phan anh")."""
    starts: set
    ends: set

    def after(self, view: "_View", end: int) -> bool:
        at = _CONTACT_GAP.match(view.folded, end).end()
        return any(0 <= p < len(view.origin) and view.origin[p][0] in self.starts for p in (at - 1, at))

    def before(self, view: "_View", start: int) -> bool:
        gap = re.search(r"[\s\-–,:()]*$", view.text[max(0, start - 6):start])
        at = start - len(gap.group(0))
        return gap.group(0).strip() != "" and at > 0 and view.origin[at - 1][1] in self.ends


def _adjacent(view: _View, left: _Word, right: _Word) -> bool:
    return re.fullmatch(r" {1,2}", view.text[left.end:right.start]) is not None


def _run_from(view: _View, words: list[_Word], index: int, mostly_upper: bool,
              contacts: "_Contacts") -> tuple[int, int] | None:
    """The name that starts at words[index], as (first, last) word indexes, if one does."""
    word = words[index]
    style = word.style
    if style not in ("title", "upper", "lower"):
        return None
    if _is_honorific(view, word) and not _honorific_is_surname(view, words, index):
        return None
    if style == "upper" and not mostly_upper:
        style = "title"  # "Tôi là NGUYỄN VĂN BÌNH" in a mixed-case text reads like a capitalised name
    if style != "title" and word.folded in _FUNCTION_WORDS and index + 1 < len(words) \
            and _adjacent(view, word, words[index + 1]) and _is_surname(words[index + 1]) \
            and words[index + 1].folded != "van":
        return None  # "toi la nguyen phuc": "la" is a verb before the surname
    last, longest = index, 4 if style == "title" else 3
    while last + 1 < len(words) and last - index < longest and _adjacent(view, words[last], words[last + 1]):
        if not _continues(words[last + 1], style, word.style, view.accented and style == "upper"):
            break
        last += 1
    while style != "title" and last > index:
        if f"{words[last - 1].folded} {words[last].folded}" in _ENDS_NAME:
            last -= 2
        elif last + 1 < len(words) and f"{words[last].folded} {words[last + 1].folded}" in _ENDS_NAME:
            last -= 1
        else:
            break
    if last < index:
        return None
    if style != "title" and index + 1 < len(words) and f"{word.folded} {words[index + 1].folded}" in _ENDS_NAME:
        return None  # "phan anh truong": "phản ánh", not "Phan Anh"
    if style != "title" and not word.accented and word.folded in _FUNCTION_WORDS and last - index < 2:
        return None  # "ba la dung": "là đúng", not a name
    contact = style == "title" and not view.text[words[last].end:].lstrip().startswith(":") \
        and (contacts.after(view, words[last].end) or contacts.before(view, word.start))  # "Thư: a@b.vn" is a label
    cued = _cued(view, words, index)
    length = last - index + 1
    surname = _is_surname(word)
    if style == "title":
        if surname and length >= 2:
            return index, last
        if cued and (_is_name_syllable(word) or word.folded not in _STOP_WORDS and word.style != "upper"):
            return index, last
        if contact and all(_is_name_syllable(w) for w in words[index:last + 1]):
            return index, last
        return None
    cued = cued or contact
    # CAPITALS or lower case: only the name lexicon says where a name ends.
    usual = length >= 3 and word.folded in _COMMON_SURNAMES and words[index + 1].folded in ("van", "thi") \
        or length >= 2 and contacts.after(view, words[last].end)
    if surname and length >= 2 and (cued or usual or (style == "upper" and length >= 3)):
        return index, last
    if cued and style == "upper" and _is_name_syllable(word, view.accented) \
            and (word.accented or word.folded not in _STOP_WORDS):
        return index, last
    if style == "lower" and _is_name_syllable(word) and word.folded not in _STOP_WORDS \
            and (word.accented or not view.accented) \
            and _STRONG_CUE.search(view.folded[max(0, word.start - 20):word.start]) \
            and not (index + 1 < len(words) and _adjacent(view, word, words[index + 1])
                     and _is_name_syllable(words[index + 1])):
        return index, index  # "em ten hoa", "nguoi gui: trang": after such words even a lower-case word is a name
    return None


# Words that are also surnames but, before a surname in lower case or CAPITALS, are a verb, an honorific...
_FUNCTION_WORDS = {"la", "chu", "do", "to", "cu", "co", "ong", "ba", "chau", "em", "anh", "chi", "bac", "di", "mai",
                   "cao", "van", "ha", "lam", "tu", "ton", "ho", "dong", "kim", "quan", "thai", "vi", "la"}
# Unaccented compounds whose second syllable reads like an honorific.
_COMPOUNDS = {"phan anh", "can cu", "chung cu", "bau cu", "tieng anh", "hinh anh", "dien anh",
              "co quan", "ba co", "tu chu", "ong ba", "anh em", "chi em", "tre em", "ban em"}
# Unaccented pairs that end a name in CAPITALS or lower case: "PHAN THI LOAN PHAN ANH VIEC...".
_ENDS_NAME = {"lien he", "phan anh", "kien nghi", "de nghi", "tra loi", "cam on", "goi dien", "bao cao", "thong bao",
              "hoi ve",
              "ban quan", "co hoan", "o tai", "dang ky", "xin cam"}
_COMMON_SURNAMES = {"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "ngo",
                    "truong", "dinh", "trinh", "luong", "doan"}
_HONORIFIC_WORDS = {"ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "em", "cháu", "dì", "thím", "mợ", "cậu", "o"}


def _honorific_is_surname(view: _View, words: list[_Word], index: int) -> bool:
    """"Chau Thi Khai", "cong dan Chau Minh Dat": a word that is both an honorific and a surname starts a name
    when a middle name follows or a cue comes before."""
    word = words[index]
    if not _is_surname(word) or word.style == "lower" or index + 1 >= len(words):
        return False
    following = words[index + 1]
    if not _adjacent(view, word, following) or following.style != word.style:
        return False
    third = index + 2 < len(words) and _adjacent(view, following, words[index + 2]) \
        and words[index + 2].style == word.style
    return third and following.folded in ("van", "thi") \
        or bool(_CUES.search(view.folded[max(0, word.start - 30):word.start]))


def _is_honorific(view: _View, word: _Word) -> bool:
    """Accent-aware: "cụ" is an honorific, "cư" (chung cư) is not; unaccented text is read as typed."""
    return word.text.lower() in _HONORIFIC_WORDS or not word.accented and word.folded in HONORIFICS


def _continues(word: _Word, style: str, first_style: str, strict: bool = False) -> bool:
    if style == "title":
        fits = word.style == "title" or word.style == "upper" and first_style == "upper"
        return fits and (not _ends_name(word) or _is_name_syllable(word))
    return word.style == style and _is_name_syllable(word, strict)


_CONTACT_GAP = re.compile(r"\s*[,\-–(:]?\s*(?:(?:sdt|dt|d/t|dien thoai|cccd|cmnd|email)\s*:?\s*)?\(?")


def _honorific_before(view: _View, words: list[_Word], index: int) -> bool:
    """An honorific right before the word ("bà Lan"), not one inside a name or a place ("Phan Chu Trinh",
    "chung cu Muong Thanh")."""
    if not index or not _adjacent(view, words[index - 1], words[index]) or not _is_honorific(view, words[index - 1]):
        return False
    honorific = words[index - 1]
    if _PLACE_BEFORE.search(view.folded[max(0, honorific.start - 40):honorific.start]):
        return False  # "đường Bà Triệu", "đường Ông Ích Khiêm"
    if index > 1 and _adjacent(view, words[index - 2], honorific):
        if honorific.style == "title" and words[index - 2].style in ("title", "upper"):
            return False
        if f"{words[index - 2].folded} {honorific.folded}" in _COMPOUNDS:
            return False  # "phan anh", "can cu": an honorific's letters inside an ordinary word
    return not _PLACE_BEFORE.search(view.folded[max(0, honorific.start - 40):honorific.end] + " ")


def _cued(view: _View, words: list[_Word], index: int) -> bool:
    """An honorific right before the word, or a cue such as "công dân", "tôi là", "người phản ánh:"."""
    start = words[index].start
    return _honorific_before(view, words, index) or bool(_CUES.search(view.folded[max(0, start - 30):start]))


def _is_person(view: _View, words: list[_Word], first: int, last: int, contacts: "_Contacts") -> bool:
    """Not a place named after a person, not an official named in office."""
    start, end = words[first].start, words[last].end
    before = view.folded[max(0, start - 70):start]
    honorific = _honorific_before(view, words, first)
    cued = _cued(view, words, first) or words[first].style != "lower" and (contacts.after(view, end)
                                                                            or contacts.before(view, start))
    folded_name = " ".join(w.folded for w in words[first:last + 1])
    if first and _is_honorific(view, words[first - 1]) and _adjacent(view, words[first - 1], words[first]) and (
            _PLACE_BEFORE.search(view.folded[max(0, words[first - 1].start - 40):words[first - 1].start])
            or f"{words[first - 1].folded} {folded_name}" in _PUBLIC_NAMES):
        return False  # "đường Ông Ích Khiêm", "Bà Triệu": the honorific is part of a place's name
    if folded_name in _STOP_WORDS and not (cued and _is_name_syllable(words[first])):
        return False
    if first == last and last + 1 < len(words) and _adjacent(view, words[last], words[last + 1]) and (
            words[last + 1].style == "upper" and words[first].style == "title" or words[last + 1].folded in _ORG_WORDS):
        return False  # "Trường THPT ...", "Sở GTVT": an organisation
    if not honorific and (_PLACE_BEFORE.search(before) or _JUNCTION.search(before)
                          or _PLACE_BEFORE_ACCENTED.search(view.text[max(0, start - 20):start].lower())):
        return False
    prefixes = (" ".join(w.folded for w in words[first:k + 1]) for k in range(first, last + 1))
    if not cued and any(prefix in _PUBLIC_NAMES for prefix in prefixes):
        return False
    office = _OFFICE.search(before)
    if office and not honorific and not _CUES.search(before[office.end(1):]):
        return False
    if _SIGNATURE.search(before):
        return False  # "PHÓ GIÁM ĐỐC" on one line, the official's name on the next: a signature
    if _SPEAKING_FOR.search(before):
        return False  # "Đại diện Sở Xây dựng, ông Nguyễn Hữu Thắng, cho biết": an official
    if re.match(_OFFICE_TITLES + r"\b", view.folded[start:end + 12]):
        return False  # "ong Chu tich ...", "Truong Cong an": a title, not a name
    place = _PLACE_BEFORE.search(view.folded[max(0, start - 40):words[first].end] + " ")
    if place and max(0, start - 40) + place.start() < start:
        return False  # "CÔNG VIÊN LÊ THỊ RIÊNG": the first word ends the place's own name
    if _OFFICE_AFTER.match(view.folded, end):
        return False
    return True


@lru_cache(maxsize=1)
def _ner():
    """underthesea's named-entity recogniser, loaded once per process (a model shipped with the package)."""
    from underthesea import ner

    return ner


def _ner_runs(view: _View, words: list[_Word]) -> list[tuple[int, int]]:
    """Runs of words tagged as a person by underthesea, when they also look like a Vietnamese name."""
    runs = []
    at = 0
    starts = {w.start: i for i, w in enumerate(words)}
    for token in _ner()(view.text[:5000]):
        surface, tag = token[0], token[-1]
        found = view.text.find(surface, at)
        if found < 0:
            continue
        at = found + len(surface)
        if tag in ("B-PER", "I-PER") and found in starts:
            first = starts[found]
            last = first
            while last + 1 < len(words) and words[last + 1].end <= at:
                last += 1
            if tag == "I-PER" and runs and runs[-1][1] == first - 1:
                runs[-1] = (runs[-1][0], last)
            else:
                runs.append((first, last))
    return [trimmed for first, last in runs if (trimmed := _trim_ner_run(view, words, first, last))]


def _trim_ner_run(view: _View, words: list[_Word], first: int, last: int) -> tuple[int, int] | None:
    """The NER's person without a leading honorific ("Ông Hồ Văn Hiếu") or trailing ordinary words: a surname,
    then capitalised words. Only in mixed-case text: in CAPITALS the NER takes any run of words for a name."""
    while first <= last and _is_honorific(view, words[first]) and not _honorific_is_surname(view, words, first):
        first += 1
        if first <= last and not _honorific_before(view, words, first):
            return None  # "đường Ông Ích Khiêm": the honorific belongs to a place's name
    if first >= last or words[first].style != "title" or words[first].folded in _STOP_WORDS:
        return None
    if not _is_surname(words[first]) and not (view.accented and words[first].accented):
        return None  # without a surname, trust the NER only on text written with its diacritics
    end = first
    while end < last and _continues(words[end + 1], "title", "title"):
        end += 1
    return (first, end) if end > first else None


# --- HTML, the head's preview, leftovers -----------------------------------------------------------------

_TAG = re.compile(r"(<[^>]*>)")
_BLOCK = re.compile(r"</?(?:p|br|li|ul|ol|div|h[1-6]|tr|td|th|table|blockquote|pre|hr)\b", re.IGNORECASE)
_LOOKS_HTML = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*)(?:\s[^>]*)?/?>")


def _segments(html: str):
    """The HTML as tags and unescaped text, and the plain text the redaction reads (blocks end a line)."""
    pieces, plain = [], []
    offset = 0
    for piece in _TAG.split(html):
        if not piece:
            continue
        if _TAG.fullmatch(piece):
            pieces.append(("tag", piece, offset))
            if _BLOCK.match(piece):
                plain.append("\n")
                offset += 1
        else:
            text = html_lib.unescape(piece)
            pieces.append(("text", text, offset))
            plain.append(text)
            offset += len(text)
    return pieces, "".join(plain)


def _render_html(html: str, mark, use_ner: bool) -> str:
    """The HTML with every span's text replaced by mark(span, original), tags kept."""
    pieces, plain = _segments(html)
    spans = find_spans(plain, use_ner)
    out = []
    for kind, piece, offset in pieces:
        if kind == "tag":
            out.append(_tag_without_personal_data(piece))
            continue
        end, at = offset + len(piece), offset
        for span in spans:
            if span.end <= offset or span.start >= end:
                continue
            out.append(html_lib.escape(plain[at:max(at, span.start)], quote=False))
            if span.start >= offset:
                out.append(mark(span, plain[span.start:span.end]))
            at = min(end, span.end)
        out.append(html_lib.escape(plain[at:end], quote=False))
    return "".join(out)


def _tag_without_personal_data(tag: str) -> str:
    """A link to mailto:/tel: carries the address in its attributes: such a tag keeps only its name."""
    if tag.startswith("</") or not find_spans(html_lib.unescape(tag), use_ner=False):
        return tag
    name = re.match(r"<\s*([a-zA-Z0-9]+)", tag)
    return f"<{name.group(1)}>" if name else ""


def _plain_to_html(text: str) -> str:
    return html_lib.escape(text, quote=False).replace("\n", "<br>\n")


def redact_html(html: str, use_ner: bool = True) -> str:
    """Redact the text of sanitised HTML without breaking its tags, lists or line breaks. Plain text (no tags)
    comes back as HTML with its line breaks kept (<br>)."""
    if not html:
        return ""
    if not _LOOKS_HTML.search(html):
        return _plain_to_html(redact(html, use_ner))
    return _render_html(_sanitized(html), lambda span, original: html_lib.escape(span.placeholder, quote=False),
                        use_ner)


def _sanitized(html: str) -> str:
    """Only the tags answers may carry: whatever comes in, what goes out is safe to render."""
    from portal.domain.text import sanitize_html

    return sanitize_html(html)


def _mark(span: Span, original: str) -> str:
    return (f'<mark class="pii" data-kind="{span.kind}" data-placeholder="{html_lib.escape(span.placeholder)}" '
            f'data-original="{html_lib.escape(original)}">{html_lib.escape(span.placeholder, quote=False)}</mark>')


def mark_spans_html(text_or_html: str, use_ner: bool = True) -> str:
    """The head's preview: safe HTML of the text (plain text or sanitised HTML) as the public will read it,
    with every hidden span wrapped as
    <mark class="pii" data-kind="name" data-placeholder="[họ tên]" data-original="Nguyễn Văn An">[họ tên]</mark>.
    The mark shows the placeholder; data-original (escaped) lets the page toggle back to what was hidden.
    Plain text keeps its line breaks (<br>); HTML keeps its tags, lists and breaks untouched."""
    if not text_or_html:
        return ""
    if not _LOOKS_HTML.search(text_or_html):
        return mark_spans_text(text_or_html, find_spans(text_or_html, use_ner))
    return _render_html(_sanitized(text_or_html), _mark, use_ner)


def mark_spans_text(text: str, spans: list[Span]) -> str:
    """Plain text as safe HTML (line breaks kept), each of the given spans marked as mark_spans_html marks them.
    Text that looks like HTML stays text here: a citizen's "<img …>" is shown, never rendered."""
    out, at = [], 0
    for span in spans:
        out += [_plain_to_html(text[at:span.start]), _mark(span, text[span.start:span.end])]
        at = span.end
    out.append(_plain_to_html(text[at:]))
    return "".join(out)


_LONG_DIGITS = re.compile(r"\d(?:[\s.\-]?\d){5,}")
_PLACEHOLDER_TEXT = re.compile("|".join(re.escape(p) for p in PLACEHOLDERS.values()))


def suspicious_leftovers(text: str) -> list[str]:
    """What still looks like personal data in an already redacted text (plain or HTML): runs of 6 or more digits,
    and capitalised words that read like a person's name (an official's name too: the head decides); for the
    warning on the head's preview. In order, without duplicates."""
    if not text:
        return []
    plain = _segments(text)[1] if _LOOKS_HTML.search(text) else text
    plain = _PLACEHOLDER_TEXT.sub(lambda m: " " * len(m.group(0)), plain)
    view = _View(plain)
    found = [(span.start, plain[span.start:span.end]) for span in find_spans(plain)]
    for m in _LONG_DIGITS.finditer(view.text):
        if not _THOUSANDS.fullmatch(m.group(0)) and not re.match(r"[/\w]", view.text[m.end():m.end() + 1]):
            start = view.origin[m.start()][0]
            found.append((start, plain[start:view.origin[m.end() - 1][1]]))
    words, covered = _words(view), -1
    for index, word in enumerate(words):
        if index <= covered or not _is_surname(word) or word.style not in ("title", "upper"):
            continue
        last = index
        while last + 1 < len(words) and last - index < 3 and _adjacent(view, words[last], words[last + 1]) \
                and _continues(words[last + 1], "title", word.style):
            last += 1
        covered = last
        if last > index and " ".join(w.folded for w in words[index:last + 1]) not in _PUBLIC_NAMES:
            start = view.origin[word.start][0]
            found.append((start, plain[start:view.origin[words[last].end - 1][1]]))
    return list(dict.fromkeys(value for _, value in sorted(found)))
