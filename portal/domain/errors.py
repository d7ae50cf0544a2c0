"""Domain errors carry a message users can act on, in Vietnamese and English."""


class DomainError(Exception):
    """A rule said no. `code` is stable for the API; messages are for people."""

    status = 400
    code = "invalid"

    def __init__(self, message_vi: str, message_en: str | None = None, *, code: str | None = None,
                 field: str | None = None):
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en or message_vi
        self.field = field
        if code:
            self.code = code

    def message(self, locale: str = "vi") -> str:
        return self.message_en if locale == "en" else self.message_vi


class ValidationFailed(DomainError):
    status = 422
    code = "validation_failed"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


class Conflict(DomainError):
    """The thing changed under the user (optimistic lock) or the step was already taken."""

    status = 409
    code = "conflict"


class IllegalTransition(Conflict):
    code = "illegal_transition"
