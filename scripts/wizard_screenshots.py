"""Screenshots of every page of the setup wizard, in Chinese and in English.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/wizard_screenshots.py \
        [--qm EXTRA.qm ...] [--out docs/screenshots]

Writes docs/screenshots/wizard-<page>-<lang>.png. Everything runs in a throw-away home folder
with the in-memory keyring, and the connection tests run against scripted servers on loopback
(tests/helpers), so no real mailbox, keyring or network is touched. Translations come from
resources/translations/ plus any ``--qm`` files (installed last, so they win).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ["MAILMANAGER_HOME"] = tempfile.mkdtemp(prefix="mailmanager-shots-")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.helpers.memory_keyring.MemoryKeyring"

from PySide6.QtCore import QDate, QLocale, QTranslator  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from mailmanager import paths  # noqa: E402
from mailmanager.core.catalogue.lookup import Catalogue  # noqa: E402
from mailmanager.core.model.accounts import (  # noqa: E402
    Account,
    CheckRecord,
    Endpoint,
    Protocol,
    Security,
)
from mailmanager.core.model.status import ConnectionStatus  # noqa: E402
from mailmanager.ui.wizard import F, PageId, SetupWizard, WizardMode, WizardServices  # noqa: E402
from tests.helpers import scripted_server as ss  # noqa: E402
from tests.helpers.certs import Pki, make_pki  # noqa: E402

SIZE = (820, 660)
CODE = "abcdefghijklmnop"


def wait_until(predicate: Callable[[], bool], timeout_ms: int = 10_000) -> None:
    waited = 0
    while not predicate():
        if waited > timeout_ms:
            raise TimeoutError("the wizard did not get there in time")
        QTest.qWait(20)
        waited += 20


def services() -> WizardServices:
    return WizardServices(
        catalogue=Catalogue.load(), detect=None, check_timeout=5.0, open_url=lambda _u: True
    )


def new_wizard(mode: WizardMode = WizardMode.ADD, account: Account | None = None) -> SetupWizard:
    wizard = SetupWizard(mode, account, services=services())
    wizard.resize(*SIZE)
    wizard.show()
    QTest.qWaitForWindowExposed(wizard)
    return wizard


def go(wizard: SetupWizard, page: PageId) -> None:
    while wizard.currentId() != page:
        before = wizard.currentId()
        wait_until(lambda: wizard.currentPage().isComplete())
        wizard.next()
        if wizard.currentId() == before:
            raise RuntimeError(f"stuck on page {PageId(before).name}")


def to_credential(address: str) -> SetupWizard:
    wizard = new_wizard()
    wizard.address_page.address_edit.setText(address)
    go(wizard, PageId.PREPARE)
    if wizard.prepare_page.gate_applies():
        wizard.prepare_page.acknowledge.setChecked(True)
    go(wizard, PageId.CREDENTIAL)
    return wizard


def choose_provider(wizard: SetupWizard, provider_id: str) -> None:
    page = wizard.address_page
    page._show_chooser()
    index = page.chooser.findData(provider_id)
    page.chooser.setCurrentIndex(index)
    page.chooser.activated.emit(index)


@contextmanager
def servers(pki: Pki, imap_failure: bytes | None) -> Iterator[tuple[int, int]]:
    failure = imap_failure or b"NO [AUTHENTICATIONFAILED] Authentication failed."
    imap_script = ss.imap_script(password=CODE, login_failure=failure)
    smtp_failure = b"535 Error: authentication failed\r\n"
    smtp_script = ss.smtp_script(password=CODE, auth_failure=smtp_failure)
    with ExitStack() as stack:
        imap = stack.enter_context(ss.ScriptedServer(imap_script, tls_context=pki.server_context()))
        smtp = stack.enter_context(ss.ScriptedServer(smtp_script, tls_context=pki.server_context()))
        yield imap.port, smtp.port


def shoot(wizard: SetupWizard, out: Path, name: str, lang: str) -> None:
    QTest.qWait(120)  # let layouts settle and the busy indicators paint
    path = out / f"wizard-{name}-{lang}.png"
    wizard.grab().save(str(path))
    print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    wizard.close()
    wizard.deleteLater()


def take_all(out: Path, lang: str, pki: Pki) -> None:
    # 1. address, with the provider recognised
    wizard = new_wizard()
    wizard.address_page.address_edit.setText("zhangwei@163.com")
    wizard.address_page.name_edit.setText("张伟" if lang == "zh_CN" else "Zhang Wei")
    wait_until(wizard.address_page.isComplete)
    shoot(wizard, out, "address", lang)

    # 1a. no mailbox yet: NetEase's registration guidance, opened from the address page
    wizard = new_wizard()
    wizard.address_page.show_registration()
    guide = wizard.address_page.registration
    assert guide is not None
    guide.adjustSize()
    QTest.qWaitForWindowExposed(guide)
    QTest.qWait(120)
    path = out / f"wizard-registration-{lang}.png"
    guide.grab().save(str(path))
    print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    guide.close()
    wizard.close()
    wizard.deleteLater()

    # 1c. Fix after IMAP and SMTP refused the same code: the hint said once
    fixing = Account(
        "wangfang@126.com",
        Endpoint("imap.163.com", 993, Security.SSL, "wangfang@126.com"),
        Endpoint("smtp.163.com", 465, Security.SSL, "wangfang@126.com"),
        provider_id="netease_personal",
        id=2,
    )
    refused = [
        CheckRecord(2, datetime.now(UTC), protocol, ConnectionStatus.AUTH_FAILED,
                    "netease_auth_code")
        for protocol in (Protocol.IMAP, Protocol.SMTP)
    ]  # fmt: skip
    wizard = SetupWizard(WizardMode.FIX, fixing, services=services(), last_results=refused)
    wizard.resize(*SIZE)
    wizard.show()
    QTest.qWaitForWindowExposed(wizard)
    shoot(wizard, out, "fix", lang)

    # 1b. an unknown domain: not recognised, with the way out
    wizard = new_wizard()
    wizard.address_page.address_edit.setText("li.na@company-example.cn")
    wizard.address_page._show_chooser()
    shoot(wizard, out, "address-unknown", lang)

    # 2. prepare: the code-shown-once warning and its acknowledgement, then the provider's
    # steps and pitfalls
    wizard = new_wizard()
    wizard.address_page.address_edit.setText("zhangwei@163.com")
    go(wizard, PageId.PREPARE)
    shoot(wizard, out, "prepare", lang)

    # 2a. the same page for @126.com scrolled down: its own webmail, what to know, the ramp
    wizard = new_wizard()
    wizard.address_page.address_edit.setText("wangfang@126.com")
    go(wizard, PageId.PREPARE)
    scroll = wizard.prepare_page.findChild(QScrollArea)
    assert scroll is not None
    QTest.qWait(60)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    shoot(wizard, out, "prepare-facts", lang)

    # 2b. the Outlook.com stop
    wizard = new_wizard()
    wizard.address_page.address_edit.setText("someone@outlook.com")
    go(wizard, PageId.PREPARE)
    shoot(wizard, out, "prepare-outlook", lang)

    # 4. credential: QQ's grouped display pasted with spaces (masked)
    wizard = to_credential("12345678@qq.com")
    wizard.credential_page.password_edit.setText("abcd efgh ijkl mnop")
    shoot(wizard, out, "credential", lang)

    # 4b. credential for NetEase enterprise: expiry required
    wizard = new_wizard()
    wizard.address_page.address_edit.setText("li.na@company-example.cn")
    choose_provider(wizard, "netease_qiye")
    go(wizard, PageId.PREPARE)
    wizard.prepare_page.acknowledge.setChecked(True)
    go(wizard, PageId.CREDENTIAL)
    wizard.credential_page.password_edit.setText(CODE)
    wizard.setField(F.CODE_EXPIRES, QDate.currentDate().addDays(365))
    shoot(wizard, out, "credential-expiry", lang)

    # 5. servers: a catalogue provider's servers folded under "Change servers…"
    wizard = to_credential("zhangwei@163.com")
    wizard.credential_page.password_edit.setText(CODE)
    go(wizard, PageId.SERVERS)
    shoot(wizard, out, "servers", lang)

    # 5a. servers opened: NetEase enterprise with its backup group, advanced open
    wizard = new_wizard()
    wizard.address_page.address_edit.setText("li.na@company-example.cn")
    choose_provider(wizard, "netease_qiye")
    go(wizard, PageId.PREPARE)
    wizard.prepare_page.acknowledge.setChecked(True)
    go(wizard, PageId.CREDENTIAL)
    wizard.credential_page.password_edit.setText(CODE)
    wizard.setField(F.CODE_EXPIRES, QDate.currentDate().addDays(365))
    go(wizard, PageId.SERVERS)
    wizard.servers_page.change_button.setChecked(True)
    wizard.servers_page.advanced_button.setChecked(True)
    shoot(wizard, out, "servers-open", lang)

    # 5b. a server suggested by DNS outside the address's domain: asked about, unticked
    wizard = suggested_elsewhere("zhang@example.cn", "mail.other-host.net")
    wizard.credential_page.password_edit.setText(CODE)
    go(wizard, PageId.CONFIRM)
    shoot(wizard, out, "confirm", lang)

    # 6. test: success and a rejected code (scripted servers on loopback)
    for name, code, failure in (
        ("test-ok", CODE, None),
        ("test-failed", "mypassword123", b"NO LOGIN Login error or password error"),
    ):
        with servers(pki, failure) as (imap_port, smtp_port):
            wizard = to_credential("zhangwei@163.com")
            wizard.credential_page.password_edit.setText(code)
            go(wizard, PageId.SERVERS)
            for prefix, port in (("imap", imap_port), ("smtp", smtp_port)):
                wizard.setField(prefix + "Host", "127.0.0.1")
                wizard.setField(prefix + "Port", port)
            wizard.setField(F.CA_FILE, pki.ca_file)
            go(wizard, PageId.TEST)
            wait_until(lambda w=wizard: w.ctx.check is not None)  # type: ignore[misc]
            shoot(wizard, out, name, lang)

    # 7. done: the summary after saving, and the revoke reminder after a rotation
    account = Account(
        "zhangwei@163.com",
        Endpoint("imap.163.com", 993, Security.SSL, "zhangwei@163.com"),
        Endpoint("smtp.163.com", 465, Security.SSL, "zhangwei@163.com"),
        provider_id="netease_personal",
        credential_label="mailmanager",
        code_created=date.today(),
        id=1,
    )
    wizard = new_wizard()
    wizard.address_page.address_edit.setText("zhangwei@163.com")
    wait_until(wizard.address_page.isComplete)
    show_done(wizard, account)
    shoot(wizard, out, "done", lang)

    rotated = account.replace(code_created=date.today() - timedelta(days=120))
    wizard = new_wizard(WizardMode.ROTATE, rotated)
    show_done(wizard, account)
    shoot(wizard, out, "done-rotate", lang)


def suggested_elsewhere(address: str, host: str) -> SetupWizard:
    """A wizard whose detection found SRV records naming ``host`` (not under the domain)."""
    from mailmanager.core.catalogue.model import Source
    from mailmanager.core.discovery.model import Detection, ServerChoice
    from mailmanager.core.model.accounts import EndpointSource, Origin

    domain = address.rpartition("@")[2]

    def detect(found_address: str, _cancel: object) -> Detection:
        imap_origin = Origin(EndpointSource.SRV, f"_imaps._tcp.{domain}")
        smtp_origin = Origin(EndpointSource.SRV, f"_submissions._tcp.{domain}")
        imap = Endpoint(host, 993, Security.SSL, found_address, origin=imap_origin)
        smtp = Endpoint(host, 465, Security.SSL, found_address, origin=smtp_origin)
        group = ServerChoice(imap, smtp)
        return Detection(found_address, None, Source.SRV, imap, smtp, group=group)

    custom = services()
    custom.detect = detect
    wizard = SetupWizard(WizardMode.ADD, None, services=custom)
    wizard.resize(*SIZE)
    wizard.show()
    QTest.qWaitForWindowExposed(wizard)
    wizard.address_page.address_edit.setText(address)
    wait_until(wizard.address_page.isComplete)
    go(wizard, PageId.CREDENTIAL)
    return wizard


def show_done(wizard: SetupWizard, account: Account) -> None:
    """Show the done page as it looks after a save (the save itself is tested elsewhere)."""
    wizard.done_page.candidate = None  # nothing to save for a picture
    wizard.setStartId(PageId.DONE)
    wizard.restart()
    wizard.done_page._on_saved(account)


def install(app: QApplication, files: list[str]) -> list[QTranslator]:
    installed = []
    for path in files:
        translator = QTranslator(app)
        if Path(path).exists() and translator.load(path):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qm", action="append", default=[], help="extra zh_CN .qm file")
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    parser.add_argument("--lang", action="append", help="zh_CN and/or en (default both)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    pki = make_pki(Path(tempfile.mkdtemp(prefix="mailmanager-shots-pki-")))
    translations = paths.resources_dir() / "translations"
    for lang in args.lang or ["zh_CN", "en"]:
        QLocale.setDefault(QLocale(lang))
        extra = args.qm if lang == "zh_CN" else []
        translators = install(app, [str(translations / f"mailmanager_{lang}.qm"), *extra])
        take_all(out, lang, pki)
        for translator in translators:
            app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
