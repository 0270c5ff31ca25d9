"""Plain-Python core shared by the CLI, the GUI and the tests. Nothing here imports Qt."""
