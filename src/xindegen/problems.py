"""Problems found in a checked file, each with its line: the part of :mod:`.yamlsafe` without YAML."""

from __future__ import annotations

from .errors import Problem, ProblemsError

PathKey = tuple[str | int, ...]
LineMap = dict[PathKey, int]


class YamlProblem(Exception):
    def __init__(self, line: int | None, message: str):
        self.line = line
        self.message = message
        super().__init__(message)


def format_path(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def line_of(lines: LineMap, path: PathKey) -> int | None:
    """Line of the value at ``path`` or, if absent (a missing field), of its nearest parent."""
    while True:
        if path in lines:
            return lines[path]
        if not path:
            return None
        path = path[:-1]


class Problems:
    """Collects every problem found in one loaded YAML document, each with its line.

    Checkers of a file format (outlines, rhetoric data) subclass it and add their own rules,
    so that a file is reported whole rather than stopping at its first mistake.
    """

    def __init__(self, file: str, lines: LineMap):
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def error(self, path: PathKey, message: str) -> None:
        """Record ``message`` about the value at ``path`` (its line, or its nearest parent's)."""
        self.problems.append(Problem(self.file, line_of(self.lines, path), format_path(path), message))

    def raise_if_any(self, kind: type[ProblemsError]) -> None:
        if self.problems:
            raise kind(self.problems)


class ProblemError(Exception):
    """Internal carrier of a single problem; callers wrap it in their own error class."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))
