"""What to do about a check result: stable hint ids mapped to English source texts.

The checker stores only the hint id (in the history and in JSON); the text is looked up at
display time so it follows the UI language. Texts are marked with ``QT_TRANSLATE_NOOP`` in the
``Hint`` context for Qt's translator; the UI shows ``QCoreApplication.translate("Hint", text)``,
the CLI prints the English text. Ids never change meaning once released: add new ones instead.
"""

from __future__ import annotations

from mailmanager.core.i18n import QT_TRANSLATE_NOOP

HINT_CONTEXT = "Hint"

HINTS: dict[str, str] = {
    # -- working --------------------------------------------------------------------------------
    "ok_plaintext": QT_TRANSLATE_NOOP(
        "Hint",
        "Works, but without encryption: the code travels in plain text. Use this only for a "
        "server on your own network.",
    ),
    "cancelled": QT_TRANSLATE_NOOP("Hint", "The check was cancelled."),
    # -- credentials ----------------------------------------------------------------------------
    "auth_rejected": QT_TRANSLATE_NOOP(
        "Hint",
        "The server rejected the user name or code. Use the authorization code (app password) "
        "made for mail clients, not the web login password, and the full address as user name.",
    ),
    "code_expired": QT_TRANSLATE_NOOP(
        "Hint",
        "The server says this code has expired. Create a new authorization code in the "
        "mailbox's web settings and enter it here.",
    ),
    "netease_auth_code": QT_TRANSLATE_NOOP(
        "Hint",
        "NetEase rejected the login: the authorization code is wrong or was revoked, or the web "
        "login password was used. Create a new client authorization code in the web settings "
        "(Settings > POP3/SMTP/IMAP) and enter it here.",
    ),
    "netease_qiye_auth_code": QT_TRANSLATE_NOOP(
        "Hint",
        "NetEase enterprise mail rejected the login: the client authorization password is "
        "wrong, was never confirmed with OK when it was made, or has expired (each one carries "
        "an expiry date). In the company webmail open Mailbox settings > Client settings "
        "(邮箱设置 > 客户端设置), generate a new authorization password, click OK, and enter it "
        "here with its expiry date.",
    ),
    "aliyun_qiye_auth": QT_TRANSLATE_NOOP(
        "Hint",
        "Alibaba enterprise mail rejected the login. If the administrator requires a "
        "third-party client security password, create one in the webmail under Settings > "
        "Account and security (设置 > 账户与安全 > 三方客户端安全密码) and enter it here; "
        "otherwise the login password is what works. The administrator may also have to allow "
        "third-party clients (IMAP/SMTP) for this account.",
    ),
    "qq_auth_code": QT_TRANSLATE_NOOP(
        "Hint",
        "QQ Mail rejected the login: the authorization code is wrong or was revoked, or the QQ "
        "password was used. QQ Mail accepts only its 16-character authorization code: create "
        "one in the web settings (Settings > Account > POP3/IMAP/SMTP service) and enter it "
        "here.",
    ),
    "qq_login_fail": QT_TRANSLATE_NOOP(
        "Hint",
        "QQ Mail refused the login without a precise reason: the service may be off, the code "
        "wrong or revoked, or logins limited after failures. Check that IMAP/SMTP is on in the "
        "web settings, create a new code if needed, and wait a few minutes before checking again.",
    ),
    "exmail_auth": QT_TRANSLATE_NOOP(
        "Hint",
        "Tencent Exmail rejected the login. With secure login on, only a client-specific "
        "password works (Settings > Mailbox binding > Client-specific password); also check that "
        "IMAP/SMTP is enabled in Settings > Sending and receiving.",
    ),
    "gmail_auth": QT_TRANSLATE_NOOP(
        "Hint",
        "Google rejected the user name or password. Gmail needs an app password created in "
        "your Google Account (Security > App passwords); the normal password does not work.",
    ),
    "gmail_app_password": QT_TRANSLATE_NOOP(
        "Hint",
        "Google requires an app password: the account uses 2-Step Verification, so the normal "
        "password is refused. Create an app password in your Google Account (Security > App "
        "passwords) and enter it here.",
    ),
    "app_password": QT_TRANSLATE_NOOP(
        "Hint",
        "The provider requires an app password for mail clients. Create one in the account's "
        "security settings and enter it here instead of the login password.",
    ),
    "outlook_auth": QT_TRANSLATE_NOOP(
        "Hint",
        "Microsoft rejected the login. Outlook.com and many Microsoft 365 mailboxes no longer "
        "accept passwords over IMAP/SMTP, only OAuth sign-in.",
    ),
    "outlook_oauth_only": QT_TRANSLATE_NOOP(
        "Hint",
        "Microsoft has turned off password (basic) login for this mailbox: neither the password "
        "nor an app password works over IMAP/SMTP any more. Only OAuth sign-in works.",
    ),
    "outlook_smtp_auth_disabled": QT_TRANSLATE_NOOP(
        "Hint",
        "SMTP login is switched off for this Microsoft 365 mailbox or organisation. An "
        "administrator has to enable authenticated SMTP for it.",
    ),
    "web_login_required": QT_TRANSLATE_NOOP(
        "Hint",
        "The provider wants you to sign in on its website first (a security check). Sign in "
        "there, confirm any prompt, then check again.",
    ),
    # -- service and policy ---------------------------------------------------------------------
    "service_disabled": QT_TRANSLATE_NOOP(
        "Hint",
        "IMAP or SMTP access is not enabled for this mailbox. Turn it on in the mailbox's web "
        "settings, then check again.",
    ),
    "netease_smtp_disabled": QT_TRANSLATE_NOOP(
        "Hint",
        "The login works, but NetEase does not allow sending: the SMTP service is not enabled. "
        "Turn on IMAP/SMTP in the web settings (Settings > POP3/SMTP/IMAP), then check again.",
    ),
    "smtp_sender_rejected": QT_TRANSLATE_NOOP(
        "Hint",
        "The login works, but the server will not send as this address. Check that the user "
        "name and the address belong to the same mailbox.",
    ),
    "smtp_sending_blocked": QT_TRANSLATE_NOOP(
        "Hint",
        "The login works, but the server refuses to send from this account (it may be limited "
        "for spam or sending volume). Sign in on the web to read the provider's notice.",
    ),
    "contact_admin": QT_TRANSLATE_NOOP(
        "Hint",
        "The server asks you to contact the mail administrator or the provider's support: the "
        "account may be restricted.",
    ),
    "netease_ip_denied": QT_TRANSLATE_NOOP(
        "Hint",
        "The company's mail administrator allows logins only from certain IP addresses or "
        "regions. Ask the administrator to allow this network in the admin console under "
        "安全与审计 > 安全登录 > 登录限制 (Security and audit > Secure login > Login limits).",
    ),
    "ip_denied": QT_TRANSLATE_NOOP(
        "Hint",
        "The server does not accept logins from this network. Ask the mail administrator to "
        "allow it, or try from another network.",
    ),
    "netease_domain_not_exist": QT_TRANSLATE_NOOP(
        "Hint",
        "The NetEase enterprise server group in use is unstable or cannot be reached from here "
        "(ERR.LOGIN.DOMAINNOTEXIST). Switch to the other server group: from "
        "hwhzimap.qiye.163.com / hwhzsmtp.qiye.163.com to imap.qiye.163.com / "
        "smtp.qiye.163.com, or the other way round.",
    ),
    "netease_unsafe_login": QT_TRANSLATE_NOOP(
        "Hint",
        'NetEase accepted the code but refused to open the mailbox ("Unsafe Login") although '
        "this app identified itself. Sign in on the web, read any security notice, check that "
        "IMAP is enabled, then check again.",
    ),
    "unsafe_login_no_id": QT_TRANSLATE_NOOP(
        "Hint",
        "The server refused to open the mailbox because the client did not identify itself "
        "(IMAP ID). Set the provider to NetEase (or Coremail) for this account so the app sends "
        "it, then check again.",
    ),
    "mailbox_refused": QT_TRANSLATE_NOOP(
        "Hint",
        "The login works, but the server refused to open the inbox. Sign in on the web to see "
        "whether the mailbox is restricted.",
    ),
    # -- temporary ------------------------------------------------------------------------------
    "temporary": QT_TRANSLATE_NOOP(
        "Hint",
        "The server reported a temporary problem. The check will be repeated later; nothing "
        "needs to change now.",
    ),
    "rate_limited": QT_TRANSLATE_NOOP(
        "Hint",
        "The server is limiting logins for this account or network. Wait some minutes before "
        "checking again: repeated attempts can lock the account.",
    ),
    "server_busy": QT_TRANSLATE_NOOP(
        "Hint",
        "The server turned the connection away (it may be busy). Try again later.",
    ),
    # -- network --------------------------------------------------------------------------------
    "server_not_found": QT_TRANSLATE_NOOP(
        "Hint",
        "The server name could not be found. Check its spelling and the network's DNS.",
    ),
    "connection_refused": QT_TRANSLATE_NOOP(
        "Hint",
        "The server refused the connection on this port. Check the port and security: SSL "
        "usually uses 993 (IMAP) and 465 (SMTP), STARTTLS 143 and 587.",
    ),
    "connection_failed": QT_TRANSLATE_NOOP(
        "Hint",
        "The server could not be reached. Check the network connection, firewall and proxy.",
    ),
    "connection_closed": QT_TRANSLATE_NOOP(
        "Hint",
        "The server closed the connection in the middle of the check. This is often "
        "temporary; if it keeps happening, the provider may be blocking this network.",
    ),
    "server_refused_connection": QT_TRANSLATE_NOOP(
        "Hint",
        "The server refused to talk to this client at all. The provider may be blocking this "
        "network; try again later or from another network.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "Hint",
        "The server did not answer within the time limit. Check the network, then try again.",
    ),
    "timeout_international": QT_TRANSLATE_NOOP(
        "Hint",
        "The server did not answer in time. International providers are often unreachable "
        "from mainland China without a proxy or VPN: check that one is active for this app.",
    ),
    # -- security -------------------------------------------------------------------------------
    "tls_untrusted": QT_TRANSLATE_NOOP(
        "Hint",
        "The server's certificate is not trusted. For a company's own server, choose its CA "
        "certificate file in the account settings; otherwise do not go on: the connection may "
        "be intercepted.",
    ),
    "tls_expired": QT_TRANSLATE_NOOP(
        "Hint",
        "The server's certificate has expired. Check the computer's date and time; if they are "
        "right, the provider has to renew its certificate.",
    ),
    "tls_hostname": QT_TRANSLATE_NOOP(
        "Hint",
        "The server's certificate is for a different name. Use the server name the provider "
        "documents, exactly as written.",
    ),
    "tls_handshake": QT_TRANSLATE_NOOP(
        "Hint",
        "The secure connection could not be set up. Check the port and security: 993 and 465 "
        "use SSL, 143 and 587 use STARTTLS.",
    ),
    "tls_cafile": QT_TRANSLATE_NOOP(
        "Hint",
        "The CA certificate file chosen for this account could not be read. Choose a valid PEM "
        "file.",
    ),
    "starttls_missing": QT_TRANSLATE_NOOP(
        "Hint",
        "The server did not offer encryption (STARTTLS) on this port, so the code was not sent. "
        "Use the SSL port instead (993 for IMAP, 465 for SMTP).",
    ),
    "starttls_failed": QT_TRANSLATE_NOOP(
        "Hint",
        "Switching the connection to encryption (STARTTLS) failed, so the code was not sent. "
        "Use the SSL port instead (993 for IMAP, 465 for SMTP).",
    ),
    "server_not_confirmed": QT_TRANSLATE_NOOP(
        "Hint",
        "The code was not sent: this server is not one of the provider's, not part of the "
        "address's own domain, and you have not confirmed it. Confirm it only if your mail "
        "administrator told you to use it.",
    ),
    "plain_not_allowed": QT_TRANSLATE_NOOP(
        "Hint",
        "The code was not sent: this server would receive it without encryption, and the "
        "setting did not come from you. Use SSL or STARTTLS, or allow plain text for it.",
    ),
    "ca_not_confirmed": QT_TRANSLATE_NOOP(
        "Hint",
        "The code was not sent: the extra CA certificates for this mailbox were not chosen or "
        "confirmed by you. Choose the CA file again or confirm its SHA-256 fingerprint.",
    ),
    "tls_required": QT_TRANSLATE_NOOP(
        "Hint",
        "The server requires encryption. Change the security setting to SSL or STARTTLS.",
    ),
    # -- protocol -------------------------------------------------------------------------------
    "protocol_error": QT_TRANSLATE_NOOP(
        "Hint",
        "The server's answer was not understood. Check that the port belongs to this protocol "
        "(IMAP or SMTP) and that the security setting matches it.",
    ),
    "reply_too_long": QT_TRANSLATE_NOOP(
        "Hint",
        "The server sent an oversized answer, so the check was stopped. Check the server name "
        "and port.",
    ),
    "auth_mechanism_unsupported": QT_TRANSLATE_NOOP(
        "Hint",
        "The server offers no login method this app can use (PLAIN or LOGIN over an encrypted "
        "connection).",
    ),
}


def hint_text(hint_id: str) -> str:
    """The English source text of ``hint_id`` ("" for none or an id this version does not know)."""
    return HINTS.get(hint_id, "")
