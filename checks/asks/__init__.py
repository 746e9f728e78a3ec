"""Checks of the asks family."""
