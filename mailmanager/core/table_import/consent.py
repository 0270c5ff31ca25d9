"""The trust rule for every row, and the consent that lifts a refusal for many rows at once.

``core.trust`` is the rule; this module only adds what a spreadsheet needs on top:

* For a catalogue provider, the row's two servers must be one of the provider's catalogue
  groups (a 163.com row pairing imap.163.com with another provider's SMTP host is refused
  even when each host is known somewhere): agencies import their clients' files, and a file
  is not the user's word.
* One confirmation covers many rows, at one domain: ticking a host confirms it for the rows of
  that row's domain that name it; ``--trust-server HOST`` does the same when the rows naming
  HOST are all at one domain, and ``HOST@DOMAIN`` says which domain when they are not. A host
  trusted for client A's mailboxes must not receive client B's codes because B's row (in the
  same file, perhaps written by someone else) names it too.

Rows whose refusals stay become "untrusted", and the batch sends nothing for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from mailmanager.core import trust
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.model.accounts import Account, EndpointSource, Protocol
from mailmanager.core.table_import.model import ImportRow, Reason, Result

REASON_GROUP = QT_TRANSLATE_NOOP(
    "Trust", "%1 is not paired with %2 in any of the provider's server groups"
)
UNTRUSTED = QT_TRANSLATE_NOOP("TableImport", "not sent: %1")


def group_refusals(account: Account, catalogue: Catalogue | None = None) -> list[trust.Refusal]:
    """A refusal when both servers are the provider's but from different groups (unless the
    user typed or confirmed the SMTP one)."""
    provider = trust.matched_provider(account, catalogue or trust.bundled_catalogue())
    if provider is None:
        return []
    hosts = trust.catalogue_hosts(provider)
    imap_host = trust.ascii_host(account.imap.host)
    smtp_host = trust.ascii_host(account.smtp.host)
    if imap_host not in hosts or smtp_host not in hosts:
        return []  # the rule itself judges hosts outside the catalogue
    pairs = {
        (trust.ascii_host(g.imap.host), trust.ascii_host(g.smtp.host))
        for g in provider.server_groups
    }
    origin = account.smtp.origin
    if (imap_host, smtp_host) in pairs or origin.source is EndpointSource.TYPED:
        return []
    if origin.confirmed_at is not None:
        return []
    return [
        trust.Refusal(
            Protocol.SMTP,
            trust.RefusalKind.HOST,
            smtp_host,
            account.smtp.port,
            REASON_GROUP,
            (smtp_host, imap_host),
            f"--trust-server {smtp_host}",
        )
    ]


def row_refusals(account: Account) -> list[trust.Refusal]:
    """Everything that stops this row's code from going to its servers (empty: it may go)."""
    return trust.refusals(account) + group_refusals(account)


def _servers_key(account: Account) -> tuple[object, ...]:
    """What the rule's answer depends on: the address's domain (not its local part), both
    servers with their origins, the provider named and the CA with its consent."""
    return (
        account.address.rpartition("@")[2].lower(),
        (account.imap.host, account.imap.port, account.imap.security, account.imap.origin),
        (account.smtp.host, account.smtp.port, account.smtp.security, account.smtp.origin),
        account.provider_id,
        account.ca_file,
        account.ca_pem,
        account.ca_confirmed_at,
    )


def judge(rows: Iterable[ImportRow]) -> None:
    """Set each candidate row's refusals (rows already decided are left alone). Rows with the
    same domain and servers get the same answer, worked out once (10,000 rows of one provider)."""
    answers: dict[tuple[object, ...], tuple[list[trust.Refusal], Reason | None]] = {}
    for row in rows:
        if row.account is None or row.result not in (None, Result.UNTRUSTED):
            continue
        key = _servers_key(row.account)
        answer = answers.get(key)
        if answer is None:
            refused = row_refusals(row.account)
            reason = None
            if refused:
                reason = Reason(UNTRUSTED, ("; ".join(r.message() for r in refused),))
            answer = answers[key] = (refused, reason)
        row.refusals = list(answer[0])
        row.result = Result.UNTRUSTED if answer[0] else None
        row.reason = answer[1]


def give_consent(
    rows: Iterable[ImportRow],
    now: datetime,
    *,
    hosts: Iterable[str] = (),
    plain: Iterable[str] = (),
    ca_sha256: Iterable[str] = (),
    domain: str | None = None,
) -> None:
    """Record the user's consent on every row it applies to (``domain``: only the addresses
    at that domain), then judge them again."""
    hosts, plain, ca_sha256 = list(hosts), list(plain), list(ca_sha256)
    chosen = []
    for row in rows:
        if row.account is None:
            continue
        if domain is not None and row.account.address.rpartition("@")[2] != domain.lower():
            continue
        confirmed = trust.confirm(row.account, now, hosts=hosts, plain=plain, ca_sha256=ca_sha256)
        if confirmed is not row.account:  # only rows the consent changed are judged again
            row.account = confirmed
            chosen.append(row)
    judge(chosen)


class ConsentScopeError(ValueError):
    """A host consent without a domain for a host that rows at several domains name."""

    def __init__(self, host: str, domains: list[str]) -> None:
        super().__init__(host)
        self.host = host
        self.domains = domains


def _row_domain(row: ImportRow) -> str:
    assert row.account is not None
    return row.account.address.rpartition("@")[2].lower()


def give_host_consent(rows: list[ImportRow], now: datetime, values: Iterable[str]) -> None:
    """Record ``--trust-server`` values: ``HOST@DOMAIN`` confirms HOST for that domain's rows;
    a bare ``HOST`` for the rows naming it, which must all be at one domain
    (``ConsentScopeError`` otherwise, and nothing is recorded)."""
    chosen: list[tuple[str, str | None]] = []
    for value in values:
        host, at, domain = value.strip().partition("@")
        if at:
            chosen.append((host, trust.ascii_host(domain) or domain.lower()))
            continue
        wanted = trust.ascii_host(host)
        domains: list[str] = sorted(
            {
                _row_domain(row)
                for row in rows
                if row.account is not None
                and wanted
                in (
                    trust.ascii_host(row.account.imap.host),
                    trust.ascii_host(row.account.smtp.host),
                )
            }
        )
        if len(domains) > 1:
            raise ConsentScopeError(host, domains)
        chosen.append((host, domains[0] if domains else None))
    for host, scope in chosen:
        give_consent(rows, now, hosts=[host], domain=scope)
