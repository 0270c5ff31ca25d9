"""``mailmanager-cli detect``: JSON keys, text, exit codes, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mailmanager.cli import main
from mailmanager.cli.common import UsageError
from mailmanager.cli.detect_cmd import parse_dns_server
from tests.helpers.dns_server import DnsServer

REQUIRED_KEYS = {
    "provider", "provider_name", "source", "imap", "smtp", "alternatives", "credential",
}  # fmt: skip


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_found_in_the_catalogue_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "detect", " Bob@163.COM ", "--no-network", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert set(data) >= REQUIRED_KEYS
    assert data["address"] == "Bob@163.com"
    assert data["provider"] == "netease_personal"
    assert data["provider_name"] == "NetEase Mail (personal)"
    assert data["source"] == "catalogue"
    assert data["imap"] == {"host": "imap.163.com", "port": 993, "security": "ssl"}
    assert data["smtp"] == {"host": "smtp.163.com", "port": 465, "security": "ssl"}
    assert data["alternatives"] == []
    assert data["credential"] == {
        "kind": "authorization_code",
        "name": "client authorization code",
        "length": 16,
        "shown_once": True,
        "expires": False,
    }


@pytest.mark.parametrize(
    ("address", "settings"),
    [
        ("a@163.com", "https://mail.163.com/"),
        ("a@126.com", "https://mail.126.com/"),
        ("a@yeah.net", "https://mail.yeah.net/"),
        ("a@188.com", "https://mail.188.com/"),
        ("a@qq.com", "https://mail.qq.com/"),
        ("a@unknown.test", None),
    ],
)
def test_json_names_the_suffixs_own_settings_page_and_the_help_page(
    capsys: pytest.CaptureFixture[str], address: str, settings: str | None
) -> None:
    """Issue 17: each NetEase suffix signs in at its own webmail; the shared servers stay."""
    _code, out, _ = run(capsys, "detect", address, "--no-network", "--json")
    data = json.loads(out)
    assert data["settings_url"] == settings
    if data["provider"] == "netease_personal":
        assert data["imap"]["host"] == "imap.163.com"  # the shared group is the default
        assert data["help_url"].startswith("https://help.mail.163.com/")
    if data["provider"] is None:
        assert data["help_url"] is None


def test_text_marks_an_unconfirmed_settings_page(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _ = run(capsys, "detect", "a@188.com", "--no-network")
    assert "Settings: https://mail.188.com/ (not confirmed)" in out
    _code, out, _ = run(capsys, "detect", "a@126.com", "--no-network")
    assert "Settings: https://mail.126.com/\n" in out
    assert "Help:     https://help.mail.163.com/" in out and "(not confirmed)" in out


def test_json_before_the_subcommand_works_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--json", "detect", "x@qq.com", "--no-network")
    assert code == 0
    data = json.loads(out)
    assert data["provider"] == "tencent_qq"
    assert data["alternatives"] == [
        {
            "imap": {"host": "imap.qq.com", "port": 993, "security": "ssl"},
            "smtp": {"host": "smtp.qq.com", "port": 587, "security": "starttls"},
        }
    ]


def test_netease_enterprise_backup_and_expiry(capsys: pytest.CaptureFixture[str]) -> None:
    with DnsServer() as dns:
        dns.add("firm.test", "MX", "10 qiye163mx02.mxmail.netease.com.")
        code, out, _ = run(
            capsys, "detect", "a@firm.test", "--dns-server", f"127.0.0.1:{dns.port}", "--json"
        )
    assert code == 0
    data = json.loads(out)
    assert (data["provider"], data["source"]) == ("netease_qiye", "mx")
    assert data["imap"]["host"] == "hwhzimap.qiye.163.com"
    assert data["alternatives"][0]["smtp"]["host"] == "smtp.qiye.163.com"
    assert data["credential"]["expires"] is True


def test_oauth_only_provider_is_found_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "detect", "me@outlook.com", "--no-network", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["credential"]["kind"] == "oauth_only"
    assert any("OAuth" in note for note in data["notes"])


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "detect", "me@icloud.com", "--no-network")
    assert code == 0
    assert "Provider: iCloud Mail (icloud)" in out
    assert "IMAP:     imap.mail.me.com:993 ssl" in out
    assert "SMTP:     smtp.mail.me.com:587 starttls" in out
    assert "app-specific password" in out
    assert not out.lstrip().startswith("{")


def test_nothing_found_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "detect", "a@unknown.test", "--no-network", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["source"] == "none" and data["provider"] is None
    assert data["imap"] is None and data["credential"] is None


def test_nothing_found_through_dns_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    with DnsServer() as dns:
        code, out, _ = run(
            capsys, "detect", "a@nothing.test", "--dns-server", f"127.0.0.1:{dns.port}",
            "--timeout", "1", "--json",
        )  # fmt: skip
        assert ("nothing.test", "MX") in dns.queries
    assert code == 1
    assert json.loads(out)["source"] == "none"


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["detect", "not-an-address", "--no-network"], "malformed address 'not-an-address'"),
        (["detect", "a@b@c.com", "--json"], "more than one '@'"),
        (["detect", "a@163.com", "--dns-server", "dns.example:53"], "must be an IP address"),
        (["detect", "a@163.com", "--dns-server", "127.0.0.1:0"], "between 1 and 65535"),
        (["detect", "a@163.com", "--dns-server", "127.0.0.1:x"], "between 1 and 65535"),
        (["detect", "a@163.com", "--timeout", "0"], "--timeout"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert fragment in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_missing_address_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["detect"])
    assert info.value.code == 2
    assert "ADDRESS" in capsys.readouterr().err


def test_parse_dns_server() -> None:
    assert parse_dns_server("192.0.2.1") == ("192.0.2.1", 53)
    assert parse_dns_server("192.0.2.1:5353") == ("192.0.2.1", 5353)
    assert parse_dns_server("[::1]:5353") == ("::1", 5353)
    assert parse_dns_server("[::1]") == ("::1", 53)
    assert parse_dns_server("::1") == ("::1", 53)
    with pytest.raises(UsageError):
        parse_dns_server("[::1")


ENTRY = "import sys; from mailmanager.cli import main; sys.exit(main())"


def test_the_console_script_runs(subprocess_env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-c", ENTRY, "detect", "a@sina.cn", "--no-network", "--json"],
        capture_output=True,
        text=True,
        env=subprocess_env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["provider"] == "sina"
    assert data["imap"]["host"] == "imap.sina.cn"
