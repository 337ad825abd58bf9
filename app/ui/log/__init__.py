"""The Log: the open episode, history, charts and insights."""
