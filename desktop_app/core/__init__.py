"""The headless engine. Nothing under this package may import Qt (tests/test_floors.py checks)."""
