"""The package version; part of every output and of the batch manifest's cache key."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1"
