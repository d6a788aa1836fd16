"""Render: the validated edition -> Markdown pages, one module per page family.

``essay`` (the reading text and its apparatus), ``notes`` (note pages, the Notes index, the
Sources page), ``glossary``, ``pages`` (Corrections, Original text), ``meta`` ("Cite this",
history, suggest-a-note links), ``cite`` (citations and references), ``markdown`` (safe
Markdown writing helpers).
"""
