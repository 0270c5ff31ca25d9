"""Take a screenshot of a real X server's whole screen and check that it shows something.

Used by packaging/smoke_test_bundle.sh while the bundled app runs on Xvfb: grabs the root window
through Qt's xcb platform (Qt from the build environment, not the bundle, so the check does not
depend on the thing it checks), saves it as PNG and passes when it holds at least MIN_COLOURS
distinct colours. A missing, black or single-colour screen (no window, or a window that never
painted) fails; the app's window with its text, icons and list has hundreds. It retries until
TIMEOUT seconds have passed, because the app maps its window a moment after it is asked to.

    DISPLAY=:N python packaging/screenshot_check.py OUT.png
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

MIN_COLOURS = 16
TIMEOUT = 20.0


def distinct_colours(image: object) -> int:
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(rgb.constBits())[: rgb.sizeInBytes()]
    return len(set(memoryview(data).cast("I")))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: screenshot_check.py OUT.png\n")
        return 2
    out = Path(argv[0])
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([sys.argv[0]])
    screen = app.primaryScreen()
    deadline = time.monotonic() + TIMEOUT
    colours = 0
    while True:
        app.processEvents()
        image = screen.grabWindow(0).toImage()
        colours = 0 if image.isNull() else distinct_colours(image)
        if colours >= MIN_COLOURS or time.monotonic() > deadline:
            break
        time.sleep(0.2)  # a polling script outside the test suite: wait for the next frame
    out.parent.mkdir(parents=True, exist_ok=True)
    if image.isNull() or not image.save(str(out)):
        sys.stderr.write(f"screenshot: could not grab the screen or write {out}\n")
        return 1
    size = f"{image.width()}x{image.height()}"
    if colours < MIN_COLOURS:
        sys.stderr.write(
            f"screenshot: {out} ({size}) has {colours} colour(s), fewer than {MIN_COLOURS}: "
            "the window is missing or blank\n"
        )
        return 1
    sys.stdout.write(f"screenshot: {out} ({size}, {colours} colours)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
