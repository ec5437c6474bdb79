"""The sample project that opens on first launch, built from resources/sample_project (English)
or resources/sample_project_ja (Japanese: the same fictional product, questions, documents and
runs written in Japanese).

It is built through the same core calls a user's project goes through (import the dataset,
index the documents, import the three tour runs), into the user data dir, so the Grid and
Advice pages have something true to show before the user has done anything. The source
folder is passed in: only desktop_app/ui/resources.py knows where resources/ lives.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Callable

from desktop_app.core.project import appdirs
from desktop_app.core.errors import ProjectError
from desktop_app.core.project.folder import Project

SAMPLE_FOLDER = "sample-project"
# The Japanese sample lives beside the English one ("folder" in its manifest): opening one must
# never delete the other, which may be the project open in the window.
_FOLDER_NAME = re.compile(r"^sample-project[A-Za-z0-9_-]*$")
_MARKER = ".sample-source"  # holds the hash of the source it was built from


def source_fingerprint(source: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(source).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(source)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _pool_ids(dataset: Path, id_column: str, pool_column: str) -> list[str]:
    with dataset.open(encoding="utf-8-sig", newline="") as fh:
        return [row[id_column] for row in csv.DictReader(fh) if row.get(pool_column) == "examples"]


def build_sample_project(
    source: Path,
    dest: Path,
    progress: Callable[[dict], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Project:
    """Create the sample project in ``dest`` (which must not exist) from ``source``."""
    from desktop_app.core.data import rows as datasets  # noqa: PLC0415 - heavy (pandas), only when building
    from desktop_app.core.run.imported import import_run  # noqa: PLC0415
    from desktop_app.core.knowledge import KnowledgeBase  # noqa: PLC0415
    from desktop_app.core.knowledge.config import KnowledgeSettings  # noqa: PLC0415

    report = progress or (lambda event: None)
    manifest = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    project = Project.create(dest, manifest["name"])
    mapping = manifest["mapping"]
    report({"step": "dataset"})
    datasets.import_dataset(project, source / manifest["dataset"], mapping=mapping)
    if manifest.get("pool_column"):
        ids = _pool_ids(source / manifest["dataset"], mapping["id"], manifest["pool_column"])
        section = dict(project.section("dataset"))
        section["examples"] = {"count": len(ids), "seed": 0, "ids": ids, "from_column": manifest["pool_column"]}
        section["eval_rows"] = section.get("rows", 0) - len(ids)
        project.set_section("dataset", section)
    if manifest.get("knowledge"):
        report({"step": "knowledge"})
        # The setting the tour's RAG run retrieved with, so readiness and the lab measure the
        # passages that run was given, not a better setting it never had.
        settings = KnowledgeSettings.from_section(manifest.get("knowledge_settings"))
        project.set_section("knowledge", {**(project.section("knowledge") or {}), **settings.to_dict()})
        kb = KnowledgeBase.open(project)
        try:
            kb.add_paths([source / manifest["knowledge"]], should_stop=should_stop)
        finally:
            close = getattr(kb, "close", None)
            if close:
                close()
    for run in manifest.get("runs", []):
        report({"step": "run", "name": run["name"]})
        import_run(
            project,
            run["name"],
            source / run["file"],
            run.get("techniques") or ["none"],
            contexts_col=run.get("contexts_column"),
        )
    project.data["notes"] = manifest.get(
        "notes", "The run outputs of this sample were written by hand for the tour, not produced by a model."
    )
    project.data["sample"] = True
    project.save()
    return project


def sample_folder(source: Path) -> str:
    """The folder name the sample from ``source`` is built into (under the user data dir)."""
    try:
        name = json.loads((Path(source) / "manifest.json").read_text(encoding="utf-8")).get("folder")
    except (OSError, ValueError, AttributeError):
        name = None
    return name if isinstance(name, str) and _FOLDER_NAME.match(name) else SAMPLE_FOLDER


def ensure_sample_project(
    source: Path,
    dest_parent: Path | None = None,
    progress: Callable[[dict], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Path:
    """Return the folder of a ready sample project, building it first if needed.

    Built in a temporary folder and renamed into place, so a crash or kill mid-build never
    leaves a half-made sample that later launches would open; rebuilt when the shipped
    source changes (a new app version).
    """
    source = Path(source)
    if not (source / "manifest.json").exists():
        raise ProjectError(
            f"The sample project is missing from the installation ({source}).",
            "Reinstall LLM Path Advisor, or create a new project instead.",
        )
    parent = Path(dest_parent) if dest_parent else appdirs.data_dir()
    dest = parent / sample_folder(source)
    fingerprint = source_fingerprint(source)
    marker = dest / _MARKER
    if marker.exists() and marker.read_text(encoding="utf-8").strip() == fingerprint:
        return dest
    building = parent / f".{dest.name}.building"
    shutil.rmtree(building, ignore_errors=True)
    build_sample_project(source, building, progress, should_stop)
    (building / _MARKER).write_text(fingerprint, encoding="utf-8")
    if dest.exists():
        shutil.rmtree(dest)
    building.rename(dest)
    return dest
