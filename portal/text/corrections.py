"""The coordinators' category corrections, kept as labelled examples for the next training."""
from portal.models import LabelledExample
from portal.models.base import utcnow


def record_correction(session, petition, new_category_code: str, actor=None) -> LabelledExample:
    example = LabelledExample(text=petition.content, category=new_category_code, source="coordinator",
                              petition_id=petition.id, created_by_id=getattr(actor, "id", None), created_at=utcnow())
    session.add(example)
    return example


def labelled_corrections(session) -> list[tuple[str, str]]:
    return [(text, category) for text, category in
            session.query(LabelledExample.text, LabelledExample.category).order_by(LabelledExample.id)]
