"""``mailmanager-cli provider``: import an autoconfig file as a user provider, list, remove."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mailmanager.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


AUTOCONFIG = """<clientConfig version="1.1"><emailProvider id="firm.test">
<domain>firm.test</domain><displayName>Firm Mail</displayName>
<incomingServer type="imap"><hostname>mail.firm.test</hostname><port>993</port>
<socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
<outgoingServer type="smtp"><hostname>mail.firm.test</hostname><port>465</port>
<socketType>SSL</socketType><username>%EMAILADDRESS%</username></outgoingServer>
</emailProvider></clientConfig>"""


def test_provider_import_list_detect_remove(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "config-v1.1.xml"
    source.write_text(AUTOCONFIG, "utf-8")
    code, out, err = run(capsys, "provider", "import", str(source))
    assert code == 0, err
    assert "user_firm_test" in out

    code, out, _ = run(capsys, "detect", "boss@firm.test", "--no-network", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["provider"], data["source"]) == ("user_firm_test", "user")
    assert data["imap"] == {"host": "mail.firm.test", "port": 993, "security": "ssl"}

    code, out, _ = run(capsys, "provider", "list", "--json")
    listed = {p["id"]: p for p in json.loads(out)}
    assert listed["user_firm_test"]["user"] is True
    assert listed["netease_personal"]["user"] is False

    code, _, err = run(capsys, "provider", "import", str(source))
    assert code == 2 and "exists already" in err
    code, out, _ = run(capsys, "--json", "provider", "import", str(source), "--replace")
    assert code == 0 and json.loads(out)["id"] == "user_firm_test"

    code, out, _ = run(capsys, "provider", "remove", "user_firm_test")
    assert code == 0
    code, _, err = run(capsys, "provider", "remove", "user_firm_test")
    assert code == 2 and "no user provider" in err


def test_provider_import_refuses_hostile_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    evil = tmp_path / "evil.xml"
    evil.write_text('<!DOCTYPE x [<!ENTITY a "b">]><clientConfig>&a;</clientConfig>', "utf-8")
    code, out, err = run(capsys, "provider", "import", str(evil))
    assert code == 2 and out == ""
    assert "evil.xml: it contains a document type declaration" in err
    assert err.count("\n") == 1
    code, _, err = run(capsys, "provider", "import", str(tmp_path / "missing.xml"))
    assert code == 2 and "cannot read" in err
