"""The audit trail of everything that is not a petition (petitions keep their own timeline of events).

A flush listener writes one AuditEntry per created, changed or deleted row of the audited models, with the old and
new value of each changed field, in the same transaction as the change. Who made it comes from `actor_source`,
which the web layer sets (the signed-in user); elsewhere (commands, jobs) the entry says "hệ thống".
"""
import json
from datetime import date, datetime

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from portal.models import Agency, ApiKey, CalendarDay, Category, DialogueSession, Explanation, RoutingRule, User
from portal.models.audit import AuditEntry
from portal.models.base import utcnow

AUDITED = (Agency, Category, RoutingRule, CalendarDay, User, ApiKey, DialogueSession, Explanation)
# Secrets are never copied into the trail: only that they changed. Sign-in counters change at every attempt.
HIDDEN = {"password_hash", "key_hash"}
IGNORED = {"failed_logins", "locked_until", "last_used_at"}


def _system_actor():
    return None, "hệ thống"


actor_source = _system_actor


def _value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _changes(obj, action: str) -> dict:
    state, changes = inspect(obj), {}
    for attr in state.mapper.column_attrs:
        name = attr.key
        if name in IGNORED:
            continue
        history = state.attrs[name].history
        if action == "update" and not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = getattr(obj, name) if action != "delete" else None
        if action == "delete":
            old = getattr(obj, name)
        if name in HIDDEN:
            old, new = ("***" if old else None), ("***" if new else None)
        if old != new:
            changes[name] = [_value(old), _value(new)]
    return changes


@event.listens_for(Session, "before_flush")
def _collect(session, flush_context, instances):
    pending = session.info.setdefault("audit_pending", [])
    for action, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objects:
            if isinstance(obj, AUDITED) and (action != "update" or session.is_modified(obj)):
                changes = _changes(obj, action) if action != "create" else None
                if action == "update" and not changes:
                    continue
                pending.append((obj, action, changes))


@event.listens_for(Session, "after_flush")
def _write(session, flush_context):
    pending = session.info.pop("audit_pending", [])
    if not pending:
        return
    actor_id, actor_label = actor_source()
    rows = []
    for obj, action, changes in pending:
        if changes is None:  # created: every field, now that the id exists
            changes = {attr.key: [None, _value(getattr(obj, attr.key))] for attr in inspect(obj).mapper.column_attrs
                       if attr.key not in IGNORED and getattr(obj, attr.key) is not None}
            for name in HIDDEN & changes.keys():
                changes[name] = [None, "***"]
        rows.append({"at": utcnow(), "actor_id": actor_id, "actor_label": actor_label,
                     "object_type": type(obj).__tablename__,
                     "object_id": "/".join(str(v) for v in inspect(obj).mapper.primary_key_from_instance(obj)),
                     "action": action, "changes": json.dumps(changes, ensure_ascii=False, default=str)})
    session.connection().execute(AuditEntry.__table__.insert(), rows)
