"""bench_save's child: one process, one first save, timed (milliseconds on the last line).

``python bench/save_child.py cold|warm HOME``; the environment points D-Bus at the private
Secret Service the parent started.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    mode, home = sys.argv[1], sys.argv[2]
    from mailmanager import paths
    from mailmanager.core import secrets_gateway
    from mailmanager.core.checking.proof import Unproven
    from mailmanager.core.model.accounts import Account, Endpoint, Security
    from mailmanager.core.registry import Registry
    from mailmanager.core.store.account_store import AccountStore

    app_paths = paths.resolve(home)
    app_paths.ensure()
    if mode == "warm":

        def discover() -> str:
            from mailmanager.core import secrets

            return secrets.discover_backend()

        secrets_gateway.warm_up(discover).result(timeout=60)
    address = "bench@example.org"
    account = Account(
        address,
        Endpoint("imap.example.org", 993, Security.SSL, address),
        Endpoint("smtp.example.org", 465, Security.SSL, address),
    )
    store = AccountStore.open(app_paths.database)
    start = time.perf_counter()
    from mailmanager.core.secrets import SecretStore  # what the done page's job uses

    Registry(store, SecretStore(app_paths)).add(account, Unproven("BenchCode12345678", "bench"))
    elapsed = (time.perf_counter() - start) * 1000
    store.close()
    print(f"{elapsed:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
