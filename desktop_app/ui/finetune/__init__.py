"""The fine-tuning helper dialog: prepare and check the training file, train where the provider
runs jobs, export for the other routes, register any tuned model as a variant."""
