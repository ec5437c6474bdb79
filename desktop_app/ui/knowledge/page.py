"""The Knowledge step: the documents a RAG variant draws on.

Add files or folders (buttons or drag-and-drop), watch them being indexed (Cancel keeps the
files already done), read what happened to each file, remove documents, tune chunking and
retrieval, try a search, and check readiness: how many evaluation questions find their answer
in the top passages before any model is called.

Threads: one index runner does every write (add, remove, re-index), so there is never a
second writer; searches and the readiness check read, and wait while indexing writes (their
buttons are paused and a running one is stopped). Each task opens the KnowledgeBase itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget

from desktop_app.ui.connection.verdicts import fill
from desktop_app.ui.knowledge import texts, work
from desktop_app.ui.knowledge.documents_panel import DocumentsPanel
from desktop_app.ui.knowledge.lab_panel import LabPanel
from desktop_app.ui.knowledge.progress_bar import IndexingProgress
from desktop_app.ui.knowledge.readiness_panel import ReadinessPanel
from desktop_app.ui.knowledge.search_panel import SearchPanel
from desktop_app.ui.knowledge.settings_panel import SettingsPanel
from desktop_app.ui.widgets.file_drop import FileDrop
from desktop_app.ui.widgets.page import Page
from desktop_app.ui.tasks import ErrorRecord, TaskRunner, network_pool

FILE_FILTER = "*.txt *.md *.markdown *.pdf *.docx *.html *.htm *.csv *.tsv"


class KnowledgePage(FileDrop, Page):
    def title(self) -> str:
        return self.tr("Knowledge")

    def build(self) -> None:
        from desktop_app.ui.widgets.banner import Banner

        self.setAcceptDrops(True)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.banner = Banner()
        self.add_files_button = QPushButton()
        self.add_files_button.clicked.connect(self.ask_files)
        self.add_folder_button = QPushButton()
        self.add_folder_button.clicked.connect(self.ask_folder)
        self.stats_label = QLabel()
        self.stats_label.setTextFormat(Qt.TextFormat.PlainText)  # names the embedding model the user typed
        actions = QHBoxLayout()
        actions.addWidget(self.add_files_button)
        actions.addWidget(self.add_folder_button)
        actions.addSpacing(12)
        actions.addWidget(self.stats_label, 1)

        self.progress_box = IndexingProgress()
        self.cancel_button = self.progress_box.cancel_button
        self.cancel_button.clicked.connect(self.cancel_indexing)

        self.documents = DocumentsPanel()
        self.documents.remove_requested.connect(self.remove)
        self.search = SearchPanel()
        self.search.search_requested.connect(self.run_search)
        self.readiness = ReadinessPanel()
        self.readiness.check_requested.connect(self.check_readiness)
        self.readiness.cancel_requested.connect(self.stop_readiness)
        self.readiness.question_chosen.connect(self._search_question)
        self.lab = LabPanel()
        self.lab.adopt_requested.connect(self.adopt)
        self.lab.failed.connect(self._on_failed)
        self.settings = SettingsPanel()
        self.settings.save_requested.connect(self.save_settings)
        self.settings.reindex_requested.connect(self.reindex)
        self.tabs = QTabWidget()
        for panel in (self.documents, self.search, self.readiness, self.lab, self.settings):
            self.tabs.addTab(panel, "")

        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.banner)
        self.layout_.addLayout(actions)
        self.layout_.addWidget(self.progress_box)
        self.layout_.addWidget(self.tabs, 1)

        # Writers (add, remove, re-index) share one runner; indexing may embed through the network.
        self.index_runner = TaskRunner(self, pool=network_pool())
        self.index_runner.progress.connect(self.progress_box.set_progress)
        self.index_runner.finished.connect(self._on_index_done)
        self.index_runner.failed.connect(self._on_index_failed)
        self.index_runner.running_changed.connect(self._on_indexing_changed)
        self.overview_runner = TaskRunner(self)
        self.overview_runner.finished.connect(self._show_overview)
        self.overview_runner.failed.connect(self._on_failed)
        self.search_runner = TaskRunner(self)
        self.search_runner.finished.connect(self._on_search_done)
        self.search_runner.failed.connect(self._on_failed)
        self.search_runner.running_changed.connect(self.search.set_busy)
        self.readiness_runner = TaskRunner(self, pool=network_pool())
        self.readiness_runner.progress.connect(self.readiness.set_progress)
        self.readiness_runner.finished.connect(self._on_readiness_done)
        self.readiness_runner.failed.connect(self._on_failed)
        self.readiness_runner.running_changed.connect(self.readiness.set_running)
        self._stop = work.StopFlag()
        self._readiness_stop = work.StopFlag()
        self._queued: list[str] = []
        self._last_query = ("", "hybrid")
        self._adopting: dict | None = None
        self._set_enabled(False)

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(
            self.tr(
                "Optional. Add the documents the model should draw on (manuals, FAQs, "
                "policies); they are split into passages and indexed on this computer, so RAG "
                "variants can put the best passages into the prompt."
            )
        )
        self.add_files_button.setText(self.tr("Add &files…"))
        self.add_folder_button.setText(self.tr("Add f&older…"))
        for n, text in enumerate(
            (
                self.tr("&Documents"),
                self.tr("Searc&h"),
                self.tr("Read&iness"),
                self.tr("Retrieval &lab"),
                self.tr("Se&ttings"),
            )
        ):
            self.tabs.setTabText(n, text)
        for panel in (self.documents, self.search, self.readiness, self.lab, self.settings, self.progress_box):
            panel.retranslate()
        if getattr(self, "_stats", None) is not None:
            self.stats_label.setText(texts.stats_text(self._stats))

    # -- project ---------------------------------------------------------------------------
    def set_project(self, project) -> None:
        super().set_project(project)
        self._stop.set()
        self._readiness_stop.set()
        for runner in (self.index_runner, self.overview_runner, self.search_runner, self.readiness_runner):
            runner.cancel()
        self._queued.clear()
        self._adopting = None
        self.lab.set_project(project)
        self.banner.clear()
        self.documents.clear()
        self.search.clear()
        self.readiness.clear()
        self.stats_label.clear()
        self._set_enabled(project is not None)
        if project is not None:
            self._load_settings()
            self.refresh()

    def on_project_modified(self, what: str) -> None:
        if self.project is None:
            return
        if what == "knowledge":
            self._load_settings()
            self.refresh()
        elif what == "connection":
            self._load_settings()  # the connection's embedding model is offered in Settings
        elif what == "dataset":
            self.readiness.clear()  # measured on rows that are gone
            self.lab.clear()

    def focus(self, payload) -> None:
        """The Advice page's "improve retrieval" sends the user to the lab ({"tab": "lab"})."""
        if isinstance(payload, dict) and payload.get("tab") == "lab":
            self.tabs.setCurrentWidget(self.lab)

    def refresh(self) -> None:
        """Counts and documents, read in a task (opening the index imports chromadb)."""
        if self.project is not None and not self.index_runner.is_running():
            self.overview_runner.start(work.overview, self.project)

    def _load_settings(self) -> None:
        from desktop_app.core.errors import AppError
        from desktop_app.core.knowledge.config import KnowledgeSettings

        if self.project is None:
            return
        connection = self.project.section("connection") or {}
        try:
            section = KnowledgeSettings.from_section(self.project.section("knowledge")).to_dict()
        except AppError as exc:  # hand-edited project.json: say so, show defaults, change nothing until Save
            self.banner.show_error(exc)
            section = KnowledgeSettings().to_dict()
        self.settings.load(section, str(connection.get("embedding_model") or ""))

    def _set_enabled(self, enabled: bool) -> None:
        for w in (self.add_files_button, self.add_folder_button, self.tabs):
            w.setEnabled(enabled)

    # -- adding ----------------------------------------------------------------------------
    @Slot()
    def ask_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add documents"), "", fill(self.tr("Documents (%1);;All files (*)"), FILE_FILTER)
        )
        if paths:
            self.add_paths(paths)

    @Slot()
    def ask_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Add every document in a folder"))
        if path:
            self.add_paths([path])

    def add_paths(self, paths: list[str]) -> None:
        """Index ``paths``; while indexing runs they wait their turn instead of a second writer."""
        if self.project is None or not paths:
            return
        if self.index_runner.is_running():
            self._queued.extend(paths)
            names = ", ".join(texts.file_name(p) for p in self._queued)
            self.banner.show_message(
                fill(self.tr("Added next, when the current indexing finishes: %1"), names), kind="info"
            )
            return
        self.banner.clear()
        self._start_writer(work.add, list(paths))

    @Slot()
    def reindex(self) -> None:
        if self.project is not None and not self.index_runner.is_running():
            self.banner.clear()
            self._start_writer(work.reindex)

    @Slot(dict)
    def adopt(self, setting: dict) -> None:
        """The lab's "Use this setting": save it and index again, on the one writer."""
        if self.project is not None and not self.index_runner.is_running():
            self.banner.clear()
            self._adopting = setting
            self._start_writer(work.adopt, setting)

    @Slot(list)
    def remove(self, sources: list[str]) -> None:
        if self.project is not None and not self.index_runner.is_running():
            self.banner.clear()
            self.index_runner.start(work.remove, self.project, list(sources))

    def _start_writer(self, fn, *args) -> None:
        self.overview_runner.cancel()  # an overview read before this write would arrive stale
        self._stop = work.StopFlag()
        self.progress_box.start()
        self.index_runner.start(fn, self.project, *args, self._stop)

    @Slot()
    def cancel_indexing(self) -> None:
        self._stop.set()
        self._queued.clear()
        self.progress_box.stopping()

    @Slot(bool)
    def _on_indexing_changed(self, running: bool) -> None:
        if running:  # readers would search a half-written index; their results would be stale anyway
            self.search_runner.cancel()
            self._readiness_stop.set()
            self.readiness_runner.cancel()
        self.progress_box.setVisible(running)
        self.documents.set_writable(not running)
        self.settings.set_writable(not running)
        self.search.set_paused(running)
        self.readiness.set_available(not running)
        self.lab.set_available(not running)

    @Slot(object)
    def _on_index_done(self, result) -> None:
        if isinstance(result, work.Removed):
            self.banner.show_message(texts.removed_text([s for s, _ in result.removed]), kind="info")
            changed = True
        else:
            self.documents.show_report(result.report)
            self.tabs.setCurrentWidget(self.documents)
            changed = any(f.status in ("read", "replaced") for f in result.report.files) or result.reindex
            if (
                result.report.files
                and not result.report.cancelled
                and len(result.report.failed) == len(result.report.files)
            ):
                self.banner.show_message(
                    self.tr("None of the files could be added."),
                    self.tr("The list below says why for each file."),
                    "warning",
                )
        self._show_overview(result.overview)
        if changed:
            self.project_modified.emit("knowledge")
            older = work.rag_runs_before(self.project)
            if older:
                self.banner.show_message(texts.older_rag_runs_text(older), kind="info")
        if self._adopting is not None:  # show what the adopted setting does to readiness
            adopted, self._adopting = self._adopting, None
            self.lab.mark_adopted(adopted)
            if not result.report.cancelled:
                self.tabs.setCurrentWidget(self.readiness)
                self.check_readiness(keep_banner=True)  # "run the RAG runs again" stays in view
        self._next_in_queue()

    @Slot(object)
    def _on_index_failed(self, error: ErrorRecord) -> None:
        self._adopting = None
        self.banner.show_error(error)
        self._queued.clear()
        self.refresh()  # files embedded before the failure are kept; show what the index holds

    def _next_in_queue(self) -> None:
        if self._queued and not self.index_runner.is_running():
            paths, self._queued = self._queued, []
            self._start_writer(work.add, paths)

    # -- overview --------------------------------------------------------------------------
    @Slot(object)
    def _show_overview(self, overview: work.Overview) -> None:
        self._stats = overview.stats  # said again in the new language on a switch
        self.stats_label.setText(texts.stats_text(overview.stats))
        self.documents.set_documents(overview.documents)
        self.settings.set_reindex_needed(texts.reindex_reason(overview.stats, overview.documents))

    # -- settings --------------------------------------------------------------------------
    @Slot(dict)
    def save_settings(self, section: dict) -> None:
        from desktop_app.core.errors import AppError
        from desktop_app.core.knowledge.config import KnowledgeSettings

        if self.project is None or self.index_runner.is_running():
            return
        try:
            settings = KnowledgeSettings.from_section(section)
        except AppError as exc:
            self.banner.show_error(exc)
            return
        self.banner.clear()
        self.project.set_section("knowledge", settings.to_dict())
        self._load_settings()
        self.search.clear()
        self.readiness.clear()  # measured with the old settings
        self.lab.clear()  # its "current" row is no longer the project's
        self.project_modified.emit("knowledge")
        self.refresh()  # recomputes whether the documents need indexing again

    # -- search and readiness --------------------------------------------------------------
    @Slot(str, str)
    def run_search(self, query: str, mode: str) -> None:
        if self.project is None or self.index_runner.is_running():
            return
        self._last_query = (query, mode)
        self.search_runner.start(work.search, self.project, query, mode)

    @Slot(object)
    def _on_search_done(self, passages) -> None:
        self.search.show_passages(self._last_query[0], passages, self._last_query[1])

    def _search_question(self, question: str) -> None:
        self.search.query.setText(question)
        self.tabs.setCurrentWidget(self.search)
        self.run_search(question, self.search.current_mode())

    @Slot()
    def check_readiness(self, keep_banner: bool = False) -> None:
        if self.project is None or self.index_runner.is_running():
            return
        if not keep_banner:
            self.banner.clear()
        self.readiness.clear()
        self._readiness_stop = work.StopFlag()
        self.readiness_runner.start(work.check_readiness, self.project, self._readiness_stop)

    @Slot()
    def stop_readiness(self) -> None:
        self._readiness_stop.set()
        self.readiness.stopping()

    @Slot(object)
    def _on_readiness_done(self, result: work.Readiness) -> None:
        self.readiness.show_result(result)

    @Slot(object)
    def _on_failed(self, error: ErrorRecord) -> None:
        self.banner.show_error(error)

    # -- drag and drop (FileDrop) ------------------------------------------------------------
    def accepts_files(self) -> bool:
        return self.project is not None

    def files_dropped(self, paths: list[str]) -> bool:
        self.add_paths(paths)
        return True
