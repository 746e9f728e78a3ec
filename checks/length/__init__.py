"""Checks of the length family."""
