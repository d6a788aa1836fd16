"""Tests of the reader's script in a browser: notes in place, the sheet, selection, craft."""
