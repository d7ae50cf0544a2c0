"""Configuration: safe defaults, then the environment.

DATABASE_URL, SECRET_KEY and PORT are read by name; every other setting can be
given as FLASK_<NAME> (Flask's from_prefixed_env), e.g. FLASK_RATELIMIT_ENABLED=false.
"""
import os
import secrets
from pathlib import Path


def default_database_url(instance_path: str) -> str:
    return "sqlite:///" + str(Path(instance_path) / "portal.sqlite3")


def load_secret_key(instance_path: str) -> str:
    """SECRET_KEY from the environment, else one generated once and kept in instance/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = Path(instance_path) / "secret_key"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL: two workers starting together must agree on one key.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
        except FileExistsError:
            pass
    if key_file.stat().st_mode & 0o077:  # a key file from an older version, readable by others
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def engine_options(database_url: str) -> dict:
    if database_url.startswith("sqlite"):
        # WAL + busy timeout are set per connection in extensions.py.
        return {"connect_args": {"timeout": 30}}
    return {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 10, "pool_recycle": 1800}


class Defaults:
    """Settings every deployment starts from."""

    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False  # set FLASK_SESSION_COOKIE_SECURE=true behind HTTPS
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = 8 * 3600
    WTF_CSRF_TIME_LIMIT = 4 * 3600
    # The intake forms carry up to five photos of 10 MB each (media.MAX_PHOTOS, MAX_BYTES) and the typed fields.
    MAX_CONTENT_LENGTH = 52 * 1024 * 1024
    RATELIMIT_ENABLED = True
    # Counters in the application's database (portal/ratelimit.py), so all workers of a server count together;
    # several servers: "memcached://host:11211" (README, "Several servers").
    RATELIMIT_STORAGE_URI = "database://"
    RATELIMIT_PUBLIC_POST = "10 per minute;100 per hour"
    RATELIMIT_HEADERS_ENABLED = True
    # Anonymous forms (send, rate, "tôi cũng gặp") posted without the browser's proof of work (JavaScript off):
    # accepted, under this stricter limit per address (portal/web/proof.py).
    RATELIMIT_UNPROVEN_POST = "5 per minute;20 per hour"
    # The proof of work's difficulty (domain/proof_of_work.py): the browser tries half of it on average; 0 turns the
    # proof off. How long a page's challenge stays valid (the CSRF token's lifetime: a form that old fails anyway).
    POW_MAX_NUMBER = 100_000
    POW_CHALLENGE_MINUTES = 240
    # Wrong tracking secrets (web, API, Open311, ratings), counted per address and per petition code. The per-code
    # limit is looser so that strangers hammering a code delay its sender less than they delay themselves.
    RATELIMIT_SECRET_GUESSES_PER_ADDRESS = "10 per hour"
    RATELIMIT_SECRET_GUESSES_PER_CODE = "30 per hour"
    # How many reverse proxies (nginx) stand in front: their X-Forwarded-For/-Proto are then trusted, so rate
    # limits and logs see the citizen's address, not the proxy's. 0 when gunicorn faces the network itself.
    PROXY_COUNT = 0
    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    LOCAL_TIMEZONE = "Asia/Ho_Chi_Minh"
    LANGUAGES = ["vi", "en"]
    PUBLIC_CODE_PREFIX = "PA"
    # "inline": the request that accepts a petition also classifies and routes it (after its commit).
    # "worker": `flask intake work` does, so a flood of submissions never waits on the classifier. Set by
    # gunicorn.conf.py when it runs the worker (PORTAL_INTAKE_WORKER=1, `make run`), by Procfile and deploy/.
    INTAKE_ROUTING = "inline"
    SATISFACTION_MIN_SAMPLE = 30
    # Who issues the committee's printed report: the province (its code in vietnam-provinces) and the committee.
    PROVINCE_CODE = "48"
    COMMITTEE_NAME = "Ban Dân vận"
    # Months after a petition ends before its sender's contact details are anonymised (domain/retention.py).
    RETENTION_MONTHS = 24
    # Working hours, Vietnam time, that hour deadlines count (domain/calendar.py); holidays and make-up days as
    # for working days. Urgent petitions are due URGENT_DEADLINE_HOURS working hours after receipt; every agency
    # accepts an assigned petition within ACK_DEADLINE_HOURS; the head is warned URGENT_WARNING_HOURS before an
    # urgent deadline (domain/routing.py DeadlineSettings).
    WORKING_HOURS = "07:30-11:30,13:30-17:00"
    URGENT_DEADLINE_HOURS = 8
    ACK_DEADLINE_HOURS = 8
    URGENT_WARNING_HOURS = 2
    MAIL_SERVER = "localhost"
    MAIL_PORT = 25
    MAIL_USE_TLS = False
    MAIL_USERNAME = None
    MAIL_PASSWORD = None
    MAIL_SENDER = "Cổng phản ánh kiến nghị <no-reply@localhost>"
    MAIL_ENABLED = False
    # Where the site is reached, for links in messages sent outside a request (e-mail to the tracking page).
    PUBLIC_URL = "http://127.0.0.1:5000"
    # The outbox (portal/domain/outbox.py): the wait after a failed send doubles from BASE up to CAP; a message
    # still failing GIVE_UP_HOURS after it was queued is marked failed; a claimed message is left alone for LEASE.
    OUTBOX_RETRY_BASE_SECONDS = 60
    OUTBOX_RETRY_CAP_SECONDS = 3600
    OUTBOX_GIVE_UP_HOURS = 24
    OUTBOX_LEASE_SECONDS = 300
    # SMS through an HTTP gateway (portal/domain/outbox_channels.py, README "SMS gateway"); empty URL: no SMS sent,
    # queued ones wait.
    SMS_GATEWAY_URL = ""
    SMS_GATEWAY_METHOD = "POST"
    SMS_GATEWAY_CONTENT_TYPE = "application/json"
    SMS_GATEWAY_BODY = '{"to": "{phone}", "text": "{message}"}'
    SMS_GATEWAY_AUTH_HEADER = ""
    SMS_GATEWAY_USERNAME = ""
    SMS_GATEWAY_PASSWORD = ""
    SMS_GATEWAY_SUCCESS = ""
    SMS_ASCII = True
    UPLOAD_MAX_BYTES = 10 * 1024 * 1024
    # Wrong passwords per account and address before that address waits; another address is not slowed.
    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCK_MINUTES = 15
    # A staff session unused this long is over (sign in again).
    STAFF_IDLE_MINUTES = 30
    # How long a set-password link works (new account, reset by an administrator).
    PASSWORD_LINK_HOURS = 72
    # The public map's background tiles (Leaflet's URL template) and the credit their provider asks for; the
    # Content-Security-Policy allows images from this host. An office without Internet access can point it at its
    # own tile server; with none reachable the map says so and its list still works.
    MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    MAP_TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    # The database unavailable (restarting, unreachable, a full disk): requests get 503 with this Retry-After.
    DATABASE_RETRY_AFTER_SECONDS = 5
    # /readyz (portal/web/health.py) fails when the intake worker's heartbeat is older than this (when
    # INTAKE_ROUTING is "worker"), or when a petition has waited for routing longer than the queue threshold.
    READY_WORKER_HEARTBEAT_SECONDS = 60
    READY_MAX_QUEUE_AGE_SECONDS = 600
    # Where Prometheus may read /metrics from (comma-separated networks); everyone else gets 404.
    METRICS_ALLOWED_NETWORKS = "127.0.0.1/32,::1/128"
    # Where photos are kept (portal/media_storage.py): empty for instance/media, file:///path, or
    # s3://bucket/prefix?endpoint_url=...&region=... (credentials from AWS_* in the environment).
    MEDIA_STORAGE_URI = ""
