"""Checks of the content family."""
