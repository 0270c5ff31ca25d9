"""The main window: the account list with its badges, the details pane, and every command.

Layout: a toolbar (commands on the left, the filter box on the right), then either the first-run
page or a splitter with the list and the details pane; a status bar with the totals. Commands
live in ``MainActions`` and appear in the menu, the toolbar and the list's context menu.

The window reads the store through the GUI's own connection after the user's own changes
(``refresh``); when the ``StoreWatcher`` sees a change (made by the CLI, or by ``AccountOps`` on
the keyring thread) or checks finish, the list is read and diffed off the GUI thread and only
the changed rows are applied (``reload_soon``, ``ui.list_reload``).
Changes go through ``AccountOps``; dialogs are opened non-modally-blocking (``open()``) so the
event loop, and with it qasync, keeps running. Checks are delegated to a handler that the
checker service (issue 4) installs with ``set_check_handler``; without one the check commands
are disabled.

The list page (filter box, list, details pane) is built when the store first has a mailbox, or
when something asks for one of its widgets: a first start with an empty store shows the
first-run page and does not load the list's views, delegates and details pane (~20 ms before
the first paint). ``view``, ``details``, ``filter_edit``, ``splitter``, ``list_stack`` and
``no_match`` build it on first access.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from mailmanager.core.model.accounts import Account, AccountSummary
from mailmanager.core.model.list_diff import ListChanges
from mailmanager.core.model.list_entry import ListEntry
from mailmanager.core.model.status import ConnectionStatus
from mailmanager.core.rules.policy import local_today
from mailmanager.core.store.account_store import AccountStore, StoreError, UnknownAccountError
from mailmanager.services.account_ops import AccountOps
from mailmanager.services.keyring_status import KeyringStatus
from mailmanager.services.operations import Tasks
from mailmanager.services.store_watcher import StoreWatcher
from mailmanager.ui import errors, icons, language
from mailmanager.ui.account_filter import AccountFilterModel
from mailmanager.ui.account_model import DEFAULT_SORT, MASS_CHANGE, AccountModel, row_runs
from mailmanager.ui.actions import MainActions
from mailmanager.ui.empty_state import EmptyState
from mailmanager.ui.list_reload import ListReload
from mailmanager.ui.list_scope import ALL
from mailmanager.ui.provider_info import ProviderDirectory

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QMessageBox

    from mailmanager.core.model.codes import CodeAudit

    # The wizard (with detection, DNS and the keyring behind it) loads when first opened:
    # importing it here cost about a third of the start-up time. The edit dialog, the removal
    # question and the settings text load when first used too (~6 ms before the first paint),
    # and the list page's view and details pane when the list page is built.
    from mailmanager.ui.account_editor import EditAccountDialog
    from mailmanager.ui.account_view import AccountView
    from mailmanager.ui.bulk_actions import BulkActions
    from mailmanager.ui.details_pane import DetailsPane
    from mailmanager.ui.keyring_banner import KeyringBanner
    from mailmanager.ui.list_page import ListPage
    from mailmanager.ui.wizard import SetupWizard, WizardMode

log = logging.getLogger("mailmanager.ui")

T = TypeVar("T")

CheckHandler = Callable[[list[int]], None]
TIME_REFRESH_MS = 30_000


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _whole_rows(
    selection: QItemSelectionModel, proxy: AccountFilterModel, columns: int
) -> list[int]:
    """The model rows whose every column is selected (what ``selectedRows`` means), in the
    list's order. The list selects whole rows (a range of some columns only, set by a program,
    is checked row by row); the proxy keeps the model's order, so when it shows every row its
    rows are the model's."""
    rows: set[int] = set()
    partial: set[int] = set()
    for selected in selection.selection().toList():
        if not selected.isValid():
            continue
        span = range(selected.top(), selected.bottom() + 1)
        if selected.left() == 0 and selected.right() >= columns - 1:
            rows.update(span)
        else:
            partial.update(span)
    root = QModelIndex()
    rows.update(row for row in partial - rows if selection.isRowSelected(row, root))
    ordered = sorted(rows)
    source = proxy.sourceModel()
    if proxy.rowCount() == source.rowCount():
        return ordered
    index, to_source = proxy.index, proxy.mapToSource
    return [to_source(index(row, 0)).row() for row in ordered]


class MainWindow(QMainWindow):
    """The app's window. See the module docstring.

    Signals:
        refreshed(): the list was reloaded from the store.
        removing(int): the user confirmed removing the account with this id (its check, if
            one runs, is cancelled before the removal starts).
    """

    refreshed = Signal()
    removing = Signal(int)

    def __init__(
        self,
        store: AccountStore,
        ops: AccountOps,
        settings: QSettings,
        *,
        providers: ProviderDirectory | None = None,
        clock: Callable[[], datetime] = _utcnow,
        watch_interval_ms: int = 1000,
    ) -> None:
        super().__init__()
        self.store = store
        self.ops = ops
        self.settings = settings
        self.providers = providers or ProviderDirectory()
        self._clock = clock
        self._check_handler: CheckHandler | None = None
        self._bulk: BulkActions | None = None
        self._details_shown: tuple[object, ...] | None = None  # what the details pane shows
        self._selected_rows_kept: list[int] | None = None  # see _selected_rows
        # While the model's rows change (rows moved by removal and insertion lose and regain
        # their selection, a run at a time), the selection's follow-ups wait: the update ends
        # with them, once (``_rows_changing``).
        self._changing_rows = False
        # The account changes this window started (cancelled when it closes).
        self.tasks = Tasks()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("mailmanager"))
        self.setWindowIcon(icons.app_icon())
        self.actions_ = MainActions(self, self.palette())

        self.model = AccountModel(
            self, clock=clock, provider_lookup=self.providers.look, loader=self._load_summary
        )
        # The view's default order, set here too so that rows are sorted on arrival even when
        # the list page (and its view) is built after them.
        self.model.sort(*DEFAULT_SORT)
        self.proxy = AccountFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self._page: ListPage | None = None
        self._build_view()
        self._build_toolbar()
        self._build_menus()
        self._connect()

        self.list_reload = ListReload(
            self.model, store.path, self.tasks, apply=self._apply_changes, failed=self._store_failed
        )
        self.watcher = StoreWatcher(
            store, self, interval_ms=watch_interval_ms, on_failure=self._store_failed
        )
        self.watcher.changed.connect(self.reload_soon)
        self._timer = QTimer(self)
        self._timer.setInterval(TIME_REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self.resize(1120, 700)
        self._restore_layout()
        self.refresh()
        self.watcher.start()
        self._timer.start()

    # -- construction ----------------------------------------------------------------------------

    def _build_view(self) -> None:
        self.empty = EmptyState()
        self.pages = QStackedWidget()
        self.pages.setObjectName("mainPages")
        self.pages.addWidget(self.empty)
        # The pages, with room above them for the no-keyring banner (watch_keyring).
        central = QWidget()
        central.setObjectName("mainCentral")
        self._central_layout = QVBoxLayout(central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.keyring_status: KeyringStatus | None = None
        self.keyring_banner: KeyringBanner | None = None

        self.summary_label = QLabel()
        self.summary_label.setObjectName("summaryLabel")
        self.statusBar().addPermanentWidget(self.summary_label)

    def watch_keyring(self, status: KeyringStatus) -> None:
        """Show a banner above the list while no secure keyring is available (built when
        first needed); the wizard reads the same status."""
        self.keyring_status = status
        status.changed.connect(self._keyring_changed)
        self._keyring_changed()

    def _keyring_changed(self) -> None:
        status = self.keyring_status
        if status is None or status.problem is None or self.keyring_banner is not None:
            return
        from mailmanager.ui.keyring_banner import KeyringBanner

        banner = KeyringBanner(status, self)
        self._central_layout.insertWidget(0, banner)
        banner.setVisible(status.problem is not None)  # after the reparenting
        self.keyring_banner = banner

    @property
    def list_page_built(self) -> bool:
        return self._page is not None

    def _ensure_list_page(self) -> ListPage:
        """Build the list page (once) and wire it to the window."""
        if self._page is not None:
            return self._page
        from mailmanager.ui.list_page import ListPage

        page = ListPage(self.proxy, self._clock)
        self.pages.addWidget(page)
        self._page = page
        page.details.webLoginConfirmed.connect(self._confirm_web_login)
        page.details.fixRequested.connect(lambda _account_id: self._open_wizard_named("FIX"))
        page.details.trustRequested.connect(lambda account_id: self.review_trust([account_id]))
        page.details.codesRequested.connect(self.open_codes)
        page.filter_edit.textChanged.connect(self._filter_changed)
        page.group_list.scopeChosen.connect(self._scope_chosen)
        page.no_match.linkActivated.connect(lambda _link: page.group_list.choose(ALL))
        view = page.view
        view.customContextMenuRequested.connect(self._context_menu)
        view.doubleClicked.connect(lambda _index: self.edit_selected())
        view.openRequested.connect(self.edit_selected)
        # The selected rows, kept until the selection or the rows change (see _selected_rows):
        # one update asks for them several times.
        for signal in (
            view.selectionModel().selectionChanged,
            self.proxy.layoutChanged,
            self.proxy.modelReset,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.model.layoutChanged,
            self.model.modelReset,
            self.model.rowsInserted,
            self.model.rowsRemoved,
        ):
            signal.connect(self._forget_selected_rows)
        view.selectionModel().selectionChanged.connect(self._selection_changed)  # after that
        self._restore_list_layout()
        return page

    @property
    def view(self) -> AccountView:
        return self._ensure_list_page().view

    @property
    def details(self) -> DetailsPane:
        return self._ensure_list_page().details

    @property
    def filter_edit(self) -> QLineEdit:
        return self._ensure_list_page().filter_edit

    @property
    def no_match(self) -> QLabel:
        return self._ensure_list_page().no_match

    @property
    def list_stack(self) -> QStackedWidget:
        return self._ensure_list_page().list_stack

    @property
    def splitter(self) -> ListPage:
        return self._ensure_list_page()

    def _build_toolbar(self) -> None:
        self.toolbar = self.actions_.make_toolbar(self)
        self.addToolBar(self.toolbar)

    def _build_menus(self) -> None:
        self.actions_.fill_menu_bar(self.menuBar())
        self.actions_.languages[language.setting(self.settings)].setChecked(True)

    def _connect(self) -> None:
        a = self.actions_
        # Add, Fix and Rotate go through the setup wizard (issue 5); Edit is its own dialog.
        a.add.triggered.connect(lambda: self._open_wizard_named("ADD"))
        self.empty.add_button.clicked.connect(lambda: self._open_wizard_named("ADD"))
        self.fix_action = a.fix
        a.fix.triggered.connect(lambda: self._open_wizard_named("FIX"))
        a.import_table.triggered.connect(self.open_table_import)
        a.check_now.triggered.connect(self.check_selected)
        a.check_all.triggered.connect(self.check_all)
        a.edit.triggered.connect(self.edit_selected)
        a.rotate.triggered.connect(lambda: self._open_wizard_named("ROTATE"))
        a.codes.triggered.connect(self.open_selected_codes)
        a.pause.triggered.connect(self.toggle_pause)
        a.copy_settings.triggered.connect(self.copy_settings)
        a.move_to_group.triggered.connect(lambda: self.bulk.ask_group())
        a.export_table.triggered.connect(self.export_table)
        a.remove.triggered.connect(self.remove_selected)
        a.filter.triggered.connect(self._focus_filter)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self._about)
        a.language_group.triggered.connect(self._language_chosen)
        # Once per event, not once per signal: choosing a group or typing a filter with ten
        # thousand mailboxes removes rows in hundreds of runs, each a signal (1.7 s of
        # updating the pages again and again, bench/bench_groups.py).
        self._pages_soon = self._next_turn(self._update_pages)
        for signal in (self.proxy.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved):
            signal.connect(self._pages_soon.start)
        # A bulk action's rows are shown changed at once and moved to their sorted places on
        # a later turn (``show_changed``); a reload's details likewise (``_apply_changes``).
        self._sort_soon = self._next_turn(self._sort_pending)
        self._details_soon = self._next_turn(self._show_details)

    def _next_turn(self, slot: Callable[[], None]) -> QTimer:
        """A single-shot zero timer for ``slot``: ``start()`` runs it on a later turn of the
        event loop, once however often it was started. A timer, not a posted call, so that
        the repaint, the user's input and other timers come in between."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    # -- refreshing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload every account from the store now, on the GUI thread (keeps the selection):
        after the user's own change, whose row the next step selects. Changes seen later (the
        watcher, finished checks) use ``reload_soon``."""
        try:
            entries = self.store.list_entries()
        except StoreError as exc:
            self._store_failed(exc)
            return
        if entries:
            self._ensure_list_page()  # before the rows arrive, as the view's sort expects
        kept = self._selection_of(None)
        with self._rows_changing():
            self.model.set_entries(entries)
            self._restore_selection(kept)
        self.list_reload.seen(self.store.list_mark)
        self._update_groups()
        self._update_pages()
        self._show_details()
        self.refreshed.emit()

    def reload_soon(self) -> None:
        """Reload the list after the store changed, off the GUI thread (``ui.list_reload``:
        coalesced, only the changed rows touched). Without a running asyncio loop (a bare
        window in a test) the reload runs at once, as ``refresh``."""
        import asyncio

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            self.refresh()
            return
        self.list_reload.request()

    def _apply_changes(self, changes: ListChanges) -> None:
        if changes.added:
            self._ensure_list_page()  # before the rows arrive, as the view's sort expects
        kept = self._selection_of({entry.id for entry in changes.changed})
        with self._rows_changing():
            applied = self.model.apply_changes(changes)
            if applied:
                self._restore_selection(kept)
        if applied:
            self._update_groups()
            self._update_pages()
            # On the next turn, after the rows are painted: the selected mailbox's new result
            # refills its history and states, which with the rows in one go made the longest
            # stall of a "Check all" (bench_smoothness).
            self._details_soon.start()
        self.refreshed.emit()

    @contextmanager
    def _rows_changing(self) -> Iterator[None]:
        """The model's rows change in the block; whoever uses it calls ``_update_pages``
        (actions and summary) and ``_show_details`` afterwards, which a selection change
        would have called for every run of rows moved."""
        self._changing_rows = True
        try:
            yield
        finally:
            self._changing_rows = False

    def _selection_of(self, account_ids: set[int] | None) -> tuple[int | None, set[int]]:
        """The current mailbox and which of ``account_ids`` (None: any) are selected, before
        the model moves a few changed rows by removing and inserting them (``AccountModel.
        take_reinserted``): their selection is put back afterwards."""
        if not self.list_page_built:
            return None, set()
        model, proxy, selection = self.model, self.proxy, self.view.selectionModel()
        current = self.view.currentIndex()
        current_id = (
            model.entry_at(proxy.mapToSource(current).row()).id if current.isValid() else None
        )
        if account_ids is None:
            return current_id, {model.entry_at(row).id for row in self._selected_rows()}
        if not account_ids or not selection.hasSelection():
            return current_id, set()
        if len(account_ids) > MASS_CHANGE:  # the selected rows (usually known already)
            selected = {model.entry_at(row).id for row in self._selected_rows()}
            return current_id, selected & account_ids
        selected = set()
        for account_id, position in model.positions_of(account_ids).items():
            if selection.isSelected(proxy.mapFromSource(model.index(position, 0))):
                selected.add(account_id)
        return current_id, selected

    def _restore_selection(self, kept: tuple[int | None, set[int]]) -> None:
        moved = self.model.take_reinserted()
        current_id, selected = kept
        if not moved or not self.list_page_built:
            return
        model, proxy, selection = self.model, self.proxy, self.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        # The moved rows' selection, put back in one change (one selectionChanged), in runs.
        back = sorted(
            row
            for row in (
                proxy.mapFromSource(model.index(position, 0)).row()
                for account_id, position in model.positions_of(selected & set(moved)).items()
            )
            if row >= 0
        )
        if back:
            ranges = QItemSelection()
            for first, last in row_runs(back):
                ranges.select(proxy.index(first, 0), proxy.index(last, 0))
            selection.select(ranges, flags.Select | flags.Rows)
        if current_id is not None and current_id in moved:
            position = model.row_of(current_id)
            index = proxy.mapFromSource(model.index(position, 0)) if position >= 0 else None
            if index is not None and index.isValid():
                selection.setCurrentIndex(index, flags.NoUpdate)

    def _load_summary(self, account_id: int) -> AccountSummary | None:
        """One account in full, for the selection (the list holds only what it shows)."""
        try:
            return self.store.summary(account_id)
        except UnknownAccountError:
            return None  # removed meanwhile: the next refresh drops its row
        except (StoreError, ValueError, KeyError) as exc:
            # A locked or damaged file, or a damaged row: say so rather than show a blank pane.
            log.warning("mailbox #%s cannot be read: %s", account_id, type(exc).__name__)
            self._store_failed(exc)
            return None

    def _tick(self) -> None:
        self.model.refresh_times()
        self._update_groups()
        self._update_summary()

    def show_changed(self, entries: list[ListEntry]) -> None:
        """Show rows a bulk action changed, known without reading the store (the watcher's
        reload follows, as after any change, and finds them as shown)."""
        with self._rows_changing():
            # In place now; to their sorted places on the next turn (hundreds of rows moved
            # through the filter proxy, after their new states, made one long stall).
            self.model.update_rows(entries, sort=False)
        self._update_groups()
        self._update_pages()
        self._show_details()
        if self.model.unsorted_ids:
            self._sort_soon.start()

    def _sort_pending(self) -> None:
        """Move the rows ``show_changed`` left in place to their sorted places, keeping the
        selection and the current row."""
        waiting = self.model.unsorted_ids
        if not waiting:
            return
        kept = self._selection_of(set(waiting))
        with self._rows_changing():
            self.model.sort_pending()
            self._restore_selection(kept)

    def _update_groups(self) -> None:
        if self.list_page_built:
            self.splitter.group_list.set_counts(self.model.scope_counts())

    def _scope_chosen(self) -> None:
        # The rows that leave go in runs, each a selection change when selected ones go (with
        # ten thousand selected, a second of handling each): handled once, afterwards.
        with self._rows_changing():
            self.proxy.set_scope(self.splitter.group_list.scope())
            self._update_pages()  # actions and summary; it may choose the first row
        self._show_details()

    def _update_pages(self) -> None:
        has_accounts = self.model.rowCount() > 0
        if not has_accounts and not self.list_page_built:
            self.pages.setCurrentWidget(self.empty)
            self._update_summary()
            self._update_actions()
            return
        self.pages.setCurrentWidget(self.splitter if has_accounts else self.empty)
        shown = self.proxy.rowCount() > 0
        self.list_stack.setCurrentWidget(self.view if shown or not has_accounts else self.no_match)
        if not shown and has_accounts:
            import html

            typed = html.escape(self.filter_edit.text())
            if typed:
                clear = html.escape(self.tr("Clear the filter"))
                text = self.tr("No mailbox matches “%1”.").replace("%1", typed)
            else:
                clear = html.escape(self.tr("Show all mailboxes"))
                text = self.tr("No mailbox in this list.")
            self.no_match.setText(f"{text}<br><a href='#clear'>{clear}</a>")
        if has_accounts and not self.view.selectionModel().hasSelection() and shown:
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._update_summary()
        self._update_actions()

    def _update_summary(self) -> None:
        total = self.model.rowCount()
        attention = self.model.attention_count()
        text = self.tr("Mailboxes: %1").replace("%1", str(total))
        selected = self._selection_count()
        if selected > 1:
            text += "  ·  " + self.tr("Selected: %1").replace("%1", str(selected))
        if attention:
            text += "  ·  " + self.tr("Need attention: %1").replace("%1", str(attention))
        self.summary_label.setText(text)

    def _store_failed(self, error: Exception) -> None:
        self.statusBar().showMessage(errors.user_message(error), 10_000)

    # -- selection -------------------------------------------------------------------------------

    def _selected_row(self) -> int | None:
        """The model row of the selected mailbox, or None."""
        if not self.list_page_built:
            return None  # no list yet, so nothing selected
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            rows = self._selected_rows()
            return rows[0] if rows else None
        return self.proxy.mapToSource(index).row()

    def selected_summary(self) -> AccountSummary | None:
        """The selected mailbox in full, read from the store (None: nothing selected)."""
        row = self._selected_row()
        return None if row is None else self.model.summary_at(row)

    def selected_entries(self) -> list[ListEntry]:
        """The list rows of every selected mailbox, in the list's order."""
        if not self.list_page_built:
            return []
        entry_at = self.model.entry_at
        return [entry_at(row) for row in self._selected_rows()]

    def _selection_count(self) -> int:
        if not self.list_page_built:
            return 0
        return len(self._selected_rows())

    def _selected_rows(self) -> list[int]:
        """The model rows of the selected mailboxes, in the list's order, read from the
        selection's ranges (``_whole_rows``): Qt's selectedRows() asks the model for its size
        for every selected row and compares each row with every range (with a thousand
        selected, tens of milliseconds)."""
        if self._selected_rows_kept is None:
            self._selected_rows_kept = _whole_rows(
                self.view.selectionModel(), self.proxy, self.model.columnCount()
            )
        return self._selected_rows_kept

    def _forget_selected_rows(self) -> None:
        self._selected_rows_kept = None

    @property
    def bulk(self) -> BulkActions:
        """The commands on several selected mailboxes (built when first used)."""
        if self._bulk is None:
            from mailmanager.ui.bulk_actions import BulkActions

            self._bulk = BulkActions(self)
        return self._bulk

    def export_table(self) -> QDialog:
        """Ask where to save the table for sending platforms (the shown group, or all)."""
        from mailmanager.ui.platform_export import PlatformExport

        return PlatformExport(self).ask()

    def select_account(self, account_id: int) -> None:
        row = self.model.row_of(account_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(index)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._changing_rows:
            return  # the update ends with these calls (see _rows_changing)
        self._show_details()
        self._update_actions()
        self._update_summary()  # with how many are selected

    def _show_details(self) -> None:
        if not self.list_page_built:
            return
        from mailmanager.ui.timeline_strip import DAYS as TIMELINE_DAYS

        several = self._selection_count()
        if several > 1:  # what can be done with all of them, not the first one's details
            self._details_shown = None
            a = self.actions_
            commands = [a.check_now, a.pause, a.move_to_group, a.copy_settings, a.remove]
            self.details.show_several(several, commands)
            return
        row = self._selected_row()
        summary = None if row is None else self.model.summary_at(row)
        if row is None or summary is None or summary.account.id is None:
            self._details_shown = None
            self.details.show_account(None)
            return
        today = local_today(self._clock())
        try:
            checks = self.store.recent_checks(summary.account.id, limit=10)
            events = self.store.credential_events(summary.account.id)
            since = today - timedelta(days=TIMELINE_DAYS - 1)
            daily = self.store.daily_history(summary.account.id, since)
            codes = self.store.codes(summary.account.id)
            audit: CodeAudit | None = self.store.code_audit(summary.account.id)
        except StoreError as exc:
            self._store_failed(exc)
            checks, events, daily, codes, audit = [], [], {}, [], None
        # From the summary just read, not the row: the list may be a refresh behind.
        states = self.model.states_for(row, summary, codes)
        look = self.model.look_at(row)
        # The pane is filled again only when what it shows changed: during a "Check all" the
        # list refreshes every 200 ms, mostly for other mailboxes, and a refill costs the GUI
        # thread tens of milliseconds on a busy machine (bench_smoothness).
        shown = (summary, states, look, checks, events, daily, codes, audit, today)
        if shown == self._details_shown:
            return
        self._details_shown = shown
        self.details.show_account(
            summary,
            states=states,
            look=look,
            checks=checks,
            events=events,
            daily=daily,
            codes=codes,
            audit=audit,
        )

    def _update_actions(self) -> None:
        # The list's own row is enough here (no store read on every selection change).
        row = self._selected_row()
        entry = None if row is None else self.model.entry_at(row)
        has = entry is not None
        for action in self.actions_.account_actions():
            action.setEnabled(has)
        can_check = self._check_handler is not None
        self.actions_.check_now.setEnabled(has and can_check)
        self.actions_.check_all.setEnabled(can_check and self.model.rowCount() > 0)
        several = self._selection_count() > 1
        if several:
            # Edit, Replace code, Fix and Codes are about one mailbox; the others act on all.
            one_only = (self.actions_.edit, self.actions_.rotate, self.actions_.fix)
            for action in (*one_only, self.actions_.codes):
                action.setEnabled(False)
            self.actions_.set_paused_look(all(e.paused for e in self.selected_entries()))
        else:
            self.actions_.set_paused_look(entry is not None and entry.paused)

    # -- commands --------------------------------------------------------------------------------

    def set_check_handler(self, handler: CheckHandler | None) -> None:
        """Install the checker: ``handler(account_ids)`` starts checks and reports through the
        store (the list refreshes) and ``model.set_checking``."""
        self._check_handler = handler
        self._update_actions()

    def check_selected(self) -> None:
        if self._selection_count() > 1:
            if self._check_handler is not None:
                self._check_handler([entry.id for entry in self.selected_entries()])
            return
        summary = self.selected_summary()
        if summary is not None and summary.account.id is not None and self._check_handler:
            self._check_handler([summary.account.id])

    def check_all(self) -> None:
        """Check every mailbox that can be checked without risk.

        Paused mailboxes and those without a code are left out, and so are mailboxes whose
        code was rejected at the last check: sending a rejected code again, mailbox after
        mailbox, is what gets accounts locked by the providers' risk control. Those are
        checked one at a time with "Check now", or after a new code is entered.
        """
        if self._check_handler is None:
            return
        # The store, not the list: the list shows results up to 200 ms after they are recorded,
        # and a rejected code must not be sent again by a click in between.
        try:
            entries = self.store.list_entries()
        except StoreError as exc:
            self._store_failed(exc)
            return
        ids: list[int] = []
        rejected = 0
        for entry in entries:
            if entry.paused or entry.needs_code:
                continue
            if ConnectionStatus.AUTH_FAILED in entry.connection_statuses:
                rejected += 1
                continue
            ids.append(entry.id)
        if ids:
            self._check_handler(ids)
        if rejected:
            self.statusBar().showMessage(
                self.tr(
                    "Skipped %n mailbox(es) whose code was rejected: enter a new code, or "
                    "check each one with Check now.",
                    "",
                    rejected,
                ),
                15_000,
            )

    def edit_selected(self) -> EditAccountDialog | None:
        """Open the Edit dialog for the selected mailbox (its settings, never its code)."""
        from mailmanager.ui.account_editor import EditAccountDialog

        summary = self.selected_summary()
        if summary is None:
            return None
        dialog = EditAccountDialog(
            self.ops,
            summary.account,
            today=self._clock().astimezone().date(),
            groups=self.model.groups(),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._edit_saved(dialog))
        dialog.open()
        return dialog

    def _edit_saved(self, dialog: EditAccountDialog) -> None:
        self.refresh()
        if dialog.saved is not None and dialog.saved.id is not None:
            self.select_account(dialog.saved.id)
            self.statusBar().showMessage(
                self.tr("%1 was saved.").replace("%1", dialog.saved.address), 8000
            )

    def open_selected_codes(self) -> QDialog | None:
        """The Mailbox menu's and the context menu's "Codes…": the selected mailbox's
        inventory (one mailbox only, like Edit)."""
        if self._selection_count() != 1:
            return None
        row = self._selected_row()
        entry = None if row is None else self.model.entry_at(row)
        if entry is None:
            return None
        return self.open_codes(entry.id)

    def open_codes(self, account_id: int) -> QDialog | None:
        """The mailbox's code inventory (issue 19); its changes go through the registry in
        the loop's executor, and the list refreshes when the store changes."""
        from mailmanager import paths
        from mailmanager.core.secrets import SecretStore
        from mailmanager.ui.code_inventory import CodeInventoryDialog
        from mailmanager.ui.code_jobs import RegistryJobs

        try:
            account = self.store.get_account(account_id)
        except StoreError as exc:
            self._store_failed(exc)
            return None
        catalogue = self.providers.catalogue()
        provider = catalogue.get(account.provider_id) if catalogue and account.provider_id else None
        jobs = RegistryJobs(
            self.store.path, lambda: SecretStore(paths.resolve()), clock=self._clock
        )
        dialog = CodeInventoryDialog(
            self.store, account_id, provider, self.providers.lang, jobs,
            clock=self._clock, parent=self,
        )  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.refresh)
        dialog.newCodeRequested.connect(lambda account_id: self._new_code_for(dialog, account_id))
        dialog.open()
        return dialog

    def _new_code_for(self, inventory: QDialog, account_id: int) -> None:
        """The inventory's "make a new code": the wizard's Fix for that mailbox."""
        inventory.close()
        self.refresh()
        self.select_account(account_id)
        self._open_wizard_named("FIX")

    def _open_wizard_named(self, mode_name: str) -> None:
        from mailmanager.ui.wizard import WizardMode

        self.open_wizard(WizardMode[mode_name])

    def open_wizard(self, mode: WizardMode) -> SetupWizard | None:
        """Open the setup wizard to add a mailbox, or to fix / rotate the selected one."""
        from mailmanager.ui.wizard import SetupWizard, WizardMode, WizardServices

        summary = None if mode is WizardMode.ADD else self.selected_summary()
        if mode is not WizardMode.ADD and (summary is None or summary.account.id is None):
            return None
        last = [r for r in (summary.last_imap, summary.last_smtp) if r] if summary else []
        wizard = SetupWizard(
            mode,
            summary.account if summary else None,
            self,
            services=WizardServices(secrets=self.ops.secrets, keyring_status=self.keyring_status),
            last_results=last,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.accountSaved.connect(self._wizard_saved)
        wizard.open()
        return wizard

    def open_table_import(self) -> QDialog:
        """File → Import mailboxes from a spreadsheet... (issue 20)."""
        from mailmanager.ui.table_import.dialog import TableImportDialog

        dialog = TableImportDialog(self.ops, self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _count: self.refresh())
        dialog.open()
        return dialog

    def _wizard_saved(self, account_id: int) -> None:
        self.refresh()
        self.select_account(account_id)

    def toggle_pause(self) -> None:
        if self._selection_count() > 1:
            self.bulk.toggle_pause()
            return
        summary = self.selected_summary()
        if summary is None or summary.account.id is None:
            return
        paused = not summary.account.paused
        self._change(self.ops.set_paused(summary.account.id, paused), lambda _a: self.refresh())

    def copy_settings(self) -> str | None:
        if self._selection_count() > 1:
            self.bulk.copy_settings()
            return None
        summary = self.selected_summary()
        if summary is None:
            return None
        from mailmanager.ui.client_settings import client_settings_text

        text = client_settings_text(summary.account)
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(
            self.tr("Settings of %1 copied to the clipboard.").replace(
                "%1", summary.account.address
            ),
            8000,
        )
        return text

    def remove_selected(self) -> QMessageBox | None:
        """Ask for confirmation (window-modal, non-blocking); removing follows a yes."""
        if self._selection_count() > 1:
            return self.bulk.ask_removal()
        summary = self.selected_summary()
        if summary is None or summary.account.id is None:
            return None
        account = summary.account
        from mailmanager.ui.confirm_removal import confirm_removal

        look = self.providers.look(account.provider_id, account.address)
        box, remove = confirm_removal(
            self, account.address, look.settings_url, unsure=look.settings_unconfirmed
        )
        account_id = account.id

        def answered() -> None:
            if box.clickedButton() is remove and account_id is not None:
                self.removing.emit(account_id)  # its running check stops, sending nothing more
                self._change(self.ops.remove(account_id), self._removed)

        box.finished.connect(answered)
        box.open()
        return box

    def _removed(self, account: Account) -> None:
        self.refresh()
        self.statusBar().showMessage(
            self.tr("%1 was removed.").replace("%1", account.address), 8000
        )

    def review_trust(self, account_ids: list[int] | None = None) -> QDialog | None:
        """Ask once about every server still waiting for the user's confirmation (all
        mailboxes, or those given); returns the open dialog, or None when nothing waits."""
        from mailmanager.ui.trust_dialog import TrustDialog, waiting

        if account_ids is None:
            accounts = self.store.list_accounts()
        else:
            accounts = [self.store.get_account(i) for i in account_ids]
        items = waiting(accounts)
        if not items:
            return None
        dialog = TrustDialog(items, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted:
                return
            confirmed = dialog.confirmed()
            if confirmed:
                self._change(
                    self.ops.confirm_hosts(confirmed),
                    lambda _saved: self._saved_message(
                        self.tr("Noted: the servers you ticked are confirmed.")
                    ),
                )

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def _confirm_web_login(self, account_id: int) -> None:
        today = local_today(self._clock())
        self._change(
            self.ops.confirm_web_login(account_id, today),
            lambda _account: self._saved_message(self.tr("Noted: you logged in on the web today.")),
        )

    def _change(self, change: Coroutine[Any, Any, T], done: Callable[[T], None]) -> None:
        """Await an account change (``AccountOps``) in a task this window owns: ``done`` gets
        its typed result; a refusal (keyring locked, store busy) is said in a dialog."""

        async def run() -> None:
            try:
                result = await change
            except Exception as exc:  # the registry's errors, said to the user, not a crash
                self._failed(exc)
                return
            done(result)

        self.tasks.start(run())

    def _saved_message(self, text: str) -> None:
        self.refresh()
        self.statusBar().showMessage(text, 8000)

    def report_failure(self, error: BaseException) -> None:
        """Refresh and say what went wrong, in the user's words (``ui.errors``)."""
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self.refresh()
        from PySide6.QtWidgets import QMessageBox  # dialogs' classes load when first needed

        QMessageBox.warning(self, self.tr("mailmanager"), errors.user_message(error))

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _filter_changed(self, text: str) -> None:
        with self._rows_changing():  # as in _scope_chosen
            self.proxy.set_text(text.strip())
            self._update_pages()
        self._show_details()

    def _context_menu(self, position: QPoint) -> None:
        if not self.view.indexAt(position).isValid():
            return
        menu = self.actions_.make_context_menu(self)
        menu.popup(self.view.viewport().mapToGlobal(position))

    def _language_chosen(self, action: QAction) -> None:
        choice = str(action.data())
        if choice == language.setting(self.settings):
            return
        self.settings.setValue(language.SETTINGS_KEY, choice)
        self.statusBar().showMessage(
            self.tr("The language changes the next time mailmanager starts."), 10_000
        )

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from mailmanager import __version__

        QMessageBox.about(
            self,
            self.tr("About mailmanager"),
            self.tr(
                "mailmanager %1\n\nKeeps the authorization codes of your mailboxes working: "
                "checks IMAP and SMTP logins and reminds you before codes expire."
            ).replace("%1", __version__),
        )

    # -- remembered layout -----------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _restore_list_layout(self) -> None:
        splitter = self.settings.value("mainWindow/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header = self.settings.value("mainWindow/header")
        if isinstance(header, QByteArray):
            self.view.header().restoreState(header)

    def save_layout(self) -> None:
        self.settings.setValue("mainWindow/geometry", self.saveGeometry())
        if self.list_page_built:  # else the remembered list layout stays as it was
            self.settings.setValue("mainWindow/splitter", self.splitter.saveState())
            self.settings.setValue("mainWindow/header", self.view.header().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.cancel_all()
        self.save_layout()
        self.watcher.stop()
        self._timer.stop()
        super().closeEvent(event)
