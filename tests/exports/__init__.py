"""Tests of the export formats and the annotation clients that read them."""
