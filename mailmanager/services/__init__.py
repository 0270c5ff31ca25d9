"""Qt-aware services without widgets: the secret worker, checker, scheduler, notifications.

Services sit between the widgets and the Qt-free core: they own threads, timers and signals so
that neither the widgets nor the core have to.
"""
