"""Render the application icon (resources/icons/app.svg) into the files PyInstaller wants.

Windows executables need an .ico and macOS bundles an .icns (PyInstaller converts a PNG when
Pillow is installed); Linux executables carry no icon, but the Linux archive ships PNG copies in
the freedesktop icon theme layout (``hicolor/NxN/apps/ID.png``) next to the SVG, for menus that
do not draw SVG icons. Qt renders the SVG, so no extra tool is needed.

    python packaging/make_icons.py OUTDIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
DESKTOP_ID = "io.github.mailmanager.MailManager"
HICOLOR_SIZES = (48, 128, 256)


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance() or QGuiApplication([])
    del app
    out_dir.mkdir(parents=True, exist_ok=True)
    icon = QIcon(str(SVG))
    if icon.isNull():
        raise SystemExit(f"cannot read {SVG}")
    written = []
    files = [("mailmanager.png", 512), ("mailmanager.ico", 256)]
    files += [(f"hicolor/{n}x{n}/apps/{DESKTOP_ID}.png", n) for n in HICOLOR_SIZES]
    for name, size in files:
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not icon.pixmap(QSize(size, size)).toImage().save(str(target)):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in render(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")):
        sys.stdout.write(f"{path}\n")
