"""The fields the edit dialog and the wizard share: the server editor and the reminder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from mailmanager.core.model.accounts import Endpoint, Protocol, Security
from mailmanager.ui.account_editor import EditAccountDialog
from mailmanager.ui.account_fields import EndpointEditor, RotateDaysSpin

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def editor(qtbot, protocol: Protocol) -> EndpointEditor:
    box = EndpointEditor("Server", protocol)
    qtbot.addWidget(box)
    box.show()
    return box


def test_the_dialog_and_the_wizard_use_the_same_fields(qtbot, ops) -> None:
    from tests.helpers.factories import make_account
    from tests.helpers.wizard import make_services, make_wizard

    dialog = EditAccountDialog(ops, make_account(id=1))
    qtbot.addWidget(dialog)
    wizard = make_wizard(qtbot, make_services())
    for imap, smtp, rotate in (
        (dialog.imap, dialog.smtp, dialog.rotate_days),
        (wizard.servers_page.imap, wizard.servers_page.smtp, wizard.credential_page.rotate_spin),
    ):
        assert type(imap) is EndpointEditor and type(smtp) is EndpointEditor
        assert (imap.protocol, smtp.protocol) == (Protocol.IMAP, Protocol.SMTP)
        assert type(rotate) is RotateDaysSpin


@pytest.mark.parametrize(
    ("protocol", "ports"),
    [
        (Protocol.IMAP, {"ssl": 993, "starttls": 143, "plain": 143}),
        (Protocol.SMTP, {"ssl": 465, "starttls": 587, "plain": 25}),
    ],
)
def test_the_standard_port_follows_the_security(
    qtbot, protocol: Protocol, ports: dict[str, int]
) -> None:
    box = editor(qtbot, protocol)
    assert box.port.value() == ports["ssl"]
    for security in ("starttls", "plain", "ssl"):
        box.security.select(security)
        assert box.port.value() == ports[security], security


def test_a_port_of_the_user_s_own_stays(qtbot) -> None:
    box = editor(qtbot, Protocol.SMTP)
    box.port.setValue(2525)
    box.security.select("starttls")
    assert box.port.value() == 2525


def test_a_shown_endpoint_moves_the_port_only_from_its_own_standard(qtbot) -> None:
    box = editor(qtbot, Protocol.IMAP)
    box.set_endpoint(Endpoint("imap.example.org", 143, Security.STARTTLS, "li"))
    assert (box.port.value(), box.security.current(), box.username.text()) == (
        143,
        "starttls",
        "li",
    )
    box.security.select("ssl")
    assert box.port.value() == 993
    assert box.matches(Endpoint("IMAP.example.org", 993, Security.SSL))
    box.username.clear()
    assert box.endpoint("li@example.org") == Endpoint(
        "imap.example.org", 993, Security.SSL, "li@example.org"
    )


def test_the_editor_says_why_a_server_name_is_refused(qtbot) -> None:
    """Next stays off in the wizard for a name that cannot be a server; a line under the field
    says why (in the edit dialog too)."""
    box = editor(qtbot, Protocol.IMAP)
    box.username.setText("a@example.org")
    problem = box.findChild(QLabel, "imapServerNameProblem")
    assert problem is not None
    box.host.setText("imap example.org")
    assert not box.complete() and problem.isVisibleTo(box) and "server name" in problem.text()
    box.host.setText("[::1]")
    assert box.complete() and not problem.isVisibleTo(box)


def test_the_reminder_offers_never_and_the_core_s_range(qtbot) -> None:
    spin = RotateDaysSpin()
    qtbot.addWidget(spin)
    assert (spin.minimum(), spin.maximum(), spin.value()) == (0, 3650, 90)
    spin.setValue(0)
    assert spin.text() == "Never"
    spin.stepBy(1)
    assert spin.value() == 7  # from Never straight to a week
    spin.stepBy(-1)
    assert spin.value() == 0  # and back
    spin.setValue(3)  # set from outside (a mailbox an earlier version saved)
    assert spin.value() == 7


def test_a_small_reminder_being_typed_settles_when_editing_ends(qtbot) -> None:
    spin = RotateDaysSpin()
    qtbot.addWidget(spin)
    spin.show()
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "3")
    assert spin.value() == 3  # "3" may become "30": left alone while typing
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == 7
