"""The advisor's parts; the public entry point is ``desktop_app.core.advisor.diagnose``."""
