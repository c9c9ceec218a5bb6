"""Damaged copies of a good file, as a disk, a download or a cut copy leaves them: bytes
overwritten at random, every fifth copy also cut short. Seeded, so a failure can be replayed."""

from __future__ import annotations

import random
from collections.abc import Iterator


def mangled_copies(data: bytes, *, count: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    for n in range(count):
        mangled = bytearray(data)
        for _ in range(rng.randint(1, 40)):
            mangled[rng.randrange(len(mangled))] = rng.randrange(256)
        if n % 5 == 0:
            mangled = mangled[: rng.randrange(len(mangled))]
        yield bytes(mangled)
