"""What the wizard's pages share: the services they call and what detection found.

Why not let pages reach into the wizard: pages are built before the wizard wires them, tests build
them with fake-free but small services (a catalogue, short timeouts, the in-memory keyring), and a
page that imported the wizard module would make a cycle. Every page gets the one
``WizardContext`` and listens to ``providerChanged``.

``WizardServices`` collects the blocking work the wizard's pages await on the loop's executor
(``services.operations.run_blocking``): network detection, the login check, reading a stored
code, and the registry that saves. The defaults talk to the real modules; the main window passes
its own where it has them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QLocale, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from mailmanager import paths
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.model import Provider, ServerGroup, Source
from mailmanager.core.checking.proof import Proof
from mailmanager.core.checking.runner import AccountCheck, prove
from mailmanager.core.model.accounts import Account, Endpoint, Protocol
from mailmanager.core.registry import Registry
from mailmanager.core.secrets import SecretStore
from mailmanager.core.store.account_store import AccountStore
from mailmanager.services.keyring_status import KeyringStatus
from mailmanager.ui.wizard.fields import WizardMode

# check(account, secret, cancel, progress(protocol, step)) -> the Proof (passed or not)
CheckFn = Callable[[Account, str, threading.Event, Callable[[Protocol, str], None]], Proof]
# detect(address, cancel) -> a detection result (see ``Found.from_detection``) or None
DetectFn = Callable[[str, threading.Event], Any]


def ui_language() -> str:
    """``zh`` or ``en``: the language the catalogue texts are shown in (follows QLocale)."""
    return "zh" if QLocale().name().lower().startswith("zh") else "en"


@dataclass(frozen=True)
class Found:
    """Where the servers come from: a provider (or none), the source, and the server groups.

    ``groups`` holds the default group first; for a provider from the catalogue these are the
    provider's groups for the address's domain. Results found by MX/SRV/autoconfig/guessing
    arrive as endpoints and are wrapped as an unnamed group ``detected``.
    """

    provider: Provider | None
    source: Source
    groups: tuple[ServerGroup, ...] = ()
    manual: bool = False  # the user chose the provider (or "enter servers myself") by hand
    notes: tuple[str, ...] = ()  # detection's notes (English source texts, context Detection)

    @classmethod
    def from_detection(cls, detection: Any, catalogue: Catalogue, domain: str) -> Found:
        """Adapt ``detector.Detection`` (provider, source, imap, smtp, alternatives)."""
        provider = getattr(detection, "provider", None)
        if isinstance(provider, str):
            provider = catalogue.get(provider)
        source = Source(str(getattr(detection, "source", Source.NONE)))
        groups: list[ServerGroup] = []
        if isinstance(provider, Provider):
            groups.extend(provider.groups_for(domain))
        imap = getattr(detection, "imap", None)
        smtp = getattr(detection, "smtp", None)
        if not groups and isinstance(imap, Endpoint) and isinstance(smtp, Endpoint):
            groups.append(_detected_group("detected", imap, smtp))
            for index, alternative in enumerate(getattr(detection, "alternatives", ()) or ()):
                alt_imap = getattr(alternative, "imap", None)
                alt_smtp = getattr(alternative, "smtp", None)
                if isinstance(alt_imap, Endpoint) and isinstance(alt_smtp, Endpoint):
                    groups.append(_detected_group(f"detected-{index + 1}", alt_imap, alt_smtp))
        notes = tuple(str(n) for n in getattr(detection, "notes", ()) or ())
        chosen = provider if isinstance(provider, Provider) else None
        return cls(chosen, source, tuple(groups), notes=notes)


def _detected_group(group_id: str, imap: Endpoint, smtp: Endpoint) -> ServerGroup:
    from mailmanager.core.catalogue.model import Text

    name = Text(zh=f"{imap.host} / {smtp.host}", en=f"{imap.host} / {smtp.host}")
    return ServerGroup(group_id, name, imap, smtp)


def _default_check(
    account: Account,
    secret: str,
    cancel: threading.Event,
    progress: Callable[[Protocol, str], None],
    *,
    timeout: float,
) -> Proof:
    return prove(account, secret, timeout=timeout, cancel=cancel, progress=progress)


def _default_detect(address: str, cancel: threading.Event) -> Any:
    from mailmanager.core.discovery import detector  # imported late: the network stack is heavy

    return detector.detect(address, network=True, cancel=cancel)


@contextmanager
def _default_registry(secrets: SecretStore | None = None) -> Iterator[Registry]:
    """A registry with its own store connection, for use on the calling (worker) thread."""
    app_paths = paths.resolve()
    app_paths.ensure()
    store = AccountStore.open(app_paths.database)
    try:
        yield Registry(store, secrets if secrets is not None else SecretStore(app_paths))
    finally:
        store.close()


def _open_url(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


@dataclass
class WizardServices:
    """The wizard's blocking work, each awaited on an executor thread (except ``open_url``).

    Attributes:
        catalogue: the provider catalogue (read on the GUI thread; it is immutable).
        detect: network detection (MX, SRV, autoconfig, guess), or None for the catalogue only.
        check: the live IMAP + SMTP check of a candidate account and code.
        check_timeout: seconds per protocol.
        secrets: the app's keyring store; saving and reading a stored code use it (its calls
            run on the process's one keyring thread, ``core.secrets_gateway``, serial with the
            rest of the app's). None: a ``SecretStore`` for the home folder.
        keyring_status: whether a secure keyring is available (the app's); the preparation
            page says so before the user creates a code.
        registry: a context manager giving a ``Registry`` usable on the current thread; by
            default one with its own store connection in the home folder.
        open_url: opens a web page in the browser (GUI thread).
    """

    catalogue: Catalogue = field(default_factory=Catalogue.load)
    detect: DetectFn | None = _default_detect
    check: Callable[..., Proof] = _default_check
    check_timeout: float = 20.0
    secrets: SecretStore | None = None
    keyring_status: KeyringStatus | None = None
    registry: Callable[[], AbstractContextManager[Registry]] | None = None
    open_url: Callable[[QUrl], bool] = _open_url

    def open_registry(self) -> AbstractContextManager[Registry]:
        """A registry for the calling thread (see ``registry``)."""
        if self.registry is not None:
            return self.registry()
        return _default_registry(self.secrets)

    def stored_secret(self, address: str) -> str | None:
        """The stored code of ``address`` (blocking: await it with ``run_blocking``)."""
        return (self.secrets or SecretStore()).get(address)

    def run_check(
        self,
        account: Account,
        secret: str,
        cancel: threading.Event,
        progress: Callable[[Protocol, str], None],
    ) -> Proof:
        return self.check(account, secret, cancel, progress, timeout=self.check_timeout)


class WizardContext(QObject):
    """State shared by the pages of one wizard.

    Attributes:
        mode: add, fix or rotate.
        account: the saved account being fixed or rotated (None when adding).
        services: see WizardServices.
        found: what detection found for the current address (provider, source, groups).
        keep_code: Fix mode only: test with the stored code instead of a new one.
        check: the last finished check (None before the test ran).
        proof: the same check with the code it proved (what the done page saves with).
        save_anyway: the user chose to save although the check failed.
        saved: the account as stored, once the done page saved it.

    Signals:
        providerChanged(): ``found`` changed (pages refresh texts and prefills).
    """

    providerChanged = Signal()

    def __init__(
        self,
        mode: WizardMode,
        services: WizardServices,
        account: Account | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = mode
        self.services = services
        self.account = account
        self.found = Found(None, Source.NONE)
        self.keep_code = False
        self.check: AccountCheck | None = None
        self.proof: Proof | None = None
        self.save_anyway = False
        self.saved: Account | None = None

    @property
    def provider(self) -> Provider | None:
        return self.found.provider

    @property
    def lang(self) -> str:
        return ui_language()

    def set_found(self, found: Found) -> None:
        if found != self.found:
            self.found = found
            self.providerChanged.emit()

    def shows_code_once(self) -> bool:
        """The provider shows its credential a single time (the acknowledgement page applies).

        Unknown providers are not asked: the catalogue is what says so.
        """
        provider = self.provider
        return bool(
            provider is not None and provider.credential.shown_once and provider.accepts_passwords
        )

    def needs_new_code(self) -> bool:
        return self.mode is not WizardMode.FIX or not self.keep_code
