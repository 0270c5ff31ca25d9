"""Page 5: log in to both servers for real, show each step, and say what to do if it fails.

The check runs on a worker thread (the window stays responsive) and can be stopped at once:
Stop, Back or Cancel set the check's cancel event, the page stops listening, and since nothing is
saved before the done page, a stopped wizard leaves nothing behind. A failure shows the checker's
diagnosis and hint, with one-click actions where one fits: switch to the provider's backup
servers, go back to the code, open the web settings. "Save anyway" is an explicit choice and the
failure is recorded with the account.
"""

from __future__ import annotations

import asyncio
import html
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mailmanager.core.catalogue import links
from mailmanager.core.checking.hints import HINT_CONTEXT, hint_text
from mailmanager.core.checking.proof import Proof
from mailmanager.core.checking.result import ProbeResult
from mailmanager.core.model.accounts import Account, Protocol
from mailmanager.core.model.status import ConnectionStatus as S
from mailmanager.services.operations import Tasks, call_from_thread, run_blocking
from mailmanager.ui import errors, formatting
from mailmanager.ui.wizard.context import WizardContext
from mailmanager.ui.wizard.fields import F, PageId, WizardMode
from mailmanager.ui.wizard.progress_view import ProtocolProgress
from mailmanager.ui.wizard.widgets import Notice

log = logging.getLogger("mailmanager.ui.wizard")

CODE_PROBLEMS = {S.AUTH_FAILED}
SETTINGS_PROBLEMS = {S.AUTH_FAILED, S.SERVICE_DISABLED, S.UNSAFE_LOGIN}
SERVER_PROBLEMS = {
    S.SERVER_NOT_FOUND,
    S.CONNECTION_FAILED,
    S.TIMEOUT,
    S.TLS_ERROR,
    S.INSECURE_REFUSED,
}
BACKUP_HINTS = {"netease_domain_not_exist"}

# (account, secret or None for "the stored code") for the current field values.
CandidateFn = Callable[[], tuple[Account, str | None]]


class TestPage(QWizardPage):
    """Runs the check when entered; shows progress, diagnosis, actions and Save anyway.

    Attributes:
        go_to: set by the wizard: go back to a page (credential, servers).
        switch_group: set by the wizard: select another server group by id.
        candidate: set by the wizard: the account and code to test.
    """

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = Tasks()  # the running check (cancelled by stop)
        self._task: asyncio.Task[None] | None = None
        self.go_to: Callable[[PageId], None] = lambda _page: None
        self.switch_group: Callable[[str], None] = lambda _group: None
        self.candidate: CandidateFn | None = None
        self.setTitle(self.tr("Test the connection"))
        self.setSubTitle(
            self.tr(
                "mailmanager signs in to both servers once, opens the inbox read-only and asks "
                "whether it may send. No mail is sent."
            )
        )
        self.imap_view = ProtocolProgress(self.tr("Receiving mail (IMAP)"), "imap")
        self.smtp_view = ProtocolProgress(self.tr("Sending mail (SMTP)"), "smtp")
        views = QHBoxLayout()
        views.addWidget(self.imap_view, 1)
        views.addWidget(self.smtp_view, 1)

        self.result = Notice("info")
        self.result.setObjectName("testResult")
        self.result.hide()

        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setObjectName("stopTest")
        self.stop_button.clicked.connect(self.stop)
        self.retry_button = QPushButton(self.tr("Test again"))
        self.retry_button.setObjectName("retryTest")
        self.retry_button.clicked.connect(self.start)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("useBackupServers")
        self.backup_button.clicked.connect(self._use_backup)
        self.code_button = QPushButton(self.tr("Enter the code again"))
        self.code_button.setObjectName("backToCode")
        self.code_button.clicked.connect(lambda: self.go_to(PageId.CREDENTIAL))
        self.servers_button = QPushButton(self.tr("Check the server settings"))
        self.servers_button.setObjectName("backToServers")
        self.servers_button.clicked.connect(lambda: self.go_to(PageId.SERVERS))
        self.web_button = QPushButton(self.tr("Open the web settings"))
        self.web_button.setObjectName("openSettingsFromTest")
        self.web_button.clicked.connect(self._open_web)
        actions = QHBoxLayout()
        for button in (
            self.stop_button,
            self.backup_button,
            self.code_button,
            self.servers_button,
            self.web_button,
            self.retry_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.save_anyway = QCheckBox(
            self.tr("Save anyway and fix it later (the failed test is kept with the mailbox)")
        )
        self.save_anyway.setObjectName("saveAnyway")
        self.save_anyway.toggled.connect(self._on_save_anyway)
        self._security = ("ssl", "ssl")

        layout = QVBoxLayout(self)
        layout.addLayout(views)
        layout.addWidget(self.result)
        layout.addLayout(actions)
        layout.addWidget(self.save_anyway)
        layout.addStretch(1)
        self._set_buttons(running=False)

    # -- running --------------------------------------------------------------------------------

    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Run a fresh check with the current field values."""
        self.stop(quiet=True)
        if self.candidate is None:
            return
        account, secret = self.candidate()
        self.ctx.check = None
        self.ctx.proof = None
        self.save_anyway.setChecked(False)
        self.result.hide()
        self.imap_view.start(account.imap.security.value == "plain")
        self.smtp_view.start(account.smtp.security.value == "plain")
        self._security = (account.imap.security.value, account.smtp.security.value)
        self._task = self.tasks.start(self._check(account, secret))
        self._set_buttons(running=True)
        self.completeChanged.emit()

    async def _check(self, account: Account, secret: str | None) -> None:
        """Read the stored code (Fix) and check, each awaited on the executor. ``stop`` cancels
        this task: the probes' flag is set and they send no code after that; their progress
        and result are no longer shown."""
        services = self.ctx.services
        me = asyncio.current_task()

        def progress(protocol: Protocol, step: str) -> None:
            if self._task is me:  # a stopped check's last steps are not shown
                self._on_progress(protocol, step)

        report = call_from_thread(progress)
        cancel = threading.Event()
        try:
            code = secret
            if code is None:
                code = await run_blocking(services.stored_secret, account.address)
            if not code:
                raise LookupError("no stored code")
            proof = await run_blocking(
                services.run_check, account, code, cancel, report, cancel=cancel
            )
        except Exception as exc:  # said on the page: the user can go back and change things
            log.info("the wizard's check failed: %s", type(exc).__name__)
            self._on_failed(exc)
        else:
            self._on_finished(proof)
        finally:
            if self._task is me:
                self._task = None
                self._set_buttons(running=False)
                self.completeChanged.emit()

    def stop(self, quiet: bool = False) -> None:
        """Cancel the running check at once; nothing has been saved."""
        if self._task is None:
            return
        was_running = self.running()
        self._task.cancel()
        self._task = None
        if was_running and not quiet:
            self.imap_view.cancelled()
            self.smtp_view.cancelled()
            self.result.set_kind("info")
            self.result.set_text(self.tr("The test was stopped. Nothing was saved."))
            self.result.show()
        self._set_buttons(running=False)
        self.completeChanged.emit()

    def _on_progress(self, protocol: Protocol, step: str) -> None:
        if protocol is Protocol.IMAP:
            self.imap_view.step(step, self._security[0])
        else:
            self.smtp_view.step(step, self._security[1])

    def _on_failed(self, exc: Exception) -> None:
        self.imap_view.reset()
        self.smtp_view.reset()
        self.result.set_kind("error")
        if isinstance(exc, LookupError):
            self.result.set_text(
                self.tr("No code is stored for this mailbox"),
                html.escape(self.tr("Go back and choose to enter a new code.")),
            )
        else:
            message = errors.user_message(exc)
            self.result.set_text(self.tr("The test could not run"), html.escape(message))
        self.result.show()

    def _on_finished(self, proof: Proof) -> None:
        self.ctx.proof = proof
        self.ctx.check = value = proof.check
        self.imap_view.finish(value.imap)
        self.smtp_view.finish(value.smtp)
        if value.ok:
            self.result.set_kind("success")
            self.result.set_text(
                self.tr("Both servers accepted the code. The mailbox works."),
                html.escape(self.tr("Click Save to keep this mailbox.")),
            )
        else:
            self.result.set_kind("error")
            failures = [r for r in value.results() if not r.ok]
            self.result.set_text(self._failure_title(failures), self._failure_body(failures))
        self.result.show()

    # -- diagnosis --------------------------------------------------------------------------------

    def _failure_title(self, failures: list[ProbeResult]) -> str:
        if len(failures) == 2:
            return self.tr("Neither the receiving nor the sending test passed")
        if failures[0].protocol is Protocol.IMAP:
            return self.tr("Receiving mail (IMAP) did not work")
        return self.tr("Sending mail (SMTP) did not work")

    def _failure_body(self, failures: list[ProbeResult]) -> str:
        parts: list[str] = []
        hints_seen: set[str] = set()
        for result in failures:
            if result.protocol is Protocol.IMAP:
                proto = self.tr("Receiving (IMAP)")
            else:
                proto = self.tr("Sending (SMTP)")
            label = html.escape(formatting.state_label(result.status))
            line = f"<b>{formatting.labelled(html.escape(proto), label)}</b>"
            hint = hint_text(result.hint_id)
            if hint and result.hint_id not in hints_seen:
                hints_seen.add(result.hint_id)
                line += " — " + html.escape(QCoreApplication.translate(HINT_CONTEXT, hint))
            else:
                # Every line explains its own failure; a hint already given is not repeated
                # but pointed at, so the second line (SMTP's 535) is never left bare.
                description = formatting.state_description(result.status)
                if hint:
                    description = self.tr("%1 What to do is the same as above.").replace(
                        "%1", description
                    )
                line += " — " + html.escape(description)
            if result.server_message:
                line += (
                    "<br><span style='color:palette(placeholder-text)'>"
                    + html.escape(self.tr("The server said:"))
                    + " </span><code>"
                    + html.escape(result.server_message)
                    + "</code>"
                )
            parts.append(line)
        return "<br><br>".join(parts)

    def _backup_group(self) -> str:
        """The id of a server group other than the one in use, or ""."""
        groups = self.ctx.found.groups
        current = str(self.field("serverGroup") or "")
        for group in groups:
            if group.id != current:
                return group.id
        return ""

    def _set_buttons(self, *, running: bool) -> None:
        check = self.ctx.check
        failures = [r for r in check.results() if not r.ok] if check is not None else []
        statuses = {r.status for r in failures}
        hints = {r.hint_id for r in failures}
        backup = self._backup_group()
        self.stop_button.setVisible(running)
        self.retry_button.setVisible(not running)
        show_backup = bool(backup) and bool(statuses & SERVER_PROBLEMS or hints & BACKUP_HINTS)
        self.backup_button.setVisible(not running and show_backup)
        if backup:
            group = next(g for g in self.ctx.found.groups if g.id == backup)
            self.backup_button.setText(
                self.tr("Switch to %1 and test again").replace("%1", group.name.get(self.ctx.lang))
            )
        self.code_button.setVisible(
            not running and bool(statuses & CODE_PROBLEMS) and self.ctx.needs_new_code()
        )
        self.servers_button.setVisible(
            not running and bool(statuses & SERVER_PROBLEMS) and not show_backup
        )
        has_web = bool(self._settings_url())
        self.web_button.setVisible(not running and has_web and bool(statuses & SETTINGS_PROBLEMS))
        # Rotation never stores an unproven code: the old one stays until a new one works.
        allowed = self.ctx.mode is not WizardMode.ROTATE
        self.save_anyway.setVisible(not running and bool(failures) and allowed)

    # -- actions --------------------------------------------------------------------------------

    def _use_backup(self) -> None:
        backup = self._backup_group()
        if backup:
            self.switch_group(backup)
            self.start()

    def _settings_url(self) -> str:
        """The web settings of this address's own webmail (mail.126.com for @126.com)."""
        address = str(self.field(F.ADDRESS) or "")
        return links.settings_url(self.ctx.provider, address.rpartition("@")[2])

    def _open_web(self) -> None:
        url = self._settings_url()
        if url:
            self.ctx.services.open_url(QUrl(url))

    def _on_save_anyway(self, on: bool) -> None:
        self.ctx.save_anyway = on
        self.completeChanged.emit()

    # -- QWizardPage ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.start()

    def cleanupPage(self) -> None:
        self.stop(quiet=True)
        self.ctx.check = None
        self.ctx.proof = None
        self.ctx.save_anyway = False

    def isComplete(self) -> bool:
        check = self.ctx.check
        if self.running() or check is None or check.cancelled:
            return False
        return check.ok or self.save_anyway.isChecked()
