"""The Checks step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class ChecksPage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Checks")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will define what a good answer is, with content checks (right facts) and behaviour checks (right form).")
