"""The step list: each area's page (ui/<area>/page.py), in the order a user walks them."""

from __future__ import annotations

from desktop_app.ui.advice.page import AdvicePage
from desktop_app.ui.widgets.page import Page
from desktop_app.ui.checks.page import ChecksPage
from desktop_app.ui.connection.page import ConnectionPage
from desktop_app.ui.data.page import DataPage
from desktop_app.ui.grid.page import GridPage
from desktop_app.ui.knowledge.page import KnowledgePage
from desktop_app.ui.project.page import ProjectPage
from desktop_app.ui.results.page import ResultsPage
from desktop_app.ui.run.page import RunPage
from desktop_app.ui.variants.page import VariantsPage

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
