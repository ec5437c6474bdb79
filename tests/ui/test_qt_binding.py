"""The Qt binding in use does not leak or free Python objects as calls accumulate."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_alive():
    """A long session (hundreds of thousands of label updates) cannot crash the app.

    PySide6 6.12.0 dropped a reference to None on each call of a method returning void; on
    CPython 3.11 the process then aborts with "none_dealloc" after ~200k calls."""
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) - before > -100
