"""Benchmarks: measured by scripts, never asserted as timings in tests."""
