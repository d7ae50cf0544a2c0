"""Four eyes: an answer is published only when someone other than its author approves it."""
from portal.domain.errors import Forbidden
from portal.domain.lifecycle import describe_actor, record_event
from portal.models import Answer, PetitionEvent

WAIVED_NOTE = ("Cơ quan một người: lãnh đạo tự duyệt trả lời do chính mình soạn "
               "(miễn quy tắc hai người do quản trị cho phép).")


def wrote_the_answer(session, answer: Answer, actor) -> bool:
    """Whether `actor` wrote the answer. A user is known by id; an API key has no user row, so by the name on the
    event that submitted the answer."""
    actor_id = getattr(actor, "id", None)
    if actor_id is not None:
        return answer.author_id == actor_id
    if answer.author_id is not None:
        return False
    submitted = (session.query(PetitionEvent)
                 .filter_by(petition_id=answer.petition_id, to_status="answered", actor_id=None)
                 .order_by(PetitionEvent.id.desc()).first())
    return submitted is not None and submitted.actor_label == describe_actor(actor)


def ensure_four_eyes(session, answer: Answer, actor) -> None:
    """Refuse self-approval, unless the agency is marked as a one-person agency; then record that the rule was
    waived, on the petition's timeline (staff only)."""
    if actor is None or not wrote_the_answer(session, answer, actor):
        return
    if not answer.petition.agency or not answer.petition.agency.single_approver:
        raise Forbidden("Người soạn trả lời không được tự duyệt: cần một lãnh đạo khác duyệt (quy tắc hai người).",
                        "The author of an answer cannot approve it: another head must (four-eyes rule).",
                        code="four_eyes")
    record_event(session, answer.petition, kind="four_eyes_waived", actor=actor, note=WAIVED_NOTE, public=False)
