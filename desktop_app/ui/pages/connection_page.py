"""The Connection step (placeholder until the page is built)."""
from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class ConnectionPage(PlaceholderPage):
    def title(self) -> str:
        return self.tr("Connection")

    def notice(self) -> str:
        return self.tr("Not built yet: this page will connect to OpenAI, Azure OpenAI or a local OpenAI-compatible server, or work offline, and test the connection.")
