"""Text hygiene shared by every way text comes in."""
import re
import unicodedata

import bleach

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

ANSWER_TAGS = ["p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "blockquote", "h3", "h4", "a", "table",
               "thead", "tbody", "tr", "th", "td"]
ANSWER_ATTRIBUTES = {"a": ["href", "title"]}


def clean_text(value: str | None) -> str:
    """NFC-normalise, drop control characters (NUL included), trim. Vietnamese has two ways
    to write most letters; NFC makes 'đường' typed on any keyboard the same bytes."""
    if not value:
        return ""
    return _CONTROL.sub("", unicodedata.normalize("NFC", value)).strip()


def sanitize_html(value: str | None) -> str:
    """Rich text from staff: keep simple formatting, drop scripts, styles and event handlers."""
    return bleach.clean(clean_text(value), tags=ANSWER_TAGS, attributes=ANSWER_ATTRIBUTES,
                        protocols=["http", "https", "mailto"], strip=True)


def html_to_text(value: str | None) -> str:
    return clean_text(bleach.clean(value or "", tags=[], strip=True))
