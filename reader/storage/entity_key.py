"""The key of the shipped entity model, under which the disk cache stores entity spans.

Apart from ``reader.storage.cache`` so the storage layer needs nothing from the entity package: the cache
stores spans under whatever key it is given, and the loader asks here which key the model has.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from reader.entities import paths
from reader.storage.cache import ANALYSIS_VERSION, code_key


def entity_model_key() -> str:
    """A key of the entity model files (their bytes) and the recogniser's code, so a retrained
    model or a changed recogniser invalidates spans (and only spans).

    Hashing the ~9 MB of model and gazetteer files takes ~75 ms, so the digest is reused while
    the files' sizes and modification times stay the same.
    """
    # every file of the model and gazetteer folders: a new list (mined names, say) counts too
    files = [
        file
        for folder in (paths.MODELS, paths.GAZETTEERS)
        for file in (sorted(folder.iterdir()) if folder.is_dir() else [])
        if file.is_file()
    ]
    signature = []
    for file in files:
        try:
            info = file.stat()
            signature.append((str(file), info.st_size, info.st_mtime_ns))
        except OSError:
            signature.append((str(file), -1, -1))
    return _model_digest(tuple(signature))


@lru_cache(maxsize=4)
def _model_digest(signature: tuple[tuple[str, int, int], ...]) -> str:
    digest = hashlib.sha1(f"{ANALYSIS_VERSION}:{code_key('entities', 'text')}".encode())
    for name, size, _ in signature:
        try:
            digest.update(Path(name).read_bytes())
        except OSError:
            digest.update(f"missing:{name}:{size}".encode())
    return digest.hexdigest()[:20]
