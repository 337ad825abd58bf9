"""The parts every screen uses: theme, error boundary, banners, big text and shared buttons."""
