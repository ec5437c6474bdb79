"""The Project step: create, open and recent projects, the sample project."""
