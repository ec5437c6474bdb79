"""Run: evaluating variants. The requests planned (``plan``), sent with retries and a cache
(``runner``) for a whole project (``project``), judged (``judge``), scored against the checks
(``scoring``), kept in SQLite (``store``); runs made elsewhere come in through ``imported``."""

from desktop_app.core.lazy import exports

__getattr__, __all__ = exports(
    __name__,
    {
        "run_variants": "project",
        "plan_run": "project",
        "prepare_project_run": "project",
        "execute_plan": "project",
        "project_summaries": "project_scores",
        "rescore_project": "project_scores",
        "RunOptions": "runner",
        "ResultStore": "store",
        "import_run": "imported",
        "summarize": "scoring",
        "summary_to_dict": "scoring",
    },
)
