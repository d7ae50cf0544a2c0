"""Prometheus metrics (/metrics, portal/web/health.py): requests counted and timed per Flask endpoint, and, read
from the database at each scrape, the intake queue, the outbox backlog and overdue petitions per agency.

Under gunicorn each worker is a process of its own: with PROMETHEUS_MULTIPROC_DIR set (gunicorn.conf.py sets it),
prometheus_client keeps the counters in files there and the scrape adds them up over all workers; gunicorn's
child_exit hook tells it when a worker is gone.
"""
import ipaddress
import os
import time

from flask import Flask, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func, select

REQUESTS = Counter("portal_http_requests_total", "HTTP requests answered, by Flask endpoint, method and status.",
                   ["endpoint", "method", "status"])
LATENCY = Histogram("portal_http_request_duration_seconds", "Time to answer a request, by Flask endpoint.",
                    ["endpoint"], buckets=(0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5, 10))


def register(app: Flask) -> None:
    """Time every request. The label is the endpoint's name (public.track), never the raw path, so a scan of
    random URLs cannot make a series per URL; unmatched paths count as "unmatched"."""

    @app.before_request
    def start_timer():
        g.metrics_started = time.perf_counter()

    @app.after_request
    def count_request(response):
        started = g.pop("metrics_started", None)
        if started is not None:
            endpoint = request.endpoint or "unmatched"
            LATENCY.labels(endpoint).observe(time.perf_counter() - started)
            REQUESTS.labels(endpoint, request.method, str(response.status_code)).inc()
        return response


def metrics_allowed(config) -> bool:
    """Whether the client's address (after PROXY_COUNT's ProxyFix) is in METRICS_ALLOWED_NETWORKS."""
    try:
        address = ipaddress.ip_address(request.remote_addr or "")
    except ValueError:
        return False
    networks = [part.strip() for part in str(config["METRICS_ALLOWED_NETWORKS"]).split(",") if part.strip()]
    return any(address in ipaddress.ip_network(network, strict=False) for network in networks)


def metrics_response(session):
    """The request metrics of every worker and the figures read from the database, in Prometheus' text format."""
    from prometheus_client import REGISTRY
    from prometheus_client.multiprocess import MultiProcessCollector

    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        requests = CollectorRegistry()
        MultiProcessCollector(requests)
    else:
        requests = REGISTRY
    figures = CollectorRegistry()
    figures.register(DatabaseFigures(session))
    body = generate_latest(requests) + generate_latest(figures)
    return body, 200, {"Content-Type": CONTENT_TYPE_LATEST}


class DatabaseFigures:
    """Gauges read at scrape time (a few indexed counts), so they are right whichever worker answers."""

    def __init__(self, session):
        self.session = session

    def collect(self):
        from portal.domain.intake import oldest_waiting_since, pending_count
        from portal.models.base import utcnow

        try:
            depth = GaugeMetricFamily("portal_intake_queue_depth", "Petitions waiting for the intake worker.")
            depth.add_metric([], pending_count(self.session))
            since = oldest_waiting_since(self.session)
            age = GaugeMetricFamily("portal_intake_queue_oldest_age_seconds",
                                    "How long the oldest waiting petition has waited (0 when none waits).")
            age.add_metric([], 0 if since is None else (utcnow() - since).total_seconds())
            yield depth
            yield age
            yield self._outbox_backlog()
            yield self._overdue_by_agency()
        finally:
            self.session.rollback()

    def _outbox_backlog(self):
        from portal.models import OutboxMessage

        backlog = GaugeMetricFamily("portal_outbox_messages", "Outbox messages by channel and status (not sent).",
                                    labels=["channel", "status"])
        rows = self.session.execute(
            select(OutboxMessage.channel, OutboxMessage.status, func.count())
            .where(OutboxMessage.status != "sent").group_by(OutboxMessage.channel, OutboxMessage.status))
        for channel, status, count in rows:
            backlog.add_metric([channel, status], count)
        return backlog

    def _overdue_by_agency(self):
        from portal.domain.calendar import local_today
        from portal.domain.lifecycle import OPEN_STATUSES
        from portal.models import Agency, Petition

        overdue = GaugeMetricFamily("portal_overdue_petitions", "Open petitions past their due date, by agency.",
                                    labels=["agency"])
        rows = self.session.execute(
            select(Agency.code, func.count(Petition.id)).join(Petition, Petition.agency_id == Agency.id)
            .where(Petition.status.in_(OPEN_STATUSES), Petition.due_date < local_today()).group_by(Agency.code))
        for agency, count in rows:
            overdue.add_metric([agency], count)
        return overdue
