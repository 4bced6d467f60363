"""Benchmarks run by ``unionnews bench`` (each module one suite, each returning a dict of numbers)."""
