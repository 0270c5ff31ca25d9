"""The tray icon: the overall state in its tooltip and picture, its menu's signals, and its sink
delivering nothing while it is not visible."""

from __future__ import annotations

from mailmanager.ui.tray import TrayIcon, TraySink, tray_pixmap


def test_tray_shows_the_overall_state(qtbot) -> None:
    tray = TrayIcon()
    assert "All mailboxes are working" in tray.tooltip()
    tray.set_attention(3)
    assert "3" in tray.tooltip()
    assert not tray_pixmap(3).isNull() and not tray_pixmap(0).isNull()
    with qtbot.wait_signal(tray.checkAllRequested):
        tray.check_action.trigger()
    with qtbot.wait_signal(tray.openRequested):
        tray.open_action.trigger()
    with qtbot.wait_signal(tray.quitRequested):
        tray.quit_action.trigger()
    assert TraySink(tray).notify("t", "b", urgent=False) is False  # not visible: not delivered
