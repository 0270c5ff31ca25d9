"""Words of Qt's own dialogs that Qt's Chinese translation (qtbase_zh_CN) leaves in English, or
words of it a Chinese user finds odd.

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
    # qtbase_zh_CN says 体积 (volume) for a file's size; file managers say 大小.
    QT_TRANSLATE_NOOP("QFileSystemModel", "Size"),
    # The removal reminder's button, in qtbase_zh_CN with three ASCII dots.
    QT_TRANSLATE_NOOP("QMessageBox", "Show Details..."),
    QT_TRANSLATE_NOOP("QMessageBox", "Hide Details..."),
)
