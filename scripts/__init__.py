"""The edition's build pipeline: seed + edition data -> validated model -> Markdown pages.

One module per stage (load, validate, correct, segment, anchor, link, render),
plus two thin adapters: ``hook`` for MkDocs and ``cli`` for the command line.
"""
