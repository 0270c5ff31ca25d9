"""Fixtures for the integration suite: real servers on loopback (see tests/helpers/)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.certs import Pki, make_pki
from tests.helpers.dovecot import Dovecot, start_dovecot


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """One real Dovecot for the session (IMAPS + IMAP/STARTTLS, trustme certificate).

    Its folder is outside pytest's temporary root, which is private to root (mode 0700) while
    Dovecot's own users must read the users file."""
    folder = Path(tempfile.mkdtemp(prefix="mailmanager-dovecot-"))
    try:
        yield from start_dovecot(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    """A private CA (trusted by the probes only through ``ca_file``)."""
    return make_pki(tmp_path / "pki")
