"""What every flush and commit of the application's session also writes: the one place its listeners are registered.

The session is `PortalSession` (portal/extensions.py): `db.session`, and `new_session()` for a second one beside it.
On that class, and on no other session, every unit of work also writes:

- **rollup deltas** (portal/domain/rollups.py). Before each flush, what each changed petition, rating, petition event
  or apology letter counted for is taken away; after it, what it counts for now is added. The deltas of all flushes
  are netted and written once, just before the commit, with one upsert per rollup row; inside a savepoint they are
  written at once, so that rolling the savepoint back takes them away too. A rollback forgets them.
- **audit entries** (portal/domain/audit.py). After each flush, one AuditEntry per created, changed or deleted
  agency, category, routing rule, calendar day, account, API key, dialogue session or explanation, with the old and
  new value of each changed field (secrets only as "***"). It names the actor that the domain function declared with
  `audit.acting_as(session, actor)` for the transaction (the signed-in user the page passed in), or "hệ thống" when
  none was declared (commands, jobs).

Why listeners and not calls in each action: a change, its rollup rows and its audit entry must commit together or
not at all, and every road that changes a petition or a setting (pages, API, worker, commands, tests) then keeps the
figures and the trail without having to remember to. Why on the application's class only: a session made for
something else (a migration, a plain `sqlalchemy.orm.Session` in a script or a test) writes neither, so nothing is
written that a reader of that code cannot see. Bulk writes in Core (bench loaders, `rollups.rebuild`, the erasure of
personal data in portal/domain/retention.py) bypass the ORM and write their rollups or audit rows themselves.
"""
from sqlalchemy import event

from portal.domain import audit, rollups

# In the order they run: the audit trail reads a flush's changes before the rollups fill in the moments of new rows.
LISTENERS = (
    ("before_flush", audit.collect),
    ("before_flush", rollups.take_old),
    ("after_flush", audit.write),
    ("after_flush", rollups.add_new),
    ("before_commit", rollups.write_at_commit),
    ("after_transaction_end", rollups.forget),
    ("after_transaction_end", audit.forget_actor),
)


def register(session_class) -> None:
    """Called by create_app; each listener is added once, however many apps are made (the tests make several)."""
    for name, listener in LISTENERS:
        if not event.contains(session_class, name, listener):
            event.listen(session_class, name, listener)
    rollups.remember_old_values()
