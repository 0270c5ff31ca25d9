"""The limits on an account's numbers, and the standard ports, each decided once.

Every place that takes these values from a person or a file asks this module: the edit dialog
and the setup wizard (the ranges of their fields, the port that follows the security), the
command line (``--rotate-days``) and the export file's reader. They used to decide for
themselves: a reminder after 0-36,500 days in the edit form, 7-730 in the wizard, 1-36,500 on
the command line, and the standard ports written out once per editor.

The code reminder (``rotate_days``) is 0, "never remind", or 7 to 3650 days:

* At least a week. Replacing a code means a web login, a new code and new settings in every
  mail client; a reminder more often than weekly would be noise, with the "replace" badge
  showing most of the time.
* At most ten years. A reminder that far off is as good as none, and 0 says so plainly; ten
  years also keeps every date computed from a code's date (policy, details pane) far inside
  the calendar Python can count, which 36,500 days after a late code date did not.
* 0, because some codes need no reminder: a server on the user's own network, or a provider
  whose codes live until they are revoked.

Earlier versions could store 1-6 and 3651-36,500 days. Such a value in the database is left
as it is until the user changes it (the edit dialog keeps a value it cannot show); an export
file written then is read with the value moved to the nearest allowed one
(``nearest_rotate_days``), so a backup loses no mailbox.

The check interval (``check_interval_hours``) is None, "as in Settings", or 1 hour to 366 days:
an hour is the shortest interval the Settings menu offers, and a year is the longest wait that
still means "checked"; the scheduler turns it into a ``timedelta``, which a larger number would
overflow.

Field rules: ``account_problem`` checks everything else an account carries (server names, ports,
login names, the display name, the code's label, the provider id, the CA file path), one set of
rules for `add`, the edit dialog and `import`. Limits are generous for real use (a display name
of 200 characters is a paragraph) and small enough that a hostile file cannot fill the store or
the window with megabytes of text. It returns the first problem as one English line (the CLI
prints it, the import report adds the entry number); the edit dialog stops the same input at
the keyboard (``setMaxLength`` with these limits, control characters dropped).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from mailmanager.core.i18n import QT_TRANSLATE_NOOP
from mailmanager.core.model.accounts import Account, Endpoint, Protocol, Security
from mailmanager.core.model.address import MAX_ADDRESS_LENGTH, server_name_problem

NEVER_REMIND = 0
MIN_ROTATE_DAYS = 7
MAX_ROTATE_DAYS = 3650
# The largest reminder an earlier version could write to an export file (see the docstring).
EARLIER_MAX_ROTATE_DAYS = 36500

MIN_CHECK_INTERVAL_HOURS = 1
MAX_CHECK_INTERVAL_HOURS = 24 * 366

# The standard port of each protocol and security (RFC 8314 for implicit TLS, RFC 6409 for
# submission); an editor moves the port along when the user changes the security.
DEFAULT_PORTS: Mapping[tuple[Protocol, Security], int] = MappingProxyType(
    {
        (Protocol.IMAP, Security.SSL): 993,
        (Protocol.IMAP, Security.STARTTLS): 143,
        (Protocol.IMAP, Security.PLAIN): 143,
        (Protocol.SMTP, Security.SSL): 465,
        (Protocol.SMTP, Security.STARTTLS): 587,
        (Protocol.SMTP, Security.PLAIN): 25,
    }
)

LIMITS_CONTEXT = "Limits"
MSG_ROTATE_DAYS = QT_TRANSLATE_NOOP(
    "Limits", "Remind to replace the code after %1 to %2 days, or enter 0 for never."
)


class LimitError(ValueError):
    """A number outside its limits.

    Attributes:
        message: translatable source text (context ``Limits``) with ``%1`` and ``%2`` for the
            limits; ``ui.errors.user_message`` translates it, ``str()`` is the English text.
        value: the refused number.
        low, high: the limits that ``%1`` and ``%2`` stand for.
    """

    def __init__(self, message: str, value: int, low: int, high: int) -> None:
        self.message = message
        self.value = value
        self.low = low
        self.high = high
        super().__init__(message.replace("%1", str(low)).replace("%2", str(high)))


def rotate_days_allowed(days: int) -> bool:
    """Whether ``days`` may be chosen as the code reminder (0 is "never")."""
    return days == NEVER_REMIND or MIN_ROTATE_DAYS <= days <= MAX_ROTATE_DAYS


def validate_rotate_days(days: int) -> int:
    """``days`` if it may be chosen as the code reminder; LimitError otherwise."""
    if not rotate_days_allowed(days):
        raise LimitError(MSG_ROTATE_DAYS, days, MIN_ROTATE_DAYS, MAX_ROTATE_DAYS)
    return days


def nearest_rotate_days(days: int) -> int:
    """The allowed reminder closest to ``days`` (0 and negative numbers: never)."""
    if days <= NEVER_REMIND:
        return NEVER_REMIND
    return min(max(days, MIN_ROTATE_DAYS), MAX_ROTATE_DAYS)


def default_port(protocol: Protocol | str, security: Security | str) -> int:
    """The standard port of ``protocol`` ("imap"/"smtp") with ``security``."""
    return DEFAULT_PORTS[(Protocol(protocol), Security(security))]


# -- field rules --------------------------------------------------------------------------------

MAX_DISPLAY_NAME = 200
MAX_LABEL = 200
MAX_USERNAME = MAX_ADDRESS_LENGTH + 66  # an address, or a provider's longer login form
MAX_PROVIDER_ID = 64
MAX_CA_FILE = 4096
MAX_GROUP = 100


def clean_group(name: str) -> str:
    """A group name as kept: spaces around it and control characters dropped, one space between
    words (so "Client A" and " Client  A" are one group). Too long a name is left for
    ``account_problem`` to refuse."""
    return " ".join(without_control_characters(name).split())


# Unicode's control characters (category Cc) are exactly U+0000-U+001F and U+007F-U+009F; a
# pattern finds them much faster than asking unicodedata per character (table import).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def has_control_characters(text: str) -> bool:
    return _CONTROL.search(text) is not None


def without_control_characters(text: str) -> str:
    """``text`` without tabs, line breaks and other control characters (the dialog's input)."""
    return _CONTROL.sub("", text)


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
        text_problem("group", account.group, MAX_GROUP),
    ):
        if problem is not None:
            return problem
    return None
