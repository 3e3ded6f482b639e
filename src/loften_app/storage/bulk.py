"""Work on many objects at once without Python's cyclic garbage collector in the way.

Reading a package of 100,000 records and importing it makes millions of small objects (data
classes, tuples, dicts) that live until the end. Each full collection walks every one of them,
and with that many new objects the collector runs one every few seconds: about a seventh of an
import's time went to collections that found nothing to free (the records hold no cycles;
reference counting frees them). `collection_paused` switches the collector off for such a
piece of work and back on afterwards (only if it was on).

SQLite keeps 2 MB of a file's pages in memory by default. An import writes into a dozen tables
and their indexes by turns, chunk by chunk: with that little room the pages of one table's
indexes are pushed out by the next table's and read and written to the log again at its next
chunk. `larger_page_cache` gives the connection room for them during such a transaction.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the reports import this module without SQLAlchemy
    from sqlalchemy.orm import Session

#: The page cache of a connection during a bulk write (KiB): the pages every table and index
#: of an import touches at the edge where it grows, with room to spare.
BULK_CACHE_KIB = 64 * 1024


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


@contextlib.contextmanager
def larger_page_cache(session: Session, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """On SQLite, a page cache of `kib` KiB for the session's connection inside the block, and
    the connection's own size again afterwards (SQLite then lets the extra pages go); nothing
    on a server, whose cache is the server's."""
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    connection = session.connection()
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar_one()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        # After an error of the block's own that error goes on (the transaction is rolled back).
        with contextlib.suppress(Exception):
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
