"""/api/v1 for leaders' sessions: the planned reception days and dialogues, questions sent before them, and the
committee's compliance figures (registered on the v1 blueprint)."""
from flask import current_app, jsonify, request

from portal.api.common import json_body, require_actor
from portal.api.v1 import PETITION_FIELDS, bp, draft_from_json, limited, period_from_args
from portal.domain import dialogue as dialogues
from portal.domain import leaders
from portal.domain.calendar import local_isoformat, utcnow
from portal.domain.errors import NotFound, ValidationFailed
from portal.domain.intake import route_if_inline
from portal.extensions import db
from portal.models import DialogueSession

QUESTION_FIELDS = PETITION_FIELDS - {"channel"}


def session_json(item: DialogueSession) -> dict:
    return {"id": item.id, "kind": item.kind, "leader": item.leader_name, "office": item.leader_office,
            "level": item.level, "starts_at": local_isoformat(item.held_at), "place": item.venue,
            "target_group": item.target_group or None,
            "target_group_name": leaders.target_groups().get(item.target_group) if item.target_group else None,
            "topics": item.topics, "status": item.status}


@bp.get("/sessions")
def sessions():
    """Upcoming reception days and dialogues, soonest first (public)."""
    if request.args.get("status", "planned") != "planned":
        raise ValidationFailed("Chỉ hỗ trợ status=planned (các buổi sắp tới).", "Only status=planned is supported.",
                               field="status")
    level = request.args.get("level", "")
    if level and level not in dialogues.LEVELS:
        raise ValidationFailed("Cấp phải là province hoặc commune.", "Level is province or commune.", field="level")
    group = leaders.check_target_group(request.args.get("target_group", ""))
    items = leaders.upcoming(db.session, utcnow(), level=level, target_group=group)
    return jsonify(sessions=[session_json(item) for item in items])


@bp.post("/sessions/<int:session_id>/questions")
@limited
def ask_question(session_id):
    """A question before a planned session: a petition linked to it, classified and routed at once."""
    draft = draft_from_json(json_body(QUESTION_FIELDS))
    item = db.session.get(DialogueSession, session_id) if session_id < 2**31 else None
    if item is None:
        raise NotFound("Không có buổi tiếp dân, đối thoại này.", "No such session.")
    receipt = dialogues.ask_ahead(db.session, item, draft, utcnow())
    db.session.commit()
    route_if_inline(db.session, receipt, current_app.config["INTAKE_ROUTING"])
    return jsonify(code=receipt.code, secret=receipt.secret, session_id=item.id), 201


@bp.get("/leaders/compliance")
def compliance():
    """Per leader: reception days and dialogues required (whole months, quarters, years in the period) and held,
    conclusions on time, compliant (committee or admin key)."""
    from portal.domain.calendar import local_today

    require_actor("committee")
    first, last = period_from_args()
    rows = leaders.compliance(db.session, first, last, today=local_today())
    return jsonify({"from": first.isoformat(), "to": last.isoformat(), "leaders": [row.as_json() for row in rows]})
