"""The registry's intents for the code inventory (issue 19): add, edit, prove, revoke,
invalidate, make own, audit.

A mixin of ``core.registry.Registry`` rather than more methods in that file: the inventory is
its own subject, and the rules are the registry's all the same (one method per intent; a value
comes with its proof or an explicit ``Unproven``; store and keyring both or neither; every
keyring write under the per-home save lock).

How a kept value stays consistent with its record, without a pending column: the record goes
in first with ``kept`` set, then the value is written and read back; a failure removes the
record again. A crash in between leaves at worst a record that says ``kept`` with no value
behind it (read as "not kept"), never a value nobody can see or remove. Forgetting goes the
other way: the value first, then the record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mailmanager.core import save_lock
from mailmanager.core.checking.proof import Credential, Proof
from mailmanager.core.model.accounts import Account
from mailmanager.core.model.codes import (
    CodeAudit,
    CodeRecord,
    CodeState,
    check_dates,
    clean_label,
    clean_note,
)
from mailmanager.core.rules.policy import LIVE_CODE_STATES, local_today
from mailmanager.core.secrets import (
    MSG_NOT_KEPT,
    SecretsError,
    SecretStore,
    SecretsUnavailable,
    code_entry,
)
from mailmanager.core.store.errors import DuplicateLabelError, UnknownCodeError

if TYPE_CHECKING:
    from mailmanager.core.checking.result import AccountCheck
    from mailmanager.core.store.account_store import AccountStore

log = logging.getLogger("mailmanager.registry")


class CodeIntents:
    """The inventory's intents; see the module docstring. Mixed into ``Registry``."""

    store: AccountStore
    _clock: Callable[[], datetime]

    # Provided by Registry.
    @property
    def secrets(self) -> SecretStore:
        raise NotImplementedError

    @property
    def lock_file(self) -> Path:
        raise NotImplementedError

    def _today(self) -> date:
        return local_today(self._clock())

    @staticmethod
    def _accept(account: Account, credential: Credential) -> tuple[str, AccountCheck | None]:
        raise NotImplementedError

    # -- look-ups ------------------------------------------------------------------------------

    def code_by_label(self, account_id: int, label: str) -> CodeRecord:
        found = self.store.find_code(account_id, label)
        if found is None:
            raise UnknownCodeError(" ".join(label.split()))
        return found

    def code_secret(self, code: CodeRecord) -> str | None:
        """The kept value of ``code`` (None when not kept), for copying into a client or
        proving it on request; never logged, never written anywhere but the keyring."""
        if code.own:
            return self.secrets.get(self.store.get_account(code.account_id).address)
        if not code.kept or code.id is None:
            return None
        return self.secrets.get(code_entry(code.account_id, code.id))

    # -- adding --------------------------------------------------------------------------------

    def add_code(
        self,
        account_id: int,
        label: str,
        credential: Credential | None = None,
        *,
        keep: bool = False,
        created: date | None = None,
        expires: date | None = None,
        note: str = "",
    ) -> CodeRecord:
        """Record a code made for another client. ``credential``: its proof (a passing check
        with the mailbox's servers) or ``Unproven``; None for a code neither kept nor checked
        (only its record). ``keep`` writes the value to the keyring too.

        ``codes.LabelError`` for an empty or overlong label, ``DuplicateLabelError`` for one the
        mailbox has, ``CheckFailedError`` for a failed proof.
        """
        account = self.store.get_account(account_id)
        cleaned = clean_label(label)
        if self.store.find_code(account_id, cleaned) is not None:
            raise DuplicateLabelError(cleaned)
        proven_at: datetime | None = None
        secret: str | None = None
        if credential is not None:
            secret, _check = self._accept(account, credential)
            if isinstance(credential, Proof):
                proven_at = self._clock()
        if keep and secret is None:
            raise ValueError("a kept code needs its value")
        record = CodeRecord(
            account_id,
            cleaned,
            created=created or self._today(),
            expires=expires,
            last_proven=proven_at,
            kept=keep,
            note=note,
        )
        if not keep:
            saved = self.store.add_code(record)
            log.info("code %s recorded for %s", saved.id, account.address)
            return saved
        assert secret is not None
        with save_lock.held(self.lock_file):
            saved = self.store.add_code(record)
            assert saved.id is not None
            entry = code_entry(account_id, saved.id)
            try:
                self.secrets.set(entry, secret)
                if self.secrets.get(entry) != secret:
                    raise SecretsUnavailable(MSG_NOT_KEPT, "read back differs")
            except BaseException:
                self._forget_value_quietly(entry)
                self.store.remove_code(saved.id)
                raise
        log.info("code %s recorded and kept for %s", saved.id, account.address)
        return saved

    # -- editing -------------------------------------------------------------------------------

    def edit_code(
        self, code: CodeRecord, *, label: str, note: str, expires: date | None
    ) -> CodeRecord:
        """Correct a code's record after adding it: its label (still unique per mailbox), its
        note and its expiry date (None: it does not expire). No value is touched.

        The own code's label and dates are the mailbox's (``Account.credential_label``,
        ``code_expires``), so for it the account is written and the store carries them into
        the record, in one transaction with the note.

        ``LabelError`` / ``CodeRecordError`` for a value the record cannot take,
        ``DuplicateLabelError`` for a label another code of the mailbox has.
        """
        cleaned, cleaned_note = clean_label(label), clean_note(note)
        with save_lock.held(self.lock_file):
            current = self.store.get_code(code.id or 0)
            check_dates(current.created, expires)
            other = self.store.find_code(current.account_id, cleaned)
            if other is not None and other.id != current.id:
                raise DuplicateLabelError(cleaned)
            with self.store.transaction():
                if current.own:
                    account = self.store.get_account(current.account_id)
                    self.store.update_account(
                        account.replace(credential_label=cleaned, code_expires=expires)
                    )
                    current = self.store.get_code(current.id or 0)
                saved = self.store.update_code(
                    current.replace(label=cleaned, note=cleaned_note, expires=expires)
                )
        log.info("code %s of mailbox %s edited", saved.id, saved.account_id)
        return saved

    def prove_code(self, code: CodeRecord, proof: Proof) -> CodeRecord:
        """A check of a kept code the user asked for: a passing one is its last proof. Only
        on request: each check is a login, and providers' risk control counts logins."""
        account = self.store.get_account(code.account_id)
        if not proof.proves(account):
            raise ValueError("the code was checked against other servers than these")
        if proof.ok:
            self.store.mark_proven(code.account_id, self._clock(), code.id)
        return self.store.get_code(code.id or 0)

    # -- revoking ------------------------------------------------------------------------------

    def revoke_code(self, code: CodeRecord, day: date | None = None) -> CodeRecord:
        """ "I disabled this code in the web settings": revoked on ``day`` (today), its value
        forgotten. Revoking mailmanager's own code leaves the mailbox needing a new one."""
        with save_lock.held(self.lock_file):
            current = self.store.get_code(code.id or 0)
            account = self.store.get_account(current.account_id)
            if current.own and not account.needs_code:
                self.secrets.delete(account.address)
            elif current.kept:
                self.secrets.delete(code_entry(current.account_id, current.id or 0))
            with self.store.transaction():
                if current.own and not account.needs_code:
                    self.store.update_account(account.replace(needs_code=True))
                saved = self.store.update_code(
                    current.replace(
                        state=CodeState.REVOKED, revoked=day or self._today(), kept=False
                    )
                )
        log.info("code %s of %s revoked", saved.id, account.address)
        return saved

    def invalidate_codes(self, account_id: int) -> Account:
        """ "I changed my web password" / "I switched IMAP off": every code of the mailbox stops
        working (seed 000), so every live code is marked invalidated, kept client values are
        forgotten, and checks pause until a new code is saved (the mailbox needs one: the own
        value is forgotten too, so nothing logs in with a dead code)."""
        with save_lock.held(self.lock_file):
            account = self.store.get_account(account_id)
            codes = self.store.codes(account_id)
            for code in codes:
                if code.kept and not code.own:
                    self.secrets.delete(code_entry(account_id, code.id or 0))
            if not account.needs_code:
                self.secrets.delete(account.address)
            with self.store.transaction():
                saved = self.store.update_account(account.replace(needs_code=True, paused=True))
                for code in codes:
                    changes: dict[str, object] = {"kept": False}
                    if code.state in LIVE_CODE_STATES:
                        changes["state"] = CodeState.INVALIDATED
                    self.store.update_code(code.replace(**changes))
        log.info("every code of %s marked invalidated", account.address)
        return saved

    # -- the code mailmanager checks with --------------------------------------------------------

    def make_own(self, code: CodeRecord) -> Account:
        """A kept client code becomes the one mailmanager checks with (its value moves to the
        mailbox's entry; the previous own code stays in the inventory, no longer kept, since
        its value is replaced)."""
        current = self.store.get_code(code.id or 0)
        if current.own:
            return self.store.get_account(current.account_id)
        if not current.kept or current.state not in LIVE_CODE_STATES:
            raise ValueError("only a kept code in use can become the one mailmanager checks with")
        entry = code_entry(current.account_id, current.id or 0)
        with save_lock.held(self.lock_file):
            account = self.store.get_account(current.account_id)
            secret = self.secrets.get(entry)
            if secret is None:
                raise SecretsUnavailable(MSG_NOT_KEPT, "the kept value is gone")
            previous = self.secrets.get(account.address)
            self.secrets.set(account.address, secret)
            try:
                with self.store.transaction():
                    self.store.demote_own_code(account.id or 0)
                    self.store.update_code(current.replace(own=True, kept=True))
                    saved = self.store.update_account(
                        account.replace(
                            credential_label=current.label,
                            code_created=current.created,
                            code_expires=current.expires,
                            needs_code=False,
                        )
                    )
            except BaseException:
                # The store is as it was: so is the mailbox's entry.
                if previous is not None:
                    self.secrets.set(account.address, previous)
                else:
                    self._forget_value_quietly(account.address)
                raise
            self._forget_value_quietly(entry)
        return saved

    # -- audits --------------------------------------------------------------------------------

    def record_audit(self, account_id: int, day: date | None = None) -> CodeAudit:
        """ "Done": the inventory was compared with the provider's list of clients on ``day``."""
        audit = self.store.code_audit(account_id)
        return self.store.set_code_audit(
            CodeAudit(account_id, audit.interval_days, day or self._today())
        )

    def set_audit_interval(self, account_id: int, days: int) -> CodeAudit:
        audit = self.store.code_audit(account_id)
        return self.store.set_code_audit(CodeAudit(account_id, days, audit.audited_on))

    # -- internals -----------------------------------------------------------------------------

    def _import_codes(self, account: Account, codes: list[CodeRecord]) -> None:
        """An imported mailbox's inventory (records only, never kept). Its own code's record
        takes the file's note, last proof and a dead state; a live one becomes ``unknown``
        (its value is not here, and nobody has said it still works); other codes keep theirs."""
        assert account.id is not None
        own = self.store.own_code(account.id)
        for code in codes:
            if code.own and own is not None:
                state = code.state if code.state not in LIVE_CODE_STATES else CodeState.UNKNOWN
                self.store.update_code(
                    own.replace(
                        state=state,
                        revoked=code.revoked,
                        last_proven=code.last_proven,
                        note=code.note,
                    )
                )
            elif own is None or code.label.casefold() != own.label.casefold():
                self.store.add_code(code.replace(account_id=account.id, own=False, kept=False))

    def _forget_client_codes(self, account_id: int) -> None:
        """Remove every kept client value of a mailbox (before the mailbox is removed)."""
        for code in self.store.codes(account_id):
            if code.kept and not code.own and code.id is not None:
                self.secrets.delete(code_entry(account_id, code.id))

    def _forget_value_quietly(self, entry: str) -> None:
        try:
            self.secrets.delete(entry)
        except SecretsError as exc:
            log.error("could not remove a kept code from the keyring: %s", exc)
