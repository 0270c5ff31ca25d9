"""Translation markers for the Qt-free core.

The core must not import Qt, yet its user-visible strings (status labels, hints) have to be
picked up by ``pyside6-lupdate`` and translated at display time. ``QT_TRANSLATE_NOOP`` is the
marker lupdate looks for; here it simply returns the source text, and the UI passes that text
to ``QCoreApplication.translate(context, text)``.
"""


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` and return it unchanged."""
    del context
    return source
