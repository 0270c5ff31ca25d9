"""Checking speed on loopback with 50 ms of latency before every server reply (issue 4, item 10).

Targets, each compared with bench/minimal_check.py (imaplib + smtplib doing the same steps, both
protocols in parallel) measured in the same run:

* one account's full check takes at most 1.2 x the minimal script;
* 200 accounts over 100 server addresses (127.0.0.1 - 127.0.0.100, so the 2-logins-per-host
  limit is not what is measured) with concurrency 8 finish within 1.3 x the ideal
  (200 / 8 x the minimal check).

The scripted servers run in ANOTHER process (``--serve``), so their threads do not compete with
the checker for this process's interpreter lock. Run: ``python -m bench.bench_check``
(options: ``--tls`` for implicit TLS on both sides, ``--repeat N``, ``--accounts N``).
"""

from __future__ import annotations

import argparse
import json
import os
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bench.minimal_check import minimal_check
from bench.stats import Figure, machine_line
from mailmanager.core.checking.runner import CheckRunner, check_account
from mailmanager.core.model.accounts import Account, Endpoint, Security

LATENCY = 0.05
HOSTS = 100
SECRET = "bench-code-1234"
REPO = Path(__file__).resolve().parent.parent


# -- the server process ---------------------------------------------------------------------------


def serve(hosts: int, latency: float, cert_dir: str | None) -> None:
    """Run an IMAP and an SMTP scripted server on each of 127.0.0.1 .. 127.0.0.<hosts>."""
    from tests.helpers import scripted_server as ss

    context = None
    if cert_dir:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(Path(cert_dir) / "server.pem"))
    ports = []
    servers = []  # kept referenced while serving
    for n in range(1, hosts + 1):
        host = f"127.0.0.{n}"
        imap = ss.ScriptedServer(
            ss.imap_script(password=SECRET, latency=latency), host=host, tls_context=context
        ).start()
        smtp = ss.ScriptedServer(
            ss.smtp_script(password=SECRET, latency=latency), host=host, tls_context=context
        ).start()
        servers += [imap, smtp]
        ports.append([host, imap.port, smtp.port])
    print(json.dumps(ports), flush=True)
    sys.stdin.read()  # until the parent closes our stdin; the daemon threads end with us


def start_servers(
    hosts: int, latency: float, cert_dir: str | None
) -> tuple[subprocess.Popen[str], list[tuple[str, int, int]]]:
    command = [sys.executable, "-m", "bench.bench_check", "--serve", str(hosts), str(latency)]
    if cert_dir:
        command.append(cert_dir)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    ports = [tuple(p) for p in json.loads(process.stdout.readline())]
    return process, ports


# -- the client side ------------------------------------------------------------------------------


def make_accounts(ports: Sequence[tuple[str, int, int]], count: int, tls: bool) -> list[Account]:
    security = Security.SSL if tls else Security.PLAIN
    accounts = []
    for n in range(count):
        host, imap_port, smtp_port = ports[n % len(ports)]
        address = f"user{n}@bench.example"
        accounts.append(
            Account(
                address=address,
                imap=Endpoint(host, imap_port, security, address),
                smtp=Endpoint(host, smtp_port, security, address),
                id=n + 1,
            )
        )
    return accounts


def one_ours(account: Account) -> float:
    start = time.perf_counter()
    result = check_account(account, SECRET, timeout=20)
    elapsed = time.perf_counter() - start
    assert result.ok, result
    return elapsed * 1000


def one_minimal(account: Account, context: ssl.SSLContext | None) -> float:
    start = time.perf_counter()
    ok = minimal_check(
        (account.imap.host, account.imap.port),
        (account.smtp.host, account.smtp.port),
        account.address,
        SECRET,
        context,
    )
    elapsed = time.perf_counter() - start
    assert ok
    return elapsed * 1000


def many_ours(accounts: list[Account], concurrency: int) -> float:
    runner = CheckRunner(lambda a: SECRET, concurrency=concurrency, timeout=20)
    start = time.perf_counter()
    done = runner.run(accounts)
    elapsed = time.perf_counter() - start
    runner.shutdown(cancel=False)
    assert all(f.result().ok for _a, f in done)
    return elapsed * 1000


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--serve", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--tls", action="store_true", help="implicit TLS on both sides")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the 200-account batch")
    parser.add_argument("--single", type=int, default=15, help="runs of the one-account check")
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(
        argv if argv is not None else sys.argv[1:] if __name__ == "__main__" else []
    )
    if args.serve:
        serve(
            int(args.serve[0]), float(args.serve[1]), args.serve[2] if len(args.serve) > 2 else None
        )
        return

    with tempfile.TemporaryDirectory() as folder:
        cert_dir = None
        context = None
        ca_file = None
        if args.tls:
            import trustme

            ca = trustme.CA()
            cert = ca.issue_cert(*(f"127.0.0.{n}" for n in range(1, HOSTS + 1)))
            cert.private_key_and_cert_chain_pem.write_to_path(str(Path(folder) / "server.pem"))
            ca_file = str(Path(folder) / "ca.pem")
            ca.cert_pem.write_to_path(ca_file)
            cert_dir = folder
            context = ssl.create_default_context(cafile=ca_file)
        process, ports = start_servers(HOSTS, LATENCY, cert_dir)
        try:
            accounts = make_accounts(ports, args.accounts, args.tls)
            if ca_file:
                # As when the user chose the CA file: its PEM kept and confirmed (core.trust).
                pem = Path(ca_file).read_text("ascii")
                chosen = datetime.now(UTC)
                accounts = [
                    a.replace(ca_file=ca_file, ca_pem=pem, ca_confirmed_at=chosen) for a in accounts
                ]
            # Warm up both paths (imports, TLS contexts, first connections).
            one_ours(accounts[0])
            one_minimal(accounts[0], context)
            ours, minimal = [], []
            for n in range(args.single):
                account = accounts[n % len(accounts)]
                ours.append(one_ours(account))
                minimal.append(one_minimal(account, context))
            ours_fig = Figure("one account, mailmanager check_account", tuple(ours))
            minimal_fig = Figure("one account, minimal imaplib+smtplib", tuple(minimal))
            batches = [many_ours(accounts, args.concurrency) for _ in range(args.repeat)]
            batch_fig = Figure(
                f"{args.accounts} accounts over {HOSTS} hosts, concurrency {args.concurrency}",
                tuple(batches),
            )
        finally:
            assert process.stdin is not None
            process.stdin.close()
            process.wait(10)
    ideal = args.accounts / args.concurrency * minimal_fig.median
    mode = "implicit TLS" if args.tls else "plain TCP"
    print(f"bench_check (loopback, {mode}, {LATENCY * 1000:.0f} ms before every server reply)")
    print(machine_line())
    print(minimal_fig.line())
    print(ours_fig.line())
    print(f"  ratio (median / median): {ours_fig.median / minimal_fig.median:.2f} (target <= 1.20)")
    print(batch_fig.line())
    print(
        f"  ideal {args.accounts}/{args.concurrency} x minimal median = {ideal:.0f} ms; "
        f"ratio (median / ideal): {batch_fig.median / ideal:.2f} (target <= 1.30)"
    )


if __name__ == "__main__":
    main()
