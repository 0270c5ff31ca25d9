"""The main window's fixtures are shared from tests/conftest.py and its sample accounts from
tests/helpers/sample_accounts.py; ``make_account`` is re-exported here for the tests that still
import it from this module (new tests import it from tests/helpers)."""

from __future__ import annotations

from tests.helpers.sample_accounts import make_account

__all__ = ["make_account"]
