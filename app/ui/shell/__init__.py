"""The shell: top bar, tab bar and the body that shows the current screen."""
