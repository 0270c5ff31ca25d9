"""Page 2: get the mailbox ready, in the provider's own words and order.

Most failed setups fail here, before any server is contacted: IMAP/SMTP is switched off by
default, the code must be generated in web settings after an SMS check, and people paste their
login password. So this page shows the provider's numbered steps in the UI language, a button
that opens the exact web settings page, the pitfalls other users fell into, and the credential's
own name ("client authorization code", "app password"). Where the provider shows its code only
once, the warning and its required acknowledgement come above the steps, before the code exists
(``page_code_once.CodeOnceBox``). Where the provider no longer accepts any
password from mail clients (Outlook.com), the page stops the user with the reason instead.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from mailmanager.core.catalogue import links
from mailmanager.core.catalogue.model import CredentialKind, Provider
from mailmanager.ui import formatting, icons
from mailmanager.ui.provider_info import (
    link_html,
    marked_pitfalls,
    marked_steps,
    provider_facts,
    ramp_lines,
    unconfirmed,
)
from mailmanager.ui.wizard.context import WizardContext
from mailmanager.ui.wizard.fields import F, WizardMode
from mailmanager.ui.wizard.page_code_once import CodeOnceBox
from mailmanager.ui.wizard.widgets import Notice, bullet_list, heading, ordered_list, wrapped


class PreparePage(QWizardPage):
    """Numbered steps, the web settings button, pitfalls, and the OAuth-only stop."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Get your mailbox ready"))

        self.mark = QLabel()
        self.mark.setFixedSize(32, 32)
        self.credential_label = wrapped(rich=True)
        self.credential_label.setObjectName("credentialName")
        top = QHBoxLayout()
        top.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.credential_label, 1)
        top.addStretch(0)

        self.stop = Notice("error")
        self.stop.setObjectName("oauthStop")
        self.rotate_note = Notice("info")
        self.rotate_note.setObjectName("rotateNote")
        # Said before the user creates a code that could not be saved (issue 14).
        self.keyring_note = Notice("error")
        self.keyring_note.setObjectName("noKeyringNote")
        self.keyring_note.hide()
        self._watching_keyring = False

        # Fix mode: the user may only need to switch something on, not a new code.
        self.new_code = QRadioButton(self.tr("I will make a new code (the old one was rejected)"))
        self.new_code.setObjectName("fixNewCode")
        self.keep_code = QRadioButton(
            self.tr("Keep the stored code (only settings or servers need fixing)")
        )
        self.keep_code.setObjectName("fixKeepCode")
        self.code_choice = QButtonGroup(self)
        self.code_choice.addButton(self.new_code)
        self.code_choice.addButton(self.keep_code)
        self.new_code.setChecked(True)
        self.new_code.toggled.connect(self._on_choice)
        choice_box = QVBoxLayout()
        choice_box.setContentsMargins(0, 0, 0, 0)
        choice_box.addWidget(heading(self.tr("What needs to change?")))
        choice_box.addWidget(self.new_code)
        choice_box.addWidget(self.keep_code)
        self.choice = QWidget()
        self.choice.setLayout(choice_box)

        self.code_once = CodeOnceBox(ctx)
        self.code_once.setVisible(False)
        self.acknowledge = self.code_once.acknowledge
        self.registerField(F.CODE_ACKNOWLEDGED, self.acknowledge)
        self.code_once.changed.connect(self.completeChanged.emit)

        self.steps_heading = heading(self.tr("Steps"))
        self.steps = wrapped(rich=True)
        self.steps.setObjectName("steps")
        self.open_button = QPushButton(self.tr("Open the web settings in your browser"))
        self.open_button.setObjectName("openSettings")
        self.open_button.clicked.connect(self.open_settings)
        self.url_label = wrapped()
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button_row = QHBoxLayout()
        button_row.addWidget(self.open_button)
        button_row.addWidget(self.url_label, 1)
        self.pitfalls_heading = heading(self.tr("Common pitfalls"))
        self.pitfalls = wrapped(rich=True)
        self.pitfalls.setObjectName("pitfalls")
        # What to know before relying on the mailbox: suitability (foreign trade, VPN), what
        # kills every code, the sending ramp and the provider's help page.
        self.facts_heading = heading(self.tr("Good to know"))
        self.facts = wrapped(rich=True)
        self.facts.setObjectName("providerFacts")
        self.facts.setOpenExternalLinks(False)
        self.facts.linkActivated.connect(lambda url: self.ctx.services.open_url(QUrl(url)))

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 8, 0)
        inner.addLayout(top)
        inner.addWidget(self.stop)
        inner.addWidget(self.keyring_note)
        inner.addWidget(self.rotate_note)
        inner.addWidget(self.choice)
        inner.addWidget(self.code_once)
        inner.addWidget(self.steps_heading)
        inner.addWidget(self.steps)
        inner.addLayout(button_row)
        inner.addSpacing(6)
        inner.addWidget(self.pitfalls_heading)
        inner.addWidget(self.pitfalls)
        inner.addSpacing(6)
        inner.addWidget(self.facts_heading)
        inner.addWidget(self.facts)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # -- behaviour ------------------------------------------------------------------------------

    def blocked(self) -> bool:
        """True when the provider accepts no password from mail clients: the wizard stops."""
        provider = self.ctx.provider
        return provider is not None and provider.oauth_only

    def settings_url(self) -> str:
        """The web settings of this address's own webmail (mail.126.com for @126.com)."""
        address = str(self.field(F.ADDRESS) or "")
        return links.settings_url(self.ctx.provider, address.rpartition("@")[2])

    def open_settings(self) -> None:
        url = self.settings_url()
        if url:
            self.ctx.services.open_url(QUrl(url))

    def _on_choice(self) -> None:
        self.ctx.keep_code = self.ctx.mode is WizardMode.FIX and self.keep_code.isChecked()
        self.code_once.setVisible(self.gate_applies())
        self.completeChanged.emit()  # the choice changes which page comes next

    def focus_widget(self) -> QWidget | None:
        """Where typing goes when the page opens (``SetupWizard._place_focus``): the
        acknowledgement, where the code is shown once."""
        return self.acknowledge if self.code_once.isVisible() else None

    def gate_applies(self) -> bool:
        """A new code is to be made and the provider shows it only once."""
        return not self.blocked() and self.ctx.needs_new_code() and self.ctx.shows_code_once()

    def acknowledged(self) -> bool:
        """The code-shown-once warning was acknowledged on this visit of the page."""
        return self.code_once.acknowledged()

    def isComplete(self) -> bool:
        return not self.blocked() and (not self.gate_applies() or self.acknowledged())

    def validatePage(self) -> bool:
        return self.isComplete()

    def cleanupPage(self) -> None:
        self.code_once.stop()

    # -- texts ----------------------------------------------------------------------------------

    def _credential_sentence(self, provider: Provider) -> str:
        lang = self.ctx.lang
        credential = provider.credential
        name = html.escape(credential.name.get(lang))
        provider_name = html.escape(provider.name(lang))
        if credential.kind is CredentialKind.LOGIN_PASSWORD:
            return self.tr(
                "%1 lets mail programs sign in with your normal login password, once IMAP/SMTP "
                "is switched on in its web settings."
            ).replace("%1", f"<b>{provider_name}</b>")
        if credential.kind is CredentialKind.CLIENT_PASSWORD:
            return (
                self.tr(
                    "%1 wants a separate password for mail programs, the <b>%2</b>, which you "
                    "choose yourself in its web settings."
                )
                .replace("%1", f"<b>{provider_name}</b>")
                .replace("%2", name)
            )
        return (
            self.tr(
                "Mail programs cannot sign in to %1 with your login password. They need the "
                "<b>%2</b>, which you create in the web settings and paste here."
            )
            .replace("%1", f"<b>{provider_name}</b>")
            .replace("%2", name)
        )

    def _generic_steps(self) -> list[str]:
        return [
            self.tr(
                "Sign in to your mailbox in the browser and look in its settings for IMAP, "
                'POP3/SMTP or "client access". Switch IMAP and SMTP on.'
            ),
            self.tr(
                "If the settings offer an authorization code, app password or client password, "
                "create one and copy it. Otherwise your normal password is usually what works."
            ),
            self.tr(
                "Ask your administrator or provider for the server names if you do not know "
                "them; you will enter them on a later page."
            ),
        ]

    def _show_keyring_problem(self) -> None:
        from mailmanager.ui.keyring_banner import no_keyring_title, no_keyring_wizard_text

        status = self.ctx.services.keyring_status
        if status is None or status.problem is None or self.ctx.keep_code:
            self.keyring_note.hide()
            return
        self.keyring_note.set_text(no_keyring_title(), html.escape(no_keyring_wizard_text()))
        self.keyring_note.show()

    def initializePage(self) -> None:
        status = self.ctx.services.keyring_status
        if status is not None and not self._watching_keyring:
            self._watching_keyring = True
            status.changed.connect(self._show_keyring_problem)
        self._show_keyring_problem()
        provider = self.ctx.provider
        lang = self.ctx.lang
        mode = self.ctx.mode
        dpr = self.devicePixelRatioF()
        self.choice.setVisible(mode is WizardMode.FIX)
        self.code_once.start()
        self.code_once.setVisible(self.gate_applies())
        if mode is WizardMode.ROTATE:
            self.setTitle(self.tr("Make a new code"))
            self.rotate_note.set_text(
                self.tr("Your current code keeps working until the new one has passed the test."),
                html.escape(
                    self.tr(
                        "Create a new code with the steps below. mailmanager tests it first and "
                        "only then replaces the stored one; afterwards you revoke the old code."
                    )
                ),
            )
            self.rotate_note.show()
        else:
            self.setTitle(self.tr("Get your mailbox ready"))
            self.rotate_note.hide()
        if provider is None:
            self.mark.clear()
            self.setSubTitle(self.tr("These steps apply to most mail providers."))
            self.credential_label.setText(
                self.tr(
                    "mailmanager does not know this provider's rules, so here is what usually "
                    "works."
                )
            )
            self.stop.hide()
            self.steps.setText(ordered_list(self._generic_steps()))
            self.open_button.hide()
            self.url_label.hide()
            self.pitfalls_heading.hide()
            self.pitfalls.hide()
            self.facts_heading.hide()
            self.facts.hide()
            self.completeChanged.emit()
            return
        self.mark.setPixmap(icons.provider_mark(provider.mark.text, provider.mark.color, 32, dpr))
        self.setSubTitle(
            self.tr("Do these steps in %1's web settings, then come back here.").replace(
                "%1", provider.name(lang)
            )
        )
        self.credential_label.setText(self._credential_sentence(provider))
        if provider.oauth_only:
            # The catalogue's note says why and since when; ours is the fallback.
            reason = provider.oauth_note.get(lang) if provider.oauth_note else ""
            self.setTitle(self.tr("This mailbox cannot be added"))
            self.stop.set_text(
                self.tr("%1 cannot be added with a password").replace("%1", provider.name(lang)),
                html.escape(
                    reason
                    or self.tr(
                        "mailmanager signs in with a password or code only, so it cannot check "
                        "this mailbox. Use the provider's own app, or a mail program that "
                        "supports its sign-in page (OAuth)."
                    )
                ),
            )
            self.setSubTitle(
                self.tr("This provider no longer lets mail programs sign in with a password.")
            )
            self.stop.show()
            self.credential_label.hide()
            self.choice.hide()
            self.rotate_note.hide()
        else:
            self.stop.hide()
            self.credential_label.show()
        steps = marked_steps(provider, lang)
        self.steps_heading.setVisible(bool(steps) and not provider.oauth_only)
        self.steps.setVisible(bool(steps) and not provider.oauth_only)
        self.steps.setText(ordered_list(steps))
        url = self.settings_url()
        self.open_button.setVisible(bool(url) and not provider.oauth_only)
        self.url_label.setVisible(bool(url) and not provider.oauth_only)
        domain = str(self.field(F.ADDRESS) or "").rpartition("@")[2]
        unsure = links.settings_url_unconfirmed(provider, domain)
        self.url_label.setText(unconfirmed(url) if url and unsure else url)
        pitfalls = marked_pitfalls(provider, lang)
        self.pitfalls_heading.setVisible(bool(pitfalls) and not provider.oauth_only)
        self.pitfalls.setVisible(bool(pitfalls) and not provider.oauth_only)
        self.pitfalls.setText(bullet_list(pitfalls))
        facts = self._facts(provider)
        self.facts_heading.setVisible(bool(facts) and not provider.oauth_only)
        self.facts.setVisible(bool(facts) and not provider.oauth_only)
        self.facts.setText(facts)
        self.completeChanged.emit()

    def _facts(self, provider: Provider) -> str:
        """Rich text: the provider's facts, the whole sending ramp and its help page."""
        items = [
            f"<b>{html.escape(formatting.labelled(label, ''))}</b>{html.escape(text)}"
            for label, text in provider_facts(provider, self.ctx.lang)
        ]
        sending = provider.sending
        if sending is not None and sending.stages:
            ramp = "<br>".join(html.escape(line) for line in ramp_lines(sending.stages))
            title = formatting.labelled(self.tr("Sending, counted from the first week"), "")
            items.append(f"<b>{html.escape(title)}</b><br>{ramp}")
            if sending.one_to_one_only:
                items[-1] += "<br>" + html.escape(
                    self.tr("Personal mailboxes are for one-to-one mail: never send in bulk.")
                )
        help_url = links.help_url(provider)
        if help_url:
            link = link_html(help_url, unsure=links.help_url_unconfirmed(provider))
            title = formatting.labelled(self.tr("The provider's help page"), "")
            items.append(f"<b>{html.escape(title)}</b>{link}")
        if not items:
            return ""
        body = "".join(f"<li style='margin-bottom:4px'>{item}</li>" for item in items)
        return f"<ul style='margin-left:0; -qt-list-indent:1'>{body}</ul>"
