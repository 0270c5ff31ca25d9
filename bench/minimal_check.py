"""The baseline for bench_check: the same protocol steps with only the standard library.

IMAP (imaplib): greeting, CAPABILITY, LOGIN, ID, EXAMINE INBOX (select readonly), LOGOUT.
SMTP (smtplib): greeting, EHLO, AUTH PLAIN (one mechanism), MAIL FROM, RSET, QUIT.
Both protocols in parallel, nothing else: no deadline, no limits, no diagnosis. What a careful
script would do, and the yardstick the checker must stay close to.
"""

from __future__ import annotations

import imaplib
import smtplib
import ssl
import threading


def imap_steps(
    host: str, port: int, user: str, secret: str, context: ssl.SSLContext | None
) -> bool:
    if context is not None:
        client: imaplib.IMAP4 = imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=20)
    else:
        client = imaplib.IMAP4(host, port, timeout=20)
    try:
        client.login(user, secret)
        imaplib.Commands.setdefault("ID", ("NONAUTH", "AUTH", "SELECTED"))
        client._simple_command("ID", '("name" "minimal" "version" "1")')
        status, _ = client.select("INBOX", readonly=True)
        return status == "OK"
    finally:
        client.logout()


def smtp_steps(
    host: str, port: int, user: str, secret: str, address: str, context: ssl.SSLContext | None
) -> bool:
    if context is not None:
        client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, context=context, timeout=20)
    else:
        client = smtplib.SMTP(host, port, timeout=20)
    try:
        client.ehlo()
        client.user, client.password = user, secret
        code, _ = client.auth("PLAIN", client.auth_plain, initial_response_ok=True)
        mail_code, _ = client.mail(address)
        client.rset()
        return code == 235 and mail_code == 250
    finally:
        client.quit()


def minimal_check(
    imap: tuple[str, int],
    smtp: tuple[str, int],
    address: str,
    secret: str,
    context: ssl.SSLContext | None = None,
) -> bool:
    """Both protocols at once; True when both logged in."""
    box: list[bool] = []
    worker = threading.Thread(
        target=lambda: box.append(imap_steps(imap[0], imap[1], address, secret, context))
    )
    worker.start()
    smtp_ok = smtp_steps(smtp[0], smtp[1], address, secret, address, context)
    worker.join()
    return smtp_ok and box == [True]
