"""Pure content logic for articlewatch: reading, extraction, normalisation, fingerprints, positions.

Nothing in this package imports Prefect or touches a database.
"""

__version__ = "0.1.0"
