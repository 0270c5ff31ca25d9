"""Widgets of the desktop app: the main window, the account list (model, delegates), dialogs.

Widgets only: they read the core directly, reach the keyring and the network only through
services (``services.account_ops``, the checker, awaited with ``services.operations``), and never
hold a secret longer than a dialog.
"""
