"""Work on many objects at once without Python's cyclic garbage collector in the way.

Reading a package of 100,000 records and importing it makes millions of small objects (data
classes, tuples, dicts) that live until the end. Each full collection walks every one of them,
and with that many new objects the collector runs one every few seconds: about a seventh of an
import's time went to collections that found nothing to free (the records hold no cycles;
reference counting frees them). `collection_paused` switches the collector off for such a
piece of work and back on afterwards (only if it was on).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting still frees).

    Afterwards the objects the block made (and every other tracked object) are counted as old:
    otherwise the first collections after it would walk all of them once more, young as they
    are. `gc.freeze()` and `gc.unfreeze()` move the lists of every generation to the oldest
    without walking them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
