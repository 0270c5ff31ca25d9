"""The setup wizard: pages, branching, prefill for Fix and Rotate, and the account it builds.

Branching lives here, in one ``nextId``, so the whole path can be read in one place:

    ADDRESS -> PREPARE -> CREDENTIAL -> SERVERS -> [CONFIRM] -> TEST -> DONE

* Where the catalogue says the provider shows its credential once, PREPARE warns about it above
  the steps that create it and waits for the acknowledgement (``page_code_once.CodeOnceBox``).
* An OAuth-only provider (Outlook.com) ends at PREPARE: no Next, no Finish, the reason shown.
* Fix starts at ADDRESS (read-only); choosing "keep the stored code" goes PREPARE -> SERVERS.
* Rotate starts at PREPARE (the provider's steps for a new code) and skips SERVERS.
* CONFIRM only when ``core.trust`` refuses a server, an unencrypted connection or extra
  certificates that did not come from the user or the catalogue: the user may accept each.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QPushButton, QWidget, QWizard

from mailmanager.core.catalogue.model import Source
from mailmanager.core.model.accounts import (
    TYPED,
    Account,
    CheckRecord,
    Endpoint,
    Origin,
    Protocol,
    Security,
    utcnow,
)
from mailmanager.core.model.address import bare_server_name, parse_address
from mailmanager.core.model.certificates import read_ca_file
from mailmanager.core.model.codes import dated_label, own_label
from mailmanager.ui import formatting, icons
from mailmanager.ui.wizard.context import Found, WizardContext, WizardServices
from mailmanager.ui.wizard.fields import (
    DEFAULT_LABEL,
    F,
    PageId,
    WizardMode,
    from_qdate,
    to_qdate,
)
from mailmanager.ui.wizard.page_address import AddressPage
from mailmanager.ui.wizard.page_confirm import ConfirmPage
from mailmanager.ui.wizard.page_credential import CredentialPage
from mailmanager.ui.wizard.page_done import DonePage
from mailmanager.ui.wizard.page_prepare import PreparePage
from mailmanager.ui.wizard.page_servers import ServersPage
from mailmanager.ui.wizard.page_test import TestPage

B = QWizard.WizardButton
DEFAULT_LAYOUT = [
    B.CustomButton1,  # the step indicator
    B.Stretch,
    B.BackButton,
    B.NextButton,
    B.CommitButton,
    B.FinishButton,
    B.CancelButton,
]


def _can_focus(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


class SetupWizard(QWizard):
    """Adds a mailbox, fixes a failing one, or rotates a code; see the package docstring.

    Signals:
        accountSaved(int): the account with this id was stored (added, fixed or rotated).
    """

    accountSaved = Signal(int)

    def __init__(
        self,
        mode: WizardMode = WizardMode.ADD,
        account: Account | None = None,
        parent: QWidget | None = None,
        *,
        services: WizardServices | None = None,
        last_results: Sequence[CheckRecord] = (),
    ) -> None:
        super().__init__(parent)
        if mode is not WizardMode.ADD and (account is None or account.id is None):
            raise ValueError(f"{mode.value} needs a saved account")
        self.ctx = WizardContext(mode, services or WizardServices(), account, self)
        self._ca_cache: dict[str, tuple[float, str | None, datetime]] = {}
        self.setObjectName("setupWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setWindowIcon(icons.app_icon())
        self.setMinimumSize(760, 600)
        # Set here rather than relying on Qt's own catalogue, which is not always installed.
        self.setButtonText(B.BackButton, self.tr("< Back"))
        self.setButtonText(B.NextButton, self.tr("Next >"))
        self.setButtonText(B.CommitButton, self.tr("Save"))
        self.setButtonText(B.FinishButton, self.tr("Finish"))
        self.setButtonText(B.CancelButton, self.tr("Cancel"))
        # "Step 3 of 6" at the left of the buttons: a label in a button's place, because
        # QWizard lays out only buttons there; it takes no focus and no clicks.
        self.step_label = QPushButton()
        self.step_label.setObjectName("stepIndicator")
        self.step_label.setFlat(True)
        self.step_label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.step_label.setStyleSheet("QPushButton { border: none; padding: 0 4px; }")
        self.setButton(B.CustomButton1, self.step_label)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)

        self.address_page = AddressPage(self.ctx)
        self.prepare_page = PreparePage(self.ctx)
        self.credential_page = CredentialPage(self.ctx)
        self.servers_page = ServersPage(self.ctx)
        self.confirm_page = ConfirmPage(self.ctx)
        self.test_page = TestPage(self.ctx)
        self.done_page = DonePage(self.ctx)
        for page_id, page in (
            (PageId.ADDRESS, self.address_page),
            (PageId.PREPARE, self.prepare_page),
            (PageId.CREDENTIAL, self.credential_page),
            (PageId.SERVERS, self.servers_page),
            (PageId.CONFIRM, self.confirm_page),
            (PageId.TEST, self.test_page),
            (PageId.DONE, self.done_page),
        ):
            self.setPage(page_id, page)
        self.test_page.setCommitPage(True)
        self.confirm_page.proposed = lambda: self.proposed()[0]
        self.test_page.candidate = self.candidate
        self.test_page.go_to = self.go_back_to
        self.test_page.switch_group = self.servers_page.select_group
        self.done_page.candidate = self.candidate
        self.done_page.saved.connect(self.accountSaved)
        self.currentIdChanged.connect(self._update_buttons)
        self.currentIdChanged.connect(self._place_focus)
        self.currentIdChanged.connect(lambda _id: self.update_step())
        self.prepare_page.completeChanged.connect(self.update_step)  # Fix: keep or new code

        titles = {
            WizardMode.ADD: self.tr("Add a mailbox"),
            WizardMode.FIX: self.tr("Fix a mailbox"),
            WizardMode.ROTATE: self.tr("Replace the code"),
        }
        self.setWindowTitle(titles[mode])
        if account is not None:
            self._prefill(account, last_results)
        self.setStartId(PageId.PREPARE if mode is WizardMode.ROTATE else PageId.ADDRESS)

    # -- prefill ----------------------------------------------------------------------------------

    def _prefill(self, account: Account, last_results: Sequence[CheckRecord]) -> None:
        ctx = self.ctx
        catalogue = ctx.services.catalogue
        provider = catalogue.get(account.provider_id) if account.provider_id else None
        domain = parse_address(account.address).domain
        groups = provider.groups_for(domain) if provider is not None else ()
        ctx.set_found(Found(provider, Source.CATALOGUE if provider else Source.NONE, groups))
        self.setField(F.ADDRESS, account.address)
        self.setField(F.DISPLAY_NAME, account.display_name)
        self.servers_page.prefill()
        for prefix, endpoint in (("imap", account.imap), ("smtp", account.smtp)):
            self.setField(prefix + "Host", endpoint.host)
            self.setField(prefix + "Security", endpoint.security.value)
            self.setField(prefix + "Port", endpoint.port)
            self.setField(prefix + "Username", endpoint.username or account.address)
        self.setField(F.CA_FILE, account.ca_file or "")
        self.servers_page.mark_prefilled()
        if ctx.mode is WizardMode.ROTATE:
            # The new code's own name, dated, so the revoke reminder can tell the two apart.
            old = own_label(account.credential_label)
            self.setField(F.CODE_LABEL, dated_label(date.today(), {old}, old))
        else:
            self.setField(F.CODE_LABEL, account.credential_label or DEFAULT_LABEL)
        self.setField(F.ROTATE_DAYS, account.rotate_days)
        if ctx.mode is WizardMode.ROTATE:
            self.setField(F.CODE_CREATED, to_qdate(date.today()))
            self.setField(F.CODE_EXPIRES, to_qdate(None))
        else:
            self.setField(F.CODE_CREATED, to_qdate(account.code_created or date.today()))
            self.setField(F.CODE_EXPIRES, to_qdate(account.code_expires))
        failures = [r for r in last_results if r.status.value != "ok"]
        if ctx.mode is WizardMode.FIX:
            code_problem = any(r.status.value == "auth_failed" for r in failures)
            keep = not code_problem and not account.needs_code
            self.prepare_page.keep_code.setChecked(keep)
            self.prepare_page.new_code.setChecked(not keep)
            ctx.keep_code = keep
            if failures:
                # IMAP and SMTP refusing the same code are one problem with one fix: said once.
                lines = []
                for protocols, state, text in formatting.failure_hints(failures):
                    label = formatting.state_label(state)
                    lines.append(
                        "<b>"
                        + formatting.labelled(protocols, html.escape(label))
                        + "</b>"
                        + (f" — {html.escape(text)}" if text else "")
                    )
                self.address_page.set_problem(
                    self.tr("The last check of this mailbox failed"), "<br>".join(lines)
                )

    # -- the account being built ------------------------------------------------------------------

    def proposed(self) -> tuple[Account, str | None]:
        """The account the fields describe before this visit's consent, and the code to
        test/save (None: the stored one).

        Each server keeps where it came from: the detected or catalogue endpoint it still
        matches, the saved mailbox's own, or "entered by you" once the user changed it.
        """
        ctx = self.ctx
        address = parse_address(str(self.field(F.ADDRESS))).address

        def endpoint(prefix: str) -> Endpoint:
            typed = Endpoint(
                bare_server_name(str(self.field(prefix + "Host"))),
                int(self.field(prefix + "Port")),
                Security(str(self.field(prefix + "Security"))),
                str(self.field(prefix + "Username")).strip() or address,
            )
            return typed.with_origin(self._origin_of(typed, Protocol(prefix)))

        imap, smtp = endpoint("imap"), endpoint("smtp")
        base = ctx.account if ctx.account is not None else Account(address, imap, smtp)
        provider = ctx.provider
        account = base.replace(
            address=address,
            imap=imap,
            smtp=smtp,
            display_name=str(self.field(F.DISPLAY_NAME) or "").strip(),
            provider_id=provider.id if provider is not None else None,
            credential_label=str(self.field(F.CODE_LABEL) or "").strip(),
            code_created=from_qdate(self.field(F.CODE_CREATED)),
            code_expires=from_qdate(self.field(F.CODE_EXPIRES)),
            rotate_days=int(self.field(F.ROTATE_DAYS)),
            **self._ca_fields(str(self.field(F.CA_FILE) or "").strip()),
        )
        secret = None if not ctx.needs_new_code() else self.credential_page.secret()
        return account, secret

    def candidate(self) -> tuple[Account, str | None]:
        """``proposed`` with the consent given on the confirmation page (what is tested and
        saved)."""
        account, secret = self.proposed()
        return self.confirm_page.consent(account), secret

    def _origin_of(self, endpoint: Endpoint, protocol: Protocol) -> Origin:
        """The provenance of a server the fields show (compared without the user name)."""
        saved = self.ctx.account
        if saved is not None and endpoint.same_server(saved.endpoint(protocol)):
            return saved.endpoint(protocol).origin
        for group in self.ctx.found.groups:
            suggested = group.imap if protocol is Protocol.IMAP else group.smtp
            if endpoint.same_server(suggested):
                return suggested.origin
        return TYPED

    def _ca_fields(self, path: str) -> dict[str, object]:
        """The CA certificates for ``path``: the saved ones while the path is unchanged, else
        read now (once per path and file version) and counted as chosen by the user."""
        saved = self.ctx.account
        if not path:
            return {"ca_file": None, "ca_pem": None, "ca_confirmed_at": None}
        if saved is not None and saved.ca_file == path and saved.ca_pem:
            return {}
        try:
            stamp = Path(path).stat().st_mtime
        except OSError:
            stamp = -1.0
        cached = self._ca_cache.get(path)
        if cached is None or cached[0] != stamp:
            try:
                pem: str | None = read_ca_file(path)
            except (OSError, ValueError):
                pem = None
            cached = (stamp, pem, utcnow())
            self._ca_cache[path] = cached
        _stamp, pem, read_at = cached
        if saved is not None and saved.ca_file == path:
            # Saved before CAs were kept as PEM (or imported): shown for confirmation.
            return {"ca_file": path, "ca_pem": pem, "ca_confirmed_at": None}
        return {"ca_file": path, "ca_pem": pem, "ca_confirmed_at": read_at if pem else None}

    def gate_passed(self) -> bool:
        """The code-shown-once acknowledgement was given on the prepare page, where it applies."""
        if not self.ctx.needs_new_code() or not self.ctx.shows_code_once():
            return True
        return PageId.PREPARE in self.visitedIds() and self.prepare_page.acknowledged()

    # -- navigation -------------------------------------------------------------------------------

    def path(self) -> list[int]:
        """The pages this visit goes through, as far as the choices made so far tell."""
        ids = [self.startId()]
        visited = self.visitedIds()
        if visited:
            ids = list(visited)
        while len(ids) <= len(PageId):
            if ids[-1] == PageId.SERVERS and PageId.SERVERS not in visited:
                # Whether servers need the user's consent is known once they are shown.
                ids.append(PageId.TEST)
                continue
            try:
                following = self._next_of(ids[-1])
            except ValueError:  # fields not filled in yet (no address): no confirmation
                following = PageId.TEST if ids[-1] == PageId.SERVERS else -1
            if following == -1:
                break
            ids.append(following)
        return ids

    def step(self) -> tuple[int, int]:
        """(this page's step, the number of steps), counted from 1."""
        ids = self.path()
        current = self.currentId()
        return (ids.index(current) + 1 if current in ids else 0), len(ids)

    def update_step(self) -> None:
        """Show "Step 3 of 6"; hidden where the wizard stops (Outlook.com), before a page, or
        where there is only one."""
        number, total = self.step()
        current = self.currentId()
        shown = (
            number > 0
            and total > 1
            and not (current == PageId.PREPARE and self.prepare_page.blocked())
        )
        self.step_label.setText(
            self.tr("Step %1 of %2").replace("%1", str(number)).replace("%2", str(total))
            if shown
            else ""
        )

    def nextId(self) -> int:
        return self._next_of(self.currentId())

    def _next_of(self, current: int) -> int:
        ctx = self.ctx
        if current == PageId.ADDRESS:
            return PageId.PREPARE
        if current == PageId.PREPARE:
            if self.prepare_page.blocked():
                return -1
            if not ctx.needs_new_code():
                return PageId.SERVERS
            return PageId.CREDENTIAL
        if current == PageId.CREDENTIAL:
            if ctx.mode is not WizardMode.ROTATE:
                return PageId.SERVERS
            return PageId.CONFIRM if self.confirm_page.needed() else PageId.TEST
        if current == PageId.SERVERS:
            return PageId.CONFIRM if self.confirm_page.needed() else PageId.TEST
        if current == PageId.CONFIRM:
            return PageId.TEST
        if current == PageId.TEST:
            return PageId.DONE
        return -1

    def validateCurrentPage(self) -> bool:
        # next() called from code must not get past a page the user could not leave either.
        page = self.currentPage()
        if page is not None and not page.isComplete():
            return False
        gated = (PageId.CREDENTIAL, PageId.SERVERS, PageId.CONFIRM, PageId.TEST)
        if self.currentId() in gated and not self.gate_passed():
            return False
        return super().validateCurrentPage()

    def go_back_to(self, page_id: PageId) -> None:
        """Step back to ``page_id`` if it was visited (the test page's one-click actions)."""
        if page_id not in self.visitedIds():
            return
        for _ in range(len(PageId)):
            if self.currentId() == page_id:
                break
            self.back()

    def _update_buttons(self, page_id: int) -> None:
        if page_id == PageId.DONE:
            self.setButtonLayout([B.CustomButton1, B.Stretch, B.FinishButton])
        elif page_id == PageId.PREPARE and self.prepare_page.blocked():
            self.setButtonLayout([B.Stretch, B.BackButton, B.CancelButton])
            self.setButtonText(B.CancelButton, self.tr("Close"))
        else:
            self.setButtonLayout(DEFAULT_LAYOUT)
            self.setButtonText(B.CancelButton, self.tr("Cancel"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place_focus(self.currentId())

    def _place_focus(self, _page_id: int) -> None:
        """Every page says where typing goes (issue 18, item 2).

        QWizard leaves focus where it was or on the first focusable child, which can be a
        hidden widget: after Enter on the code page, keys typed on the next page went into the
        hidden code field. A page's ``focus_widget`` names its own; otherwise QWizard's choice
        stands if it is visible and on this page or its buttons, else the first visible widget
        in the page's focus chain, else Next.
        """
        page: QWidget | None = self.currentPage()
        if page is None:  # before the first page is shown
            return
        chosen = getattr(page, "focus_widget", None)
        target: QWidget | None = chosen() if callable(chosen) else None
        if target is not None and _can_focus(target):
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        buttons = [self.button(which) for which in (B.CommitButton, B.NextButton, B.FinishButton)]
        focused = QApplication.focusWidget()
        if (
            focused is not None
            and focused.isVisible()
            and (page.isAncestorOf(focused) or focused in buttons)
        ):
            return
        target = page.nextInFocusChain()
        while (
            target is not None
            and target is not page
            and not (page.isAncestorOf(target) and _can_focus(target))
        ):
            target = target.nextInFocusChain()
        if target is None or target is page:
            target = next((b for b in buttons if _can_focus(b)), None)
        (target or page).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- closing ----------------------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel stops every background job at once; nothing is saved before the done page."""
        if self.done_page.busy():
            return  # the save is short and must finish: store and keyring stay consistent
        self.address_page.cancel_detection(quiet=True)
        self.test_page.stop(quiet=True)
        self._forget_secret()
        super().reject()

    def accept(self) -> None:
        self._forget_secret()
        super().accept()

    def _forget_secret(self) -> None:
        """The code lives in the keyring now (or nowhere): do not keep it in a widget."""
        self.credential_page.password_edit.clear()
