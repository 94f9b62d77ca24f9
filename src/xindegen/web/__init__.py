"""``xindegen serve``: the library behind a local web page and a JSON API.

A thin layer: every request is answered by the same functions the command line calls
(compose, render, parse, batch, check). :mod:`.server` binds the socket and runs the ASGI server,
:mod:`.guard` refuses foreign Host and Origin headers and missing access tokens, :mod:`.store`
keeps uploads and batch runs in one temporary directory per run, :mod:`.api` maps requests to the
library, and ``static/`` holds the page (plain HTML, CSS and JS, no build step, no CDN).

Nothing here is imported by the other commands: the web stack loads only for ``xindegen serve``.
"""
