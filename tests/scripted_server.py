"""The scripted OpenAI-compatible server fixture (filled in by the engine work)."""
