"""Commands: the command-line adapter (``cli``) and ``new_edition``, which starts an edition."""
