"""The outbox's channels, behind one interface: `send(message)` returns when the receiver took the message and
raises outbox.TransientFailure (try again later) or outbox.PermanentFailure (never); `close()` ends the batch.

- EmailChannel: SMTP, one connection per batch; the citizen's notices end with a link to the tracking page.
- SmsGateway: ONE generic HTTP adapter for the SMS gateways Vietnamese providers expose, configured by URL,
  method, credentials, a body template with {phone} and {message}, and a success check (README, "SMS gateway").
- WebhookChannel: a signed JSON POST to an integrator; any answer but 2xx is retried.
"""
import base64
import json
import smtplib
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Mapping

from portal.domain.outbox import PermanentFailure, RetryPolicy, TransientFailure, signature, webhook_secret
from portal.models import OutboxMessage
from portal.text.normalize import strip_accents

SMS_MAX = 160
TIMEOUT = 15  # seconds: well inside the claim's lease (OUTBOX_LEASE_SECONDS)


@dataclass
class SmtpSettings:
    host: str
    port: int
    sender: str
    use_tls: bool = False
    username: str | None = None
    password: str | None = None


class EmailChannel:
    def __init__(self, settings: SmtpSettings, public_url: str = ""):
        self.settings, self.public_url = settings, public_url.rstrip("/")
        self._smtp, self._unreachable = None, None

    def send(self, message: OutboxMessage) -> None:
        smtp = self._connection()
        try:
            smtp.send_message(self.email(message))
        except smtplib.SMTPRecipientsRefused as error:
            raise PermanentFailure(f"recipient refused: {error.recipients}") from error
        except (smtplib.SMTPException, OSError) as error:
            self.close()  # a broken connection is not reused; the next message opens another
            raise TransientFailure(f"SMTP: {error}") from error

    def email(self, message: OutboxMessage) -> EmailMessage:
        content = message.content
        body = content["body"]
        if content.get("tracking_code") and self.public_url:
            query = urllib.parse.urlencode({"code": content["tracking_code"]})
            body += f"\n\nTra cứu: {self.public_url}/tra-cuu?{query}"
        email = EmailMessage()
        email["From"], email["To"], email["Subject"] = self.settings.sender, message.recipient, content["subject"]
        # The delivery id, so a copy sent again after a crash is recognisably the same message.
        email["Message-ID"] = make_msgid(idstring=message.delivery_id, domain="portal.invalid")
        email.set_content(body + "\n\n— Cổng tiếp nhận phản ánh, kiến nghị")
        return email

    def _connection(self) -> smtplib.SMTP:
        if self._unreachable:  # once the server refused this batch, the rest wait without a try each
            raise TransientFailure(self._unreachable)
        if self._smtp is None:
            settings = self.settings
            try:
                self._smtp = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT)
                if settings.use_tls:
                    self._smtp.starttls()
                if settings.username:
                    self._smtp.login(settings.username, settings.password or "")
            except (smtplib.SMTPException, OSError) as error:
                self._smtp, self._unreachable = None, f"mail server unreachable: {error}"
                raise TransientFailure(self._unreachable) from error
        return self._smtp

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._smtp = None


@dataclass(frozen=True)
class SmsSettings:
    url: str  # may hold {phone} and {message} too, for gateways that take a GET query
    method: str = "POST"
    content_type: str = "application/json"
    body: str = '{"to": "{phone}", "text": "{message}"}'
    auth_header: str = ""  # "Authorization: Bearer …" or any "Name: value"
    username: str = ""  # HTTP basic auth, when the gateway wants it
    password: str = ""
    success: str = ""  # text the gateway's answer must contain (besides a 2xx status); empty: any 2xx
    ascii: bool = True  # without diacritics: 160 characters fit one GSM-7 SMS, Vietnamese letters need UCS-2


def sms_text(text: str, ascii: bool) -> str:
    """At most 160 characters, cut at a word, without diacritics when `ascii`."""
    text = " ".join(text.split())
    if ascii:
        text = strip_accents(text)
    if len(text) <= SMS_MAX:
        return text
    return text[:SMS_MAX - 3].rsplit(" ", 1)[0] + "..."


class SmsGateway:
    def __init__(self, settings: SmsSettings):
        self.settings = settings

    def send(self, message: OutboxMessage) -> None:
        settings = self.settings
        text = sms_text(message.content["text"], settings.ascii)
        url = _fill(settings.url, message.recipient, text, urllib.parse.quote)
        data = None
        if settings.method.upper() != "GET":
            escape = _json_escape if "json" in settings.content_type else urllib.parse.quote_plus
            data = _fill(settings.body, message.recipient, text, escape).encode()
        request = urllib.request.Request(url, data=data, method=settings.method.upper(),
                                         headers={"Content-Type": settings.content_type, **self._auth()})
        status, answer = _http(request)
        if status >= 300:
            failure = PermanentFailure if 400 <= status < 500 and status not in (408, 429) else TransientFailure
            raise failure(f"SMS gateway answered {status}: {answer[:200]}")
        if settings.success and settings.success not in answer:
            raise TransientFailure(f"SMS gateway did not confirm: {answer[:200]}")

    def _auth(self) -> dict:
        settings, headers = self.settings, {}
        if settings.auth_header and ":" in settings.auth_header:
            name, value = settings.auth_header.split(":", 1)
            headers[name.strip()] = value.strip()
        if settings.username:
            pair = f"{settings.username}:{settings.password}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
        return headers

    def close(self) -> None:
        pass


def _fill(template: str, phone: str, text: str, escape) -> str:
    return template.replace("{phone}", escape(phone)).replace("{message}", escape(text))


def _json_escape(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)[1:-1]


class WebhookChannel:
    def __init__(self, app_secret: str):
        self.app_secret = app_secret

    def send(self, message: OutboxMessage) -> None:
        if message.webhook is None:
            raise PermanentFailure("webhook removed")
        body = message.payload.encode()
        request = urllib.request.Request(message.recipient, data=body, method="POST", headers={
            "Content-Type": "application/json; charset=utf-8", "User-Agent": "portal-webhooks/1",
            "X-Portal-Event": message.event or "", "X-Portal-Delivery": message.delivery_id,
            "X-Portal-Signature": signature(webhook_secret(self.app_secret, message.webhook), body)})
        status, answer = _http(request)
        if not 200 <= status < 300:
            raise TransientFailure(f"HTTP {status}: {answer[:200]}")

    def close(self) -> None:
        pass


def _http(request: urllib.request.Request) -> tuple[int, str]:
    """(status, start of the answer); a network failure is transient."""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read(2000).decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read(2000).decode("utf-8", "replace")
    except (urllib.error.URLError, socket.timeout, ConnectionError, OSError) as error:
        raise TransientFailure(f"{type(error).__name__}: {getattr(error, 'reason', error)}") from error


@dataclass(frozen=True)
class OutboxSettings:
    """What the delivery loop needs from the configuration: the channels this deployment has (e-mail when
    MAIL_ENABLED, SMS when SMS_GATEWAY_URL is set, webhooks always: they exist once an administrator adds one) and
    the retry policy. A channel left out keeps its messages waiting."""

    app_secret: str
    policy: RetryPolicy
    smtp: SmtpSettings | None = None
    public_url: str = ""
    sms: SmsSettings | None = None

    @classmethod
    def from_config(cls, config: Mapping) -> "OutboxSettings":
        return cls(app_secret=config["SECRET_KEY"], policy=RetryPolicy.from_config(config),
                   smtp=smtp_settings(config) if config["MAIL_ENABLED"] else None, public_url=config["PUBLIC_URL"],
                   sms=sms_settings(config) if config["SMS_GATEWAY_URL"] else None)

    def channels(self) -> dict:
        """Fresh channel objects for one run of the loop (each keeps its connection for the batch)."""
        channels = {"webhook": WebhookChannel(self.app_secret)}
        if self.smtp:
            channels["email"] = EmailChannel(self.smtp, self.public_url)
        if self.sms:
            channels["sms"] = SmsGateway(self.sms)
        return channels


def smtp_settings(config: Mapping) -> SmtpSettings:
    return SmtpSettings(host=config["MAIL_SERVER"], port=int(config["MAIL_PORT"]), sender=config["MAIL_SENDER"],
                        use_tls=bool(config["MAIL_USE_TLS"]), username=config["MAIL_USERNAME"],
                        password=config["MAIL_PASSWORD"])


def sms_settings(config: Mapping) -> SmsSettings:
    return SmsSettings(url=config["SMS_GATEWAY_URL"], method=config["SMS_GATEWAY_METHOD"],
                       content_type=config["SMS_GATEWAY_CONTENT_TYPE"], body=config["SMS_GATEWAY_BODY"],
                       auth_header=config["SMS_GATEWAY_AUTH_HEADER"], username=config["SMS_GATEWAY_USERNAME"],
                       password=config["SMS_GATEWAY_PASSWORD"], success=config["SMS_GATEWAY_SUCCESS"],
                       ascii=bool(config["SMS_ASCII"]))
