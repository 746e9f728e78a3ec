"""Checks of the language family."""
