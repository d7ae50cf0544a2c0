"""Attachments: the type is read from the file's first bytes, never taken from the browser's word."""
import secrets
from pathlib import Path

from portal.domain.errors import ValidationFailed
from portal.domain.lifecycle import PUBLISHED_STATUSES
from portal.models import Attachment

SIGNATURES = {b"%PDF-": "application/pdf", b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


def sniff_type(head: bytes) -> str | None:
    return next((kind for magic, kind in SIGNATURES.items() if head.startswith(magic)), None)


def store_attachment(session, petition, actor, filename: str, data: bytes, folder: Path, max_bytes: int) -> Attachment:
    if not data:
        raise ValidationFailed("Tệp đính kèm trống.", "The attachment is empty.", field="attachment")
    if len(data) > max_bytes:
        raise ValidationFailed(f"Tệp đính kèm quá lớn (tối đa {max_bytes // (1024 * 1024)} MB).",
                               "The attachment is too large.", field="attachment")
    kind = sniff_type(data[:16])
    if kind is None:
        raise ValidationFailed("Chỉ nhận tệp PDF, JPEG hoặc PNG (nội dung tệp không đúng định dạng khai báo).",
                               "Only PDF, JPEG or PNG files are accepted.", field="attachment")
    folder.mkdir(parents=True, exist_ok=True)
    stored_name = secrets.token_hex(16)
    (folder / stored_name).write_bytes(data)
    attachment = Attachment(petition_id=petition.id, agency_id=petition.agency_id, filename=Path(filename).name[:255],
                            stored_name=stored_name, content_type=kind, size=len(data),
                            uploaded_by_id=getattr(actor, "id", None))
    session.add(attachment)
    return attachment


def sender_attachments(session, petition) -> list[Attachment]:
    """The files the agency attached to its case, for the sender alone (on the tracking page, behind the secret),
    once the agency head has approved the answer. Files carry no approval of their own and may hold personal
    data (a scanned letter, a photo), so they are never shown to the public, and a merged petition's sender does
    not see the files of the petition it was merged into."""
    if petition.status not in PUBLISHED_STATUSES:
        return []
    return session.query(Attachment).filter_by(petition_id=petition.id).order_by(Attachment.id).all()
