"""What the reader keeps on disk: the per-folder file cache (``cache``) and the key of its entity
spans (``entity_key``), the index snapshot beside it (``snapshot``), and the user's own state
(``state``, ``saved_search``, and ``casefile`` to carry it to another machine)."""
