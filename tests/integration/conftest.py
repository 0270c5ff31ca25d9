"""Fixtures for the integration suite: real servers on loopback (see tests/helpers/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.certs import Pki, make_pki


@pytest.fixture
def pki(tmp_path: Path) -> Pki:
    """A private CA (trusted by the probes only through ``ca_file``)."""
    return make_pki(tmp_path / "pki")
