"""PyInstaller entry point of the console `mailmanager-cli` executable."""

from mailmanager.cli import main

raise SystemExit(main())
