"""Synthetic documents for benchmarks and tests: see loaders/synthetic/corpus.py."""
