"""What an account's fields may hold: one set of rules for `add`, the edit dialog and `import`.

The address has its own rules (``core.model.address``); this module checks everything else an
account carries: server names (``address.server_name_problem``), ports, login names, the display
name, the code's label, the provider id and the CA file path. Limits are generous for real use
(a display name of 200 characters is a paragraph) and small enough that a hostile file cannot
fill the store or the window with megabytes of text.

``account_problem`` returns the first problem as one English line (the CLI prints it, the import
report adds the entry number); the edit dialog stops the same input at the keyboard
(``setMaxLength`` with these limits, control characters dropped).
"""

from __future__ import annotations

import unicodedata

from mailmanager.core.model.accounts import Account, Endpoint
from mailmanager.core.model.address import MAX_ADDRESS_LENGTH, server_name_problem

MAX_DISPLAY_NAME = 200
MAX_LABEL = 200
MAX_USERNAME = MAX_ADDRESS_LENGTH + 66  # an address, or a provider's longer login form
MAX_PROVIDER_ID = 64
MAX_CA_FILE = 4096


def has_control_characters(text: str) -> bool:
    return any(unicodedata.category(ch) == "Cc" for ch in text)


def without_control_characters(text: str) -> str:
    """``text`` without tabs, line breaks and other control characters (the dialog's input)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc")


def text_problem(name: str, value: str | None, limit: int) -> str | None:
    """Why ``value`` cannot be kept as ``name``, or None."""
    if value is None:
        return None
    if len(value) > limit:
        return f"{name} is longer than {limit} characters"
    if has_control_characters(value):
        return f"{name} holds control characters (tabs, line breaks...)"
    return None


def endpoint_problem(kind: str, endpoint: Endpoint) -> str | None:
    """Why the ``kind`` ("imap" or "smtp") server settings cannot be kept, or None."""
    problem = server_name_problem(endpoint.host)
    if problem is not None:
        return f"{kind} server: {problem}"
    if not 0 < endpoint.port < 65536:
        return f"{kind} port must be between 1 and 65535"
    return text_problem(f"{kind} username", endpoint.username, MAX_USERNAME)


def account_problem(account: Account) -> str | None:
    """The first reason ``account``'s fields (the address aside) cannot be kept, or None."""
    for problem in (
        endpoint_problem("imap", account.imap),
        endpoint_problem("smtp", account.smtp),
        text_problem("display_name", account.display_name, MAX_DISPLAY_NAME),
        text_problem("credential_label", account.credential_label, MAX_LABEL),
        text_problem("provider_id", account.provider_id, MAX_PROVIDER_ID),
        text_problem("ca_file", account.ca_file, MAX_CA_FILE),
    ):
        if problem is not None:
            return problem
    return None
