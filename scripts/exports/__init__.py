"""Exports: the edition in other formats, one small module per format over the same model."""
