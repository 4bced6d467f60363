"""Benchmarks of each stage (``unionnews bench``) and the synthetic data they and the scale tests use."""
