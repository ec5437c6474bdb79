"""The Advice page's parts: its sentences, the shared diagnosis task and its widgets."""
