"""Parts of the Connection page: work functions (run in tasks) and the sentences for verdicts."""
