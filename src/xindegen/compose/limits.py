"""The ranges and choices of a request, apart from the modules that use them.

The command line declares its options with these before any command runs; keeping them here lets
it start without loading the rhetoric data's code (or YAML) for commands that never compose.
"""

from __future__ import annotations

LENGTH_RANGE = (500, 5000)
SECTIONS_RANGE = (1, 6)
SEED_RANGE = (0, 2**31 - 1)
DEFAULT_LENGTH = 1500
DEFAULT_SECTIONS = 3
KINDS = ("study", "campaign", "training", "warning", "film", "visit", "book", "practice", "field", "ethics",
         "commemoration", "student", "contest")
