"""What the PyInstaller bundle leaves out, shared by packaging/mailmanager.spec and the start-up
baseline bench/bare_window.spec (a bare PySide6 window frozen the same way).

Each rule names what it drops and why; the bundle's smoke test (packaging/smoke_test_bundle.sh)
proves the app still starts on a real X server (xcb), offscreen, with the real Secret Service,
and lists the Qt plugins it loaded (dist/smoke/plugins-xcb.txt).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

Entry = tuple[str, str, str]  # a PyInstaller TOC entry: (destination, source, typecode)

# Qt modules the app never imports: keeping them out keeps the bundle small.
QT_UNUSED = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
    "QtGraphs", "QtHelp", "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets",
    "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus",
    "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest", "QtTextToSpeech",
    "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets",
    "QtWebSockets", "QtXml",
]  # fmt: skip
excludes: list[str] = [f"PySide6.{m}" for m in QT_UNUSED]
excludes += ["tkinter", "_tkinter", "PyQt5", "PyQt6", "PySide2", "IPython", "pytest", "mypy"]

# Qt's own translations: keep the languages the app speaks (its dialogs' buttons and so on).
QT_LANGUAGES = ("zh_CN", "en")


def keep_data(dest: str) -> bool:
    parts = Path(dest).parts
    if "translations" in parts and parts[:2] == ("PySide6", "Qt"):
        return Path(dest).stem.endswith(QT_LANGUAGES)
    return True


# Qt plugins the app never loads on Linux (issue 22), by plugin folder; folders not named here
# are kept whole (iconengines: the SVG icons; platforminputcontexts: ibus and compose, for
# typing Chinese; networkinformation: the scheduler's online/offline signal; wayland-*: the
# wayland platform). Seen with QT_DEBUG_PLUGINS=1 on Xvfb: xcb, compose, svgicon and the
# networkinformation backends load; nothing from imageformats, tls or xcbglintegrations.
#   platforms: xcb (X11), wayland, offscreen (CI, headless checks); not eglfs, linuxfb, vnc,
#     minimal, vkkhrdisplay (framebuffers and embedded displays, not desktops)
#   platformthemes: the portal theme; not gtk3, which alone pulls the build machine's GTK 3
#     stack (gtk, gdk, cairo, pango, atk: about 20 MB) into the bundle; Qt then uses its
#     built-in GNOME/generic theme, and file dialogs are Qt's own or the desktop portal's
#   imageformats: SVG only (the app's images are SVG; PNG is built into QtGui)
#   tls, egldeviceintegrations, generic, xcbglintegrations: none (no QSslSocket: TLS is
#     Python's ssl; no eglfs; no OpenGL widgets)
LINUX_QT_PLUGINS = {
    "platforms": {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"},
    "platformthemes": {"libqxdgdesktopportal.so"},
    "imageformats": {"libqsvg.so"},
    "tls": set(),
    "egldeviceintegrations": set(),
    "generic": set(),
    "xcbglintegrations": set(),
}


def keep_binary(dest: str) -> bool:
    parts = Path(dest).parts
    if sys.platform.startswith("linux") and "plugins" in parts:
        folder = parts[parts.index("plugins") + 1]
        if folder in LINUX_QT_PLUGINS:
            return parts[-1] in LINUX_QT_PLUGINS[folder]
    return True


def is_module_or_plugin(entry: Entry) -> bool:
    dest, _src, typecode = entry
    return typecode == "EXTENSION" or "plugins" in Path(dest).parts


def prune_libraries(binaries: list[Entry]) -> list[Entry]:
    """Drop the shared libraries that nothing kept links to any more.

    PyInstaller collected each plugin's link-time dependencies before the plugins above were
    dropped; a library stays if a kept extension module, plugin or the Python library needs it,
    directly or through another kept library (the ldd closure, by file name).
    """
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]

    libraries = {
        Path(dest).name: (dest, src)
        for dest, src, typecode in binaries
        if typecode == "BINARY" and not is_module_or_plugin((dest, src, typecode))
    }
    queue = [src for dest, src, typecode in binaries if is_module_or_plugin((dest, src, typecode))]
    queue += [src for name, (dest, src) in libraries.items() if name.startswith("libpython")]
    needed: set[str] = {Path(src).name for src in queue}
    seen: set[str] = set()
    while queue:
        src = queue.pop()
        if src in seen:
            continue
        seen.add(src)
        for name, _path in get_imports(src):
            name = Path(name).name
            if name in libraries and name not in needed:
                needed.add(name)
                queue.append(libraries[name][1])
    kept_dest = {dest for name, (dest, _src) in libraries.items() if name in needed}
    result: list[Entry] = []
    for dest, src, typecode in binaries:
        library = typecode == "BINARY" and not is_module_or_plugin((dest, src, typecode))
        if library and dest not in kept_dest:
            continue
        result.append((dest, src, typecode))
    return result


# Linux: strip debug information and symbols from the binaries (the Python library alone
# carries ~18 MB of debug information). Not on Windows (nothing to strip) or macOS (signing).
STRIP = sys.platform.startswith("linux")


def trim(analysis: Any) -> None:
    """Apply the rules above to a PyInstaller ``Analysis`` (its ``datas`` and ``binaries``)."""
    before = {dest for dest, _src, _typecode in analysis.binaries}
    analysis.binaries = [entry for entry in analysis.binaries if keep_binary(entry[0])]
    if sys.platform.startswith("linux"):
        analysis.binaries = prune_libraries(analysis.binaries)
    dropped = before - {dest for dest, _src, _typecode in analysis.binaries}
    # PyInstaller links each library in a subfolder into the top folder too (SYMLINK entries,
    # kept among the data): a link to a dropped library would dangle.
    analysis.datas = [
        (dest, src, typecode)
        for dest, src, typecode in analysis.datas
        if keep_data(dest) and not (typecode == "SYMLINK" and src in dropped)
    ]
    analysis.binaries = [
        entry for entry in analysis.binaries if not (entry[2] == "SYMLINK" and entry[1] in dropped)
    ]
