"""The setup wizard: from an e-mail address to a verified, saved mailbox (issue 5).

Use from the main window::

    from mailmanager.ui.wizard import SetupWizard, WizardMode

    wizard = SetupWizard(WizardMode.ADD, parent=window)               # Add account
    wizard = SetupWizard(WizardMode.FIX, account, parent=window,      # Fix a failing account
                         last_results=[summary.last_imap, summary.last_smtp])
    wizard = SetupWizard(WizardMode.ROTATE, account, parent=window)   # Rotate code
    wizard.accountSaved.connect(model.refresh)  # accountSaved(int): the stored account's id
    wizard.open()

``services=WizardServices(...)`` replaces the blocking parts (network detection, the login
check, the registry that saves, reading a stored code, opening a URL); the defaults use the real
modules and the home folder from ``mailmanager.paths``. Every blocking call runs on a worker
thread; the window never waits on the network or the keyring.

Pages have ids from ``PageId`` and register the fields named in ``F`` (address, displayName,
password, codeAcknowledged, codeLabel, codeCreated, codeExpires, rotateDays, imapHost, imapPort,
imapSecurity, imapUsername, smtpHost, smtpPort, smtpSecurity, smtpUsername, caFile,
serverGroup). Security fields hold ``ssl``/``starttls``/``plain``; dates are QDate, an empty
expiry an invalid QDate. Run ``python -m mailmanager.ui.wizard`` to try it on its own.
"""

from mailmanager.ui.wizard.context import WizardServices
from mailmanager.ui.wizard.fields import ALL_FIELDS, F, PageId, WizardMode
from mailmanager.ui.wizard.wizard import SetupWizard

__all__ = ["ALL_FIELDS", "F", "PageId", "SetupWizard", "WizardMode", "WizardServices"]
