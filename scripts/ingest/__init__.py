"""Ingest: the seed and the data files -> one validated ``Edition``, with every problem found.

Stages, one module each: ``load`` (files, with line numbers), ``validate`` (records ->
model, against ``schema``), ``correct`` (apparatus -> reading text), ``segment`` (sections),
``anchor`` (note quote selectors), ``terms`` (glossary occurrences); ``site_config`` holds
mkdocs.yml to its boundary; ``citations`` checks
that every sentence is sourced, ``docs_tree`` checks the docs folder, ``git_history`` reads
dates and versions from git. ``pipeline`` runs them in order.
"""
