"""LLM Path Advisor: measure an LLM feature and learn whether RAG or fine-tuning should come next."""

__version__ = "0.1.0"
APP_NAME = "LLM Path Advisor"
APP_ID = "llm-path-advisor"
