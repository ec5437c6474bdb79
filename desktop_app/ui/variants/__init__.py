"""Widgets of the Variants step: the template highlighter, the technique-grid preview, the editor."""
