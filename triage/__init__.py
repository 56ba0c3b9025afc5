"""triage: suggestions for routing Indonesian public-service complaints.

The library has no Flask and no database: text -> preprocessing -> encoder ->
heads -> suggestion. See docs/architecture.md.
"""

__version__ = "0.1.0"
