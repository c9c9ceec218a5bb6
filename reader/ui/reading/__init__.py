"""The reading pane: the article, what came with it, the reader's own tags and note."""
