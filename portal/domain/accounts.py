"""Staff accounts: sign-in that reveals nothing, sessions that can be ended, one-time set-password links, and what
an administrator changes on an account."""
import hashlib
import secrets
from datetime import timedelta

from sqlalchemy.orm import object_session
from werkzeug.security import check_password_hash, generate_password_hash

from portal.domain import audit
from portal.domain.errors import DomainError, NotFound, ValidationFailed
from portal.models import ROLES, Agency, PasswordLink, User
from portal.models.base import utcnow
from portal.models.user import AGENCY_ROLES

PASSWORD_MIN = 10


class SignInFailed(DomainError):
    status = 401
    code = "sign_in_failed"


class SignInPaused(SignInFailed):
    status = 429
    code = "locked"


class SignInBackoff:
    """Wrong passwords counted per (e-mail as typed, address) in a shared counter store (a `limits` storage, the one
    the rate limiter uses). The key does not depend on whether the account exists, so the answers cannot tell, and
    a guesser at one address cannot lock the real user out at another."""

    def __init__(self, storage, email: str, address: str, *, max_failures: int = 5, minutes: int = 15):
        digest = hashlib.sha256(f"{normal_email(email)}\n{address}".encode()).hexdigest()
        self.storage, self.key = storage, "sign-in:" + digest
        self.max_failures, self.seconds = max_failures, minutes * 60

    def blocked(self) -> bool:
        return self.storage.get(self.key) >= self.max_failures

    def failed(self) -> None:
        self.storage.incr(self.key, self.seconds)

    def succeeded(self) -> None:
        self.storage.clear(self.key)


def normal_email(email: str | None) -> str:
    return (email or "").strip().lower()


_dummy_hash = None


def _dummy_password_hash() -> str:
    """A hash of nothing anyone knows, checked for unknown and disabled accounts so they cost the same time."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = generate_password_hash(secrets.token_hex(16))
    return _dummy_hash


def authenticate(session, email: str, password: str, backoff: SignInBackoff, *, lock_minutes: int = 15) -> User:
    """The active user with these credentials. Unknown, disabled and wrong all do the same work and get the same
    answer; after repeated failures from one address that address waits, whether the account exists or not."""
    if backoff.blocked():
        raise SignInPaused(f"Đăng nhập sai nhiều lần nên tạm khoá đăng nhập tài khoản này từ địa chỉ của bạn. "
                           f"Vui lòng thử lại sau {lock_minutes} phút.",
                           f"Too many failed sign-ins to this account from your address. "
                           f"Try again in {lock_minutes} minutes.")
    user = session.query(User).filter_by(email=normal_email(email)).first()
    stored_hash = user.password_hash if user is not None else _dummy_password_hash()
    password_ok = check_password_hash(stored_hash, password or "")
    if user is None or not user.active or not password_ok:
        backoff.failed()
        raise SignInFailed("Thư điện tử hoặc mật khẩu không đúng.", "Wrong e-mail or password.")
    backoff.succeeded()
    return user


def end_all_sessions(user: User) -> None:
    """Every session of the account carries the old version and is refused from its next request."""
    user.session_version = (user.session_version or 1) + 1


def session_is_current(user: User | None, version, last_seen: float | None, now: float, idle_seconds: int) -> bool:
    """Whether a session may go on: the account is active, nothing ended its sessions, it was used recently."""
    if user is None or not user.active or version != user.session_version:
        return False
    return last_seen is not None and now - last_seen <= idle_seconds


def change_password(user: User, current_password: str, new_password: str) -> None:
    """The signed-in user's new password, after the current one is given again; every other session ends. The
    audit trail names the user, who made the change."""
    audit.acting_as(object_session(user), user)
    if not user.check_password(current_password or ""):
        raise ValidationFailed("Mật khẩu hiện tại không đúng.", "The current password is wrong.",
                               field="current_password")
    _set_password(user, new_password)


def _set_password(user: User, new_password: str) -> None:
    if len(new_password or "") < PASSWORD_MIN:
        raise ValidationFailed(f"Mật khẩu mới cần ít nhất {PASSWORD_MIN} ký tự.",
                               f"The new password needs at least {PASSWORD_MIN} characters.", field="new_password")
    user.set_password(new_password)
    end_all_sessions(user)


def _token_hash(token: str) -> str:
    return hashlib.sha256((token or "").encode()).hexdigest()


def issue_password_link(session, user: User, *, hours: int = 72) -> str:
    """A new one-time token (returned once, stored hashed); links issued before for the account stop working."""
    now = utcnow()
    for link in session.query(PasswordLink).filter_by(user_id=user.id, used_at=None):
        link.used_at = now
    token = secrets.token_urlsafe(32)
    session.add(PasswordLink(user=user, token_hash=_token_hash(token), expires_at=now + timedelta(hours=hours)))
    return token


def password_link(session, token: str) -> PasswordLink:
    """The unused, unexpired link of this token; anything else is one and the same 404."""
    link = session.query(PasswordLink).filter_by(token_hash=_token_hash(token)).first()
    if link is None or link.used_at is not None or link.expires_at <= utcnow() or not link.user.active:
        raise NotFound("Liên kết đặt mật khẩu không đúng, đã dùng hoặc đã hết hạn. Hãy nhờ quản trị gửi liên kết mới.",
                       "This set-password link is wrong, used or expired. Ask an administrator for a new one.")
    return link


def set_password_with_link(session, token: str, new_password: str) -> User:
    """The link's account gets its first (or next) password; the audit trail names that account, whose owner alone
    holds the link."""
    link = password_link(session, token)
    audit.acting_as(session, link.user)
    _set_password(link.user, new_password)
    link.used_at = utcnow()
    return link.user


def _agency_for(session, role: str, agency_code: str) -> Agency | None:
    if role not in ROLES:
        raise ValidationFailed("Vai trò không hợp lệ.", "Unknown role.", field="role")
    agency = session.query(Agency).filter_by(code=agency_code).first() if agency_code else None
    if role in AGENCY_ROLES and agency is None:
        raise ValidationFailed("Cán bộ cơ quan cần chọn cơ quan.", "Agency staff need an agency.", field="agency")
    return agency if role in AGENCY_ROLES else None


def create_account(session, email: str, full_name: str, role: str, agency_code: str = "", *, actor=None) -> User:
    """A new account with no usable password: its owner sets one through a link (issue_password_link)."""
    audit.acting_as(session, actor)
    email = normal_email(email)
    if session.query(User).filter_by(email=email).first():
        raise ValidationFailed("Thư điện tử này đã có tài khoản.", "This e-mail already has an account.", field="email")
    user = User(email=email, full_name=full_name.strip(), role=role, agency=_agency_for(session, role, agency_code))
    user.set_password(secrets.token_urlsafe(32))  # known to nobody
    session.add(user)
    session.flush()
    return user


def update_account(session, user: User, *, email: str, full_name: str, role: str, agency_code: str,
                   active: bool, actor: User | None = None) -> User:
    """Name, e-mail, role, agency and whether the account may sign in. A new role, a new agency or disabling ends
    the account's sessions. An administrator cannot disable or demote themselves (the portal needs an admin)."""
    audit.acting_as(session, actor)
    email = normal_email(email)
    taken = session.query(User.id).filter(User.email == email, User.id != user.id).first()
    if taken:
        raise ValidationFailed("Thư điện tử này đã có tài khoản.", "This e-mail already has an account.", field="email")
    agency = _agency_for(session, role, agency_code)
    if actor is not None and actor.id == user.id and (not active or role != "admin"):
        raise ValidationFailed("Không thể tự khoá hoặc tự bỏ quyền quản trị của mình.",
                               "You cannot disable or demote your own account.", field="role")
    if role != user.role or agency != user.agency or (user.active and not active):
        end_all_sessions(user)
    user.email, user.full_name, user.role, user.agency, user.active = email, full_name.strip(), role, agency, active
    return user


def reset_password(user: User, *, actor=None) -> None:
    """An administrator's reset: the old password stops working and every session ends; a link sets the next one."""
    audit.acting_as(object_session(user), actor)
    user.set_password(secrets.token_urlsafe(32))  # known to nobody
    end_all_sessions(user)


def queue_password_link_mail(session, user: User, link: str, hours: int) -> None:
    from portal.domain.notify import queue_mail

    queue_mail(session, user.email, "Đặt mật khẩu tài khoản Cổng phản ánh, kiến nghị",
               f"Chào {user.full_name},\n\nMời bạn đặt mật khẩu cho tài khoản {user.email} tại liên kết sau "
               f"(dùng được một lần, trong {hours} giờ):\n{link}\n\n"
               "Nếu bạn không chờ thư này, hãy báo cho quản trị hệ thống.")
