"""The run's settings: built once from the command line's values, laid over
each config by one step, and the same for check, --fix, watch and a run the
warm service makes for a client."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path
from typing import Any

import pytest

from linter.cli import cli
from linter.command import CheckRequest, Service
from linter.config_model import Config
from linter.context import Context
from linter.settings import RunAborted, RunSettings, run_settings
from tests.test_cli import GOOD, runner  # noqa: F401 - the CLI fixture, shared

TYPO = "--select: unknown check 'asks-about-decison' (did you mean 'asks-about-decision'?)"


def test_every_cli_value_lands_in_its_field(tmp_path: Path) -> None:
    context = tmp_path / "ctx.yaml"
    context.write_text("company: Northwind\nkind: status-check\ntopics: [the dashboard]\n", encoding="utf-8")
    settings = run_settings(
        config_path="team.yaml",
        context_path=str(context),
        grammar="embedded",
        languagetool_url="http://localhost:8081",
        fail_on="warning",
        fail_under=85,
        select=("FL3,no-thanks", " FL101 "),
        ignore=("reading-grade",),
        mode="template",
        jobs=3,
        use_worker=False,
        stdin_filename="drafts/dana.txt",
    )
    assert settings == RunSettings(
        config_path="team.yaml",
        context=Context(company="Northwind", kind="status-check", topics=("the dashboard",)),
        grammar="embedded",
        languagetool_url="http://localhost:8081",
        select=("FL3", "FL303", "FL101"),  # names become codes; a prefix stays a prefix
        ignore=("FL205",),
        fail_on="warning",
        fail_under=85,
        mode="template",
        jobs=3,
        use_worker=False,
        stdin_filename="drafts/dana.txt",
    )


def test_nothing_given_is_nothing_set() -> None:
    assert run_settings() == RunSettings(
        config_path=None, context=None, grammar=None, languagetool_url=None, select=None, ignore=None,
        fail_on=None, fail_under=None, mode=None, jobs=None, use_worker=None, stdin_filename=None,
    )
    assert run_settings(fail_under=0).fail_under == 0  # 0 turns the pass mark off: it is set


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"select": ("FL101,asks-about-decison",)}, TYPO),
        ({"ignore": ("asks-about-decison",)}, TYPO.replace("--select", "--ignore")),
    ],
)
def test_an_unknown_selector_is_one_line(given: dict[str, Any], message: str) -> None:
    with pytest.raises(RunAborted) as caught:
        run_settings(**given)
    assert str(caught.value) == message


def test_a_bad_context_file_is_one_line(tmp_path: Path) -> None:
    context = tmp_path / "ctx.yaml"
    context.write_text("kind: thank-you-note\n", encoding="utf-8")
    with pytest.raises(RunAborted) as caught:
        run_settings(context_path=str(context))
    assert str(caught.value) == (
        f"{context}: unknown kind 'thank-you-note' (did you mean 'thank-you'?); "
        "expected one of thank-you, status-check, post-rejection, linkedin, general"
    )


@pytest.mark.parametrize("command", [["check"], ["check", "--fix"], ["check", "--diff"], ["watch"]])
def test_check_fix_and_watch_refuse_a_bad_selector_alike(
    runner, tmp_path: Path, command: list[str]  # noqa: F811 - the fixture
) -> None:
    (tmp_path / "draft.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(cli, [*command, "--grammar", "off", "--select", "asks-about-decison", "draft.txt"])
    assert (result.exit_code, result.stderr) == (2, f"followup-lint: error: {TYPO}\n")


def test_over_puts_the_given_values_in_place_of_the_configs() -> None:
    config = Config(vocabulary=("Northwind",), fail_on="info", mode="draft", select=("all",))
    settings = RunSettings(select=("FL3",), ignore=("FL205",), fail_on="never", fail_under=0, mode="template",
                           grammar="off", jobs=2)
    assert settings.over(config) == dataclasses.replace(
        config, select=("FL3",), ignore=("FL205",), fail_on="never", fail_under=0, mode="template"
    )
    assert RunSettings(grammar="off", jobs=2).over(config) is config  # grammar and jobs are not config values


@pytest.mark.parametrize(("service", "use_worker"), [("start", True), ("reuse", False), ("none", False)])
def test_a_check_request_and_its_wire_form_give_the_same_settings(service: Service, use_worker: bool) -> None:
    request = CheckRequest(paths=("-",), grammar="off", select=("no-thanks",), fail_under=80, jobs=4,
                           service=service, stdin_filename="a.txt")
    settings = request.settings()
    assert settings == RunSettings(grammar="off", select=("FL303",), fail_under=80, jobs=4,
                                   use_worker=use_worker, stdin_filename="a.txt")
    assert CheckRequest.from_json(request.to_json()).settings() == settings  # the warm service's copy


def test_settings_are_a_frozen_value_that_pickles() -> None:
    settings = RunSettings(context=Context(company="Northwind", topics=("the dashboard",)), select=("FL3",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.jobs = 2  # type: ignore[misc]
    assert hash(settings) == hash(dataclasses.replace(settings))
    assert pickle.loads(pickle.dumps(settings)) == settings  # what a pool worker is given
