"""Extra CA certificates kept with an account: how they are named to the user.

A fingerprint is what a user compares when confirming certificates their administrator gave
them (``--trust-ca-file SHA256``, the wizard's confirmation), so it must not change with the
file's line endings or comments: it is taken over the certificates' DER bytes.
"""

from __future__ import annotations

import hashlib
import os
import ssl
import stat

BEGIN = "-----BEGIN CERTIFICATE-----"
END = "-----END CERTIFICATE-----"


def ca_fingerprint(pem: str) -> str:
    """SHA-256 over the DER of every certificate in ``pem``, as lower-case hex.

    The same certificates give the same fingerprint whatever the file's line endings or
    comments; what the user compares is what ``--trust-ca-file`` takes.
    """
    digest = hashlib.sha256()
    blocks = pem.split(BEGIN)[1:]
    if not blocks:
        raise ValueError("no certificate found")
    for block in blocks:
        body = BEGIN + block.split(END)[0] + END + "\n"
        digest.update(ssl.PEM_cert_to_DER_cert(body))
    return digest.hexdigest()


MAX_PEM_BYTES = 256 * 1024


def read_ca_file(path: str) -> str:
    """The PEM text of a CA file the user names, checked; OSError or ValueError with a reason.

    Read once, when the user chooses it: from then on the account keeps this text, so a file
    swapped on disk later changes nothing.
    """
    # Only a regular file: a FIFO or a device named here (an imported settings file can name
    # anything) would hang the read or swallow standard input.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError("the CA file is not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_PEM_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_PEM_BYTES:
        raise ValueError("the file is too large for a list of CA certificates")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise ValueError("the file is not a PEM certificate list") from None
    try:
        ca_fingerprint(text)
    except ValueError:
        raise ValueError("the file is not a PEM certificate list") from None
    return text
