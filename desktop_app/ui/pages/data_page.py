"""The Data step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class DataPage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Data")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will import your evaluation set (CSV in any encoding, Excel, JSONL), preview it, map its columns and set rows aside as examples.")
