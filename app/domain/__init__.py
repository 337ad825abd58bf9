"""Pure rules with no UI: triage, ice/heat phase, the episode model and insights."""
