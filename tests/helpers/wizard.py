"""Shared steps for the wizard tests: build a wizard, press Next like a user.

``click_next`` presses the real button (a disabled button ignores the click), so the tests walk
the wizard exactly as a user would; ``fill_servers`` types a loopback server into the fields.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QWizard

from mailmanager import paths
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.model.accounts import Account
from mailmanager.core.store.account_store import AccountStore
from mailmanager.ui.wizard import F, SetupWizard, WizardMode, WizardServices

TIMEOUT_MS = 10_000
CHECK_TIMEOUT_S = 4.0


class UrlRecorder:
    """Stands in for the browser: remembers which pages the wizard asked to open."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def __call__(self, url: QUrl) -> bool:
        self.opened.append(url.toString())
        return True


def make_services(urls: UrlRecorder | None = None) -> WizardServices:
    return WizardServices(
        catalogue=Catalogue.load(),
        detect=None,
        check_timeout=CHECK_TIMEOUT_S,
        open_url=urls or UrlRecorder(),
    )


def make_wizard(
    qtbot,
    services: WizardServices,
    mode: WizardMode = WizardMode.ADD,
    account: Account | None = None,
) -> SetupWizard:
    wizard = SetupWizard(mode, account, services=services)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def next_button(wizard: SetupWizard):
    page = wizard.currentPage()
    which = (
        QWizard.WizardButton.CommitButton
        if page is not None and page.isCommitPage()
        else QWizard.WizardButton.NextButton
    )
    return wizard.button(which)


def click_next(qtbot, wizard: SetupWizard, timeout: int = TIMEOUT_MS) -> int:
    """Wait until Next (or Save) is enabled, press it, and return the new page id."""
    button = next_button(wizard)
    qtbot.waitUntil(lambda: button.isEnabled() and button.isVisible(), timeout=timeout)
    before = wizard.currentId()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() != before, timeout=timeout)
    return wizard.currentId()


def type_address(qtbot, wizard: SetupWizard, address: str) -> None:
    wizard.address_page.address_edit.setText(address)
    qtbot.waitUntil(wizard.address_page.isComplete, timeout=TIMEOUT_MS)


def fill_servers(
    wizard: SetupWizard,
    *,
    imap_port: int,
    smtp_port: int,
    ca_file: str,
    imap_security: str = "ssl",
    smtp_security: str = "ssl",
    host: str = "127.0.0.1",
) -> None:
    for prefix, port, security in (
        ("imap", imap_port, imap_security),
        ("smtp", smtp_port, smtp_security),
    ):
        wizard.setField(prefix + "Host", host)
        wizard.setField(prefix + "Security", security)
        wizard.setField(prefix + "Port", port)
    wizard.setField(F.CA_FILE, ca_file)


def stored_accounts() -> list[Account]:
    with AccountStore.open(paths.resolve().database) as store:
        return store.list_accounts()


def files_containing(folder: Path, needle: str) -> list[Path]:
    """Every file under ``folder`` whose bytes contain ``needle`` (UTF-8)."""
    data = needle.encode()
    return [p for p in folder.rglob("*") if p.is_file() and data in p.read_bytes()]
