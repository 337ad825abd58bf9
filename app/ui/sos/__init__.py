"""SOS: the red-flag checklist and the emergency screen with its call button."""
