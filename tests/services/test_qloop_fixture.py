"""The ``qloop`` fixture runs async slots and executor work while pytest-qt waits."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from PySide6.QtCore import QObject
from qasync import asyncSlot


class _Worker(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.result: tuple[str, bool] | None = None

    @asyncSlot()
    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        name = await loop.run_in_executor(None, lambda: threading.current_thread().name)
        self.result = (name, threading.current_thread() is threading.main_thread())


def test_async_slot_awaits_an_executor(qtbot: Any, qloop: asyncio.AbstractEventLoop) -> None:
    worker = _Worker()
    worker.start()
    qtbot.waitUntil(lambda: worker.result is not None)
    assert worker.result is not None
    executor_thread, back_on_main = worker.result
    assert executor_thread != threading.main_thread().name
    assert back_on_main
