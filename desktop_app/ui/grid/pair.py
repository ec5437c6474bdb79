"""Two panels side by side when there is room, as tabs when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

WIDE_FROM = 760  # px: below this each map would be too small to read its labels


class AdaptivePair(QWidget):
    def __init__(self, parent: QWidget | None = None, wide_from: int = WIDE_FROM):
        super().__init__(parent)
        self.wide_from = wide_from
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self.tabs)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.panels: list[QWidget] = []
        self.titles: list[str] = []
        self.wide: bool | None = None

    def set_panels(self, first: QWidget, second: QWidget, titles: tuple[str, str]) -> None:
        self.panels, self.titles = [first, second], list(titles)
        self.wide = None
        self._arrange(self.width() >= self.wide_from)

    def set_titles(self, titles: tuple[str, str]) -> None:
        self.titles = list(titles)
        for i in range(self.tabs.count()):
            self.tabs.setTabText(i, self.titles[i])

    def is_wide(self) -> bool:
        return bool(self.wide)

    def _arrange(self, wide: bool) -> None:
        if not self.panels or wide == self.wide:
            return
        self.wide = wide
        while self.tabs.count():
            self.tabs.removeTab(0)  # keeps the page widgets; they are moved below
        if wide:
            for panel in self.panels:
                self.splitter.addWidget(panel)
                panel.show()
            total = max(self.width(), 2)
            self.splitter.setSizes([total * 11 // 20, total * 9 // 20])  # the technique map needs the width
            self.stack.setCurrentWidget(self.splitter)
        else:
            for panel, title in zip(self.panels, self.titles):
                self.tabs.addTab(panel, title)
            self.stack.setCurrentWidget(self.tabs)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange(self.width() >= self.wide_from)
