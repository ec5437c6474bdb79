"""One module per step page, in the order of the step list."""
from __future__ import annotations

from desktop_app.ui.pages.advice_page import AdvicePage
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.checks_page import ChecksPage
from desktop_app.ui.pages.connection_page import ConnectionPage
from desktop_app.ui.pages.data_page import DataPage
from desktop_app.ui.pages.grid_page import GridPage
from desktop_app.ui.pages.knowledge_page import KnowledgePage
from desktop_app.ui.pages.project_page import ProjectPage
from desktop_app.ui.pages.results_page import ResultsPage
from desktop_app.ui.pages.run_page import RunPage
from desktop_app.ui.pages.variants_page import VariantsPage

# (key, class): the key names a step in settings, URLs in docs and tests; never translated.
STEPS: tuple[tuple[str, type[Page]], ...] = (
    ("project", ProjectPage),
    ("data", DataPage),
    ("knowledge", KnowledgePage),
    ("connection", ConnectionPage),
    ("variants", VariantsPage),
    ("checks", ChecksPage),
    ("run", RunPage),
    ("results", ResultsPage),
    ("grid", GridPage),
    ("advice", AdvicePage),
)

__all__ = ["STEPS", "Page", "ProjectPage"]
