"""Public search over published, redacted answers."""
from flask import render_template, request

from portal.extensions import db
from portal.text.search import search_petitions
from portal.web.public.routes import bp

PAGE_SIZE = 20


@bp.route("/tim-kiem")
def search():
    """Find published answers; "duong ngap" finds "đường ngập"."""
    query = request.args.get("q", "")[:200]
    page = max(1, request.args.get("page", 1, type=int))
    results = search_petitions(db.session, query, published_only=True, limit=PAGE_SIZE + 1,
                               offset=(page - 1) * PAGE_SIZE) if query.strip() else []
    return render_template("public/search.html", query=query, results=results[:PAGE_SIZE], page=page,
                           has_more=len(results) > PAGE_SIZE)
