"""Await blocking work from asyncio, with one way to stop it: task cancellation plus a flag.

A thread cannot be interrupted, so cancelling the asyncio task that awaits a blocking call only
stops the *waiting*. For work that must stop too (a probe about to send a code, detection still
asking the network) the call takes a ``threading.Event`` that it checks before each step that
matters; ``run_blocking`` sets it the moment the awaiting task is cancelled. The probes check it
before they send a credential (``checking.wire``), so no code is sent after a cancel.

Pure asyncio, no Qt: the services' helper (``services.operations``) and anything in the core
that awaits a thread use this one function.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, TypeVar

# asyncio is imported where it is used: the main window imports this module before its first
# paint, and importing asyncio then would cost the start-up ~20 ms.

T = TypeVar("T")


async def run_blocking(
    fn: Callable[..., T],
    *args: Any,
    executor: Executor | None = None,
    cancel: threading.Event | None = None,
) -> T:
    """Run ``fn(*args)`` on ``executor`` (the running loop's default when None) and await
    its result; ``cancel`` is set when the awaiting task is cancelled, so the work can stop."""
    import asyncio

    loop = asyncio.get_running_loop()
    call = functools.partial(fn, *args) if args else fn
    future = loop.run_in_executor(executor, call)
    try:
        return await future
    except asyncio.CancelledError:
        if cancel is not None:
            cancel.set()
        raise


def call_from_thread(callback: Callable[..., object]) -> Callable[..., None]:
    """A function that worker threads may call: each call runs ``callback`` on the loop that
    is running now (the caller's), in order, never on the worker thread."""
    import asyncio

    loop = asyncio.get_running_loop()

    def post(*args: Any) -> None:
        if not loop.is_closed():
            loop.call_soon_threadsafe(callback, *args)

    return post
