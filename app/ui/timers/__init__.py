"""Ice, heat, stretch and breathing timers that keep running across screens."""
