"""Shown by the fixture app, so a browser test sees that long archive paths were unpacked."""

GREETING = "Deep module loaded"
