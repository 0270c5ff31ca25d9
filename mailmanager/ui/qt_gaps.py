"""Words of Qt's own dialogs that Qt's Chinese translation (qtbase_zh_CN) leaves in English.

The export's save dialog (Qt's file dialog, where no desktop dialog is available) showed "Look
in:" and "Files of type:" among Chinese words. Listed here, they are extracted into
mailmanager's .ts files under Qt's own contexts; mailmanager's translator is installed after
Qt's, so it is asked first and fills just these gaps. Nothing needs to import this module.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Exactly as Qt asks (with its mnemonics), or the lookup misses. Not here: the file list's
# "Folder", which Qt asks with a disambiguation that pyside6-lupdate cannot extract.
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
