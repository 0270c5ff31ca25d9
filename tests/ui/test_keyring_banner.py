"""No secure keyring at start (issue 14, item 5): the main window's banner with what to install
and a re-check button, and the wizard's note before the user creates a code.

keyring's real ``fail`` backend stands for "nothing installed" (what keyring picks with no D-Bus
session); the re-check then finds the in-memory backend the suite configures, as keyring would
find GNOME Keyring once it has been installed and started.
"""

from __future__ import annotations

import threading

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QLocale

from mailmanager.core import secrets_gateway
from mailmanager.services.keyring_status import KeyringStatus
from mailmanager.ui import language
from tests.helpers.wizard import click_next, make_services, make_wizard, type_address

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def no_keyring() -> None:
    keyring.set_keyring(fail.Keyring())  # the conftest puts the memory keyring back afterwards


def wait_known(qtbot, status: KeyringStatus) -> None:
    qtbot.waitUntil(lambda: status.known and not status.busy, timeout=10_000)


@pytest.mark.expected_warnings("no secure keyring: no keyring backend is available")
def test_the_window_shows_the_banner_and_hides_it_after_a_recheck(
    qtbot, make_window, no_keyring: None
) -> None:
    window = make_window()
    status = KeyringStatus(window)
    window.watch_keyring(status)
    status.check()
    wait_known(qtbot, status)
    banner = window.keyring_banner
    assert banner is not None and banner.isVisible()
    text = banner.body.text()
    assert "GNOME Keyring" in text and "KWallet" in text
    assert banner.title.text() == "No secure keyring is available"
    # The user installs a keyring; keyring would now find it: the re-check hides the banner.
    with qtbot.wait_signal(status.changed, timeout=10_000):
        banner.recheck.click()
        assert not banner.recheck.isEnabled()  # the button waits for the answer
    assert status.problem is None
    assert not banner.isVisible()
    assert banner.recheck.isEnabled()


def test_no_banner_while_a_secure_keyring_is_available(qtbot, make_window) -> None:
    window = make_window()
    status = KeyringStatus(window)
    window.watch_keyring(status)
    status.check()
    wait_known(qtbot, status)
    assert status.problem is None
    assert window.keyring_banner is None


@pytest.mark.expected_warnings("no secure keyring: no keyring backend is available")
def test_the_banner_speaks_chinese(qtbot, make_window, no_keyring: None, qapp) -> None:
    translators = language.install(qapp, language.chosen_locale("zh_CN"))
    try:
        window = make_window()
        status = KeyringStatus(window)
        window.watch_keyring(status)
        status.check()
        wait_known(qtbot, status)
        banner = window.keyring_banner
        assert banner is not None
        assert banner.title.text() == "没有可用的安全密钥环"
        assert "GNOME Keyring" in banner.body.text() and "密钥环" in banner.body.text()
        assert banner.recheck.text() == "重新检查"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_closing_the_window_cancels_a_look_under_way(qtbot, make_window) -> None:
    window = make_window()
    status = KeyringStatus(window, tasks=window.tasks)
    window.watch_keyring(status)
    # The keyring thread is held busy, so the look waits in the queue when the window closes.
    release = threading.Event()
    held = secrets_gateway.gateway().submit(lambda _job: release.wait(10))
    try:
        task = status.check()
        assert task is not None
        assert (status.busy, status.check()) == (True, None)  # one look at a time
        window.close()
        qtbot.waitUntil(task.done, timeout=5_000)
        assert task.cancelled()
        assert (status.busy, status.known) == (False, False)
    finally:
        release.set()
        held.future.result(timeout=10)
    # Nothing arrives afterwards: the answer went with the cancelled task.
    assert secrets_gateway.gateway().settle(10.0)
    assert not status.known


@pytest.mark.expected_warnings("no secure keyring: no keyring backend is available")
def test_the_wizard_says_it_before_the_code_is_created(qtbot, no_keyring: None) -> None:
    services = make_services()
    status = KeyringStatus()
    services.keyring_status = status
    status.check()
    wait_known(qtbot, status)
    wizard = make_wizard(qtbot, services)
    type_address(qtbot, wizard, "someone@qq.com")
    click_next(qtbot, wizard)  # to the page with the steps that create the code
    note = wizard.prepare_page.keyring_note
    assert note.isVisible()
    assert "KWallet" in note.body.text() and "GNOME Keyring" in note.body.text()
