"""Widgets of the Checks step: the grouped list, the editor dialog, the live sample preview, the words."""
