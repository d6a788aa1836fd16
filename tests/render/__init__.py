"""Tests of the pages rendered from the edition, and their golden files."""
