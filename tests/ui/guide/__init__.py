"""Tests of app/ui/guide."""
