"""Normalising Vietnamese as people type it: case, short forms, a view without diacritics, and underthesea's
compound words of a text typed with them."""
import re
import unicodedata

from underthesea import text_normalize, word_tokenize

# Short forms on phones and in call notes, and the words they stand for. Only forms that mean one thing
# in a petition: "hong" could be "hỏng" (broken) as well as the southern "hông" (không), "hem" could be
# "hẻm" (an alley), "dk" could be "đăng ký": those stay as typed.
ABBREVIATIONS = {
    "ko": "không", "k": "không", "kh": "không", "hok": "không", "khg": "không", "hk": "không",
    "dc": "được", "đc": "được", "duoc": "được",
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "hdnd": "hội đồng nhân dân",
    "bhyt": "bảo hiểm y tế", "bhxh": "bảo hiểm xã hội", "bhtn": "bảo hiểm thất nghiệp",
    "cccd": "căn cước công dân", "cmnd": "chứng minh nhân dân",
    "csgt": "cảnh sát giao thông", "gcn": "giấy chứng nhận", "qsdđ": "quyền sử dụng đất", "qsdd": "quyền sử dụng đất",
    "gpxd": "giấy phép xây dựng", "pccc": "phòng cháy chữa cháy", "atgt": "an toàn giao thông",
    "attp": "an toàn thực phẩm", "sđt": "số điện thoại", "sdt": "số điện thoại",
    "sổ hồng": "giấy chứng nhận quyền sử dụng đất", "so hong": "giấy chứng nhận quyền sử dụng đất",
    "sổ đỏ": "giấy chứng nhận quyền sử dụng đất", "so do": "giấy chứng nhận quyền sử dụng đất",
    "tp": "thành phố", "tt": "thủ tục", "hs": "hồ sơ", "ng": "người", "nc": "nước", "j": "gì", "vs": "với",
    "bv": "bệnh viện", "cty": "công ty", "cq": "cơ quan", "cb": "cán bộ", "gv": "giáo viên", "nv": "nhân viên",
    "r": "rồi", "wa": "quá", "ntn": "như thế nào", "mn": "mọi người", "trc": "trước", "nhg": "nhưng",
    "mik": "mình", "mk": "mình", "bt": "bình thường", "nhìu": "nhiều", "nhiu": "nhiều", "ae": "anh em",
}
_WORD = re.compile(r"\w+", re.UNICODE)
_MULTI = re.compile("|".join(sorted((re.escape(k) for k in ABBREVIATIONS if " " in k), key=len, reverse=True)))


def strip_accents(text: str) -> str:
    """'Đường ngập' -> 'Duong ngap' (đ is a letter of its own, not an accent, so it is mapped by hand)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def expand_abbreviations(text: str) -> str:
    text = _MULTI.sub(lambda m: ABBREVIATIONS[m.group(0)], text)
    return _WORD.sub(lambda m: ABBREVIATIONS.get(m.group(0), m.group(0)), text)


def model_view(text: str) -> str:
    """What the classifier reads: lower case, short forms expanded, no diacritics (so a text typed with
    and without accents reads the same)."""
    return strip_accents(expand_abbreviations(unicodedata.normalize("NFC", text).lower()))


def has_diacritics(text: str) -> bool:
    return strip_accents(text) != text


def word_view(text: str) -> str:
    """underthesea's words of a text typed with diacritics, each folded to one token without them:
    "Đường dây điện bị đứt" -> "duong_day_dien bi dut". text_normalize first puts tone marks where the
    tokenizer's dictionary has them ("hoà" -> "hòa"). Empty for a text typed without diacritics: the
    tokenizer cannot find the words of "duong day dien", and guessed words would only mislead the model,
    which then reads such a text by its syllables alone (`model_view`)."""
    if not has_diacritics(text):
        return ""
    words = word_tokenize(expand_abbreviations(text_normalize(unicodedata.normalize("NFC", text)).lower()))
    return " ".join(strip_accents(word).replace(" ", "_") for word in words if any(c.isalnum() for c in word))
