"""For your doctor: the summary on screen and as a saved file."""
