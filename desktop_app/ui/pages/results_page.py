"""The Results step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class ResultsPage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Results")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will show a leaderboard of the variants and each example's outputs with every check's verdict.")
