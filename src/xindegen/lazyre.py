"""``re`` with patterns compiled on their first use instead of when their module is imported.

The parser and the composer keep some two hundred module-level patterns, most over the whole
range of Chinese characters, whose compiling took a sizeable share of a short command (0.2 s of
``xindegen parse``), while a given input or command uses only some of them. A module that
imports this as ``re`` (``from .. import lazyre as re``) keeps its code unchanged: ``re.compile``
returns a stand-in that compiles the pattern when it is first searched with, then answers with
the compiled pattern's own methods; everything else is the standard module's. (A match's ``re``
is the compiled pattern, not the stand-in: ``m.re is PATTERN`` does not hold.)
"""

from __future__ import annotations

import re as _re
import sys
from re import (  # the rest is the standard module's
    A as A,
    ASCII as ASCII,
    DOTALL as DOTALL,
    I as I,
    IGNORECASE as IGNORECASE,
    M as M,
    MULTILINE as MULTILINE,
    S as S,
    VERBOSE as VERBOSE,
    X as X,
    Match as Match,
    Pattern as Pattern,
    RegexFlag as RegexFlag,
    error as error,
    escape as escape,
    findall as findall,
    finditer as finditer,
    fullmatch as fullmatch,
    match as match,
    search as search,
    split as split,
    sub as sub,
    subn as subn,
)
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
            "flags", "groups", "groupindex")


class _Lazy:
    """A pattern compiled on first use; ``pattern`` is known (and usable in others) before that."""

    def __init__(self, pattern: str, flags: int, home: dict[str, Any] | None) -> None:
        self.pattern = pattern
        self._flags = flags
        self._home = home

    def __getattr__(self, name: str) -> Any:  # only for names not set yet: the first use
        compiled = _re.compile(self.pattern, self._flags)
        for attr in _METHODS:  # later uses find the compiled pattern's methods directly
            setattr(self, attr, getattr(compiled, attr))
        home, self._home = self._home, None
        if home is not None:  # the module's own name for it now holds the compiled pattern (as fast as ever)
            for key, value in list(home.items()):
                if value is self:
                    home[key] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazyre.compile({self.pattern!r}, {self._flags!r})"


def compile(pattern: str | Pattern[str], flags: int = 0) -> Pattern[str]:  # noqa: A001 - re's own name
    """A pattern that behaves as ``re.compile(pattern, flags)`` and compiles when first used."""
    if isinstance(pattern, _Lazy) and not flags:
        return cast(Pattern[str], pattern)
    if not isinstance(pattern, str):
        return _re.compile(pattern, flags)
    caller = sys._getframe(1)
    home = caller.f_globals if caller.f_code.co_name == "<module>" else None  # a module-level name
    return cast(Pattern[str], _Lazy(pattern, int(flags), home))
