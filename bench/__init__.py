"""Benchmarks and the synthetic archive they load (not part of the product: nothing in portal/ imports this)."""
