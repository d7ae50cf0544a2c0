"""Error pages in the user's language; JSON {"error": {"code", "message"}} under /api/."""
from flask import jsonify, render_template, request
from flask_babel import get_locale
from flask_wtf.csrf import CSRFError
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
}
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_failed",
         429: "rate_limited", 500: "internal_error"}


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
        app.logger.exception("Unhandled error")
        from portal.extensions import db

        db.session.rollback()
        return error_response(500)
