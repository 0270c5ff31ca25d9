"""The UI language: the setting, the locale it selects, and translations reaching the widgets."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt

from mailmanager.ui import formatting, language
from mailmanager.ui.account_model import AccountModel
from tests.helpers.sample_accounts import NOW

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context><name>AccountModel</name>
<message><source>Mailbox</source><translation>邮箱</translation></message>
</context>
<context><name>RelativeTime</name>
<message numerus="yes"><source>%n minute(s) ago</source>
<translation><numerusform>%n 分钟前</numerusform></translation></message>
</context>
<context><name>Status</name>
<message><source>Normal</source><translation>正常</translation></message>
</context>
</TS>
"""


@pytest.fixture
def restore_locale(qapp) -> Iterator[None]:
    yield
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_setting_and_locale(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert language.setting(settings) == "system"
    settings.setValue(language.SETTINGS_KEY, "klingon")
    assert language.setting(settings) == "system"
    settings.setValue(language.SETTINGS_KEY, "zh_CN")
    assert language.setting(settings) == "zh_CN"
    assert language.chosen_locale("zh_CN").name() == "zh_CN"
    assert language.chosen_locale("en").name() == "en_US"
    system = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert language.chosen_locale("system", system).name() == "fr_FR"
    assert language.content_language(language.chosen_locale("zh_CN")) == "zh"
    assert language.content_language(system) == "en"


def test_translations_reach_headers_plurals_and_badges(
    tmp_path: Path, qapp, restore_locale
) -> None:
    ts = tmp_path / "mailmanager_zh_CN.ts"
    ts.write_text(TS, encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run(
        [str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "mailmanager_zh_CN.qm")],
        check=True,
    )
    app = QCoreApplication.instance()
    assert app is not None
    loaded = language.install(app, language.chosen_locale("zh_CN"), str(tmp_path))
    try:
        assert any(t.filePath().endswith("mailmanager_zh_CN.qm") for t in loaded)
        model = AccountModel()
        assert model.headerData(0, Qt.Orientation.Horizontal) == "邮箱"
        assert formatting.relative_time(NOW - timedelta(minutes=3), NOW) == "3 分钟前"
        from mailmanager.core.model.status import ConnectionStatus

        assert formatting.state_label(ConnectionStatus.OK) == "正常"
    finally:
        for translator in loaded:
            app.removeTranslator(translator)


def test_chinese_menus_have_access_keys_and_buttons_do_not_show_them(qapp, restore_locale) -> None:
    """Chinese menus write the access key in brackets, 文件(&F), so Alt+F works for keyboard
    users; the toolbar shows the same actions without "(F)" and without the ellipsis."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QMenuBar, QWidget

    from mailmanager.ui.actions import MainActions

    app = QCoreApplication.instance()
    assert app is not None
    loaded = language.install(app, language.chosen_locale("zh_CN"))
    try:
        owner = QWidget()
        actions = MainActions(owner, QPalette())
        bar = QMenuBar()
        actions.fill_menu_bar(bar)
        titles = [a.text() for a in bar.actions()]
        assert titles[0] == "文件(&F)" and all("(&" in t for t in titles), titles
        keys = [t.split("(&")[1][0] for t in titles]
        assert len(set(keys)) == len(keys)  # no two menus share a key
        for action in actions.account_actions():
            assert "(&" in action.text(), action.text()
        parent = QWidget()
        toolbar = actions.make_toolbar(parent)
        texts = [a.iconText() for a in toolbar.actions() if not a.isSeparator()]
        assert "添加邮箱" in texts
        assert not any("(" in t or "&" in t or t.endswith("…") for t in texts), texts
        bar.deleteLater()
        parent.deleteLater()
        owner.deleteLater()
    finally:
        for translator in loaded:
            app.removeTranslator(translator)


def test_chinese_fills_the_gaps_of_qts_file_dialog(qapp, restore_locale) -> None:
    """Qt's own Chinese leaves "Look in:" and "Files of type:" in English (the export's save
    dialog showed them); mailmanager's translation, asked first, fills them, and Qt's own
    words (its Save button) still come from Qt's translation."""
    app = QCoreApplication.instance()
    assert app is not None
    loaded = language.install(app, language.chosen_locale("zh_CN"))
    try:
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
        assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
        assert QCoreApplication.translate("QFileDialog", "&Save") != "&Save"
        # Words Qt's Chinese has but a Chinese user finds odd: 体积 for a file's size, and
        # three ASCII dots on the removal reminder's Details button.
        assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"
        assert QCoreApplication.translate("QMessageBox", "Show Details...") == "显示详情…"
    finally:
        for translator in loaded:
            app.removeTranslator(translator)
