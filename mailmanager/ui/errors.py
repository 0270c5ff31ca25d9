"""Turn the core's exceptions into one message in the UI language.

Core errors carry English source texts marked for translation in their own contexts ("Store",
"Secrets", "Registry", "Limits"); they are translated here, at display, for every window: the
main window, the edit dialog and the setup wizard. Anything unexpected gets a generic
sentence with the (already redacted) technical text, never a traceback in a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mailmanager.core import redact
from mailmanager.core.store.account_store import StoreError


def user_message(error: BaseException) -> str:
    """What to tell the user about ``error``."""
    # Imported here: these modules load keyring (and address parsing), which start-up does not
    # need before the first paint (an error from them implies they are loaded already).
    from mailmanager.core.model.address import AddressError
    from mailmanager.core.model.limits import LIMITS_CONTEXT, LimitError
    from mailmanager.core.registry import CheckFailedError
    from mailmanager.core.secrets import SecretsError

    if isinstance(error, StoreError):
        template = QCoreApplication.translate("Store", error.template)
        return template.replace("{path}", error.path)
    if isinstance(error, SecretsError):
        return error.translated(QCoreApplication.translate)
    if isinstance(error, CheckFailedError):
        return QCoreApplication.translate("Registry", error.message)
    if isinstance(error, LimitError):
        template = QCoreApplication.translate(LIMITS_CONTEXT, error.message)
        return template.replace("%1", str(error.low)).replace("%2", str(error.high))
    if isinstance(error, AddressError):
        return QCoreApplication.translate("Errors", "This is not a valid e-mail address.")
    detail = redact.redact_text(str(error)) or type(error).__name__
    return QCoreApplication.translate("Errors", "Something went wrong: %1").replace("%1", detail)
