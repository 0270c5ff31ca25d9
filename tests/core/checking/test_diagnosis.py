"""Diagnosis: codes first, wording second, never ok for a failure, never an exception."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mailmanager.core.checking import wire
from mailmanager.core.checking.diagnosis import (
    Stage,
    decode_server_text,
    diagnose_error,
    diagnose_imap_failure,
    diagnose_reply,
    diagnose_smtp_failure,
    parse_smtp_reply,
)
from mailmanager.core.checking.hints import HINTS, hint_text
from mailmanager.core.model.status import ConnectionStatus as S


def test_decode_utf8_then_gb18030_then_replacement() -> None:
    assert decode_server_text("授权码".encode()) == "授权码"
    assert decode_server_text("请使用授权码登录".encode("gbk")) == "请使用授权码登录"
    assert decode_server_text("请使用授权码登录".encode("gb18030")) == "请使用授权码登录"
    assert "\ufffd" in decode_server_text(b"\xff\xfe\x81")


@pytest.mark.parametrize(
    ("stage", "line", "family", "status", "hint"),
    [
        (
            Stage.AUTH,
            "a1 NO [AUTHENTICATIONFAILED] Authentication failed.",
            "",
            S.AUTH_FAILED,
            "auth_rejected",
        ),
        (
            Stage.AUTH,
            "a1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)",
            "gmail",
            S.AUTH_FAILED,
            "gmail_auth",
        ),
        (
            Stage.AUTH,
            "a1 NO [UNAVAILABLE] Temporary authentication failure",
            "",
            S.TEMPORARY_FAILURE,
            "temporary",
        ),
        (Stage.AUTH, "a1 NO [EXPIRED] password expired", "", S.AUTH_FAILED, "code_expired"),
        (Stage.AUTH, "a1 NO [PRIVACYREQUIRED] use TLS", "", S.INSECURE_REFUSED, "tls_required"),
        (Stage.AUTH, "a1 NO [CONTACTADMIN] locked", "", S.SERVICE_DISABLED, "contact_admin"),
        (Stage.AUTH, "a1 NO [LIMIT] too many", "", S.TEMPORARY_FAILURE, "rate_limited"),
        # A code outranks the wording that follows it...
        (
            Stage.AUTH,
            "a1 NO [UNAVAILABLE] Login error or password error",
            "netease",
            S.TEMPORARY_FAILURE,
            "temporary",
        ),
        # ...except a provider's own error token, which is more precise than the generic code.
        (
            Stage.AUTH,
            "a1 NO [AUTHENTICATIONFAILED] ERR.LOGIN.IPDENY",
            "",
            S.IP_DENIED,
            "netease_ip_denied",
        ),
        (
            Stage.AUTH,
            "a1 NO ERR.LOGIN.DOMAINNOTEXIST",
            "",
            S.SERVER_NOT_FOUND,
            "netease_domain_not_exist",
        ),
        (
            Stage.AUTH,
            "a1 NO LOGIN Login error or password error",
            "netease",
            S.AUTH_FAILED,
            "netease_auth_code",
        ),
        (
            Stage.AUTH,
            "a1 NO [ALERT] Application-specific password required: support.google.com (Failure)",
            "",
            S.AUTH_FAILED,
            "gmail_app_password",
        ),
        (
            Stage.AUTH,
            "a1 NO [ALERT] Please log in via your web browser",
            "gmail",
            S.AUTH_FAILED,
            "web_login_required",
        ),
        (
            Stage.AUTH,
            "a1 NO Please using authorized code to login.",
            "qq",
            S.AUTH_FAILED,
            "qq_auth_code",
        ),
        (
            Stage.AUTH,
            "a1 NO Login fail. Account is abnormal, service is not open, password is incorrect",
            "qq",
            S.AUTH_FAILED,
            "qq_login_fail",
        ),
        (Stage.AUTH, "a1 NO LOGIN failed.", "outlook", S.AUTH_FAILED, "outlook_auth"),
        (Stage.AUTH, "a1 NO IMAP not enabled", "", S.SERVICE_DISABLED, "service_disabled"),
        (Stage.AUTH, "a1 BAD syntax", "", S.PROTOCOL_ERROR, "protocol_error"),
        (Stage.AUTH, "a1 NO something nobody has seen before", "", S.AUTH_FAILED, "auth_rejected"),
        (
            Stage.EXAMINE,
            "a4 NO SELECT Unsafe Login. Please contact kefu@188.com for help",
            "netease",
            S.UNSAFE_LOGIN,
            "unsafe_login_no_id",
        ),
        (
            Stage.EXAMINE,
            "a4 NO EXAMINE unsafe Login. Please contact kefy@188.com for help",
            "netease",
            S.UNSAFE_LOGIN,
            "unsafe_login_no_id",
        ),
        (Stage.EXAMINE, "a4 NO mailbox is locked", "", S.UNSAFE_LOGIN, "mailbox_refused"),
        (Stage.GREETING, "* BYE shutting down", "", S.TEMPORARY_FAILURE, "server_busy"),
        (Stage.STARTTLS, "a2 NO not now", "", S.INSECURE_REFUSED, "starttls_failed"),
        (Stage.EXAMINE, "a4 OK looks fine", "", S.PROTOCOL_ERROR, "protocol_error"),
        (Stage.GREETING, "220 smtp ready", "", S.PROTOCOL_ERROR, "protocol_error"),
    ],
)
def test_imap(stage: Stage, line: str, family: str, status: S, hint: str) -> None:
    found = diagnose_imap_failure(stage, line, family=family)
    assert (found.status, found.hint_id) == (status, hint)


def test_unsafe_login_hint_depends_on_whether_id_was_sent() -> None:
    line = "a4 NO SELECT Unsafe Login. Please contact kefu@188.com for help"
    assert (
        diagnose_imap_failure(Stage.EXAMINE, line, id_sent=True).hint_id == "netease_unsafe_login"
    )


@pytest.mark.parametrize(
    ("stage", "reply", "family", "status", "hint"),
    [
        (
            Stage.AUTH,
            "535 Error: authentication failed",
            "netease",
            S.AUTH_FAILED,
            "netease_auth_code",
        ),
        (
            Stage.AUTH,
            "535 Error: authentication failed, system busy",
            "exmail",
            S.AUTH_FAILED,
            "exmail_auth",
        ),
        (
            Stage.AUTH,
            "535 Login Fail. Please enter your authorization code to login.",
            "qq",
            S.AUTH_FAILED,
            "qq_auth_code",
        ),
        (Stage.AUTH, "535 Error: 请使用授权码登录。", "qq", S.AUTH_FAILED, "qq_auth_code"),
        # Without a family only the generic hint: NetEase, Sina and Alibaba say 授权码 too.
        (Stage.AUTH, "535 Error: 请使用授权码登录。", "", S.AUTH_FAILED, "auth_rejected"),
        (Stage.AUTH, "535 授权码", "aliyun_qiye", S.AUTH_FAILED, "aliyun_qiye_auth"),
        (Stage.AUTH, "535 授权码", "netease_qiye", S.AUTH_FAILED, "netease_qiye_auth_code"),
        (
            Stage.AUTH,
            "535-5.7.8 Username and Password not accepted.\n535 5.7.8 https://support.google.com/mail/answer/14257",
            "gmail",
            S.AUTH_FAILED,
            "gmail_auth",
        ),
        (
            Stage.AUTH,
            "534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9 https://support.google.com/mail/?p=InvalidSecondFactor",
            "",
            S.AUTH_FAILED,
            "gmail_app_password",
        ),
        (
            Stage.AUTH,
            "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.",
            "",
            S.SERVICE_DISABLED,
            "outlook_oauth_only",
        ),
        (
            Stage.AUTH,
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled",
            "",
            S.SERVICE_DISABLED,
            "outlook_smtp_auth_disabled",
        ),
        (
            Stage.AUTH,
            "535 5.7.3 Authentication unsuccessful",
            "outlook",
            S.AUTH_FAILED,
            "outlook_auth",
        ),
        (Stage.AUTH, "526 Authentication failure[0]", "", S.AUTH_FAILED, "auth_rejected"),
        (
            Stage.AUTH,
            "454 4.7.0 Temporary authentication failure",
            "",
            S.TEMPORARY_FAILURE,
            "temporary",
        ),
        (
            Stage.AUTH,
            "535 4.7.0 odd: permanent code, temporary enhanced code",
            "",
            S.TEMPORARY_FAILURE,
            "temporary",
        ),
        (
            Stage.AUTH,
            "530 5.7.0 Must issue a STARTTLS command first",
            "",
            S.INSECURE_REFUSED,
            "tls_required",
        ),
        (
            Stage.AUTH,
            "504 5.5.4 Unrecognized authentication type",
            "",
            S.PROTOCOL_ERROR,
            "auth_mechanism_unsupported",
        ),
        (Stage.AUTH, "535 ERR.LOGIN.IPDENY", "", S.IP_DENIED, "netease_ip_denied"),
        (Stage.AUTH, "599 never seen", "", S.AUTH_FAILED, "auth_rejected"),
        (
            Stage.MAIL_FROM,
            "550 User has no permission",
            "netease",
            S.SERVICE_DISABLED,
            "netease_smtp_disabled",
        ),
        (
            Stage.MAIL_FROM,
            "553 Local user only,163 smtp5,HdxpCgA3f+63sTNhtiNZDA--.2001S2 1630777785",
            "",
            S.SERVICE_DISABLED,
            "smtp_sender_rejected",
        ),
        (
            Stage.MAIL_FROM,
            "554 DT:SPM 163 smtp12,EMCowACnzwc_--.20404S2 1547175487",
            "",
            S.SERVICE_DISABLED,
            "smtp_sending_blocked",
        ),
        (Stage.MAIL_FROM, "451 4.3.0 try again later", "", S.TEMPORARY_FAILURE, "rate_limited"),
        (Stage.GREETING, "554 5.7.1 go away", "", S.CONNECTION_FAILED, "server_refused_connection"),
        (
            Stage.GREETING,
            "421 too many connections from your IP",
            "",
            S.TEMPORARY_FAILURE,
            "rate_limited",
        ),
        (Stage.STARTTLS, "454 4.7.0 TLS not available", "", S.INSECURE_REFUSED, "starttls_failed"),
        (Stage.STARTTLS, "502 5.5.1 not implemented", "", S.INSECURE_REFUSED, "starttls_failed"),
        (Stage.EHLO, "250 fine", "", S.PROTOCOL_ERROR, "protocol_error"),
        (Stage.GREETING, "* OK IMAP4rev1", "", S.PROTOCOL_ERROR, "protocol_error"),
    ],
)
def test_smtp(stage: Stage, reply: str, family: str, status: S, hint: str) -> None:
    found = diagnose_smtp_failure(stage, reply, family=family)
    assert (found.status, found.hint_id) == (status, hint)


def test_parse_smtp_reply_multiline_and_enhanced() -> None:
    parsed = parse_smtp_reply(
        b"534-5.7.9 Application-specific password required.\r\n534 5.7.9 https://x"
    )
    assert parsed is not None
    assert (parsed.code, parsed.enhanced) == (534, "5.7.9")
    assert parse_smtp_reply(b"hello") is None
    assert parse_smtp_reply(b"") is None


@pytest.mark.parametrize(
    ("exc", "family", "status", "hint"),
    [
        (wire.ProbeTimeout("t"), "", S.TIMEOUT, "timeout"),
        (wire.ProbeTimeout("t"), "gmail", S.TIMEOUT, "timeout_international"),
        (wire.ProbeTimeout("t"), "international", S.TIMEOUT, "timeout_international"),
        (wire.ProbeTimeout("t"), "netease", S.TIMEOUT, "timeout"),
        (wire.NameNotFound("n"), "", S.SERVER_NOT_FOUND, "server_not_found"),
        (wire.ConnectFailed("c", refused=True), "", S.CONNECTION_FAILED, "connection_refused"),
        (wire.ConnectFailed("c"), "", S.CONNECTION_FAILED, "connection_failed"),
        (wire.TlsFailure("x", "expired"), "", S.TLS_ERROR, "tls_expired"),
        (wire.TlsFailure("x", "hostname"), "", S.TLS_ERROR, "tls_hostname"),
        (wire.TlsFailure("x", "untrusted"), "", S.TLS_ERROR, "tls_untrusted"),
        (wire.ConnectionClosed("x"), "", S.CONNECTION_FAILED, "connection_closed"),
        (wire.LineTooLong("x"), "", S.PROTOCOL_ERROR, "reply_too_long"),
        (wire.LiteralTooLarge("x"), "", S.PROTOCOL_ERROR, "reply_too_long"),
        (RuntimeError("bug"), "", S.PROTOCOL_ERROR, "protocol_error"),
    ],
)
def test_errors(exc: BaseException, family: str, status: S, hint: str) -> None:
    found = diagnose_error(exc, family=family)
    assert (found.status, found.hint_id) == (status, hint)


_STAGES = st.sampled_from(list(Stage))
_FAMILIES = st.sampled_from(["", "netease", "netease_qiye", "qq", "exmail", "gmail", "outlook"])


@settings(max_examples=400, deadline=None)
@given(
    protocol=st.sampled_from(["imap", "smtp"]),
    stage=_STAGES,
    family=_FAMILIES,
    reply=st.one_of(
        st.binary(max_size=600),
        st.builds(
            lambda code, rest: code + rest,
            st.sampled_from([b"535 ", b"550-", b"a1 NO ", b"* BYE ", b"a1 NO [", b"421 4."]),
            st.binary(max_size=200),
        ),
    ),
)
def test_any_bytes_give_a_failure_status_never_an_exception(
    protocol: str, stage: Stage, family: str, reply: bytes
) -> None:
    found = diagnose_reply(protocol, stage, reply, family=family)
    assert isinstance(found.status, S)
    assert found.status is not S.OK
    assert found.hint_id in HINTS


def test_every_hint_has_english_text() -> None:
    for hint_id, text in HINTS.items():
        assert hint_text(hint_id) == text and len(text) > 10
    assert hint_text("") == "" and hint_text("no-such-hint") == ""


def test_ip_deny_hint_names_the_admin_menu_path() -> None:
    assert "安全与审计 > 安全登录 > 登录限制" in hint_text("netease_ip_denied")
