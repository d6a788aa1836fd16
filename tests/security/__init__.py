"""Tests of contributed input that must never run, leak or crash."""
