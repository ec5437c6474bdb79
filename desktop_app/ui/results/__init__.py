"""Parts of the Results step: the task function, the leaderboard and rows models, the example view."""
