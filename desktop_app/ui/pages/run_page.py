"""The Run step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class RunPage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Run")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will estimate calls, tokens and cost, then run the variants with progress, cancel and resume.")
