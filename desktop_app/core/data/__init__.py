"""Data: the user's table read (``readers``, ``formats``), its encoding and delimiter sniffed
(``sniff``), its columns mapped to roles (``mapping``), split into evaluation rows and an
examples pool (``split``), and the rows stored and loaded (``rows``)."""

from desktop_app.core.lazy import exports

__getattr__, __all__ = exports(
    __name__,
    {
        "read_table": "readers",
        "open_source": "readers",
        "Table": "readers",
        "guess_mapping": "mapping",
        "ROLES": "mapping",
        "import_dataset": "rows",
        "load_rows": "rows",
        "resplit": "rows",
        "evaluation_ids": "rows",
        "ImportCancelled": "rows",
    },
)
