"""Bringing data in from spreadsheets (CONTRACTS §3-4): ``units``, ``persons``, ``households``,
``ratings``, ``initiatives``, ``disciplines`` and ``awards``.

``reader`` turns a file into rows (refusing anything that is not a sane .xlsx or UTF-8 .csv),
``kinds`` holds one specification per kind (headers, per-row parsing, bulk resolution, bulk write),
and ``runner.run_import`` validates and writes all or nothing in one transaction.
"""
