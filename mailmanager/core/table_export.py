"""The table for sending platforms: every mailbox's settings as CSV, never a code.

Sending platforms and mail-merge tools import mailboxes from a spreadsheet with a common set of
columns (``from_name``, ``from_email``, the SMTP and IMAP servers, ports and user names, and a
password column per protocol). This writes that table so a team can move its mailboxes to a
platform without retyping them, while keeping the one promise of the app: codes stay in the
keyring. The password columns are there (importers expect them) and always empty, and there is
no parameter that could fill them; a code is handed over one at a time, by the user, from the
app.

A cell that begins with ``=``, ``+``, ``-`` or ``@`` (a display name, a group, even a user name
can) is one a spreadsheet would run as a formula: it gets a leading ``'``, which spreadsheets
read as "text", and the text itself is kept. Tabs and line breaks at the start count too, as
the same spreadsheets treat them alike, and so do the full-width signs (＝＋－＠) a Chinese
input method types.

The file is written next to its final place and renamed over it, created owner-only (0600)
like every file of the app, so a failure never leaves half a table and nobody else can read it.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mailmanager.core.model import limits
from mailmanager.core.model.accounts import Account
from mailmanager.private_files import FILE_MODE

COLUMNS = (
    "from_name",
    "from_email",
    "smtp_host",
    "smtp_port",
    "smtp_username",
    "smtp_password",
    "smtp_security",
    "imap_host",
    "imap_port",
    "imap_username",
    "imap_password",
    "imap_security",
    "group",
)

# What makes a spreadsheet read a cell as a formula (or as the start of one): the ASCII signs,
# the control characters spreadsheets skip before them, and the full-width signs that East Asian
# input methods type and some locales read as the ASCII ones (OWASP's testing guide lists them).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text: a leading ``'`` before a formula start."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def in_group(accounts: Iterable[Account], group: str | None) -> list[Account]:
    """The accounts of ``group`` (cleaned and compared as the list compares it, ignoring
    case), or all of them for None."""
    if group is None:
        return list(accounts)
    wanted = limits.clean_group(group).casefold()
    return [a for a in accounts if a.group.casefold() == wanted]


def row(account: Account) -> list[str]:
    """One mailbox's cells, in ``COLUMNS`` order, neutralised; both password cells empty."""
    smtp, imap = account.smtp, account.imap
    cells = [
        account.display_name,
        account.address,
        smtp.host,
        str(smtp.port),
        smtp.username,
        "",  # smtp_password: codes never go to a file
        smtp.security.value,
        imap.host,
        str(imap.port),
        imap.username,
        "",  # imap_password
        imap.security.value,
        account.group,
    ]
    return [neutralise(cell) for cell in cells]


def dumps(accounts: Iterable[Account]) -> str:
    """The whole table as CSV text (header first, CRLF line ends as RFC 4180 has them)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for account in accounts:
        writer.writerow(row(account))
    return out.getvalue()


def write(path: Path, accounts: Iterable[Account]) -> int:
    """Write the table to ``path`` (replacing a file there), owner-only; the number of rows."""
    chosen = list(accounts)
    text = dumps(chosen)
    folder = path.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        if hasattr(os, "fchmod"):  # mkstemp made it 0600 already; say so for any umask
            os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(chosen)
