"""The embedded store (SQLite): articles, actors, events, runs and failures; resumable and idempotent."""

from thucydides.store.sqlite import SCHEMA_VERSION, Store, StoreError

__all__ = ["SCHEMA_VERSION", "Store", "StoreError"]
