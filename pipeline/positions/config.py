"""The extractor's dictionaries: TOML files next to this module, read on first use and cached."""

import tomllib
from functools import cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@cache
def plan_terms_config() -> dict:
    """plan_terms.toml: term patterns, stance cues, plan holders, detail lemmas."""
    return _load("plan_terms.toml")


@cache
def speakers_config() -> dict:
    """speakers.toml: people (aliases, roles, gender), institutions, speech verbs, title words."""
    return _load("speakers.toml")


@cache
def places_config() -> dict:
    """places.toml: canonical places with aliases, and words that are never places."""
    return _load("places.toml")


def _load(name: str) -> dict:
    with open(_HERE / name, "rb") as handle:
        return tomllib.load(handle)
