"""Tests of app/ui/kit."""
