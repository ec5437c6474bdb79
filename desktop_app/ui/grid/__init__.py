"""The Grid page's two pyqtgraph maps and their shared look (imports pyqtgraph: load lazily)."""
