"""Daily rollups of the metrics, kept up to date on every change of a petition or a rating
(portal/domain/rollups.py), so a year of figures sums a few thousand rows instead of scanning the archive."""
from portal.extensions import db

# Rollup keys use 0 for "none" (no agency yet): NULLs never collide in a unique key, and upserts need them to.
NONE_ID = 0


def counter():
    return db.Column(db.Integer, nullable=False, default=0, server_default="0")


class FigureCounters:
    """The counters the three figure rollups share (columns of a mixin are copied into each table)."""

    received = counter()
    received_answered = counter()
    answered = counter()
    on_time = counter()
    handling_count = counter()
    handling_sum = counter()
    overdue_start = counter()
    overdue_stop = counter()
    # Received on the day and rejected since: a rejection is never answered, so it leaves the response rate's
    # denominator (metrics.figure_rows), and is counted beside it.
    received_rejected = counter()


class DailyFigure(FigureCounters, db.Model):
    """Counters per local day, agency, category and channel. Each counter is keyed by the day its event happened:
    received and received_answered by the day of receipt, answered/on_time/handling by the day of publication,
    overdue_start by the due day (for items answered late or still open) and overdue_stop by the day they stopped
    being open (published, or rejected/withdrawn/merged)."""

    day = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    category_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    channel = db.Column(db.String(16), primary_key=True)


class MonthlyFigure(FigureCounters, db.Model):
    """DailyFigure summed per calendar month (`month` is its first day): a year of filtered figures reads twelve
    months here and only the ragged ends of the period from the daily table."""

    month = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    category_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    channel = db.Column(db.String(16), primary_key=True)

    # The trend, the heat map and filtered figures read months of sums from this index alone, not row by row.
    __table_args__ = (db.Index("ix_monthly_figure_sums", "month", "agency_id", "category_id", "channel", "received",
                               "received_answered", "answered", "on_time", "overdue_start", "overdue_stop"),)


class DailyAgencyFigure(FigureCounters, db.Model):
    """The same counters per day and agency only: what the unfiltered figures (the ranking, the public API) sum,
    a few rows a day however many categories and channels there are."""

    day = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)


class MonthlyAgencyFigure(FigureCounters, db.Model):
    """The same counters per calendar month and agency: the unfiltered 12-month trend reads a dozen rows a month,
    however large the archive and however many categories and channels it spans."""

    month = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)


class DailyHandling(db.Model):
    """How many answers published on a day by an agency took exactly `handling_days`: the median comes from this
    histogram, not from sorting the archive."""

    day = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    handling_days = db.Column(db.Integer, primary_key=True, autoincrement=False)
    answers = counter()

    # A year's histogram comes out of this index already grouped, each (agency, days) bin a range of days: no sort.
    __table_args__ = (db.Index("ix_daily_handling_bins", "agency_id", "handling_days", "day", "answers"),)


class MonthlyHandling(db.Model):
    """The histogram of handling days per month, agency, category and channel: the median of a filtered year."""

    month = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    category_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    channel = db.Column(db.String(16), primary_key=True)
    handling_days = db.Column(db.Integer, primary_key=True, autoincrement=False)
    answers = counter()

    # A filtered year's histogram: only the filter's rows, read from the index already grouped.
    __table_args__ = (
        db.Index("ix_monthly_handling_channel_bins", "channel", "agency_id", "handling_days", "month", "answers"),
        db.Index("ix_monthly_handling_category_bins", "category_id", "agency_id", "handling_days", "month", "answers"),
    )


class DailyResponsibility(db.Model):
    """How "pushing responsibility around" shows, per local day and agency: returns and transfers count against the
    agency that let the item go, extensions against the one that asked for time, apology letters against the one
    that missed the deadline, reopenings (an answer its sender rated "not resolved") against the one that answered.
    The dashboard sums a year of these instead of reading the event log."""

    day = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    returns = counter()
    transfers = counter()
    extensions = counter()
    apologies = counter()
    reopened = counter()
    # Assigned petitions not accepted within ACK_DEADLINE_HOURS working hours (domain/overdue.mark_late_acknowledgement),
    # against the agency that had them, on the day the deadline was found missed.
    late_acknowledgements = counter()
    # Petitions rejected (domain/workflow.reject), against the agency that had them (none: still with the coordinator).
    rejected = counter()


class CohortAnswer(db.Model):
    """Answers per local day of receipt, agency and month of publication. A response rate counts the items received
    in a period and answered by its end; the figures above count answers by the day of receipt, so those published
    after the period are taken away, summed here by month instead of read from the petitions."""

    received_day = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    published_month = db.Column(db.Date, primary_key=True)
    answers = counter()


class DailyRating(db.Model):
    """Ratings given on a day for an agency, and per SIPAS element how many were 4 or 5."""

    day = db.Column(db.Date, primary_key=True)
    agency_id = db.Column(db.Integer, primary_key=True, autoincrement=False)
    ratings = counter()
    access = counter()
    procedure = counter()
    staff = counter()
    result = counter()
    feedback = counter()
