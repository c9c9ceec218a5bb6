"""What narrows the result: the search bar, the filter chips, the sidebar and its panels."""
