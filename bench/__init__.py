"""``python -m bench`` (``make bench``): the province-scale benchmarks of CONTRACTS §6.

See ``bench/harness.py`` for what runs and ``docs/performance.md`` for the figures.
"""
