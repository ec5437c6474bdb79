"""Report: a project's results gathered once (``build``) and written as a self-contained HTML
page (``html`` with ``svg`` maps, ``style``) or CSV/XLSX tables (``tables``)."""

from desktop_app.core.lazy import exports

__getattr__, __all__ = exports(
    __name__,
    {
        "ReportData": "build",
        "ExportError": "build",
        "build_report_data": "build",
        "write_html": "build",
        "export_table": "build",
    },
)
