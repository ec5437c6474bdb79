"""Providers: how the app reaches a model. The connection settings (``connection``), the API key
in the keychain (``secrets``), the client and its errors (``client``), token counts
(``tokens``), prices (``prices``) and what a run will cost (``estimate``)."""

from desktop_app.core.lazy import exports

__getattr__, __all__ = exports(
    __name__,
    {
        "ConnectionConfig": "connection",
        "ConnectionReport": "connection",
        "PRESETS": "connection",
        "check_key_env": "connection",
        "check_url": "connection",
        "resolve_api_key": "secrets",
        "store_api_key": "secrets",
        "forget_api_key": "secrets",
        "make_client": "client",
        "make_async_client": "client",
        "test_connection": "client",
        "list_models": "client",
        "classify": "client",
        "count": "tokens",
        "count_messages": "tokens",
        "cost": "prices",
        "estimate_run": "estimate",
    },
)
