"""DuckDB storage for articlewatch: schema migrations, views, bulk loads, read-only queries.

No content logic lives here; this package stores what pipeline/ produced.
"""
