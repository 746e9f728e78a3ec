"""Score: documented weights, per-check cap, configurable."""

from linter.config import Config
from linter.models import Finding, Severity, Span
from linter.score import score


def f(code: str, sev: Severity) -> Finding:
    return Finding(code, "n", sev, "m", Span(0, 1))


def test_default_weights():
    assert score([], Config()) == (100, ())
    assert score([f("FL101", Severity.ERROR), f("FL203", Severity.INFO), f("FL301", Severity.WARNING)], Config()) == (
        62,
        (("FL101", 20.0), ("FL301", 16.0), ("FL203", 2.0)),
    )


def test_loss_per_check_is_capped_and_score_floored():
    five_errors = [f("FL101", Severity.ERROR)] * 5
    assert score(five_errors, Config()) == (60, (("FL101", 40.0),))
    many = [f(f"FL{n}", Severity.ERROR) for n in range(401, 406)] * 2
    assert score(many, Config())[0] == 0


def test_configured_weights():
    config = Config(severity_weights={Severity.ERROR: 10.0, Severity.WARNING: 5.0, Severity.INFO: 1.0},
                    check_weights={"FL301": 2.0}, max_loss_per_check=15.0)
    assert score([f("FL301", Severity.WARNING), f("FL101", Severity.ERROR)], config) == (
        80, (("FL101", 10.0), ("FL301", 10.0)))
