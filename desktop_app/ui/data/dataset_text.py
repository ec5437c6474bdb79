"""Sentences about a dataset for the Data step: the core returns data, this writes the words.

A QObject only so that ``self.tr`` gives lupdate one translation context for all of them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from desktop_app.ui.language import joined

_FORMATS = {
    "csv": "CSV",
    "xlsx": "Excel (XLSX)",
    "jsonl": "JSONL",
    "chat_jsonl": "chat-format JSONL",
    "evals_jsonl": "OpenAI Evals JSONL",
}


def _n(value) -> str:
    return f"{int(value or 0):,}"


class DatasetText(QObject):
    def encoding_label(self, encoding: str | None) -> str:
        labels = {
            "utf-8": "UTF-8",
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "cp932": "Shift-JIS (cp932)",
            "shift_jis": "Shift-JIS",
            "euc_jp": "EUC-JP",
            "euc-jp": "EUC-JP",
            "latin-1": "Latin-1",
            "cp1252": "Windows-1252",
            "utf-16": "UTF-16",
            "utf-32": "UTF-32",
        }
        return labels.get(encoding or "", encoding or "")

    def format_label(self, fmt: str | None) -> str:
        return _FORMATS.get(fmt or "", fmt or "")

    def detected(self, fmt: str | None, encoding: str | None, delimiter: str | None, sheet: str | None) -> str:
        parts = [self.format_label(fmt)]
        if encoding:
            parts.append(self.tr("encoding %1").replace("%1", self.encoding_label(encoding)))
        if delimiter:
            shown = {
                "\t": self.tr("tab"),
                ",": self.tr("comma"),
                ";": self.tr("semicolon"),
                "|": self.tr("vertical bar"),
            }.get(delimiter, repr(delimiter))
            parts.append(self.tr("delimiter: %1").replace("%1", shown))
        if sheet:
            parts.append(self.tr("sheet “%1”").replace("%1", sheet))
        return joined(p for p in parts if p)

    def preview_line(self, preview) -> str:
        rows = len(preview.frame)
        if preview.truncated:
            head = self.tr("Preview: the first %1 rows of %2. The full count appears after the import.")
        else:
            head = self.tr("Preview: all %1 rows of %2.")
        head = head.replace("%1", _n(rows)).replace("%2", Path(preview.path).name)
        detected = self.detected(preview.format, preview.encoding, preview.delimiter, preview.sheet)
        return head + "\n" + self.tr("Read as %1.").replace("%1", detected)

    def split_line(self, evaluation: int, examples: int) -> str:
        return self.tr("%1 evaluation rows, %2 examples").replace("%1", _n(evaluation)).replace("%2", _n(examples))

    def planned_split(self, preview, input_column: str | None, examples: int) -> str:
        """Before the import: how the preview's rows would be split (exact only for a whole file)."""
        if preview.truncated or not input_column:
            return self.tr("%1 rows will be set aside as examples; the rest are evaluation rows.").replace(
                "%1", _n(examples)
            )
        rows = int((preview.frame[input_column].str.strip() != "").sum())  # empty inputs are skipped
        return self.tr("About %1.").replace("%1", self.split_line(max(0, rows - examples), examples))

    def resplit_line(self, section: dict, examples: int, seed: int) -> str:
        """After the import: the saved split, and what Apply would change."""
        saved = section.get("examples") or {}
        text = self.split_line(section.get("eval_rows", 0), saved.get("count", 0))
        if (examples, seed) == (saved.get("count", 0), saved.get("seed", 0)):
            return text
        if examples >= section.get("rows", 0):
            return self.tr("Leave at least one row to evaluate.")
        return self.tr("Now %1. Apply to set %2 aside instead.").replace("%1", text).replace("%2", _n(examples))

    def imported_summary(self, section: dict) -> str:
        name = Path(section.get("source") or "").name
        examples = section.get("examples") or {}
        text = self.tr("%1 rows imported from %2.").replace("%1", _n(section.get("rows"))).replace("%2", name)
        text += " " + self.split_line(section.get("eval_rows", 0), examples.get("count", 0))
        text += " " + self.tr("(split seed %1).").replace("%1", str(examples.get("seed", 0)))
        detected = self.detected(
            section.get("format"), section.get("encoding"), section.get("delimiter"), section.get("sheet")
        )
        return text + "\n" + self.tr("Read as %1.").replace("%1", detected)

    def warnings(self, warnings) -> list[str]:
        """One sentence per warning the core reported (unknown kinds are named, not dropped)."""
        lines = []
        for w in warnings or ():
            kind, count = w.get("kind", ""), _n(w.get("count"))
            listed = w.get("lines") or w.get("ids") or w.get("columns") or w.get("keys") or []
            sample = ", ".join(str(x) for x in listed[:8]) + ("…" if len(listed) > 8 else "")
            if kind == "empty_input":
                text = self.tr("Rows skipped because their input is empty: %1 (lines %2).")
            elif kind == "huge_cell":
                text = self.tr("Rows with a cell over 100,000 characters, kept but costly to send: %1 (ids %2).")
            elif kind == "empty_expected":
                text = self.tr("Rows without an expected output, which content checks cannot grade: %1 (ids %2).")
            elif kind == "generated_ids":
                text = self.tr("Rows with an empty id, given one made from their content: %1 (lines %2).")
            elif kind == "duplicate_inputs":
                text = self.tr("Rows sharing their input with another row, kept on the same side of the split: %1.")
            elif kind == "renamed_columns":
                text = self.tr("Blank or repeated header cells were renamed: %2.")
            elif kind == "cells_outside_header":
                text = self.tr("Rows with cells right of the last header column, which were left out: %1.")
            elif kind == "ignored_keys":
                text = self.tr("Keys that first appear late in the file were left out: %2.")
            elif kind == "encoding_differs":
                text = self.tr("You chose %3, but the file looks like %4; check that the text reads right.")
                text = text.replace("%3", self.encoding_label(w.get("chosen"))).replace(
                    "%4", self.encoding_label(w.get("detected"))
                )
            else:
                text = self.tr("Note: %3 (%1).").replace("%3", kind)
            lines.append(text.replace("%1", count).replace("%2", sample))
        return lines

    def progress(self, event) -> str:
        if isinstance(event, dict) and event.get("stage") == "load":
            return self.tr("Loading the imported rows…")
        if isinstance(event, dict) and "rows" in event:
            return self.tr("Importing… %1 rows read").replace("%1", _n(event["rows"]))
        return self.tr("Importing…")
