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
    """Rich text from staff: keep simple formatting, drop scripts, styles and event handlers. Text typed without
    block tags (a plain answer, or one with only bold and italics) keeps its lines, paragraphs and lists: a browser
    would otherwise run its lines together."""
    text = clean_text((value or "").replace("\r\n", "\n").replace("\r", "\n"))
    if not _BLOCK_TAG.search(text):
        text = lines_to_html(text)
    return bleach.clean(text, tags=ANSWER_TAGS, attributes=ANSWER_ATTRIBUTES,
                        protocols=["http", "https", "mailto"], strip=True)


_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|br|ul|ol|li|blockquote|h3|h4|table|tr|div)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-•*+–]\s+")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")


def lines_to_html(text: str) -> str:
    """Blank lines end a paragraph, other line breaks become <br>; lines starting with "-", "•", "*" make a list,
    lines starting with "1.", "2)"... a numbered one."""
    blocks, lines, items, kind = [], [], [], None

    def flush():
        nonlocal lines, items, kind
        if lines:
            blocks.append("<p>" + "<br>\n".join(lines) + "</p>")
        if items:
            blocks.append(f"<{kind}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{kind}>")
        lines, items, kind = [], [], None

    for line in text.split("\n"):
        marker = _BULLET.match(line) or _NUMBERED.match(line)
        line_kind = None if marker is None else ("ul" if _BULLET.match(line) else "ol")
        if not line.strip() or (line_kind or "p") != (kind or "p") or (lines and line_kind):
            flush()
        if line_kind:
            kind = line_kind
            items.append(line[marker.end():].strip())
        elif line.strip():
            lines.append(line.strip())
    flush()
    return "\n".join(blocks)


def html_to_text(value: str | None) -> str:
    return clean_text(bleach.clean(value or "", tags=[], strip=True))
