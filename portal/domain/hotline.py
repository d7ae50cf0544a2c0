"""The 1022 hotline: find a caller's petitions, log follow-up calls, spot repeat callers."""
from portal.domain.errors import ValidationFailed
from portal.domain.lifecycle import record_event
from portal.domain.petitions import normalize_phone
from portal.domain.text import clean_text
from portal.models import Petition


def find_for_caller(session, query: str, limit: int = 20) -> list[Petition]:
    """Petitions by code (PA-2026-000123) or by the caller's phone number, newest first."""
    query = clean_text(query)
    if not query:
        return []
    if query.upper().startswith("PA-"):
        return session.query(Petition).filter(Petition.code == query.upper()).all()
    try:
        phone = normalize_phone(query)
    except ValidationFailed:
        raise ValidationFailed("Nhập mã phản ánh (PA-...) hoặc số điện thoại người gọi.",
                               "Enter a petition code (PA-...) or the caller's phone number.", field="q") from None
    return (session.query(Petition).filter(Petition.reporter_phone == phone)
            .order_by(Petition.id.desc()).limit(limit).all())


def log_call(session, petition: Petition, actor, summary: str):
    """A follow-up call on an existing petition, on its timeline (the caller asked, we answered)."""
    summary = clean_text(summary)
    if len(summary) < 5:
        raise ValidationFailed("Ghi tóm tắt cuộc gọi.", "Write a summary of the call.", field="summary")
    return record_event(session, petition, kind="call", actor=actor, public=True,
                        note=f"Người dân gọi tổng đài 1022: {summary}")
