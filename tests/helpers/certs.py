"""Test certificates from trustme: a private CA the probes trust through ``ca_file``.

The probes verify against the system trust store plus an optional extra CA file, exactly as a
company's own server is configured; tests hand them ``pki.ca_file``. Certificates for the wrong
host name, an expired one and one from an untrusted CA let tests see each TLS failure.
"""

from __future__ import annotations

import datetime
import ssl
from dataclasses import dataclass
from pathlib import Path

import trustme


@dataclass
class Pki:
    """A CA on disk (``ca_file``) and server contexts signed by it."""

    ca: trustme.CA
    ca_file: str
    folder: Path

    def server_context(self, *names: str, expired: bool = False) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        not_before = not_after = None
        if expired:
            now = datetime.datetime.now(datetime.UTC)
            not_before, not_after = (
                now - datetime.timedelta(days=30),
                now - datetime.timedelta(days=1),
            )
        cert = self.ca.issue_cert(
            *(names or ("127.0.0.1", "localhost")), not_before=not_before, not_after=not_after
        )
        cert.configure_cert(context)
        return context

    def account_ca(self) -> dict[str, object]:
        """An account's CA fields as when the user chose ``ca_file``: the PEM kept with the
        account and confirmed (the trust rule refuses a bare path or an unconfirmed PEM)."""
        return account_ca(self.ca_file)

    def server_pem(self, name: str, *names: str) -> Path:
        """Key and chain in one PEM file (what Dovecot's ssl_cert/ssl_key read)."""
        cert = self.ca.issue_cert(*(names or ("127.0.0.1", "localhost")))
        path = self.folder / name
        with path.open("wb") as out:
            out.write(cert.private_key_pem.bytes())
            for blob in cert.cert_chain_pems:
                out.write(blob.bytes())
        return path


def account_ca(ca_file: str) -> dict[str, object]:
    """``Account`` keyword arguments for a CA file the user chose (see ``Pki.account_ca``)."""
    return {
        "ca_file": ca_file,
        "ca_pem": Path(ca_file).read_text("ascii"),
        "ca_confirmed_at": datetime.datetime.now(datetime.UTC),
    }


def make_pki(folder: Path) -> Pki:
    folder.mkdir(parents=True, exist_ok=True)
    ca = trustme.CA()
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return Pki(ca=ca, ca_file=str(ca_file), folder=folder)
