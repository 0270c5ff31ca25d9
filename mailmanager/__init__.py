"""mailmanager: bind mailboxes to mail clients over IMAP/SMTP and keep their codes working."""

__version__ = "0.1.0"
APP_NAME = "mailmanager"
