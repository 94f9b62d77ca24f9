"""Stage 2, compose: a topic → a new outline (``xindegen new``, ``xindegen headings``).

A ``request`` says what a person asks for. ``rhetoric`` loads the YAML data in ``data/`` (and a
user's own), ``topics`` fits the topic to a pack, ``material`` takes key sentences from what the
writer studied, ``grammar`` deals phrases without repeats and picks their wordings, the
``composer`` writes sentences, headings, titles and citations, and the essay ``plan`` puts them
in order to the asked length (:func:`plan.compose`). ``audit`` finds phrases whose fixed wording
a 查重 check could flag.
"""
