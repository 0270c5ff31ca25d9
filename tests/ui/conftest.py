"""The main window's fixtures are shared from tests/conftest.py and its sample accounts from
tests/helpers/sample_accounts.py; ``make_account`` (the sample's ``sample_account``) is kept here
for the tests that still import it from this module."""

from __future__ import annotations

from tests.helpers.sample_accounts import sample_account as make_account

__all__ = ["make_account"]
