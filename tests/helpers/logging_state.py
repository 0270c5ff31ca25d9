"""Save and restore the ``mailmanager`` logger around a test.

``mailmanager.logs.setup`` (called by the CLI's ``main`` and the app) replaces the logger's
handlers and turns propagation off, which is right for a process but would leave a file handler
into a deleted temporary folder, and hide later tests' records from ``caplog``, when ``main`` runs
inside the test process.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

_MARK = "_mailmanager_configured"


@contextmanager
def preserved_app_logger() -> Iterator[logging.Logger]:
    logger = logging.getLogger("mailmanager")
    handlers = list(logger.handlers)
    state = (logger.level, logger.propagate, getattr(logger, _MARK, None))
    try:
        yield logger
    finally:
        for handler in list(logger.handlers):
            if handler not in handlers:
                logger.removeHandler(handler)
                handler.close()
        for handler in handlers:
            if handler not in logger.handlers:
                logger.addHandler(handler)
        logger.level, logger.propagate = state[0], state[1]
        if state[2] is None:
            if hasattr(logger, _MARK):
                delattr(logger, _MARK)
        else:
            setattr(logger, _MARK, state[2])
