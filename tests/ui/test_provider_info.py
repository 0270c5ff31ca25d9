"""How the catalogue's facts are put into words: the unconfirmed marker on steps, pitfalls and
facts, the sending ramp, and the facts of every bundled provider (issue 17, items 7 and 9)."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest

from mailmanager import paths
from mailmanager.core.catalogue.lookup import Catalogue
from mailmanager.core.catalogue.model import Provider, SendingStage
from mailmanager.core.catalogue.schema import parse_provider
from mailmanager.ui.provider_info import (
    marked_pitfalls,
    marked_steps,
    provider_facts,
    ramp_line,
    ramp_lines,
    unconfirmed,
)

MARKER = "(not confirmed by the provider)"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return Catalogue.load(include_user=False)


def _netease_with(unconfirmed_paths: list[str]) -> Provider:
    path = paths.resources_dir() / "providers" / "netease_personal.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data["unconfirmed"] = [*data["unconfirmed"], *unconfirmed_paths]
    return parse_provider(data, path.name)


def test_one_step_and_one_pitfall_can_be_unconfirmed(qapp) -> None:
    provider = _netease_with(["steps[2]", "pitfalls[3]"])
    steps = marked_steps(provider, "en")
    assert [MARKER in step for step in steps] == [n == 2 for n in range(1, len(steps) + 1)]
    pitfalls = marked_pitfalls(provider, "en")
    assert [MARKER in p for p in pitfalls] == [n == 3 for n in range(1, len(pitfalls) + 1)]
    assert unconfirmed("x") == f"x {MARKER}"


def test_flagged_and_sectionwide_unconfirmed_facts_are_marked(
    qapp,
    catalogue: Catalogue,
) -> None:
    for provider in catalogue.all():
        steps = marked_steps(provider, "zh")
        assert len(steps) == len(provider.steps("zh"))
        if provider.is_unconfirmed("steps"):
            assert all(MARKER in step for step in steps), provider.id
        pitfalls = marked_pitfalls(provider, "en")
        for pitfall, text in zip(provider.pitfall_list, pitfalls, strict=True):
            assert (MARKER in text) == (
                pitfall.unconfirmed or provider.is_unconfirmed("pitfalls")
            ), provider.id


def test_every_providers_facts_say_suitability_and_what_kills_a_code(
    qapp,
    catalogue: Catalogue,
) -> None:
    for provider in catalogue.all():
        facts = dict(provider_facts(provider, "en"))
        if provider.suitability is not None:
            assert facts["Suitability"].startswith(provider.suitability.en)
        killers = provider.credential.invalidated_by
        if killers is not None:
            assert any(killers.en in text for text in facts.values()), provider.id
    qq = catalogue.get("tencent_qq")
    assert qq is not None
    code = dict(provider_facts(qq, "en"))["Authorization code"]
    assert code.startswith(f"Long-term; several can exist at once {MARKER}.")
    assert "@qq.com and @foxmail.com are one mailbox sharing one set of codes" in code


def test_the_ramp_in_words(qapp) -> None:
    first = SendingStage(1, 1, 50, None, 5, 10)
    middle = SendingStage(2, 4, 200, 100)
    stable = SendingStage(5, None, 300)
    assert ramp_line(first) == "Week 1: about 50 messages a day, 5–10 minutes apart"
    assert ramp_line(middle) == "Weeks 2–4: 100–200 messages a day"
    assert ramp_line(stable) == "From week 5: at most 300 messages a day"
    assert ramp_lines([first, middle, stable], middle)[1].startswith("▶ Weeks 2–4")
    assert ramp_lines([first, middle, stable])[0].startswith("• Week 1")
    assert ramp_line(dataclasses.replace(first, to_week=2)).startswith("Weeks 1–2: about 50")
