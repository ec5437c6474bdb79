"""The tour's retrieval story in the window: the sample's lab finds every answer, and using its setting
says what to do next."""

from __future__ import annotations

from desktop_app.ui.knowledge.page import KnowledgePage


def test_using_the_labs_best_setting_on_the_sample_finds_every_answer_and_asks_for_a_new_rag_run(qtbot, sample):
    """On the sample (meaning-only search, 25 of 30), Use this setting re-indexes, readiness reads 30 of 30, and the
    banner says the sample's RAG run was made with the old setting and should be run again."""
    p = KnowledgePage()
    qtbot.addWidget(p)
    p.resize(1100, 690)
    p.show()
    p.set_project(sample)
    try:
        p.tabs.setCurrentWidget(p.lab)
        with qtbot.waitSignal(p.lab.runner.finished, timeout=120000):
            p.lab.run_button.click()
        assert p.lab.summary.text().startswith("Best: 100% of questions found (MRR 0.93), against 83% (MRR 0.77) now.")
        with qtbot.waitSignal(p.readiness_runner.finished, timeout=120000):
            p.lab.use_button.click()
        assert p.tabs.currentWidget() is p.readiness
        assert p.readiness.summary.text().startswith("30 of 30 questions have their answer in the top 3 passages")
        assert p.banner.isVisible() and "“RAG (top-3)”" in p.banner.message_label.text()
        assert "run them again" in p.banner.message_label.text()
    finally:
        p.lab.shutdown()
        for runner in (p.index_runner, p.overview_runner, p.readiness_runner, p.lab.runner):
            runner.shutdown(10000)
