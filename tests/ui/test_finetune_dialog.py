"""The fine-tuning helper dialog: findings, a job to a new variant, refusals, other routes, registering."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop_app.core.advice.diagnose import diagnose
from desktop_app.core.advice.gridmaps import grid_maps
from desktop_app.core.project.folder import Project
from desktop_app.core.variants.variant import load_variants
from desktop_app.ui.advice.compute import AdviceResult
from desktop_app.ui.advice.page import AdvicePage
from desktop_app.ui.finetune import work
from desktop_app.ui.finetune.dialog import FineTuneDialog
from desktop_app.ui.variants.page import VariantsPage
from tests.core.finetune_support import planted_project
from tests.core.test_advisor_gaps import make_run, outcomes


@pytest.fixture
def fast_jobs(monkeypatch):
    monkeypatch.setattr(work, "POLL_S", 0.0)


def _dialog(qtbot, project) -> FineTuneDialog:
    dialog = FineTuneDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _check(qtbot, dialog) -> None:
    dialog.prepare_tab.check()
    qtbot.waitUntil(lambda: dialog.prepare_tab.prepared is not None, timeout=20000)


def _cells(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_checking_the_examples_lists_each_finding_with_its_row(qtbot, tmp_path):
    """The person sees the planted duplicate and the near-leak with their rows, and the cost, before anything is sent."""
    dialog = _dialog(qtbot, Project.open(planted_project(tmp_path)))
    assert not dialog.job_tab.start_button.isEnabled()  # offline project: no job, other routes stay open
    _check(qtbot, dialog)
    rows = _cells(dialog.prepare_tab.table)
    assert any(r[2] in ("dupA", "dupB") and "The same example as row" in r[3] for r in rows)
    leak = next(r for r in rows if r[2] == "near1")
    assert leak[0] == "Warning" and leak[1].startswith("Training, line") and "evaluation row q5" in leak[3]
    tab = dialog.prepare_tab
    assert tab.route_combo.currentData() == "local" and "no fee, it runs on your machine" in tab.summary.text()
    assert tab.summary.textFormat() == Qt.TextFormat.PlainText
    tab.route_combo.setCurrentIndex(0)  # changed options: the old findings and cost no longer hold
    assert tab.prepared is None and not dialog.routes_tab.export_button.isEnabled()
    _check(qtbot, dialog)
    assert "8,634 over 3 epochs of gpt-4o-mini: about $0.03. Longest example: " in tab.summary.text()
    assert "the limit is 65,536" in tab.summary.text()


def test_a_job_ends_in_a_new_variant_on_the_variants_grid(qtbot, tmp_path, scripted_server, fast_jobs):
    """From Variants: check, train at the provider with progress and events, and the tuned model sits at x=3."""
    project = Project.open(planted_project(tmp_path, scripted_server))
    page = VariantsPage()
    qtbot.addWidget(page)
    page.set_project(project)
    page.show()
    page.open_finetune()
    dialog = page.finetune_dialog
    _check(qtbot, dialog)
    assert dialog.job_tab.start_button.isEnabled()
    dialog.job_tab.start()
    qtbot.waitUntil(lambda: not dialog.job_tab.runner.is_running(), timeout=20000)
    banner = dialog.job_tab.banner.message_label.text()
    assert "is ready and was added as: fine-tuned." in banner, banner
    events = dialog.job_tab.events.toPlainText()
    assert dialog.job_tab.bar.value() == 100 and "Step 3/3" in events
    assert events.count("The job has successfully completed") == 1  # each event shown once
    tuned = next(v for v in load_variants(project) if v.name == "fine-tuned")
    assert tuned.model.startswith("ft:gpt-4o-mini:scripted:advisor") and tuned.techniques == ("fine_tuned",)
    assert page.list.item_named("fine-tuned") is not None and page.grid.cell_of("fine-tuned")[0] == 3
    assert Path(project.exports_dir / "finetune" / "train.jsonl").exists()


def test_a_refused_job_is_explained_and_offers_the_other_routes(qtbot, tmp_path, scripted_server, fast_jobs):
    """OpenAI's 403 training_not_available reads as plain words, with buttons to export or register instead."""
    scripted_server.finetune.refuse = "training_not_available"
    dialog = _dialog(qtbot, Project.open(planted_project(tmp_path, scripted_server)))
    _check(qtbot, dialog)
    dialog.tabs.setCurrentWidget(dialog.job_tab)
    dialog.job_tab.start()
    qtbot.waitUntil(lambda: dialog.job_tab.routes_button.isVisible(), timeout=20000)
    tab = dialog.job_tab
    assert "does not accept fine-tuning jobs from this account" in tab.banner.message_label.text()
    assert "local trainer" in tab.banner.hint_label.text()
    assert "Fine-tuning is not available for your organization" in tab.status.text()
    assert all(
        label.textFormat() == Qt.TextFormat.PlainText
        for label in tab.findChildren(QLabel)
        if label in (tab.status, tab.intro)
    )
    tab.routes_button.click()
    assert dialog.tabs.currentWidget() is dialog.routes_tab


def test_export_for_local_trainers_shows_the_commands(qtbot, tmp_path):
    """Export writes the files and shows the mlx-lm, axolotl, Unsloth and LLaMA-Factory commands to copy."""
    dialog = _dialog(qtbot, Project.open(planted_project(tmp_path)))
    _check(qtbot, dialog)
    dialog.routes_tab.export(str(tmp_path / "out"))
    qtbot.waitUntil(lambda: bool(dialog.routes_tab.commands.toPlainText()), timeout=10000)
    text = dialog.routes_tab.commands.toPlainText()
    assert "mlx_lm.lora" in text and "axolotl train axolotl.yaml" in text and "llamafactory-cli train" in text
    assert "vllm serve" in text and (tmp_path / "out" / "dataset_info.json").exists()


def test_register_tests_the_model_before_adding_it(qtbot, tmp_path, scripted_server):
    """A served model name is tested with the connection test; only a model that answered can be added."""
    project = Project.open(planted_project(tmp_path, scripted_server))
    dialog = _dialog(qtbot, project)
    tab = dialog.register_tab
    tab.model_edit.setText("support-lora")
    assert tab.test_button.isEnabled() and not tab.add_button.isEnabled()
    tab.test()
    qtbot.waitUntil(lambda: not tab.runner.is_running(), timeout=10000)
    assert "was not found" in tab.result.text() and not tab.add_button.isEnabled()
    scripted_server.models.append("support-lora")
    tab.test()
    qtbot.waitUntil(lambda: tab.add_button.isEnabled(), timeout=10000)
    assert tab.result.text().startswith("Connected: support-lora answered")
    with qtbot.waitSignal(dialog.variants_added):
        tab.add()
    assert any(v.model == "support-lora" for v in load_variants(project))


def test_advice_offers_the_helper_only_when_it_recommends_fine_tuning(qtbot, tmp_path):
    """The Advice page shows the helper's button for fine-tuning advice, and it opens the dialog."""
    page = AdvicePage()
    qtbot.addWidget(page)
    page.show()
    project = Project.open(planted_project(tmp_path))
    page.project = project
    runs = [
        make_run(1, "baseline", (), outcomes(behaviour=16, **{"pass": 4}), tokens_in=100),
        make_run(2, "instructions", ("instructions",), outcomes(behaviour=12, **{"pass": 8}), tokens_in=180),
        make_run(3, "few_shot", ("instructions", "few_shot"), outcomes(behaviour=6, **{"pass": 14}), tokens_in=580),
    ]
    tuned = diagnose(runs, examples_pool=40)
    assert tuned.recommendation == "fine_tuning"
    page._on_finished(AdviceResult(tuned, grid_maps(tuned), None, False, str(project.root)))
    assert page.finetune_button.isVisible()
    page.finetune_button.click()
    assert isinstance(page.finetune_dialog, FineTuneDialog) and page.finetune_dialog.isVisible()
    page.finetune_dialog.reject()
    rag = diagnose([make_run(1, "baseline", (), outcomes(knowledge=18, **{"pass": 2}))])
    page._on_finished(AdviceResult(rag, grid_maps(rag), None, False, str(project.root)))
    assert not page.finetune_button.isVisible()


def test_an_unknown_training_price_stays_unknown_until_the_person_enters_one(qtbot, tmp_path):
    """A base model without a price says so; the price typed in is kept with the project and prices the run."""
    from desktop_app.core.finetune import limits

    project = Project.open(planted_project(tmp_path))
    dialog = _dialog(qtbot, project)
    tab = dialog.prepare_tab
    tab.route_combo.setCurrentIndex(0)
    assert tab.price_edit.text() == "3"  # gpt-4o-mini's list price
    tab.model_edit.setText("my-base")
    tab.model_edit.textEdited.emit("my-base")
    assert tab.price_edit.text() == "" and tab.price_edit.isEnabled()
    _check(qtbot, dialog)
    assert "price unknown" in tab.summary.text()
    tab.price_edit.setText("abc")
    tab.check()
    assert "not a number" in tab.banner.message_label.text() and not tab.runner.is_running()
    tab.price_edit.setText("4")
    tab.price_edit.textEdited.emit("4")
    _check(qtbot, dialog)
    assert "about $0.03" in tab.summary.text()
    assert limits.project_overrides(Project.open(project.root)) == {"my-base": 4.0}


def test_closing_during_a_job_leaves_it_training_and_reopening_follows_it(
    qtbot, tmp_path, scripted_server, monkeypatch
):
    """Closing the helper only stops watching; opened again, it offers the job, follows it and adds the model."""
    monkeypatch.setattr(work, "POLL_S", 0.05)
    scripted_server.finetune.steps = 10_000  # it trains until the test lets it finish
    project = Project.open(planted_project(tmp_path, scripted_server))
    dialog = _dialog(qtbot, project)
    _check(qtbot, dialog)
    dialog.job_tab.start()
    qtbot.waitUntil(lambda: "Training" in dialog.job_tab.status.text(), timeout=20000)
    job_id = dialog.job_tab.job["id"]
    dialog.reject()
    qtbot.waitUntil(lambda: dialog.job_tab.runner.pending_workers() == 0, timeout=10000)
    assert scripted_server.finetune.jobs[job_id]["status"] == "running"
    scripted_server.finetune.steps = 1
    again = _dialog(qtbot, Project.open(project.root))
    again.tabs.setCurrentWidget(again.job_tab)
    assert again.job_tab.follow_button.isVisible() and job_id in again.job_tab.follow_button.text()
    again.job_tab.follow_button.click()
    qtbot.waitUntil(lambda: not again.job_tab.runner.is_running(), timeout=20000)
    assert "is ready and was added as: fine-tuned." in again.job_tab.banner.message_label.text()
    assert not again.job_tab.follow_button.isVisible()
    tuned = next(v for v in load_variants(again.project) if v.name == "fine-tuned")
    assert tuned.system == dialog.prepare_tab.prepared.training.prompt["system"]  # the prompt it was trained with
