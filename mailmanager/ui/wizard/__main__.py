"""Open the setup wizard on its own, for development: ``python -m mailmanager.ui.wizard``.

Uses the real catalogue, detection, checker, store and keyring of the current home folder
(``--home DIR`` or MAILMANAGER_HOME keep it away from your real data). ``--lang zh_CN`` shows
the wizard in Chinese when a translation is installed.
"""

from __future__ import annotations

import argparse
import os
import sys

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from mailmanager import paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mailmanager.ui.wizard")
    parser.add_argument("--home", metavar="DIR", help="keep data and keyring entries under DIR")
    parser.add_argument("--lang", help="UI language, for example zh_CN or en")
    parser.add_argument("--qm", action="append", default=[], help="extra translation (.qm) file")
    args, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    if args.home:
        os.environ[paths.HOME_ENV] = args.home
    app = QApplication([sys.argv[0], *qt_args])
    locale = QLocale(args.lang) if args.lang else QLocale.system()
    QLocale.setDefault(locale)
    translators = []
    candidates = [str(paths.resources_dir() / "translations" / f"mailmanager_{locale.name()}.qm")]
    for qm in [*candidates, *args.qm]:
        translator = QTranslator(app)
        if translator.load(qm):
            app.installTranslator(translator)
            translators.append(translator)

    from mailmanager.ui.wizard import SetupWizard

    wizard = SetupWizard()
    wizard.accountSaved.connect(lambda account_id: sys.stdout.write(f"saved {account_id}\n"))
    wizard.show()
    # Under qasync's loop, as in the app: the pages await their jobs (detection, the check, the
    # save) as asyncio tasks.
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
