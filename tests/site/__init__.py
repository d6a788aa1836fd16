"""Tests of the compiled tree, the engines, the addresses and the built site's quality."""
