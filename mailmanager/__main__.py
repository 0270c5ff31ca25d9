"""`python -m mailmanager` starts the desktop app, like the `mailmanager` launcher."""

from mailmanager.app import main

raise SystemExit(main())
