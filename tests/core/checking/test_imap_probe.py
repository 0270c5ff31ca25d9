"""The IMAP probe against a real Dovecot and scripted servers that talk like the providers.

Every test asserts what the server RECEIVED as well as the diagnosis: a wrong code reaches the
server exactly once, nothing after a missing STARTTLS, ID before EXAMINE.
"""

from __future__ import annotations

import threading
import time

import pytest

from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.traits import CheckTraits, traits_of
from mailmanager.core.checking.imap_probe import probe_imap
from mailmanager.core.model.accounts import Endpoint, Security
from mailmanager.core.model.status import ConnectionStatus as S
from tests.helpers import scripted_server as ss
from tests.helpers.certs import Pki
from tests.helpers.dovecot import Dovecot

T = 3.0  # seconds: every probe in these tests finishes long before


def ep(port: int, security: Security = Security.SSL, host: str = "127.0.0.1") -> Endpoint:
    return Endpoint(host=host, port=port, security=security)


# -- real Dovecot ---------------------------------------------------------------------------------


@pytest.mark.dovecot
def test_dovecot_implicit_tls_ok(dovecot: Dovecot) -> None:
    result = probe_imap(
        ep(dovecot.imaps_port),
        dovecot.users["alice@example.org"],
        address="alice@example.org",
        timeout=T,
        ca_file=dovecot.pki.ca_file,
    )
    assert result.status is S.OK, result
    assert result.ok and not result.plain_warning
    names = [step.name for step in result.steps]
    # Dovecot advertises ID, so it is sent after login and before the mailbox is opened.
    assert names.index("login") < names.index("id") < names.index("examine")


@pytest.mark.dovecot
def test_dovecot_starttls_ok(dovecot: Dovecot) -> None:
    result = probe_imap(
        ep(dovecot.imap_port, Security.STARTTLS),
        dovecot.users["alice@example.org"],
        address="alice@example.org",
        timeout=T,
        ca_file=dovecot.pki.ca_file,
    )
    assert result.status is S.OK, result
    assert "starttls" in [step.name for step in result.steps]


@pytest.mark.dovecot
def test_dovecot_wrong_code_reaches_server_once(dovecot: Dovecot) -> None:
    user = "bob@example.org"
    before = dovecot.password_mismatches(user)
    sessions_before = len(dovecot.failed_logins(user))
    result = probe_imap(
        ep(dovecot.imaps_port),
        "wrong-code-123",
        address=user,
        timeout=T,
        ca_file=dovecot.pki.ca_file,
    )
    assert result.status is S.AUTH_FAILED
    assert result.hint_id == "auth_rejected"
    assert "AUTHENTICATIONFAILED" in result.server_message
    # Dovecot logs the end of the login session once the probe has hung up, with the number of
    # attempts the session made; a second connection would add a session of its own.
    sessions = dovecot.wait_for_failed_logins(user, sessions_before + 1)
    assert len(sessions) == sessions_before + 1
    assert "auth failed, 1 attempts" in sessions[-1]
    assert dovecot.password_mismatches(user) == before + 1


@pytest.mark.dovecot
def test_dovecot_untrusted_certificate(dovecot: Dovecot) -> None:
    """Without the company CA file the trustme certificate is not trusted: tls_error."""
    result = probe_imap(
        ep(dovecot.imaps_port), "s3cret-code", address="alice@example.org", timeout=T
    )
    assert result.status is S.TLS_ERROR
    assert result.hint_id == "tls_untrusted"
    starttls = probe_imap(
        ep(dovecot.imap_port, Security.STARTTLS),
        "s3cret-code",
        address="alice@example.org",
        timeout=T,
    )
    assert starttls.status is S.TLS_ERROR


@pytest.mark.dovecot
def test_dovecot_plain_only_when_chosen_with_warning(dovecot: Dovecot) -> None:
    # Dovecot treats a client on its own address as secure, so plain LOGIN works here.
    result = probe_imap(
        ep(dovecot.imap_port, Security.PLAIN),
        dovecot.users["alice@example.org"],
        address="alice@example.org",
        timeout=T,
    )
    assert result.status is S.OK
    assert result.plain_warning and result.hint_id == "ok_plaintext"


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
    tls = kwargs.pop("tls_context", None)
    with ss.ScriptedServer(script, tls_context=tls) as server:  # type: ignore[arg-type]
        result = probe_imap(
            ep(server.port, security),  # type: ignore[arg-type]
            secret,
            address="user@example.com",
            timeout=kwargs.pop("timeout", T),  # type: ignore[arg-type]
            **kwargs,  # type: ignore[arg-type]
        )
        # The server has finished with the session: all the probe sent is recorded.
        assert server.wait_sessions_ended(1)
    return result, server


def test_netease_unsafe_login_without_id() -> None:
    """NetEase refuses EXAMINE until ID was sent; a server that hides ID shows the refusal."""
    script = ss.imap_script(capabilities="IMAP4rev1 AUTH=PLAIN", require_id=True)
    result, server = run(script, requires_id=False)
    assert result.status is S.UNSAFE_LOGIN
    assert result.hint_id == "unsafe_login_no_id"
    assert "Unsafe Login" in result.server_message
    assert not server.lines_matching(r"^\S+ ID ")


@pytest.mark.parametrize("how", ["provider", "flag"])
def test_netease_id_sent_after_login_before_examine(how: str) -> None:
    script = ss.imap_script(capabilities="IMAP4rev1 AUTH=PLAIN", require_id=True)
    if how == "provider":
        result, server = run(script, provider_id="netease_personal")
    else:
        result, server = run(script, requires_id=True)
    assert result.status is S.OK, result
    commands = [line.split()[1].upper() for line in server.received]
    assert commands == [b"CAPABILITY", b"LOGIN", b"ID", b"EXAMINE", b"LOGOUT"]
    (id_line,) = server.lines_matching(r"^\S+ ID ")
    for field in (b'"name"', b'"version"', b'"vendor"', b'"support-email"'):
        assert field in id_line


def test_id_sent_when_advertised() -> None:
    result, server = run(ss.imap_script(require_id=True))
    assert result.status is S.OK
    assert len(server.lines_matching(r"^\S+ ID ")) == 1


def test_unsafe_login_even_with_id() -> None:
    script = ss.imap_script(
        examine_reply=b"NO EXAMINE Unsafe Login. Please contact kefu@188.com for help"
    )
    result, _ = run(script, provider_id="netease_personal")
    assert result.status is S.UNSAFE_LOGIN
    assert result.hint_id == "netease_unsafe_login"


@pytest.mark.parametrize(
    ("reply", "status", "hint"),
    [
        (b"NO [AUTHENTICATIONFAILED] ERR.LOGIN.IPDENY", S.IP_DENIED, "netease_ip_denied"),
        (b"NO ERR.LOGIN.IPDENY", S.IP_DENIED, "netease_ip_denied"),
        (b"NO ERR.LOGIN.DOMAINNOTEXIST", S.SERVER_NOT_FOUND, "netease_domain_not_exist"),
        (b"NO LOGIN Login error or password error", S.AUTH_FAILED, "netease_qiye_auth_code"),
        (b"NO [UNAVAILABLE] Temporary authentication failure", S.TEMPORARY_FAILURE, "temporary"),
    ],
)
def test_netease_login_replies(reply: bytes, status: S, hint: str) -> None:
    result, server = run(ss.imap_script(login_failure=reply), "wrong", provider_id="netease_qiye")
    assert (result.status, result.hint_id) == (status, hint)
    assert len(server.auth_attempts) == 1
    assert not server.lines_matching(r"^\S+ (EXAMINE|SELECT) ")


def test_qq_imap_authorized_code_wording() -> None:
    reply = (
        b"NO Please using authorized code to login. More information at "
        b"http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256"
    )
    result, server = run(
        ss.imap_script(login_failure=reply), "qq-password", provider_id="tencent_qq"
    )
    assert (result.status, result.hint_id) == (S.AUTH_FAILED, "qq_auth_code")
    assert len(server.auth_attempts) == 1


def test_gmail_alert_app_password() -> None:
    reply = (
        b"NO [ALERT] Application-specific password required: "
        b"https://support.google.com/accounts/answer/185833 (Failure)"
    )
    result, _ = run(ss.imap_script(login_failure=reply), "normal-password")
    assert (result.status, result.hint_id) == (S.AUTH_FAILED, "gmail_app_password")


def test_gbk_server_message_is_decoded() -> None:
    reply = "NO 请使用授权码登录".encode("gbk")
    result, _ = run(ss.imap_script(login_failure=reply), "x-password", provider_id="tencent_qq")
    assert result.status is S.AUTH_FAILED
    assert "请使用授权码登录" in result.server_message


def test_secret_echoed_by_server_is_redacted() -> None:
    secret = "echo-me-9876"
    reply = f"NO [AUTHENTICATIONFAILED] bad password {secret}".encode()
    result, _ = run(ss.imap_script(login_failure=reply), secret)
    assert result.status is S.AUTH_FAILED
    assert secret not in result.server_message
    assert all(secret not in step.detail for step in result.steps)


def test_non_ascii_code_uses_authenticate_plain_once() -> None:
    script = ss.imap_script(password="授权码-code", capabilities="IMAP4rev1 AUTH=PLAIN SASL-IR")
    result, server = run(script, "授权码-code")
    assert result.status is S.OK, result
    assert server.auth_attempts == [("user@example.com", "授权码-code")]
    assert not server.lines_matching(r"^\S+ LOGIN ")


# -- TLS first ------------------------------------------------------------------------------------


def test_starttls_port_without_starttls_gets_no_credential(pki: Pki) -> None:
    result, server = run(ss.imap_script(), security=Security.STARTTLS, ca_file=pki.ca_file)
    assert result.status is S.INSECURE_REFUSED
    assert result.hint_id == "starttls_missing"
    assert not server.lines_matching(r"LOGIN|AUTHENTICATE|right-code")
    assert server.auth_attempts == []


def test_starttls_refused_gets_no_credential(pki: Pki) -> None:
    script = ss.imap_script(starttls_context=pki.server_context())
    script.rules.insert(0, (r"\S+ STARTTLS", b"{tag} NO STARTTLS unavailable right now\r\n"))
    with ss.ScriptedServer(script) as server:
        result = probe_imap(
            ep(server.port, Security.STARTTLS), "right-code", timeout=T, ca_file=pki.ca_file
        )
    assert result.status is S.INSECURE_REFUSED
    assert result.hint_id == "starttls_failed"
    assert not server.lines_matching(r"LOGIN|AUTHENTICATE")


def test_starttls_upgrade_then_login(pki: Pki) -> None:
    script = ss.imap_script(starttls_context=pki.server_context())
    result, server = run(script, security=Security.STARTTLS, ca_file=pki.ca_file)
    assert result.status is S.OK, result
    commands = [line.split()[1].upper() for line in server.received]
    assert commands.index(b"STARTTLS") < commands.index(b"LOGIN")


def test_wrong_host_name_and_expired_certificate(pki: Pki) -> None:
    wrong = pki.server_context("mail.other.example")
    result, server = run(
        ss.imap_script(), security=Security.SSL, tls_context=wrong, ca_file=pki.ca_file
    )
    assert (result.status, result.hint_id) == (S.TLS_ERROR, "tls_hostname")
    assert server.received == []
    expired = pki.server_context("127.0.0.1", expired=True)
    result, server = run(
        ss.imap_script(), security=Security.SSL, tls_context=expired, ca_file=pki.ca_file
    )
    assert (result.status, result.hint_id) == (S.TLS_ERROR, "tls_expired")
    assert server.received == []


# -- misbehaving servers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "status", "hint"),
    [
        (ss.silent(), S.TIMEOUT, "timeout"),
        (ss.trickle(b"* OK slowly, very slowly", 0.1), S.TIMEOUT, "timeout"),
        (ss.endless_line(), S.PROTOCOL_ERROR, "reply_too_long"),
        (ss.close_after(b"* OK hello\r\n"), S.CONNECTION_FAILED, "connection_closed"),
        (
            ss.Script(greeting=b"HTTP/1.1 400 Bad Request\r\n\r\n"),
            S.PROTOCOL_ERROR,
            "protocol_error",
        ),
        (
            ss.Script(greeting=b"* BYE server going down for maintenance\r\n"),
            S.TEMPORARY_FAILURE,
            "server_busy",
        ),
    ],
    ids=["silent", "trickle", "endless-line", "close-after-greeting", "garbage", "bye"],
)
def test_misbehaving_server_ends_within_deadline(script: ss.Script, status: S, hint: str) -> None:
    started = time.monotonic()
    result, server = run(script, timeout=1.0)
    assert (result.status, result.hint_id) == (status, hint)
    assert time.monotonic() - started < 3.0  # the deadline, not a per-read timeout, ended it
    assert not server.lines_matching(r"LOGIN|AUTHENTICATE")


def test_huge_literal_is_refused_unread() -> None:
    script = ss.imap_script()
    script.rules.insert(0, (r"\S+ CAPABILITY", b"* CAPABILITY {50000000}\r\n"))
    result, server = run(script, timeout=2.0)
    assert (result.status, result.hint_id) == (S.PROTOCOL_ERROR, "reply_too_long")
    assert server.auth_attempts == []


def test_small_literals_are_skipped() -> None:
    script = ss.imap_script()
    script.rules.insert(
        0,
        (
            r"\S+ CAPABILITY",
            b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n* OK {5}\r\nhello more\r\n{tag} OK done\r\n",
        ),
    )
    result, _ = run(script)
    assert result.status is S.OK, result


def test_refused_and_not_found() -> None:
    with ss.ScriptedServer(ss.silent()) as server:
        port = server.port
    refused = probe_imap(ep(port, Security.PLAIN), "right-code", timeout=T)
    assert (refused.status, refused.hint_id) == (S.CONNECTION_FAILED, "connection_refused")
    missing = probe_imap(ep(993, Security.SSL, "no-such-host.invalid"), "right-code", timeout=T)
    assert (missing.status, missing.hint_id) == (S.SERVER_NOT_FOUND, "server_not_found")


def test_timeout_to_international_provider_mentions_proxy() -> None:
    with ss.ScriptedServer(ss.silent()) as server:
        result = probe_imap(
            ep(server.port, Security.PLAIN), "right-code", timeout=0.5, traits=traits("google")
        )
    assert (result.status, result.hint_id) == (S.TIMEOUT, "timeout_international")


# -- cancel ---------------------------------------------------------------------------------------


def test_cancel_before_login_sends_no_credential() -> None:
    cancel = threading.Event()
    script = ss.imap_script(latency=0.3)  # every reply takes 0.3 s
    capability = next(answer for pattern, answer in script.rules if "CAPABILITY" in pattern)
    assert callable(capability)

    def cancel_then_answer(session: ss.Session, line: bytes) -> None:
        cancel.set()  # after the greeting, while the probe waits for CAPABILITY, before LOGIN
        capability(session, line)

    script.rules.insert(0, (r"\S+ CAPABILITY", cancel_then_answer))
    with ss.ScriptedServer(script) as server:
        started = time.monotonic()
        result = probe_imap(ep(server.port, Security.PLAIN), "right-code", timeout=T, cancel=cancel)
        stopped = time.monotonic() - started
        # The server has finished with the session: a LOGIN sent after the cancel is recorded.
        assert server.wait_sessions_ended(1)
    assert cancel.is_set()
    assert result.cancelled
    assert result.hint_id == "cancelled"
    assert not result.ok
    assert stopped < 1.5
    assert not server.lines_matching(r"LOGIN|AUTHENTICATE")


@pytest.mark.parametrize(
    ("secret", "echoed"),
    [
        # The probe sends the code as an IMAP quoted string: '"' and '\' arrive escaped, and
        # a server that repeats the command repeats the escaped form.
        ('QQQ"ZZZ\\1234567', 'QQQ\\"ZZZ\\\\1234567'),
        # Some servers lower-case what they echo.
        ("QqZzUpperLower77", "qqzzupperlower77"),
    ],
)
def test_secret_echoed_as_the_server_saw_it_is_redacted(secret: str, echoed: str) -> None:
    reply = f'NO [AUTHENTICATIONFAILED] rejected: LOGIN "user@example.com" "{echoed}"'.encode()
    result, _ = run(ss.imap_script(login_failure=reply), secret)
    assert result.status is S.AUTH_FAILED
    for text in [result.server_message, *(step.detail for step in result.steps)]:
        assert echoed not in text and secret not in text
    assert "rejected: LOGIN" in result.server_message  # the rest of the reply is kept
