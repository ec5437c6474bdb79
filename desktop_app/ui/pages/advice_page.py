"""The Advice step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class AdvicePage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Advice")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will recommend the next step (prompt work, RAG, better retrieval or fine-tuning) with the evidence behind it.")
