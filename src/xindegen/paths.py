"""Where built-in resources live and where a user's own templates and data go."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    # Installed wheels carry the top-level folder inside the package; a source checkout
    # (editable install, tests run from the repo) finds it beside src/.
    inside = _PACKAGE / name
    return inside if inside.is_dir() else _PACKAGE.parents[1] / name


@cache
def builtin_templates_dir() -> Path:
    return _resource_dir("templates")


def builtin_data_dir() -> Path:
    """The rhetoric data shipped with the composer (``xindegen/compose/data``)."""
    return _PACKAGE / "compose" / "data"


def user_config_dir() -> Path:
    """Per-user config directory; ``XINDEGEN_CONFIG_DIR`` overrides it (tests, portable setups)."""
    env = os.environ.get("XINDEGEN_CONFIG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_config_dir as _ucd

    return Path(_ucd("xindegen", appauthor=False))


def user_templates_dir() -> Path:
    return user_config_dir() / "templates"


def user_data_dir() -> Path:
    return user_config_dir() / "data"


def user_cache_dir() -> Path:
    """Where xindegen keeps what it can rebuild (the compiled data); ``XINDEGEN_CACHE_DIR`` overrides it."""
    env = os.environ.get("XINDEGEN_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir as _ucd

    return Path(_ucd("xindegen", appauthor=False))
