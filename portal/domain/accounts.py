"""Staff sign-in rules: hashed passwords, lockout after repeated failures."""
from datetime import timedelta

from portal.domain.errors import DomainError
from portal.models import User
from portal.models.base import utcnow


class SignInFailed(DomainError):
    status = 401
    code = "sign_in_failed"


def authenticate(session, email: str, password: str, *, max_failures: int = 5, lock_minutes: int = 15) -> User:
    """The user with these credentials. After `max_failures` wrong passwords the account locks for a while,
    so guessing is slow; the message does not say whether the e-mail exists."""
    user = session.query(User).filter_by(email=(email or "").strip().lower()).first()
    now = utcnow()
    if user is not None and user.locked_until and user.locked_until > now:
        raise SignInFailed("Tài khoản tạm khoá do đăng nhập sai nhiều lần. Vui lòng thử lại sau "
                           f"{lock_minutes} phút.", "Too many failed sign-ins; try again later.", code="locked")
    if user is None or not user.active or not user.check_password(password or ""):
        if user is not None:
            user.failed_logins += 1
            if user.failed_logins >= max_failures:
                user.locked_until = now + timedelta(minutes=lock_minutes)
                user.failed_logins = 0
        raise SignInFailed("Thư điện tử hoặc mật khẩu không đúng.", "Wrong e-mail or password.")
    user.failed_logins = 0
    user.locked_until = None
    return user
