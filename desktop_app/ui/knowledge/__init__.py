"""Parts of the Knowledge page: work functions (run in tasks), the panels of its tabs, sentences."""
