"""PyInstaller entry point of the windowed `mailmanager` executable."""

from mailmanager.app import main

raise SystemExit(main())
