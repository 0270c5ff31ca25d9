"""Every widget test runs with qasync's loop inside Qt's, as the app does: the windows' async
slots (``qasync.asyncSlot``) and the services' tasks run while pytest-qt spins Qt's loop."""

from __future__ import annotations

import asyncio

import pytest


@pytest.fixture(autouse=True)
def _qasync_loop(qloop: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return qloop
