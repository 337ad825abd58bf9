"""The Relief, Sleep and Prevent decks of swipeable illustrated cards."""
