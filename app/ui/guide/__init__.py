"""Help me now: the guided episode, from the safety questions to the summary."""
