"""Spasm SOS: back-spasm first aid, red-flag triage and an offline episode log."""
