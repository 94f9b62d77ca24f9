"""Stage 4, batch: a manifest → many distinct drafts, and the 查重 check (``xindegen batch``, ``check``).

``manifest`` reads the rows, ``names`` makes safe file names, ``runner`` composes, renders and
journals every draft in parallel and regenerates those too close to another, ``check`` measures
how much each file shares with the others.
"""
