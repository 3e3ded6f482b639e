"""`storage.bulk.larger_page_cache`: room for an import's pages on SQLite, and back afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from loften_app.storage.bulk import BULK_CACHE_KIB, larger_page_cache
from loften_app.storage.database import Database
from loften_app.storage.exchange import apply_import, export_changes, importing, read_package
from loften_app.storage.services import Services
from tests.storage.conftest import MUNICIPALITY, POLICE, FixedClock


def _cache_size(session: Session) -> int:
    return int(session.execute(text("PRAGMA cache_size")).scalar_one())


def test_the_cache_is_larger_inside_the_block_and_as_before_afterwards(
    database: Database,
) -> None:
    with database.writing() as session:
        if session.get_bind().dialect.name != "sqlite":
            with larger_page_cache(session):  # a server's cache is its own: nothing happens
                session.execute(text("SELECT 1"))
            return
        before = _cache_size(session)
        with larger_page_cache(session):
            assert _cache_size(session) == -BULK_CACHE_KIB
        assert _cache_size(session) == before
        assert before != -BULK_CACHE_KIB


def test_an_error_in_the_block_goes_on_and_the_cache_is_as_before(database: Database) -> None:
    with pytest.raises(ZeroDivisionError), database.writing() as session:
        before = _cache_size(session) if session.get_bind().dialect.name == "sqlite" else None
        try:
            with larger_page_cache(session):
                _ = 1 / 0
        finally:
            if before is not None:
                assert _cache_size(session) == before


def test_an_import_writes_with_the_larger_cache(
    *,
    police: Services,
    municipality: Services,
    tmp_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if municipality.database.engine.dialect.name != "sqlite":
        pytest.skip("a server's page cache is the server's")
    out = tmp_path / "p.loften"
    export_changes(police, out, photo_dir=None, actor=POLICE, clock=clock)
    seen: list[int] = []
    write = importing._write

    def watched(session: Session, *args: Any, **kwargs: Any) -> Any:
        seen.append(_cache_size(session))
        return write(session, *args, **kwargs)

    monkeypatch.setattr(importing, "_write", watched)
    result = apply_import(
        municipality, read_package(out), actor=MUNICIPALITY, photo_dir=None, clock=clock
    )
    assert result.added > 0
    assert seen == [-BULK_CACHE_KIB]
    with municipality.database.writing() as session:  # the import's pooled connection
        assert _cache_size(session) != -BULK_CACHE_KIB
