"""Shared set-up of the services' tests."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collect_on_this_thread() -> Iterator[None]:
    """Collect the test's garbage here, on the GUI thread, when it ends.

    The services hold QObjects (timers) in reference cycles (a task's coroutine refers to its
    owner). Left to the cyclic collector, such an object is freed wherever the collector next
    runs, which may be an executor thread, and Qt then warns "Timers cannot be stopped from
    another thread" in whichever test is running. In the app these objects live as long as
    the app, each with a parent."""
    yield
    gc.collect()
