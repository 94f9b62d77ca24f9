"""Stage 2, compose: a topic → a new outline (``xindegen new``, ``xindegen headings``).

``rhetoric`` loads the YAML data in ``data/`` (and a user's own), ``topics`` fits a topic to a pack,
``material`` takes key sentences from what the writer studied, ``grammar`` deals phrases without
repeats and picks their wordings, the ``composer`` writes the draft; ``audit`` finds phrases whose
fixed wording a 查重 check could flag.
"""
