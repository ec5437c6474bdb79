"""Advice: stored runs -> a ``Diagnosis`` (gaps, recommendation, evidence). ``diagnose`` is the
pure entry point; ``inputs`` loads a project's runs for it; ``stats``, ``rules``, ``evidence``,
``checklists`` and ``gridmaps`` are its parts."""

from desktop_app.core.lazy import exports

__getattr__, __all__ = exports(
    __name__,
    {
        "diagnose": "diagnose",
        "Diagnosis": "model",
        "diagnose_project": "inputs",
        "load_evaluated_runs": "inputs",
        "grid_maps": "gridmaps",
    },
)
