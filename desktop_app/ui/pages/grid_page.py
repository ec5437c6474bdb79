"""The Grid step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class GridPage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Grid")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will place the variants on the technique map and the diagnosis map, so you see where each one stands.")
