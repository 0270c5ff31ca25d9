"""One way to build an ``Account`` in the tests: ``make_account``.

Every default is a keyword argument, so a test names what it relies on. A module whose tests all
share some values binds them once with ``functools.partial`` (the store's and the registry's
Zhang Wei at NetEase, the policy rules' fixed binding time, the main window's sample accounts in
tests/helpers/sample_accounts.py) rather than keeping a builder of its own.
"""

from __future__ import annotations

from typing import Any, Protocol

from mailmanager.core.model.accounts import Account, Endpoint, Security


class Listening(Protocol):
    """A server a test started (tests/helpers/scripted_server.py): where it listens."""

    host: str
    port: int


def make_account(
    address: str = "zhang.wei@163.com",
    *,
    domain: str | None = None,
    servers: tuple[Listening, Listening] | None = None,
    username: str | None = None,
    **fields: Any,
) -> Account:
    """An unsaved account for ``address``.

    Args:
        address: as given (not normalised; the store and the registry do that).
        domain: the servers are ``imap.<domain>:993`` and ``smtp.<domain>:465`` over SSL;
            by default the address's own domain (lower case).
        servers: ``(imap, smtp)`` test servers instead: their host and port, unencrypted.
        username: the servers' login name; by default the address, or none (``""``, the probes
            then log in as the address) with ``servers``.
        fields: any other ``Account`` field (``display_name``, ``code_created``, ``id``,
            ``created_at``, ...), including ``imap`` or ``smtp`` to replace an endpoint outright.
    """
    if servers is not None:
        login = "" if username is None else username
        imap_server, smtp_server = servers
        imap = Endpoint(imap_server.host, imap_server.port, Security.PLAIN, login)
        smtp = Endpoint(smtp_server.host, smtp_server.port, Security.PLAIN, login)
    else:
        login = address if username is None else username
        host_domain = domain or address.strip().rpartition("@")[2].lower()
        imap = Endpoint(f"imap.{host_domain}", 993, Security.SSL, login)
        smtp = Endpoint(f"smtp.{host_domain}", 465, Security.SSL, login)
    return Account(address=address, imap=imap, smtp=smtp).replace(**fields)
