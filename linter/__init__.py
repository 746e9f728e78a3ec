"""followup-lint: a linter for the email a job seeker sends after an interview."""

__version__ = "0.1.0"
