"""The Knowledge step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class KnowledgePage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Knowledge")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will index your documents (txt, md, pdf, docx, html, csv) and let you try a search to see which passages come back.")
