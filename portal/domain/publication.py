"""The public version of a petition: what the public, other agencies and integrators may read of it.

One road: the redaction proposes a public title, content and answer (portal/text/redact.py); the agency head sees
them rendered as the public will, each hidden span marked, edits them or keeps a span visible, and what the head
submits is cleaned the same way whichever road it came by (web form or API) and stored by workflow.approve_answer.
Public pages, the public search index, Open311 and the API then read only the stored fields.
"""
import html as html_lib
from dataclasses import dataclass, replace

from portal.domain.errors import ValidationFailed
from portal.domain.petitions import TITLE_MAX
from portal.domain.text import clean_text, html_to_text, sanitize_html
from portal.models import Answer, Petition
from portal.text.redact import (
    apply_spans,
    find_spans,
    mark_spans_html,
    mark_spans_text,
    redact,
    redact_html,
    suspicious_leftovers,
)


@dataclass(frozen=True)
class PublicVersion:
    """The three public texts of a published petition: plain title, plain content, sanitised answer HTML."""

    title: str
    content: str
    answer_html: str


def approved_version(petition: Petition, answer: Answer, *, title: str | None = None, content: str | None = None,
                     answer_html: str | None = None) -> PublicVersion:
    """The head's texts (a part not given is the proposed one), cleaned as they will be stored; refuses an empty
    content or answer, so nothing is published blank by mistake."""
    version = _with_proposal(petition, answer, title, content, answer_html)
    if not version.content:
        raise ValidationFailed("Nội dung phản ánh công khai không được để trống.",
                               "The public content cannot be empty.", field="public_content")
    if not html_to_text(version.answer_html):
        raise ValidationFailed("Câu trả lời công khai không được để trống.", "The public answer cannot be empty.",
                               field="published_html")
    return version


def _with_proposal(petition: Petition, answer: Answer, title: str | None, content: str | None,
                   answer_html: str | None) -> PublicVersion:
    """The texts given, the proposal's for those not given (redacted only then), cleaned as stored."""
    return cleaned(PublicVersion(redact(petition.title or "") if title is None else title,
                                 redact(petition.content) if content is None else content,
                                 redact_html(answer.body_html) if answer_html is None else answer_html))


def cleaned(version: PublicVersion) -> PublicVersion:
    """As stored: NFC, no control characters, one kind of line break; a title on one line; the answer sanitised
    (a plain-text answer's lines and lists become HTML)."""
    title = " ".join(clean_text(version.title).split())[:TITLE_MAX]
    content = clean_text(version.content.replace("\r\n", "\n").replace("\r", "\n"))
    return replace(version, title=title, content=content, answer_html=sanitize_html(version.answer_html))


def leftovers(version: PublicVersion) -> list[str]:
    """What still looks like a number or a name in the public texts, for the warning on the head's preview."""
    found = [*suspicious_leftovers(f"{version.title}\n{version.content}"), *suspicious_leftovers(version.answer_html)]
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Preview:
    """The head's approval page: the texts for the form fields, the same texts rendered as the public will read
    them (with every hidden span marked, when `toggles`), and the warning's leftovers."""

    version: PublicVersion
    title_html: str
    content_html: str
    answer_html: str
    toggles: bool
    leftovers: list[str]


def publication_preview(petition: Petition, answer: Answer, *, title: str | None = None, content: str | None = None,
                        answer_html: str | None = None) -> Preview:
    """The proposal with its hidden spans marked; or, once the head sent texts back to review, those texts rendered
    as they would be stored (a part not sent is the proposal's; spans are no longer toggled in edited text)."""
    if title is None and content is None and answer_html is None:
        # The spans are found once per text for both the marks and the proposal (redact() is apply_spans of the
        # same spans; the test of the API against the web form would see them drift apart).
        title_spans, content_spans = find_spans(petition.title or ""), find_spans(petition.content)
        version = cleaned(PublicVersion(apply_spans(petition.title or "", title_spans),
                                        apply_spans(petition.content, content_spans), redact_html(answer.body_html)))
        return Preview(version, mark_spans_text(petition.title or "", title_spans),
                       mark_spans_text(petition.content, content_spans), mark_spans_html(answer.body_html), True,
                       leftovers(version))
    version = _with_proposal(petition, answer, title, content, answer_html)
    return Preview(version, html_lib.escape(version.title), plain_text_html(version.content), version.answer_html,
                   False, leftovers(version))


def plain_text_html(text: str) -> str:
    """Plain text as HTML with its line breaks kept, for the preview."""
    return html_lib.escape(text or "", quote=False).replace("\n", "<br>\n")


def public_conclusion(conclusion: str) -> str:
    """A dialogue session's conclusion as the public reads it: citizens named in it are redacted."""
    return redact(conclusion or "")
