"""The UI language: the system locale, or the user's choice (Simplified Chinese or English).

The choice lives in the settings file under ``ui/language`` as ``system``, ``zh_CN`` or ``en``
and takes effect at the next start (widgets translate their texts once, when built). The app's
own translations come from resources/translations/mailmanager_<locale>.qm; Qt's own (standard
buttons, context menus of text fields) from Qt's translations folder when it has them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from mailmanager import paths

log = logging.getLogger("mailmanager.ui")

SETTINGS_KEY = "ui/language"
SYSTEM = "system"
CHOICES = (SYSTEM, "zh_CN", "en")


def setting(settings: QSettings) -> str:
    value = str(settings.value(SETTINGS_KEY, SYSTEM))
    return value if value in CHOICES else SYSTEM


def chosen_locale(choice: str, system: QLocale | None = None) -> QLocale:
    """The locale for ``choice`` ("system" uses ``system``, by default the OS's locale)."""
    if choice == "zh_CN":
        return QLocale(
            QLocale.Language.Chinese,
            QLocale.Script.SimplifiedChineseScript,
            QLocale.Country.China,
        )
    if choice == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return system if system is not None else QLocale.system()


def content_language(locale: QLocale) -> str:
    """ "zh" or "en": the language of catalogue texts (provider names, steps) for ``locale``."""
    return "zh" if locale.language() == QLocale.Language.Chinese else "en"


def install(app: QCoreApplication, locale: QLocale, folder: str | None = None) -> list[QTranslator]:
    """Load the translations for ``locale`` into ``app``; returns them (keep them alive).

    ``folder`` holds mailmanager_<locale>.qm (default: resources/translations). Missing files
    are fine (English source texts are shown); the result says what was loaded.
    """
    QLocale.setDefault(locale)
    loaded: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    own_dir = folder or str(paths.resources_dir() / "translations")
    for name, folder in (("qtbase", qt_dir), ("mailmanager", own_dir)):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            loaded.append(translator)
        else:
            log.info("no %s translation for %s in %s", name, locale.name(), folder)
    return loaded
