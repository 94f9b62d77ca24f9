"""Stage 1, parse: essays a person likes → outlines (``xindegen parse``).

``ingest`` (bytes → text blocks) → ``clean`` (site noise out, punctuation and paragraphs
restored) → ``split`` (a collection → essays) → ``structure`` (one essay → :class:`Outline`);
``decompose`` runs the four and writes the results.
"""
