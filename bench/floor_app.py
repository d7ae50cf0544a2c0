"""The floor for `make bench`: a bare Flask app with one endpoint that does what any petition intake must do at
the least, one INSERT of a petition-sized row (and its commit), into the same kind of database as the portal.
It is served by gunicorn with the portal's settings and driven by the same locust load, so the portal's
throughput can be read as a ratio of it.

The engine gets the portal's pool settings and, on SQLite, the portal's pragmas (WAL, busy timeout,
synchronous=NORMAL), so the difference measured is the portal's own work, not a cheaper database set-up.

    FLOOR_DATABASE_URL=sqlite:////tmp/x.sqlite3 .venv/bin/python bench/floor_app.py init   # create the table
    FLOOR_DATABASE_URL=... .venv/bin/gunicorn --workers 2 --bind 127.0.0.1:8001 --pythonpath bench floor_app:app
"""
import os
import secrets
import sys
from datetime import datetime, timezone

from flask import Flask, jsonify, request
from sqlalchemy import (Boolean, Column, DateTime, Integer, MetaData, String, Table, Text, create_engine, event,
                        insert)


def database_url() -> str:
    url = os.environ.get("FLOOR_DATABASE_URL") or os.environ["DATABASE_URL"]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def make_engine(url: str):
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            for pragma in ("journal_mode=WAL", "busy_timeout=30000", "foreign_keys=ON", "synchronous=NORMAL"):
                cursor.execute("PRAGMA " + pragma)
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10, pool_recycle=1800)


metadata = MetaData()
floor_petition = Table(
    "floor_petition", metadata,
    Column("id", Integer, primary_key=True),
    Column("secret_hash", String(64), nullable=False),
    Column("title", String(255), nullable=False, default=""),
    Column("content", Text, nullable=False),
    Column("channel", String(16), nullable=False),
    Column("category", String(64), nullable=False),
    Column("province_code", String(16)),
    Column("ward_code", String(16)),
    Column("address", String(500), nullable=False, default=""),
    Column("reporter_name", String(255)),
    Column("reporter_phone", String(32)),
    Column("reporter_email", String(255)),
    Column("consent_public", Boolean, nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

engine = make_engine(database_url())
app = Flask(__name__)


@app.post("/api/v1/petitions")
def create_petition():
    body = request.get_json()
    location, reporter = body.get("location") or {}, body.get("reporter") or {}
    row = {
        "secret_hash": secrets.token_hex(32), "title": body.get("title", ""), "content": body["content"],
        "channel": body.get("channel", "web"), "category": body.get("category", "khac"),
        "province_code": location.get("province_code"), "ward_code": location.get("ward_code"),
        "address": location.get("address", ""), "reporter_name": reporter.get("name"),
        "reporter_phone": reporter.get("phone"), "reporter_email": reporter.get("email"),
        "consent_public": body.get("public", True), "status": "received",
        "created_at": datetime.now(timezone.utc).replace(tzinfo=None),
    }
    with engine.begin() as connection:
        new_id = connection.execute(insert(floor_petition).values(**row)).inserted_primary_key[0]
    return jsonify(id=new_id, status="received"), 201


if __name__ == "__main__" and sys.argv[1:] == ["init"]:
    metadata.drop_all(engine)
    metadata.create_all(engine)
