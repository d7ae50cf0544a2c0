"""Merging duplicates: the duplicate follows the main petition's answer; its citizen is told."""
from portal.domain.errors import ValidationFailed
from portal.domain.lifecycle import OPEN_STATUSES, PUBLISHED_STATUSES, ensure_allowed, transition
from portal.domain.notify import notify_citizen
from portal.domain.privacy import PetitionGlimpse, glimpse
from portal.models import Petition


def merge_petitions(session, duplicate: Petition, main: Petition, actor) -> None:
    ensure_allowed(duplicate, actor, "merge")
    if duplicate.id == main.id:
        raise ValidationFailed("Không thể gộp phản ánh vào chính nó.", "A petition cannot be merged into itself.")
    if main.status not in OPEN_STATUSES | set(PUBLISHED_STATUSES) or main.merged_into_id:
        raise ValidationFailed("Phản ánh chính phải còn hiệu lực (chưa bị gộp, rút hay từ chối).",
                               "The main petition must be live.")
    duplicate.merged_into = main
    transition(session, duplicate, "merged", actor=actor,
               note=f"Gộp vào phản ánh {main.code} có cùng nội dung; kết quả xử lý của {main.code} áp dụng cho phản ánh này.")
    notify_citizen(session, duplicate, "merged")


def answer_source(petition: Petition) -> Petition:
    """Whose answer a citizen reads: a merged petition follows its main petition."""
    seen = set()
    while petition.merged_into is not None and petition.id not in seen:
        seen.add(petition.id)
        petition = petition.merged_into
    return petition


def similar_for_viewer(session, petition: Petition, viewer) -> list[tuple[PetitionGlimpse, float]]:
    """Open petitions of the same ward that look like this one, as the viewer may see them: another agency's
    as code, category, status and ward only."""
    from portal.text.similar import similar_open_petitions

    candidates = similar_open_petitions(session, petition.content, petition.ward_code, exclude_id=petition.id)
    return [(glimpse(other, viewer), score) for other, score in candidates]
