"""The store's schema, as a list of migrations: migration N brings a database to version N.

Versions are kept in ``PRAGMA user_version``. A released migration is never edited; a change is
a new migration appended here, and a database file of the previous version is committed under
tests/fixtures/ so the upgrade path is tested forever.
"""

from __future__ import annotations

# Version 1: accounts, check history, credential events.
_V1 = """
CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    address          TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name     TEXT NOT NULL DEFAULT '',
    provider_id      TEXT,
    imap_host        TEXT NOT NULL,
    imap_port        INTEGER NOT NULL CHECK (imap_port BETWEEN 1 AND 65535),
    imap_security    TEXT NOT NULL CHECK (imap_security IN ('ssl', 'starttls', 'plain')),
    imap_username    TEXT NOT NULL DEFAULT '',
    smtp_host        TEXT NOT NULL,
    smtp_port        INTEGER NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_security    TEXT NOT NULL CHECK (smtp_security IN ('ssl', 'starttls', 'plain')),
    smtp_username    TEXT NOT NULL DEFAULT '',
    ca_file          TEXT,
    credential_label TEXT NOT NULL DEFAULT '',
    code_created     TEXT,
    code_expires     TEXT,
    rotate_days      INTEGER NOT NULL DEFAULT 90 CHECK (rotate_days > 0),
    paused           INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE TABLE check_history (
    id             INTEGER PRIMARY KEY,
    account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    checked_at     TEXT NOT NULL,
    protocol       TEXT NOT NULL CHECK (protocol IN ('imap', 'smtp')),
    status         TEXT NOT NULL,
    hint_id        TEXT NOT NULL DEFAULT '',
    server_message TEXT NOT NULL DEFAULT '',
    elapsed_ms     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX check_history_account_time ON check_history(account_id, checked_at);
CREATE TABLE credential_events (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    kind       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX credential_events_account ON credential_events(account_id, at);
"""

# Version 2: fields for monitoring (issue 6), a copy of the latest result per account and
# protocol kept beside the history (so the main list never touches a million history rows),
# and daily aggregates for history older than the raw-retention window.
#
# The accounts table is rebuilt (SQLite's documented way to change a constraint; the store runs
# migrations with foreign keys off, so the history rows that point at accounts stay) because
# version 1 refused rotate_days = 0, which the app uses for "never remind".
_V2 = """
CREATE TABLE accounts_v2 (
    id                   INTEGER PRIMARY KEY,
    address              TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name         TEXT NOT NULL DEFAULT '',
    provider_id          TEXT,
    imap_host            TEXT NOT NULL,
    imap_port            INTEGER NOT NULL CHECK (imap_port BETWEEN 1 AND 65535),
    imap_security        TEXT NOT NULL CHECK (imap_security IN ('ssl', 'starttls', 'plain')),
    imap_username        TEXT NOT NULL DEFAULT '',
    smtp_host            TEXT NOT NULL,
    smtp_port            INTEGER NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_security        TEXT NOT NULL CHECK (smtp_security IN ('ssl', 'starttls', 'plain')),
    smtp_username        TEXT NOT NULL DEFAULT '',
    ca_file              TEXT,
    credential_label     TEXT NOT NULL DEFAULT '',
    code_created         TEXT,
    code_expires         TEXT,
    rotate_days          INTEGER NOT NULL DEFAULT 90 CHECK (rotate_days >= 0),
    paused               INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    needs_code           INTEGER NOT NULL DEFAULT 0,
    check_interval_hours INTEGER CHECK (check_interval_hours > 0),
    last_web_login       TEXT,
    sending_since        TEXT
);
INSERT INTO accounts_v2 (id, address, display_name, provider_id, imap_host, imap_port,
    imap_security, imap_username, smtp_host, smtp_port, smtp_security, smtp_username, ca_file,
    credential_label, code_created, code_expires, rotate_days, paused, created_at, updated_at)
SELECT id, address, display_name, provider_id, imap_host, imap_port, imap_security,
    imap_username, smtp_host, smtp_port, smtp_security, smtp_username, ca_file,
    credential_label, code_created, code_expires, rotate_days, paused, created_at, updated_at
FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_v2 RENAME TO accounts;
CREATE TABLE latest_check (
    account_id     INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    protocol       TEXT NOT NULL,
    check_id       INTEGER NOT NULL REFERENCES check_history(id) ON DELETE CASCADE,
    checked_at     TEXT NOT NULL,
    status         TEXT NOT NULL,
    hint_id        TEXT NOT NULL DEFAULT '',
    server_message TEXT NOT NULL DEFAULT '',
    elapsed_ms     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, protocol)
) WITHOUT ROWID;
INSERT INTO latest_check (account_id, protocol, check_id, checked_at, status, hint_id,
                          server_message, elapsed_ms)
    SELECT h.account_id, h.protocol, h.id, h.checked_at, h.status, h.hint_id, h.server_message,
           h.elapsed_ms
    FROM check_history h
    JOIN (SELECT MAX(id) AS id FROM check_history GROUP BY account_id, protocol) m ON m.id = h.id;
CREATE TABLE check_daily (
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    day        TEXT NOT NULL,
    protocol   TEXT NOT NULL,
    ok_count   INTEGER NOT NULL DEFAULT 0,
    fail_count INTEGER NOT NULL DEFAULT 0,
    worst      TEXT NOT NULL DEFAULT 'ok',
    PRIMARY KEY (account_id, day, protocol)
) WITHOUT ROWID;
"""

# Version 3: where each endpoint came from and the user's consent (core/trust.py), and the
# extra CA certificates kept as PEM. Mailboxes saved before keep working where the trust rule
# allows ("earlier": TLS on a catalogue host or under the address's own domain); any other
# endpoint, and a CA given only as a path, waits for the user's confirmation.
_V3 = """
ALTER TABLE accounts ADD COLUMN imap_source TEXT NOT NULL DEFAULT 'earlier';
ALTER TABLE accounts ADD COLUMN imap_source_detail TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN imap_confirmed_at TEXT;
ALTER TABLE accounts ADD COLUMN imap_plain_confirmed_at TEXT;
ALTER TABLE accounts ADD COLUMN smtp_source TEXT NOT NULL DEFAULT 'earlier';
ALTER TABLE accounts ADD COLUMN smtp_source_detail TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN smtp_confirmed_at TEXT;
ALTER TABLE accounts ADD COLUMN smtp_plain_confirmed_at TEXT;
ALTER TABLE accounts ADD COLUMN ca_pem TEXT;
ALTER TABLE accounts ADD COLUMN ca_confirmed_at TEXT;
"""

# Version 4: atomic saves (issue 14). An account is inserted ``pending`` before its code is
# written to the keyring and marked complete once the code has been read back; a pending row
# left by a crash tells the next start which keyring entry to remove. Pending rows are not
# listed. The address stays unique, pending or not, so two saves of one address cannot both
# reach the keyring.
_V4 = """
ALTER TABLE accounts ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
"""

# Version 5: groups (issue 21). A mailbox may belong to one group (a client, a team, a
# campaign); '' is "no group". Indexed because the main window's group list counts by it.
_V5 = """
ALTER TABLE accounts ADD COLUMN group_name TEXT NOT NULL DEFAULT '';
CREATE INDEX accounts_group ON accounts(group_name);
"""

# Version 6: the code inventory (issue 19). Every authorization code a mailbox has issued, one
# per client, with exactly one ``own`` code (the one mailmanager checks with; its label and
# dates are the account's, written by the store with the account). Today's single code becomes
# the first entry: its label ('' becomes 'mailmanager'), dates and last successful check carry
# over; a mailbox restored from an export without its code is 'unknown' and not kept. No
# keyring entry is touched: the own code keeps the entry it has. ``code_audits`` holds when the
# inventory was last compared with the provider's list of clients, per mailbox.
_V6 = """
CREATE TABLE codes (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    label       TEXT NOT NULL COLLATE NOCASE CHECK (label <> ''),
    created     TEXT,
    expires     TEXT,
    last_proven TEXT,
    state       TEXT NOT NULL DEFAULT 'in_use'
                CHECK (state IN ('in_use', 'revoked', 'invalidated', 'expired', 'unknown')),
    revoked     TEXT,
    kept        INTEGER NOT NULL DEFAULT 0,
    own         INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, label)
);
CREATE UNIQUE INDEX codes_own ON codes(account_id) WHERE own = 1;
INSERT INTO codes (account_id, label, created, expires, last_proven, state, kept, own)
SELECT a.id,
       CASE WHEN trim(a.credential_label) = '' THEN 'mailmanager' ELSE a.credential_label END,
       a.code_created, a.code_expires,
       (SELECT max(l.checked_at) FROM latest_check l WHERE l.account_id = a.id AND l.status = 'ok'),
       CASE WHEN a.needs_code THEN 'unknown' ELSE 'in_use' END,
       CASE WHEN a.needs_code THEN 0 ELSE 1 END,
       1
FROM accounts a;
CREATE TABLE code_audits (
    account_id    INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    interval_days INTEGER NOT NULL DEFAULT 90 CHECK (interval_days > 0),
    audited_on    TEXT
);
"""

# Version 7: the main list's change log (issue 21, scale). The list reloads after every change
# to the store; with ten thousand mailboxes reading every row each time was most of a reload.
# Triggers on every table the list's row is read from (accounts, latest_check, codes) give the
# mailbox a new number in ``list_changes`` whenever one of its rows is written, by any
# connection (the app, the CLI, an import), so a reader that remembers the last number it saw
# reads only the mailboxes changed since (``AccountStore.read_list_since``). One row per
# mailbox that was ever changed: the log cannot grow past the number of mailboxes. ``list_log``
# holds the counter and a token made at random when the log was created, so a reader notices a
# different file in the same place and reads everything. A migration that rebuilds one of
# these tables must create its triggers again.
#
# ``codes_live``: the list's code dates read only the codes in use, so this partial index
# covers them (one short index range per mailbox, no sort, no table row read).
# ``accounts_pending``: the pending rows (a save under way), so that the number of listed
# mailboxes, which a reader checks its rows against, is all rows less these, each counted
# without reading the table. (Partial, so the list's own read is not steered to it.)
_LOGGED = (("accounts", "id"), ("latest_check", "account_id"), ("codes", "account_id"))


def _log_triggers() -> str:
    """The change log's triggers: one per table and kind of write."""
    bump = "UPDATE list_log SET seq = seq + 1;"
    note = "INSERT INTO list_changes (account_id, seq) SELECT {key}, seq FROM list_log{where};"
    triggers = []
    for table, key in _LOGGED:
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
            triggers.append(
                f"CREATE TRIGGER list_log_{table}_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN {bump} DELETE FROM list_changes WHERE account_id = {row}.{key}; "
                f"{note.format(key=f'{row}.{key}', where='')} END;"
            )
        triggers.append(
            f"CREATE TRIGGER list_log_{table}_update AFTER UPDATE ON {table} "
            f"BEGIN {bump} DELETE FROM list_changes WHERE account_id IN (OLD.{key}, NEW.{key}); "
            f"{note.format(key=f'OLD.{key}', where='')} "
            f"{note.format(key=f'NEW.{key}', where=f' WHERE NEW.{key} IS NOT OLD.{key}')} END;"
        )
    return "\n".join(triggers)


_V7 = """
CREATE INDEX codes_live ON codes(account_id, created, expires, own, label)
    WHERE state IN ('in_use', 'unknown');
CREATE INDEX accounts_pending ON accounts(id) WHERE pending = 1;
CREATE TABLE list_log (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    token TEXT NOT NULL,
    seq   INTEGER NOT NULL
);
INSERT INTO list_log (id, token, seq) VALUES (1, lower(hex(randomblob(8))), 0);
CREATE TABLE list_changes (
    account_id INTEGER PRIMARY KEY,
    seq        INTEGER NOT NULL
);
CREATE INDEX list_changes_seq ON list_changes(seq);
""" + _log_triggers()

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7)
SCHEMA_VERSION = len(MIGRATIONS)
