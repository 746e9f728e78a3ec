"""Checks of the form family."""
