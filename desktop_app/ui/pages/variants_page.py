"""The Variants step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class VariantsPage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Variants")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will set up the variants to compare, from a plain baseline through few-shot and RAG to a fine-tuned model.")
