"""A process that saves one account through the Registry and stops at a chosen step, for the
atomic-save tests (tests/core/test_registry_atomic.py).

    python -m tests.core.atomic_writer HOME ADDRESS STEP   (the code on standard input)

STEP is ``before-keyring`` (the pending row is in, the keyring not yet written) or
``after-keyring`` (the code is written and read back by the keyring call, the row not yet
complete). At that step the process prints ``paused`` and waits for a line on standard input:
the test SIGKILLs it there, or (to let it go on) writes a line.
"""

from __future__ import annotations

import sys

from keyring.backends import SecretService

from mailmanager import paths
from mailmanager.core.checking.proof import Unproven
from mailmanager.core.model.accounts import Account, Endpoint, Security
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretsError, SecretStore
from mailmanager.core.store.account_store import AccountStore


class PausingSecrets(SecretStore):
    def __init__(self, app_paths: paths.AppPaths, step: str) -> None:
        super().__init__(app_paths, backend=SecretService.Keyring(), timeout=5.0)
        self.step = step

    def set(self, address: str, secret: str) -> None:
        if self.step == "before-keyring":
            pause()
        super().set(address, secret)
        if self.step == "after-keyring":
            pause()


def pause() -> None:
    print("paused", flush=True)
    sys.stdin.readline()


def main() -> int:
    home, address, step = sys.argv[1:4]
    code = sys.stdin.readline().strip()
    app_paths = paths.resolve(home)
    app_paths.ensure()
    where = Endpoint("imap.example.org", 993, Security.SSL, address)
    smtp = Endpoint("smtp.example.org", 465, Security.SSL, address)
    with AccountStore.open(app_paths.database) as store:
        registry = Registry(store, PausingSecrets(app_paths, step))
        try:
            registry.add(Account(address, where, smtp), Unproven(code, "--no-check"))
        except SecretsError as exc:
            print(f"error: {type(exc).__name__}", flush=True)
            return 1
    print("saved", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
