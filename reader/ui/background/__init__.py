"""Work off the GUI thread: the task runner and the folder loader."""
