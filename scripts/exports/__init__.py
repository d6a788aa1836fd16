"""Exports: the edition in the formats other tools read, one small pure module per format.

``bibliography`` is the shared model (structured names, dates, containers, identifiers)
that every citation format reads; ``outputs`` says which files the site publishes and
how pages link them. Each format module is a pure function from the validated
``Edition`` and the site's settings to the file's text.
"""
