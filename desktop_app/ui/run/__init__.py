"""Parts of the Run step: the task functions, the progress rows, the import-run dialog, the words."""
