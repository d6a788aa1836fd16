"""Tests of the command line, new editions, the change summary, the issue forms and CI."""
