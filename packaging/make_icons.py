"""Render resources/icons/app.svg into the icon files the platforms want.

Windows wants a multi-size .ico in the .exe, macOS a .icns in the .app, Linux desktops a PNG.
Qt (already in the build venv with the app) rasterizes the SVG; Pillow (build venv only)
writes the .ico/.icns containers. Run by build.sh with QT_QPA_PLATFORM=offscreen.
Usage: python packaging/make_icons.py [--force]
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "app.svg"
OUTPUTS = {"png": ICONS / "app.png", "ico": ICONS / "app.ico", "icns": ICONS / "app.icns"}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Explorer picks from, small to large
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)  # the sizes Pillow's ICNS writer stores


def render(size: int):
    """The SVG drawn at size x size on a transparent background, as a Pillow image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def up_to_date() -> bool:
    svg_time = SVG.stat().st_mtime
    return all(p.is_file() and p.stat().st_mtime >= svg_time for p in OUTPUTS.values())


def main(argv: list[str]) -> int:
    if not SVG.is_file():
        raise SystemExit(f"make_icons: {SVG} is missing; draw the app icon first")
    if "--force" not in argv and up_to_date():
        print("make_icons: icons are up to date")
        return 0
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(["make_icons"])  # SVG text needs fonts
    images = {size: render(size) for size in sorted({*ICO_SIZES, *ICNS_SIZES})}
    images[256].save(OUTPUTS["png"])
    images[256].save(OUTPUTS["ico"], sizes=[(s, s) for s in ICO_SIZES],
                     append_images=[images[s] for s in ICO_SIZES])
    images[1024].save(OUTPUTS["icns"], append_images=[images[s] for s in ICNS_SIZES])
    del app
    for path in OUTPUTS.values():
        print(f"make_icons: wrote {path.relative_to(ICONS.parents[1])} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
