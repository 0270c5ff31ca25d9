"""What the registry needs before it stores a code: a proof, or an explicit "unproven".

A code and the check that proved it used to travel separately (a ``secret`` argument beside a
``check`` argument), so nothing stopped a caller from saving one code with another code's check,
or a check made against other servers. ``Proof`` ties them together: the check runner makes it
(``checking.runner.prove``) from the code it logged in with and the servers it logged in to, and
no other module can, because its constructor asks for a token only the runner holds. The
registry then verifies that the proof is for the account being saved.

Some codes are kept without a passing check, each for a reason the user gave: ``--no-check``,
"save anyway" after a failed test, a code entered for a mailbox that will be checked later.
``Unproven`` says so explicitly, with the reason (and the failed check, if there was one, so it
still reaches the history).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mailmanager.core.checking.result import AccountCheck
from mailmanager.core.model.accounts import Account, Endpoint

_RUNNER_TOKEN = object()


def _servers(account: Account) -> tuple[str, tuple[Endpoint, Endpoint], str | None]:
    """What a proof is for: the address, both servers (host, port, security, user) and CA."""
    return (account.address.lower(), (account.imap, account.smtp), account.ca_pem)


class Proof:
    """A code with the check that proved it against ``account``'s servers (runner-made only).

    ``ok`` tells whether the check passed; a failed proof is still a proof of what happened
    (the registry refuses to store its code unless the caller wraps it in ``Unproven``).
    """

    __slots__ = ("_for", "check", "secret")

    def __init__(self, token: object, secret: str, check: AccountCheck, account: Account) -> None:
        if token is not _RUNNER_TOKEN:
            raise TypeError("a Proof is made only by checking.runner.prove")
        self.secret = secret
        self.check = check
        self._for = _servers(account)

    def __repr__(self) -> str:  # never the code
        return f"Proof(ok={self.ok}, for={self._for[0]})"

    @property
    def ok(self) -> bool:
        return self.check.ok and not self.check.cancelled

    def proves(self, account: Account) -> bool:
        """Whether this proof was made against ``account``'s address, servers and CA."""
        return _servers(account) == self._for


@dataclass(frozen=True)
class Unproven:
    """A code stored without a passing check, and why (``--no-check``, "save anyway" ...).

    ``check`` is the failed check when there was one: it goes to the history all the same.
    """

    secret: str = field(repr=False)
    reason: str
    check: AccountCheck | None = None

    @classmethod
    def after_failed(cls, proof: Proof, reason: str) -> Unproven:
        """The user chose to keep a code whose check failed (the wizard's "save anyway")."""
        return cls(proof.secret, reason, proof.check)


Credential = Proof | Unproven


def make_proof(secret: str, check: AccountCheck, account: Account) -> Proof:
    """For ``checking.runner`` only (it holds the module's token through this function)."""
    return Proof(_RUNNER_TOKEN, secret, check, account)
