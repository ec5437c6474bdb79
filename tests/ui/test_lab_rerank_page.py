"""The Lab tab's re-ranking: priced and asked first, then the re-ranked rows join the table."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox

from desktop_app.core.project.folder import Project
from desktop_app.ui.knowledge.page import KnowledgePage
from tests.core.test_lab_rerank import ANSWERS, SMALL, _project
from tests.scripted_server import rating_rule


def _page(qtbot, project_dir, monkeypatch) -> KnowledgePage:
    monkeypatch.setattr("desktop_app.core.knowledge.sweep.Grid", lambda **kw: SMALL)
    p = KnowledgePage()
    qtbot.addWidget(p)
    p.resize(1024, 600)
    p.show()
    p.set_project(Project.open(project_dir))
    p.tabs.setCurrentWidget(p.lab)
    with qtbot.waitSignal(p.lab.runner.finished, timeout=120000):
        p.lab.run_button.click()
    return p


def _close(p) -> None:
    p.lab.shutdown()
    for runner in (p.index_runner, p.overview_runner, p.readiness_runner, p.lab.runner, p.lab.rerank_runner):
        runner.shutdown(10000)


def test_lab_rerank_asks_with_its_cost_then_marks_the_re_ranked_rows(qtbot, tmp_path, scripted_server, monkeypatch):
    """Re-rank the best… shows the calls and cost before any call; Yes adds re-ranked rows that rank answers higher."""
    scripted_server.chat_rule = rating_rule(ANSWERS)
    p = _page(qtbot, _project(tmp_path, scripted_server), monkeypatch)
    try:
        before = p.lab.trials.rowCount()
        assert p.lab.rerank_button.isVisible() and p.lab.rerank_button.isEnabled()
        with qtbot.waitSignal(p.lab.rerank_runner.finished, timeout=60000):
            p.lab.rerank_button.click()
        qtbot.waitUntil(lambda: p.lab.confirm is not None)
        text = p.lab.confirm.text()
        assert "best settings asks gpt-4o-mini" in text and " calls, " in text and "$" in text
        assert scripted_server.count() == 0  # priced, not made
        with qtbot.waitSignal(p.lab.rerank_runner.finished, timeout=60000):
            p.lab.confirm.button(QMessageBox.StandardButton.Yes).click()
        assert scripted_server.count() > 0
        notes = [p.lab.trials.index(r, 0).data() for r in range(p.lab.trials.rowCount())]
        assert p.lab.trials.rowCount() == before + 3 and notes.count("re-ranked") == 3
        assert p.lab.trials.record(0).reranked and p.lab._selected().reranked  # best first, chosen
        assert p.lab.table.horizontalScrollBar().maximum() == 0  # the table fits: no sideways scroll
        if os.environ.get("LAB_SHOT"):  # a picture to look at while working on this tab
            p.grab().save(os.environ["LAB_SHOT"])
        with qtbot.waitSignal(p.readiness_runner.finished, timeout=120000):
            p.lab.use_button.click()
        assert p.project.section("knowledge")["rerank"] is True and p.lab._selected().current
    finally:
        _close(p)


def test_offline_lab_offers_no_re_ranking_and_says_why(qtbot, tmp_path, monkeypatch):
    """On an offline project the re-rank button is disabled and the reason is given."""
    p = _page(qtbot, _project(tmp_path), monkeypatch)
    try:
        assert p.lab.rerank_button.isVisible() and not p.lab.rerank_button.isEnabled()
        assert "offline" in p.lab.rerank_button.toolTip()
        assert "Re-ranking needs a connected model." in p.lab.summary.text()
    finally:
        _close(p)
