"""Flet declarative UI: one component per file, state in Session, no business rules."""
