"""A small painted strip of the last 30 days of checks: one cell a day.

Green for a day whose checks all passed, red for a day with a failure, grey for a day without
a check. Colour is never alone: failed days are also taller with a notch, every cell has a
tooltip with its date and result, and a caption under the strip says the numbers in words.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from mailmanager.core.model.status import ConnectionStatus, info
from mailmanager.ui import formatting

DAYS = 30
GOOD = QColor("#2e7d32")
BAD = QColor("#c62828")
NONE = QColor("#9e9e9e")


class TimelineStrip(QWidget):
    """The strip itself; ``set_days`` gives it the worst status per day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineStrip")
        self.setMinimumHeight(22)
        self.setMouseTracking(True)
        self._today = date.today()
        self._days: dict[date, ConnectionStatus] = {}

    def set_days(self, days: dict[date, ConnectionStatus], today: date) -> None:
        self._days = days
        self._today = today
        self.update()

    def day_at(self, index: int) -> date:
        """The date of cell ``index`` (0 is the oldest, DAYS - 1 is today)."""
        return self._today - timedelta(days=DAYS - 1 - index)

    def sizeHint(self) -> QSize:
        return QSize(DAYS * 9, 22)

    def _cell(self, index: int) -> QRectF:
        width = self.width() / DAYS
        return QRectF(index * width + 1, 0, max(width - 2, 1), self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        height = self.height()
        for index in range(DAYS):
            status = self._days.get(self.day_at(index))
            rect = self._cell(index)
            if status is None:
                painter.setBrush(NONE)
                rect.setTop(height * 0.55)
            elif status is ConnectionStatus.OK:
                painter.setBrush(GOOD)
                rect.setTop(height * 0.25)
            else:
                painter.setBrush(BAD)
            painter.drawRoundedRect(rect, 2, 2)
            if status is not None and status is not ConnectionStatus.OK:
                painter.setBrush(QColor("#ffffff"))
                notch = QRectF(rect.center().x() - 1, 3, 2, height * 0.35)
                painter.drawRect(notch)
        painter.end()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            QToolTip.showText(e.globalPos(), self.tooltip_at(e.pos()), self)
            return True
        return super().event(e)

    def tooltip_at(self, position: QPoint) -> str:
        index = min(max(int(position.x() / max(self.width() / DAYS, 1)), 0), DAYS - 1)
        day = self.day_at(index)
        status = self._days.get(day)
        if status is None:
            result = self.tr("no check")
        else:
            result = QCoreApplication.translate("Status", info(status).label)
        return formatting.labelled(day.isoformat(), result)

    def counts(self) -> tuple[int, int, int]:
        """(days ok, days with a failure, days without a check) in the window."""
        ok = bad = 0
        for index in range(DAYS):
            status = self._days.get(self.day_at(index))
            if status is ConnectionStatus.OK:
                ok += 1
            elif status is not None:
                bad += 1
        return ok, bad, DAYS - ok - bad


class TimelineView(QWidget):
    """The strip with its caption ("27 days fine, 1 with failures, 2 without a check")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(3)
        self.title = QLabel(self.tr("Last 30 days"))
        self.title.setObjectName("timelineTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.strip = TimelineStrip()
        # Which end is which: the oldest day on the left, today on the right.
        ends = QHBoxLayout()
        ends.setContentsMargins(0, 0, 0, 0)
        self.oldest = QLabel()  # the first day's date, set with the days
        self.oldest.setObjectName("timelineOldest")
        self.newest = QLabel(self.tr("Today"))
        self.newest.setObjectName("timelineToday")
        # The ends in the normal size and text colour: smaller, greyed-out labels (a disabled
        # label's colour) were hard to read under the strip (issue 18, item 7).
        self.newest.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        ends.addWidget(self.oldest)
        ends.addStretch(1)
        ends.addWidget(self.newest)
        self.caption = QLabel()
        self.caption.setObjectName("timelineCaption")
        self.caption.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.strip)
        layout.addLayout(ends)
        layout.addWidget(self.caption)

    def set_days(self, days: dict[date, ConnectionStatus], today: date) -> None:
        self.strip.set_days(days, today)
        self.oldest.setText(formatting.format_date(today - timedelta(days=DAYS - 1)))
        ok, bad, none = self.strip.counts()
        self.caption.setText(
            self.tr("Days OK: %1 · with failures: %2 · not checked: %3")
            .replace("%1", str(ok))
            .replace("%2", str(bad))
            .replace("%3", str(none))
        )
