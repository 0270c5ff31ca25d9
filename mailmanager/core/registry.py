"""The one place that adds, edits, rotates and removes an account together with its code.

An account lives in two places: its settings in the SQLite store, its code in the keyring. Any
flow that changed only one of them would leave a mailbox without a code, or a code nobody can
see or remove. So the wizard, the rotate flow, the main window and the CLI all go through
``Registry``; none of them writes the keyring or the account rows on its own.

The rules it keeps:

* **One method per intent.** ``add``, ``change`` (settings, and the code with them when one is
  given), ``move_to_group`` and ``set_paused`` (many mailboxes at once), ``rotate``,
  ``restore_code``, ``confirm_hosts``, ``confirm_web_login``, ``record_check``, ``remove``
  (``remove_many``), ``import_accounts``, and the code inventory's intents
  (``core.registry_codes``: ``add_code``, ``revoke_code``, ``invalidate_codes``, ...); each is
  one transaction, and no caller picks between lower-level steps (an imported mailbox's first
  code through ``rotate`` is a 'created' event, decided here).
* **A code comes with its proof.** Every intent that stores a code takes a ``Credential``: a
  ``Proof`` (made only by ``checking.runner.prove``: the code and the check that proved it
  against these very servers) or an explicit ``Unproven(secret, reason)`` (``--no-check``,
  "save anyway", which keeps the failed check for the history). A failed proof, or one made
  against other servers, stops the save (``CheckFailedError`` / ``ValueError``).
* **The old code stays until the new one is proven.** ``rotate`` is called only after the check
  of the new code; until then the keyring keeps the old one.
* **Both places or neither.** ``add`` runs under a per-home lock held across processes
  (``core.save_lock``): the row goes in *pending* first (the address is unique, so of two saves
  of one address only one reaches the keyring), then the code is written and read back, then
  the row is marked complete. A failure removes both; a crash leaves a pending row, and the
  keyring entry it names is removed at the next start or add (``recover_pending``). Changes to
  an existing account write the keyring first (no SQLite write lock is held while a keyring
  prompt waits) and put it back as it was if the store write that follows fails.

Errors pass through as the caller can best explain them: ``StoreError`` subclasses,
``SecretsError`` subclasses, ``AddressError`` for a malformed address, ``CheckFailedError``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from mailmanager.core import redact, save_lock
from mailmanager.core.checking.proof import Credential, Proof
from mailmanager.core.checking.result import AccountCheck, ProbeResult
from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.model import address as address_rules
from mailmanager.core.model.accounts import (
    Account,
    CheckRecord,
    CredentialEvent,
    CredentialEventKind,
    utcnow,
)
from mailmanager.core.model.codes import OWN_DEFAULT_LABEL, CodeRecord, CodeState, dated_label
from mailmanager.core.registry_codes import CodeIntents
from mailmanager.core.rules.policy import local_today
from mailmanager.core.secrets import (
    MSG_NOT_KEPT,
    SecretsError,
    SecretsTimeout,
    SecretStore,
    SecretsUnavailable,
)
from mailmanager.core.store.account_store import (
    AccountStore,
    DuplicateAccountError,
    StoreError,
    UnknownAccountError,
)

log = logging.getLogger("mailmanager.registry")

MSG_CHECK_FAILED = QT_TRANSLATE_NOOP(
    "Registry",
    "The login check with this code did not succeed, so nothing was saved.",
)


class CheckFailedError(Exception):
    """The check of a candidate code failed and the caller did not ask to save anyway.

    Attributes:
        message: translatable source text (context ``Registry``).
        check: the failed check, so the caller can show what went wrong.
    """

    def __init__(self, check: AccountCheck) -> None:
        self.message = MSG_CHECK_FAILED
        self.check = check
        statuses = ", ".join(f"{r.protocol.value}: {r.status.value}" for r in check.results())
        super().__init__(f"{MSG_CHECK_FAILED} ({statuses})" if statuses else MSG_CHECK_FAILED)


class Registry(CodeIntents):
    """Keeps the store and the keyring consistent for every change to an account.

    Args:
        store: an open ``AccountStore`` (one connection; use the registry from one thread).
        secrets: where codes live (None for a registry that only records checks and
            consent: the app's checker, which reads codes elsewhere).
        clock: the current time (injected in tests); dates use the local calendar day.
    """

    def __init__(
        self,
        store: AccountStore,
        secrets: SecretStore | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
        lock_file: Path | None = None,
    ) -> None:
        self.store = store
        self._secrets = secrets
        self._clock = clock
        self._lock_file = lock_file

    @property
    def lock_file(self) -> Path:
        """The per-home save lock (``core.save_lock``), beside the keyring's namespace."""
        if self._lock_file is None:
            self._lock_file = self.secrets.app_paths.runtime_dir / save_lock.LOCK_NAME
        return self._lock_file

    @property
    def secrets(self) -> SecretStore:
        """The keyring; a registry made without one (to record checks) has none to give."""
        if self._secrets is None:
            raise RuntimeError("this registry was made without a keyring")
        return self._secrets

    # -- look-ups --------------------------------------------------------------------------

    def resolve(self, address_or_id: str | int) -> Account:
        """The account with this id or address; ``UnknownAccountError`` when there is none."""
        if isinstance(address_or_id, int):
            return self.store.get_account(address_or_id)
        try:
            canonical = address_rules.normalise_address(address_or_id)
        except address_rules.AddressError:
            # Not an address: looked up as typed (no such row exists), made printable first.
            canonical = address_or_id.strip().encode("utf-8", "backslashreplace").decode("utf-8")
        account = self.store.find_by_address(canonical)
        if account is None:
            raise UnknownAccountError(canonical)
        return account

    # -- adding ----------------------------------------------------------------------------

    def add(self, account: Account, credential: Credential) -> Account:
        """Save a new account with its code, all or nothing; returns it with its id.

        Under the per-home save lock (held across processes): crash leftovers are cleaned up
        first; the row is inserted *pending* (the address is unique, so a second save of it
        stops here); the code is written to the keyring and read back; then, in one
        transaction, the row is marked complete with its 'created' event and check results.
        Any failure removes the code and the row again. If the keyring cannot confirm the
        removal (it hangs, it died), the pending row stays as the note that an entry may be
        there, and the next save or start removes it.
        """
        secret, check = self._accept(account, credential)
        canonical = address_rules.normalise_address(account.address)
        account = account.replace(address=canonical, needs_code=False, id=None)
        with save_lock.held(self.lock_file):
            self._recover_pending_locked()
            if self.store.find_by_address(canonical) is not None:
                raise DuplicateAccountError(canonical)
            pending = self.store.add_account(account, pending=True)
            assert pending.id is not None
            try:
                self.secrets.set(canonical, secret)
                if self.secrets.get(canonical) != secret:
                    raise SecretsUnavailable(MSG_NOT_KEPT, "read back differs")
                now = self._clock()
                with self.store.transaction():
                    self.store.mark_complete(pending.id)
                    self._event(
                        pending.id, CredentialEventKind.CREATED, now, account.credential_label
                    )
                    if check is not None:
                        self._record(self._check_records(pending.id, check))
            except BaseException as exc:
                self._undo_pending(pending, exc)
                raise
        saved = self.store.get_account(pending.id)
        log.info("account %s added (id %s)", saved.address, saved.id)
        return saved

    def recover_pending(self, *, wait: float = save_lock.DEFAULT_WAIT) -> int:
        """Remove what saves interrupted by a crash left behind (their keyring entries, then
        their pending rows); returns how many were cleaned up. Run at start and before any
        add; a keyring that cannot be reached leaves them for the next time."""
        with save_lock.held(self.lock_file, wait=wait):
            return self._recover_pending_locked()

    def _recover_pending_locked(self) -> int:
        cleaned = 0
        for leftover in self.store.pending_accounts():
            assert leftover.id is not None
            self.secrets.delete(leftover.address)  # raises: the row stays for next time
            self.store.remove_account(leftover.id)
            log.warning("removed an unfinished save of %s (id %s)", leftover.address, leftover.id)
            cleaned += 1
        return cleaned

    def _undo_pending(self, pending: Account, error: BaseException) -> None:
        assert pending.id is not None
        if isinstance(error, SecretsTimeout):
            # The keyring thread is stuck on the late call (which undoes itself if it ever
            # lands while we run); asking again would only wait another time limit. The
            # pending row stays: the next start or add removes the entry if it landed.
            log.warning(
                "the unfinished save of %s stays pending (keyring timeout)", pending.address
            )
            return
        try:
            self.secrets.delete(pending.address)
        except SecretsError as exc:
            log.error("the unfinished save of %s stays pending: %s", pending.address, exc)
            return
        try:
            self.store.remove_account(pending.id)
        except StoreError as exc:
            log.error("the pending row of %s could not be removed: %s", pending.address, exc)

    def restore_code(self, account: Account, credential: Credential) -> Account:
        """An imported mailbox (no code yet) gets its code, with the settings in ``account``
        (the restore step may replace the imported servers) in the same transaction.

        Records a 'created' event. For a mailbox that already has a code, use ``rotate``.
        """
        if account.id is None:
            raise ValueError("restore_code needs a saved account")
        secret, check = self._accept(account, credential)
        stored = self.store.get_account(account.id)
        return self._replace_code(stored, account, secret, CredentialEventKind.CREATED, check=check)

    def import_accounts(
        self, accounts: Iterable[Account], codes: Mapping[str, list[CodeRecord]] | None = None
    ) -> tuple[list[Account], list[Account]]:
        """Restore accounts from an export: ``(imported, skipped)``.

        Imported accounts have no code yet (``needs_code``); nothing touches the keyring. An
        address already in the store is skipped and left exactly as it is. All rows are
        written in one transaction, so a failure imports nothing. ``codes``: each address's
        code inventory (lower-case address; see ``registry_codes._import_codes``).
        """
        imported: list[Account] = []
        skipped: list[Account] = []
        seen: set[str] = set()
        with self.store.transaction():
            for account in accounts:
                canonical = address_rules.normalise_address(account.address)
                key = canonical.lower()  # the store compares addresses without case
                if key in seen or self.store.find_by_address(canonical) is not None:
                    skipped.append(account)
                    continue
                seen.add(key)
                restored = account.replace(address=canonical, needs_code=True, id=None)
                saved = self.store.add_account(restored)
                self._import_codes(saved, (codes or {}).get(key, []))
                imported.append(saved)
        log.info("imported %d accounts, skipped %d", len(imported), len(skipped))
        return imported, skipped

    # -- editing ---------------------------------------------------------------------------

    def change(
        self,
        account: Account,
        credential: Credential | None = None,
        *,
        check: AccountCheck | None = None,
        keep_failed_check: bool = False,
    ) -> Account:
        """Save changed settings (servers, names, dates, pause...), and with a ``credential``
        the new code too, in one transaction (the wizard's Fix). ``check``: a check of the
        stored code against the new settings, kept in the history with them.

        A failed ``check`` stops the change unless ``keep_failed_check`` (the user saved anyway:
        the stored code is untouched, the failure goes to the history).
        A changed address moves the keyring entry with it: written under the new address
        first, the store updated, then the old entry removed.
        """
        if account.id is None:
            raise ValueError("change needs a saved account")
        if credential is not None:
            secret, proven = self._accept(account, credential)
            stored = self.store.get_account(account.id)
            kind = CredentialEventKind.CREATED if stored.needs_code else CredentialEventKind.ROTATED
            return self._replace_code(stored, account, secret, kind, check=proven)
        if check is None:
            return self._settings(account)
        if (check.cancelled or not check.ok) and not keep_failed_check:
            raise CheckFailedError(check)
        current = self.store.get_account(account.id)
        if address_rules.normalise_address(account.address) != current.address:
            # A new address moves the keyring entry: never while the store's write lock is held.
            raise ValueError("a check is recorded with settings of the same address only")
        with self.store.transaction():
            saved = self._settings(account)
            self._record(self._check_records(account.id, check))
        return saved

    def move_to_group(self, account_ids: Iterable[int], group: str) -> list[Account]:
        """Put the mailboxes in ``group`` ('' for none), all in one transaction (a bulk action
        on a selection, ``mailmanager-cli set-group``). The name is cleaned as every editor
        cleans it; too long a name is refused before anything is written (``ValueError``)."""
        from mailmanager.core.model import limits

        cleaned = limits.clean_group(group)
        problem = limits.text_problem("group", cleaned, limits.MAX_GROUP)
        if problem is not None:
            raise ValueError(problem)
        return self._change_each(account_ids, lambda a: a.replace(group=cleaned))

    def set_paused(self, account_ids: Iterable[int], paused: bool) -> list[Account]:
        """Pause or resume the mailboxes' checks, all in one transaction."""
        return self._change_each(account_ids, lambda a: a.replace(paused=paused))

    def _change_each(
        self, account_ids: Iterable[int], edit: Callable[[Account], Account]
    ) -> list[Account]:
        """One settings field on many mailboxes: never the address or the code, so no keyring
        call; one transaction, so a failure leaves every mailbox as it was."""
        saved = []
        with self.store.transaction():
            for account_id in account_ids:
                current = self.store.get_account(account_id)
                changed = edit(current)
                if changed != current:
                    saved.append(self.store.update_account(changed))
                else:
                    saved.append(current)
        return saved

    def _settings(self, account: Account) -> Account:
        """Settings only; the code is untouched (see ``change``)."""
        assert account.id is not None
        current = self.store.get_account(account.id)
        canonical = address_rules.normalise_address(account.address)
        account = account.replace(address=canonical, needs_code=current.needs_code)
        if canonical == current.address or current.needs_code:
            return self.store.update_account(account)
        other = self.store.find_by_address(canonical)
        if other is not None and other.id != account.id:
            raise DuplicateAccountError(canonical)
        secret = self.secrets.get(current.address)
        if secret is None:
            # The keyring lost the code (or another tool removed it): keep the settings change
            # and say so through needs_code rather than inventing a code.
            log.warning("no code in the keyring for %s; marking it as needing one", canonical)
            return self.store.update_account(account.replace(needs_code=True))
        with save_lock.held(self.lock_file):
            with self._keyring_change(canonical, secret):
                saved = self.store.update_account(account)
            self._forget_quietly(current.address)
        return saved

    def confirm_hosts(self, account: Account) -> Account:
        """Keep the user's confirmation of servers or CA certificates (``trust.confirm``).

        Only the consent is taken from ``account``: its servers must be the stored ones, so a
        confirmation can never carry another change in with it.
        """
        if account.id is None:
            raise ValueError("confirm_hosts needs a saved account")
        with self.store.transaction():
            current = self.store.get_account(account.id)
            if (account.imap, account.smtp) != (current.imap, current.smtp):
                raise ValueError("the servers changed since the confirmation was asked")
            if account.ca_pem not in (None, current.ca_pem) and current.ca_pem is not None:
                raise ValueError("the CA certificates changed since the confirmation was asked")
            return self.store.update_account(
                current.replace(
                    imap=current.imap.with_origin(account.imap.origin),
                    smtp=current.smtp.with_origin(account.smtp.origin),
                    ca_pem=account.ca_pem,
                    ca_confirmed_at=account.ca_confirmed_at,
                )
            )

    def confirm_web_login(self, account_id: int, day: date) -> Account:
        """The user logged in on the web on ``day`` (the inactivity rule counts from it)."""
        with self.store.transaction():
            current = self.store.get_account(account_id)
            saved = self.store.update_account(current.replace(last_web_login=day))
            self._event(account_id, CredentialEventKind.WEB_LOGIN, self._clock(), "")
        return saved

    def rotate(self, account: Account, credential: Credential) -> Account:
        """Replace the code once the new one is proven; records 'rotated' (or 'created' for an
        imported mailbox's first code). Label, code dates and reminder come from ``account``;
        a missing ``code_created`` is today. Until then the keyring keeps the old code.
        """
        if account.id is None:
            raise ValueError("rotate needs a saved account")
        secret, check = self._accept(account, credential)
        stored = self.store.get_account(account.id)
        kind = CredentialEventKind.CREATED if stored.needs_code else CredentialEventKind.ROTATED
        return self._replace_code(stored, account, secret, kind, check=check)

    def record_check(
        self, account_id: int, results: AccountCheck | Iterable[ProbeResult | CheckRecord]
    ) -> list[CheckRecord]:
        """Keep a scheduled or manual check in the history (one transaction); cancelled probes
        are not kept. ``UnknownAccountError`` when the mailbox was removed meanwhile."""
        if isinstance(results, AccountCheck):
            results = results.results()
        now = self._clock()
        records = [
            r.to_record(account_id, now) if isinstance(r, ProbeResult) else r
            for r in results
            if not (isinstance(r, ProbeResult) and r.cancelled)
        ]
        if any(r.account_id != account_id for r in records):
            raise ValueError("check records belong to another account")
        with self.store.transaction():
            return self._record(records)

    # -- removing --------------------------------------------------------------------------

    def remove(self, account_id: int) -> Account:
        """Delete the account, its history and its code; returns what was removed.

        The code is deleted first: if the keyring is locked, nothing is removed and the caller
        can ask the user to unlock it (a code left behind in the keyring is the worse outcome).
        If the store delete then fails, the code is put back.
        """
        return self.remove_many([account_id])[0]

    def remove_many(self, account_ids: Iterable[int]) -> list[Account]:
        """Remove one or several mailboxes (a bulk action): kept client codes and every
        mailbox's own code are deleted from the keyring first, then the rows go in one
        transaction. All or none for the own codes: if one cannot be deleted or the store
        fails, the codes already deleted are put back and no row is removed."""
        with save_lock.held(self.lock_file):
            accounts = [self.store.get_account(i) for i in dict.fromkeys(account_ids)]
            deleted: dict[str, str] = {}
            # Kept client codes first: a value left behind in the keyring is the worse outcome.
            for account in accounts:
                assert account.id is not None
                self._forget_client_codes(account.id)
            try:
                for account in accounts:
                    previous = self._take_code(account)
                    if previous is not None:
                        deleted[account.address] = previous
                with self.store.transaction():
                    for account in accounts:
                        assert account.id is not None
                        self.store.remove_account(account.id)
            except BaseException:
                for address, previous in deleted.items():
                    self._restore(address, previous)
                raise
        for account in accounts:
            log.info(
                "account %s removed (id %s); its code was deleted", account.address, account.id
            )
        return accounts

    def _take_code(self, account: Account) -> str | None:
        """Delete ``account``'s own code from the keyring and return it (to put back if the
        removal fails). An imported mailbox never had a code stored here, so an unreachable
        keyring does not stop its removal."""
        try:
            previous = self.secrets.get(account.address)
            self.secrets.delete(account.address)
        except SecretsError:
            if not account.needs_code:
                raise
            log.warning("keyring unavailable while removing %s (no code stored)", account.address)
            return None
        return previous

    # -- internals -------------------------------------------------------------------------

    @staticmethod
    def _accept(account: Account, credential: Credential) -> tuple[str, AccountCheck | None]:
        """The code to store and the check to record, once ``credential`` holds for ``account``."""
        if isinstance(credential, Proof):
            if not credential.proves(account):
                raise ValueError("the code was checked against other servers than these")
            if not credential.ok:
                raise CheckFailedError(credential.check)
        elif not credential.reason:
            raise ValueError("an unproven code needs its reason")
        redact.register(credential.secret)
        return credential.secret, credential.check

    def _check_records(self, account_id: int, check: AccountCheck) -> list[CheckRecord]:
        """The history rows of a check made before saving (cancelled probes are not kept)."""
        now = self._clock()
        return [r.to_record(account_id, now) for r in check.results() if not r.cancelled]

    def _today(self) -> date:
        return local_today(self._clock())

    def _replace_code(
        self,
        stored: Account,
        account: Account,
        secret: str,
        kind: CredentialEventKind,
        *,
        check: AccountCheck | None,
    ) -> Account:
        """The new code and ``account``'s settings together: keyring first (put back as it
        was if the store write fails), then the row, the event and the check in one
        transaction. The address stays the stored one (a code belongs to its mailbox)."""
        assert stored.id is not None
        changed = account.replace(
            id=stored.id,
            address=stored.address,
            needs_code=False,
            code_created=account.code_created or self._today(),
        )
        # The code it replaces stays in the inventory (it works until the user revokes it),
        # unless it is the record of an imported mailbox's unknown code, which this one is.
        previous = self.store.own_code(stored.id)
        replaces = previous is not None and previous.state is not CodeState.UNKNOWN
        if replaces and previous is not None:
            changed = self._new_code_label(changed, previous.label)
            if previous.state is CodeState.INVALIDATED:
                changed = changed.replace(paused=False)  # paused by invalidate_codes
        # Under the save lock, like add: a code change never interleaves with another save.
        with save_lock.held(self.lock_file), self._keyring_change(stored.address, secret):
            now = self._clock()
            with self.store.transaction():
                if replaces:
                    self.store.demote_own_code(stored.id)
                saved = self.store.update_account(changed)
                self._event(stored.id, kind, now, saved.credential_label)
                if check is not None:
                    self._record(self._check_records(stored.id, check))
        log.info("code of %s %s", stored.address, kind.value)
        return saved

    def _new_code_label(self, account: Account, old_label: str) -> Account:
        """A replacing code needs a label of its own (the revoke reminder names the old code
        by its label): when it has none or the old one's, a dated one ("mailmanager 2026-12",
        "Thunderbird 2026-12"), made unique among the mailbox's codes."""
        assert account.id is not None
        label = " ".join(account.credential_label.split())
        taken = {code.label for code in self.store.codes(account.id) if not code.own}
        taken.add(old_label)
        if label and label.casefold() not in {t.casefold() for t in taken}:
            return account
        base = label or OWN_DEFAULT_LABEL
        return account.replace(credential_label=dated_label(self._today(), taken, base))

    @contextmanager
    def _keyring_change(self, address: str, secret: str) -> Iterator[None]:
        """Write ``secret`` for ``address``, run the block, and undo the write if it fails."""
        previous = self.secrets.get(address)
        self.secrets.set(address, secret)
        try:
            yield
        except BaseException:
            if previous is None:
                self._forget_quietly(address)
            else:
                self._restore(address, previous)
            raise

    def _restore(self, address: str, previous: str) -> None:
        try:
            self.secrets.set(address, previous)
        except SecretsError as exc:
            log.error("could not put back the previous code of %s: %s", address, exc)

    def _forget_quietly(self, address: str) -> None:
        try:
            self.secrets.delete(address)
        except SecretsError as exc:
            log.error("could not remove the code of %s from the keyring: %s", address, exc)

    def _event(self, account_id: int, kind: CredentialEventKind, at: datetime, note: str) -> None:
        self.store.add_credential_event(CredentialEvent(account_id, at, kind, note))

    def _record(self, records: list[CheckRecord]) -> list[CheckRecord]:
        return [self.store.record_check(r) for r in records]
