"""One progress bar per variant: done/total, ETA, live cost, errors, cached answers.

Fed with the plan (what each variant has done and still has to do) and then with the runner's
events (``{"event", "run", "done", "total", "errors", "cached", "cost", "eta_s", "status"}``).
Keeps the latest event per variant, so the page can total cost and errors and an overall ETA.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QWidget

from desktop_app.ui.run import words
from desktop_app.ui.run.words import fill


def _label(selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # variant names are user text
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class _Row:
    def __init__(self, name: str, model: str) -> None:
        self.name, self.model = name, model
        self.title = _label()
        self.title.setText(name)
        self.title.setToolTip(words.plain_tooltip(model))
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(180)
        self.bar.setAccessibleName(name)
        self.status = _label(selectable=True)
        self.event: dict | None = None
        self.plan = None  # PlanLine


class ProgressRows(QWidget):
    """A grid: variant name | bar (done/total) | status line."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        self.rows: dict[str, _Row] = {}

    # -- content --------------------------------------------------------------------------
    def clear(self) -> None:
        for row in self.rows.values():
            for widget in (row.title, row.bar, row.status):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows.clear()

    def set_names(self, lines) -> None:
        """Variants known before planning (VariantLine): names with empty bars."""
        self.clear()
        for line in lines:
            row = self._add(line.name, line.model)
            row.bar.setRange(0, 1)
            row.bar.setValue(0)
            row.bar.setFormat(self.tr("not estimated yet"))
            row.status.clear()

    def set_plan(self, lines, session: dict | None = None) -> None:
        """The plan's lines (PlanLine); ``session`` holds this page's last event per variant."""
        self.clear()
        for line in lines:
            row = self._add(line.name, line.model)
            row.plan = line
            last = (session or {}).get(line.name)
            if last is not None:
                self.update_event(last)
                continue
            self._set_bar(row, line.finished, line.total)
            row.status.setText(self._plan_text(line))

    def _add(self, name: str, model: str) -> _Row:
        row = _Row(name, model)
        r = len(self.rows)
        self.grid.addWidget(row.title, r, 0)
        self.grid.addWidget(row.bar, r, 1)
        self.grid.addWidget(row.status, r, 2)
        self.rows[name] = row
        return row

    def _set_bar(self, row: _Row, done: int, total: int) -> None:
        row.bar.setRange(0, max(1, total))
        row.bar.setValue(min(done, max(1, total)) if total else 0)
        row.bar.setFormat(fill(self.tr("%1/%2"), f"{done:,}", f"{total:,}"))

    def _plan_text(self, line) -> str:
        waiting = fill(self.tr("%1 waiting for a batch"), f"{line.waiting:,}") if line.waiting else ""
        if line.pending == 0:
            return waiting or self.tr("done: every row has an answer")
        text = fill(self.tr("%1 to do"), f"{line.pending:,}")
        if waiting:
            text = fill(self.tr("%1 · %2"), text, waiting)
        if line.cached:
            text = fill(self.tr("%1 (%2 from the cache, free)"), text, f"{line.cached:,}")
        if line.finished:
            text = fill(self.tr("%1 · resumes after %2 finished"), text, f"{line.finished:,}")
        return text

    # -- live -----------------------------------------------------------------------------
    def update_event(self, event: dict) -> None:
        name = event.get("run", "")
        row = self.rows.get(name) or self._add(name, "")
        if row.event is not None and event.get("event") == "progress" and row.event.get("event") == "finished":
            return  # a late coalesced progress value never undoes a finished bar
        done, total = int(event.get("done", 0)), int(event.get("total", 0))
        previous = row.event
        if (
            previous is not None
            and previous.get("run_id") == event.get("run_id")
            and event.get("event") in ("progress", "waiting")
        ):
            done = max(done, int(previous.get("done", 0)))  # the same run's deliveries only move forwards
        row.event = {**event, "done": done}
        self._set_bar(row, done, total)
        parts = []
        kind, status = event.get("event"), str(event.get("status") or "")
        waiting = float(event.get("waiting_s") or 0.0)
        if kind == "rerank":  # the ratings re-ranking makes before this variant's answers
            parts.append(fill(self.tr("re-ranking passages: %1 of %2 ratings"), f"{done:,}", f"{total:,}"))
        elif kind == "finished":
            parts.append(words.status_word(status))
        elif waiting >= 0.5 and done < total:  # a provider's rate limit: the run waits, nothing fails
            parts.append(fill(self.tr("waiting for the rate limit: %1"), words.duration(waiting)))
        elif done < total:
            eta = event.get("eta_s")
            parts.append(fill(self.tr("ETA %1"), words.duration(eta)) if eta is not None else self.tr("starting…"))
        if row.plan is not None and not row.plan.priced:
            parts.append(self.tr("cost unknown (no price for the model)"))
        else:
            parts.append(fill(self.tr("%1 spent"), words.money(event.get("cost") or 0.0)))
        errors = int(event.get("errors", 0))
        if errors:
            parts.append(words.plural(errors, self.tr("%1 error"), self.tr("%1 errors")))
        cached = int(event.get("cached", 0))
        if cached:
            parts.append(fill(self.tr("%1 from the cache"), f"{cached:,}"))
        row.status.setText(" · ".join(parts))

    def mark_waiting(self) -> None:
        """Every row without an event yet: queued behind the variant running now."""
        for row in self.rows.values():
            if row.event is None and row.plan is not None and row.plan.pending:
                row.status.setText(self.tr("waiting…"))

    # -- totals ---------------------------------------------------------------------------
    def totals(self) -> dict:
        """Done/total over every variant, cost and errors of this session, and an overall ETA."""
        done = total = errors = 0
        cost = 0.0
        per_row = None
        priced = all(row.plan is None or row.plan.priced for row in self.rows.values())
        for row in self.rows.values():
            ev, line = row.event, row.plan
            if ev is not None:
                d, t = int(ev.get("done", 0)), int(ev.get("total", 0))
                errors += int(ev.get("errors", 0))
                cost += float(ev.get("cost") or 0.0)
                if ev.get("event") != "finished" and ev.get("eta_s") is not None and t > d:
                    per_row = ev["eta_s"] / (t - d)
            elif line is not None:
                d, t = line.finished, line.total
            else:
                continue
            done, total = done + d, total + t
        eta = None if per_row is None else per_row * max(0, total - done)
        return {"done": done, "total": total, "errors": errors, "cost": cost, "eta_s": eta, "priced": priced}
