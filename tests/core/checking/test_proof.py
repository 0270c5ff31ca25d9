"""Proofs: made only by the check runner, tied to the servers they were made against."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from mailmanager.core import registry
from mailmanager.core.checking import runner
from mailmanager.core.checking.proof import Proof, Unproven, make_proof
from mailmanager.core.checking.result import AccountCheck, ProbeResult
from mailmanager.core.model.accounts import Protocol
from mailmanager.core.model.status import ConnectionStatus
from tests.helpers import scripted_server as ss
from tests.helpers.factories import make_account

PACKAGE = Path(runner.__file__).resolve().parents[2]


def test_only_the_runner_makes_proofs() -> None:
    makers = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and any(a.name == "make_proof" for a in node.names):
                makers.append(path.relative_to(PACKAGE).as_posix())
    assert makers == ["core/checking/runner.py"]


def test_every_intent_that_stores_a_code_takes_a_credential() -> None:
    for name in ("add", "rotate", "restore_code", "change"):
        parameters = inspect.signature(getattr(registry.Registry, name)).parameters
        assert "credential" in parameters, name
        assert not {"secret", "save_anyway", "check_ok"} & set(parameters), name


def test_prove_carries_the_code_it_logged_in_with() -> None:
    with (
        ss.running(ss.imap_script(password="c0de")) as imap,
        ss.running(ss.smtp_script(password="c0de")) as smtp,
    ):
        account = make_account("me@example.org", servers=(imap, smtp))
        proof = runner.prove(account, "c0de", timeout=5)
        wrong = runner.prove(account, "wrong", timeout=5)
    assert isinstance(proof, Proof) and proof.ok and proof.proves(account)
    assert proof.secret == "c0de" and "c0de" not in repr(proof)
    assert not wrong.ok and wrong.check.imap.status is ConnectionStatus.AUTH_FAILED
    assert not proof.proves(account.replace(address="other@example.org"))


def test_unproven_keeps_a_failed_check_for_the_history() -> None:
    failed = AccountCheck(
        ProbeResult(Protocol.IMAP, ConnectionStatus.AUTH_FAILED),
        ProbeResult(Protocol.SMTP, ConnectionStatus.OK),
    )
    proof = make_proof("c0de", failed, make_account())
    kept = Unproven.after_failed(proof, "save anyway")
    assert (kept.secret, kept.check, kept.reason) == ("c0de", failed, "save anyway")
    assert "c0de" not in repr(kept)
