"""The resident's lookup (找民警): search keys, the index and its shards.

Everything is computed at build time; the browser only compares strings
(generator/assets/find.js mirrors ``keys.normalise_query`` and
``index.search``).
"""
