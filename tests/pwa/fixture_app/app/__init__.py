"""Fixture package so the archive holds an app/ folder like the real project."""
