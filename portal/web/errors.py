"""Error pages in the user's language; JSON {"error": {"code", "message"}} under /api/."""
from flask import current_app, jsonify, render_template, request
from flask_babel import get_locale
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from werkzeug.exceptions import HTTPException

from portal.domain.errors import DomainError

MESSAGES = {
    400: ("Yêu cầu không hợp lệ.", "Bad request."),
    401: ("Cần xác thực để truy cập.", "Authentication required."),
    403: ("Bạn không có quyền truy cập trang này.", "You may not open this page."),
    404: ("Không tìm thấy trang hoặc nội dung bạn cần.", "Page not found."),
    405: ("Phương thức không được hỗ trợ.", "Method not allowed."),
    409: ("Dữ liệu đã thay đổi hoặc bước này đã được thực hiện.", "Conflict."),
    413: ("Dữ liệu hoặc tệp gửi lên quá lớn. Hãy chia nhỏ tệp rồi gửi lại.", "The request or file is too large; split it and try again."),
    415: ("Định dạng dữ liệu không được hỗ trợ.", "Unsupported media type."),
    422: ("Dữ liệu không hợp lệ.", "Invalid data."),
    429: ("Bạn gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.", "Too many requests. Please try again later."),
    500: ("Hệ thống gặp sự cố. Chúng tôi đã ghi nhận và sẽ khắc phục.", "Something went wrong on our side."),
    503: ("Hệ thống tạm thời gián đoạn. Nội dung bạn vừa gửi (nếu có) chưa được ghi nhận; vui lòng thử lại sau ít phút.",
          "The service is briefly unavailable. Anything you just sent was not recorded; please try again in a few "
          "minutes."),
}
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_failed",
         429: "rate_limited", 500: "internal_error", 503: "database_unavailable"}


def current_language() -> str:
    if request.path.startswith(("/api/", "/open311/")):
        return request.accept_languages.best_match(["vi", "en"], default="vi")
    return str(get_locale() or "vi")


def message_for(status: int) -> str:
    vi, en = MESSAGES.get(status, MESSAGES[400 if status < 500 else 500])
    return en if current_language() == "en" else vi


def error_response(status: int, code: str | None = None, message: str | None = None):
    """JSON for machines, a page for people."""
    code = code or CODES.get(status, "error")
    message = message or message_for(status)
    if request.path.startswith("/api/"):
        return jsonify(error={"code": code, "message": message}), status
    if request.path.startswith("/open311/"):
        return jsonify([{"code": status, "description": message}]), status
    return render_template("errors/error.html", status=status, message=message), status


def is_database_unavailable(error: BaseException) -> bool:
    """A fault of the database, not of the request: a lost or refused connection (OperationalError,
    InterfaceError, or a connection SQLAlchemy invalidated), and on SQLite a lock held past the busy timeout,
    a disk I/O error, a full disk or a read-only file, which SQLite also reports as OperationalError."""
    return isinstance(error, (OperationalError, InterfaceError)) or (
        isinstance(error, DBAPIError) and error.connection_invalidated)


def database_unavailable_response():
    """503 with Retry-After: the client may send the same request again (with its Idempotency-Key), since the
    session was rolled back and nothing of this request was stored. The page itself must not need the database:
    should rendering it fail too (a signed-in user is loaded from the database), a bare page is sent."""
    try:
        response, status = error_response(503)
    except SQLAlchemyError:
        response, status = current_app.response_class(message_for(503), mimetype="text/plain"), 503
    response = current_app.make_response((response, status))
    response.headers["Retry-After"] = str(current_app.config["DATABASE_RETRY_AFTER_SECONDS"])
    return response


def register(app):
    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        vi = "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ. Vui lòng tải lại trang và gửi lại."
        en = "The form expired or was tampered with. Please reload the page and send it again."
        return error_response(400, "csrf_failed", en if current_language() == "en" else vi)

    @app.errorhandler(DomainError)
    def domain_error(error):
        return error_response(error.status, error.code, error.message(current_language()))

    @app.errorhandler(HTTPException)
    def http_error(error):
        return error_response(error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error):
        from portal.extensions import db

        if is_database_unavailable(error):
            # Expected in operation (a restart, a full disk): one line, no stack trace; monitoring has /readyz.
            reason = str(getattr(error, "orig", None) or error).strip().splitlines() or [type(error).__name__]
            app.logger.warning("Database unavailable on %s %s: %s", request.method, request.path, reason[0])
            _rollback_quietly(db.session)
            return database_unavailable_response()
        app.logger.exception("Unhandled error")
        db.session.rollback()
        return error_response(500)


def _rollback_quietly(session) -> None:
    """Undo the request's unit of work; on a connection already lost the rollback itself may fail, and then the
    session is discarded with its connection (the pool checks the next one before use)."""
    try:
        session.rollback()
    except SQLAlchemyError:
        session.close()
