"""Run-time helpers below everything else: memory release (``allocator``) and the set-up every
worker process runs first (``workers``). They know nothing of articles."""
