"""The article list: its model, the panel around it, and why it is empty."""
