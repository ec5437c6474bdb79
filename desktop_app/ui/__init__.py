"""The Qt floor: windows, pages and widgets that show what the core computes."""
