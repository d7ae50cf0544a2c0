"""Redaction of personal data before anything is published.

Rules first (they are exact and fast); placeholders say what was removed so the text still reads.
"""
import re

PLACEHOLDERS = {
    "email": "[thư điện tử]",
    "phone": "[số điện thoại]",
    "id_number": "[số giấy tờ]",
}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Mobile and landline numbers, with or without +84, spaced or dotted: 0905 123 456, +84.905.123.456, 024 3825 1234.
_PHONE = re.compile(r"(?<![\w/])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\w)")
_ID_NUMBER = re.compile(r"(?<![\w/])(?:\d{12}|\d{9})(?![\w/])")


def redact(text: str) -> str:
    """The text with e-mail addresses, phone numbers and ID numbers replaced by placeholders."""
    if not text:
        return ""
    text = _EMAIL.sub(PLACEHOLDERS["email"], text)
    text = _PHONE.sub(PLACEHOLDERS["phone"], text)
    return _ID_NUMBER.sub(PLACEHOLDERS["id_number"], text)


def redact_html(html: str) -> str:
    """Redact the text of sanitised HTML; tags carry no personal data of their own."""
    return redact(html)
