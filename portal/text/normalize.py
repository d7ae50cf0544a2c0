"""Normalising Vietnamese as people type it: case, short forms, and a view without diacritics."""
import re
import unicodedata

# Short forms on phones and in call notes, and the words they stand for.
ABBREVIATIONS = {
    "ko": "không", "k": "không", "kh": "không", "hok": "không", "dc": "được", "đc": "được", "duoc": "được",
    "ubnd": "ủy ban nhân dân", "bhyt": "bảo hiểm y tế", "bhxh": "bảo hiểm xã hội", "cccd": "căn cước công dân",
    "csgt": "cảnh sát giao thông", "gcn": "giấy chứng nhận", "qsdđ": "quyền sử dụng đất", "qsdd": "quyền sử dụng đất",
    "sổ hồng": "giấy chứng nhận quyền sử dụng đất", "so hong": "giấy chứng nhận quyền sử dụng đất",
    "sổ đỏ": "giấy chứng nhận quyền sử dụng đất", "so do": "giấy chứng nhận quyền sử dụng đất",
    "tp": "thành phố", "tt": "thủ tục", "hs": "hồ sơ", "ng": "người", "nc": "nước", "j": "gì", "vs": "với",
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


def normalize_for_model(text: str) -> str:
    """Lower case, NFC, short forms expanded: what the classifier reads."""
    return expand_abbreviations(unicodedata.normalize("NFC", text).lower())
