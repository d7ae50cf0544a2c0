"""Extensions are created here once and bound to the app in create_app()."""
from flask import request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.session import Session as FlaskSession
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine

# Named constraints keep Alembic migrations identical on SQLite and PostgreSQL.
naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class PortalSession(FlaskSession):
    """The application's own session class: what every flush and commit also writes (rollups, the audit trail) is
    registered on this class only, by portal/domain/side_effects.py. A plain SQLAlchemy session writes neither."""


db = SQLAlchemy(metadata=MetaData(naming_convention=naming_convention), session_options={"class_": PortalSession})
migrate = Migrate(compare_type=True, render_as_batch=True)
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
babel = Babel()


def new_session() -> PortalSession:
    """A second session beside db.session (another worker, a concurrent request), with the same side effects.
    Used inside an app context, like db.session; the caller closes it."""
    return db.session.session_factory()


def select_locale():
    """?lang= wins, then the cookie, then the browser's Accept-Language; Vietnamese by default."""
    chosen = request.args.get("lang") or request.cookies.get("lang")
    if chosen in ("vi", "en"):
        return chosen
    return request.accept_languages.best_match(["vi", "en"], default="vi")


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """WAL lets readers run beside one writer; busy_timeout makes writers wait instead of failing; a 32 MB page
    cache per connection (SQLite's default is 2 MB) keeps the indexes of a large archive in memory."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA cache_size=-32768")
        cursor.close()
