"""The SMTP probe against real aiosmtpd servers and scripted servers that talk like providers.

Asserts what the servers received: one AUTH per check (never smtplib's mechanism loop), MAIL
FROM with the account's address, never RCPT or DATA, nothing at all after a missing STARTTLS.
"""

from __future__ import annotations

import time

import pytest

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.traits import CheckTraits, traits_of
from mailmanager.core.checking.smtp_probe import probe_smtp
from mailmanager.core.model.accounts import Endpoint, Security
from mailmanager.core.model.status import ConnectionStatus as S
from tests.helpers import scripted_server as ss
from tests.helpers.certs import Pki
from tests.helpers.smtp_server import aiosmtpd_server

T = 3.0
ADDRESS = "user@example.com"


def ep(port: int, security: Security = Security.SSL, host: str = "127.0.0.1") -> Endpoint:
    return Endpoint(host=host, port=port, security=security)


# -- real aiosmtpd --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["ssl", "starttls"])
def test_aiosmtpd_ok_sends_nothing(pki: Pki, mode: str) -> None:
    security = Security.SSL if mode == "ssl" else Security.STARTTLS
    with aiosmtpd_server(pki, mode=mode) as server:
        result = probe_smtp(
            ep(server.port, security), "smtp-code", address=ADDRESS, timeout=T, ca_file=pki.ca_file
        )
    assert result.status is S.OK, result
    assert server.recorder.auth_attempts == [("PLAIN", ADDRESS, True)]
    assert server.recorder.mail_from == [ADDRESS]
    assert server.recorder.rcpt_to == [] and server.recorder.data == 0


@pytest.mark.parametrize("mode", ["ssl", "starttls"])
def test_aiosmtpd_wrong_code_reaches_server_once(pki: Pki, mode: str) -> None:
    security = Security.SSL if mode == "ssl" else Security.STARTTLS
    with aiosmtpd_server(pki, mode=mode) as server:
        result = probe_smtp(
            ep(server.port, security), "wrong-code", address=ADDRESS, timeout=T, ca_file=pki.ca_file
        )
        # The server has finished with the session: a second AUTH would be recorded by now.
        assert server.recorder.wait_sessions_ended(1)
    assert result.status is S.AUTH_FAILED
    assert result.server_message.startswith("535 5.7.8")
    assert len(server.recorder.auth_attempts) == 1
    assert server.recorder.mail_from == []


def test_aiosmtpd_untrusted_certificate(pki: Pki) -> None:
    with aiosmtpd_server(pki, mode="ssl") as server:
        result = probe_smtp(ep(server.port), "smtp-code", address=ADDRESS, timeout=T)
    assert (result.status, result.hint_id) == (S.TLS_ERROR, "tls_untrusted")
    assert server.recorder.auth_attempts == []


# -- scripted provider behaviour ------------------------------------------------------------------


def traits(provider_id: str) -> CheckTraits:
    """The catalogue's traits for ``provider_id`` (what the runner hands the probe)."""
    return traits_of(Catalogue.load(include_user=False).get(provider_id))


def run(script: ss.Script, secret: str = "right-code", **kwargs: object):
    provider_id = kwargs.pop("provider_id", None)
    if provider_id is not None:
        kwargs["traits"] = traits(str(provider_id))
    if "requires_id" in kwargs:
        kwargs["traits"] = CheckTraits(send_id=kwargs.pop("requires_id"))  # type: ignore[arg-type]
    security = kwargs.pop("security", Security.PLAIN)
    with ss.ScriptedServer(script, tls_context=kwargs.pop("tls_context", None)) as server:  # type: ignore[arg-type]
        result = probe_smtp(
            ep(server.port, security),  # type: ignore[arg-type]
            secret,
            address=ADDRESS,
            timeout=kwargs.pop("timeout", T),  # type: ignore[arg-type]
            **kwargs,  # type: ignore[arg-type]
        )
        # Every test here connects: wait until the server has finished with the session, so all
        # the probe sent is recorded.
        assert server.wait_sessions_ended(1)
    return result, server


QQ_HELP = b"http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256"


@pytest.mark.parametrize(
    ("failure", "provider", "status", "hint"),
    [
        (
            b"535 Login Fail. Please enter your authorization code to login. More information in "
            + QQ_HELP,
            "tencent_qq",
            S.AUTH_FAILED,
            "qq_auth_code",
        ),
        (
            "535 Error: 请使用授权码登录。详情请看: ".encode("gbk") + QQ_HELP,
            "tencent_qq",
            S.AUTH_FAILED,
            "qq_auth_code",
        ),
        (
            b"535 Login fail. Account is abnormal, service is not open, password is incorrect, "
            b"login frequency limited, or system is busy.",
            "tencent_qq",
            S.AUTH_FAILED,
            "qq_login_fail",
        ),
        (
            b"535 Error: authentication failed",
            "netease_personal",
            S.AUTH_FAILED,
            "netease_auth_code",
        ),
        (b"535 ERR.LOGIN.IPDENY", "netease_qiye", S.IP_DENIED, "netease_ip_denied"),
        (
            b"534-5.7.9 Application-specific password required. Learn more at\r\n"
            b"534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor",
            "gmail",
            S.AUTH_FAILED,
            "gmail_app_password",
        ),
        (
            b"535 5.7.139 Authentication unsuccessful, basic authentication is disabled. "
            b"[BM1P287CA0015.INDP287.PROD.OUTLOOK.COM]",
            "outlook",
            S.SERVICE_DISABLED,
            "outlook_oauth_only",
        ),
        (b"454 4.7.0 Temporary authentication failure", None, S.TEMPORARY_FAILURE, "temporary"),
    ],
    ids=["qq-en", "qq-gbk", "qq-catchall", "netease", "ipdeny", "gmail", "outlook", "4xx"],
)
def test_provider_auth_replies(failure: bytes, provider: str | None, status: S, hint: str) -> None:
    script = ss.smtp_script(auth_failure=failure + b"\r\n")
    result, server = run(script, "wrong-code", provider_id=provider)
    assert (result.status, result.hint_id) == (status, hint)
    assert len(server.auth_attempts) == 1
    assert len(server.lines_matching(r"^AUTH ")) == 1
    assert not server.lines_matching(r"^(MAIL|RCPT|DATA)")


def test_qq_gbk_message_is_decoded() -> None:
    failure = "535 Error: 请使用授权码登录。".encode("gbk") + b"\r\n"
    result, _ = run(ss.smtp_script(auth_failure=failure), "qq-password", provider_id="tencent_qq")
    assert "请使用授权码登录" in result.server_message


def test_netease_550_at_mail_from_is_caught_without_sending() -> None:
    script = ss.smtp_script(mail_reply=b"550 User has no permission\r\n")
    result, server = run(script, provider_id="netease_personal")
    assert (result.status, result.hint_id) == (S.SERVICE_DISABLED, "netease_smtp_disabled")
    assert server.lines_matching(r"^MAIL FROM:") == [b"MAIL FROM:<" + ADDRESS.encode() + b">"]
    assert not server.lines_matching(r"^(RCPT|DATA)")


def test_only_one_mechanism_is_tried() -> None:
    """smtplib.login() would go on to LOGIN after PLAIN failed: the probe must not."""
    script = ss.smtp_script(extensions=("AUTH CRAM-MD5 PLAIN LOGIN",))
    result, server = run(script, "wrong-code")
    assert result.status is S.AUTH_FAILED
    assert server.lines_matching(r"^AUTH ") == [server.lines_matching(r"^AUTH PLAIN ")[0]]


def test_auth_login_when_plain_is_not_offered() -> None:
    result, server = run(ss.smtp_script(extensions=("AUTH LOGIN",)))
    assert result.status is S.OK, result
    assert server.auth_attempts == [(ADDRESS, "right-code")]


def test_secret_echoed_in_base64_is_redacted() -> None:
    import base64

    secret = "echo-this-code-42"
    token = base64.b64encode(b"\0" + ADDRESS.encode() + b"\0" + secret.encode())
    script = ss.smtp_script(
        auth_failure=b"535 rejected " + token + b" " + secret.encode() + b"\r\n"
    )
    result, _ = run(script, secret)
    assert result.status is S.AUTH_FAILED
    assert secret not in result.server_message
    assert token.decode() not in result.server_message


def test_plain_only_when_chosen_with_warning() -> None:
    result, _ = run(ss.smtp_script())
    assert result.status is S.OK
    assert result.plain_warning and result.hint_id == "ok_plaintext"


# -- TLS first ------------------------------------------------------------------------------------


def test_starttls_port_without_starttls_gets_no_credential(pki: Pki) -> None:
    result, server = run(ss.smtp_script(), security=Security.STARTTLS, ca_file=pki.ca_file)
    assert (result.status, result.hint_id) == (S.INSECURE_REFUSED, "starttls_missing")
    assert [line.split()[0] for line in server.received] == [b"EHLO"]
    assert server.auth_attempts == []


def test_starttls_failing_gets_no_credential(pki: Pki) -> None:
    script = ss.smtp_script(starttls_context=pki.server_context())
    script.rules.insert(
        0, (r"STARTTLS", b"454 4.7.0 TLS not available due to temporary reason\r\n")
    )
    result, server = run(script, security=Security.STARTTLS, ca_file=pki.ca_file)
    assert (result.status, result.hint_id) == (S.INSECURE_REFUSED, "starttls_failed")
    assert not server.lines_matching(r"^AUTH|right-code")


def test_starttls_then_auth(pki: Pki) -> None:
    script = ss.smtp_script(starttls_context=pki.server_context())
    result, server = run(script, security=Security.STARTTLS, ca_file=pki.ca_file)
    assert result.status is S.OK, result
    commands = [line.split()[0].upper() for line in server.received]
    assert commands == [b"EHLO", b"STARTTLS", b"EHLO", b"AUTH", b"MAIL", b"RSET", b"QUIT"]


def test_expired_certificate(pki: Pki) -> None:
    expired = pki.server_context("127.0.0.1", expired=True)
    result, server = run(
        ss.smtp_script(), security=Security.SSL, tls_context=expired, ca_file=pki.ca_file
    )
    assert (result.status, result.hint_id) == (S.TLS_ERROR, "tls_expired")
    assert server.received == []


# -- misbehaving servers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "status", "hint"),
    [
        (ss.silent(), S.TIMEOUT, "timeout"),
        (ss.trickle(b"220-still talking\r\n", 0.1), S.TIMEOUT, "timeout"),
        (ss.endless_line(b"220 "), S.PROTOCOL_ERROR, "reply_too_long"),
        (ss.close_after(b"220 hello\r\n"), S.CONNECTION_FAILED, "connection_closed"),
        (
            ss.Script(greeting=b"554 5.7.1 no service for you\r\n"),
            S.CONNECTION_FAILED,
            "server_refused_connection",
        ),
        (ss.Script(greeting=b"421 4.3.2 busy, try later\r\n"), S.TEMPORARY_FAILURE, "temporary"),
        (ss.Script(greeting=b"* OK this is IMAP\r\n"), S.PROTOCOL_ERROR, "protocol_error"),
    ],
    ids=[
        "silent",
        "trickle",
        "endless-line",
        "close-after-greeting",
        "554-greeting",
        "421",
        "imap-port",
    ],
)
def test_misbehaving_server_ends_within_deadline(script: ss.Script, status: S, hint: str) -> None:
    started = time.monotonic()
    result, server = run(script, timeout=1.0)
    assert (result.status, result.hint_id) == (status, hint)
    assert time.monotonic() - started < 3.0
    assert server.auth_attempts == []
    assert not server.lines_matching(r"^AUTH")
