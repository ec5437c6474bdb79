"""Keychain stand-ins for tests (a pytest plugin, listed in tests/conftest.py's pytest_plugins).

Tests that save, read or forget a key get ``memory_keychain`` (an in-memory keychain whose
``entries`` they can inspect) or ``no_keychain`` (a machine without a usable keychain), so no
test ever touches the machine's real one.
"""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.backends.fail
import keyring.errors
import pytest


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory OS keychain stand-in, so tests never touch the machine's real one."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("no such entry")
        del self.entries[(service, username)]


@pytest.fixture
def memory_keychain():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keychain():
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)
