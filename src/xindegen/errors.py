"""Exception hierarchy. Every message is user-facing Chinese and names the file (and line)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One validation finding, printed as ``file:line: field.path: message``."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class XindegenError(Exception):
    """Base of all domain errors; the CLI turns them into a message and exit code 1."""

    def __init__(self, message: str, file: str | Path | None = None, line: int | None = None):
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.file is None:
            return self.message
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"

    def lines(self) -> list[str]:
        """The message as printed by the CLI, one finding per line."""
        return [str(self)]

    def __reduce__(self) -> tuple[type, tuple[str, str | None, int | None]]:
        # Errors cross from batch worker processes to the parent: rebuild them from their parts.
        return type(self), (self.message, self.file, self.line)


class InputError(XindegenError):
    """An input file cannot be read or makes no sense (encoding, binary, no prose...)."""


class OutputError(XindegenError):
    """An output cannot be written (exists, not writable, disk full...)."""


class TemplateError(XindegenError):
    """A template cannot be found, compiled or rendered."""


class ProblemsError(XindegenError):
    """A file breaks its schema; holds every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = problems[0]
        super().__init__(
            f"{first.path}: {first.message}" if first.path else first.message,
            first.file,
            first.line,
        )

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:  # type: ignore[override]
        return type(self), (self.problems,)


class OutlineError(ProblemsError):
    """An outline file is not valid YAML or breaks the outline schema."""


class DataError(ProblemsError):
    """Rhetoric data (built-in or user-supplied) is malformed."""
