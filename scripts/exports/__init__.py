"""Exports: the edition in the formats other tools read, one small pure module per format.

``bibliography`` is the shared model (structured names, dates, containers, identifiers)
that every citation format reads (``csl_json``, ``bibtex``, ``ris``, ``cff``, ``highwire``);
``tei``, ``hypothesis`` and ``web_annotations`` carry the whole edition or its notes.
``paths`` says where the files live, ``publish`` what each page says about them. Each
format module is a pure function from the validated ``Edition`` and the site's settings to
the file's text; scripts/site/outputs.py registers the files.
"""
