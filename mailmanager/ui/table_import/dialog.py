"""File → Import mailboxes from a spreadsheet...: many mailboxes at once, every code proven first.

The steps, each the core's work (``core.table_import``):

1. A file (CSV, TSV, .xlsx; the first sheet) or pasted lines ("address code", one provider).
2. The columns: recognised headers are used; when the address or the code column is not
   found, a mapping step asks which column holds what.
3. The table: one line per row with its spreadsheet row number. Rows the trust rule refuses
   carry a tick box; ticking it confirms those servers for every row at the same domain.
4. Check codes: the proof batch runs on qasync's loop (``async def`` slots), with a progress
   bar and Cancel; the first rate-limit reply pauses it. Retry failed rows checks those again,
   only when asked.
5. Save: the proven rows (and, if ticked, the failed ones, marked as needing a fix) go through
   the registry on the keyring thread, each row whole or not at all.
6. After a save from a file: a reminder that the spreadsheet holds the codes in plain text,
   with a button that opens its folder (the file is never deleted or copied).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mailmanager.core import trust
from mailmanager.core.model.certificates import ca_fingerprint, read_ca_file
from mailmanager.core.registry import Registry
from mailmanager.core.rules.policy import local_today
from mailmanager.core.store.account_store import AccountStore, StoreError
from mailmanager.core.table_import import consent
from mailmanager.core.table_import.batch import BatchOptions, ProofBatch, savable, save
from mailmanager.core.table_import.detection import Detected, detect_domains
from mailmanager.core.table_import.headers import ColumnMap, Field, map_columns
from mailmanager.core.table_import.model import ImportRow, Result, Stage
from mailmanager.core.table_import.reading import (
    Table,
    TableError,
    open_table,
    read_pasted,
    sheet_names,
)
from mailmanager.core.table_import.rows import (
    Defaults,
    build_list,
    existing_lookup,
    needs_detection,
)
from mailmanager.core.trust import RefusalKind
from mailmanager.services.account_ops import AccountOps
from mailmanager.services.operations import async_slot, run_blocking
from mailmanager.ui import language
from mailmanager.ui.errors import user_message
from mailmanager.ui.table_import.row_text import (
    details_text,
    field_label,
    provider_text,
    servers_text,
    status_text,
)

log = logging.getLogger("mailmanager.ui.table_import")

COL_ROW, COL_ADDRESS, COL_PROVIDER, COL_SERVERS, COL_STATUS, COL_DETAILS, COL_TRUST = range(7)
_FIELD_CHOICES = tuple(Field)


def _utcnow() -> datetime:
    return datetime.now(UTC)


class TableImportDialog(QDialog):
    """See the module docstring.

    Signals:
        imported(int): rows were saved (how many); the main window reloads its list.
    """

    imported = Signal(int)

    def __init__(
        self,
        ops: AccountOps,
        store: AccountStore,
        parent: QWidget | None = None,
        *,
        options: BatchOptions | None = None,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tableImportDialog")
        self.setWindowTitle(self.tr("Import mailboxes from a spreadsheet"))
        self.ops = ops
        self.store = store
        self.options = options or BatchOptions()
        self._clock = clock
        self.rows: list[ImportRow] = []
        self.batch: ProofBatch | None = None
        self.source_path: Path | None = None
        self._source: Callable[[], Table] | None = None
        self._headers: tuple[str, ...] = ()
        self._mapping: dict[int, QComboBox] = {}
        self._index: dict[int, int] = {}
        self._overrides: dict[int, Field] | None = None
        self._detected: Detected = {}
        self._undetected: set[str] = set()
        # The consent the user gave by ticking rows: (hosts, plain endpoints, domain, when).
        # Rows are rebuilt when the CA file, the mapping or detection changes them; the
        # consent is given again to the new rows, so a tick is never lost (a new file or
        # paste forgets it: consent is for the rows the user saw).
        self._consents: list[tuple[tuple[str, ...], tuple[str, ...], str, datetime]] = []
        # Where detection's DNS queries go (None: the system's resolver; tests: a loopback one).
        self.dns_server: tuple[str, int] | None = None
        self._close_when_done = False
        self._ca_file: str | None = None
        self._ca_pem: str | None = None
        self._ca_chosen_at: datetime | None = None
        self._busy = False
        self._filling = False
        self._save_stop = threading.Event()
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self._lang = language.content_language(QLocale())
        self._build()
        self._update_buttons()
        self.resize(1000, 620)

    # -- construction ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        # A tab bar over a stack rather than a QTabWidget: the stack is only as tall as the
        # page shown (a QTabWidget is as tall as its tallest page), the table gets the rest.
        self.tabs = QTabBar()
        self.tabs.setObjectName("sourceTabs")
        self.tabs.setDrawBase(False)
        self.tabs.setExpanding(False)
        self.pages = QStackedWidget()
        self.tabs.addTab(self.tr("Fro&m a file"))
        self.pages.addWidget(self._file_page())
        self.tabs.addTab(self.tr("&Paste"))
        self.pages.addWidget(self._paste_page())
        self.pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.tabs.currentChanged.connect(self._fit_tabs)
        self._fit_tabs(0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.pages)

        form = QFormLayout()
        self.group_edit = QLineEdit()
        self.group_edit.setObjectName("groupEdit")
        self.group_edit.setPlaceholderText(self.tr("for rows without a group column"))
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("labelEdit")
        self.label_edit.setPlaceholderText(self._default_label())
        form.addRow(self.tr("&Group:"), self.group_edit)
        form.addRow(self.tr("Code &label:"), self.label_edit)
        ca_row = QHBoxLayout()
        self.ca_label = QLabel(self.tr("System certificates only"))
        self.ca_label.setObjectName("caLabel")
        self.ca_label.setWordWrap(True)
        ca_button = QPushButton(self.tr("Choose C&A file…"))
        ca_button.setObjectName("chooseCaButton")
        ca_button.setToolTip(
            self.tr("Extra CA certificates for servers with their own CA (a company's server)")
        )
        ca_button.clicked.connect(self._choose_ca)
        ca_row.addWidget(self.ca_label, 1)
        ca_row.addWidget(ca_button)
        form.addRow(self.tr("Certificates:"), ca_row)
        layout.addLayout(form)

        self.mapping_box = QGroupBox(self.tr("Which column holds what?"))
        self.mapping_box.setObjectName("mappingBox")
        self.mapping_grid = QGridLayout(self.mapping_box)
        self.mapping_box.hide()
        layout.addWidget(self.mapping_box)

        self.summary = QLabel()
        self.summary.setObjectName("summaryLabel")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("importTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Address"),
                self.tr("Provider"),
                self.tr("Servers"),
                self.tr("Result"),
                self.tr("Details"),
                self.tr("Trust"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (rows, not cells)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_ROW, 50), (COL_ADDRESS, 200), (COL_PROVIDER, 110),
                              (COL_SERVERS, 220), (COL_STATUS, 120), (COL_TRUST, 60)):  # fmt: skip
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(self._trust_ticked)
        layout.addWidget(self.table, 1)

        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setFormat(self.tr("%v of %m checked"))
        layout.addWidget(self.progress)

        self.reminder = QWidget()
        self.reminder.setObjectName("plainTextReminder")
        reminder_row = QHBoxLayout(self.reminder)
        reminder_row.setContentsMargins(0, 0, 0, 0)
        self.reminder_label = QLabel(
            self.tr(
                "The codes are now in the system keyring. The spreadsheet still holds them in "
                "plain text: delete it or keep it somewhere safe."
            )
        )
        self.reminder_label.setWordWrap(True)
        self.open_folder_button = QPushButton(self.tr("&Open its folder"))
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_folder_button.clicked.connect(self.open_folder)
        reminder_row.addWidget(self.reminder_label, 1)
        reminder_row.addWidget(self.open_folder_button)
        self.reminder.hide()
        layout.addWidget(self.reminder)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("&Check codes"))
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.start_check)
        self.detect_button = QPushButton()
        self.detect_button.setObjectName("detectButton")
        self.detect_button.setToolTip(
            self.tr("Look up the servers of these domains on the network (as Add does)")
        )
        self.detect_button.clicked.connect(self.find_servers)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.retry_button = QPushButton(self.tr("&Retry failed rows"))
        self.retry_button.setObjectName("retryButton")
        self.retry_button.clicked.connect(self.retry_failed)
        self.include_failed = QCheckBox(self.tr("Also save faile&d rows (marked as needing a fix)"))
        self.include_failed.setObjectName("includeFailed")
        self.include_failed.toggled.connect(self._update_buttons)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        for button in (
            self.detect_button,
            self.check_button,
            self.cancel_button,
            self.retry_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.include_failed)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        # Enter does the next step (Check codes, then Save), never what merely has the first
        # place in the layout (it opened the file chooser from the group field); Esc closes.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        self.choose_button.setFocus()

    def _fit_tabs(self, current: int) -> None:
        """Show page ``current``; hidden pages (Ignored policy) do not count towards the
        stack's height."""
        self.pages.setCurrentIndex(current)
        for index in range(self.pages.count()):
            page = self.pages.widget(index)
            if page is None:
                continue
            policy = (
                QSizePolicy.Policy.Preferred if index == current else QSizePolicy.Policy.Ignored
            )
            page.setSizePolicy(policy, policy)
        self.pages.updateGeometry()

    def _file_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("CSV, TSV or Excel (.xlsx) file"))
        choose = QPushButton(self.tr("Choose &file…"))
        choose.setObjectName("chooseFileButton")
        choose.clicked.connect(self._choose_file)
        self.choose_button = choose
        self.sheet_box = QComboBox()
        self.sheet_box.setObjectName("sheetBox")
        self.sheet_box.setToolTip(self.tr("The workbook's sheet to import"))
        self.sheet_box.hide()
        self.sheet_box.activated.connect(self._sheet_chosen)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.sheet_box)
        row.addWidget(choose)
        return page

    def _paste_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.paste_edit = QPlainTextEdit()
        self.paste_edit.setObjectName("pasteEdit")
        self.paste_edit.setPlaceholderText(
            self.tr("One mailbox per line: address code, or address,code")
        )
        self.paste_edit.setMaximumHeight(90)
        row = QHBoxLayout()
        self.provider_box = QComboBox()
        self.provider_box.setObjectName("providerBox")
        self.provider_box.addItem(self.tr("Provider from each address"), None)
        for provider in trust.bundled_catalogue():
            if provider.accepts_passwords:
                self.provider_box.addItem(provider.name(self._lang), provider.id)
        read = QPushButton(self.tr("R&ead the lines"))
        read.setObjectName("readPastedButton")
        read.clicked.connect(self.load_pasted)
        provider_label = QLabel(self.tr("Pro&vider of these mailboxes:"))
        provider_label.setBuddy(self.provider_box)
        row.addWidget(provider_label)
        row.addWidget(self.provider_box, 1)
        row.addWidget(read)
        column.addWidget(self.paste_edit)
        column.addLayout(row)
        return page

    def _default_label(self) -> str:
        return f"mailmanager {local_today(self._clock()):%Y-%m}"

    # -- loading ---------------------------------------------------------------------------

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a spreadsheet"),
            "",
            self.tr("Spreadsheets (*.csv *.tsv *.txt *.xlsx)"),
        )
        if name:
            self.load_file(Path(name))

    def _choose_ca(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose CA certificates"), "", self.tr("Certificates (*.pem *.crt)")
        )
        if name:
            self.set_ca_file(Path(name))

    def set_ca_file(self, path: Path) -> bool:
        """Trust the CA certificates in ``path`` for every row (the user chose them, as with
        ``--ca-file``): read once, now, and shown by fingerprint; the rows are read again
        (with the servers the user already ticked still confirmed)."""
        try:
            pem = read_ca_file(str(path))
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.ca_label.setText(self.tr("Not used: %1").replace("%1", reason))
            return False
        self._ca_file, self._ca_pem, self._ca_chosen_at = str(path), pem, self._clock()
        self.ca_label.setText(
            self.tr("%1 (SHA-256 %2…)")
            .replace("%1", path.name)
            .replace("%2", ca_fingerprint(pem)[:16])
        )
        if self._source is not None:
            self._load(self._source, overrides=self._overrides)
        return True

    def load_file(self, path: Path, sheet: str | None = None) -> None:
        """Read ``path`` (a workbook's ``sheet``, by default its first) and show its rows."""
        self.source_path = path
        self._detected = {}
        self._consents = []
        self.path_edit.setText(str(path))
        if sheet is None:
            names = sheet_names(path)
            self.sheet_box.clear()
            self.sheet_box.addItems(names)
            self.sheet_box.setVisible(len(names) > 1)
        self._load(lambda: open_table(path, sheet=sheet), overrides=None)

    def _sheet_chosen(self, index: int) -> None:
        if self.source_path is not None and index >= 0:
            self.load_file(self.source_path, self.sheet_box.itemText(index))

    def load_pasted(self) -> None:
        """Read the paste box: one mailbox per line."""
        self.source_path = None
        self._detected = {}
        self._consents = []
        text = self.paste_edit.toPlainText()
        self._load(lambda: read_pasted(text), overrides=None)

    def _load(self, source: Callable[[], Table], overrides: dict[int, Field] | None) -> None:
        if self._busy:
            return
        self._source = source
        self._overrides = overrides
        self.reminder.hide()
        try:
            with source() as table:
                self._headers = table.headers
                columns = map_columns(
                    table.headers,
                    {str(i + 1): f.value for i, f in overrides.items()} if overrides else None,
                )
                if columns.missing() or (columns.unknown and overrides is None):
                    self._ask_mapping(columns)
                    if columns.missing():
                        self._set_rows([])
                        self.summary.setText(
                            self.tr("Choose the columns that hold the address and the code.")
                        )
                        return
                else:
                    self.mapping_box.hide()
                self._set_rows(self._build_rows(table, columns))
        except TableError as exc:
            self._set_rows([])
            self.summary.setText(self.tr("This file cannot be read: %1").replace("%1", str(exc)))
        except StoreError as exc:
            self._set_rows([])
            self.summary.setText(str(exc))

    def _build_rows(self, table: Table, columns: ColumnMap) -> list[ImportRow]:
        provider_id = self.provider_box.currentData() if self.source_path is None else None
        defaults = Defaults(
            group=self.group_edit.text(),
            label=self.label_edit.text().strip() or self._default_label(),
            source_name=self.source_path.name if self.source_path else "",
            provider_id=provider_id,
            detected=self._detected,
            ca_file=self._ca_file,
            ca_pem=self._ca_pem,
            ca_confirmed_at=self._ca_chosen_at,
        )
        existing = existing_lookup(self.store.list_accounts())
        rows = build_list(table.rows, columns, trust.bundled_catalogue(), existing, defaults)
        consent.judge(rows)
        for hosts, plain, domain, at in self._consents:
            consent.give_consent(rows, at, hosts=hosts, plain=plain, domain=domain)
        self._undetected = needs_detection(rows) - set(self._detected)
        return rows

    def _ask_mapping(self, columns: ColumnMap) -> None:
        """The mapping step: one choice per column, the recognised ones filled in."""
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._mapping = {}
        by_index = {index: field for field, index in columns.columns.items()}
        for index, header in enumerate(self._headers):
            combo = QComboBox()
            combo.setObjectName(f"mapColumn{index + 1}")
            combo.addItem(self.tr("(not used)"), Field.IGNORE.value)
            for field in _FIELD_CHOICES:
                if field not in (Field.IGNORE, Field.NOTE):
                    combo.addItem(field_label(field), field.value)
            chosen = by_index.get(index)
            if chosen is not None:
                combo.setCurrentIndex(combo.findData(chosen.value))
            row, col = divmod(index, 3)
            self.mapping_grid.addWidget(QLabel(header or f"#{index + 1}"), row, col * 2)
            self.mapping_grid.addWidget(combo, row, col * 2 + 1)
            self._mapping[index] = combo
        apply = QPushButton(self.tr("&Use these columns"))
        apply.setObjectName("applyMappingButton")
        apply.clicked.connect(self.apply_mapping)
        self.mapping_grid.addWidget(apply, len(self._headers) // 3 + 1, 0, 1, 2)
        self.mapping_box.show()

    def set_mapping(self, index: int, field: Field) -> None:
        """Choose ``field`` for column ``index`` (0-based) in the mapping step."""
        combo = self._mapping[index]
        combo.setCurrentIndex(combo.findData(field.value))

    def apply_mapping(self) -> None:
        if self._source is None:
            return
        chosen = {i: Field(str(c.currentData())) for i, c in self._mapping.items()}
        self._load(self._source, overrides=chosen)

    # -- the table -------------------------------------------------------------------------

    def _set_rows(self, rows: list[ImportRow]) -> None:
        self.rows = rows
        self._index = {id(row): index for index, row in enumerate(rows)}
        self._filling = True
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self._fill(index, row)
        self._filling = False
        self.progress.setMaximum(max(1, len([r for r in rows if r.checkable])))
        self.progress.setValue(0)
        # No rows (the mapping step, an unreadable file): no "0 of 1 checked" to puzzle over.
        self.progress.setVisible(bool(rows))
        self._summarise()
        self._update_buttons()

    def _fill(self, index: int, row: ImportRow) -> None:
        values = {
            COL_ROW: str(row.number),
            COL_ADDRESS: row.address,
            COL_PROVIDER: provider_text(row, self._lang),
            COL_SERVERS: servers_text(row),
            COL_STATUS: status_text(row),
            COL_DETAILS: details_text(row),
        }
        for column, text in values.items():
            item = self.table.item(index, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(index, column, item)
            if item.text() != text:
                item.setText(text)
                if column == COL_DETAILS:
                    item.setToolTip(text)
        trust_item = self.table.item(index, COL_TRUST)
        tickable = bool(row.refusals) and all(
            r.kind in (RefusalKind.HOST, RefusalKind.PLAIN) for r in row.refusals
        )
        if tickable:
            if trust_item is None:
                trust_item = QTableWidgetItem()
                self.table.setItem(index, COL_TRUST, trust_item)
            trust_item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            trust_item.setCheckState(Qt.CheckState.Unchecked)
            trust_item.setToolTip(
                self.tr("Send this row's code to these servers (every row at this domain)")
            )
        elif trust_item is not None:
            self.table.takeItem(index, COL_TRUST)

    def _refill(self) -> None:
        self._filling = True
        for index, row in enumerate(self.rows):
            self._fill(index, row)
        self._filling = False
        self._summarise()
        self._update_buttons()

    def _row_changed(self, row: ImportRow) -> None:
        """The batch moved a row on (called on the GUI thread by the loop)."""
        index = self._index.get(id(row))
        if index is None:
            return
        self._filling = True
        self._fill(index, row)
        self._filling = False
        if row.stage not in (Stage.WAITING, Stage.CHECKING):
            self.progress.setValue(self.progress.value() + 1)
        self._summarise()

    def _trust_ticked(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != COL_TRUST or self._busy:
            return
        if item.checkState() != Qt.CheckState.Checked:
            return
        row = self.rows[item.row()]
        if row.account is None:
            return
        domain = row.account.address.rpartition("@")[2]
        hosts = [r.host for r in row.refusals if r.kind is RefusalKind.HOST]
        plain = [r.arguments[0] for r in row.refusals if r.kind is RefusalKind.PLAIN]
        at = self._clock()
        self._consents.append((tuple(hosts), tuple(plain), domain, at))
        consent.give_consent(self.rows, at, hosts=hosts, plain=plain, domain=domain)
        self._refill()
        self.progress.setMaximum(max(1, len([r for r in self.rows if r.checkable])))

    def _summarise(self) -> None:
        if not self.rows:
            self.summary.clear()
            return
        # Counted by state first, each state's words looked up once (500 rows, many updates).
        counts: dict[tuple[object, object], tuple[ImportRow, int]] = {}
        for row in self.rows:
            key = (row.result, row.stage if row.result is None else None)
            first, n = counts.get(key, (row, 0))
            counts[key] = (first, n + 1)
        pair = self.tr("%1: %2")
        parts = [
            pair.replace("%1", status_text(r)).replace("%2", str(n)) for r, n in counts.values()
        ]
        text = self.tr("%n row(s)", "", len(self.rows)) + " — " + self.tr(", ").join(parts)
        if self.batch is not None and self.batch.paused_by is not None:
            text += "\n" + self.tr(
                "Paused at row %1: the provider asked to slow down. Wait a few minutes, then "
                "use Retry failed rows."
            ).replace("%1", str(self.batch.paused_by.number))
        self.summary.setText(text)

    def _update_buttons(self) -> None:
        idle = not self._busy
        waiting = [r for r in self.rows if r.checkable and r.stage is Stage.WAITING]
        failed = [
            r for r in self.rows if r.checkable and r.stage in (Stage.FAILED, Stage.NOT_CHECKED)
        ]
        self.check_button.setEnabled(idle and bool(waiting))
        self.cancel_button.setEnabled(self._busy)
        self.retry_button.setEnabled(idle and bool(failed))
        to_save = savable(self.rows, include_failed=self.include_failed.isChecked())
        self.save_button.setEnabled(idle and bool(to_save))
        self.check_button.setDefault(self.check_button.isEnabled())
        self.save_button.setDefault(not self.check_button.isEnabled() and idle and bool(to_save))
        self.tabs.setEnabled(idle)
        self.pages.setEnabled(idle)
        self.detect_button.setVisible(bool(self._undetected))
        self.detect_button.setEnabled(idle)
        self.detect_button.setText(
            self.tr("Find servers for %n domain(s)", "", len(self._undetected))
        )

    # -- checking and saving ---------------------------------------------------------------

    @async_slot()
    async def start_check(self) -> None:
        """Prove every row that may be checked (the button; never automatic)."""
        await self._prove([r for r in self.rows if r.checkable and r.stage is Stage.WAITING])

    @async_slot()
    async def retry_failed(self) -> None:
        """Check again the rows that failed or were not reached (only when the user asks)."""
        # Rows never reached go first: after a pause they are what the user waited for.
        unchecked = [r for r in self.rows if r.checkable and r.stage is Stage.NOT_CHECKED]
        failed = [r for r in self.rows if r.checkable and r.stage is Stage.FAILED]
        await self._prove(unchecked + failed)

    async def _prove(self, rows: list[ImportRow]) -> None:
        if self._busy or not rows:
            return
        self._busy = True
        self.batch = ProofBatch(self.options, on_row=self._row_changed)
        self.progress.setMaximum(len(rows))
        self.progress.setValue(0)
        self._update_buttons()
        try:
            await self.batch.prove(rows)
        finally:
            # Each row's cells followed it as it moved on; only the totals and buttons remain.
            self._busy = False
            self._summarise()
            self._update_buttons()
            self._close_if_asked()

    @async_slot()
    async def find_servers(self) -> None:
        """Detection for the domains whose rows name no servers (the button: it asks DNS and
        the domains' web servers, so it runs only when the user wants it)."""
        if self._busy or not self._undetected or self._source is None:
            return
        self._busy = True
        self._update_buttons()
        domains = set(self._undetected)
        catalogue = trust.bundled_catalogue()
        try:
            found = await run_blocking(
                functools.partial(detect_domains, dns_server=self.dns_server),
                domains,
                catalogue,
            )
        finally:
            self._busy = False
        if self._close_if_asked():
            return  # closed meanwhile: the result is not wanted
        self._detected = {**self._detected, **found}
        self._load(self._source, overrides=self._overrides)
        self._undetected -= domains  # what detection did not find stays invalid
        self._update_buttons()

    def cancel(self) -> None:
        """No further login; the rows not reached stay unchecked (and nothing is saved)."""
        if self.batch is not None:
            self.batch.cancel()
        self._save_stop.set()

    @async_slot()
    async def save(self) -> None:
        """Store the proven rows (and the failed ones if ticked), each row whole or not at all."""
        if self._busy:
            return
        include_failed = self.include_failed.isChecked()
        rows = list(self.rows)
        self._busy = True
        self._save_stop = threading.Event()
        stop = self._save_stop
        self._update_buttons()

        def job(registry: Registry) -> int:
            return save(registry, rows, include_failed=include_failed, cancel=stop)

        try:
            count = await self.ops.run(job)
        except Exception as exc:  # the registry's errors say what to do; never a code
            log.error("table import save failed: %s", type(exc).__name__)
            self.summary.setText(self.tr("Saving stopped: %1").replace("%1", user_message(exc)))
            count = 0
        finally:
            self._busy = False
            self._refill()
        if count:
            self.imported.emit(count)
            if self.source_path is not None:
                self.reminder.show()
        self._close_if_asked()

    def _close_if_asked(self) -> bool:
        """Close now if the user closed the dialog while work was running."""
        if not self._close_when_done:
            return False
        super().reject()
        return True

    def open_folder(self) -> None:
        """Show the spreadsheet's folder (the user deletes or moves the file; we never do)."""
        if self.source_path is not None:
            self.open_url(QUrl.fromLocalFile(str(self.source_path.parent)))

    def saved_count(self) -> int:
        return len([r for r in self.rows if r.result is Result.SAVED])

    def reject(self) -> None:
        """Close; while a check or a save runs it is cancelled first and the dialog closes
        when it has stopped (no row is left half-saved, no callback finds the dialog gone)."""
        self.cancel()
        if self._busy:
            self._close_when_done = True
            self.summary.setText(self.tr("Stopping…"))
            return
        super().reject()
