"""The installable site: the web app manifest, the service worker (static/sw.js) served from the root so that its
scope is the whole site, and the page it shows for a page not read before while offline."""
from flask import current_app, render_template, send_from_directory

from portal.web.public import bp


@bp.get("/manifest.webmanifest")
def manifest():
    """Name, icons and theme colour for "add to home screen"."""
    response = send_from_directory(current_app.static_folder, "manifest.webmanifest",
                                   mimetype="application/manifest+json", max_age=3600)
    return response


@bp.get("/sw.js")
def service_worker():
    """The service worker, from the root: a worker's scope is its script's folder. Revalidated on every visit
    (no-cache) so a new version of the site reaches phones at once; its own policy allows only this origin."""
    response = send_from_directory(current_app.static_folder, "sw.js", mimetype="text/javascript", max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    response.headers["Service-Worker-Allowed"] = "/"
    response.headers["Content-Security-Policy"] = "default-src 'self'"
    return response


@bp.get("/ngoai-tuyen")
def offline():
    """What the service worker shows for a page that was not read before the connection went."""
    return render_template("public/offline.html")
