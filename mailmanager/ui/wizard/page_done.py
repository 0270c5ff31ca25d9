"""Page 6: save, and say what happens next.

Saving is the registry's job (store and keyring together, or neither), awaited on the loop's
executor because the keyring may block on an unlock prompt. It happens only here, after the test
passed or after the user explicitly chose "save anyway" (then the failed test is recorded with the
account). A rotation replaces the stored code only now, after the new one was proven, and
reminds the user to revoke the old code in the provider's web settings.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget, QWizardPage

from mailmanager.core.catalogue import links
from mailmanager.core.checking.proof import Credential, Proof, Unproven
from mailmanager.core.checking.runner import AccountCheck
from mailmanager.core.model.accounts import Account
from mailmanager.core.model.codes import own_label
from mailmanager.core.registry import Registry
from mailmanager.services.operations import Tasks, run_blocking
from mailmanager.ui import errors, formatting
from mailmanager.ui.wizard.context import WizardContext
from mailmanager.ui.wizard.fields import F, WizardMode
from mailmanager.ui.wizard.widgets import Notice, wrapped

# () -> (account to save, new code or None to keep the stored one)
CandidateFn = Callable[[], tuple[Account, str | None]]


def save_account(
    registry: Registry,
    mode: WizardMode,
    account: Account,
    credential: Credential | None,
    check: AccountCheck | None,
    save_anyway: bool,
) -> Account:
    """Store what the wizard built: each mode is one registry intent, one transaction.

    ``credential`` is the new code with its proof (or ``Unproven`` when the user saved anyway);
    None when Fix keeps the stored code, whose ``check`` then goes to the history.
    """
    if mode is WizardMode.ADD:
        assert credential is not None
        return registry.add(account, credential)
    if mode is WizardMode.ROTATE:
        assert credential is not None
        return registry.rotate(account, credential)
    if credential is None:
        return registry.change(account, check=check, keep_failed_check=save_anyway)
    return registry.change(account, credential)


def credential_for(
    mode: WizardMode, secret: str | None, proof: Proof | None, save_anyway: bool
) -> Credential | None:
    """The credential the wizard saves: the proof of its test, or (the user saved anyway,
    never when replacing a code) the failed proof kept as unproven."""
    if secret is None:
        return None
    if proof is None:
        return Unproven(secret, "saved without a test")
    if proof.ok or mode is WizardMode.ROTATE or not save_anyway:
        return proof
    return Unproven.after_failed(proof, "saved anyway after a failed test")


class DonePage(QWizardPage):
    """Saves on entry; shows the outcome, the next steps, and (rotation) the revoke reminder.

    Signals:
        saved(int): the stored account's id (the account itself is ``ctx.saved``).
    """

    saved = Signal(int)

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = Tasks()
        self._task: asyncio.Task[None] | None = None
        self.candidate: CandidateFn | None = None
        self.setTitle(self.tr("Saving"))
        self.status = Notice("info")
        self.status.setObjectName("saveStatus")
        self.summary = wrapped(rich=True)
        self.summary.setObjectName("saveSummary")
        self.revoke = Notice("warning")
        self.revoke.setObjectName("revokeReminder")
        self.revoke.hide()
        self.revoke_button = QPushButton(self.tr("Open the web settings to revoke the old code"))
        self.revoke_button.setObjectName("openSettingsToRevoke")
        self.revoke_button.clicked.connect(self._open_web)
        self.revoke_button.hide()
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.setObjectName("retrySave")
        self.retry_button.clicked.connect(self._retry)
        self.retry_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.summary)
        layout.addWidget(self.revoke)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def busy(self) -> bool:
        return self._task is not None and not self._task.done()

    def _retry(self) -> None:
        self.save()

    def save(self) -> asyncio.Task[None] | None:
        """Start saving (once); the task ends when the save succeeded or failed."""
        if self.ctx.saved is not None or self.busy() or self.candidate is None:
            return None
        account, secret = self.candidate()
        ctx = self.ctx
        mode, check, anyway = ctx.mode, ctx.check, ctx.save_anyway
        credential = credential_for(mode, secret, ctx.proof, anyway)
        services = ctx.services

        def job() -> Account:
            with services.open_registry() as registry:
                return save_account(registry, mode, account, credential, check, anyway)

        self.status.set_kind("info")
        self.status.set_text(self.tr("Saving the mailbox and putting the code in the keyring…"))
        self.retry_button.hide()
        self._task = self.tasks.start(self._save(job))
        self.completeChanged.emit()
        return self._task

    async def _save(self, job: Callable[[], Account]) -> None:
        # Not cancelled when the wizard closes: the wizard waits for a save (``reject``), so a
        # code is never half-saved; the registry makes it all or nothing.
        try:
            value = await run_blocking(job)
        except Exception as exc:  # said on the page, with Try again
            self._on_failed(exc)
        else:
            self._on_saved(value)
        finally:
            self._task = None
            self.completeChanged.emit()

    def _on_saved(self, value: Account) -> None:
        self.ctx.saved = value
        anyway = self.ctx.check is not None and not self.ctx.check.ok
        if self.ctx.mode is WizardMode.ROTATE:
            self.setTitle(self.tr("The new code is in use"))
            self.status.set_kind("success")
            self.status.set_text(
                self.tr("The new code passed the test and replaced the old one."),
            )
        elif anyway:
            self.setTitle(self.tr("Saved, with a problem to fix"))
            self.status.set_kind("warning")
            self.status.set_text(
                self.tr("The mailbox was saved, but its test failed."),
                html.escape(
                    self.tr(
                        "It shows as failing in the list until it works. Select it and choose "
                        "Fix when you are ready."
                    )
                ),
            )
        else:
            self.setTitle(self.tr("All set"))
            self.status.set_kind("success")
            self.status.set_text(self.tr("The mailbox works and has been saved."))
        self.setSubTitle(self.tr("Click Finish to close this window."))
        self.summary.setText(self._summary(value))
        self._show_revoke()
        if value.id is not None:
            self.saved.emit(value.id)

    def _on_failed(self, exc: Exception) -> None:
        self.status.set_kind("error")
        text = errors.user_message(exc)
        self.status.set_text(self.tr("Nothing was saved"), html.escape(text))
        self.retry_button.show()

    def _summary(self, account: Account) -> str:
        rows = [
            (self.tr("Mailbox"), account.address),
            (self.tr("Receiving (IMAP)"), account.imap.display()),
            (self.tr("Sending (SMTP)"), account.smtp.display()),
        ]
        if account.code_expires is not None:
            rows.append((self.tr("Code expires"), formatting.format_date(account.code_expires)))
        created = account.code_created or date.today()
        remind = date.fromordinal(created.toordinal() + account.rotate_days)
        rows.append((self.tr("Reminder to replace the code"), formatting.format_date(remind)))
        cells = "".join(
            f"<tr><td style='padding-right:12px'>{html.escape(k)}</td>"
            f"<td><b>{html.escape(v)}</b></td></tr>"
            for k, v in rows
        )
        return f"<table>{cells}</table>"

    def _show_revoke(self) -> None:
        provider = self.ctx.provider
        rotated = self.ctx.mode is WizardMode.ROTATE or (
            self.ctx.mode is WizardMode.FIX and not self.ctx.keep_code
        )
        if not rotated:
            return
        lang = self.ctx.lang
        name = provider.credential.name.get(lang) if provider is not None else self.tr("code")
        # Named as the provider's list shows it: its label and the day it was made (issue 19).
        old = self.ctx.account
        label = own_label(old.credential_label) if old is not None else ""
        if old is not None and old.code_created is not None:
            where = self.tr(
                "In the web settings, find the code named “%1”, made on %2, in the list of "
                "codes and delete it, so that nobody can use it any more."
            ).replace("%2", formatting.format_date(old.code_created))
        else:
            where = self.tr(
                "In the web settings, find the code named “%1” in the list of codes and "
                "delete it, so that nobody can use it any more."
            )
        self.revoke.set_text(
            self.tr("Now revoke the old %1 “%2”").replace("%1", name).replace("%2", label),
            html.escape(where.replace("%1", label)),
        )
        self.revoke.show()
        self.revoke_button.setVisible(bool(self._settings_url()))

    def _settings_url(self) -> str:
        """The web settings of this address's own webmail (mail.126.com for @126.com)."""
        address = str(self.field(F.ADDRESS) or "")
        return links.settings_url(self.ctx.provider, address.rpartition("@")[2])

    def _open_web(self) -> None:
        url = self._settings_url()
        if url:
            self.ctx.services.open_url(QUrl(url))

    def initializePage(self) -> None:
        self.setTitle(self.tr("Saving"))
        self.setSubTitle(self.tr("This takes a moment; the keyring may ask you to unlock it."))
        self.save()

    def isComplete(self) -> bool:
        return self.ctx.saved is not None
