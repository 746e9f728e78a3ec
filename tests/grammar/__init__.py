"""Tests of the grammar backends and the warm worker."""
