"""Parts of the Data and Project steps: the table model, the column mapping, the new-project wizard."""
