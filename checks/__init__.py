"""The built-in checks, one per module. ``ALL_CHECKS`` is the catalog."""
