"""The status bar: loading progress, notes, skipped files, the cache, the entity legend."""
